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
#include "workspace/links.hpp"
#include "workspace/model_view.hpp"

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

const detail::GoalTallies &detail::Basis::goal_tallies(const GoalStatusOptions &options) {
  const auto &status = goal_status(options);
  if (tallies_ && tallies_->at_risk_from == options.at_risk_from) return *tallies_;
  const auto &t = t_;
  const auto &links = *links_;
  GoalTallies out;
  out.at_risk_from = options.at_risk_from;
  out.by_person = GoalTally(t.people.size());
  out.by_team = GoalTally(t.teams.size());
  out.by_training = GoalTally(t.trainings.size());
  const auto count = [&](GoalTally &tally, std::uint32_t key, std::size_t g) {
    tally.goals[key] += 1;
    tally.by_status[static_cast<std::size_t>(status.status[g])][key] += 1;
    if (!std::isnan(status.progress[g])) {
      tally.measured[key] += 1;
      tally.progress[key] += status.progress[g];
    }
  };
  for (std::size_t g = 0; g < t.goals.size(); ++g) {
    const auto plan = links.goal_plan[g];
    const auto person = links.plan_person[plan];
    const auto team = links.plan_team[plan] != no_entity ? links.plan_team[plan]
                      : person != no_entity              ? links.tree.team_of[person]
                                                         : no_entity;
    if (person != no_entity) count(out.by_person, person, g);
    if (team != no_entity) count(out.by_team, team, g);
    if (links.goal_training[g] != no_entity) count(out.by_training, links.goal_training[g], g);
  }
  tallies_ = std::move(out);
  return *tallies_;
}

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
  const auto &tally = basis.goal_tallies(options.status);
  const auto &t = basis.tables();
  const auto *links = &basis.links();
  const auto &tree = links->tree;

  // Sorted text keys (skills, cohorts) found in the goals' trainings.
  std::map<std::string, std::uint32_t> text_rows;
  const auto text_row = [&](const std::string &key) {
    return text_rows.emplace(key, static_cast<std::uint32_t>(text_rows.size())).first->second;
  };
  std::vector<std::uint32_t> department;  // per team
  if (by == RollupBy::department) {
    // A team's department is its ancestor at department_depth (roots are at
    // depth 0); a team above that depth is its own department.
    department.resize(t.teams.size());
    std::vector<std::uint32_t> path;
    for (std::uint32_t team = 0; team < t.teams.size(); ++team) {
      path.clear();
      tree.up_from(team, [&](std::uint32_t above) { path.push_back(above); });
      const auto depth = path.size() - 1;
      const auto level = std::min<std::size_t>(depth, options.department_depth);
      department[team] = path[depth - level];
    }
  }

  // The tallies per person, owning team or training, added into the rows
  // each of those counts in.
  DictionaryWords keys;
  const GoalTally *from = nullptr;                  // the tally a row set is added from
  std::vector<std::vector<std::uint32_t>> rows_of;  // per entry of `from`
  switch (by) {
    case RollupBy::person:
      keys = links->person_id;
      from = &tally.by_person;
      break;
    case RollupBy::team:
      keys.reserve(t.teams.size());
      for (const auto &team : t.teams.rows)
        keys.push_back(team.id);
      from = &tally.by_team;
      rows_of.resize(t.teams.size());
      for (std::uint32_t team = 0; team < t.teams.size(); ++team)
        tree.up_from(team, [&](std::uint32_t above) { rows_of[team].push_back(above); });
      break;
    case RollupBy::department: {
      std::vector<std::uint32_t> department_row(t.teams.size(), detail::no_entity);
      for (std::uint32_t team = 0; team < t.teams.size(); ++team) {
        if (department[team] != team) continue;
        department_row[team] = static_cast<std::uint32_t>(keys.size());
        keys.push_back(t.teams.rows[team].id);
      }
      from = &tally.by_team;
      rows_of.resize(t.teams.size());
      for (std::uint32_t team = 0; team < t.teams.size(); ++team)
        rows_of[team].push_back(department_row[department[team]]);
      break;
    }
    case RollupBy::training:
      for (const auto &tr : t.trainings.rows)
        keys.push_back(tr.id);
      from = &tally.by_training;
      break;
    case RollupBy::skill:
    case RollupBy::cohort: {
      from = &tally.by_training;
      rows_of.resize(t.trainings.size());
      for (std::uint32_t ti = 0; ti < t.trainings.size(); ++ti) {
        if (tally.by_training.goals[ti] == 0) continue;  // keys come from goals' trainings
        const auto &training = t.trainings.rows[ti];
        if (by == RollupBy::skill) {
          for (const auto &skill : training.skills)
            rows_of[ti].push_back(text_row(skill));
        } else {
          rows_of[ti].push_back(text_row(detail::cohort_of(training.end)));
        }
      }
      // Text keys get their rows in name order.
      std::vector<std::uint32_t> renumber(text_rows.size());
      std::uint32_t next = 0;
      for (const auto &[key, row] : text_rows) {
        keys.push_back(key);
        renumber[row] = next++;
      }
      for (auto &rows : rows_of)
        for (auto &row : rows)
          row = renumber[row];
      break;
    }
  }

  const std::size_t n = keys.size();
  GoalTally sum(rows_of.empty() ? *from : GoalTally(n));
  if (!rows_of.empty()) {
    for (std::size_t i = 0; i < rows_of.size(); ++i) {
      if (from->goals[i] == 0) continue;
      for (const auto row : rows_of[i])
        sum.add(row, *from, i);
    }
  }
  auto &goals = sum.goals;
  auto &measured = sum.measured;
  auto &by_status = sum.by_status;
  auto &progress_sum = sum.progress;
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
