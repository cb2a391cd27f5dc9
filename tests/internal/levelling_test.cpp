// Load levelling (src/core/schedule/levelling.hpp) on its own, worked by
// hand on March 2026: Monday 2 March is as_of, weekends are not available.
#include <gtest/gtest.h>

#include <vector>

#include "schedule/levelling.hpp"

namespace levande::detail {
namespace {

Date d(int y, int m, int day) {
  return Date::from_ymd(y, m, day);
}

const Date as_of = d(2026, 3, 2);  // a Monday
constexpr std::uint32_t no_manager = UINT32_MAX;

bool weekday(Date x) {
  const auto w = x.weekday();
  return w != Weekday::saturday && w != Weekday::sunday;
}

Leveller leveller() {
  return Leveller(as_of, as_of, d(2026, 12, 31), d(2027, 3, 31));
}

LevelEvent movable(std::uint32_t series, Date candidate, std::int32_t week_cap,
                   std::int32_t tolerance, std::uint64_t order) {
  return {.series = series,
          .candidate = candidate,
          .earliest = as_of,
          .week_cap = week_cap,
          .tolerance = tolerance,
          .order = order};
}

// The results by event index.
std::vector<LevelResult> by_event(const std::vector<LevelResult> &results, std::size_t n) {
  std::vector<LevelResult> out(n);
  for (const auto &r : results)
    out[r.event] = r;
  return out;
}

TEST(Levelling, AFullWeekSendsTheEventToTheNearestDayWithRoom) {
  auto l = leveller();
  // Two a week: Monday and Tuesday take the week; Wednesday's event finds
  // Thu, Tue, Fri, Mon full (same week), Sat unavailable, Sun 1 March before
  // as_of, Sun 8 unavailable, Sat 28 Feb before as_of, then Monday 9 March.
  const std::vector<LevelEvent> events{movable(1, d(2026, 3, 2), 2, 7, 1),
                                       movable(2, d(2026, 3, 3), 2, 7, 2),
                                       movable(3, d(2026, 3, 4), 2, 7, 3)};
  const auto r = by_event(l.level(events, no_manager, weekday), 3);
  EXPECT_EQ(r[0].placement, Placement::placed);
  EXPECT_EQ(r[0].day, d(2026, 3, 2));
  EXPECT_EQ(r[1].day, d(2026, 3, 3));
  EXPECT_EQ(r[2].placement, Placement::placed);
  EXPECT_EQ(r[2].day, d(2026, 3, 9));
}

TEST(Levelling, FixedEventsCountButNeverMove) {
  auto l = leveller();
  // One a week: the fixed event fills the week of 2 March, so an event
  // allowed three days either way of Wednesday 4 March has no week with room.
  std::vector<LevelEvent> events{movable(1, d(2026, 3, 4), 1, 3, 1),
                                 movable(2, d(2026, 3, 3), 1, 3, 0)};
  events[1].fixed = true;
  const auto &results = l.level(events, no_manager, weekday);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].event, 1u);  // fixed events are taken first
  EXPECT_EQ(results[0].placement, Placement::fixed);
  EXPECT_EQ(results[0].day, d(2026, 3, 3));
  EXPECT_EQ(results[1].placement, Placement::no_room);
}

TEST(Levelling, OneSeriesNeverHasTwoEventsOnADay) {
  auto l = leveller();
  const std::vector<LevelEvent> events{movable(5, d(2026, 3, 10), 9, 7, 1),
                                       movable(5, d(2026, 3, 10), 9, 7, 2),
                                       movable(6, d(2026, 3, 10), 9, 7, 3)};
  const auto r = by_event(l.level(events, no_manager, weekday), 3);
  EXPECT_EQ(r[0].day, d(2026, 3, 10));
  EXPECT_EQ(r[1].day, d(2026, 3, 11));  // the next day; the day before comes second
  EXPECT_EQ(r[2].day, d(2026, 3, 10));  // another series shares the day
}

TEST(Levelling, AManagersDayIsSharedByTheirReports) {
  auto l = leveller();
  auto event = movable(1, d(2026, 3, 10), 9, 7, 1);
  event.manager_cap = 1;
  const std::vector<LevelEvent> one{event};
  EXPECT_EQ(l.level(one, 7, weekday)[0].day, d(2026, 3, 10));  // Anna, manager 7
  EXPECT_EQ(l.manager_load(7, d(2026, 3, 10)), 1u);
  EXPECT_EQ(l.level(one, 7, weekday)[0].day, d(2026, 3, 11));  // Bo, also manager 7
  EXPECT_EQ(l.level(one, 8, weekday)[0].day, d(2026, 3, 10));  // another manager
  EXPECT_EQ(l.level(one, no_manager, weekday)[0].day, d(2026, 3, 10));
}

TEST(Levelling, NeverBeforeTheEarliestDayNorOnADayThePersonIsAway) {
  auto l = leveller();
  auto early = movable(1, d(2026, 3, 9), 9, 7, 1);  // Monday, but not before Wednesday
  early.earliest = d(2026, 3, 11);
  // Two events of one series on Monday 16 March; the person is away 17-18
  // March. The second moves: Tue 17 (away), Sun 15, Wed 18 (away), Sat 14,
  // then Thursday 19.
  const auto first = movable(2, d(2026, 3, 16), 9, 7, 2),
             second = movable(2, d(2026, 3, 16), 9, 7, 3);
  auto available = [](Date x) { return weekday(x) && (x < d(2026, 3, 17) || x > d(2026, 3, 18)); };
  const std::vector<LevelEvent> events{early, first, second};
  const auto r = by_event(l.level(events, no_manager, available), 3);
  EXPECT_EQ(r[0].day, d(2026, 3, 11));
  EXPECT_EQ(r[1].day, d(2026, 3, 16));
  EXPECT_EQ(r[2].day, d(2026, 3, 19));
}

TEST(Levelling, HistoryOutsideAndNoDay) {
  // as_of on Wednesday 4 March: Monday 2 March is in as_of's week.
  Leveller l(d(2026, 3, 2), d(2026, 3, 4), d(2026, 3, 31), d(2026, 6, 29));
  std::vector<LevelEvent> events{
      movable(1, d(2026, 3, 2), 1, 7, 1), movable(2, d(2026, 3, 5), 1, 7, 2),
      movable(3, d(2026, 4, 1), 1, 7, 3), movable(4, Date::min(), 1, 7, 4)};
  const auto r = by_event(l.level(events, no_manager, weekday), 4);
  EXPECT_EQ(r[0].placement, Placement::history);  // counted where it is
  EXPECT_EQ(r[1].placement, Placement::placed);   // the week is full: next Monday
  EXPECT_EQ(r[1].day, d(2026, 3, 9));
  EXPECT_EQ(r[2].placement, Placement::outside);  // after until
  EXPECT_EQ(r[3].placement, Placement::no_day);
}

}  // namespace
}  // namespace levande::detail
