#include "levande/model.hpp"

#include <array>
#include <string>

#include "levande/error.hpp"
#include "model/schema.hpp"

namespace levande {
namespace {

constexpr std::array<const char *, kind_count> plural{"teams",
                                                      "people",
                                                      "trainings",
                                                      "participations",
                                                      "action_plans",
                                                      "tasks",
                                                      "goals",
                                                      "measurements",
                                                      "check_ins",
                                                      "assignments",
                                                      "ambassadors",
                                                      "peer_groups",
                                                      "peer_sessions",
                                                      "feedback_sessions",
                                                      "responses",
                                                      "successes",
                                                      "competence_plans",
                                                      "initiatives",
                                                      "learning_slots",
                                                      "activities",
                                                      "policies",
                                                      "absences"};
constexpr std::array<const char *, kind_count> singular{
    "team",          "person",           "training",
    "participation", "action_plan",      "task",
    "goal",          "measurement",      "check_in",
    "assignment",    "ambassador",       "peer_group",
    "peer_session",  "feedback_session", "response",
    "success",       "competence_plan",  "initiative",
    "learning_slot", "activity",         "policy",
    "absence"};

}  // namespace

const char *kind_name(Kind kind) noexcept {
  const auto i = static_cast<std::size_t>(kind);
  return i < kind_count ? plural[i] : "?";
}

Kind kind_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kind_count; ++i) {
    if (name == plural[i] || name == singular[i]) return static_cast<Kind>(i);
  }
  throw Error(Errc::invalid_argument, "kind", std::string(name),
              "is not a kind of entity (people, teams, trainings, participations, goals, ...)");
}

bool is_log_kind(Kind kind) noexcept {
  return kind == Kind::measurement || kind == Kind::check_in || kind == Kind::response ||
         kind == Kind::activity;
}

const std::vector<std::string> &default_feedback_questions() {
  static const std::vector<std::string> questions{
      "How has the new knowledge affected your daily work?",
      "What challenges did you meet applying it?",
      "What further support or resources do you need?"};
  return questions;
}

const char *to_string(Direction value) noexcept {
  return detail::enum_name(value);
}
const char *to_string(PlanStatus value) noexcept {
  return detail::enum_name(value);
}
const char *to_string(CheckInStatus value) noexcept {
  return detail::enum_name(value);
}
const char *to_string(Outcome value) noexcept {
  return detail::enum_name(value);
}
const char *to_string(Role value) noexcept {
  return detail::enum_name(value);
}
const char *to_string(AssignmentStatus value) noexcept {
  return detail::enum_name(value);
}
const char *to_string(Scale value) noexcept {
  return detail::enum_name(value);
}
const char *to_string(LearningKind value) noexcept {
  return detail::enum_name(value);
}
const char *to_string(Roll value) noexcept {
  return detail::enum_name(value);
}

Policy default_policy() {
  Policy p;  // the member defaults are the process of DESIGN §1
  p.id = "default";
  return p;
}

namespace detail {

template <ModelEnum E>
E enum_from(std::string_view text, const std::string &where) {
  const auto &names = EnumNames<E>::names;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (text == names[i]) return static_cast<E>(i);
  }
  std::string allowed;
  for (const char *n : names) {
    if (!allowed.empty()) allowed += ", ";
    allowed += n;
  }
  throw Error(Errc::invalid_argument, where, std::string(text), "must be one of " + allowed);
}

template Direction enum_from<Direction>(std::string_view, const std::string &);
template PlanStatus enum_from<PlanStatus>(std::string_view, const std::string &);
template CheckInStatus enum_from<CheckInStatus>(std::string_view, const std::string &);
template Outcome enum_from<Outcome>(std::string_view, const std::string &);
template Role enum_from<Role>(std::string_view, const std::string &);
template AssignmentStatus enum_from<AssignmentStatus>(std::string_view, const std::string &);
template Scale enum_from<Scale>(std::string_view, const std::string &);
template LearningKind enum_from<LearningKind>(std::string_view, const std::string &);
template Roll enum_from<Roll>(std::string_view, const std::string &);

}  // namespace detail
}  // namespace levande
