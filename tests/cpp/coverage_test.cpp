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
  b.add(Person{"a", "A", "", "", "", ""});
  b.add(Person{"b", "B", "", "", "", ""});
  b.add(Training{"T", "Cloud", {"cloud"}, "", "", d(2026, 1, 12), d(2026, 1, 14), 0, false});
  b.add(Participation{"", "a", "T", {}, {}, {}, {}});
  b.add(Participation{"", "b", "T", {}, {}, {}, {}});
  b.add(ActionPlan{"pa", "P", "a", "", "T", d(2026, 1, 15), d(2026, 6, 30), PlanStatus::open});
  b.add(ActionPlan{"pb", "P", "b", "", "T", d(2026, 1, 15), d(2026, 6, 30), PlanStatus::open});
  b.add(CheckIn{"pa", d(2026, 2, 2), CheckInStatus::held, d(2026, 2, 2), Outcome::applied, ""});
  b.add(CheckIn{"pb", d(2026, 2, 2), CheckInStatus::scheduled, {}, Outcome::none, ""});
  b.add(Assignment{"as",
                   "a",
                   "",
                   "cloud",
                   "",
                   "pilot",
                   Role::lead,
                   d(2026, 2, 1),
                   {},
                   AssignmentStatus::active,
                   ""});
  b.add(PeerGroup{"G", "T", {"a", "b"}, {}});
  b.add(PeerSession{"G1", "G", d(2026, 3, 1), {"a"}});
  b.add(Ambassador{"", "b", "T", ""});
  b.add(FeedbackSession{"F", "T", "", d(2026, 2, 15), {}});
  b.add(Response{"F", "b", 4, {}, ""});
  b.add(Goal{"g", "pa", "m", "", 0, 10, Direction::increase, d(2026, 6, 30), {}});
  b.add(
      Success{"s1", d(2026, 3, 10), "Faster releases", "goal", Scale::small, "g", "", "", {}, ""});
  b.add(Success{"s2", d(2026, 1, 1), "Before the course", "", Scale::small, "", "", "b", {}, ""});
  b.add(Activity{"a", d(2026, 1, 10), 1, LearningKind::formal, false});  // before the end
  b.add(Activity{"b", d(2026, 2, 1), 1, LearningKind::social, true});
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
