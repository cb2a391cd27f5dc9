/**
 * @file levande/date.hpp
 * @brief `levande::Date`: a calendar date as days since 1970-01-01.
 *
 * The representation (a signed 32-bit day count from the Unix epoch) is the
 * one numpy `datetime64[D]`, Arrow `date32` and DuckDB `DATE` use, so columns
 * of dates cross the C, Python and Arrow boundaries without conversion.
 */
#ifndef LEVANDE_DATE_HPP
#define LEVANDE_DATE_HPP

#include <compare>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

#include "levande/export.h"

namespace levande {

/** @brief Day of the week, numbered as ISO 8601 does (Monday = 1 ... Sunday = 7). */
enum class Weekday : std::uint8_t {
  monday = 1,     ///< Monday (ISO day 1).
  tuesday = 2,    ///< Tuesday.
  wednesday = 3,  ///< Wednesday.
  thursday = 4,   ///< Thursday.
  friday = 5,     ///< Friday.
  saturday = 6,   ///< Saturday.
  sunday = 7,     ///< Sunday (ISO day 7).
};

/**
 * @brief What month and year arithmetic does when the day does not exist in
 *        the target month (31 January + 1 month, 29 February + 1 year).
 *
 * There is deliberately no default: callers choose. Unlike Boost.Date_Time,
 * levande never "snaps" a last-of-month date to the end of the target month:
 * 30 April + 1 month is 30 May under every policy.
 */
enum class MonthEnd : std::uint8_t {
  clamp = 0,             ///< Use the last day of the target month (31 Jan + 1 month = 28/29 Feb).
  next_month_start = 1,  ///< Use the first day of the month after (31 Jan + 1 month = 1 Mar).
  error = 2,             ///< Throw Error with Errc::invalid_date.
};

/** @brief A broken-down Gregorian date. */
struct YearMonthDay {
  std::int32_t year;   ///< Gregorian year, 1400..9999 for a valid Date.
  std::int32_t month;  ///< Month 1..12.
  std::int32_t day;    ///< Day of month 1..31.
  /** @brief Field-wise equality. */
  friend bool operator==(const YearMonthDay &, const YearMonthDay &) = default;
};

/** @brief An ISO 8601 week: the week-numbering year and week 1..53. */
struct IsoWeek {
  std::int32_t
      year;  ///< ISO week-numbering year (may differ from the calendar year near new year).
  std::int32_t week;  ///< Week number 1..53.
  /** @brief Field-wise equality. */
  friend bool operator==(const IsoWeek &, const IsoWeek &) = default;
};

/**
 * @brief A proleptic Gregorian calendar date, stored as days since 1970-01-01.
 *
 * Supported range: 1400-01-01 (Date::min_days) to 9999-12-31 (Date::max_days).
 * A Date built from a raw day count may lie outside that range; every
 * operation that needs a calendar view of it throws Errc::out_of_range then.
 * Comparison and subtraction work on any value. Trivially copyable; all
 * member functions are safe to call concurrently.
 */
class LEVANDE_API Date {
 public:
  /** @brief Day count of 1400-01-01, the first supported date. */
  static constexpr std::int32_t min_days = -208188;
  /** @brief Day count of 9999-12-31, the last supported date. */
  static constexpr std::int32_t max_days = 2932896;

  /** @brief 1970-01-01. */
  constexpr Date() noexcept = default;
  /** @brief The date @p days days after 1970-01-01 (negative: before). Not range-checked. */
  constexpr explicit Date(std::int32_t days) noexcept : days_(days) {}

  /**
   * @brief The date for a year, month and day.
   * @throws Error Errc::invalid_date when the day does not exist (2026-02-30,
   *         month 13) and Errc::out_of_range for a year outside 1400..9999.
   */
  static Date from_ymd(std::int32_t year, std::int32_t month, std::int32_t day);

  /**
   * @brief Parses an ISO 8601 calendar date in extended form, exactly `YYYY-MM-DD`.
   *
   * Strict: no surrounding space, no basic form (`20260101`), no short forms
   * (`26-1-1`), no time part.
   * @throws Error Errc::parse_error when the text is not in that form,
   *         Errc::invalid_date when it names a day that does not exist, and
   *         Errc::out_of_range for years before 1400. The message quotes the text.
   */
  static Date parse(std::string_view text);

  /** @brief The first supported date, 1400-01-01. */
  static constexpr Date min() noexcept { return Date(min_days); }
  /** @brief The last supported date, 9999-12-31. */
  static constexpr Date max() noexcept { return Date(max_days); }

  /** @brief Days since 1970-01-01. */
  constexpr std::int32_t days() const noexcept { return days_; }
  /** @brief Whether the date lies in the supported range. */
  constexpr bool valid() const noexcept { return days_ >= min_days && days_ <= max_days; }

  /** @brief Year, month and day. @throws Error Errc::out_of_range if !valid(). */
  YearMonthDay ymd() const;
  /** @brief The Gregorian year. @throws Error Errc::out_of_range if !valid(). */
  std::int32_t year() const { return ymd().year; }
  /** @brief The month, 1..12. @throws Error Errc::out_of_range if !valid(). */
  std::int32_t month() const { return ymd().month; }
  /** @brief The day of the month, 1..31. @throws Error Errc::out_of_range if !valid(). */
  std::int32_t day() const { return ymd().day; }

  /** @brief Day of the week. Defined for every day count. */
  constexpr Weekday weekday() const noexcept {
    // 1970-01-01 was a Thursday (ISO 4); 64-bit so that INT32_MAX cannot
    // overflow, and the double modulo keeps negatives in 0..6.
    return static_cast<Weekday>(((std::int64_t{days_} + 3) % 7 + 7) % 7 + 1);
  }

  /** @brief ISO 8601 week and week-numbering year. @throws Error Errc::out_of_range if !valid(). */
  IsoWeek iso_week() const;

  /** @brief ISO 8601 extended form, `YYYY-MM-DD`. @throws Error Errc::out_of_range if !valid(). */
  std::string to_string() const;

  /**
   * @brief This date moved by @p n days (negative: earlier).
   * @throws Error Errc::out_of_range when the result leaves the supported range.
   */
  Date add_days(std::int32_t n) const;

  /**
   * @brief This date moved by @p n calendar months, keeping the day of month.
   * @param policy what to do when the day does not exist in the target month.
   * @throws Error Errc::invalid_date under MonthEnd::error when the day does not
   *         exist; Errc::out_of_range when the result leaves the supported range.
   */
  Date add_months(std::int32_t n, MonthEnd policy) const;

  /**
   * @brief This date moved by @p n years, keeping month and day.
   *
   * Only 29 February can be missing in the target year; @p policy decides.
   * @throws Error as add_months().
   */
  Date add_years(std::int32_t n, MonthEnd policy) const;

  /** @brief Chronological ordering. */
  friend constexpr auto operator<=>(Date, Date) noexcept = default;
  /** @brief Number of days from @p b to @p a (a − b). */
  friend constexpr std::int64_t operator-(Date a, Date b) noexcept {
    return static_cast<std::int64_t>(a.days_) - b.days_;
  }

 private:
  std::int32_t days_ = 0;
};

/** @brief Whether @p year is a Gregorian leap year. */
LEVANDE_API bool is_leap_year(std::int32_t year) noexcept;

/**
 * @brief Number of days in a month of a year.
 * @throws Error Errc::invalid_date for a month outside 1..12.
 */
LEVANDE_API std::int32_t days_in_month(std::int32_t year, std::int32_t month);

/** @brief Writes the date as `YYYY-MM-DD` (or `Date(<days>)` when out of range). */
LEVANDE_API std::ostream &operator<<(std::ostream &out, Date date);

/** @brief Lower-case English name of a weekday, e.g. "monday". */
LEVANDE_API const char *weekday_name(Weekday day) noexcept;

}  // namespace levande

// Hashing, so dates can key unordered containers.
/// @cond LEVANDE_STD_SPECIALIZATIONS
namespace std {
template <>
struct hash<levande::Date> {
  std::size_t operator()(levande::Date d) const noexcept {
    return std::hash<std::int32_t>{}(d.days());
  }
};
}  // namespace std
/// @endcond

#endif  // LEVANDE_DATE_HPP
