// Feedback metrics with the anonymity threshold and complementary
// suppression, worked by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "levande/error.hpp"
#include "levande/metrics.hpp"
#include "levande/workspace.hpp"
#include "test_helpers.hpp"

namespace levande {
namespace {

using test::cell;

// org has a direct member x and teams a and b; a has a sub-team a1.
// a: 4 people (impact 4), a1: 2 people (impact 2), b: 3 people (impact 5,
// all asking for support), x: impact 1. Everyone took training T and
// answered its session of 1 March.
Workspace sample() {
  Workspace ws;
  Batch b;
  b.add(Team{.id = "org", .name = "Org"});
  b.add(Team{.id = "a", .name = "A", .parent = "org"});
  b.add(Team{.id = "b", .name = "B", .parent = "org"});
  b.add(Team{.id = "a1", .name = "A1", .parent = "a"});
  b.add(Training{.id = "T",
                 .title = "Cloud",
                 .start = Date::from_ymd(2026, 1, 12),
                 .end = Date::from_ymd(2026, 1, 14)});
  b.add(FeedbackSession{.id = "s1", .training = "T", .date = Date::from_ymd(2026, 3, 1)});
  b.add(FeedbackSession{
      .id = "s2", .training = "T", .date = Date::from_ymd(2026, 6, 1)});  // after the date
  auto person = [&](const std::string &id, const char *team, int impact, bool support) {
    b.add(Person{.id = id, .name = id, .team = team});
    b.add(Participation{.person = id, .training = "T"});
    b.add(Response{.session = "s1",
                   .person = id,
                   .impact = impact,
                   .support_needed = support ? "a mentor" : ""});
  };
  for (int i = 0; i < 4; ++i)
    person(std::string("a") + std::to_string(i), "a", 4, false);
  for (int i = 0; i < 2; ++i)
    person(std::string("c") + std::to_string(i), "a1", 2, false);
  for (int i = 0; i < 3; ++i)
    person(std::string("b") + std::to_string(i), "b", 5, true);
  person("x", "org", 1, false);
  ws.apply(b);
  return ws;
}

TEST(Feedback, ThresholdAndComplementarySuppression) {
  const auto ws = sample();
  const auto t = feedback(ws, Date::from_ymd(2026, 3, 31), FeedbackBy::team);
  const auto org = *ws.index_of(Kind::team, "org"), a = *ws.index_of(Kind::team, "a"),
             b = *ws.index_of(Kind::team, "b"), a1 = *ws.index_of(Kind::team, "a1");
  // By hand, k = 5. Respondents: a1 2 and b 3 are below it; a 6 (with a1)
  // and org 10 are not. But org - a = b + x = 4 respondents: publishing both
  // would reveal them, so a is suppressed too (the smallest published team
  // under org). org: 10 responses, impacts 16 + 4 + 15 + 1 = 36, mean 3.6,
  // 3 support needs, all 10 invited answered.
  EXPECT_EQ(cell<std::uint8_t>(t, "suppressed", a1), 1);
  EXPECT_EQ(cell<std::uint8_t>(t, "suppressed", b), 1);
  EXPECT_EQ(cell<std::uint8_t>(t, "suppressed_to_protect_others", b), 0);
  EXPECT_EQ(cell<std::uint8_t>(t, "suppressed", a), 1);
  EXPECT_EQ(cell<std::uint8_t>(t, "suppressed_to_protect_others", a), 1);
  EXPECT_EQ(cell<std::uint8_t>(t, "suppressed", org), 0);
  EXPECT_DOUBLE_EQ(cell<double>(t, "respondents", org), 10);
  EXPECT_DOUBLE_EQ(cell<double>(t, "mean_impact", org), 3.6);
  EXPECT_DOUBLE_EQ(cell<double>(t, "support_needs", org), 3);
  EXPECT_DOUBLE_EQ(cell<double>(t, "response_rate", org), 1.0);
  // Suppressed is null, never 0.
  EXPECT_TRUE(std::isnan(cell<double>(t, "mean_impact", b)));
  EXPECT_TRUE(std::isnan(cell<double>(t, "respondents", a)));
  EXPECT_TRUE(std::isnan(cell<double>(t, "support_needs", b)));
  // Sessions and invitations are not sensitive: b was invited to s1 (s2 is later).
  EXPECT_EQ(std::get<std::vector<std::uint32_t>>(t["sessions"])[b], 1u);
  EXPECT_EQ(std::get<std::vector<std::uint32_t>>(t["invited"])[b], 3u);

  // With k = 2 nothing is below the threshold, and every remainder is 0 or >= 2:
  // org - a - b = x alone (1) would be revealed, so the smaller of a (6) and
  // b (3) goes: b; then org - a = 4 >= 2.
  const auto t2 = feedback(ws, Date::from_ymd(2026, 3, 31), FeedbackBy::team, {2});
  EXPECT_EQ(cell<std::uint8_t>(t2, "suppressed", a1), 0);
  EXPECT_EQ(cell<std::uint8_t>(t2, "suppressed", a), 0);  // a - a1 = 4
  EXPECT_EQ(cell<std::uint8_t>(t2, "suppressed_to_protect_others", b), 1);
  EXPECT_EQ(cell<std::uint8_t>(t2, "suppressed", org), 0);
}

TEST(Feedback, PerTrainingAndBadInput) {
  const auto ws = sample();
  const auto t = feedback(ws, Date::from_ymd(2026, 3, 31), FeedbackBy::training);
  EXPECT_DOUBLE_EQ(cell<double>(t, "mean_impact", 0), 3.6);
  const auto strict = feedback(ws, Date::from_ymd(2026, 3, 31), FeedbackBy::training, {11});
  EXPECT_EQ(cell<std::uint8_t>(strict, "suppressed", 0), 1);
  EXPECT_TRUE(std::isnan(cell<double>(strict, "response_rate", 0)));
  try {
    feedback(ws, Date::from_ymd(2026, 3, 31), FeedbackBy::team, {0});
    FAIL();
  } catch (const Error &e) {
    EXPECT_EQ(e.field(), "min_respondents");
  }
}

}  // namespace
}  // namespace levande

namespace levande {
namespace {

// The case: training T answered by five people of team A (impact 4,
// 4, 4, 5, 4: mean 4.2) and one of team B (impact 2); A and B are separate
// roots. Alone, the training row (6 people, mean 23/6 = 3.8333) and A's
// row (5, 4.2) each pass the threshold of 5, but 6 x 3.8333 - 5 x 4.2 = 2
// is B's one person's answer. Published together by the metrics pass, the
// training rows are suppressed; the team rows stand.
Workspace two_teams(int in_b) {
  Workspace ws;
  Batch b;
  b.add(Team{.id = "A", .name = "A"});
  b.add(Team{.id = "B", .name = "B"});
  b.add(Training{.id = "T",
                 .title = "Cloud",
                 .start = Date::from_ymd(2026, 1, 12),
                 .end = Date::from_ymd(2026, 1, 14)});
  b.add(FeedbackSession{.id = "s", .training = "T", .date = Date::from_ymd(2026, 3, 1)});
  const int impacts[] = {4, 4, 4, 5, 4};
  auto person = [&](const std::string &id, const char *team, int impact) {
    b.add(Person{.id = id, .name = id, .team = team});
    b.add(Participation{.person = id, .training = "T"});
    b.add(Response{.session = "s", .person = id, .impact = impact});
  };
  for (int i = 0; i < 5; ++i)
    person(std::string("a") + std::to_string(i), "A", impacts[i]);
  for (int i = 0; i < in_b; ++i)
    person(std::string("b") + std::to_string(i), "B", 2);
  ws.apply(b);
  return ws;
}

TEST(FeedbackAcrossTables, ATrainingRowThatWouldRevealATeamsFewIsSuppressed) {
  const auto ws = two_teams(1);
  const Date as_of = Date::from_ymd(2026, 3, 31);
  // Each table on its own, as feedback() gives it: both rows are shown.
  const auto training = feedback(ws, as_of, FeedbackBy::training);
  EXPECT_NEAR(cell<double>(training, "mean_impact", 0), 23.0 / 6, 1e-12);
  const auto pass = metrics_pass(ws, as_of);
  // Together: A (5 people, 4.2) stands, B (1) is suppressed, and the
  // training row is suppressed to protect B's one person.
  EXPECT_DOUBLE_EQ(cell<double>(pass.feedback_by_team, "mean_impact", 0), 4.2);
  EXPECT_EQ(cell<std::uint8_t>(pass.feedback_by_team, "suppressed", 1), 1);
  EXPECT_TRUE(std::isnan(cell<double>(pass.feedback_by_training, "mean_impact", 0)));
  EXPECT_TRUE(std::isnan(cell<double>(pass.feedback_by_training, "respondents", 0)));
  EXPECT_EQ(cell<std::uint8_t>(pass.feedback_by_training, "suppressed", 0), 1);
  EXPECT_EQ(cell<std::uint8_t>(pass.feedback_by_training, "suppressed_to_protect_others", 0), 1);
}

TEST(FeedbackAcrossTables, BothGroupingsStandWhenEveryTeamCellHasEnoughPeople) {
  // Five in B too: every team x training cell holds 5, so differencing the
  // tables only ever gives whole cells of at least 5 people. T: 10 people,
  // impact (21 + 10) / 10 = 3.1.
  const auto pass = metrics_pass(two_teams(5), Date::from_ymd(2026, 3, 31));
  EXPECT_DOUBLE_EQ(cell<double>(pass.feedback_by_training, "mean_impact", 0), 3.1);
  EXPECT_EQ(cell<std::uint8_t>(pass.feedback_by_training, "suppressed", 0), 0);
  EXPECT_DOUBLE_EQ(cell<double>(pass.feedback_by_team, "mean_impact", 1), 2.0);
}

}  // namespace
}  // namespace levande
