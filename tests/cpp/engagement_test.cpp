// Check-in adherence and learning per person and team, worked by hand.
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

Workspace sample() {
  Workspace ws;
  Batch b;
  b.add(Team{"org", "Org", ""});
  b.add(Team{"dev", "Dev", "org"});
  b.add(Person{"anna", "Anna", "", "dev", "", ""});
  b.add(Person{"bo", "Bo", "", "dev", "", ""});
  b.add(Person{"cid", "Cid", "", "org", "", ""});
  b.add(ActionPlan{"pa", "A", "anna", "", "", d(2026, 3, 1), d(2026, 6, 1), PlanStatus::open});
  b.add(ActionPlan{"pb", "B", "bo", "", "", d(2026, 3, 1), d(2026, 6, 1), PlanStatus::open});
  b.add(ActionPlan{"pt", "T", "", "dev", "", d(2026, 3, 1), d(2026, 6, 1), PlanStatus::open});
  auto held = [](const char *plan, Date s, Date h) {
    return CheckIn{plan, s, CheckInStatus::held, h, Outcome::applied, ""};
  };
  b.add(held("pa", d(2026, 3, 2), d(2026, 3, 4)));    // on time (2 days)
  b.add(held("pa", d(2026, 3, 16), d(2026, 3, 25)));  // late (9 days)
  b.add(CheckIn{"pa", d(2026, 3, 30), CheckInStatus::scheduled, {}, Outcome::none, ""});
  b.add(CheckIn{"pb", d(2026, 3, 10), CheckInStatus::missed, {}, Outcome::none, ""});
  b.add(CheckIn{"pb", d(2026, 4, 6), CheckInStatus::scheduled, {}, Outcome::none, ""});
  b.add(held("pt", d(2026, 3, 3), d(2026, 3, 3)));
  b.add(Activity{"anna", d(2026, 1, 10), 2, LearningKind::on_the_job, true});
  b.add(Activity{"anna", d(2026, 2, 1), 1, LearningKind::formal, false});
  b.add(Activity{"bo", d(2026, 3, 1), 1, LearningKind::social, true});
  b.add(Activity{"bo", d(2025, 12, 31), 5, LearningKind::formal, false});  // last year
  b.add(Activity{"cid", d(2026, 4, 1), 3, LearningKind::formal, false});   // after the date
  b.add(CompetencePlan{"cp", "dev", 2026});
  b.add(Initiative{"i1", "cp", 1, "CI/CD", 10, ""});
  b.add(Initiative{"i2", "cp", 2, "cloud", 6, ""});
  b.add(CompetencePlan{"old", "org", 2025});
  b.add(Initiative{"i3", "old", 1, "x", 100, ""});
  ws.apply(b);
  return ws;
}

TEST(Engagement, PerPersonByHand) {
  const auto ws = sample();
  const auto t = engagement(ws, d(2026, 3, 31), GroupBy::person);
  const auto anna = *ws.index_of(Kind::person, "anna"), bo = *ws.index_of(Kind::person, "bo"),
             cid = *ws.index_of(Kind::person, "cid");
  // As of 31 March with 3 days' tolerance, a check-in is due from 28 March
  // back: Anna's 2 and 16 March (one on time), her 30 March one is overdue
  // but not yet due. Bo's missed 10 March is due.
  EXPECT_EQ(cell<std::uint32_t>(t, "check_ins_due", anna), 2u);
  EXPECT_EQ(cell<std::uint32_t>(t, "check_ins_on_time", anna), 1u);
  EXPECT_DOUBLE_EQ(cell<double>(t, "adherence", anna), 0.5);
  EXPECT_EQ(cell<std::uint32_t>(t, "check_ins_overdue", anna), 1u);
  EXPECT_EQ(cell<std::uint32_t>(t, "check_ins_missed", bo), 1u);
  EXPECT_DOUBLE_EQ(cell<double>(t, "adherence", bo), 0.0);
  EXPECT_TRUE(std::isnan(cell<double>(t, "adherence", cid)));  // nothing due
  // Learning in 2026 up to 31 March: Anna 2 h on the job (self) + 1 h formal.
  EXPECT_DOUBLE_EQ(cell<double>(t, "learning_hours", anna), 3.0);
  EXPECT_DOUBLE_EQ(cell<double>(t, "on_the_job_share", anna), 2.0 / 3);
  EXPECT_DOUBLE_EQ(cell<double>(t, "formal_share", anna), 1.0 / 3);
  EXPECT_DOUBLE_EQ(cell<double>(t, "self_initiated_share", anna), 2.0 / 3);
  EXPECT_DOUBLE_EQ(cell<double>(t, "learning_hours", bo), 1.0);   // not last year's 5 h
  EXPECT_DOUBLE_EQ(cell<double>(t, "learning_hours", cid), 0.0);  // not April's 3 h
  EXPECT_TRUE(std::isnan(cell<double>(t, "social_share", cid)));
  EXPECT_TRUE(std::isnan(cell<double>(t, "hours_budget", anna)));
}

TEST(Engagement, TeamsRollUpTheirSubTeams) {
  const auto ws = sample();
  const auto t = engagement(ws, d(2026, 3, 31), GroupBy::team);
  const auto dev = *ws.index_of(Kind::team, "dev"), org = *ws.index_of(Kind::team, "org");
  // dev: Anna's 2, Bo's 1 and the team plan's 3 March (on time) are due: 2 of 4.
  EXPECT_EQ(cell<std::uint32_t>(t, "people", dev), 2u);
  EXPECT_EQ(cell<std::uint32_t>(t, "check_ins_due", dev), 4u);
  EXPECT_DOUBLE_EQ(cell<double>(t, "adherence", dev), 0.5);
  EXPECT_EQ(cell<std::uint32_t>(t, "check_ins_overdue", dev), 1u);
  EXPECT_EQ(cell<std::uint32_t>(t, "check_ins_missed", dev), 1u);
  // Hours 4: 2 on the job, 1 social, 1 formal; 3 self-initiated; budget 10 + 6.
  EXPECT_DOUBLE_EQ(cell<double>(t, "learning_hours", dev), 4.0);
  EXPECT_DOUBLE_EQ(cell<double>(t, "on_the_job_share", dev), 0.5);
  EXPECT_DOUBLE_EQ(cell<double>(t, "social_share", dev), 0.25);
  EXPECT_DOUBLE_EQ(cell<double>(t, "self_initiated_share", dev), 0.75);
  EXPECT_DOUBLE_EQ(cell<double>(t, "hours_budget", dev), 16.0);
  EXPECT_DOUBLE_EQ(cell<double>(t, "hours_of_budget", dev), 0.25);
  // org counts dev as well as Cid; the 2025 plan is not this year's budget.
  EXPECT_EQ(cell<std::uint32_t>(t, "people", org), 3u);
  EXPECT_EQ(cell<std::uint32_t>(t, "check_ins_due", org), 4u);
  EXPECT_DOUBLE_EQ(cell<double>(t, "hours_budget", org), 16.0);
  const auto &keys = std::get<DictionaryColumn>(t["team"]);
  EXPECT_EQ(keys.words[keys.codes[dev]], "dev");
}

TEST(Engagement, TeamGoalsCoveredByTheCompetencePlan) {
  auto ws = sample();
  Batch b;
  b.add(Team{"web", "Web", "dev"});
  b.add(ActionPlan{"pw", "W", "", "web", "", d(2026, 3, 1), d(2026, 6, 1), PlanStatus::open});
  // dev's plan pt: two goals this year, one next year; web: one goal.
  b.add(Goal{"t1", "pt", "m", "", 0, 1, Direction::increase, d(2026, 6, 1), {}});
  b.add(Goal{"t2", "pt", "m", "", 0, 1, Direction::increase, d(2026, 12, 31), {}});
  b.add(Goal{"t3", "pt", "m", "", 0, 1, Direction::increase, d(2027, 1, 31), {}});
  b.add(Goal{"w1", "pw", "m", "", 0, 1, Direction::increase, d(2026, 9, 1), {}});
  // A personal goal is not a team goal.
  b.add(Goal{"a1", "pa", "m", "", 0, 1, Direction::increase, d(2026, 6, 1), {}});
  // dev's 2026 plan links t1 and (as the team above) w1; the 2025 plan of
  // org links t2, but in another year.
  b.add(Initiative{"i4", "cp", 3, "x", 1, "t1"});
  b.add(Initiative{"i5", "cp", 3, "x", 1, "w1"});
  b.add(Initiative{"i6", "old", 1, "x", 1, "t2"});
  ws.apply(b);
  const auto t = engagement(ws, d(2026, 3, 31), GroupBy::team);
  const auto dev = *ws.index_of(Kind::team, "dev"), org = *ws.index_of(Kind::team, "org"),
             web = *ws.index_of(Kind::team, "web");
  EXPECT_DOUBLE_EQ(cell<double>(t, "team_goals", dev), 3.0);  // t1, t2, w1
  EXPECT_DOUBLE_EQ(cell<double>(t, "team_goals_planned", dev), 2.0);
  EXPECT_DOUBLE_EQ(cell<double>(t, "goal_plan_coverage", dev), 2.0 / 3);
  EXPECT_DOUBLE_EQ(cell<double>(t, "goal_plan_coverage", web), 1.0);
  EXPECT_DOUBLE_EQ(cell<double>(t, "team_goals", org), 3.0);
  EXPECT_TRUE(std::isnan(
      cell<double>(engagement(ws, d(2026, 3, 31), GroupBy::person), "goal_plan_coverage", 0)));
}

TEST(Engagement, BadInput) {
  const auto ws = sample();
  try {
    engagement(ws, d(2026, 3, 31), GroupBy::person, {-1});
    FAIL();
  } catch (const Error &e) {
    EXPECT_EQ(e.field(), "tolerance_days");
  }
  EXPECT_THROW(engagement(ws, d(2026, 3, 31), static_cast<GroupBy>(7)), Error);
}

}  // namespace
}  // namespace levande
