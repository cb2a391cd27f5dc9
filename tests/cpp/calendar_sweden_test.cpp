// The Swedish preset, checked against dates worked out by hand from the law
// (SFS 1989:253) and a printed calendar. The whole 1990–2080 range is
// compared with the PyPI `holidays` package in tests/python.
#include <gtest/gtest.h>

#include <algorithm>

#include "levande/calendar.hpp"
#include "test_helpers.hpp"

namespace levande {
namespace {

using test::d;

std::vector<std::string> names_on(const Calendar &cal, Date day) {
  std::vector<std::string> out;
  for (const auto &h : cal.holidays(day.year())) {
    if (h.date == day) out.push_back(h.name);
  }
  return out;
}

TEST(Sweden, Holidays2026) {
  const std::vector<Holiday> expected = {
      {d("2026-01-01"), "Nyårsdagen"},
      {d("2026-01-06"), "Trettondedag jul"},
      {d("2026-04-03"), "Långfredagen"},
      {d("2026-04-05"), "Påskdagen"},
      {d("2026-04-06"), "Annandag påsk"},
      {d("2026-05-01"), "Första maj"},
      {d("2026-05-14"), "Kristi himmelsfärdsdag"},
      {d("2026-05-24"), "Pingstdagen"},
      {d("2026-06-06"), "Sveriges nationaldag"},
      {d("2026-06-19"), "Midsommarafton"},
      {d("2026-06-20"), "Midsommardagen"},
      {d("2026-10-31"), "Alla helgons dag"},
      {d("2026-12-24"), "Julafton"},
      {d("2026-12-25"), "Juldagen"},
      {d("2026-12-26"), "Annandag jul"},
      {d("2026-12-31"), "Nyårsafton"},
  };
  EXPECT_EQ(Calendar::sweden(true).holidays(2026), expected);
  auto public_only = expected;
  std::erase_if(public_only, [](const Holiday &h) {
    return h.name == "Midsommarafton" || h.name == "Julafton" || h.name == "Nyårsafton";
  });
  EXPECT_EQ(Calendar::sweden(false).holidays(2026), public_only);
}

TEST(Sweden, LawChangesOf2005) {
  const Calendar se = Calendar::sweden();
  // 2004: Easter 11 April, Pingstdagen 30 May, Annandag pingst Monday 31 May.
  EXPECT_EQ(names_on(se, d("2004-05-31")), std::vector<std::string>{"Annandag pingst"});
  EXPECT_FALSE(se.is_business_day(d("2004-05-31")));
  EXPECT_TRUE(names_on(se, d("2004-06-06")).empty());
  // 2005: Easter 27 March, Pingstdagen 15 May, no Annandag pingst; 6 June is a Monday holiday.
  EXPECT_TRUE(se.is_business_day(d("2005-05-16")));
  EXPECT_EQ(names_on(se, d("2005-06-06")), std::vector<std::string>{"Sveriges nationaldag"});
  EXPECT_FALSE(se.is_business_day(d("2005-06-06")));
}

TEST(Sweden, TwoHolidaysOnOneDay) {
  // Easter 2008 was 23 March, so Ascension Day fell on 1 May.
  EXPECT_EQ(names_on(Calendar::sweden(), d("2008-05-01")),
            (std::vector<std::string>{"Första maj", "Kristi himmelsfärdsdag"}));
}

TEST(Sweden, MidsommarAndAllSaintsMove) {
  const Calendar se = Calendar::sweden();
  const std::pair<const char *, const char *> midsommar[] = {
      {"2020-06-19", "2020-06-20"}, {"2021-06-25", "2021-06-26"}, {"2022-06-24", "2022-06-25"},
      {"2023-06-23", "2023-06-24"}, {"2024-06-21", "2024-06-22"}, {"2025-06-20", "2025-06-21"}};
  for (const auto &[eve, day] : midsommar) {
    EXPECT_EQ(names_on(se, d(eve)), std::vector<std::string>{"Midsommarafton"}) << eve;
    EXPECT_EQ(names_on(se, d(day)), std::vector<std::string>{"Midsommardagen"}) << day;
  }
  for (const char *day :
       {"2020-10-31", "2021-11-06", "2022-11-05", "2023-11-04", "2024-11-02", "2025-11-01"}) {
    EXPECT_EQ(names_on(se, d(day)), std::vector<std::string>{"Alla helgons dag"}) << day;
  }
}

TEST(Sweden, BusinessDaysAroundEaster) {
  const Calendar se = Calendar::sweden();
  // Thursday 2 April 2026; Friday 3 (Långfredagen), weekend, Monday 6 (Annandag påsk).
  EXPECT_EQ(se.add_business_days(d("2026-04-02"), 1), d("2026-04-07"));
  EXPECT_EQ(se.add_business_days(d("2026-04-07"), -1), d("2026-04-02"));
  EXPECT_EQ(se.add_business_days(d("2026-04-03"), 0), d("2026-04-07"));
  // 30 Mar – 2 Apr and 7–10 Apr.
  EXPECT_EQ(se.business_days_between(d("2026-03-30"), d("2026-04-13")), 8);
  // Ascension Thursday 14 May 2026: the Friday after is a normal business day.
  EXPECT_EQ(se.add_business_days(d("2026-05-13"), 1), d("2026-05-15"));
}

TEST(Sweden, BusinessDaysAroundMidsommar) {
  const Calendar de_facto = Calendar::sweden(true);
  const Calendar law_only = Calendar::sweden(false);
  EXPECT_EQ(de_facto.add_business_days(d("2026-06-18"), 1), d("2026-06-22"));
  EXPECT_EQ(law_only.add_business_days(d("2026-06-18"), 1), d("2026-06-19"));
  EXPECT_EQ(de_facto.business_days_between(d("2026-06-15"), d("2026-06-22")), 4);
  EXPECT_EQ(law_only.business_days_between(d("2026-06-15"), d("2026-06-22")), 5);
}

TEST(Sweden, BusinessDaysAroundNewYear) {
  const Calendar se = Calendar::sweden();
  // Wednesday 30 Dec 2026 → Nyårsafton, Nyårsdagen (Friday), weekend → Monday 4 Jan;
  // Trettondedag jul is Wednesday 6 Jan 2027.
  EXPECT_EQ(se.add_business_days(d("2026-12-30"), 1), d("2027-01-04"));
  EXPECT_EQ(se.add_business_days(d("2026-12-30"), 3), d("2027-01-07"));
  EXPECT_EQ(se.add_business_days(d("2027-01-07"), -3), d("2026-12-30"));
  // 21 Dec 2026 – 11 Jan 2027: 21–23, 28–30 Dec, 4–5 and 7–8 Jan.
  EXPECT_EQ(se.business_days_between(d("2026-12-21"), d("2027-01-11")), 10);
  EXPECT_EQ(se.business_days_between(d("2027-01-11"), d("2026-12-21")), -10);
  // A whole year: 2026 has 261 weekdays; 10 days off fall on weekdays
  // (1/1, 6/1, 3/4, 6/4, 1/5, 14/5, 19/6, 24/12, 25/12, 31/12; 6/6 is a Saturday).
  EXPECT_EQ(se.business_days_between(d("2026-01-01"), d("2027-01-01")), 251);
}

}  // namespace
}  // namespace levande
