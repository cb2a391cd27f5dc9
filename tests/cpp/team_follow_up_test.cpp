// Team follow-up end to end: a team plan covers the team's participants in
// planning and in every metric (docs/metrics.md "Who a record covers",
// docs/schedule.md "Team plans"). Every expected number is worked by hand
// in the comments from the scenario, not read from the library.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

#include "levande/celebrate.hpp"
#include "levande/error.hpp"
#include "levande/metrics.hpp"
#include "levande/report.hpp"
#include "levande/schedule.hpp"
#include "levande/workspace.hpp"
#include "test_helpers.hpp"

namespace levande {
namespace {

using test::cell;
using test::d;

// A 6-person ops team (inside the IT department) took a DevOps course that
// ended Monday 2 March 2026. The manager writes one team plan, "cut release
// time from 10 to 8.5 days by 2 June", agreed by 9 March; the team leads the
// next release-pipeline project; Olle (o1) is the ambassador; o3 and o4 are
// a pair. Vera in the department (not in ops) did not take the course.
Workspace team_scenario(Policy policy = default_policy()) {
  Workspace ws;
  Batch b;
  b.add(Team{.id = "it", .name = "IT"});
  b.add(Team{.id = "ops", .name = "Drift", .parent = "it"});
  b.add(Team{.id = "ops-net", .name = "Nätverk", .parent = "ops"});
  for (const char *id : {"o1", "o2", "o3", "o4", "o5"})
    b.add(Person{.id = id, .name = id, .team = "ops"});
  b.add(Person{.id = "o6", .name = "o6", .team = "ops-net"});  // a sub-team counts
  b.add(Person{.id = "o7", .name = "o7", .team = "ops"});      // did not take the course
  b.add(Person{.id = "vera", .name = "Vera", .team = "it"});
  b.add(Training{.id = "devops",
                 .title = "DevOps",
                 .skills = {"ci/cd"},
                 .start = d(2026, 2, 26),
                 .end = d(2026, 3, 2)});
  for (const char *id : {"o1", "o2", "o3", "o4", "o5", "o6"})
    b.add(Participation{.person = id, .training = "devops"});
  b.add(policy);
  b.add(ActionPlan{.id = "ops/release",
                   .title = "Cut release time 15 %",
                   .team = "ops",
                   .training = "devops",
                   .created = d(2026, 3, 2),
                   .agreed_by = d(2026, 3, 9)});
  b.add(Goal{.id = "release-days",
             .plan = "ops/release",
             .metric = "release lead time",
             .unit = "days",
             .baseline = 10,
             .target = 8.5,
             .direction = Direction::decrease,
             .deadline = d(2026, 6, 2)});
  b.add(Assignment{.id = "pipeline",
                   .team = "ops",
                   .training = "devops",
                   .project = "release pipeline",
                   .role = Role::lead,
                   .start = d(2026, 3, 16),
                   .status = AssignmentStatus::active});
  b.add(Ambassador{.person = "o1", .training = "devops"});
  b.add(PeerGroup{.id = "pair-34", .training = "devops", .members = {"o3", "o4"}});
  ws.apply(b);
  return ws;
}

ScheduleOptions horizon(Date as_of, Date until) {
  ScheduleOptions o;
  o.as_of = as_of;
  o.until = until;
  return o;
}

std::vector<Date> check_ins_of(const Workspace &ws, const std::string &plan) {
  std::vector<Date> out;
  const auto c = ws.check_ins();
  const auto p = *ws.index_of(Kind::action_plan, plan);
  for (std::size_t i = 0; i < c.plan.size(); ++i)
    if (c.plan[i] == p) out.push_back(c.scheduled[i]);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(TeamFollowUp, ATeamPlanReplacesPersonalPlansAndRunsToTheGoalDeadline) {
  auto ws = team_scenario();
  generate_follow_up(ws, horizon(d(2026, 3, 2), d(2026, 9, 30)));
  // No personal plan next to the team plan: every participant is covered.
  EXPECT_EQ(ws.size(Kind::action_plan), 1u);
  // Every other Tuesday after the plan is agreed (Monday 9 March), until the
  // goal's deadline (Tuesday 2 June), none of them a Swedish holiday
  // (Easter Monday is 6 April): 10 and 24 March, 7 and 21 April, 5 and 19
  // May, 2 June. Version 3 ran them from the plan's date for 12 weeks.
  EXPECT_EQ(check_ins_of(ws, "ops/release"),
            (std::vector<Date>{d(2026, 3, 10), d(2026, 3, 24), d(2026, 4, 7), d(2026, 4, 21),
                               d(2026, 5, 5), d(2026, 5, 19), d(2026, 6, 2)}));
  // The check-ins are on the calendars of the people the plan covers: the
  // six participants (o6 through the sub-team), not o7 or Vera.
  const auto s = plan_follow_up(ws, horizon(d(2026, 3, 2), d(2026, 9, 30)));
  std::set<std::string> invited;
  for (std::size_t i = 0; i < s.events.size(); ++i) {
    const auto &series = s.events.series_list[s.events.series[i]];
    if (series.kind == EventKind::check_in)
      invited.insert(ws.id_at(Kind::person, s.events.person[i]));
  }
  EXPECT_EQ(invited, (std::set<std::string>{"o1", "o2", "o3", "o4", "o5", "o6"}));
}

// The team did what it set out to do; the metrics say so for each member.
void follow_up_done(Workspace &ws) {
  generate_follow_up(ws, horizon(d(2026, 3, 2), d(2026, 9, 30)));
  auto held = [](Date scheduled, Date on) {
    return CheckIn{.plan = "ops/release",
                   .scheduled = scheduled,
                   .status = CheckInStatus::held,
                   .held = on,
                   .outcome = Outcome::applied};
  };
  Batch b;
  b.update(held(d(2026, 3, 10), d(2026, 3, 10)));
  b.update(held(d(2026, 3, 24), d(2026, 3, 24)));
  b.update(held(d(2026, 4, 7), d(2026, 4, 8)));
  b.update(
      CheckIn{.plan = "ops/release", .scheduled = d(2026, 4, 21), .status = CheckInStatus::missed});
  b.update(held(d(2026, 5, 5), d(2026, 5, 5)));
  b.update(held(d(2026, 5, 19), d(2026, 5, 19)));
  b.add(Measurement{.goal = "release-days", .date = d(2026, 3, 31), .value = 9.6});
  b.add(Measurement{.goal = "release-days", .date = d(2026, 4, 30), .value = 9.0});
  b.add(Measurement{.goal = "release-days", .date = d(2026, 5, 22), .value = 8.4});
  // The pair met on the planned 9 April session.
  auto session = std::get<PeerSession>(*ws.find(Key(Kind::peer_session, "pair-34/2026-04-09")));
  session.attendees = {"o3", "o4"};
  b.update(session);
  // Five of six answered the 30-day feedback session (1 April).
  for (const char *who : {"o1", "o2", "o3", "o4", "o5"})
    b.add(Response{.session = "devops/feedback-30d", .person = who, .impact = 4});
  b.add(Activity{.person = "o2", .date = d(2026, 4, 15), .hours = 1, .kind = LearningKind::social});
  ws.apply(b);
  (void)record_successes(ws, d(2026, 5, 25));
}

TEST(TeamFollowUp, CoverageCreditsEveryPersonTheTeamPlanCovers) {
  auto ws = team_scenario();
  follow_up_done(ws);
  const auto t = coverage(ws, d(2026, 5, 25));
  // Per participant, the six steps by hand:
  //   1 plan: the team plan has held check-ins          -> all six
  //   2 on the job: the team's active assignment        -> all six
  //   3 peers: o1 is the ambassador, o3 and o4 attended -> o1, o3, o4
  //   4 feedback: o1..o5 answered                       -> all but o6
  //   5 celebration: the team goal's successes          -> all six
  //   6 learning: o2's activity after the course        -> o2
  const std::vector<std::vector<int>> expected{{1, 1, 1, 1, 1, 0}, {1, 1, 0, 1, 1, 1},
                                               {1, 1, 1, 1, 1, 0}, {1, 1, 1, 1, 1, 0},
                                               {1, 1, 0, 1, 1, 0}, {1, 1, 0, 0, 1, 0}};
  const char *steps[] = {"action_plan", "on_the_job",  "peer_learning",
                         "feedback",    "celebration", "continuous_learning"};
  ASSERT_EQ(t.rows(), 6u);
  for (std::size_t i = 0; i < 6; ++i)
    for (std::size_t s = 0; s < 6; ++s)
      EXPECT_EQ(cell<std::uint8_t>(t, steps[s], i), expected[i][s])
          << "o" << i + 1 << " " << steps[s];
  EXPECT_DOUBLE_EQ(cell<double>(t, "coverage", 5), 3.0 / 6);  // o6
}

TEST(TeamFollowUp, AdherenceAndApplicationCountTheTeamsRecordsForItsMembers) {
  auto ws = team_scenario();
  follow_up_done(ws);
  const Date as_of = d(2026, 5, 25);
  // Due by 25 May with 3 days' tolerance: the six check-ins up to 19 May (2
  // June is ahead); on time: five (7 April held a day late is within the
  // tolerance; 21 April was missed). 5 of 6 for each participant, as for
  // the team.
  const auto people = engagement(ws, as_of, GroupBy::person);
  for (const char *id : {"o1", "o6"}) {
    const auto p = *ws.index_of(Kind::person, id);
    EXPECT_EQ(cell<std::uint32_t>(people, "check_ins_due", p), 6u) << id;
    EXPECT_EQ(cell<std::uint32_t>(people, "check_ins_on_time", p), 5u) << id;
    EXPECT_EQ(cell<std::uint32_t>(people, "check_ins_missed", p), 1u) << id;
    EXPECT_DOUBLE_EQ(cell<double>(people, "adherence", p), 5.0 / 6) << id;
  }
  for (const char *id : {"o7", "vera"}) {  // not covered: nothing due
    const auto p = *ws.index_of(Kind::person, id);
    EXPECT_EQ(cell<std::uint32_t>(people, "check_ins_due", p), 0u) << id;
  }
  // By team the plan counts once, for the team that held it.
  const auto teams = engagement(ws, as_of, GroupBy::team);
  const auto ops = *ws.index_of(Kind::team, "ops");
  EXPECT_EQ(cell<std::uint32_t>(teams, "check_ins_due", ops), 6u);
  EXPECT_DOUBLE_EQ(cell<double>(teams, "adherence", ops), 5.0 / 6);
  // Application within 90 days: the team's assignment (16 March) is every
  // participant's: 6 of 6.
  const auto outcomes = training_outcomes(ws, as_of);
  EXPECT_DOUBLE_EQ(cell<double>(outcomes, "application_rate", 0), 1.0);
}

// The scenario under a policy with these personal plans, planned from the
// course's last day.
Workspace planned_with(PersonalPlans personal_plans,
                       const std::function<void(Workspace &)> &before = {}) {
  Policy policy = default_policy();
  policy.personal_plans = personal_plans;
  auto ws = team_scenario(policy);
  if (before) before(ws);
  generate_follow_up(ws, horizon(d(2026, 3, 2), d(2026, 9, 30)));
  return ws;
}

TEST(TeamFollowUp, PersonalPlansFollowThePolicy) {
  // always: a personal plan for each of the six besides the team plan.
  EXPECT_EQ(planned_with(PersonalPlans::always).size(Kind::action_plan), 7u);
  // never: none, even for participants no open team plan covers.
  const auto n = planned_with(PersonalPlans::never, [](Workspace &ws) {
    auto plan = std::get<ActionPlan>(*ws.find(Key(Kind::action_plan, "ops/release")));
    plan.status = PlanStatus::cancelled;
    ws.apply(Batch().update(plan));
  });
  EXPECT_EQ(n.size(Kind::action_plan), 1u);
}

TEST(TeamFollowUp, ReplanningRetiresUnusedDuplicatesAndKeepsUsedOnes) {
  // A workspace planned under `always` holds a personal plan per participant.
  auto ws = planned_with(PersonalPlans::always);
  ASSERT_EQ(ws.size(Kind::action_plan), 7u);
  // o2 used theirs: a check-in held. o3 wrote a goal into theirs.
  const auto o2_first = check_ins_of(ws, "o2@devops/plan").front();
  ws.apply(Batch()
               .update(CheckIn{.plan = "o2@devops/plan",
                               .scheduled = o2_first,
                               .status = CheckInStatus::held,
                               .held = o2_first})
               .add(Goal{.id = "o3-goal",
                         .plan = "o3@devops/plan",
                         .metric = "m",
                         .target = 2,
                         .deadline = d(2026, 6, 1)}));
  // Under the new default the four untouched ones go, with their check-ins
  // and tasks; the two in use stay and are followed as before.
  Policy policy = default_policy();  // the new default: unless_team_plan
  ws.apply(Batch().update(policy));
  const auto check_ins_before = ws.size(Kind::check_in);
  const auto s = plan_follow_up(ws, horizon(d(2026, 3, 20), d(2026, 9, 30)));
  apply_schedule(ws, s.changes);
  EXPECT_EQ(ws.size(Kind::action_plan), 3u);
  for (const char *gone : {"o1@devops/plan", "o4@devops/plan", "o5@devops/plan", "o6@devops/plan"})
    EXPECT_FALSE(ws.find(Key(Kind::action_plan, gone)).has_value()) << gone;
  EXPECT_TRUE(ws.find(Key(Kind::action_plan, "o2@devops/plan")).has_value());
  EXPECT_TRUE(ws.find(Key(Kind::action_plan, "o3@devops/plan")).has_value());
  EXPECT_FALSE(ws.find(Key(Kind::task, "o1@devops/plan/on-the-job")).has_value());
  EXPECT_LT(ws.size(Kind::check_in), check_ins_before);
  // Planning again changes nothing more.
  const auto again = plan_follow_up(ws, horizon(d(2026, 3, 20), d(2026, 9, 30)));
  EXPECT_TRUE(again.changes.records.empty());
}

TEST(TeamFollowUp, CheckInsOfAPlanWithAnEndDateStopThere) {
  auto ws = team_scenario();
  auto plan = std::get<ActionPlan>(*ws.find(Key(Kind::action_plan, "ops/release")));
  plan.ends = d(2026, 4, 30);
  ws.apply(Batch().update(plan));
  generate_follow_up(ws, horizon(d(2026, 3, 2), d(2026, 9, 30)));
  EXPECT_EQ(check_ins_of(ws, "ops/release"),
            (std::vector<Date>{d(2026, 3, 10), d(2026, 3, 24), d(2026, 4, 7), d(2026, 4, 21)}));
  // An end before the plan is agreed is refused, naming the field.
  plan.ends = d(2026, 3, 5);
  EXPECT_EQ(test::code_of([&] { ws.apply(Batch().update(plan)); }), Errc::constraint);
}

TEST(TeamFollowUp, APlanAgreedAfterItsGoalDeadlineStillGetsCheckInsBeforeIt) {
  // What version 3 files hold when a manager read "due" as the end: the
  // plan agreed on the goal's deadline. Check-ins run from its creation.
  auto ws = team_scenario();
  auto plan = std::get<ActionPlan>(*ws.find(Key(Kind::action_plan, "ops/release")));
  plan.agreed_by = d(2026, 6, 2);
  ws.apply(Batch().update(plan));
  generate_follow_up(ws, horizon(d(2026, 3, 2), d(2026, 9, 30)));
  const auto dates = check_ins_of(ws, "ops/release");
  ASSERT_FALSE(dates.empty());
  EXPECT_EQ(dates.front(), d(2026, 3, 3));  // the first Tuesday after 2 March
  EXPECT_EQ(dates.back(), d(2026, 5, 26));  // every other Tuesday, up to 2 June
}

// ---- is it sticking? --------------------------------------------------------

std::string verdict_of(const Table &t) {
  const auto &v = std::get<DictionaryColumn>(t["verdict"]);
  return v.words[static_cast<std::size_t>(v.codes[0])];
}

TEST(TeamFollowUp, TheVerdictSaysWhetherTheTrainingIsSticking) {
  // Done: the goal achieved (1 of 1 on course: 2 points), adherence 5/6 =
  // 83 % (>= 75 %: 2), retention health (5+5+5+5+4+3)/36 = 75 % (>= 60 %:
  // 2). Mean 2, nothing bad: sticking.
  auto done = team_scenario();
  follow_up_done(done);
  const auto good = training_outcomes(done, d(2026, 5, 25));
  EXPECT_EQ(verdict_of(good), "sticking");
  EXPECT_DOUBLE_EQ(cell<double>(good, "verdict_score", 0), 2.0);
  EXPECT_DOUBLE_EQ(cell<double>(good, "check_in_adherence", 0), 5.0 / 6);
  EXPECT_DOUBLE_EQ(cell<double>(good, "goal_outlook", 0), 1.0);
  EXPECT_DOUBLE_EQ(cell<double>(good, "goals_measured", 0), 1.0);
  // Planned but nothing recorded: six check-ins due, none held (0 points);
  // no measurement (not judged); only the team assignment (everyone) and
  // o1 being the ambassador happened: health 7/36 = 19 % (below 30 %: 0).
  // Mean 0: not sticking.
  auto idle = team_scenario();
  generate_follow_up(idle, horizon(d(2026, 3, 2), d(2026, 9, 30)));
  const auto bad = training_outcomes(idle, d(2026, 5, 25));
  EXPECT_EQ(verdict_of(bad), "not_sticking");
  EXPECT_DOUBLE_EQ(cell<double>(bad, "verdict_score", 0), 0.0);
  EXPECT_TRUE(std::isnan(cell<double>(bad, "goal_outlook", 0)));
  // A week after the course nothing has fallen due and nothing is measured.
  EXPECT_EQ(verdict_of(training_outcomes(idle, d(2026, 3, 9))), "too_early");
  // Before its last day a training is not judged.
  EXPECT_EQ(verdict_of(training_outcomes(idle, d(2026, 3, 1))), "not_started");
}

TEST(TeamFollowUp, TheReportOpensWithTheVerdictAndWhatNeedsAttention) {
  auto idle = team_scenario();
  generate_follow_up(idle, horizon(d(2026, 3, 2), d(2026, 9, 30)));
  const auto md = report(idle, {d(2026, 5, 25), "Drift", 5}, ReportFormat::markdown);
  // The verdict comes first, then what to do about it.
  const auto verdict = md.find("## Is the training sticking?");
  const auto attention = md.find("## Needs attention now");
  const auto summary = md.find("## Summary");
  ASSERT_NE(verdict, std::string::npos);
  EXPECT_LT(verdict, attention);
  EXPECT_LT(attention, summary);
  // 30 days earlier it was as bad already (4 due, none held): steady.
  EXPECT_NE(md.find("| DevOps | Not sticking | steady | no measurement yet | 0 % | 19 % |"),
            std::string::npos)
      << md.substr(0, 1500);
  // Six check-ins were due by 25 May and one more (19 May) is in its
  // tolerance: 6 overdue, the oldest from 10 March (76 days).
  EXPECT_NE(md.find("- 6 check-ins overdue in \"Cut release time 15 %\" (team Drift), the oldest "
                    "76 days"),
            std::string::npos)
      << md.substr(attention, 800);
  // ops and ops-net, not the department above them; one training, singular.
  EXPECT_NE(md.find("8 people in 2 teams took part 6 times in 1 training. Of 1 goal, "),
            std::string::npos);
}

// ---- step 3: the ambassador's session --------------------------------------

TEST(TeamFollowUp, TheAmbassadorSharesInsightsWithTheTeamFourWeeksAfterTheCourse) {
  auto ws = team_scenario();
  // o1 is the ambassador; the default policy puts the session 4 weeks after
  // the course's last day, Monday 2 March: Monday 30 March, a business day.
  // It invites the ambassador's team with its sub-team: o1..o7 (o7 did not
  // take the course: spreading it is the point), not Vera above them.
  const auto s = plan_follow_up(ws, horizon(d(2026, 3, 2), d(2026, 9, 30)));
  std::set<std::string> invited;
  for (std::size_t i = 0; i < s.events.size(); ++i) {
    const auto &series = s.events.series_list[s.events.series[i]];
    if (series.kind != EventKind::ambassador_session) continue;
    EXPECT_EQ(s.events.date[i], d(2026, 3, 30));
    EXPECT_EQ(series.record, "o1@devops");
    EXPECT_EQ(series_title(ws, series), "Ambassador session, sharing insights: DevOps");
    EXPECT_EQ(step_of(series.kind), 3);
    invited.insert(ws.id_at(Kind::person, s.events.person[i]));
  }
  EXPECT_EQ(invited, (std::set<std::string>{"o1", "o2", "o3", "o4", "o5", "o6", "o7"}));
  // A policy without it plans none.
  Policy none = default_policy();
  none.ambassador_session_weeks = 0;
  auto quiet = team_scenario(none);
  const auto q = plan_follow_up(quiet, horizon(d(2026, 3, 2), d(2026, 9, 30)));
  for (const auto &series : q.events.series_list)
    EXPECT_NE(series.kind, EventKind::ambassador_session);
}

// Re-plans the scenario after the default policy's ambassador session moved.
void replan_with_session_weeks(Workspace &ws, std::int32_t weeks) {
  Policy later = default_policy();
  later.ambassador_session_weeks = weeks;
  ws.apply(Batch().update(later));
  generate_follow_up(ws, horizon(d(2026, 3, 2), d(2026, 9, 30)));
}

TEST(TeamFollowUp, TheAmbassadorsSessionIsRecordedAndReachesWhoeverAttends) {
  auto ws = team_scenario();
  generate_follow_up(ws, horizon(d(2026, 3, 2), d(2026, 9, 30)));
  // The planner writes the session as a peer session of the ambassador,
  // keyed like a group's: <ambassador>/<nominal date>.
  const auto written =
      std::get<PeerSession>(*ws.find(Key(Kind::peer_session, "o1@devops/2026-03-30")));
  EXPECT_EQ(written.ambassador, "o1@devops");
  EXPECT_EQ(written.group, "");
  EXPECT_EQ(written.date, d(2026, 3, 30));
  EXPECT_TRUE(written.attendees.empty());
  // Planned but not attended reaches nobody.
  EXPECT_DOUBLE_EQ(cell<double>(training_outcomes(ws, d(2026, 4, 30)), "ambassador_reach", 0), 0);

  // o1 held it; o2, o5 and o7 came. o7 did not take the course.
  auto attended = written;
  attended.attendees = {"o1", "o2", "o5", "o7"};
  Batch b;
  b.update(attended);
  ws.apply(b);
  // Reach: the others who came, o2, o5 and o7 = 3 (o1 is the ambassador);
  // not before the session's day. The group sessions are not counted as
  // the training's peer sessions: pair-34 meets on the second Thursday of
  // the month, 12 March and 9 April by 30 April (2 planned, none held).
  const auto after = training_outcomes(ws, d(2026, 4, 30));
  EXPECT_DOUBLE_EQ(cell<double>(after, "ambassador_reach", 0), 3);
  EXPECT_DOUBLE_EQ(cell<double>(after, "ambassadors", 0), 1);
  EXPECT_DOUBLE_EQ(cell<double>(after, "peer_sessions_planned", 0), 2);
  EXPECT_DOUBLE_EQ(cell<double>(after, "peer_sessions_held", 0), 0);
  EXPECT_DOUBLE_EQ(cell<double>(training_outcomes(ws, d(2026, 3, 29)), "ambassador_reach", 0), 0);
  // Step 3 of coverage: o1 (the ambassador), o2 and o5 (attended); o3, o4
  // and o6 have no step-3 event by 30 April. o7 has no participation row.
  const auto t = coverage(ws, d(2026, 4, 30));
  ASSERT_EQ(t.rows(), 6u);
  const std::vector<int> peer{1, 1, 0, 0, 1, 0};
  for (std::size_t i = 0; i < 6; ++i)
    EXPECT_EQ(cell<std::uint8_t>(t, "peer_learning", i), peer[i]) << "o" << i + 1;

  // Re-planning keeps the attended session where it was, even with a
  // policy that would now put it 6 weeks after the course.
  replan_with_session_weeks(ws, 6);
  EXPECT_EQ(std::get<PeerSession>(*ws.find(Key(Kind::peer_session, "o1@devops/2026-03-30")))
                .attendees.size(),
            4u);
  EXPECT_FALSE(ws.find(Key(Kind::peer_session, "o1@devops/2026-04-13")).has_value());
}

TEST(TeamFollowUp, AnUnattendedAmbassadorSessionMovesWithThePolicy) {
  auto ws = team_scenario();
  generate_follow_up(ws, horizon(d(2026, 3, 2), d(2026, 9, 30)));
  ASSERT_TRUE(ws.find(Key(Kind::peer_session, "o1@devops/2026-03-30")).has_value());
  // Six weeks after Monday 2 March is Monday 13 April (Easter Monday, 6
  // April, is the week before): the old session goes, the new one comes.
  replan_with_session_weeks(ws, 6);
  EXPECT_FALSE(ws.find(Key(Kind::peer_session, "o1@devops/2026-03-30")).has_value());
  const auto moved =
      std::get<PeerSession>(*ws.find(Key(Kind::peer_session, "o1@devops/2026-04-13")));
  EXPECT_EQ(moved.date, d(2026, 4, 13));
  // Exactly one of group and ambassador names its owner.
  PeerSession both = moved;
  both.id = "both";
  both.group = "pair-34";
  Batch bad;
  bad.add(both);
  try {
    ws.apply(bad);
    ADD_FAILURE() << "a session of a group and an ambassador was accepted";
  } catch (const Error &e) {
    EXPECT_NE(std::string(e.what()).find("group"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("ambassador"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(ws.find(Key(Kind::peer_session, "both")).has_value());
}

// ---- the celebration newsletter -------------------------------------------

TEST(TeamFollowUp, TheNewsletterTellsWhatTheTeamChangedOnceAndCountsStreaks) {
  auto ws = team_scenario();
  follow_up_done(ws);
  ws.apply(Batch().add(Success{.id = "o2-talk",
                               .date = d(2026, 5, 10),
                               .title = "Gave a lunch talk on pipelines",
                               .kind = "recorded",
                               .scale = Scale::large,
                               .person = "o2"}));
  // Found by 25 May: the team goal's milestones 25 % (9.6 on 31 March) and
  // 50 % (9.0 on 30 April), its 10 % improvement (30 April) and the target
  // (8.4 on 22 May); one streak of three check-ins held (10 and 24 March,
  // 7 April). The newsletter keeps the goal's biggest step, told as what the
  // team changed: 10 → 8.4 days is 16 % less; the hand-recorded success
  // always; the streak as a count.
  FeedOptions o;
  o.format = FeedFormat::newsletter;
  EXPECT_EQ(celebration_feed(ws, o),
            "### Team successes\n\n"
            "- **Drift** cut release lead time by 16 % (10 → 8.4 days): target reached "
            "(2026-05-22)\n\n"
            "### Drift\n\n"
            "- **o2**: Gave a lunch talk on pipelines (2026-05-10)\n\n"
            "### Check-ins kept up\n\n"
            "- Drift: 1 streak of check-ins held in a row\n\n");
  // Up to 30 April the 50 % milestone is the goal's biggest step.
  o.to = d(2026, 4, 30);
  const auto april = celebration_feed(ws, o);
  EXPECT_NE(april.find("- **Drift** cut release lead time by 10 % (10 → 9 days), 50 % of the way "
                       "to the target (2026-04-30)"),
            std::string::npos)
      << april;
  // The plain feed still lists every success, one line each.
  o.format = FeedFormat::text;
  o.to = Date::max();
  const auto plain = celebration_feed(ws, o);
  EXPECT_EQ(std::count(plain.begin(), plain.end(), '\n'), 6);
}

// ---- step 6: attendance ------------------------------------------------------

TEST(TeamFollowUp, AttendanceOfALearningSlotBecomesLearningActivities) {
  auto ws = team_scenario();
  ws.apply(Batch().add(LearningSlot{.id = "lunch",
                                    .team = "ops",
                                    .rule = "FREQ=WEEKLY;BYDAY=WE",
                                    .start = d(2026, 3, 4),
                                    .hours = 1,
                                    .kind = LearningKind::social,
                                    .title = "Lunch lecture"}));
  const std::vector<std::string> two{"o1", "o2"};
  const auto added = record_attendance(ws, "lunch", d(2026, 3, 11), two);
  ASSERT_EQ(added.size(), 2u);
  EXPECT_EQ(added[0], (Activity{.person = "o1",
                                .date = d(2026, 3, 11),
                                .hours = 1,
                                .kind = LearningKind::social,
                                .self_initiated = false}));
  // They count: o1 has 1 social hour by the end of March, and step 6.
  const auto people = engagement(ws, d(2026, 3, 31), GroupBy::person);
  const auto o1 = *ws.index_of(Kind::person, "o1");
  EXPECT_DOUBLE_EQ(cell<double>(people, "learning_hours", o1), 1.0);
  EXPECT_DOUBLE_EQ(cell<double>(people, "social_share", o1), 1.0);
  EXPECT_EQ(cell<std::uint8_t>(coverage(ws, d(2026, 3, 31)), "continuous_learning", 0), 1);
  // Recording it again adds nothing: refused, naming the attendee.
  const auto before = ws.size(Kind::activity);
  try {
    (void)record_attendance(ws, "lunch", d(2026, 3, 11), two);
    ADD_FAILURE() << "recorded twice";
  } catch (const Error &e) {
    EXPECT_EQ(e.code(), Errc::already_exists);
    EXPECT_EQ(e.field(), "attendees[0]");
  }
  // Thursday 12 March is not a day of the slot: the error names Wednesday 11.
  try {
    (void)record_attendance(ws, "lunch", d(2026, 3, 12), two);
    ADD_FAILURE() << "a Thursday was taken";
  } catch (const Error &e) {
    EXPECT_EQ(e.code(), Errc::invalid_argument);
    EXPECT_EQ(e.field(), "occurrence");
    EXPECT_NE(std::string(e.what()).find("nearest: 2026-03-11"), std::string::npos) << e.what();
  }
  const std::vector<std::string> unknown{"o3", "nobody"}, twice{"o3", "o3"};
  EXPECT_EQ(test::code_of([&] { (void)record_attendance(ws, "lunch", d(2026, 3, 18), unknown); }),
            Errc::not_found);
  EXPECT_EQ(test::code_of([&] { (void)record_attendance(ws, "lunch", d(2026, 3, 18), twice); }),
            Errc::invalid_argument);
  EXPECT_EQ(test::code_of([&] { (void)record_attendance(ws, "dinner", d(2026, 3, 18), two); }),
            Errc::not_found);
  EXPECT_EQ(ws.size(Kind::activity), before);  // nothing of the refused calls
  // Moved to the Thursday after Wednesday 1 April: dated the day it was held.
  const std::vector<std::string> guest{"vera"};  // from outside the team: welcome
  const auto moved = record_attendance(ws, "lunch", d(2026, 4, 1), guest, d(2026, 4, 2));
  EXPECT_EQ(moved.at(0).date, d(2026, 4, 2));
}

// ---- validation that matches the process ----------------------------------

TEST(TeamFollowUp, AResponseFromSomeoneTheSessionDidNotInviteIsRefused) {
  auto ws = team_scenario();
  ws.apply(Batch()
               .add(FeedbackSession{.id = "course", .training = "devops", .date = d(2026, 4, 1)})
               .add(FeedbackSession{.id = "team", .team = "ops", .date = d(2026, 4, 1)})
               .add(FeedbackSession{
                   .id = "both", .training = "devops", .team = "ops-net", .date = d(2026, 4, 1)}));
  const auto before = ws.size(Kind::response);
  // o7 is in ops but did not take the course; Vera is above ops.
  for (const auto &[session, who] : std::vector<std::pair<std::string, std::string>>{
           {"course", "o7"}, {"team", "vera"}, {"both", "o1"}}) {
    try {
      ws.apply(Batch().add(Response{.session = session, .person = who, .impact = 3}));
      ADD_FAILURE() << who << " answered " << session;
    } catch (const Error &e) {
      EXPECT_EQ(e.code(), Errc::constraint);
      EXPECT_EQ(e.field(), "responses[session=" + session + ", person=" + who + "].person");
      EXPECT_EQ(e.value(), who);
    }
  }
  EXPECT_EQ(ws.size(Kind::response), before);  // nothing written
  // Those invited answer: a participant, o7 to the team's session, o6 (in a
  // sub-team) to every one of them.
  ws.apply(Batch()
               .add(Response{.session = "course", .person = "o1", .impact = 4})
               .add(Response{.session = "team", .person = "o7", .impact = 4})
               .add(Response{.session = "team", .person = "o6", .impact = 4})
               .add(Response{.session = "both", .person = "o6", .impact = 4}));
  // A participation added in the same batch counts, whatever the order.
  ws.apply(Batch()
               .add(Response{.session = "course", .person = "o7", .impact = 2})
               .add(Participation{.person = "o7", .training = "devops"}));
  // A session open to all takes anyone's answer.
  ws.apply(Batch().add(FeedbackSession{
      .id = "open", .training = "devops", .date = d(2026, 4, 1), .open_to_all = true}));
  ws.apply(Batch().add(Response{.session = "open", .person = "vera", .impact = 5}));
  EXPECT_EQ(ws.size(Kind::response), before + 6);
}

TEST(TeamFollowUp, BulkResponsesAreCheckedToo) {
  auto ws = team_scenario();
  ws.apply(
      Batch().add(FeedbackSession{.id = "course", .training = "devops", .date = d(2026, 4, 1)}));
  const std::uint32_t session = *ws.index_of(Kind::feedback_session, "course");
  const std::uint32_t o1 = *ws.index_of(Kind::person, "o1"), o7 = *ws.index_of(Kind::person, "o7");
  const std::vector<std::uint32_t> sessions{session, session}, people{o1, o7};
  const std::vector<std::uint8_t> impact{4, 5};
  try {
    ws.append_responses(sessions, people, impact);
    ADD_FAILURE() << "o7 was taken";
  } catch (const Error &e) {
    EXPECT_EQ(e.code(), Errc::constraint);
    EXPECT_EQ(e.field(), "responses[1].person");
    EXPECT_EQ(e.value(), "o7");
  }
  EXPECT_EQ(ws.size(Kind::response), 0u);  // all or nothing
}

}  // namespace
}  // namespace levande
