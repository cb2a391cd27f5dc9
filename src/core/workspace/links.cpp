// Dense references between catalogue records, cached per state (links.hpp).
#include "workspace/links.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <mutex>
#include <numeric>

#include "workspace/tables.hpp"

namespace levande::detail {

namespace {

constexpr double missing = std::numeric_limits<double>::quiet_NaN();

template <class T>
std::uint32_t index_or_none(const Catalog<T> &catalog, const std::string &id) {
  if (id.empty()) return no_entity;
  return *catalog.index_of(id);  // references are checked on every write
}

}  // namespace

Links::Links(const Tables &t) : generation(t.catalog_generation), tree(t) {
  const auto plans = t.action_plans.size();
  plan_person.resize(plans);
  plan_team.resize(plans);
  plan_training.resize(plans);
  for (std::size_t i = 0; i < plans; ++i) {
    const auto &plan = t.action_plans.rows[i];
    plan_person[i] = index_or_none(t.people, plan.person);
    plan_team[i] = index_or_none(t.teams, plan.team);
    plan_training[i] = index_or_none(t.trainings, plan.training);
  }
  manager.resize(t.people.size());
  std::vector<std::string> ids(t.people.size());
  for (std::size_t p = 0; p < t.people.size(); ++p) {
    manager[p] = index_or_none(t.people, t.people.rows[p].manager);
    ids[p] = t.people.rows[p].id;
  }
  person_id = std::move(ids);
  goal_plan.resize(t.goals.size());
  goal_training.resize(t.goals.size());
  goal_baseline.resize(t.goals.size());
  goal_target.resize(t.goals.size());
  goal_deadline.resize(t.goals.size());
  goal_origin.resize(t.goals.size());
  goal_value_per_unit.resize(t.goals.size());
  goal_increases.resize(t.goals.size());
  ids.assign(t.goals.size(), {});
  for (std::size_t g = 0; g < t.goals.size(); ++g) {
    const auto &goal = t.goals.rows[g];
    ids[g] = goal.id;
    goal_plan[g] = *t.action_plans.index_of(goal.plan);
    goal_training[g] = plan_training[goal_plan[g]];
    goal_baseline[g] = goal.baseline;
    goal_target[g] = goal.target;
    goal_deadline[g] = goal.deadline;
    goal_origin[g] = t.action_plans.rows[goal_plan[g]].created;
    goal_value_per_unit[g] = goal.value_per_unit.value_or(missing);
    goal_increases[g] = goal.direction == Direction::increase;
  }
  const auto participations = t.participations.size();
  participation_person.resize(participations);
  participation_training.resize(participations);
  participation_reaction.resize(participations);
  participation_pre.resize(participations);
  participation_post.resize(participations);
  goal_id = std::move(ids);
  ids.assign(participations, {});
  for (std::size_t i = 0; i < participations; ++i) {
    const auto &p = t.participations.rows[i];
    ids[i] = p.id;
    participation_person[i] = *t.people.index_of(p.person);
    participation_training[i] = *t.trainings.index_of(p.training);
    participation_reaction[i] = p.reaction.value_or(missing);
    participation_pre[i] = p.pre_score.value_or(missing);
    participation_post[i] = p.post_score.value_or(missing);
  }
  participation_id = std::move(ids);
  plan_owner.resize(plans);
  for (std::size_t i = 0; i < plans; ++i) {
    plan_owner[i] = plan_person[i] != no_entity ? plan_person[i]
                    : plan_team[i] != no_entity
                        ? static_cast<std::uint32_t>(t.people.size() + plan_team[i])
                        : no_entity;
  }
  person_participations = Csr::build(t.people.size(), participation_person);
  // Participants per training, each person kept once (a stamp per person),
  // compacted in place.
  training_people = Csr::build(t.trainings.size(), participation_training);
  {
    std::vector<std::uint32_t> stamp(t.people.size(), no_entity);
    std::uint32_t kept = 0, from = 0;
    for (std::uint32_t ti = 0; ti < t.trainings.size(); ++ti) {
      const auto to = training_people.offsets[ti + 1];
      for (; from < to; ++from) {
        const auto person = participation_person[training_people.items[from]];
        if (stamp[person] == ti) continue;
        stamp[person] = ti;
        training_people.items[kept++] = person;
      }
      training_people.offsets[ti + 1] = kept;
    }
    training_people.items.resize(kept);
  }
  session_training.resize(t.feedback_sessions.size());
  session_team.resize(t.feedback_sessions.size());
  for (std::size_t s = 0; s < t.feedback_sessions.size(); ++s) {
    session_training[s] = index_or_none(t.trainings, t.feedback_sessions.rows[s].training);
    session_team[s] = index_or_none(t.teams, t.feedback_sessions.rows[s].team);
  }
  group_training.resize(t.peer_groups.size());
  for (std::size_t g = 0; g < t.peer_groups.size(); ++g)
    group_training[g] = index_or_none(t.trainings, t.peer_groups.rows[g].training);
  peer_session_group.resize(t.peer_sessions.size());
  peer_session_ambassador.resize(t.peer_sessions.size());
  for (std::size_t s = 0; s < t.peer_sessions.size(); ++s) {
    peer_session_group[s] = index_or_none(t.peer_groups, t.peer_sessions.rows[s].group);
    peer_session_ambassador[s] = index_or_none(t.ambassadors, t.peer_sessions.rows[s].ambassador);
  }

  for (const auto &tr : t.trainings.rows)
    skills.insert(skills.end(), tr.skills.begin(), tr.skills.end());
  std::sort(skills.begin(), skills.end());
  skills.erase(std::unique(skills.begin(), skills.end()), skills.end());
  training_skills.resize(t.trainings.size());
  for (std::size_t i = 0; i < t.trainings.size(); ++i)
    for (const auto &s : t.trainings.rows[i].skills)
      training_skills[i].push_back(static_cast<std::uint32_t>(
          std::lower_bound(skills.begin(), skills.end(), s) - skills.begin()));
  ambassador_trainings.resize(t.ambassadors.size());
  if (!t.ambassadors.rows.empty()) {
    // Trainings by skill, so that an ambassador of a skill costs its trainings.
    std::vector<std::vector<std::uint32_t>> teaching(skills.size());
    for (std::uint32_t i = 0; i < training_skills.size(); ++i)
      for (auto k : training_skills[i])
        if (teaching[k].empty() || teaching[k].back() != i) teaching[k].push_back(i);
    for (std::size_t a = 0; a < t.ambassadors.size(); ++a) {
      const auto &amb = t.ambassadors.rows[a];
      if (!amb.training.empty()) {
        ambassador_trainings[a].push_back(*t.trainings.index_of(amb.training));
      } else if (const auto k = std::lower_bound(skills.begin(), skills.end(), amb.skill);
                 k != skills.end() && *k == amb.skill) {
        ambassador_trainings[a] = teaching[static_cast<std::size_t>(k - skills.begin())];
      }
    }
  }

  // People per team with sub-teams: a person is counted in their team and
  // in every team above it, then filled in the same order.
  team_people.offsets.assign(t.teams.size() + 1, 0);
  for (std::size_t p = 0; p < t.people.size(); ++p)
    tree.up_from(tree.team_of[p], [&](std::uint32_t team) { ++team_people.offsets[team + 1]; });
  std::partial_sum(team_people.offsets.begin(), team_people.offsets.end(),
                   team_people.offsets.begin());
  team_people.items.resize(team_people.offsets.back());
  {
    auto fill = team_people.offsets;
    for (std::size_t p = 0; p < t.people.size(); ++p)
      tree.up_from(tree.team_of[p], [&](std::uint32_t team) {
        team_people.items[fill[team]++] = static_cast<std::uint32_t>(p);
      });
  }
}

}  // namespace levande::detail
