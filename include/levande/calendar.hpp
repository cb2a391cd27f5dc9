/**
 * @file levande/calendar.hpp
 * @brief Business calendars: weekends, holiday rules, closures, and
 *        business-day arithmetic on them.
 *
 * Every follow-up levande schedules lands on a business day of somebody's
 * calendar. A Calendar is a value: a weekend, a list of holiday rules
 * (evaluated for any year), and one-off closures (company shutdowns, a
 * person's absences). Calendars compose by union of their days off.
 */
#ifndef LEVANDE_CALENDAR_HPP
#define LEVANDE_CALENDAR_HPP

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "levande/date.hpp"
#include "levande/export.h"

namespace levande {

/**
 * @brief How to move a date that is not a business day onto one.
 *
 * The conventions are those of financial calendars (ISDA 2006 §4.12).
 */
enum class Roll : std::uint8_t {
  following = 0,           ///< The first business day on or after the date.
  preceding = 1,           ///< The last business day on or before the date.
  modified_following = 2,  ///< Following, unless that changes the month: then preceding.
  modified_preceding = 3,  ///< Preceding, unless that changes the month: then following.
};

/** @brief A set of weekdays, e.g. the weekend of a calendar. */
class WeekdaySet {
 public:
  /** @brief The empty set. */
  constexpr WeekdaySet() noexcept = default;
  /** @brief The set of the listed days. */
  constexpr WeekdaySet(std::initializer_list<Weekday> days) noexcept {
    for (Weekday d : days)
      bits_ |= bit(d);
  }
  /** @brief From a bit mask: bit 0 is Monday ... bit 6 is Sunday; higher bits are ignored. */
  static constexpr WeekdaySet from_bits(std::uint8_t bits) noexcept {
    WeekdaySet s;
    s.bits_ = static_cast<std::uint8_t>(bits & 0x7F);
    return s;
  }
  /** @brief The bit mask (bit 0 Monday ... bit 6 Sunday). */
  constexpr std::uint8_t bits() const noexcept { return bits_; }
  /** @brief Whether @p day is in the set. */
  constexpr bool contains(Weekday day) const noexcept { return (bits_ & bit(day)) != 0; }
  /** @brief Union. */
  constexpr WeekdaySet operator|(WeekdaySet other) const noexcept {
    return from_bits(static_cast<std::uint8_t>(bits_ | other.bits_));
  }
  /** @brief Equality. */
  friend constexpr bool operator==(WeekdaySet, WeekdaySet) noexcept = default;

 private:
  static constexpr std::uint8_t bit(Weekday d) noexcept {
    return static_cast<std::uint8_t>(1u << (static_cast<unsigned>(d) - 1u));
  }
  std::uint8_t bits_ = 0;
};

/** @brief A named day off on a date. */
struct Holiday {
  Date date;         ///< The day.
  std::string name;  ///< Its name, e.g. "Midsommardagen" (UTF-8).
  /** @brief Field-wise equality. */
  friend bool operator==(const Holiday &, const Holiday &) = default;
};

/** @brief A closed period [first, last] (both inclusive): a company shutdown or an absence. */
struct Closure {
  Date first;        ///< First day off.
  Date last;         ///< Last day off (inclusive).
  std::string name;  ///< Why, e.g. "Summer shutdown" or "Parental leave" (UTF-8).
  /** @brief Field-wise equality. */
  friend bool operator==(const Closure &, const Closure &) = default;
};

/**
 * @brief A rule that names one holiday and finds its date in any year.
 *
 * Four shapes cover the holiday laws levande ships and most others: a fixed
 * date, the n-th (or n-th last) weekday of a month, an offset from Gregorian
 * Easter Sunday, and the first given weekday within a window of days (the
 * Swedish Midsommardagen is the Saturday in 20–26 June). A rule can be
 * limited to the years a law was in force. Immutable value; the factories
 * validate and throw Error (Errc::invalid_argument, naming the field).
 */
class LEVANDE_API HolidayRule {
 public:
  /** @brief Which of the four shapes a rule has. */
  enum class Kind : std::uint8_t {
    fixed_date = 0,         ///< Same month and day every year.
    nth_weekday = 1,        ///< The n-th (n > 0) or n-th last (n < 0) weekday of a month.
    easter_offset = 2,      ///< Easter Sunday plus a number of days.
    weekday_in_window = 3,  ///< The first given weekday on or after a month/day, within a window.
  };

  /**
   * @brief A holiday on the same day every year, e.g. 25 December.
   *
   * 29 February is allowed; the rule has no date in common years.
   * @throws Error for an empty name or a month/day that never exists.
   */
  static HolidayRule fixed_date(std::string name, std::int32_t month, std::int32_t day);

  /**
   * @brief The n-th weekday of a month; n = -1 is the last, -2 the second last.
   * @param n 1..5 or -5..-1. A fifth weekday that does not exist in a given
   *          year gives no holiday that year (unlike Boost, which falls back to the last).
   * @throws Error for an empty name, a bad month, or n outside those ranges.
   */
  static HolidayRule nth_weekday(std::string name, std::int32_t month, Weekday weekday,
                                 std::int32_t n);

  /**
   * @brief Gregorian Easter Sunday plus @p offset_days (−2 is Good Friday, 39 Ascension Day).
   * @throws Error for an empty name or |offset_days| > 365.
   */
  static HolidayRule easter_offset(std::string name, std::int32_t offset_days);

  /**
   * @brief The first @p weekday on or after @p month / @p day, if it falls within
   *        @p length_days days from there (a window may cross a month end).
   *
   * Swedish Alla helgons dag: `weekday_in_window("Alla helgons dag", Weekday::saturday, 10, 31)`.
   * With a window shorter than 7 days some years have no such day.
   * @throws Error for an empty name, a month/day that never exists, or a length outside 1..366.
   */
  static HolidayRule weekday_in_window(std::string name, Weekday weekday, std::int32_t month,
                                       std::int32_t day, std::int32_t length_days = 7);

  /**
   * @brief A copy of this rule that applies from @p year on (inclusive).
   * @throws Error Errc::invalid_argument if that is after the last year set.
   */
  HolidayRule valid_from(std::int32_t year) const;
  /**
   * @brief A copy of this rule that applies up to @p year (inclusive).
   * @throws Error Errc::invalid_argument if that is before the first year set.
   */
  HolidayRule valid_until(std::int32_t year) const;

  /**
   * @brief The rule's date in @p year, or nothing when it has none that year
   *        (outside its years, 29 February in a common year, a missing fifth weekday,
   *        a result outside the supported date range).
   */
  std::optional<Date> date_in(std::int32_t year) const;

  /** @brief The shape. */
  Kind kind() const noexcept { return kind_; }
  /** @brief The holiday's name (UTF-8). */
  const std::string &name() const noexcept { return name_; }
  /** @brief Month (fixed_date, nth_weekday, weekday_in_window); 0 otherwise. */
  std::int32_t month() const noexcept { return month_; }
  /** @brief Day of month (fixed_date, weekday_in_window start); 0 otherwise. */
  std::int32_t day() const noexcept { return day_; }
  /** @brief Weekday (nth_weekday, weekday_in_window); Monday otherwise. */
  Weekday weekday() const noexcept { return weekday_; }
  /** @brief n of nth_weekday; 0 otherwise. */
  std::int32_t nth() const noexcept { return nth_; }
  /** @brief Days from Easter Sunday (easter_offset); 0 otherwise. */
  std::int32_t offset_days() const noexcept { return offset_; }
  /** @brief Window length in days (weekday_in_window); 0 otherwise. */
  std::int32_t length_days() const noexcept { return length_; }
  /** @brief First year the rule applies (default 1400, the first supported year). */
  std::int32_t first_year() const noexcept { return first_year_; }
  /** @brief Last year the rule applies (default 9999). */
  std::int32_t last_year() const noexcept { return last_year_; }

  /** @brief Field-wise equality. */
  friend bool operator==(const HolidayRule &, const HolidayRule &) = default;

 private:
  HolidayRule(Kind kind, std::string name);
  Kind kind_;
  Weekday weekday_ = Weekday::monday;
  std::string name_;
  std::int32_t month_ = 0;
  std::int32_t day_ = 0;
  std::int32_t nth_ = 0;
  std::int32_t offset_ = 0;
  std::int32_t length_ = 0;
  std::int32_t first_year_ = 1400;
  std::int32_t last_year_ = 9999;
};

/**
 * @brief Gregorian Easter Sunday of @p year (the "anonymous Gregorian" computus).
 *
 * The Gregorian rule is applied proleptically to years before 1583.
 * @throws Error Errc::out_of_range for a year outside 1400..9999.
 */
LEVANDE_API Date easter_sunday(std::int32_t year);

namespace detail {
struct CalendarData;
}

/**
 * @brief A business calendar: which days are working days.
 *
 * A day is a business day unless it is a weekend day, the date of a holiday
 * rule, or inside a closure. The calendar is a cheap-to-copy value (copies
 * share their data until one is changed).
 *
 * Thread safety: const member functions may be called from many threads at
 * once. Changing a calendar (set_weekend(), add_rule(), add_closure(),
 * merge()) needs exclusive access to that object; other copies are unaffected.
 *
 * Queries answer in constant time for typical offsets: the calendar keeps a
 * lazily built bitmap of business days per block of about eleven years,
 * shared by its copies (about 640 bytes per block in use).
 *
 * Errors: every query validates its dates (Errc::out_of_range for a date
 * outside 1400-01-01..9999-12-31 or a result beyond it) and names the
 * parameter; a failed change leaves the calendar as it was.
 */
class LEVANDE_API Calendar {
 public:
  /** @brief Saturday and Sunday off, no holidays. */
  Calendar();
  /**
   * @brief A calendar with the given weekend and no holidays.
   * @throws Error Errc::invalid_argument when @p weekend holds all seven days.
   */
  explicit Calendar(WeekdaySet weekend);
  /** @brief Copies share data until changed. */
  Calendar(const Calendar &);
  /** @brief Move; the source becomes a weekends-only calendar. */
  Calendar(Calendar &&) noexcept;
  /** @brief Copy assignment. */
  Calendar &operator=(const Calendar &);
  /** @brief Move assignment; the source becomes a weekends-only calendar. */
  Calendar &operator=(Calendar &&) noexcept;
  ~Calendar();

  /** @brief Saturday and Sunday off, no holidays (same as Calendar()). */
  static Calendar weekends_only();

  /**
   * @brief Sweden: the public holidays of the Act on public holidays (SFS 1989:253)
   *        with Saturday and Sunday off.
   *
   * Holidays: Nyårsdagen, Trettondedag jul, Långfredagen, Påskdagen, Annandag påsk,
   * Första maj, Kristi himmelsfärdsdag, Pingstdagen, Annandag pingst (until 2004),
   * Sveriges nationaldag (from 2005), Midsommardagen, Alla helgons dag, Juldagen,
   * Annandag jul. With @p de_facto, also the days the Annual Leave Act (SFS 1977:480
   * §7) treats as Sundays: Midsommarafton, Julafton, Nyårsafton. Exact from 1953
   * (when Midsommardagen and Alla helgons dag moved to Saturdays) except that
   * Marie bebådelsedag, a Sunday holiday until 1989, is not listed.
   */
  static Calendar sweden(bool de_facto = true);

  /**
   * @brief Replaces the weekend.
   * @throws Error Errc::invalid_argument when @p weekend holds all seven days.
   */
  void set_weekend(WeekdaySet weekend);
  /** @brief Adds a holiday rule. */
  void add_rule(HolidayRule rule);
  /**
   * @brief Adds a closed period [first, last], both inclusive.
   * @throws Error Errc::invalid_argument for an empty name or last < first,
   *         Errc::out_of_range for a date outside the supported range.
   */
  void add_closure(Date first, Date last, std::string name);
  /**
   * @brief Makes this calendar's days off the union of its own and @p other's:
   *        weekends, rules and closures are all kept.
   */
  void merge(const Calendar &other);
  /** @brief A new calendar whose days off are the union of both. */
  Calendar combined(const Calendar &other) const;

  /** @brief The weekend days. */
  WeekdaySet weekend() const noexcept;
  /** @brief The holiday rules, in the order added. */
  const std::vector<HolidayRule> &rules() const noexcept;
  /** @brief The closures, in the order added. */
  const std::vector<Closure> &closures() const noexcept;

  /** @brief Whether @p date is a business day. */
  bool is_business_day(Date date) const;
  /** @brief The first business day strictly after @p date. */
  Date next_business_day(Date date) const;
  /** @brief The last business day strictly before @p date. */
  Date previous_business_day(Date date) const;

  /**
   * @brief Business-day arithmetic, as a spreadsheet's WORKDAY counts.
   *
   * n > 0: the n-th business day after @p date; n < 0: the |n|-th business
   * day before it; n = 0: @p date itself if it is a business day, else the next
   * one. The start day is never counted, so Saturday + 1 is Monday and
   * Friday + 1 is Monday (on a Saturday/Sunday weekend without holidays).
   * The result is always a business day.
   * @throws Error Errc::out_of_range when the result would leave the supported range.
   */
  Date add_business_days(Date date, std::int32_t n) const;

  /**
   * @brief Number of business days in [from, to); when to < from, minus the
   *        number in [to, from).
   *
   * So the count is antisymmetric and additive: between(a, b) + between(b, c)
   * == between(a, c). numpy.busday_count agrees for from <= to; for to < from,
   * numpy 1.25 and later count (to, from] instead.
   */
  std::int32_t business_days_between(Date from, Date to) const;

  /** @brief @p date moved onto a business day by @p convention (unchanged if it is one). */
  Date roll(Date date, Roll convention) const;

  /**
   * @brief The named days off of @p year, sorted by date: every holiday rule's
   *        date (also when it falls on a weekend) and every day of every closure
   *        that lies in the year. A rule whose date crosses new year (an Easter
   *        offset, a window from 31 December) is listed in the year its date is in.
   *
   * Two holidays on the same date (Första maj and Kristi himmelsfärdsdag in
   * 2008) are two entries, in the order their rules were added.
   * @throws Error Errc::out_of_range for a year outside 1400..9999.
   */
  std::vector<Holiday> holidays(std::int32_t year) const;

  /**
   * @name Bulk forms
   * Column-at-a-time versions of the queries above. Inputs and outputs are
   * caller-owned; a second input of size 1 is broadcast against the first.
   * On error the function throws (naming the first bad element's index) and
   * the contents of @p out are unspecified.
   * @{
   */
  /**
   * @brief out[i] = is_business_day(dates[i]) (1 or 0).
   * @throws Error Errc::invalid_argument when out.size() != dates.size().
   */
  void is_business_day(std::span<const Date> dates, std::span<std::uint8_t> out) const;
  /**
   * @brief out[i] = add_business_days(dates[i], offsets[i]); offsets may have size 1.
   * @throws Error Errc::invalid_argument on mismatched sizes.
   */
  void add_business_days(std::span<const Date> dates, std::span<const std::int32_t> offsets,
                         std::span<Date> out) const;
  /**
   * @brief out[i] = business_days_between(from[i], to[i]); either input may have size 1.
   * @throws Error Errc::invalid_argument on mismatched sizes.
   */
  void business_days_between(std::span<const Date> from, std::span<const Date> to,
                             std::span<std::int32_t> out) const;
  /**
   * @brief out[i] = roll(dates[i], convention).
   * @throws Error Errc::invalid_argument when out.size() != dates.size().
   */
  void roll(std::span<const Date> dates, Roll convention, std::span<Date> out) const;
  /** @} */

 private:
  explicit Calendar(std::shared_ptr<const detail::CalendarData> data);
  std::shared_ptr<const detail::CalendarData> data_;  // never null
};

}  // namespace levande

#endif  // LEVANDE_CALENDAR_HPP
