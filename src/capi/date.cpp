#include <cstring>

#include "guard.hpp"

using levande::Date;
using levande::capi::guard;
using levande::capi::require;

namespace {

levande::MonthEnd month_end(levande_month_end policy) {
  switch (policy) {
    case LEVANDE_MONTH_END_CLAMP:
      return levande::MonthEnd::clamp;
    case LEVANDE_MONTH_END_NEXT_MONTH_START:
      return levande::MonthEnd::next_month_start;
    case LEVANDE_MONTH_END_ERROR:
      return levande::MonthEnd::error;
    default:
      throw levande::Error(levande::Errc::invalid_argument, "policy", std::to_string(policy),
                           "not a LEVANDE_MONTH_END_* value");
  }
}

}  // namespace

extern "C" {

levande_status levande_date_from_ymd(int32_t *out, int32_t year, int32_t month, int32_t day,
                                     levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    *out = Date::from_ymd(year, month, day).days();
  });
}

levande_status levande_date_parse(int32_t *out, const char *text, levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    require(text, "text");
    *out = Date::parse(text).days();
  });
}

levande_status levande_date_format(char *out, size_t out_size, int32_t date,
                                   levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    if (out_size < LEVANDE_DATE_STRING_SIZE) {
      throw levande::Error(levande::Errc::invalid_argument, "out_size", std::to_string(out_size),
                           "the buffer needs LEVANDE_DATE_STRING_SIZE (11) bytes");
    }
    const std::string text = Date(date).to_string();
    std::memcpy(out, text.c_str(), text.size() + 1);
  });
}

levande_status levande_date_to_ymd(int32_t *out_year, int32_t *out_month, int32_t *out_day,
                                   int32_t date, levande_error **out_err) {
  return guard(out_err, [&] {
    require(out_year, "out_year");
    require(out_month, "out_month");
    require(out_day, "out_day");
    const auto p = Date(date).ymd();
    *out_year = p.year;
    *out_month = p.month;
    *out_day = p.day;
  });
}

levande_status levande_date_weekday(int32_t *out, int32_t date, levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    Date(date).ymd();  // range check: weekday() itself is defined everywhere
    *out = static_cast<int32_t>(Date(date).weekday());
  });
}

levande_status levande_date_iso_week(int32_t *out_year, int32_t *out_week, int32_t date,
                                     levande_error **out_err) {
  return guard(out_err, [&] {
    require(out_year, "out_year");
    require(out_week, "out_week");
    const auto w = Date(date).iso_week();
    *out_year = w.year;
    *out_week = w.week;
  });
}

levande_status levande_date_add_days(int32_t *out, int32_t date, int32_t n,
                                     levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    *out = Date(date).add_days(n).days();
  });
}

levande_status levande_date_add_months(int32_t *out, int32_t date, int32_t n,
                                       levande_month_end policy, levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    *out = Date(date).add_months(n, month_end(policy)).days();
  });
}

levande_status levande_date_add_years(int32_t *out, int32_t date, int32_t n,
                                      levande_month_end policy, levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    *out = Date(date).add_years(n, month_end(policy)).days();
  });
}

}  // extern "C"
