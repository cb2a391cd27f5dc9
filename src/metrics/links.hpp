// The references between catalogue records as dense indices, shared by the
// metrics. Records name each other by id (text); resolving those ids through
// the hash indices in every metric, for every row, was most of a metrics
// pass. A Links is built once per state of the catalogues and cached on the
// workspace until the next committed change.
#ifndef LEVANDE_SRC_METRICS_LINKS_HPP
#define LEVANDE_SRC_METRICS_LINKS_HPP

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "levande/workspace.hpp"
#include "metrics/groups.hpp"

namespace levande::detail {

struct Links {
  std::uint64_t generation = 0;  // of the Tables it was built from
  TeamTree tree;                 // teams' parents, people's teams
  // Per action plan: the owning person or team, the training it follows.
  std::vector<std::uint32_t> plan_person, plan_team, plan_training;
  // Per goal: its plan and that plan's training.
  std::vector<std::uint32_t> goal_plan, goal_training;
  // Per participation.
  std::vector<std::uint32_t> participation_person, participation_training;
  // Per feedback session: the training or the team it is about.
  std::vector<std::uint32_t> session_training, session_team;
  // Per peer group: its training; per peer session: its group.
  std::vector<std::uint32_t> group_training, peer_session_group;
  // Skill names in order, and per training the indices of the skills it teaches.
  std::vector<std::string> skills;
  std::vector<std::vector<std::uint32_t>> training_skills;

  explicit Links(const Tables &t);
};

// Per participation, which of the six steps happened by as_of (1/0), and
// the coverage score steps ÷ 6 (coverage.cpp; docs/metrics.md).
std::array<std::vector<std::uint8_t>, 6> coverage_steps(const Workspace &workspace, Date as_of);
std::vector<double> coverage_scores(const Workspace &workspace, Date as_of);

// The links of the workspace's current state (no_entity where a reference is empty).
std::shared_ptr<const Links> links_of(const Workspace &workspace);

}  // namespace levande::detail

#endif
