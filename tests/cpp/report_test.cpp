// The demo organisation's shape (from its recipe) and the report's sections
// and escaping.
#include <gtest/gtest.h>

#include "levande/error.hpp"
#include "levande/fixtures/demo.hpp"
#include "levande/report.hpp"
#include "levande/workspace.hpp"
#include "test_helpers.hpp"

namespace levande {
namespace {

using test::d;

TEST(Demo, ShapeFollowsTheRecipe) {
  const auto ws = demo_organisation();
  // A CIO and 8 teams of 10 under the department.
  EXPECT_EQ(ws.size(Kind::person), 81u);
  EXPECT_EQ(ws.size(Kind::team), 9u);
  EXPECT_EQ(ws.size(Kind::training), 5u);
  // DevOps: three teams (30); cloud security: two teams and half of
  // operations (25); agile: two teams (20); ITIL: two teams (20); awareness:
  // everyone but the CIO (80).
  EXPECT_EQ(ws.size(Kind::participation), 175u);
  // A goal per participation of DevOps, cloud security and agile (75); ITIL
  // and awareness are followed up by team plans: a goal per participating
  // team (2 and 8).
  EXPECT_EQ(ws.size(Kind::goal), 75u + 2u + 8u);
  std::size_t team_plans = 0;
  for (std::size_t i = 0; i < ws.size(Kind::action_plan); ++i)
    team_plans += !std::get<ActionPlan>(ws.at(Kind::action_plan, i)).team.empty();
  EXPECT_EQ(team_plans, 2u + 8u);
  // No participant of a team-planned training got a personal plan beside it.
  EXPECT_FALSE(ws.find(Key(Kind::action_plan, "e141@itil/plan")).has_value());
  EXPECT_GT(ws.size(Kind::measurement), 500u);
  EXPECT_GT(ws.size(Kind::success), 0u);
  // Deterministic: the same options give the same workspace.
  EXPECT_TRUE(demo_organisation().same_content(ws));
  EXPECT_EQ(test::code_of([] {
              (void)demo_organisation({d(2027, 1, 1), 1});
            }),
            Errc::invalid_argument);
}

Workspace hostile() {
  Workspace ws;
  Batch b;
  b.add(Team{.id = "t", .name = "<script>alert(1)</script>"});
  b.add(Person{.id = "p", .name = "=HYPERLINK(\"x\") & co | *bold*", .team = "t"});
  b.add(Training{.id = "c",
                 .title = "Sec\r\n# Heading <b>",
                 .skills = {"s"},
                 .start = d(2026, 3, 2),
                 .end = d(2026, 3, 2),
                 .cost = 100});
  b.add(Participation{.person = "p",
                      .training = "c",
                      .completed = d(2026, 3, 2),
                      .pre_score = 40.0,
                      .post_score = 70.0,
                      .reaction = 4.0});
  b.add(ActionPlan{.id = "pl",
                   .title = "P",
                   .person = "p",
                   .training = "c",
                   .created = d(2026, 3, 3),
                   .agreed_by = d(2026, 6, 1)});
  b.add(Goal{.id = "g",
             .plan = "pl",
             .metric = "m",
             .target = 10,
             .deadline = d(2026, 6, 1),
             .value_per_unit = 5.0});
  b.add(Measurement{.goal = "g", .date = d(2026, 4, 1), .value = 10});
  b.add(Success{.id = "s",
                .date = d(2026, 4, 1),
                .title = "<img src=x onerror=alert(1)>",
                .kind = "goal_achieved",
                .scale = Scale::large,
                .goal = "g"});
  b.add(FeedbackSession{.id = "f", .training = "c", .date = d(2026, 4, 2)});
  b.add(Response{.session = "f", .person = "p", .impact = 4});
  ws.apply(b);
  return ws;
}

TEST(Report, HtmlHasEverySectionAndEscapesText) {
  const auto ws = hostile();
  const auto html = report(ws, {d(2026, 6, 30), "Report & <co>", 5}, ReportFormat::html);
  for (const char *id : {"summary", "step-1", "adherence", "step-2", "step-3", "step-4", "step-5",
                         "step-6", "coverage", "roi"})
    EXPECT_NE(html.find(std::string("<section id=\"") + id + "\">"), std::string::npos) << id;
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("<title>Report &amp; &lt;co&gt;</title>"), std::string::npos);
  // One respondent is below the threshold of 5: shown as suppressed, never as a number.
  EXPECT_NE(html.find(">suppressed</td>"), std::string::npos);
  // Self-contained: nothing is fetched.
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find(" src=\""), std::string::npos);  // no element loads anything
  // Percentage axes tick at 0, 25, 50, 75 and 100 %, with the unit; the
  // cohort chart draws the 100 % target and ticks its days in multiples of 30.
  for (const char *tick : {">0 %</text>", ">25 %</text>", ">50 %</text>", ">75 %</text>",
                           ">100 %</text>", ">30</text>", ">target</text>"})
    EXPECT_NE(html.find(tick), std::string::npos) << tick;
  EXPECT_NE(html.find("stroke-dasharray=\"6 4\""), std::string::npos);
  EXPECT_EQ(html.find(">33 %</text>"), std::string::npos);  // no thirds of an axis
}

TEST(Report, MarkdownEscapesAndKeepsOneLinePerItem) {
  const auto ws = hostile();
  const auto md = report(ws, {d(2026, 6, 30), "R", 5}, ReportFormat::markdown);
  EXPECT_EQ(md.find("<script>"), std::string::npos);
  EXPECT_NE(md.find("\\<script\\>alert(1)\\</script\\>"), std::string::npos);
  EXPECT_EQ(md.find("\r"), std::string::npos);
  // The training title's line break does not start a heading of its own.
  EXPECT_EQ(md.find("\n# Heading"), std::string::npos);
  EXPECT_NE(md.find("*suppressed*"), std::string::npos);
  EXPECT_EQ(test::code_of([&] {
              (void)report(ws, {d(2026, 6, 30), "R", 0});
            }),
            Errc::invalid_argument);
}

}  // namespace
}  // namespace levande
