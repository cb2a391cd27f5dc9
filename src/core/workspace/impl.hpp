// The private state of a Workspace. Only the workspace's own files include
// this; the rest of the library reads through detail::ModelView and writes
// through detail::WorkspaceAccess.
#ifndef LEVANDE_SRC_CORE_WORKSPACE_IMPL_HPP
#define LEVANDE_SRC_CORE_WORKSPACE_IMPL_HPP

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "levande/workspace.hpp"
#include "workspace/store.hpp"
#include "workspace/tables.hpp"

namespace levande::detail {
struct Links;
class Txn;
}  // namespace levande::detail

namespace levande {

struct LEVANDE_LOCAL Workspace::Impl {
  detail::Tables t;
  std::vector<AuditRecord> audit;
  std::unique_ptr<detail::Store> store;  // none for a workspace held in memory only
  // The catalogues' references as dense indices, built on first use after a
  // change (workspace/links.hpp); the mutex lets const readers share it.
  mutable std::mutex links_mutex;
  mutable std::shared_ptr<const detail::Links> links;

  Impl();
  ~Impl();
  // A transaction over the tables that records changes when the store wants them.
  detail::Txn begin();
  // Applies `batch` (plus audit records, and first the settings when given)
  // as one all-or-nothing unit.
  void apply(const Batch &batch, std::vector<AuditRecord> new_audit = {},
             const Settings *settings = nullptr);
  // Writes a finished transaction to the store (if any) and keeps it.
  void commit(detail::Txn &txn, std::vector<AuditRecord> new_audit = {});
};

// A moved-from workspace holds no Impl, because a move must not allocate
// (it is noexcept): it reads as an empty in-memory workspace and gets an
// Impl of its own on its first write. Templates, so that the private type
// need not be named.
template <class Impl>
Impl &live_impl(std::unique_ptr<Impl> &impl) {
  if (!impl) impl = std::make_unique<Impl>();
  return *impl;
}
template <class Impl>
const Impl &live_impl(const std::unique_ptr<Impl> &impl) noexcept {
  static const Impl empty;
  return impl ? *impl : empty;
}

}  // namespace levande

#endif
