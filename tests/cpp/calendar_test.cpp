// Calendars in general: rules, weekends, closures, composition, rolling.
// Expected dates are read off a printed calendar by hand (2026-11-01 is a
// Sunday; Easter Sunday 2026 is 5 April).
#include <gtest/gtest.h>

#include <algorithm>

#include "levande/calendar.hpp"
#include "levande/error.hpp"
#include "test_helpers.hpp"

namespace levande {
namespace {

using test::code_of;
using test::d;

TEST(HolidayRule, FixedDate) {
  const auto christmas = HolidayRule::fixed_date("Christmas Day", 12, 25);
  EXPECT_EQ(christmas.date_in(2026), d("2026-12-25"));
  const auto leap = HolidayRule::fixed_date("Leap day", 2, 29);
  EXPECT_EQ(leap.date_in(2026), std::nullopt);
  EXPECT_EQ(leap.date_in(2028), d("2028-02-29"));
}

TEST(HolidayRule, NthAndLastWeekday) {
  const auto thanksgiving = HolidayRule::nth_weekday("Thanksgiving", 11, Weekday::thursday, 4);
  EXPECT_EQ(thanksgiving.date_in(2026), d("2026-11-26"));
  const auto memorial = HolidayRule::nth_weekday("Memorial Day", 5, Weekday::monday, -1);
  EXPECT_EQ(memorial.date_in(2026), d("2026-05-25"));
  EXPECT_EQ(HolidayRule::nth_weekday("x", 5, Weekday::monday, -2).date_in(2026), d("2026-05-18"));
  // November 2026 has four Fridays but five Sundays.
  EXPECT_EQ(HolidayRule::nth_weekday("x", 11, Weekday::friday, 5).date_in(2026), std::nullopt);
  EXPECT_EQ(HolidayRule::nth_weekday("x", 11, Weekday::sunday, 5).date_in(2026), d("2026-11-29"));
  EXPECT_EQ(HolidayRule::nth_weekday("x", 11, Weekday::sunday, -5).date_in(2026), d("2026-11-01"));
}

TEST(HolidayRule, EasterOffsetAndComputus) {
  EXPECT_EQ(easter_sunday(2026), d("2026-04-05"));
  EXPECT_EQ(easter_sunday(2019), d("2019-04-21"));
  EXPECT_EQ(easter_sunday(2000), d("2000-04-23"));
  EXPECT_EQ(easter_sunday(1818), d("1818-03-22"));  // earliest possible date
  EXPECT_EQ(easter_sunday(2285), d("2285-03-22"));
  EXPECT_EQ(easter_sunday(1943), d("1943-04-25"));  // latest possible date
  EXPECT_EQ(easter_sunday(2038), d("2038-04-25"));
  EXPECT_EQ(code_of([] { easter_sunday(1399); }), Errc::out_of_range);
  EXPECT_EQ(HolidayRule::easter_offset("Good Friday", -2).date_in(2026), d("2026-04-03"));
  EXPECT_EQ(HolidayRule::easter_offset("Ascension", 39).date_in(2026), d("2026-05-14"));
}

TEST(HolidayRule, WeekdayInWindow) {
  const auto midsummer = HolidayRule::weekday_in_window("Midsommardagen", Weekday::saturday, 6, 20);
  EXPECT_EQ(midsummer.date_in(2026), d("2026-06-20"));
  EXPECT_EQ(midsummer.date_in(2021), d("2021-06-26"));
  const auto all_saints =
      HolidayRule::weekday_in_window("Alla helgons dag", Weekday::saturday, 10, 31);
  EXPECT_EQ(all_saints.date_in(2026), d("2026-10-31"));
  EXPECT_EQ(all_saints.date_in(2025), d("2025-11-01"));  // the window crosses into November
  EXPECT_EQ(all_saints.date_in(2021), d("2021-11-06"));
  // 21–23 June 2026 (Sunday to Tuesday) holds no Saturday.
  EXPECT_EQ(HolidayRule::weekday_in_window("x", Weekday::saturday, 6, 21, 3).date_in(2026),
            std::nullopt);
}

TEST(HolidayRule, NoDateRatherThanErrorsAtTheRangeEnds) {
  // December 9999 has four Saturdays (4th to 25th); 5 weeks on would be year 10000.
  EXPECT_EQ(HolidayRule::nth_weekday("x", 12, Weekday::saturday, 5).date_in(9999), std::nullopt);
  EXPECT_EQ(HolidayRule::nth_weekday("x", 12, Weekday::saturday, 4).date_in(9999), d("9999-12-25"));
  // January 1400 starts on a Wednesday: Saturdays 4, 11, 18, 25.
  EXPECT_EQ(HolidayRule::nth_weekday("x", 1, Weekday::saturday, -5).date_in(1400), std::nullopt);
  EXPECT_EQ(HolidayRule::nth_weekday("x", 1, Weekday::saturday, -4).date_in(1400), d("1400-01-04"));
  Calendar cal;
  cal.add_rule(HolidayRule::nth_weekday("x", 12, Weekday::saturday, 5));
  EXPECT_TRUE(cal.is_business_day(d("9999-12-30")));
}

TEST(HolidayRule, ValidYears) {
  const auto rule =
      HolidayRule::fixed_date("National Day", 6, 6).valid_from(2005).valid_until(2030);
  EXPECT_EQ(rule.date_in(2004), std::nullopt);
  EXPECT_EQ(rule.date_in(2005), d("2005-06-06"));
  EXPECT_EQ(rule.date_in(2030), d("2030-06-06"));
  EXPECT_EQ(rule.date_in(2031), std::nullopt);
  EXPECT_EQ(rule.first_year(), 2005);
  EXPECT_EQ(rule.last_year(), 2030);
}

TEST(HolidayRule, RejectsBadDefinitionsNamingTheField) {
  auto field_of = [](auto &&fn) -> std::string {
    try {
      fn();
    } catch (const Error &e) {
      EXPECT_EQ(e.code(), Errc::invalid_argument);
      return e.field();
    }
    return "<no error>";
  };
  EXPECT_EQ(field_of([] { HolidayRule::fixed_date("", 1, 1); }), "name");
  EXPECT_EQ(field_of([] { HolidayRule::fixed_date("x", 13, 1); }), "month");
  EXPECT_EQ(field_of([] { HolidayRule::fixed_date("x", 2, 30); }), "day");
  EXPECT_EQ(field_of([] { HolidayRule::fixed_date("x", 4, 31); }), "day");
  EXPECT_EQ(field_of([] { HolidayRule::nth_weekday("x", 1, Weekday::monday, 0); }), "n");
  EXPECT_EQ(field_of([] { HolidayRule::nth_weekday("x", 1, Weekday::monday, 6); }), "n");
  EXPECT_EQ(field_of([] { HolidayRule::nth_weekday("x", 1, static_cast<Weekday>(8), 1); }),
            "weekday");
  EXPECT_EQ(field_of([] { HolidayRule::easter_offset("x", 400); }), "offset_days");
  EXPECT_EQ(field_of([] { HolidayRule::weekday_in_window("x", Weekday::friday, 6, 19, 0); }),
            "length_days");
  EXPECT_EQ(field_of([] { HolidayRule::weekday_in_window("x", Weekday::friday, 2, 29); }), "day");
  EXPECT_EQ(field_of([] { HolidayRule::fixed_date("x", 1, 1).valid_from(1399); }), "valid_from");
  EXPECT_EQ(field_of([] { HolidayRule::fixed_date("x", 1, 1).valid_from(2010).valid_until(2009); }),
            "valid_until");
}

TEST(Calendar, DefaultIsSaturdaySundayWeekend) {
  const Calendar cal;
  EXPECT_TRUE(cal.is_business_day(d("2026-11-27")));   // Friday
  EXPECT_FALSE(cal.is_business_day(d("2026-11-28")));  // Saturday
  EXPECT_FALSE(cal.is_business_day(d("2026-11-29")));  // Sunday
  EXPECT_EQ(cal.weekend(), (WeekdaySet{Weekday::saturday, Weekday::sunday}));
  EXPECT_TRUE(cal.holidays(2026).empty());
}

TEST(Calendar, AddBusinessDaysCountsLikeWorkday) {
  const Calendar cal = Calendar::weekends_only();
  EXPECT_EQ(cal.add_business_days(d("2026-11-27"), 1), d("2026-11-30"));  // Fri + 1 = Mon
  EXPECT_EQ(cal.add_business_days(d("2026-11-28"), 1), d("2026-11-30"));  // Sat + 1 = Mon
  EXPECT_EQ(cal.add_business_days(d("2026-11-28"), 0), d("2026-11-30"));  // rolled forward
  EXPECT_EQ(cal.add_business_days(d("2026-11-27"), 0), d("2026-11-27"));
  EXPECT_EQ(cal.add_business_days(d("2026-11-28"), -1), d("2026-11-27"));  // Sat - 1 = Fri
  EXPECT_EQ(cal.add_business_days(d("2026-11-30"), -1), d("2026-11-27"));  // Mon - 1 = Fri
  EXPECT_EQ(cal.add_business_days(d("2026-11-02"), 10), d("2026-11-16"));
  EXPECT_EQ(cal.add_business_days(d("2026-11-16"), -10), d("2026-11-02"));
  // 260 business days = 52 weeks exactly on a holiday-free calendar.
  EXPECT_EQ(cal.add_business_days(d("2026-11-02"), 260), d("2027-11-01"));
  EXPECT_EQ(cal.add_business_days(d("2027-11-01"), -260), d("2026-11-02"));
}

TEST(Calendar, BusinessDaysBetweenIsHalfOpen) {
  const Calendar cal;
  EXPECT_EQ(cal.business_days_between(d("2026-11-02"), d("2026-11-09")), 5);
  EXPECT_EQ(cal.business_days_between(d("2026-11-02"), d("2026-11-02")), 0);
  EXPECT_EQ(cal.business_days_between(d("2026-11-28"), d("2026-11-30")), 0);
  EXPECT_EQ(cal.business_days_between(d("2026-11-09"), d("2026-11-02")), -5);
  EXPECT_EQ(cal.business_days_between(d("2026-01-01"), d("2027-01-01")), 261);
}

TEST(Calendar, OtherWeekends) {
  const Calendar fri_sat(WeekdaySet{Weekday::friday, Weekday::saturday});
  EXPECT_EQ(fri_sat.add_business_days(d("2026-11-26"), 1), d("2026-11-29"));  // Thu + 1 = Sun
  EXPECT_TRUE(fri_sat.is_business_day(d("2026-11-29")));
  Calendar six_days(WeekdaySet{Weekday::sunday});
  EXPECT_TRUE(six_days.is_business_day(d("2026-11-28")));
  EXPECT_EQ(code_of([] { Calendar(WeekdaySet::from_bits(0x7F)); }), Errc::invalid_argument);
  EXPECT_EQ(code_of([&] { six_days.set_weekend(WeekdaySet::from_bits(0x7F)); }),
            Errc::invalid_argument);
  EXPECT_TRUE(six_days.is_business_day(d("2026-11-28")));  // unchanged after the failed change
}

TEST(Calendar, ClosuresAndComposition) {
  Calendar company;
  company.add_closure(d("2026-07-06"), d("2026-07-31"), "Summer shutdown");
  EXPECT_EQ(company.add_business_days(d("2026-07-03"), 1), d("2026-08-03"));
  EXPECT_EQ(company.business_days_between(d("2026-07-01"), d("2026-08-01")), 3);
  const auto days_off = company.holidays(2026);
  ASSERT_EQ(days_off.size(), 26u);
  EXPECT_EQ(days_off.front(), (Holiday{d("2026-07-06"), "Summer shutdown"}));
  EXPECT_EQ(days_off.back(), (Holiday{d("2026-07-31"), "Summer shutdown"}));

  Calendar person;
  person.add_closure(d("2026-12-28"), d("2026-12-30"), "Vacation");
  const Calendar combined = Calendar::sweden().combined(person);
  // 24 Julafton, 25 Juldagen, 26–27 weekend, 28–30 vacation, 31 Nyårsafton,
  // 1 Jan Nyårsdagen, 2–3 weekend.
  EXPECT_EQ(combined.add_business_days(d("2026-12-23"), 1), d("2027-01-04"));
  EXPECT_EQ(Calendar::sweden().add_business_days(d("2026-12-23"), 1), d("2026-12-28"));
}

TEST(Calendar, ClosureValidationLeavesCalendarUnchanged) {
  Calendar cal;
  EXPECT_EQ(code_of([&] { cal.add_closure(d("2026-07-31"), d("2026-07-06"), "x"); }),
            Errc::invalid_argument);
  EXPECT_EQ(code_of([&] { cal.add_closure(d("2026-07-06"), d("2026-07-31"), ""); }),
            Errc::invalid_argument);
  EXPECT_EQ(code_of([&] { cal.add_closure(Date(Date::min_days - 1), d("2026-07-31"), "x"); }),
            Errc::out_of_range);
  EXPECT_TRUE(cal.closures().empty());
  EXPECT_TRUE(cal.is_business_day(d("2026-07-06")));
}

TEST(Calendar, RuleDatesThatCrossNewYear) {
  // The first Wednesday from 31 Dec 2027 (a Friday) is 5 Jan 2028; Easter
  // 2026 (5 April) + 275 days is Tuesday 5 Jan 2027.
  Calendar cal;
  cal.add_rule(HolidayRule::weekday_in_window("Late", Weekday::wednesday, 12, 31));
  cal.add_rule(HolidayRule::easter_offset("Far", 275));
  EXPECT_FALSE(cal.is_business_day(d("2028-01-05")));
  EXPECT_FALSE(cal.is_business_day(d("2027-01-05")));
  const auto days_off_2027 = cal.holidays(2027);
  EXPECT_NE(std::find(days_off_2027.begin(), days_off_2027.end(), Holiday{d("2027-01-05"), "Far"}),
            days_off_2027.end());
  for (const auto &h : days_off_2027)
    EXPECT_EQ(h.date.year(), 2027) << h.date << " " << h.name;
  const auto days_off_2028 = cal.holidays(2028);
  EXPECT_NE(std::find(days_off_2028.begin(), days_off_2028.end(), Holiday{d("2028-01-05"), "Late"}),
            days_off_2028.end());
}

TEST(Calendar, MergeDoesNotDuplicate) {
  Calendar twice = Calendar::sweden();
  twice.merge(Calendar::sweden());
  EXPECT_EQ(twice.rules().size(), Calendar::sweden().rules().size());
  EXPECT_EQ(twice.holidays(2026), Calendar::sweden().holidays(2026));
  Calendar fri(WeekdaySet{Weekday::friday});
  Calendar merged = fri.combined(Calendar());
  EXPECT_EQ(merged.weekend(), (WeekdaySet{Weekday::friday, Weekday::saturday, Weekday::sunday}));
}

TEST(Calendar, CopiesAreIndependentValues) {
  Calendar a;
  Calendar b = a;
  b.add_rule(HolidayRule::fixed_date("Founders' Day", 11, 27));
  EXPECT_TRUE(a.is_business_day(d("2026-11-27")));
  EXPECT_FALSE(b.is_business_day(d("2026-11-27")));
  Calendar c = std::move(b);
  EXPECT_FALSE(c.is_business_day(d("2026-11-27")));
  EXPECT_TRUE(b.is_business_day(d("2026-11-27")));  // NOLINT: moved-from is weekends-only
}

TEST(Calendar, Roll) {
  const Calendar se = Calendar::sweden();
  // Saturday 31 October 2026 (Alla helgons dag): following crosses into November.
  EXPECT_EQ(se.roll(d("2026-10-31"), Roll::following), d("2026-11-02"));
  EXPECT_EQ(se.roll(d("2026-10-31"), Roll::preceding), d("2026-10-30"));
  EXPECT_EQ(se.roll(d("2026-10-31"), Roll::modified_following), d("2026-10-30"));
  EXPECT_EQ(se.roll(d("2026-11-01"), Roll::modified_preceding), d("2026-11-02"));
  EXPECT_EQ(se.roll(d("2026-11-01"), Roll::preceding), d("2026-10-30"));
  // Good Friday 3 April 2026: preceding stays in April.
  EXPECT_EQ(se.roll(d("2026-04-03"), Roll::modified_preceding), d("2026-04-02"));
  EXPECT_EQ(se.roll(d("2026-04-03"), Roll::modified_following), d("2026-04-07"));
  EXPECT_EQ(se.roll(d("2026-04-07"), Roll::following), d("2026-04-07"));
}

TEST(Calendar, ModifiedRollsFallBackAtTheRangeEnds) {
  const Calendar se = Calendar::sweden();
  // 9999-12-31 is Nyårsafton (a Friday): no business day follows in range.
  EXPECT_EQ(se.roll(d("9999-12-31"), Roll::modified_following), d("9999-12-30"));
  // 1400-01-01 is Nyårsdagen: no business day precedes it in range.
  EXPECT_EQ(se.roll(d("1400-01-01"), Roll::modified_preceding), d("1400-01-02"));
  EXPECT_EQ(code_of([&] { se.roll(d("9999-12-31"), Roll::following); }), Errc::out_of_range);
}

TEST(Calendar, NextAndPrevious) {
  const Calendar se = Calendar::sweden();
  EXPECT_EQ(se.next_business_day(d("2026-04-02")), d("2026-04-07"));
  EXPECT_EQ(se.previous_business_day(d("2026-04-07")), d("2026-04-02"));
  EXPECT_EQ(se.next_business_day(d("2026-11-26")), d("2026-11-27"));
}

TEST(Calendar, RangeEdgesAreErrorsNotCrashes) {
  const Calendar cal;
  // 9999-12-31 is a Friday: there is no business day after it.
  EXPECT_EQ(code_of([&] { cal.next_business_day(Date::max()); }), Errc::out_of_range);
  EXPECT_EQ(code_of([&] { cal.add_business_days(d("9999-12-01"), 100); }), Errc::out_of_range);
  EXPECT_EQ(code_of([&] { cal.previous_business_day(Date::min()); }), Errc::out_of_range);
  EXPECT_EQ(code_of([&] { cal.is_business_day(Date(Date::max_days + 1)); }), Errc::out_of_range);
  EXPECT_EQ(code_of([&] { cal.business_days_between(Date(-300000), d("2026-01-01")); }),
            Errc::out_of_range);
  EXPECT_EQ(code_of([&] { cal.holidays(10000); }), Errc::out_of_range);
  EXPECT_EQ(cal.add_business_days(d("1400-01-02"), -1),
            d("1400-01-01"));  // Thursday - 1 = Wednesday
}

}  // namespace
}  // namespace levande
