#include <boost/date_time/gregorian/gregorian.hpp>

#include "date/boost_bridge.hpp"
#include "levande/calendar.hpp"
#include "levande/error.hpp"

namespace levande {
namespace {

namespace bg = detail::bg;

constexpr std::int32_t kMinYear = 1400;
constexpr std::int32_t kMaxYear = 9999;

void require_name(const std::string &name) {
  if (name.empty()) {
    throw Error(Errc::invalid_argument, "name", name, "a holiday needs a non-empty name");
  }
}

void require_month(std::int32_t month) {
  if (month < 1 || month > 12) {
    throw Error(Errc::invalid_argument, "month", std::to_string(month),
                "months are numbered 1..12");
  }
}

// A month/day pair that exists in at least one year (29 February does).
void require_month_day(std::int32_t month, std::int32_t day) {
  require_month(month);
  if (day < 1 || day > days_in_month(2000, month)) {
    throw Error(Errc::invalid_argument, "day", std::to_string(day),
                "no month " + std::to_string(month) + " has this day");
  }
}

void require_weekday(Weekday weekday) {
  const auto v = static_cast<unsigned>(weekday);
  if (v < 1 || v > 7) {
    throw Error(Errc::invalid_argument, "weekday", std::to_string(v),
                "weekdays are numbered 1 (Monday) ..7 (Sunday)");
  }
}

void require_year(const char *field, std::int32_t year) {
  if (year < kMinYear || year > kMaxYear) {
    throw Error(Errc::invalid_argument, field, std::to_string(year),
                "outside the supported range 1400..9999");
  }
}

bg::greg_weekday to_boost(Weekday w) {
  return bg::greg_weekday(static_cast<unsigned short>(static_cast<unsigned>(w) % 7));
}

std::optional<Date> in_range(std::int64_t days) {
  if (days < Date::min_days || days > Date::max_days) return std::nullopt;
  return Date(static_cast<std::int32_t>(days));
}

}  // namespace

HolidayRule::HolidayRule(Kind kind, std::string name) : kind_(kind), name_(std::move(name)) {
  require_name(name_);
}

HolidayRule HolidayRule::fixed_date(std::string name, std::int32_t month, std::int32_t day) {
  require_month_day(month, day);
  HolidayRule r(Kind::fixed_date, std::move(name));
  r.month_ = month;
  r.day_ = day;
  return r;
}

HolidayRule HolidayRule::nth_weekday(std::string name, std::int32_t month, Weekday weekday,
                                     std::int32_t n) {
  require_month(month);
  require_weekday(weekday);
  if (n == 0 || n > 5 || n < -5) {
    throw Error(Errc::invalid_argument, "n", std::to_string(n),
                "must be 1..5 (n-th) or -5..-1 (n-th last)");
  }
  HolidayRule r(Kind::nth_weekday, std::move(name));
  r.month_ = month;
  r.weekday_ = weekday;
  r.nth_ = n;
  return r;
}

HolidayRule HolidayRule::easter_offset(std::string name, std::int32_t offset_days) {
  if (offset_days > 365 || offset_days < -365) {
    throw Error(Errc::invalid_argument, "offset_days", std::to_string(offset_days),
                "must be within -365..365 days of Easter Sunday");
  }
  HolidayRule r(Kind::easter_offset, std::move(name));
  r.offset_ = offset_days;
  return r;
}

HolidayRule HolidayRule::weekday_in_window(std::string name, Weekday weekday, std::int32_t month,
                                           std::int32_t day, std::int32_t length_days) {
  require_month_day(month, day);
  require_weekday(weekday);
  if (month == 2 && day == 29) {
    throw Error(Errc::invalid_argument, "day", "29",
                "a window cannot start on 29 February, which most years lack");
  }
  if (length_days < 1 || length_days > 366) {
    throw Error(Errc::invalid_argument, "length_days", std::to_string(length_days),
                "a window is 1..366 days long");
  }
  HolidayRule r(Kind::weekday_in_window, std::move(name));
  r.month_ = month;
  r.day_ = day;
  r.weekday_ = weekday;
  r.length_ = length_days;
  return r;
}

HolidayRule HolidayRule::valid_from(std::int32_t year) const {
  require_year("valid_from", year);
  if (year > last_year_) {
    throw Error(Errc::invalid_argument, "valid_from", std::to_string(year),
                "after the rule's last year " + std::to_string(last_year_));
  }
  HolidayRule r = *this;
  r.first_year_ = year;
  return r;
}

HolidayRule HolidayRule::valid_until(std::int32_t year) const {
  require_year("valid_until", year);
  if (year < first_year_) {
    throw Error(Errc::invalid_argument, "valid_until", std::to_string(year),
                "before the rule's first year " + std::to_string(first_year_));
  }
  HolidayRule r = *this;
  r.last_year_ = year;
  return r;
}

std::optional<Date> HolidayRule::date_in(std::int32_t year) const {
  if (year < first_year_ || year > last_year_) return std::nullopt;
  const auto y = static_cast<unsigned short>(year);
  switch (kind_) {
    case Kind::fixed_date:
      if (month_ == 2 && day_ == 29 && !is_leap_year(year)) return std::nullopt;
      return detail::from_boost(
          bg::date(y, static_cast<unsigned short>(month_), static_cast<unsigned short>(day_)));
    case Kind::nth_weekday: {
      const auto m = static_cast<unsigned short>(month_);
      // Boost's nth_kday_of_month silently returns the last weekday when the
      // fifth does not exist, and stepping a Boost date by weeks can leave its
      // range (December 9999). So take the first / last such weekday from
      // Boost and step by day of month, which cannot overflow.
      const std::int32_t dom =
          nth_ > 0 ? bg::first_day_of_the_week_in_month(to_boost(weekday_), m).get_date(y).day() +
                         7 * (nth_ - 1)
                   : bg::last_day_of_the_week_in_month(to_boost(weekday_), m).get_date(y).day() -
                         7 * (-nth_ - 1);
      if (dom < 1 || dom > days_in_month(year, month_)) return std::nullopt;
      return Date::from_ymd(year, month_, dom);
    }
    case Kind::easter_offset:
      return in_range(static_cast<std::int64_t>(easter_sunday(year).days()) + offset_);
    case Kind::weekday_in_window: {
      const Date start = Date::from_ymd(year, month_, day_);
      const auto ahead =
          (static_cast<std::int32_t>(weekday_) - static_cast<std::int32_t>(start.weekday()) + 7) %
          7;
      if (ahead >= length_) return std::nullopt;
      return in_range(static_cast<std::int64_t>(start.days()) + ahead);
    }
  }
  return std::nullopt;
}

}  // namespace levande
