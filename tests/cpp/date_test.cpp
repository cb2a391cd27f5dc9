// Dates: expected values are worked out by hand from the Gregorian calendar
// (1970-01-01 was a Thursday; 2026-01-01 is a Thursday, so 2026 has ISO week 53).
#include <gtest/gtest.h>

#include <sstream>

#include "levande/date.hpp"
#include "levande/error.hpp"
#include "test_helpers.hpp"

namespace levande {
namespace {

using test::code_of;
using test::d;

TEST(Date, EpochAndKnownDayCounts) {
  EXPECT_EQ(Date::from_ymd(1970, 1, 1).days(), 0);
  EXPECT_EQ(Date::from_ymd(1970, 1, 2).days(), 1);
  EXPECT_EQ(Date::from_ymd(1969, 12, 31).days(), -1);
  // 30 years with 7 leap days (1972..1996) = 10957 days; + January (31) + February 2000 (29).
  EXPECT_EQ(Date::from_ymd(2000, 1, 1).days(), 10957);
  EXPECT_EQ(Date::from_ymd(2000, 3, 1).days(), 11017);
  EXPECT_EQ(Date::min().to_string(), "1400-01-01");
  EXPECT_EQ(Date::max().to_string(), "9999-12-31");
}

TEST(Date, ParseAndFormatRoundTrip) {
  EXPECT_EQ(d("2026-11-27").to_string(), "2026-11-27");
  EXPECT_EQ(d("2024-02-29").ymd(), (YearMonthDay{2024, 2, 29}));
  EXPECT_EQ(d("1400-01-01"), Date::min());
  std::ostringstream out;
  out << d("2026-03-12") << ' ' << Date(Date::max_days + 1);
  EXPECT_EQ(out.str(), "2026-03-12 Date(2932897)");
}

TEST(Date, ParseIsStrictAndNamesTheInput) {
  EXPECT_EQ(code_of([] { d("2026-02-30"); }), Errc::invalid_date);
  EXPECT_EQ(code_of([] { d("2026-13-01"); }), Errc::invalid_date);
  EXPECT_EQ(code_of([] { d("2026-00-10"); }), Errc::invalid_date);
  EXPECT_EQ(code_of([] { d("2025-02-29"); }), Errc::invalid_date);
  EXPECT_EQ(code_of([] { d("26-1-1"); }), Errc::parse_error);
  EXPECT_EQ(code_of([] { d("2026-1-01"); }), Errc::parse_error);
  EXPECT_EQ(code_of([] { d("20260101"); }), Errc::parse_error);
  EXPECT_EQ(code_of([] { d(" 2026-01-01"); }), Errc::parse_error);
  EXPECT_EQ(code_of([] { d("2026-01-01T00:00"); }), Errc::parse_error);
  EXPECT_EQ(code_of([] { d(""); }), Errc::parse_error);
  EXPECT_EQ(code_of([] { d("1399-12-31"); }), Errc::out_of_range);
  try {
    d("2026-02-30");
    FAIL();
  } catch (const Error &e) {
    EXPECT_EQ(e.field(), "date");
    EXPECT_EQ(e.value(), "2026-02-30");
    EXPECT_NE(std::string(e.what()).find("2026-02-30"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("February 2026"), std::string::npos);
  }
  try {
    d("26-1-1");
    FAIL();
  } catch (const Error &e) {
    EXPECT_NE(std::string(e.what()).find("\"26-1-1\""), std::string::npos);
  }
}

TEST(Date, FromYmdValidates) {
  EXPECT_EQ(code_of([] { Date::from_ymd(2026, 4, 31); }), Errc::invalid_date);
  EXPECT_EQ(code_of([] { Date::from_ymd(2026, 0, 1); }), Errc::invalid_date);
  EXPECT_EQ(code_of([] { Date::from_ymd(1900, 2, 29); }), Errc::invalid_date);  // not a leap year
  EXPECT_EQ(code_of([] { Date::from_ymd(2000, 2, 29); }), Errc::ok);            // is one
  EXPECT_EQ(code_of([] { Date::from_ymd(10000, 1, 1); }), Errc::out_of_range);
}

TEST(Date, Weekday) {
  EXPECT_EQ(Date(0).weekday(), Weekday::thursday);
  EXPECT_EQ(Date(-1).weekday(), Weekday::wednesday);
  EXPECT_EQ(d("2026-11-27").weekday(), Weekday::friday);
  EXPECT_EQ(d("2026-06-20").weekday(), Weekday::saturday);
  EXPECT_EQ(d("1400-01-01").weekday(), Weekday::wednesday);
  EXPECT_STREQ(weekday_name(Weekday::sunday), "sunday");
  // Defined for every day count: INT32_MAX is 7 * 306783378 + 1 days after a
  // Thursday, INT32_MIN is 7 * 306783378 + 2 days before one.
  EXPECT_EQ(Date(2147483647).weekday(), Weekday::friday);
  EXPECT_EQ(Date(-2147483647 - 1).weekday(), Weekday::tuesday);
}

TEST(Date, IsoWeek) {
  EXPECT_EQ(d("2026-01-01").iso_week(), (IsoWeek{2026, 1}));   // Thursday: week 1
  EXPECT_EQ(d("2027-01-01").iso_week(), (IsoWeek{2026, 53}));  // Friday: last week of 2026
  EXPECT_EQ(d("2027-01-04").iso_week(), (IsoWeek{2027, 1}));
  EXPECT_EQ(d("2024-12-30").iso_week(), (IsoWeek{2025, 1}));  // Monday of 2025-W01
  EXPECT_EQ(d("2021-01-03").iso_week(), (IsoWeek{2020, 53}));
  EXPECT_EQ(d("2026-11-27").iso_week(), (IsoWeek{2026, 48}));
}

TEST(Date, AddDays) {
  EXPECT_EQ(d("2026-02-27").add_days(2), d("2026-03-01"));
  EXPECT_EQ(d("2024-02-27").add_days(2), d("2024-02-29"));
  EXPECT_EQ(d("2026-01-01").add_days(-1), d("2025-12-31"));
  EXPECT_EQ(code_of([] { Date::max().add_days(1); }), Errc::out_of_range);
  EXPECT_EQ(code_of([] { Date::min().add_days(-1); }), Errc::out_of_range);
  EXPECT_EQ(d("2026-03-12") - d("2026-01-01"), 70);
}

TEST(Date, AddMonthsHonoursTheMonthEndPolicy) {
  const Date jan31 = d("2026-01-31");
  EXPECT_EQ(jan31.add_months(1, MonthEnd::clamp), d("2026-02-28"));
  EXPECT_EQ(jan31.add_months(1, MonthEnd::next_month_start), d("2026-03-01"));
  EXPECT_EQ(code_of([&] { jan31.add_months(1, MonthEnd::error); }), Errc::invalid_date);
  EXPECT_EQ(d("2024-01-31").add_months(1, MonthEnd::clamp), d("2024-02-29"));
  EXPECT_EQ(d("2026-03-31").add_months(-1, MonthEnd::clamp), d("2026-02-28"));
  EXPECT_EQ(code_of([] { d("2026-03-31").add_months(1, MonthEnd::error); }), Errc::invalid_date);
  // No Boost-style snapping: the last day of a short month keeps its day number.
  EXPECT_EQ(d("2026-04-30").add_months(1, MonthEnd::error), d("2026-05-30"));
  EXPECT_EQ(d("2026-02-28").add_months(1, MonthEnd::clamp), d("2026-03-28"));
  EXPECT_EQ(d("2026-01-15").add_months(-1, MonthEnd::error), d("2025-12-15"));
  EXPECT_EQ(d("2026-01-15").add_months(-13, MonthEnd::error), d("2024-12-15"));
  EXPECT_EQ(d("2026-05-31").add_months(-3, MonthEnd::next_month_start), d("2026-03-01"));
  EXPECT_EQ(d("2026-11-30").add_months(3, MonthEnd::clamp), d("2027-02-28"));
  EXPECT_EQ(code_of([] { d("9999-12-01").add_months(1, MonthEnd::clamp); }), Errc::out_of_range);
  EXPECT_EQ(code_of([] { d("2026-01-01").add_months(2147483647, MonthEnd::clamp); }),
            Errc::out_of_range);
}

TEST(Date, AddYearsOnLeapDay) {
  const Date leap = d("2024-02-29");
  EXPECT_EQ(leap.add_years(1, MonthEnd::clamp), d("2025-02-28"));
  EXPECT_EQ(leap.add_years(1, MonthEnd::next_month_start), d("2025-03-01"));
  EXPECT_EQ(code_of([&] { leap.add_years(1, MonthEnd::error); }), Errc::invalid_date);
  EXPECT_EQ(leap.add_years(4, MonthEnd::error), d("2028-02-29"));
  EXPECT_EQ(leap.add_years(-4, MonthEnd::error), d("2020-02-29"));
  EXPECT_EQ(leap.add_years(76, MonthEnd::clamp), d("2100-02-28"));  // 2100 is not a leap year
  EXPECT_EQ(code_of([&] { leap.add_years(9000, MonthEnd::clamp); }), Errc::out_of_range);
}

TEST(Date, OutOfRangeDaysAreRejectedByCalendarViews) {
  const Date before(Date::min_days - 1);
  EXPECT_FALSE(before.valid());
  EXPECT_EQ(code_of([&] { before.ymd(); }), Errc::out_of_range);
  EXPECT_EQ(code_of([&] { before.to_string(); }), Errc::out_of_range);
  EXPECT_EQ(code_of([&] { before.iso_week(); }), Errc::out_of_range);
}

TEST(Date, DaysInMonth) {
  EXPECT_EQ(days_in_month(2026, 2), 28);
  EXPECT_EQ(days_in_month(2000, 2), 29);
  EXPECT_EQ(days_in_month(1900, 2), 28);
  EXPECT_EQ(days_in_month(2026, 9), 30);
  EXPECT_EQ(code_of([] { days_in_month(2026, 13); }), Errc::invalid_date);
  EXPECT_TRUE(is_leap_year(2400));
  EXPECT_FALSE(is_leap_year(2100));
}

}  // namespace
}  // namespace levande
