// The workspace's writing entry points for the importers and the scheduler
// (access.hpp): each runs one transaction of the workspace's own.
#include "workspace/access.hpp"

#include <algorithm>

#include "levande/error.hpp"
#include "workspace/impl.hpp"
#include "workspace/store.hpp"
#include "workspace/txn.hpp"

namespace levande::detail {

void WorkspaceAccess::apply(Workspace &workspace, const Batch &batch,
                            std::vector<AuditRecord> audit, const Settings *settings) {
  live_impl(workspace.impl_).apply(batch, std::move(audit), settings);
}

std::size_t WorkspaceAccess::add_each(
    Workspace &workspace, std::size_t count, const std::function<Entity(std::size_t)> &make,
    const std::function<void(std::size_t, const Error &)> &on_error, bool check_invitations) {
  auto &impl = live_impl(workspace.impl_);
  std::vector<char> excluded(count, 0);
  // Add all items, then check references once all are in. An item failing
  // the second pass is excluded and the whole run starts again without it:
  // what it added may be what a later item's check relied on.
  for (;;) {
    auto txn = impl.begin();
    std::vector<std::pair<std::size_t, std::size_t>> touched(count), responses(count);
    for (std::size_t i = 0; i < count; ++i) {
      if (excluded[i]) continue;
      const auto m = txn.mark();
      try {
        txn.add(make(i));
      } catch (const Error &e) {
        txn.rollback_to(m);
        on_error(i, e);
        excluded[i] = 1;
        continue;
      }
      touched[i] = {m.touched, txn.touched_count()};
      responses[i] = {m.responses, txn.responses_count()};
    }
    bool again = false;
    for (std::size_t i = 0; i < count; ++i) {
      if (excluded[i]) continue;
      try {
        txn.check_touched(touched[i].first, touched[i].second);
        if (check_invitations) txn.check_invitations(responses[i].first, responses[i].second);
      } catch (const Error &e) {
        on_error(i, e);
        excluded[i] = 1;
        again = true;
      }
    }
    if (again) continue;
    impl.commit(txn);
    return static_cast<std::size_t>(std::count(excluded.begin(), excluded.end(), 0));
  }
}

void WorkspaceAccess::apply_planned(Workspace &workspace, std::uint64_t planned_on,
                                    const CheckInKeyColumns &remove, const Batch &records,
                                    const CheckInKeyColumns &add) {
  auto &impl = live_impl(workspace.impl_);
  if (planned_on != 0 && planned_on != impl.t.generation) {
    throw Error(Errc::constraint, "schedule", std::to_string(planned_on),
                "was planned on an earlier state of the workspace (it has been written to "
                "since); plan again and apply the new schedule");
  }
  auto txn = impl.begin();
  std::vector<Key> keys;
  keys.reserve(remove.plan.size());
  for (std::size_t i = 0; i < remove.plan.size(); ++i)
    keys.emplace_back(Kind::check_in, remove.plan_ids[remove.plan[i]],
                      remove.scheduled[i].to_string());
  txn.remove(keys, false);
  for (const auto &op : records.ops())
    txn.run(op);
  for (std::size_t i = 0; i < add.plan.size(); ++i) {
    CheckIn c;
    c.plan = add.plan_ids[add.plan[i]];
    c.scheduled = add.scheduled[i];
    txn.add(c);
  }
  txn.finish();
  impl.commit(txn);
}

void WorkspaceAccess::set_audit(Workspace &workspace, std::vector<AuditRecord> audit) {
  live_impl(workspace.impl_).audit = std::move(audit);
}

void WorkspaceAccess::set_stored_settings(Workspace &workspace, const Settings &settings) {
  live_impl(workspace.impl_).t.settings = settings;
}

Workspace WorkspaceAccess::open(std::unique_ptr<Store> store) {
  Workspace ws;
  auto &impl = live_impl(ws.impl_);
  store->load(impl.t, impl.audit);
  impl.store = std::move(store);
  return ws;
}

}  // namespace levande::detail
