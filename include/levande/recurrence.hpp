/**
 * @file levande/recurrence.hpp
 * @brief Date-valued recurrence rules (RFC 5545 RRULE) and recurrence sets.
 *
 * Check-ins every second Tuesday, a lunch lecture every other Thursday, a
 * feedback session on the last weekday of the month: every follow-up in
 * levande recurs, and users put them into Outlook, Google Calendar and
 * Thunderbird. RecurrenceRule is the RRULE value exactly as RFC 5545 §3.3.10
 * defines it, restricted to dates (FREQ=DAILY and coarser, no BYHOUR /
 * BYMINUTE / BYSECOND). Recurrence adds DTSTART, RDATE and EXDATE and expands.
 * Moving dates onto business days is a separate, explicit step
 * (adjust_to_business_days()), so the RFC semantics stay intact.
 */
#ifndef LEVANDE_RECURRENCE_HPP
#define LEVANDE_RECURRENCE_HPP

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "levande/calendar.hpp"
#include "levande/date.hpp"
#include "levande/export.h"

namespace levande {

/** @brief How often a rule repeats (RRULE FREQ). */
enum class Frequency : std::uint8_t {
  daily = 0,    ///< FREQ=DAILY
  weekly = 1,   ///< FREQ=WEEKLY
  monthly = 2,  ///< FREQ=MONTHLY
  yearly = 3,   ///< FREQ=YEARLY
};

/** @brief One BYDAY entry: a weekday with an optional ordinal (2MO, -1FR, or plain TU). */
struct WeekdayNum {
  std::int32_t ordinal = 0;           ///< 0 for every such weekday, else ±1..53.
  Weekday weekday = Weekday::monday;  ///< The weekday.
  /** @brief Field-wise equality. */
  friend bool operator==(const WeekdayNum &, const WeekdayNum &) = default;
};

/**
 * @brief A parsed RRULE value (the text after "RRULE:").
 *
 * Immutable value. parse() is strict and reports the part and character
 * position of the first problem; to_string() writes the canonical form
 * (FREQ first, then INTERVAL if not 1, COUNT or UNTIL, BYMONTH, BYWEEKNO,
 * BYYEARDAY, BYMONTHDAY, BYDAY, BYSETPOS, WKST if not MO; list values sorted
 * and without duplicates; UNTIL as a DATE). parse(to_string()) gives an equal rule.
 */
class LEVANDE_API RecurrenceRule {
 public:
  /** @brief Largest COUNT accepted (a rule with COUNT is expanded in full when used). */
  static constexpr std::int32_t max_count = 1'000'000;
  /** @brief Largest INTERVAL accepted. */
  static constexpr std::int32_t max_interval = 100'000;

  /**
   * @brief Parses an RRULE value such as `FREQ=WEEKLY;INTERVAL=2;BYDAY=TU`.
   *
   * A leading `RRULE:` is accepted. Parts may come in any order (RFC 5545
   * §3.3.10 requires readers to accept that) but only once each.
   * @throws Error Errc::parse_error naming the part and position for malformed
   *         text, an unknown or repeated part, a value out of range, or a
   *         combination RFC 5545 forbids (COUNT with UNTIL, BYSETPOS alone,
   *         BYDAY=2MO with FREQ=WEEKLY, BYWEEKNO outside YEARLY ...);
   *         Errc::unsupported for time-of-day parts (FREQ=HOURLY, BYHOUR ...).
   */
  static RecurrenceRule parse(std::string_view text);

  /** @brief The canonical RRULE value (no "RRULE:" prefix). */
  std::string to_string() const;

  /** @brief FREQ. */
  Frequency frequency() const noexcept { return freq_; }
  /** @brief INTERVAL, 1 when absent. */
  std::int32_t interval() const noexcept { return interval_; }
  /** @brief COUNT, if given. */
  std::optional<std::int32_t> count() const noexcept { return count_; }
  /** @brief UNTIL (inclusive; the date part of a DATE-TIME), if given. */
  std::optional<Date> until() const noexcept { return until_; }
  /** @brief BYMONTH values, sorted. */
  const std::vector<std::int32_t> &by_month() const noexcept { return by_month_; }
  /** @brief BYWEEKNO values, sorted. */
  const std::vector<std::int32_t> &by_week_no() const noexcept { return by_week_no_; }
  /** @brief BYYEARDAY values, sorted. */
  const std::vector<std::int32_t> &by_year_day() const noexcept { return by_year_day_; }
  /** @brief BYMONTHDAY values, sorted. */
  const std::vector<std::int32_t> &by_month_day() const noexcept { return by_month_day_; }
  /** @brief BYDAY entries, sorted by ordinal then weekday. */
  const std::vector<WeekdayNum> &by_day() const noexcept { return by_day_; }
  /** @brief BYSETPOS values, sorted. */
  const std::vector<std::int32_t> &by_set_pos() const noexcept { return by_set_pos_; }
  /** @brief WKST, Monday when absent. */
  Weekday week_start() const noexcept { return wkst_; }

  /** @brief Field-wise equality. */
  friend bool operator==(const RecurrenceRule &, const RecurrenceRule &) = default;

 private:
  Frequency freq_ = Frequency::daily;
  std::int32_t interval_ = 1;
  std::optional<std::int32_t> count_;
  std::optional<Date> until_;
  std::vector<std::int32_t> by_month_, by_week_no_, by_year_day_, by_month_day_, by_set_pos_;
  std::vector<WeekdayNum> by_day_;
  Weekday wkst_ = Weekday::monday;
};

/** @brief How adjust_to_business_days() treats a date that is not a business day. */
enum class Adjustment : std::uint8_t {
  skip = 0,                ///< Drop it.
  following = 1,           ///< Roll::following.
  preceding = 2,           ///< Roll::preceding.
  modified_following = 3,  ///< Roll::modified_following.
  modified_preceding = 4,  ///< Roll::modified_preceding.
};

class RecurrenceCursor;

namespace detail {
struct RecurrenceFilters;
}

/**
 * @brief A recurrence set: DTSTART, at most one RRULE, RDATEs and EXDATEs.
 *
 * Occurrences are the dates the rule generates on or after DTSTART, plus the
 * RDATEs, minus the EXDATEs, sorted and without duplicates.
 *
 * Rulings where readings of RFC 5545 differ (see docs/recurrence.md):
 * - DTSTART is an occurrence only when the rule (or an RDATE) produces it, as
 *   in python-dateutil; the .ics writer always sets DTSTART to the first
 *   occurrence so that every client agrees.
 * - Information a rule leaves out is taken from DTSTART, as RFC 5545 says:
 *   FREQ=YEARLY with BYWEEKNO but no BYDAY / BYMONTHDAY / BYYEARDAY uses
 *   DTSTART's weekday; FREQ=YEARLY with BYMONTHDAY but no BYMONTH / BYWEEKNO /
 *   BYYEARDAY uses DTSTART's month (as libical does).
 *
 * Thread safety: const member functions may run concurrently; a rule with
 * COUNT is expanded once, when the Recurrence is built.
 */
class LEVANDE_API Recurrence {
 public:
  /** @brief Most occurrences a single expansion may return unless the caller allows more. */
  static constexpr std::size_t default_limit = 1'000'000;

  /**
   * @brief A recurrence of @p rule from @p start (DTSTART).
   * @throws Error Errc::out_of_range for a start outside the supported range.
   */
  Recurrence(RecurrenceRule rule, Date start);
  /** @brief Parses @p rule (see RecurrenceRule::parse()) and starts it at @p start. */
  Recurrence(std::string_view rule, Date start);
  /** @brief A recurrence set without a rule: only RDATEs (DTSTART is @p start). */
  explicit Recurrence(Date start);

  /** @brief Adds an RDATE. @throws Error Errc::out_of_range outside the supported range. */
  void add_rdate(Date date);
  /** @brief Adds an EXDATE. @throws Error Errc::out_of_range outside the supported range. */
  void add_exdate(Date date);

  /** @brief DTSTART. */
  Date start() const noexcept { return start_; }
  /** @brief The rule, if any. */
  const std::optional<RecurrenceRule> &rule() const noexcept { return rule_; }
  /** @brief The RDATEs, sorted. */
  const std::vector<Date> &rdates() const noexcept { return rdates_; }
  /** @brief The EXDATEs, sorted. */
  const std::vector<Date> &exdates() const noexcept { return exdates_; }
  /** @brief Whether the set ends (a rule with COUNT or UNTIL, or no rule). */
  bool is_finite() const noexcept;

  /**
   * @brief The occurrences in [first, last] (both inclusive), sorted.
   *
   * Only the periods that can hold such dates are expanded (a rule without
   * COUNT jumps straight to @p first).
   * @throws Error Errc::out_of_range when there are more than @p limit of
   *         them (the message says how to ask for more).
   */
  std::vector<Date> between(Date first, Date last, std::size_t limit = default_limit) const;

  /** @brief The first occurrence strictly after @p date, if any. */
  std::optional<Date> next_after(Date date) const;

  /** @brief A lazy walk through the occurrences on or after @p from (see RecurrenceCursor). */
  RecurrenceCursor occurrences_from(Date from) const;

 private:
  void rebuild();
  void expand_rule(Date first, Date last, std::size_t limit, std::vector<Date> &out) const;

  Date start_;
  std::optional<RecurrenceRule> rule_;
  std::vector<Date> rdates_, exdates_;
  std::shared_ptr<const detail::RecurrenceFilters>
      filters_;                                   // the rule with DTSTART defaults filled in
  std::shared_ptr<const std::vector<Date>> all_;  // every rule date, for rules with COUNT
};

/**
 * @brief A lazy walk through the occurrences of a Recurrence on or after a date.
 *
 * Holds its own copy of the recurrence, so it stays valid when the original
 * changes or goes away. Each next() expands only the next stretch of dates
 * (a few weeks at first, growing), never the whole set from DTSTART.
 */
class LEVANDE_API RecurrenceCursor {
 public:
  /** @brief A walk through @p recurrence from @p from (inclusive). */
  RecurrenceCursor(Recurrence recurrence, Date from);
  /** @brief The next occurrence, or nothing when the set is exhausted. */
  std::optional<Date> next();

 private:
  Recurrence source_;
  std::vector<Date> buffer_;  // the current stretch, ascending
  std::size_t at_ = 0;
  Date from_;                  // where the next stretch starts
  std::int32_t stretch_ = 64;  // days per stretch; grows while stretches come back empty
  bool done_ = false;
};

/** @brief The dates of many recurrences as one column: rule i owns dates[offsets[i] ..
 * offsets[i+1]). */
struct ExpandedColumn {
  std::vector<Date> dates;            ///< All dates, rule after rule, each rule's sorted.
  std::vector<std::int64_t> offsets;  ///< Size = number of rules + 1; offsets[0] == 0.
};

/**
 * @brief Expands many rules over one window [first, last] in one call.
 *
 * For schedules with thousands of recurring follow-ups: rules[i] starts at
 * starts[i] (a single start is used for all). Equal rule texts are parsed once.
 * @throws Error naming `rules[i]` for a bad rule, Errc::invalid_argument for
 *         mismatched sizes, Errc::out_of_range when one rule has more than
 *         @p limit dates in the window.
 */
LEVANDE_API ExpandedColumn expand_many(std::span<const std::string> rules,
                                       std::span<const Date> starts, Date first, Date last,
                                       std::size_t limit = Recurrence::default_limit);

/**
 * @brief Moves dates onto business days of @p calendar; the explicit step after
 *        RFC 5545 expansion.
 *
 * Business days are kept. Others are dropped (Adjustment::skip) or rolled by
 * the matching Roll convention. The result is sorted and without duplicates
 * (a Saturday and a Sunday that both roll to Monday give one Monday).
 * @throws Error Errc::out_of_range when a roll leaves the supported range.
 */
LEVANDE_API std::vector<Date> adjust_to_business_days(std::span<const Date> dates,
                                                      const Calendar &calendar, Adjustment how);

/**
 * @brief The occurrences of @p recurrence moved by @p how onto business days of
 *        @p calendar that land in [first, last].
 *
 * Dates just outside the window that roll into it are included: the rule is
 * expanded over the non-business days next to the window as well.
 */
LEVANDE_API std::vector<Date> adjusted_between(const Recurrence &recurrence,
                                               const Calendar &calendar, Adjustment how, Date first,
                                               Date last,
                                               std::size_t limit = Recurrence::default_limit);

}  // namespace levande

#endif  // LEVANDE_RECURRENCE_HPP
