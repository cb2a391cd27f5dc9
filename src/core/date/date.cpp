#include "levande/date.hpp"

#include <cstdio>
#include <ostream>

#include "date/boost_bridge.hpp"
#include "date/date_range.hpp"
#include "levande/error.hpp"

namespace levande {
namespace {

constexpr std::int32_t kMinYear = 1400;
constexpr std::int32_t kMaxYear = 9999;

const char *const kMonthNames[] = {"January",   "February", "March",    "April",
                                   "May",       "June",     "July",     "August",
                                   "September", "October",  "November", "December"};

std::string ymd_text(std::int64_t y, std::int64_t m, std::int64_t d) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", static_cast<long long>(y),
                static_cast<long long>(m), static_cast<long long>(d));
  return buf;
}

// Validates a broken-down date; `text()` is what the caller gave, for the
// message (formatted only on failure: this runs on every date built).
template <class Text>
void check_ymd(std::int64_t y, std::int64_t m, std::int64_t d, Text &&text) {
  if (m < 1 || m > 12) {
    throw Error(Errc::invalid_date, "date", text(),
                "month " + std::to_string(m) + " does not exist");
  }
  if (y < kMinYear || y > kMaxYear) {
    throw Error(Errc::out_of_range, "date", text(), "year outside the supported range 1400..9999");
  }
  const std::int64_t last =
      days_in_month(static_cast<std::int32_t>(y), static_cast<std::int32_t>(m));
  if (d < 1 || d > last) {
    throw Error(Errc::invalid_date, "date", text(),
                "day " + std::to_string(d) + " does not exist in " + kMonthNames[m - 1] + " " +
                    std::to_string(y));
  }
}

Date make(std::int64_t y, std::int64_t m, std::int64_t d) {
  return detail::from_boost(detail::bg::date(static_cast<unsigned short>(y),
                                             static_cast<unsigned short>(m),
                                             static_cast<unsigned short>(d)));
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

Date Date::from_ymd(std::int32_t year, std::int32_t month, std::int32_t day) {
  check_ymd(year, month, day, [&] { return ymd_text(year, month, day); });
  return make(year, month, day);
}

Date Date::parse(std::string_view text) {
  const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' && is_digit(text[0]) &&
                      is_digit(text[1]) && is_digit(text[2]) && is_digit(text[3]) &&
                      is_digit(text[5]) && is_digit(text[6]) && is_digit(text[8]) &&
                      is_digit(text[9]);
  if (!shaped) {
    throw Error(Errc::parse_error, "date", std::string(text),
                "not an ISO 8601 calendar date of the form YYYY-MM-DD");
  }
  auto num = [&](std::size_t at, std::size_t len) {
    std::int32_t v = 0;
    for (std::size_t i = at; i < at + len; ++i)
      v = v * 10 + (text[i] - '0');
    return v;
  };
  const std::int32_t y = num(0, 4), m = num(5, 2), d = num(8, 2);
  check_ymd(y, m, d, [&] { return std::string(text); });
  return make(y, m, d);
}

YearMonthDay Date::ymd() const {
  detail::require_supported(*this, "date");
  const auto parts = detail::to_boost(*this).year_month_day();
  return {static_cast<std::int32_t>(parts.year), static_cast<std::int32_t>(parts.month),
          static_cast<std::int32_t>(parts.day)};
}

IsoWeek Date::iso_week() const {
  detail::require_supported(*this, "date");
  const auto b = detail::to_boost(*this);
  const std::int32_t week = b.week_number();
  std::int32_t year = b.year();
  // Boost gives the ISO week number but not the week-numbering year; the two
  // differ only in the first and last days of the calendar year.
  if (week >= 52 && b.month() == 1) --year;
  if (week == 1 && b.month() == 12) ++year;
  return {year, week};
}

std::string Date::to_string() const {
  const auto p = ymd();
  return ymd_text(p.year, p.month, p.day);
}

Date Date::add_days(std::int32_t n) const {
  detail::require_supported(*this, "date");
  const std::int64_t r = static_cast<std::int64_t>(days_) + n;
  if (r < min_days || r > max_days) {
    throw Error(Errc::out_of_range, "days", std::to_string(n),
                to_string() + " moved by this many days leaves the supported range");
  }
  return Date(static_cast<std::int32_t>(r));
}

Date Date::add_months(std::int32_t n, MonthEnd policy) const {
  const auto p = ymd();
  const std::int64_t index = static_cast<std::int64_t>(p.year) * 12 + (p.month - 1) + n;
  const std::int64_t y = index >= 0 ? index / 12 : -((-index + 11) / 12);
  const std::int64_t m = index - y * 12 + 1;
  if (y < kMinYear || y > kMaxYear) {
    throw Error(Errc::out_of_range, "months", std::to_string(n),
                to_string() + " moved by this many months leaves the supported range");
  }
  const std::int64_t last =
      days_in_month(static_cast<std::int32_t>(y), static_cast<std::int32_t>(m));
  if (p.day <= last) return make(y, m, p.day);
  switch (policy) {
    case MonthEnd::clamp:
      return make(y, m, last);
    case MonthEnd::next_month_start:
      return make(y, m, last).add_days(1);
    case MonthEnd::error:
      break;
  }
  throw Error(Errc::invalid_date, "date", ymd_text(y, m, p.day),
              "day " + std::to_string(p.day) + " does not exist in " + kMonthNames[m - 1] + " " +
                  std::to_string(y) + " (" + to_string() + " moved by " + std::to_string(n) +
                  " months, month-end policy 'error')");
}

Date Date::add_years(std::int32_t n, MonthEnd policy) const {
  if (n > (kMaxYear - kMinYear) || n < -(kMaxYear - kMinYear)) {
    throw Error(Errc::out_of_range, "years", std::to_string(n),
                to_string() + " moved by this many years leaves the supported range");
  }
  return add_months(n * 12, policy);
}

bool is_leap_year(std::int32_t year) noexcept {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

std::int32_t days_in_month(std::int32_t year, std::int32_t month) {
  if (month < 1 || month > 12) {
    throw Error(Errc::invalid_date, "month", std::to_string(month), "months are numbered 1..12");
  }
  static constexpr std::int32_t kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

std::ostream &operator<<(std::ostream &out, Date date) {
  if (date.valid()) return out << date.to_string();
  return out << "Date(" << date.days() << ')';
}

const char *weekday_name(Weekday day) noexcept {
  switch (day) {
    case Weekday::monday:
      return "monday";
    case Weekday::tuesday:
      return "tuesday";
    case Weekday::wednesday:
      return "wednesday";
    case Weekday::thursday:
      return "thursday";
    case Weekday::friday:
      return "friday";
    case Weekday::saturday:
      return "saturday";
    case Weekday::sunday:
      return "sunday";
  }
  return "invalid";
}

}  // namespace levande
