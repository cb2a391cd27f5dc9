// Goal progress, forecast and status as of a date (docs/metrics.md); the
// computation is Basis::goal_status() (basis.cpp).
#include <numeric>

#include "levande/error.hpp"
#include "levande/metrics.hpp"
#include "metrics/basis.hpp"
#include "metrics/groups.hpp"
#include "workspace/links.hpp"
#include "workspace/model_view.hpp"

namespace levande {

GoalStatusTable goal_status(const Workspace &workspace, Date as_of,
                            const GoalStatusOptions &options) {
  detail::Basis basis(workspace, as_of);
  return basis.take_goal_status(options);
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
  ids.words = detail::ModelView(workspace).links()->goal_id;
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
