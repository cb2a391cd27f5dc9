// plan_follow_up(): events of the six steps from the policies, rolled onto
// each person's days, levelled, and diffed against the records that exist
// (the parts of a run: schedule/planner.hpp).
#include "levande/schedule.hpp"
#include "schedule/planner.hpp"
#include "workspace/model_view.hpp"

namespace levande {
namespace planning {

Schedule Planner::run() {
  const auto &t = t_;
  resolve_policies();
  build_indexes();
  const auto &links = *links_;
  // About six series and twenty events per participation (policy defaults).
  table_.series_list.reserve(t.participations.size() * 6 + t.trainings.size() * 4 + 16);
  rows_on_.assign(static_cast<std::size_t>(o_.until.days() - o_.as_of.days() + 1), 0);
  // Shared events first: they are the anchors of each person's levelling.
  for (std::size_t ti = 0; ti < t.trainings.size(); ++ti)
    if (followed(static_cast<std::uint32_t>(ti))) {
      shared_training_events(static_cast<std::uint32_t>(ti));
      ambassador_sessions(static_cast<std::uint32_t>(ti));
    }
  for (std::size_t i = 0; i < t.action_plans.size(); ++i) {
    const auto ti = links.plan_training[i];
    if (links.plan_team[i] == no_index || ti == no_index) continue;
    if (!t.trainings.rows[ti].cancelled)
      follow_team_plan(static_cast<std::uint32_t>(i), policy_of_training_[ti]);
  }
  team_events();
  anchors_by_person_ = Csr::build(t.people.size(), anchors_.size(),
                                  [&](std::size_t i) { return anchors_[i].person; });
  // Then person by person, in workspace order (the manager limit depends on it).
  leveller_.reserve_manager_days(t.people.size() * 8);
  for (std::size_t p = 0; p < t.people.size(); ++p)
    follow_person(static_cast<std::uint32_t>(p));
  anchors_ = {};
  pending_ = {};
  level_events_ = {};

  Schedule out;
  diff_into(out);
  emit(out);
  return out;
}

}  // namespace planning

Schedule plan_follow_up(const Workspace &workspace, const ScheduleOptions &options) {
  planning::check_options(workspace, options);
  planning::Planner planner(workspace, options);
  Schedule schedule = planner.run();
  schedule.changes.generation = detail::ModelView(workspace).generation();
  return schedule;
}

}  // namespace levande
