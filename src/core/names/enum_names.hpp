// The names of enum values, the one source of them: JSON, CSV, SQLite,
// tables, the C API and Python (levande::enum_names()) all read these.
// names[i] is the name of the value with code i.
#ifndef LEVANDE_SRC_CORE_NAMES_ENUM_NAMES_HPP
#define LEVANDE_SRC_CORE_NAMES_ENUM_NAMES_HPP

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>

#include "levande/metrics.hpp"
#include "levande/model.hpp"
#include "levande/schedule.hpp"

namespace levande::detail {

template <class E>
struct EnumNames;
#define LEVANDE_ENUM_NAMES(E, TYPE_NAME, ...)       \
  template <>                                       \
  struct EnumNames<E> {                             \
    static constexpr const char *type = TYPE_NAME;  \
    static constexpr std::array names{__VA_ARGS__}; \
  };
LEVANDE_ENUM_NAMES(Direction, "direction", "increase", "decrease")
LEVANDE_ENUM_NAMES(PlanStatus, "plan_status", "open", "done", "cancelled")
LEVANDE_ENUM_NAMES(CheckInStatus, "check_in_status", "scheduled", "held", "missed")
LEVANDE_ENUM_NAMES(Outcome, "outcome", "none", "applied", "partly", "not_applied")
LEVANDE_ENUM_NAMES(Role, "role", "member", "lead")
LEVANDE_ENUM_NAMES(AssignmentStatus, "assignment_status", "planned", "active", "completed",
                   "cancelled")
LEVANDE_ENUM_NAMES(Scale, "scale", "small", "large")
LEVANDE_ENUM_NAMES(LearningKind, "learning_kind", "formal", "social", "on_the_job")
LEVANDE_ENUM_NAMES(Roll, "roll", "following", "preceding", "modified_following",
                   "modified_preceding")
LEVANDE_ENUM_NAMES(PersonalPlans, "personal_plans", "always", "unless_team_plan", "never")
LEVANDE_ENUM_NAMES(CheckInsUntil, "check_ins_until", "goal_deadline", "weeks")
LEVANDE_ENUM_NAMES(GoalStatus, "goal_status", "no_data", "achieved", "on_track", "at_risk",
                   "off_track", "missed")
LEVANDE_ENUM_NAMES(EventKind, "event_kind", "plan_due", "check_in", "reinforcement",
                   "assignment_review", "peer_session", "feedback_session", "celebration_review",
                   "learning_slot", "competence_review", "ambassador_session")
#undef LEVANDE_ENUM_NAMES

static_assert(EnumNames<GoalStatus>::names.size() == goal_status_count);
static_assert(EnumNames<EventKind>::names.size() == event_kind_count);

// The six steps of the follow-up process, in order: the coverage table's
// columns and the report's.
inline constexpr std::array step_names{"action_plan", "on_the_job",  "peer_learning",
                                       "feedback",    "celebration", "continuous_learning"};

template <class E>
concept NamedEnum = std::is_enum_v<E> && requires {
  EnumNames<E>::names;
};

// The name of a value; `unknown` for a code outside the enum.
template <NamedEnum E>
const char *enum_name(E value, const char *unknown = "?") noexcept {
  const auto index = static_cast<std::size_t>(value);
  return index < EnumNames<E>::names.size() ? EnumNames<E>::names[index] : unknown;
}

// Throws invalid_argument naming `where` when `text` is not one of E's names.
template <NamedEnum E>
E enum_from(std::string_view text, const std::string &where);

}  // namespace levande::detail

#endif
