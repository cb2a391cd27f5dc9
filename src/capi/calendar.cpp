#include <cstdlib>
#include <cstring>
#include <span>

#include "guard.hpp"
#include "handles.hpp"

using levande::Calendar;
using levande::Date;
using levande::Errc;
using levande::Error;
using levande::HolidayRule;
using levande::capi::as_dates;
using levande::capi::guard;
using levande::capi::require;
using levande::capi::roll_from;

namespace {

levande::WeekdaySet weekend_from_mask(uint32_t mask) {
  if (mask > 0x7Fu) {
    throw Error(Errc::invalid_argument, "weekend_mask", std::to_string(mask),
                "only bits 0 (Monday) to 6 (Sunday) may be set");
  }
  return levande::WeekdaySet::from_bits(static_cast<std::uint8_t>(mask));
}

levande::Weekday weekday_from(int32_t day) {
  if (day < 1 || day > 7) {
    throw Error(Errc::invalid_argument, "weekday", std::to_string(day),
                "weekdays are numbered 1 (Monday) ..7 (Sunday)");
  }
  return static_cast<levande::Weekday>(day);
}

HolidayRule limit_years(HolidayRule rule, int32_t first_year, int32_t last_year) {
  if (first_year != LEVANDE_ANY_YEAR) rule = rule.valid_from(first_year);
  if (last_year != LEVANDE_ANY_YEAR) rule = rule.valid_until(last_year);
  return rule;
}

// Validates the handle and name, then adds the rule the factory builds.
template <class Make>
levande_status add_rule(levande_calendar *cal, const char *name, int32_t first_year,
                        int32_t last_year, levande_error **out_err, Make &&make) {
  return guard(out_err, [&] {
    require(cal, "cal");
    require(name, "name");
    cal->cal.add_rule(limit_years(make(std::string(name)), first_year, last_year));
  });
}

template <class T>
void require_array(const T *array, size_t count, const char *name) {
  if (count > 0) require(array, name);
}

}  // namespace

extern "C" {

levande_status levande_calendar_create(levande_calendar **out, uint32_t weekend_mask,
                                       levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    *out = new levande_calendar{Calendar(weekend_from_mask(weekend_mask))};
  });
}

levande_status levande_calendar_create_sweden(levande_calendar **out, int32_t de_facto,
                                              levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    *out = new levande_calendar{Calendar::sweden(de_facto != 0)};
  });
}

levande_status levande_calendar_clone(levande_calendar **out, const levande_calendar *cal,
                                      levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    require(cal, "cal");
    *out = new levande_calendar{cal->cal};
  });
}

void levande_calendar_destroy(levande_calendar **cal) {
  levande::capi::destroy(cal);
}

levande_status levande_calendar_set_weekend(levande_calendar *cal, uint32_t weekend_mask,
                                            levande_error **out_err) {
  return guard(out_err, [&] {
    require(cal, "cal");
    cal->cal.set_weekend(weekend_from_mask(weekend_mask));
  });
}

levande_status levande_calendar_weekend(uint32_t *out, const levande_calendar *cal,
                                        levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    require(cal, "cal");
    *out = cal->cal.weekend().bits();
  });
}

levande_status levande_calendar_add_fixed_holiday(levande_calendar *cal, const char *name,
                                                  int32_t month, int32_t day, int32_t first_year,
                                                  int32_t last_year, levande_error **out_err) {
  return add_rule(cal, name, first_year, last_year, out_err,
                  [&](std::string n) { return HolidayRule::fixed_date(std::move(n), month, day); });
}

levande_status levande_calendar_add_nth_weekday_holiday(levande_calendar *cal, const char *name,
                                                        int32_t month, int32_t weekday, int32_t n,
                                                        int32_t first_year, int32_t last_year,
                                                        levande_error **out_err) {
  return add_rule(cal, name, first_year, last_year, out_err, [&](std::string nm) {
    return HolidayRule::nth_weekday(std::move(nm), month, weekday_from(weekday), n);
  });
}

levande_status levande_calendar_add_easter_holiday(levande_calendar *cal, const char *name,
                                                   int32_t offset_days, int32_t first_year,
                                                   int32_t last_year, levande_error **out_err) {
  return add_rule(cal, name, first_year, last_year, out_err, [&](std::string n) {
    return HolidayRule::easter_offset(std::move(n), offset_days);
  });
}

levande_status levande_calendar_add_window_holiday(levande_calendar *cal, const char *name,
                                                   int32_t weekday, int32_t month, int32_t day,
                                                   int32_t length_days, int32_t first_year,
                                                   int32_t last_year, levande_error **out_err) {
  return add_rule(cal, name, first_year, last_year, out_err, [&](std::string n) {
    return HolidayRule::weekday_in_window(std::move(n), weekday_from(weekday), month, day,
                                          length_days);
  });
}

levande_status levande_calendar_add_closure(levande_calendar *cal, const char *name, int32_t first,
                                            int32_t last, levande_error **out_err) {
  return guard(out_err, [&] {
    require(cal, "cal");
    require(name, "name");
    cal->cal.add_closure(Date(first), Date(last), name);
  });
}

levande_status levande_calendar_merge(levande_calendar *cal, const levande_calendar *other,
                                      levande_error **out_err) {
  return guard(out_err, [&] {
    require(cal, "cal");
    require(other, "other");
    cal->cal.merge(other->cal);
  });
}

levande_status levande_calendar_is_business_day(int32_t *out, const levande_calendar *cal,
                                                int32_t date, levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    require(cal, "cal");
    *out = cal->cal.is_business_day(Date(date)) ? 1 : 0;
  });
}

levande_status levande_calendar_next_business_day(int32_t *out, const levande_calendar *cal,
                                                  int32_t date, levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    require(cal, "cal");
    *out = cal->cal.next_business_day(Date(date)).days();
  });
}

levande_status levande_calendar_previous_business_day(int32_t *out, const levande_calendar *cal,
                                                      int32_t date, levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    require(cal, "cal");
    *out = cal->cal.previous_business_day(Date(date)).days();
  });
}

levande_status levande_calendar_add_business_days(int32_t *out, const levande_calendar *cal,
                                                  int32_t date, int32_t n,
                                                  levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    require(cal, "cal");
    *out = cal->cal.add_business_days(Date(date), n).days();
  });
}

levande_status levande_calendar_business_days_between(int32_t *out, const levande_calendar *cal,
                                                      int32_t from, int32_t to,
                                                      levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    require(cal, "cal");
    *out = cal->cal.business_days_between(Date(from), Date(to));
  });
}

levande_status levande_calendar_roll(int32_t *out, const levande_calendar *cal, int32_t date,
                                     levande_roll convention, levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    require(cal, "cal");
    *out = cal->cal.roll(Date(date), roll_from(convention)).days();
  });
}

levande_status levande_calendar_holidays(levande_holiday **out, size_t *out_count,
                                         const levande_calendar *cal, int32_t year,
                                         levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    require(out_count, "out_count");
    require(cal, "cal");
    const auto list = cal->cal.holidays(year);
    if (list.empty()) {
      *out = nullptr;
      *out_count = 0;
      return;
    }
    // One block: the array, then the NUL-terminated names it points into,
    // so a single levande_free() releases everything.
    size_t bytes = list.size() * sizeof(levande_holiday);
    for (const auto &h : list)
      bytes += h.name.size() + 1;
    auto *block = static_cast<char *>(std::malloc(bytes));
    if (block == nullptr) throw std::bad_alloc();
    auto *items = reinterpret_cast<levande_holiday *>(block);
    char *text = block + list.size() * sizeof(levande_holiday);
    for (size_t i = 0; i < list.size(); ++i) {
      std::memcpy(text, list[i].name.c_str(), list[i].name.size() + 1);
      items[i].date = list[i].date.days();
      items[i].name = text;
      text += list[i].name.size() + 1;
    }
    *out = items;
    *out_count = list.size();
  });
}

levande_status levande_calendar_is_business_day_n(uint8_t *out, const levande_calendar *cal,
                                                  const int32_t *dates, size_t count,
                                                  levande_error **out_err) {
  return guard(out_err, [&] {
    require(cal, "cal");
    require_array(out, count, "out");
    require_array(dates, count, "dates");
    cal->cal.is_business_day(std::span(as_dates(dates), count), std::span(out, count));
  });
}

levande_status levande_calendar_add_business_days_n(int32_t *out, const levande_calendar *cal,
                                                    const int32_t *dates, size_t count,
                                                    const int32_t *offsets, size_t offsets_count,
                                                    levande_error **out_err) {
  return guard(out_err, [&] {
    require(cal, "cal");
    require_array(out, count, "out");
    require_array(dates, count, "dates");
    require_array(offsets, offsets_count, "offsets");
    cal->cal.add_business_days(std::span(as_dates(dates), count), std::span(offsets, offsets_count),
                               std::span(as_dates(out), count));
  });
}

levande_status levande_calendar_business_days_between_n(int32_t *out, const levande_calendar *cal,
                                                        const int32_t *from, size_t from_count,
                                                        const int32_t *to, size_t to_count,
                                                        levande_error **out_err) {
  return guard(out_err, [&] {
    require(cal, "cal");
    const size_t n = from_count > to_count ? from_count : to_count;
    require_array(out, n, "out");
    require_array(from, from_count, "from");
    require_array(to, to_count, "to");
    cal->cal.business_days_between(std::span(as_dates(from), from_count),
                                   std::span(as_dates(to), to_count), std::span(out, n));
  });
}

levande_status levande_calendar_roll_n(int32_t *out, const levande_calendar *cal,
                                       const int32_t *dates, size_t count, levande_roll convention,
                                       levande_error **out_err) {
  return guard(out_err, [&] {
    require(cal, "cal");
    require_array(out, count, "out");
    require_array(dates, count, "dates");
    cal->cal.roll(std::span(as_dates(dates), count), roll_from(convention),
                  std::span(as_dates(out), count));
  });
}

}  // extern "C"
