// The references between catalogue records as dense indices, shared by the
// metrics. Records name each other by id (text); resolving those ids through
// the hash indices in every metric, for every row, was most of a metrics
// pass. A Links is built once per state of the catalogues and cached on the
// workspace until the next committed change.
#ifndef LEVANDE_SRC_CORE_WORKSPACE_LINKS_HPP
#define LEVANDE_SRC_CORE_WORKSPACE_LINKS_HPP

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <numeric>
#include <string>
#include <vector>

#include "levande/table.hpp"
#include "levande/workspace.hpp"
#include "support/csr.hpp"
#include "workspace/tables.hpp"

namespace levande::detail {

inline constexpr std::uint32_t no_entity = UINT32_MAX;

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

  // The teams ordered so that every team comes before its parent (by depth,
  // deepest first): adding each team's total into its parent in this order
  // leaves every team with the total of its whole subtree.
  std::vector<std::uint32_t> deepest_first() const {
    std::vector<std::uint32_t> depth(parent.size(), 0), order(parent.size());
    for (std::uint32_t team = 0; team < parent.size(); ++team)
      up_from(parent[team], [&](std::uint32_t) { ++depth[team]; });
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return depth[a] > depth[b]; });
    return order;
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

struct Links {
  std::uint64_t generation = 0;  // the catalog_generation of the Tables it was built from
  TeamTree tree;                 // teams' parents, people's teams
  // Per action plan: the owning person or team, the training it follows.
  std::vector<std::uint32_t> plan_person, plan_team, plan_training;
  // Per person: their manager.
  std::vector<std::uint32_t> manager;
  // Per goal: its plan and that plan's training.
  std::vector<std::uint32_t> goal_plan, goal_training;
  // Per goal, its numbers as columns (the rows are wide, and the metrics
  // read these for every goal): baseline, target, deadline, and the day its
  // plan was created (the origin of its trend).
  std::vector<double> goal_baseline, goal_target;
  std::vector<Date> goal_deadline, goal_origin;
  // Per goal, for Phillips: its value per unit (NaN without one) and whether it should increase.
  std::vector<double> goal_value_per_unit;
  std::vector<std::uint8_t> goal_increases;
  // Per participation.
  std::vector<std::uint32_t> participation_person, participation_training;
  // Per participation, Kirkpatrick levels 1 and 2 (NaN where not given).
  std::vector<double> participation_reaction, participation_pre, participation_post;
  // Per feedback session: the training or the team it is about.
  std::vector<std::uint32_t> session_training, session_team;
  // Per peer group: its training; per peer session: its group or its
  // ambassador (no_entity for the one it does not have).
  std::vector<std::uint32_t> group_training, peer_session_group, peer_session_ambassador;
  // The ids of people, goals and participations in dense order: metrics
  // tables key their rows by these, and reading them from the wide rows
  // missed the cache for every row.
  // Shared, not copied, by every table that takes them (DictionaryWords).
  DictionaryWords person_id, goal_id, participation_id;
  // Per action plan, who its check-ins count for in engagement: its person,
  // else its team as people.size() + team, else no_entity.
  std::vector<std::uint32_t> plan_owner;
  // Per person, their participations (in workspace order); per training, the
  // distinct people taking part (in the order of their first participation).
  Csr person_participations, training_people;
  // Skill names in order, and per training the indices of the skills it teaches.
  std::vector<std::string> skills;
  std::vector<std::vector<std::uint32_t>> training_skills;
  // Per ambassador, the trainings it is about (detail::is_about), ascending.
  std::vector<std::vector<std::uint32_t>> ambassador_trainings;
  // Per team, the people in it or in a team below it (workspace order).
  Csr team_people;

  explicit Links(const Tables &t);

  // Whether the person took part in the training.
  bool took_part(std::uint32_t person, std::uint32_t training) const {
    for (auto i : person_participations.of(person))
      if (participation_training[i] == training) return true;
    return false;
  }
  // Calls f(person) for each person a record owned by `team` covers
  // (docs/metrics.md, "Who a record covers"): the team's people, with its
  // sub-teams, who took part in `training`; all of them when the record
  // names no training (training == no_entity).
  template <class F>
  void for_covered(std::uint32_t team, std::uint32_t training, F &&f) const {
    for (auto p : team_people.of(team))
      if (training == no_entity || took_part(p, training)) f(p);
  }
};

}  // namespace levande::detail

#endif
