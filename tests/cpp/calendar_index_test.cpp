// The bitmap index behind Calendar against a deliberately naive model of the
// same definition: walk day by day, asking the rules (HolidayRule::date_in)
// and the closures directly. Random dates and offsets cover block edges,
// long jumps and the ends of the supported range.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>
#include <thread>

#include "levande/calendar.hpp"
#include "levande/error.hpp"

namespace levande {
namespace {

class NaiveCalendar {
 public:
  explicit NaiveCalendar(const Calendar &cal) : cal_(cal) {}
  bool is_business_day(Date d) const {
    if (cal_.weekend().contains(d.weekday())) return false;
    // A rule's date may fall outside its own year, so ask the neighbours too.
    for (int y = d.year() - 1; y <= d.year() + 1; ++y) {
      if (rule_dates(y).count(d.days()) != 0) return false;
    }
    for (const auto &c : cal_.closures()) {
      if (c.first <= d && d <= c.last) return false;
    }
    return true;
  }
  Date add(Date d, int n) const {
    if (n == 0) {
      while (!is_business_day(d))
        d = Date(d.days() + 1);
      return d;
    }
    const int step = n > 0 ? 1 : -1;
    for (int left = n > 0 ? n : -n; left > 0;) {
      d = Date(d.days() + step);
      if (is_business_day(d)) --left;
    }
    return d;
  }
  int count(Date a, Date b) const {
    if (b < a) return -count(b, a);
    int n = 0;
    for (Date x = a; x < b; x = Date(x.days() + 1))
      n += is_business_day(x) ? 1 : 0;
    return n;
  }

 private:
  // Every date the rules give for year y (memoised: the walk asks often).
  const std::set<std::int32_t> &rule_dates(int y) const {
    auto [it, fresh] = by_year_.try_emplace(y);
    if (fresh) {
      for (const auto &rule : cal_.rules()) {
        if (const auto day = rule.date_in(y)) it->second.insert(day->days());
      }
    }
    return it->second;
  }
  const Calendar &cal_;
  mutable std::map<int, std::set<std::int32_t>> by_year_;
};

Calendar busy_calendar() {
  Calendar cal = Calendar::sweden();
  cal.add_closure(Date::parse("2026-07-06"), Date::parse("2026-07-31"), "Summer shutdown");
  cal.add_closure(Date::parse("2031-12-20"), Date::parse("2032-01-10"), "Long leave");
  cal.add_rule(HolidayRule::nth_weekday("Company day", 9, Weekday::friday, -1));
  cal.add_rule(HolidayRule::weekday_in_window("Across new year", Weekday::tuesday, 12, 30, 5));
  return cal;
}

TEST(CalendarIndex, MatchesNaiveWalkOnRandomQueries) {
  const Calendar cal = busy_calendar();
  const NaiveCalendar naive(cal);
  std::mt19937 rng(20261127);
  const std::int32_t lo = Date::parse("2020-01-01").days(), hi = Date::parse("2040-12-31").days();
  std::uniform_int_distribution<std::int32_t> day(lo, hi);
  std::uniform_int_distribution<int> small(-30, 30), large(-3000, 3000);
  for (int i = 0; i < 5000; ++i) {
    const Date a(day(rng));
    ASSERT_EQ(cal.is_business_day(a), naive.is_business_day(a)) << a;
    const int n = i % 3 == 0 ? large(rng) : small(rng);
    ASSERT_EQ(cal.add_business_days(a, n), naive.add(a, n)) << a << " + " << n;
    const Date b(day(rng));
    if (std::abs(b - a) < 4000) {
      ASSERT_EQ(cal.business_days_between(a, b), naive.count(a, b)) << a << ".." << b;
    }
  }
}

TEST(CalendarIndex, BlockBoundariesAndRangeEnds) {
  const Calendar cal = busy_calendar();
  const NaiveCalendar naive(cal);
  // Blocks start every 4096 days from 1400-01-01; probe around a few starts.
  for (std::int32_t block : {1, 100, 400, 700}) {
    const std::int32_t start = Date::min_days + block * 4096;
    for (std::int32_t d = start - 10; d < start + 10; ++d) {
      for (int n : {-70, -9, -1, 0, 1, 9, 70}) {
        ASSERT_EQ(cal.add_business_days(Date(d), n), naive.add(Date(d), n)) << Date(d) << " " << n;
      }
      ASSERT_EQ(cal.business_days_between(Date(start - 300), Date(d)),
                naive.count(Date(start - 300), Date(d)));
    }
  }
  EXPECT_EQ(cal.add_business_days(Date::min(), 0), naive.add(Date::min(), 0));
  EXPECT_EQ(cal.previous_business_day(Date::max()), naive.add(Date::max(), -1));
  // The last business day in range: 9999-12-30 is a Thursday.
  EXPECT_EQ(Calendar().add_business_days(Date::parse("9999-12-29"), 1), Date::parse("9999-12-30"));
}

TEST(CalendarIndex, LongJumpsAcrossManyBlocks) {
  const Calendar cal;  // Saturday/Sunday only: 5 business days per 7
  const Date monday = Date::parse("2026-11-02");
  // 5 * 10000 business days = 10000 weeks = 70000 days.
  EXPECT_EQ(cal.add_business_days(monday, 50000), Date(monday.days() + 70000));
  EXPECT_EQ(cal.add_business_days(Date(monday.days() + 70000), -50000), monday);
  EXPECT_EQ(cal.business_days_between(monday, Date(monday.days() + 70000)), 50000);
  EXPECT_THROW(cal.add_business_days(monday, 2147483647), Error);
  EXPECT_THROW(cal.add_business_days(monday, -2147483647 - 1), Error);
}

TEST(CalendarIndex, BulkFormsEqualScalarForms) {
  const Calendar cal = busy_calendar();
  std::vector<Date> dates;
  std::vector<std::int32_t> offsets;
  for (std::int32_t i = 0; i < 500; ++i) {
    dates.emplace_back(Date::parse("2025-12-01").days() + i * 7 % 400);
    offsets.push_back(i % 23 - 11);
  }
  std::vector<Date> out(dates.size());
  cal.add_business_days(dates, offsets, out);
  for (std::size_t i = 0; i < dates.size(); ++i) {
    ASSERT_EQ(out[i], cal.add_business_days(dates[i], offsets[i]));
  }
  const std::int32_t five = 5;
  cal.add_business_days(dates, std::span(&five, 1), out);
  for (std::size_t i = 0; i < dates.size(); ++i)
    ASSERT_EQ(out[i], cal.add_business_days(dates[i], 5));

  std::vector<std::uint8_t> flags(dates.size());
  cal.is_business_day(dates, flags);
  for (std::size_t i = 0; i < dates.size(); ++i)
    ASSERT_EQ(flags[i] == 1, cal.is_business_day(dates[i]));

  std::vector<std::int32_t> counts(dates.size());
  const Date anchor = Date::parse("2026-06-01");
  cal.business_days_between(std::span(&anchor, 1), dates, counts);
  for (std::size_t i = 0; i < dates.size(); ++i) {
    ASSERT_EQ(counts[i], cal.business_days_between(anchor, dates[i]));
  }
  cal.roll(dates, Roll::modified_following, out);
  for (std::size_t i = 0; i < dates.size(); ++i) {
    ASSERT_EQ(out[i], cal.roll(dates[i], Roll::modified_following));
  }
}

TEST(CalendarIndex, BulkFormsAcceptEmptyColumns) {
  const Calendar cal;
  const Date one = Date::parse("2026-01-01");
  std::vector<std::int32_t> none;
  cal.business_days_between(std::span<const Date>(), std::span(&one, 1), none);
  cal.business_days_between(std::span(&one, 1), std::span<const Date>(), none);
  const std::int32_t k = 1;
  std::vector<Date> no_dates;
  cal.add_business_days(std::span<const Date>(), std::span(&k, 1), no_dates);
  EXPECT_TRUE(none.empty());
}

TEST(CalendarIndex, BulkErrorsNameTheElement) {
  const Calendar cal;
  std::vector<Date> dates = {Date::parse("2026-01-01"), Date(Date::max_days + 5)};
  std::vector<Date> out(2);
  const std::int32_t one = 1;
  try {
    cal.add_business_days(dates, std::span(&one, 1), out);
    FAIL() << "expected an error";
  } catch (const Error &e) {
    EXPECT_EQ(e.code(), Errc::out_of_range);
    EXPECT_EQ(e.field(), "dates[1]");
  }
  std::vector<Date> short_out(1);
  try {
    cal.add_business_days(dates, std::span(&one, 1), short_out);
    FAIL() << "expected an error";
  } catch (const Error &e) {
    EXPECT_EQ(e.code(), Errc::invalid_argument);
    EXPECT_EQ(e.field(), "out");
  }
  std::vector<std::int32_t> three_offsets = {1, 2, 3};
  EXPECT_THROW(cal.add_business_days(dates, three_offsets, out), Error);
}

TEST(CalendarIndex, ConcurrentFirstUseAgrees) {
  const Calendar cal = busy_calendar();  // a fresh calendar: no block built yet
  const Date start = Date::parse("1990-01-01");
  std::vector<std::int32_t> results[4];
  std::vector<std::thread> threads;
  for (auto &r : results) {
    threads.emplace_back([&cal, &r, start] {
      for (std::int32_t i = 0; i < 40000; i += 7) {
        r.push_back(cal.add_business_days(Date(start.days() + i), 3).days());
      }
    });
  }
  for (auto &t : threads)
    t.join();
  for (const auto &r : results)
    EXPECT_EQ(r, results[0]);
}

}  // namespace
}  // namespace levande
