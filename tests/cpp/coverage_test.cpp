// Six-step coverage per participation, worked by hand.
#include <gtest/gtest.h>

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
  b.add(Person{.id = "a", .name = "A"});
  b.add(Person{.id = "b", .name = "B"});
  b.add(Training{.id = "T",
                 .title = "Cloud",
                 .skills = {"cloud"},
                 .start = d(2026, 1, 12),
                 .end = d(2026, 1, 14)});
  b.add(Participation{.person = "a", .training = "T"});
  b.add(Participation{.person = "b", .training = "T"});
  b.add(ActionPlan{.id = "pa",
                   .title = "P",
                   .person = "a",
                   .training = "T",
                   .created = d(2026, 1, 15),
                   .agreed_by = d(2026, 6, 30)});
  b.add(ActionPlan{.id = "pb",
                   .title = "P",
                   .person = "b",
                   .training = "T",
                   .created = d(2026, 1, 15),
                   .agreed_by = d(2026, 6, 30)});
  b.add(CheckIn{.plan = "pa",
                .scheduled = d(2026, 2, 2),
                .status = CheckInStatus::held,
                .held = d(2026, 2, 2),
                .outcome = Outcome::applied});
  b.add(CheckIn{.plan = "pb", .scheduled = d(2026, 2, 2)});
  b.add(Assignment{.id = "as",
                   .person = "a",
                   .skill = "cloud",
                   .project = "pilot",
                   .role = Role::lead,
                   .start = d(2026, 2, 1),
                   .status = AssignmentStatus::active});
  b.add(PeerGroup{.id = "G", .training = "T", .members = {"a", "b"}});
  b.add(PeerSession{.id = "G1", .group = "G", .date = d(2026, 3, 1), .attendees = {"a"}});
  b.add(Ambassador{.person = "b", .training = "T"});
  b.add(FeedbackSession{.id = "F", .training = "T", .date = d(2026, 2, 15)});
  b.add(Response{.session = "F", .person = "b", .impact = 4});
  b.add(Goal{.id = "g", .plan = "pa", .metric = "m", .target = 10, .deadline = d(2026, 6, 30)});
  b.add(Success{
      .id = "s1", .date = d(2026, 3, 10), .title = "Faster releases", .kind = "goal", .goal = "g"});
  b.add(Success{.id = "s2", .date = d(2026, 1, 1), .title = "Before the course", .person = "b"});
  b.add(Activity{.person = "a", .date = d(2026, 1, 10), .hours = 1});  // before the end
  b.add(Activity{.person = "b",
                 .date = d(2026, 2, 1),
                 .hours = 1,
                 .kind = LearningKind::social,
                 .self_initiated = true});
  ws.apply(b);
  return ws;
}

TEST(Coverage, SixStepsByHand) {
  const auto ws = sample();
  const auto t = coverage(ws, d(2026, 3, 31));
  const std::size_t a = *ws.index_of(Kind::participation, "a@T"),
                    b = *ws.index_of(Kind::participation, "b@T");
  // a: a held check-in (1), an active assignment for the skill (2), attended
  // the peer session (3), a success on a goal of the plan (5); no feedback,
  // and the only activity was before the course ended: 4 of 6.
  EXPECT_EQ(cell<std::uint8_t>(t, "action_plan", a), 1);
  EXPECT_EQ(cell<std::uint8_t>(t, "on_the_job", a), 1);
  EXPECT_EQ(cell<std::uint8_t>(t, "peer_learning", a), 1);
  EXPECT_EQ(cell<std::uint8_t>(t, "feedback", a), 0);
  EXPECT_EQ(cell<std::uint8_t>(t, "celebration", a), 1);
  EXPECT_EQ(cell<std::uint8_t>(t, "continuous_learning", a), 0);
  EXPECT_EQ(cell<std::uint32_t>(t, "steps", a), 4u);
  EXPECT_DOUBLE_EQ(cell<double>(t, "coverage", a), 4.0 / 6);
  // b: ambassador (3), answered the feedback session (4), learned after (6);
  // the check-in is only scheduled and the success predates the course: 3 of 6.
  EXPECT_EQ(cell<std::uint8_t>(t, "action_plan", b), 0);
  EXPECT_EQ(cell<std::uint8_t>(t, "celebration", b), 0);
  EXPECT_EQ(cell<std::uint32_t>(t, "steps", b), 3u);
  EXPECT_DOUBLE_EQ(cell<double>(t, "coverage", b), 0.5);

  // On 20 February the peer session and the success had not happened yet.
  const auto early = coverage(ws, d(2026, 2, 20));
  EXPECT_EQ(cell<std::uint32_t>(early, "steps", a), 2u);
  EXPECT_EQ(cell<std::uint32_t>(early, "steps", b), 3u);
  EXPECT_THROW(coverage(ws, Date(Date::max_days + 1)), Error);
}

TEST(Coverage, PeerSuccessAndHealthPerTraining) {
  const auto ws = sample();
  const auto t = training_outcomes(ws, d(2026, 3, 31));
  // Both are in group G (1.0); its one session has an attendee; the success
  // on a's goal is not celebrated; health (4/6 + 3/6) / 2.
  EXPECT_DOUBLE_EQ(cell<double>(t, "peer_participation", 0), 1.0);
  EXPECT_DOUBLE_EQ(cell<double>(t, "peer_sessions_planned", 0), 1.0);
  EXPECT_DOUBLE_EQ(cell<double>(t, "peer_sessions_held", 0), 1.0);
  EXPECT_DOUBLE_EQ(cell<double>(t, "successes", 0), 1.0);
  EXPECT_DOUBLE_EQ(cell<double>(t, "successes_celebrated", 0), 0.0);
  EXPECT_DOUBLE_EQ(cell<double>(t, "retention_health", 0), (4.0 / 6 + 3.0 / 6) / 2);
}

}  // namespace
}  // namespace levande
