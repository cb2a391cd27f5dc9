// Step 1 check-in adherence and step 6 learning, per person or rolled up per
// team through the hierarchy (docs/metrics.md).
#include <cmath>
#include <numeric>

#include "levande/error.hpp"
#include "levande/metrics.hpp"
#include "metrics/basis.hpp"
#include "metrics/groups.hpp"
#include "workspace/links.hpp"
#include "workspace/model_view.hpp"

namespace levande {
namespace {

using detail::no_entity;
constexpr double nan = detail::missing;

double ratio(double part, double whole) {
  return whole > 0 ? part / whole : nan;
}

}  // namespace

const detail::EngagementSums &detail::Basis::engagement_sums(std::int32_t tolerance_days) {
  // The counts follow the tolerance (check_in_sums() keeps the last one's
  // where `check_ins` points); the coverage part does not depend on it.
  check_in_sums(tolerance_days);
  if (sums_) return *sums_;
  EngagementSums s;
  s.check_ins = &*check_ins_;
  s.learning = &activity_sums();
  // Six-step retention health: the coverage of the person's participations.
  const std::size_t people = t_.people.size();
  s.coverage_sum.assign(people, 0);
  s.participations.assign(people, 0);
  const auto &score = coverage_scores();
  const auto &of = links_->participation_person;
  for (std::size_t i = 0; i < score.size(); ++i) {
    s.coverage_sum[of[i]] += score[i];
    s.participations[of[i]] += 1;
  }
  sums_ = std::move(s);
  return *sums_;
}

Table detail::engagement(Basis &basis, GroupBy by, const EngagementOptions &options) {
  const Date as_of = basis.as_of();
  if (options.tolerance_days < 0 || options.tolerance_days > 365) {
    throw Error(Errc::invalid_argument, "tolerance_days", std::to_string(options.tolerance_days),
                "must be between 0 and 365");
  }
  if (by != GroupBy::person && by != GroupBy::team) {
    throw Error(Errc::invalid_argument, "by", std::to_string(static_cast<int>(by)),
                "is not person or team");
  }
  const auto &t = basis.tables();
  const bool teams = by == GroupBy::team;
  const std::size_t groups = teams ? t.teams.size() : t.people.size();

  // The groups a person (or, with person == no_entity, a team) counts in:
  // the person, or their team and every team above it.
  const auto *links = &basis.links();
  const auto &tree = links->tree;
  auto for_groups = [&](std::uint32_t person, std::uint32_t team, auto &&f) {
    if (!teams) {
      if (person != no_entity) f(person);
      return;
    }
    tree.up_from(person != no_entity ? tree.team_of[person] : team, f);
  };

  // The owners' sums, as they are (by person) or added up each team's
  // hierarchy (by team).
  const auto &sums = basis.engagement_sums(options.tolerance_days);
  const auto &counts = *sums.check_ins;
  const auto &learning = *sums.learning;
  const std::size_t people_count = t.people.size();
  // By person the groups are the owners that are people: their sums as they
  // are (copied, not added up); by team, zeros to add into.
  const auto first = [&](const auto &column) {
    using Values = std::decay_t<decltype(column)>;
    return teams ? Values(groups, 0) : Values(column.begin(), column.begin() + groups);
  };
  std::vector<std::uint32_t> people(groups, teams ? 0 : 1),
      due = first(counts.due), on_time = first(counts.on_time), overdue = first(counts.overdue),
      missed = first(counts.missed);
  std::vector<double> hours = first(learning.hours), job = first(learning.job),
                      social = first(learning.social), formal = first(learning.formal),
                      self = first(learning.self), budget(groups, teams ? 0 : nan),
                      coverage_sum = first(sums.coverage_sum),
                      participations = first(sums.participations);
  if (!teams) {
    // A team's plan counts for each person it covers, as if it were theirs
    // (by team it counts once, for the team: the team held the check-in).
    for (const auto &c : counts.team_plans) {
      links->for_covered(links->plan_team[c.plan], links->plan_training[c.plan],
                         [&](std::uint32_t p) {
                           due[p] += c.due;
                           on_time[p] += c.on_time;
                           overdue[p] += c.overdue;
                           missed[p] += c.missed;
                         });
    }
  }
  if (teams) {
    // Each owner into its own team (a person's team, a team as itself),
    // then each team's total into its parent, deepest teams first: every
    // team ends up with its whole subtree, one addition per team.
    const auto add_counts = [&](std::uint32_t g, std::size_t o) {
      due[g] += counts.due[o];
      on_time[g] += counts.on_time[o];
      overdue[g] += counts.overdue[o];
      missed[g] += counts.missed[o];
    };
    for (std::size_t p = 0; p < people_count; ++p) {
      const auto g = tree.team_of[p];
      if (g == no_entity) continue;
      people[g] += 1;
      add_counts(g, p);
      hours[g] += learning.hours[p];
      job[g] += learning.job[p];
      social[g] += learning.social[p];
      formal[g] += learning.formal[p];
      self[g] += learning.self[p];
      coverage_sum[g] += sums.coverage_sum[p];
      participations[g] += sums.participations[p];
    }
    for (std::uint32_t team = 0; team < t.teams.size(); ++team)
      add_counts(team, people_count + team);
    for (const auto team : tree.deepest_first()) {
      const auto up = tree.parent[team];
      if (up == no_entity) continue;
      for (auto *column : {&people, &due, &on_time, &overdue, &missed})
        (*column)[up] += (*column)[team];
      for (auto *column : {&hours, &job, &social, &formal, &self, &coverage_sum, &participations})
        (*column)[up] += (*column)[team];
    }
  }
  // Budgets: the initiatives of the team's competence plan for that year.
  if (teams) {
    for (const auto &init : t.initiatives.rows) {
      const auto &plan = *t.competence_plans.find(init.plan);
      if (plan.year != as_of.year()) continue;
      for_groups(no_entity, *t.teams.index_of(plan.team),
                 [&](std::uint32_t g) { budget[g] += init.hours; });
    }
  }
  const auto &plan_team = links->plan_team;
  // Step 6: the year's team goals (team plans' goals with a deadline in the
  // year) and those an initiative of a competence plan of that year links,
  // the plan being the goal's team's or a team's above it.
  std::vector<double> team_goals(groups, teams ? 0 : nan), planned(groups, teams ? 0 : nan);
  if (teams) {
    std::vector<std::vector<std::uint32_t>> planning_teams(t.goals.size());
    for (const auto &init : t.initiatives.rows) {
      if (init.goal.empty()) continue;
      const auto &plan = *t.competence_plans.find(init.plan);
      if (plan.year != as_of.year()) continue;
      planning_teams[*t.goals.index_of(init.goal)].push_back(*t.teams.index_of(plan.team));
    }
    for (std::size_t g = 0; g < t.goals.size(); ++g) {
      const auto owner = plan_team[links->goal_plan[g]];
      if (owner == no_entity || t.goals.rows[g].deadline.year() != as_of.year()) continue;
      bool covered = false;
      tree.up_from(owner, [&](std::uint32_t above) {
        for (auto team : planning_teams[g])
          covered = covered || team == above;
      });
      tree.up_from(owner, [&](std::uint32_t group) {
        team_goals[group] += 1;
        planned[group] += covered;
      });
    }
  }

  Table out;
  DictionaryColumn keys;
  keys.codes.resize(groups);
  std::iota(keys.codes.begin(), keys.codes.end(), 0);
  if (teams) {
    keys.words.reserve(groups);
    for (const auto &team : t.teams.rows)
      keys.words.push_back(team.id);
  } else {
    keys.words = links->person_id;
  }
  std::vector<double> adherence(groups), job_share(groups), social_share(groups),
      formal_share(groups), self_share(groups), of_budget(groups), health(groups),
      plan_coverage(groups);
  for (std::size_t g = 0; g < groups; ++g) {
    adherence[g] = ratio(on_time[g], due[g]);
    job_share[g] = ratio(job[g], hours[g]);
    social_share[g] = ratio(social[g], hours[g]);
    formal_share[g] = ratio(formal[g], hours[g]);
    self_share[g] = ratio(self[g], hours[g]);
    of_budget[g] = teams ? ratio(hours[g], budget[g]) : nan;
    health[g] = ratio(coverage_sum[g], participations[g]);
    plan_coverage[g] = teams ? ratio(planned[g], team_goals[g]) : nan;
  }
  out.add(teams ? "team" : "person", std::move(keys));
  out.add("people", std::move(people));
  out.add("check_ins_due", std::move(due));
  out.add("check_ins_on_time", std::move(on_time));
  out.add("adherence", std::move(adherence));
  out.add("check_ins_overdue", std::move(overdue));
  out.add("check_ins_missed", std::move(missed));
  out.add("learning_hours", std::move(hours));
  out.add("on_the_job_share", std::move(job_share));
  out.add("social_share", std::move(social_share));
  out.add("formal_share", std::move(formal_share));
  out.add("self_initiated_share", std::move(self_share));
  out.add("hours_budget", std::move(budget));
  out.add("hours_of_budget", std::move(of_budget));
  out.add("team_goals", std::move(team_goals));
  out.add("team_goals_planned", std::move(planned));
  out.add("goal_plan_coverage", std::move(plan_coverage));
  out.add("retention_health", std::move(health));
  return out;
}

Table engagement(const Workspace &workspace, Date as_of, GroupBy by,
                 const EngagementOptions &options) {
  detail::Basis basis(workspace, as_of);
  return detail::engagement(basis, by, options);
}

}  // namespace levande
