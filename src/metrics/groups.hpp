// What the metrics share: the team hierarchy as dense indices, the date check.
#ifndef LEVANDE_SRC_METRICS_GROUPS_HPP
#define LEVANDE_SRC_METRICS_GROUPS_HPP

#include <cstdint>
#include <limits>
#include <numeric>
#include <span>
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

// Dense row lists per key (a counting sort), keeping log order within a key.
struct Buckets {
  std::vector<std::uint32_t> start, rows;
  template <class Key, class Keep>
  Buckets(std::size_t keys, std::size_t n, Key &&key, Keep &&keep) : start(keys + 1, 0) {
    for (std::size_t r = 0; r < n; ++r)
      if (keep(r)) ++start[key(r) + 1];
    std::partial_sum(start.begin(), start.end(), start.begin());
    rows.resize(start[keys]);
    auto fill = start;
    for (std::size_t r = 0; r < n; ++r)
      if (keep(r)) rows[fill[key(r)]++] = static_cast<std::uint32_t>(r);
  }
  std::span<std::uint32_t> of(std::size_t key) {
    return {rows.data() + start[key], rows.data() + start[key + 1]};
  }
};

// The cohort of a training: the month of its last day, "YYYY-MM".
inline std::string cohort_of(Date end) {
  const auto ymd = end.ymd();
  std::string out = std::to_string(ymd.year) + "-";
  if (ymd.month < 10) out += '0';
  return out + std::to_string(ymd.month);
}

}  // namespace levande::detail

#endif
