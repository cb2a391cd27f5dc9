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
  b.add(Team{.id = "org", .name = "Org"});
  b.add(Team{.id = "dev", .name = "Dev", .parent = "org"});
  b.add(Person{.id = "anna", .name = "Anna", .team = "dev"});
  b.add(Person{.id = "bo", .name = "Bo", .team = "dev"});
  b.add(Person{.id = "cid", .name = "Cid", .team = "org"});
  b.add(ActionPlan{.id = "pa",
                   .title = "A",
                   .person = "anna",
                   .created = d(2026, 3, 1),
                   .agreed_by = d(2026, 6, 1)});
  b.add(ActionPlan{.id = "pb",
                   .title = "B",
                   .person = "bo",
                   .created = d(2026, 3, 1),
                   .agreed_by = d(2026, 6, 1)});
  b.add(ActionPlan{.id = "pt",
                   .title = "T",
                   .team = "dev",
                   .created = d(2026, 3, 1),
                   .agreed_by = d(2026, 6, 1)});
  auto held = [](const char *plan, Date s, Date h) {
    return CheckIn{.plan = plan,
                   .scheduled = s,
                   .status = CheckInStatus::held,
                   .held = h,
                   .outcome = Outcome::applied};
  };
  b.add(held("pa", d(2026, 3, 2), d(2026, 3, 4)));    // on time (2 days)
  b.add(held("pa", d(2026, 3, 16), d(2026, 3, 25)));  // late (9 days)
  b.add(CheckIn{.plan = "pa", .scheduled = d(2026, 3, 30)});
  b.add(CheckIn{.plan = "pb", .scheduled = d(2026, 3, 10), .status = CheckInStatus::missed});
  b.add(CheckIn{.plan = "pb", .scheduled = d(2026, 4, 6)});
  b.add(held("pt", d(2026, 3, 3), d(2026, 3, 3)));
  b.add(Activity{.person = "anna",
                 .date = d(2026, 1, 10),
                 .hours = 2,
                 .kind = LearningKind::on_the_job,
                 .self_initiated = true});
  b.add(Activity{.person = "anna", .date = d(2026, 2, 1), .hours = 1});
  b.add(Activity{.person = "bo",
                 .date = d(2026, 3, 1),
                 .hours = 1,
                 .kind = LearningKind::social,
                 .self_initiated = true});
  b.add(Activity{.person = "bo", .date = d(2025, 12, 31), .hours = 5});  // last year
  b.add(Activity{.person = "cid", .date = d(2026, 4, 1), .hours = 3});   // after the date
  b.add(CompetencePlan{.id = "cp", .team = "dev", .year = 2026});
  b.add(Initiative{.id = "i1", .plan = "cp", .skill = "CI/CD", .hours = 10});
  b.add(Initiative{.id = "i2", .plan = "cp", .quarter = 2, .skill = "cloud", .hours = 6});
  b.add(CompetencePlan{.id = "old", .team = "org", .year = 2025});
  b.add(Initiative{.id = "i3", .plan = "old", .skill = "x", .hours = 100});
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
  // but not yet due. Bo's missed 10 March is due. The dev team's plan names
  // no training, so it covers both of dev's people: its 3 March check-in
  // (held that day) is due and on time for each of them. Cid is in org,
  // above dev: a team's plan covers its sub-teams, not the teams above.
  EXPECT_EQ(cell<std::uint32_t>(t, "check_ins_due", anna), 3u);
  EXPECT_EQ(cell<std::uint32_t>(t, "check_ins_on_time", anna), 2u);
  EXPECT_DOUBLE_EQ(cell<double>(t, "adherence", anna), 2.0 / 3);
  EXPECT_EQ(cell<std::uint32_t>(t, "check_ins_overdue", anna), 1u);
  EXPECT_EQ(cell<std::uint32_t>(t, "check_ins_missed", bo), 1u);
  EXPECT_EQ(cell<std::uint32_t>(t, "check_ins_due", bo), 2u);
  EXPECT_DOUBLE_EQ(cell<double>(t, "adherence", bo), 0.5);
  EXPECT_EQ(cell<std::uint32_t>(t, "check_ins_due", cid), 0u);
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
  b.add(Team{.id = "web", .name = "Web", .parent = "dev"});
  b.add(ActionPlan{.id = "pw",
                   .title = "W",
                   .team = "web",
                   .created = d(2026, 3, 1),
                   .agreed_by = d(2026, 6, 1)});
  // dev's plan pt: two goals this year, one next year; web: one goal.
  b.add(Goal{.id = "t1", .plan = "pt", .metric = "m", .deadline = d(2026, 6, 1)});
  b.add(Goal{.id = "t2", .plan = "pt", .metric = "m", .deadline = d(2026, 12, 31)});
  b.add(Goal{.id = "t3", .plan = "pt", .metric = "m", .deadline = d(2027, 1, 31)});
  b.add(Goal{.id = "w1", .plan = "pw", .metric = "m", .deadline = d(2026, 9, 1)});
  // A personal goal is not a team goal.
  b.add(Goal{.id = "a1", .plan = "pa", .metric = "m", .deadline = d(2026, 6, 1)});
  // dev's 2026 plan links t1 and (as the team above) w1; the 2025 plan of
  // org links t2, but in another year.
  b.add(Initiative{.id = "i4", .plan = "cp", .quarter = 3, .skill = "x", .hours = 1, .goal = "t1"});
  b.add(Initiative{.id = "i5", .plan = "cp", .quarter = 3, .skill = "x", .hours = 1, .goal = "w1"});
  b.add(Initiative{.id = "i6", .plan = "old", .skill = "x", .hours = 1, .goal = "t2"});
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
