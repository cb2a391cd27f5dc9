// Enum names (enum_names.hpp): to_string() of every enum, reading names
// back, and the list the bindings take them from.
#include "names/enum_names.hpp"

#include "levande/error.hpp"

namespace levande {
namespace detail {

template <NamedEnum E>
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

namespace {

template <class... E>
std::vector<EnumInfo> infos() {
  return {
      EnumInfo{EnumNames<E>::type, {EnumNames<E>::names.begin(), EnumNames<E>::names.end()}}...};
}

}  // namespace

#define LEVANDE_NAMED(E) template E enum_from<E>(std::string_view, const std::string &);
LEVANDE_NAMED(Direction)
LEVANDE_NAMED(PlanStatus)
LEVANDE_NAMED(CheckInStatus)
LEVANDE_NAMED(Outcome)
LEVANDE_NAMED(Role)
LEVANDE_NAMED(AssignmentStatus)
LEVANDE_NAMED(Scale)
LEVANDE_NAMED(LearningKind)
LEVANDE_NAMED(Roll)
LEVANDE_NAMED(PersonalPlans)
LEVANDE_NAMED(CheckInsUntil)
LEVANDE_NAMED(GoalStatus)
LEVANDE_NAMED(EventKind)
#undef LEVANDE_NAMED

}  // namespace detail

// A code outside the enum: "?" for the model's enums, "unknown" for the
// others, as each has always answered.
#define LEVANDE_NAMED(E, UNKNOWN)             \
  const char *to_string(E value) noexcept {   \
    return detail::enum_name(value, UNKNOWN); \
  }
LEVANDE_NAMED(Direction, "?")
LEVANDE_NAMED(PlanStatus, "?")
LEVANDE_NAMED(CheckInStatus, "?")
LEVANDE_NAMED(Outcome, "?")
LEVANDE_NAMED(Role, "?")
LEVANDE_NAMED(AssignmentStatus, "?")
LEVANDE_NAMED(Scale, "?")
LEVANDE_NAMED(LearningKind, "?")
LEVANDE_NAMED(Roll, "?")
LEVANDE_NAMED(PersonalPlans, "?")
LEVANDE_NAMED(CheckInsUntil, "?")
LEVANDE_NAMED(GoalStatus, "unknown")
LEVANDE_NAMED(EventKind, "unknown")
#undef LEVANDE_NAMED

const std::vector<EnumInfo> &enum_names() {
  static const auto all =
      detail::infos<Direction, PlanStatus, CheckInStatus, Outcome, Role, AssignmentStatus, Scale,
                    LearningKind, Roll, PersonalPlans, CheckInsUntil, GoalStatus, EventKind>();
  return all;
}

}  // namespace levande
