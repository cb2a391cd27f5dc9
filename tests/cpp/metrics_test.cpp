// Goal progress, forecast and status, worked by hand (the comparison with an
// independent pandas implementation is in tests/python/test_metrics.py).
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "levande/error.hpp"
#include "levande/metrics.hpp"
#include "levande/workspace.hpp"
#include "test_helpers.hpp"

namespace levande {
namespace {

using test::d;

Goal goal(const char *id, double baseline, double target, Direction direction, Date deadline) {
  return Goal{.id = id,
              .plan = "p1",
              .metric = "metric",
              .unit = "units",
              .baseline = baseline,
              .target = target,
              .direction = direction,
              .deadline = deadline};
}

Workspace sample() {
  Workspace ws;
  Batch b;
  b.add(Person{.id = "anna", .name = "Anna"});
  b.add(ActionPlan{.id = "p1",
                   .title = "Plan",
                   .person = "anna",
                   .created = d(2026, 1, 1),
                   .agreed_by = d(2026, 12, 31)});
  b.add(goal("inc", 10, 20, Direction::increase, d(2026, 1, 31)));
  b.add(goal("dec", 20, 17, Direction::decrease, d(2026, 3, 31)));
  b.add(goal("done", 0, 5, Direction::increase, d(2026, 2, 28)));
  b.add(goal("late", 0, 5, Direction::increase, d(2026, 1, 15)));
  b.add(goal("none", 0, 5, Direction::increase, d(2026, 6, 30)));
  b.add(goal("future", 0, 5, Direction::increase, d(2026, 6, 30)));
  b.add(goal("flat", 0, 10, Direction::increase, d(2026, 12, 31)));
  b.add(goal("tie", 0, 10, Direction::increase, d(2026, 12, 31)));
  for (auto [g, day, v] : {std::tuple{"inc", d(2026, 1, 11), 12.0},
                           {"inc", d(2026, 1, 21), 16.0},
                           {"dec", d(2026, 1, 11), 19.0},
                           {"done", d(2026, 1, 20), 6.0},
                           {"late", d(2026, 1, 10), 2.0},
                           {"future", d(2026, 2, 1), 4.0},
                           {"flat", d(2026, 1, 11), 0.0},
                           {"tie", d(2026, 1, 11), 3.0},
                           {"tie", d(2026, 1, 11), 4.0}})
    b.add(Measurement{.goal = g, .date = day, .value = v});
  ws.apply(b);
  return ws;
}

TEST(GoalStatus, WorkedByHand) {
  const auto ws = sample();
  const auto s = goal_status(ws, d(2026, 1, 25));
  ASSERT_EQ(s.size(), 8u);
  auto row = [&](const char *id) { return *ws.index_of(Kind::goal, id); };

  // inc: points (day 0, 10), (10, 12), (20, 16): means 10 and 38/3, Sxx = 200,
  // Sxy = 60, slope 0.3; at the deadline (day 30) 38/3 + 0.3 * 20 = 18.667,
  // i.e. 0.8667 of the way: at risk (>= 0.8). Current 16: progress 0.6.
  auto i = row("inc");
  EXPECT_DOUBLE_EQ(s.current[i], 16.0);
  EXPECT_EQ(s.measured[i], d(2026, 1, 21));
  EXPECT_EQ(s.count[i], 2u);
  EXPECT_DOUBLE_EQ(s.progress[i], 0.6);
  EXPECT_NEAR(s.forecast[i], 38.0 / 3 + 6.0, 1e-12);
  EXPECT_NEAR(s.forecast_progress[i], (38.0 / 3 + 6.0 - 10) / 10, 1e-12);
  EXPECT_EQ(s.status[i], GoalStatus::at_risk);

  // dec: baseline 20, target 17. Points (0, 20), (10, 19): slope -0.1; at
  // day 89: 19.5 - 0.1 * 84 = 11.1, progress (11.1 - 20) / -3 = 2.967: on track.
  i = row("dec");
  EXPECT_NEAR(s.progress[i], 1.0 / 3, 1e-15);
  EXPECT_NEAR(s.forecast[i], 11.1, 1e-12);
  EXPECT_EQ(s.status[i], GoalStatus::on_track);

  EXPECT_EQ(s.status[row("done")], GoalStatus::achieved);  // 6 of 5
  EXPECT_DOUBLE_EQ(s.progress[row("done")], 1.2);
  EXPECT_EQ(s.status[row("late")], GoalStatus::missed);  // deadline 15 January, at 2 of 5
  EXPECT_EQ(s.status[row("none")], GoalStatus::no_data);
  EXPECT_TRUE(std::isnan(s.progress[row("none")]));
  EXPECT_EQ(s.measured[row("none")], Date::min());
  // A measurement after the date does not count.
  EXPECT_EQ(s.status[row("future")], GoalStatus::no_data);
  EXPECT_EQ(s.count[row("future")], 0u);
  // Flat at the baseline: forecast 0, off track.
  EXPECT_DOUBLE_EQ(s.forecast[row("flat")], 0.0);
  EXPECT_EQ(s.status[row("flat")], GoalStatus::off_track);
  // Two values on one day: the one recorded last.
  EXPECT_DOUBLE_EQ(s.current[row("tie")], 4.0);

  // A week later the measurement of 1 February counts for "future".
  const auto later = goal_status(ws, d(2026, 2, 1));
  EXPECT_EQ(later.count[row("future")], 1u);
  EXPECT_EQ(later.status[row("inc")], GoalStatus::missed);  // past 31 January at 0.6
}

TEST(GoalStatus, ThresholdAndBadInput) {
  const auto ws = sample();
  // inc forecasts 0.8667 of the way: off track once at risk starts at 0.9.
  const auto strict = goal_status(ws, d(2026, 1, 25), {0.9});
  EXPECT_EQ(strict.status[*ws.index_of(Kind::goal, "inc")], GoalStatus::off_track);
  for (double bad : {0.0, 1.0, -1.0, std::nan("")}) {
    try {
      goal_status(ws, d(2026, 1, 25), {bad});
      FAIL() << bad;
    } catch (const Error &e) {
      EXPECT_EQ(e.field(), "at_risk_from");
    }
  }
  EXPECT_EQ(test::code_of([&] { goal_status(ws, Date(Date::max_days + 1)); }),
            Errc::invalid_argument);
  EXPECT_STREQ(to_string(GoalStatus::off_track), "off_track");
}

}  // namespace
}  // namespace levande

namespace levande {
namespace {

// The names every API uses come from one list: to_string() and
// enum_names() agree, in the order of the codes docs/metrics.md gives.
TEST(EnumNames, OneListPerEnum) {
  const auto &all = enum_names();
  const auto *status = [&]() -> const EnumInfo * {
    for (const auto &e : all)
      if (std::string(e.type) == "goal_status") return &e;
    return nullptr;
  }();
  ASSERT_NE(status, nullptr);
  const std::vector<std::string> expected{"no_data", "achieved",  "on_track",
                                          "at_risk", "off_track", "missed"};
  ASSERT_EQ(status->names.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(status->names[i], expected[i]);
    EXPECT_STREQ(to_string(static_cast<GoalStatus>(i)), status->names[i]);
  }
  EXPECT_STREQ(to_string(static_cast<GoalStatus>(99)), "unknown");
  EXPECT_STREQ(to_string(Outcome::not_applied), "not_applied");
  EXPECT_STREQ(to_string(static_cast<Outcome>(9)), "?");
  std::vector<std::string> types;
  for (const auto &e : all)
    types.emplace_back(e.type);
  EXPECT_EQ(types, (std::vector<std::string>{"direction", "plan_status", "check_in_status",
                                             "outcome", "role", "assignment_status", "scale",
                                             "learning_kind", "roll", "personal_plans",
                                             "check_ins_until", "goal_status", "event_kind"}));
}

}  // namespace
}  // namespace levande
