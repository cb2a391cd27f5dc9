// What the metrics share: the team hierarchy as dense indices, the date check.
#ifndef LEVANDE_SRC_METRICS_GROUPS_HPP
#define LEVANDE_SRC_METRICS_GROUPS_HPP

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "levande/error.hpp"
#include "workspace/tables.hpp"

namespace levande::detail {

inline constexpr double missing = std::numeric_limits<double>::quiet_NaN();
inline constexpr std::uint32_t no_entity = UINT32_MAX;

inline void require_date(Date as_of) {
  if (!as_of.valid()) {
    throw Error(Errc::invalid_argument, "as_of", std::to_string(as_of.days()),
                "is not a valid date");
  }
}

// Teams and people as dense indices: each team's parent, each person's team.
struct TeamTree {
  std::vector<std::uint32_t> parent;   // per team, no_entity for a root
  std::vector<std::uint32_t> team_of;  // per person, no_entity without a team

  explicit TeamTree(const Tables &t)
      : parent(t.teams.size(), no_entity), team_of(t.people.size(), no_entity) {
    for (std::size_t i = 0; i < t.teams.size(); ++i)
      if (!t.teams.rows[i].parent.empty()) parent[i] = *t.teams.index_of(t.teams.rows[i].parent);
    for (std::size_t p = 0; p < t.people.size(); ++p)
      if (!t.people.rows[p].team.empty()) team_of[p] = *t.teams.index_of(t.people.rows[p].team);
  }

  // Calls f(team) for `team` and every team above it (the hierarchy is
  // acyclic, checked on write; the depth bound is a guard only).
  template <class F>
  void up_from(std::uint32_t team, F &&f) const {
    for (std::size_t depth = 0; team != no_entity && depth <= parent.size(); ++depth) {
      f(team);
      team = parent[team];
    }
  }
};

}  // namespace levande::detail

#endif
