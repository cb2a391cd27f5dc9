// Writing a schedule: one transaction for the record changes and the
// check-ins, so a failure leaves the workspace as it was.
#include "levande/error.hpp"
#include "levande/schedule.hpp"
#include "workspace/impl.hpp"
#include "workspace/txn.hpp"

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
  auto &impl = workspace.impl();
  detail::Txn txn(impl.t, impl.store != nullptr);
  std::vector<Key> keys;
  keys.reserve(remove.size());
  for (std::size_t i = 0; i < remove.size(); ++i)
    keys.emplace_back(Kind::check_in, remove.plan_ids[remove.plan[i]],
                      remove.scheduled[i].to_string());
  txn.remove(keys, false);
  for (const auto &op : changes.records.ops())
    txn.run(op);
  for (std::size_t i = 0; i < add.size(); ++i) {
    CheckIn c;
    c.plan = add.plan_ids[add.plan[i]];
    c.scheduled = add.scheduled[i];
    txn.add(c);
  }
  txn.finish();
  impl.commit(txn);
}

Schedule generate_follow_up(Workspace &workspace, const ScheduleOptions &options) {
  Schedule schedule = plan_follow_up(workspace, options);
  apply_schedule(workspace, schedule.changes);
  return schedule;
}

}  // namespace levande
