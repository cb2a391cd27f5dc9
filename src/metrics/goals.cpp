// Goal progress, forecast and status as of a date (docs/metrics.md).
#include <cmath>
#include <limits>
#include <numeric>

#include "levande/error.hpp"
#include "levande/metrics.hpp"
#include "metrics/groups.hpp"
#include "workspace/impl.hpp"
#include "workspace/links.hpp"

namespace levande {

const char *to_string(GoalStatus status) noexcept {
  switch (status) {
    case GoalStatus::no_data:
      return "no_data";
    case GoalStatus::achieved:
      return "achieved";
    case GoalStatus::on_track:
      return "on_track";
    case GoalStatus::at_risk:
      return "at_risk";
    case GoalStatus::off_track:
      return "off_track";
    case GoalStatus::missed:
      return "missed";
  }
  return "unknown";
}

GoalStatusTable goal_status(const Workspace &workspace, Date as_of,
                            const GoalStatusOptions &options) {
  detail::require_date(as_of);
  if (!(options.at_risk_from > 0 && options.at_risk_from < 1)) {
    throw Error(Errc::invalid_argument, "at_risk_from", std::to_string(options.at_risk_from),
                "must be between 0 and 1 (exclusive)");
  }
  const auto &t = workspace.impl().t;
  const auto links = detail::links_of(workspace);
  const auto &log = t.measurements;
  const std::size_t n = t.goals.size();
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();

  // The measurement rows of each goal, in log order (a counting sort by goal).
  std::vector<std::uint32_t> start(n + 1, 0);
  for (std::size_t r = 0; r < log.size(); ++r)
    if (!(as_of < log.date[r])) ++start[log.goal[r] + 1];
  std::partial_sum(start.begin(), start.end(), start.begin());
  std::vector<std::uint32_t> rows(start[n]);
  {
    auto fill = start;
    for (std::size_t r = 0; r < log.size(); ++r)
      if (!(as_of < log.date[r])) rows[fill[log.goal[r]]++] = static_cast<std::uint32_t>(r);
  }

  GoalStatusTable out;
  out.current.assign(n, nan);
  out.measured.assign(n, Date::min());
  out.count.assign(n, 0);
  out.progress.assign(n, nan);
  out.forecast.assign(n, nan);
  out.forecast_progress.assign(n, nan);
  out.status.assign(n, GoalStatus::no_data);

  for (std::size_t g = 0; g < n; ++g) {
    const auto &goal = t.goals.rows[g];
    const std::uint32_t first = start[g], last = start[g + 1];
    out.count[g] = last - first;
    if (first == last) continue;
    const double span = goal.target - goal.baseline;  // never 0 (validated)
    // The latest value; on one day, the one recorded last.
    std::uint32_t latest = rows[first];
    for (auto i = first + 1; i < last; ++i)
      if (!(log.date[rows[i]] < log.date[latest])) latest = rows[i];
    const double current = log.value[latest];
    out.current[g] = current;
    out.measured[g] = log.date[latest];
    const double progress = (current - goal.baseline) / span;
    out.progress[g] = progress;

    // Least squares through (plan created, baseline) and the measurements;
    // days are counted from the plan's creation, means first for accuracy.
    const Date origin = t.action_plans.rows[links->goal_plan[g]].created;
    const double points = static_cast<double>(last - first + 1);
    double mean_t = 0, mean_v = goal.baseline;
    for (auto i = first; i < last; ++i) {
      mean_t += log.date[rows[i]].days() - origin.days();
      mean_v += log.value[rows[i]];
    }
    mean_t /= points;
    mean_v /= points;
    double sxx = (0 - mean_t) * (0 - mean_t);
    double sxy = (0 - mean_t) * (goal.baseline - mean_v);
    for (auto i = first; i < last; ++i) {
      const double dt = (log.date[rows[i]].days() - origin.days()) - mean_t;
      sxx += dt * dt;
      sxy += dt * (log.value[rows[i]] - mean_v);
    }
    double outlook = progress;  // with all points on one day there is no trend
    if (sxx > 0) {
      const double forecast =
          mean_v + sxy / sxx * ((goal.deadline.days() - origin.days()) - mean_t);
      out.forecast[g] = forecast;
      out.forecast_progress[g] = outlook = (forecast - goal.baseline) / span;
    }
    if (progress >= 1)
      out.status[g] = GoalStatus::achieved;
    else if (goal.deadline < as_of)
      out.status[g] = GoalStatus::missed;
    else if (outlook >= 1)
      out.status[g] = GoalStatus::on_track;
    else if (outlook >= options.at_risk_from)
      out.status[g] = GoalStatus::at_risk;
    else
      out.status[g] = GoalStatus::off_track;
  }
  return out;
}

Table to_table(const Workspace &workspace, GoalStatusTable goals) {
  const auto n = goals.size();
  if (n != workspace.size(Kind::goal)) {
    throw Error(Errc::invalid_argument, "goals", std::to_string(n),
                "rows differ from the workspace's " + std::to_string(workspace.size(Kind::goal)) +
                    " goals");
  }
  Table t;
  DictionaryColumn ids;
  ids.codes.resize(n);
  std::iota(ids.codes.begin(), ids.codes.end(), 0);
  ids.words.reserve(n);
  for (const auto &g : workspace.impl().t.goals.rows)
    ids.words.push_back(g.id);
  t.add("goal", std::move(ids));
  t.add("current", std::move(goals.current));
  t.add("measured", std::move(goals.measured));
  t.add("count", std::move(goals.count));
  t.add("progress", std::move(goals.progress));
  t.add("forecast", std::move(goals.forecast));
  t.add("forecast_progress", std::move(goals.forecast_progress));
  DictionaryColumn status;
  status.codes.reserve(n);
  for (auto s : goals.status)
    status.codes.push_back(static_cast<std::int32_t>(s));
  for (std::size_t s = 0; s < goal_status_count; ++s)
    status.words.emplace_back(to_string(static_cast<GoalStatus>(s)));
  t.add("status", std::move(status));
  return t;
}

}  // namespace levande
