// Goal roll-ups, cohort curves and predicted retention, worked by hand.
#include <gtest/gtest.h>

#include <cmath>

#include "levande/error.hpp"
#include "levande/metrics.hpp"
#include "levande/workspace.hpp"
#include "test_helpers.hpp"

namespace levande {
namespace {

using test::cell;
using test::d;

std::vector<std::string> keys(const Table &t, const char *column) {
  const auto &c = std::get<DictionaryColumn>(t[column]);
  std::vector<std::string> out;
  for (auto code : c.codes)
    out.push_back(c.words[static_cast<std::size_t>(code)]);
  return out;
}

// org ─ dev ─ dev-a (anna), ops (olle); a team plan of dev; one plan without a training.
Workspace sample() {
  Workspace ws;
  Batch b;
  b.add(Team{.id = "org", .name = "Org"});
  b.add(Team{.id = "dev", .name = "Dev", .parent = "org"});
  b.add(Team{.id = "dev-a", .name = "Dev A", .parent = "dev"});
  b.add(Team{.id = "ops", .name = "Ops", .parent = "org"});
  b.add(Person{.id = "anna", .name = "Anna", .team = "dev-a"});
  b.add(Person{.id = "olle", .name = "Olle", .team = "ops"});
  b.add(Training{.id = "T",
                 .title = "Cloud",
                 .skills = {"cloud", "ci"},
                 .start = d(2026, 1, 12),
                 .end = d(2026, 1, 14)});
  b.add(Training{.id = "U",
                 .title = "ITIL",
                 .skills = {"itil"},
                 .start = d(2026, 3, 2),
                 .end = d(2026, 3, 2)});
  b.add(ActionPlan{.id = "pa",
                   .title = "P",
                   .person = "anna",
                   .training = "T",
                   .created = d(2026, 1, 15),
                   .agreed_by = d(2026, 6, 30)});
  b.add(ActionPlan{.id = "po",
                   .title = "P",
                   .person = "olle",
                   .training = "U",
                   .created = d(2026, 3, 3),
                   .agreed_by = d(2026, 6, 30)});
  b.add(ActionPlan{.id = "pd",
                   .title = "P",
                   .team = "dev",
                   .created = d(2026, 1, 1),
                   .agreed_by = d(2026, 6, 30)});
  // ga achieved, gb no data, go at 50 %, gd at 25 % (dev's own goal, no training).
  b.add(Goal{.id = "ga", .plan = "pa", .metric = "m", .target = 10, .deadline = d(2026, 6, 30)});
  b.add(Goal{.id = "gb", .plan = "pa", .metric = "m", .target = 10, .deadline = d(2026, 6, 30)});
  b.add(Goal{.id = "go",
             .plan = "po",
             .metric = "m",
             .baseline = 10,
             .target = 0,
             .direction = Direction::decrease,
             .deadline = d(2026, 6, 30)});
  b.add(Goal{.id = "gd", .plan = "pd", .metric = "m", .target = 4, .deadline = d(2026, 6, 30)});
  b.add(Measurement{.goal = "ga", .date = d(2026, 2, 1), .value = 10});
  b.add(Measurement{.goal = "go", .date = d(2026, 4, 1), .value = 5});
  b.add(Measurement{.goal = "gd", .date = d(2026, 2, 1), .value = 1});
  ws.apply(b);
  return ws;
}

TEST(GoalRollup, ByTeamCountsSubTeamsAndTeamPlans) {
  const auto ws = sample();
  const auto t = goal_rollup(ws, d(2026, 4, 30), RollupBy::team);
  ASSERT_EQ(keys(t, "team"), (std::vector<std::string>{"org", "dev", "dev-a", "ops"}));
  // org: all four; dev: ga, gb, gd; dev-a: ga, gb; ops: go.
  EXPECT_EQ(cell<std::uint32_t>(t, "goals", 0), 4u);
  EXPECT_EQ(cell<std::uint32_t>(t, "goals", 1), 3u);
  EXPECT_EQ(cell<std::uint32_t>(t, "goals", 2), 2u);
  EXPECT_EQ(cell<std::uint32_t>(t, "measured", 2), 1u);
  EXPECT_EQ(cell<std::uint32_t>(t, "no_data", 2), 1u);
  EXPECT_EQ(cell<std::uint32_t>(t, "achieved", 2), 1u);
  EXPECT_DOUBLE_EQ(cell<double>(t, "mean_progress", 0), (1 + 0.5 + 0.25) / 3);
  EXPECT_DOUBLE_EQ(cell<double>(t, "mean_progress", 1), (1 + 0.25) / 2);
  EXPECT_DOUBLE_EQ(cell<double>(t, "on_track_share", 2), 1.0);
}

TEST(GoalRollup, DepartmentsPartitionTheGoals) {
  const auto ws = sample();
  const auto t = goal_rollup(ws, d(2026, 4, 30), RollupBy::department);
  // Depth 1: dev (with dev-a) and ops; org is above and its own department.
  ASSERT_EQ(keys(t, "department"), (std::vector<std::string>{"org", "dev", "ops"}));
  EXPECT_EQ(cell<std::uint32_t>(t, "goals", 0), 0u);
  EXPECT_EQ(cell<std::uint32_t>(t, "goals", 1), 3u);
  EXPECT_EQ(cell<std::uint32_t>(t, "goals", 2), 1u);
  EXPECT_TRUE(std::isnan(cell<double>(t, "mean_progress", 0)));
  const auto deep = goal_rollup(ws, d(2026, 4, 30), RollupBy::department, {{}, 2});
  EXPECT_EQ(keys(deep, "department"), (std::vector<std::string>{"org", "dev", "dev-a", "ops"}));
  EXPECT_EQ(cell<std::uint32_t>(deep, "goals", 1), 1u);  // gd only; ga, gb are dev-a's
}

TEST(GoalRollup, ByTrainingSkillCohortAndPerson) {
  const auto ws = sample();
  const Date as_of = d(2026, 4, 30);
  const auto skill = goal_rollup(ws, as_of, RollupBy::skill);
  // Skills in name order; ga and gb count for both skills of T; gd has no training.
  ASSERT_EQ(keys(skill, "skill"), (std::vector<std::string>{"ci", "cloud", "itil"}));
  EXPECT_EQ(cell<std::uint32_t>(skill, "goals", 0), 2u);
  EXPECT_EQ(cell<std::uint32_t>(skill, "goals", 2), 1u);
  const auto cohort = goal_rollup(ws, as_of, RollupBy::cohort);
  ASSERT_EQ(keys(cohort, "cohort"), (std::vector<std::string>{"2026-01", "2026-03"}));
  EXPECT_DOUBLE_EQ(cell<double>(cohort, "mean_progress", 1), 0.5);
  const auto person = goal_rollup(ws, as_of, RollupBy::person);
  EXPECT_EQ(cell<std::uint32_t>(person, "goals", 0), 2u);
  EXPECT_EQ(cell<std::uint32_t>(person, "goals", 1), 1u);
  EXPECT_EQ(test::code_of([&] { (void)goal_rollup(ws, as_of, static_cast<RollupBy>(9)); }),
            Errc::invalid_argument);
  EXPECT_EQ(test::code_of([&] {
              (void)goal_rollup(ws, as_of, RollupBy::department, {{}, -1});
            }),
            Errc::invalid_argument);
}

TEST(CohortCurves, ProgressByDaysSinceTheTraining) {
  const auto ws = sample();
  // Cohort 2026-01 (T ends 01-14): ga reaches 1 on 02-01 (day 18), gb has no data.
  // Cohort 2026-03 (U ends 03-02): go at 0.5 from 04-01 (day 30).
  const auto t = cohort_curves(ws, d(2026, 4, 15), {15, 90});
  ASSERT_EQ(keys(t, "cohort"),
            (std::vector<std::string>{"2026-01", "2026-01", "2026-01", "2026-01", "2026-01",
                                      "2026-01", "2026-01", "2026-03", "2026-03", "2026-03"}));
  const auto &day = std::get<std::vector<std::int32_t>>(t["day"]);
  EXPECT_EQ(day, (std::vector<std::int32_t>{0, 15, 30, 45, 60, 75, 90, 0, 15, 30}));
  EXPECT_DOUBLE_EQ(cell<double>(t, "mean_progress", 1), 0.0);  // 01-29: nothing yet
  EXPECT_DOUBLE_EQ(cell<double>(t, "mean_progress", 2), 0.5);  // 02-13: ga 1, gb 0
  EXPECT_DOUBLE_EQ(cell<double>(t, "achieved_share", 2), 0.5);
  EXPECT_EQ(cell<std::uint32_t>(t, "goals", 2), 2u);
  EXPECT_DOUBLE_EQ(cell<double>(t, "mean_progress", 9), 0.5);  // 04-01
  EXPECT_EQ(test::code_of([&] {
              (void)cohort_curves(ws, d(2026, 4, 15), {0, 90});
            }),
            Errc::invalid_argument);
}

TEST(Retention, WhatCountsAsAReview) {
  Workspace ws;
  Batch b;
  b.add(Person{.id = "anna", .name = "Anna"});
  b.add(Person{.id = "olle", .name = "Olle"});
  b.add(Training{.id = "T",
                 .title = "Cloud",
                 .skills = {"cloud"},
                 .start = d(2026, 1, 12),
                 .end = d(2026, 1, 14)});
  b.add(Training{.id = "X",
                 .title = "Cancelled",
                 .skills = {"cloud"},
                 .start = d(2026, 2, 2),
                 .end = d(2026, 2, 2),
                 .cancelled = true});
  b.add(Participation{.person = "anna", .training = "T"});  // learnt at the end, 01-14
  b.add(Participation{.person = "olle", .training = "X"});  // cancelled: nothing learnt
  b.add(ActionPlan{.id = "pa",
                   .title = "P",
                   .person = "anna",
                   .training = "T",
                   .created = d(2026, 1, 15),
                   .agreed_by = d(2026, 6, 30)});
  b.add(CheckIn{.plan = "pa",
                .scheduled = d(2026, 1, 24),
                .status = CheckInStatus::held,
                .held = d(2026, 1, 24),
                .outcome = Outcome::applied});
  b.add(CheckIn{.plan = "pa",
                .scheduled = d(2026, 2, 7),
                .status = CheckInStatus::held,
                .held = d(2026, 2, 7)});
  b.add(CheckIn{.plan = "pa", .scheduled = d(2026, 2, 21), .status = CheckInStatus::missed});
  b.add(FeedbackSession{.id = "F", .training = "T", .date = d(2026, 2, 13)});
  b.add(Response{.session = "F", .person = "anna", .impact = 5});
  ws.apply(b);
  const auto t = retention(ws, d(2026, 3, 1));
  ASSERT_EQ(t.rows(), 1u);
  EXPECT_EQ(keys(t, "person"), std::vector<std::string>{"anna"});
  // Reviews: 01-14 good (learnt), 01-24 good (applied), 02-13 easy (impact 5);
  // the check-in without an outcome and the missed one are not reviews.
  const MemoryModel model;
  auto state = model.review(std::nullopt, 0, Rating::good);
  state = model.review(state, 10, Rating::good);
  state = model.review(state, 20, Rating::easy);
  EXPECT_EQ(cell<std::uint32_t>(t, "reviews", 0), 3u);
  EXPECT_EQ(cell<Date>(t, "last_review", 0), d(2026, 2, 13));
  EXPECT_DOUBLE_EQ(cell<double>(t, "stability", 0), state.stability);
  EXPECT_DOUBLE_EQ(cell<double>(t, "retrievability", 0), model.retrievability(state, 16));
  EXPECT_EQ(cell<Date>(t, "reinforce_by", 0),
            Date(d(2026, 2, 13).days() + static_cast<std::int32_t>(std::floor(state.stability))));
  EXPECT_EQ(test::code_of([&] {
              (void)retention(ws, d(2026, 3, 1), {MemoryModel{}, 1.0});
            }),
            Errc::invalid_argument);
  EXPECT_EQ(retention(ws, d(2026, 1, 13)).rows(), 0u);
}

}  // namespace
}  // namespace levande
