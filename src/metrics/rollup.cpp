// Goal roll-ups by person, team, department, training, skill and cohort
// (docs/metrics.md, "Roll-ups").
#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "levande/error.hpp"
#include "levande/metrics.hpp"
#include "metrics/basis.hpp"
#include "metrics/groups.hpp"
#include "workspace/impl.hpp"
#include "workspace/links.hpp"

namespace levande {

namespace {

const char *key_name(RollupBy by) {
  switch (by) {
    case RollupBy::person:
      return "person";
    case RollupBy::team:
      return "team";
    case RollupBy::department:
      return "department";
    case RollupBy::training:
      return "training";
    case RollupBy::skill:
      return "skill";
    case RollupBy::cohort:
      return "cohort";
  }
  return nullptr;
}

}  // namespace

Table detail::goal_rollup(Basis &basis, RollupBy by, const RollupOptions &options) {
  const char *name = key_name(by);
  if (!name) {
    throw Error(Errc::invalid_argument, "by", std::to_string(static_cast<int>(by)),
                "is not person, team, department, training, skill or cohort");
  }
  if (options.department_depth < 0 || options.department_depth > 100) {
    throw Error(Errc::invalid_argument, "department_depth",
                std::to_string(options.department_depth), "must be between 0 and 100");
  }
  const auto &status = basis.goal_status(options.status);
  const auto &t = basis.tables();
  const auto *links = &basis.links();
  const auto &tree = links->tree;
  const auto &training_of = links->goal_training;

  // The rows and, per goal, the rows it counts in.
  std::vector<std::string> keys;
  std::vector<std::uint32_t> rows_of_goal;  // flattened, with offsets
  std::vector<std::uint32_t> offset{0};
  offset.reserve(t.goals.size() + 1);
  // A goal counts once, or for a team roll-up in its team and each team
  // above it (a few levels in most organisations).
  rows_of_goal.reserve(t.goals.size() * (by == RollupBy::team ? 4 : 1));
  const auto owner_team = [&](std::uint32_t plan) {
    if (links->plan_team[plan] != detail::no_entity) return links->plan_team[plan];
    return tree.team_of[links->plan_person[plan]];
  };
  // Sorted text keys (skills, cohorts) found in the goals' trainings.
  std::map<std::string, std::uint32_t> text_rows;
  const auto text_row = [&](const std::string &key) {
    return text_rows.emplace(key, static_cast<std::uint32_t>(text_rows.size())).first->second;
  };
  // A training's text rows, looked up once per training rather than per goal.
  std::vector<std::vector<std::uint32_t>> training_text_rows(t.trainings.size());
  std::vector<std::uint8_t> training_looked_up(t.trainings.size(), 0);
  const auto text_rows_of = [&](std::uint32_t ti) -> const std::vector<std::uint32_t> & {
    auto &rows = training_text_rows[ti];
    if (!training_looked_up[ti]) {
      training_looked_up[ti] = 1;
      const auto &training = t.trainings.rows[ti];
      if (by == RollupBy::skill) {
        for (const auto &skill : training.skills)
          rows.push_back(text_row(skill));
      } else {
        rows.push_back(text_row(detail::cohort_of(training.end)));
      }
    }
    return rows;
  };
  std::vector<std::uint32_t> department;  // per team
  if (by == RollupBy::department) {
    // A team's department is its ancestor at department_depth (roots are at
    // depth 0); a team above that depth is its own department.
    department.resize(t.teams.size());
    for (std::uint32_t team = 0; team < t.teams.size(); ++team) {
      std::vector<std::uint32_t> path;
      tree.up_from(team, [&](std::uint32_t above) { path.push_back(above); });
      const auto depth = path.size() - 1;
      const auto level = std::min<std::size_t>(depth, options.department_depth);
      department[team] = path[depth - level];
    }
  }

  switch (by) {
    case RollupBy::person:
      keys = links->person_id;
      break;
    case RollupBy::team:
      for (const auto &team : t.teams.rows)
        keys.push_back(team.id);
      break;
    case RollupBy::department:
      for (std::uint32_t team = 0; team < t.teams.size(); ++team)
        if (department[team] == team) keys.push_back(t.teams.rows[team].id);
      break;
    case RollupBy::training:
      for (const auto &tr : t.trainings.rows)
        keys.push_back(tr.id);
      break;
    default:
      break;
  }
  std::vector<std::uint32_t> department_row(t.teams.size(), detail::no_entity);
  if (by == RollupBy::department) {
    std::uint32_t next = 0;
    for (std::uint32_t team = 0; team < t.teams.size(); ++team)
      if (department[team] == team) department_row[team] = next++;
  }

  for (std::size_t g = 0; g < t.goals.size(); ++g) {
    const auto plan = links->goal_plan[g];
    const auto ti = training_of[g];
    switch (by) {
      case RollupBy::person:
        if (links->plan_person[plan] != detail::no_entity)
          rows_of_goal.push_back(links->plan_person[plan]);
        break;
      case RollupBy::team:
        tree.up_from(owner_team(plan), [&](std::uint32_t team) { rows_of_goal.push_back(team); });
        break;
      case RollupBy::department:
        if (const auto team = owner_team(plan); team != detail::no_entity)
          rows_of_goal.push_back(department_row[department[team]]);
        break;
      case RollupBy::training:
        if (ti != detail::no_entity) rows_of_goal.push_back(ti);
        break;
      case RollupBy::skill:
      case RollupBy::cohort:
        if (ti != detail::no_entity) {
          const auto &rows = text_rows_of(ti);
          rows_of_goal.insert(rows_of_goal.end(), rows.begin(), rows.end());
        }
        break;
    }
    offset.push_back(static_cast<std::uint32_t>(rows_of_goal.size()));
  }
  // Text keys get their rows in name order.
  std::vector<std::uint32_t> renumber;
  if (by == RollupBy::skill || by == RollupBy::cohort) {
    renumber.resize(text_rows.size());
    std::uint32_t next = 0;
    for (const auto &[key, row] : text_rows) {
      keys.push_back(key);
      renumber[row] = next++;
    }
    for (auto &row : rows_of_goal)
      row = renumber[row];
  }

  const std::size_t n = keys.size();
  std::vector<std::uint32_t> goals(n, 0), measured(n, 0);
  std::array<std::vector<std::uint32_t>, goal_status_count> by_status;
  for (auto &column : by_status)
    column.assign(n, 0);
  std::vector<double> progress_sum(n, 0);
  for (std::size_t g = 0; g < t.goals.size(); ++g) {
    for (auto i = offset[g]; i < offset[g + 1]; ++i) {
      const auto row = rows_of_goal[i];
      goals[row] += 1;
      by_status[static_cast<std::size_t>(status.status[g])][row] += 1;
      if (!std::isnan(status.progress[g])) {
        measured[row] += 1;
        progress_sum[row] += status.progress[g];
      }
    }
  }
  std::vector<double> mean_progress(n), healthy(n);
  for (std::size_t r = 0; r < n; ++r) {
    mean_progress[r] = measured[r] > 0 ? progress_sum[r] / measured[r] : detail::missing;
    const auto good = by_status[static_cast<std::size_t>(GoalStatus::achieved)][r] +
                      by_status[static_cast<std::size_t>(GoalStatus::on_track)][r];
    healthy[r] = measured[r] > 0 ? static_cast<double>(good) / measured[r] : detail::missing;
  }

  Table out;
  DictionaryColumn key_column;
  key_column.words = std::move(keys);
  key_column.codes.resize(n);
  for (std::size_t r = 0; r < n; ++r)
    key_column.codes[r] = static_cast<std::int32_t>(r);
  out.add(name, std::move(key_column));
  out.add("goals", std::move(goals));
  out.add("measured", std::move(measured));
  out.add("mean_progress", std::move(mean_progress));
  out.add("on_track_share", std::move(healthy));
  for (std::size_t s = 0; s < goal_status_count; ++s)
    out.add(to_string(static_cast<GoalStatus>(s)), std::move(by_status[s]));
  return out;
}

Table goal_rollup(const Workspace &workspace, Date as_of, RollupBy by,
                  const RollupOptions &options) {
  detail::Basis basis(workspace, as_of);
  return detail::goal_rollup(basis, by, options);
}

}  // namespace levande
