// How the workspace's errors name kinds and unknown references.
#ifndef LEVANDE_SRC_CORE_WORKSPACE_ERRORS_HPP
#define LEVANDE_SRC_CORE_WORKSPACE_ERRORS_HPP

#include <array>
#include <string>

#include "levande/error.hpp"
#include "levande/model.hpp"

namespace levande::detail {

// A kind in a sentence: "action plan", "check-in".
inline const char *singular(Kind k) {
  static constexpr std::array<const char *, kind_count> names{
      "team",          "person",           "training",
      "participation", "action plan",      "task",
      "goal",          "measurement",      "check-in",
      "assignment",    "ambassador",       "peer group",
      "peer session",  "feedback session", "response",
      "success",       "competence plan",  "initiative",
      "learning slot", "activity",         "policy",
      "absence"};
  return names[static_cast<std::size_t>(k)];
}

// A reference `where` to an id of `target` that does not exist.
inline Error unknown(const std::string &where, Kind target, const std::string &value) {
  return Error(Errc::not_found, where, value, std::string("no such ") + singular(target));
}

}  // namespace levande::detail

#endif
