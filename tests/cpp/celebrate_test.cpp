// Step 5: successes found in goals and check-ins, found once, and the feed,
// all worked by hand.
#include "levande/celebrate.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "levande/error.hpp"
#include "levande/workspace.hpp"
#include "test_helpers.hpp"

namespace levande {
namespace {

using test::code_of;
using test::d;

// Anna's goal: release lead time 10 → 8.5 hours (decrease, span −1.5).
//   03-16  9.7  progress 0.2,    3 % better
//   03-30  9.5  progress 0.333   → 25 % milestone
//   04-13  9.0  progress 0.667   → 50 % milestone; exactly 10 % better → KPI
//   04-27  8.4  progress 1.067   → achieved (75 % crossed the same day: not told)
//   05-11  8.8  (a step back: nothing new)
// The Operations team's goal: deployments per week 4 → 6 (increase):
//   04-01  6.5  progress 1.25, 62.5 % better → achieved and KPI, nothing else.
// Anna's check-ins: held 03-10, 03-24 (held 03-25), missed 04-07, held 04-21,
// 05-05 (held 05-06), 05-19; scheduled 06-02. The only run of three starts
// 04-21 and is complete when the third is held on 05-19.
Workspace sample() {
  Workspace ws;
  Batch b;
  b.add(Team{.id = "ops", .name = "Operations"});
  b.add(Person{.id = "anna", .name = "Anna Svensson", .team = "ops", .calendar = "SE"});
  b.add(ActionPlan{.id = "ap1",
                   .title = "Apply DevOps",
                   .person = "anna",
                   .created = d(2026, 3, 2),
                   .agreed_by = d(2026, 6, 1)});
  b.add(ActionPlan{.id = "ap2",
                   .title = "Ship more often",
                   .team = "ops",
                   .created = d(2026, 3, 2),
                   .agreed_by = d(2026, 6, 1)});
  b.add(Goal{.id = "g1",
             .plan = "ap1",
             .metric = "Release lead time",
             .unit = "hours",
             .baseline = 10,
             .target = 8.5,
             .direction = Direction::decrease,
             .deadline = d(2026, 6, 1)});
  b.add(Goal{.id = "g2",
             .plan = "ap2",
             .metric = "Deployments per week",
             .baseline = 4,
             .target = 6,
             .deadline = d(2026, 6, 1)});
  for (auto [date, value] : {std::pair{d(2026, 3, 16), 9.7}, std::pair{d(2026, 3, 30), 9.5},
                             std::pair{d(2026, 4, 13), 9.0}, std::pair{d(2026, 4, 27), 8.4},
                             std::pair{d(2026, 5, 11), 8.8}})
    b.add(Measurement{.goal = "g1", .date = date, .value = value});
  b.add(Measurement{.goal = "g2", .date = d(2026, 4, 1), .value = 6.5});
  const auto held = [&](Date scheduled, Date on) {
    b.add(CheckIn{.plan = "ap1",
                  .scheduled = scheduled,
                  .status = CheckInStatus::held,
                  .held = on,
                  .outcome = Outcome::applied});
  };
  held(d(2026, 3, 10), d(2026, 3, 10));
  held(d(2026, 3, 24), d(2026, 3, 25));
  b.add(CheckIn{.plan = "ap1", .scheduled = d(2026, 4, 7), .status = CheckInStatus::missed});
  held(d(2026, 4, 21), d(2026, 4, 21));
  held(d(2026, 5, 5), d(2026, 5, 6));
  held(d(2026, 5, 19), d(2026, 5, 19));
  b.add(CheckIn{.plan = "ap1", .scheduled = d(2026, 6, 2)});
  ws.apply(b);
  return ws;
}

std::vector<std::string> ids(const std::vector<Success> &found) {
  std::vector<std::string> out;
  for (const auto &s : found)
    out.push_back(s.id);
  return out;
}

TEST(Celebrate, FindsEachKindByHand) {
  const auto ws = sample();
  const auto found = find_successes(ws, d(2026, 5, 31));
  ASSERT_EQ(ids(found),
            (std::vector<std::string>{"g1/milestone-25", "g2/achieved", "g2/kpi", "g1/milestone-50",
                                      "g1/kpi", "g1/achieved", "ap1/streak-2026-04-21"}));
  const Success &m25 = found[0];
  EXPECT_EQ(m25.date, d(2026, 3, 30));
  EXPECT_EQ(m25.kind, "milestone");
  EXPECT_EQ(m25.scale, Scale::small);
  EXPECT_EQ(m25.goal, "g1");
  EXPECT_EQ(m25.person, "anna");
  EXPECT_EQ(m25.team, "ops");
  EXPECT_EQ(m25.title,
            "Release lead time is 25 % of the way to its target: 9.5 hours (baseline 10, target "
            "8.5)");
  const Success &team = found[1];
  EXPECT_EQ(team.date, d(2026, 4, 1));
  EXPECT_EQ(team.kind, "goal_achieved");
  EXPECT_EQ(team.scale, Scale::large);
  EXPECT_EQ(team.person, "");
  EXPECT_EQ(team.team, "ops");
  EXPECT_EQ(team.title, "Deployments per week reached its target: 6.5 (baseline 4, target 6)");
  EXPECT_EQ(found[2].title, "Deployments per week up 63 % from the baseline: 4 → 6.5");
  EXPECT_EQ(found[3].date, d(2026, 4, 13));
  EXPECT_EQ(found[4].kind, "kpi_improved");
  EXPECT_EQ(found[4].date, d(2026, 4, 13));  // exactly 10 % better counts
  EXPECT_EQ(found[4].title, "Release lead time down 10 % from the baseline: 10 → 9 hours");
  EXPECT_EQ(found[5].date, d(2026, 4, 27));
  EXPECT_EQ(found[5].title,
            "Release lead time reached its target: 8.4 hours (baseline 10, target 8.5)");
  const Success &streak = found[6];
  EXPECT_EQ(streak.date, d(2026, 5, 19));
  EXPECT_EQ(streak.kind, "check_in_streak");
  EXPECT_EQ(streak.goal, "");
  EXPECT_EQ(streak.person, "anna");
  EXPECT_EQ(streak.title, "3 check-ins held in a row on \"Apply DevOps\"");
}

TEST(Celebrate, OnlyWhatHappenedByTheDate) {
  const auto ws = sample();
  // On 04-13 the lead time is half-way and 10 % better; the team's goal was
  // reached on 04-01; Anna has held two check-ins in a row.
  EXPECT_EQ(ids(find_successes(ws, d(2026, 4, 13))),
            (std::vector<std::string>{"g1/milestone-25", "g2/achieved", "g2/kpi", "g1/milestone-50",
                                      "g1/kpi"}));
  // 05-18: the third check-in of the run is not held yet.
  EXPECT_EQ(find_successes(ws, d(2026, 5, 18)).size(), 6u);
}

TEST(Celebrate, RecordedSuccessesAreFoundOnce) {
  auto ws = sample();
  const auto first = record_successes(ws, d(2026, 4, 13));
  EXPECT_EQ(first.size(), 5u);
  EXPECT_EQ(ws.size(Kind::success), 5u);
  EXPECT_TRUE(record_successes(ws, d(2026, 4, 13)).empty());
  // Later: only what is new. The 75 % milestone stays untold: it was
  // crossed on the day the target was reached.
  EXPECT_EQ(ids(record_successes(ws, d(2026, 5, 31))),
            (std::vector<std::string>{"g1/achieved", "ap1/streak-2026-04-21"}));
  EXPECT_TRUE(find_successes(ws, d(2026, 12, 31)).empty());
  EXPECT_EQ(ws.size(Kind::success), 7u);
}

TEST(Celebrate, SuccessRecordedByHandIsNotFoundAgain) {
  auto ws = sample();
  Batch b;
  b.add(Success{.id = "release-party",
                .date = d(2026, 4, 28),
                .title = "Lead time target!",
                .kind = "goal_achieved",
                .scale = Scale::large,
                .goal = "g1",
                .person = "anna"});
  ws.apply(b);
  const auto found = ids(find_successes(ws, d(2026, 5, 31)));
  EXPECT_EQ(std::count(found.begin(), found.end(), "g1/achieved"), 0);
  EXPECT_EQ(std::count(found.begin(), found.end(), "g2/achieved"), 1);
}

TEST(Celebrate, OptionsChangeWhatCounts) {
  const auto ws = sample();
  CelebrationOptions o;
  o.milestone_step_percent = 0;
  o.kpi_improvement_percent = 0;
  o.streak = 2;
  // Streaks of two: 03-10/03-24 (held 03-25) and 04-21/05-05 (held 05-06).
  EXPECT_EQ(ids(find_successes(ws, d(2026, 5, 31), o)),
            (std::vector<std::string>{"ap1/streak-2026-03-10", "g2/achieved", "g1/achieved",
                                      "ap1/streak-2026-04-21"}));
  o = {};
  o.milestone_step_percent = 30;   // 30, 60, 90 %: 60 % on 04-13, 90 % the day it was achieved
  o.kpi_improvement_percent = 70;  // g2 is 62.5 % better: not enough
  o.streak = 0;
  EXPECT_EQ(ids(find_successes(ws, d(2026, 5, 31), o)),
            (std::vector<std::string>{"g1/milestone-30", "g2/achieved", "g1/milestone-60",
                                      "g1/achieved"}));
}

TEST(Celebrate, BadOptionsNameTheField) {
  const auto ws = sample();
  const auto field = [&](CelebrationOptions o) {
    try {
      find_successes(ws, d(2026, 5, 31), o);
    } catch (const Error &e) {
      EXPECT_EQ(e.code(), Errc::invalid_argument);
      return e.field();
    }
    return std::string("no error");
  };
  EXPECT_EQ(field({100, 10, 3}), "milestone_step_percent");
  EXPECT_EQ(field({-1, 10, 3}), "milestone_step_percent");
  EXPECT_EQ(field({25, -5, 3}), "kpi_improvement_percent");
  EXPECT_EQ(field({25, std::nan(""), 3}), "kpi_improvement_percent");
  EXPECT_EQ(field({25, 10, 1}), "streak");
  EXPECT_EQ(code_of([&] { find_successes(ws, Date(Date::max_days + 1)); }), Errc::invalid_argument);
}

TEST(Celebrate, SuccessesTable) {
  const auto ws = sample();
  const auto found = find_successes(ws, d(2026, 5, 31));
  const Table t = successes_table(found);
  ASSERT_EQ(t.rows(), 7u);
  const auto &kind = std::get<DictionaryColumn>(t["kind"]);
  EXPECT_EQ(kind.words[kind.codes[1]], "goal_achieved");
  const auto &person = std::get<DictionaryColumn>(t["person"]);
  EXPECT_EQ(person.codes[1], -1);  // the team's success names no person
  EXPECT_EQ(person.words[person.codes[0]], "anna");
  const auto &scale = std::get<DictionaryColumn>(t["scale"]);
  EXPECT_EQ(scale.words[scale.codes[1]], "large");
  EXPECT_EQ(test::cell<Date>(t, "date", 6), d(2026, 5, 19));
  EXPECT_EQ(test::cell<Date>(t, "celebrated", 6), Date::min());
}

TEST(Celebrate, FeedAsTextAndMarkdown) {
  auto ws = sample();
  record_successes(ws, d(2026, 4, 13));
  FeedOptions o;
  o.from = d(2026, 4, 1);
  o.to = d(2026, 4, 30);
  EXPECT_EQ(celebration_feed(ws, o),
            "2026-04-01  Operations: Deployments per week reached its target: 6.5 (baseline 4, "
            "target 6)\n"
            "2026-04-01  Operations: Deployments per week up 63 % from the baseline: 4 → 6.5\n"
            "2026-04-13  Anna Svensson (Operations): Release lead time is 50 % of the way to its "
            "target: 9 hours (baseline 10, target 8.5)\n"
            "2026-04-13  Anna Svensson (Operations): Release lead time down 10 % from the "
            "baseline: 10 → 9 hours\n");
  o.format = FeedFormat::markdown;
  o.from = d(2026, 3, 30);
  o.to = d(2026, 3, 30);
  EXPECT_EQ(celebration_feed(ws, o),
            "- **Anna Svensson** (Operations), 2026-03-30: Release lead time is 25 % of the way "
            "to its target: 9.5 hours (baseline 10, target 8.5)\n");
  o.to = d(2026, 3, 29);
  EXPECT_EQ(code_of([&] { celebration_feed(ws, o); }), Errc::invalid_argument);
}

TEST(Celebrate, FeedFiltersByTeamAndCelebrated) {
  auto ws = sample();
  Batch b;
  b.add(Team{.id = "dev", .name = "Development"});
  b.add(Team{.id = "web", .name = "Web", .parent = "dev"});
  b.add(Person{.id = "bo", .name = "Bo", .team = "web"});
  b.add(
      Success{.id = "s1", .date = d(2026, 2, 2), .title = "First pipeline green", .person = "bo"});
  b.add(Success{.id = "s2",
                .date = d(2026, 2, 3),
                .title = "Team retro",
                .team = "dev",
                .celebrated = d(2026, 2, 4),
                .celebrated_where = "team meeting"});
  b.add(Success{.id = "s3", .date = d(2026, 2, 3), .title = "Anna helped", .person = "anna"});
  ws.apply(b);
  FeedOptions o;
  o.team = "dev";  // Bo is in web, under dev
  EXPECT_EQ(celebration_feed(ws, o),
            "2026-02-02  Bo (Web): First pipeline green\n2026-02-03  Development: Team retro\n");
  o.uncelebrated_only = true;
  EXPECT_EQ(celebration_feed(ws, o), "2026-02-02  Bo (Web): First pipeline green\n");
  o.team = "nope";
  EXPECT_EQ(code_of([&] { celebration_feed(ws, o); }), Errc::not_found);
}

TEST(Celebrate, FeedTextIsInert) {
  Workspace ws;
  Batch b;
  b.add(Person{.id = "x", .name = "Eve <script>*x*</script>\r\nInjected"});
  b.add(Success{.id = "s",
                .date = d(2026, 2, 2),
                .title = "=HYPERLINK(\"http://e.vil\")\n[link](http://e.vil) | a",
                .person = "x"});
  ws.apply(b);
  FeedOptions o;
  EXPECT_EQ(celebration_feed(ws, o),
            "2026-02-02  Eve <script>*x*</script> Injected: =HYPERLINK(\"http://e.vil\") "
            "[link](http://e.vil) | a\n");
  o.format = FeedFormat::markdown;
  EXPECT_EQ(celebration_feed(ws, o),
            "- **Eve \\<script\\>\\*x\\*\\</script\\> Injected**, 2026-02-02: "
            "=HYPERLINK(\"http://e.vil\") \\[link\\](http://e.vil) \\| a\n");
}

}  // namespace
}  // namespace levande
