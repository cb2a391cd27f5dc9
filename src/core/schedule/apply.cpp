// Writing a schedule: the workspace writes the record changes and the
// check-ins as one transaction, so a failure leaves it as it was, and
// refuses a schedule planned on an earlier state of it.
#include "levande/error.hpp"
#include "levande/schedule.hpp"
#include "workspace/access.hpp"

namespace levande {

void apply_schedule(Workspace &workspace, const ScheduleChanges &changes) {
  const auto &add = changes.add_check_ins;
  const auto &remove = changes.remove_check_ins;
  for (const auto *c : {&add, &remove}) {
    const char *field = c == &add ? "add_check_ins" : "remove_check_ins";
    if (c->plan.size() != c->scheduled.size()) {
      throw Error(Errc::invalid_argument, field, std::to_string(c->scheduled.size()),
                  "plan and scheduled columns must have the same length");
    }
    for (auto p : c->plan) {
      if (p >= c->plan_ids.size()) {
        throw Error(Errc::invalid_argument, std::string(field) + ".plan", std::to_string(p),
                    "is not an index into plan_ids");
      }
    }
  }
  auto columns = [](const CheckInChanges &c) {
    return detail::CheckInKeyColumns{c.plan_ids, c.plan, c.scheduled};
  };
  detail::WorkspaceAccess::apply_planned(workspace, changes.generation, columns(remove),
                                         changes.records, columns(add));
}

Schedule generate_follow_up(Workspace &workspace, const ScheduleOptions &options) {
  Schedule schedule = plan_follow_up(workspace, options);
  apply_schedule(workspace, schedule.changes);
  return schedule;
}

}  // namespace levande
