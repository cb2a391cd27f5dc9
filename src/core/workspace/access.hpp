// The workspace's writing entry points for the rest of the library beside
// Workspace::apply(): the importers of the io layer and the scheduler use
// them, so that only the workspace runs transactions and talks to its store.
#ifndef LEVANDE_SRC_CORE_WORKSPACE_ACCESS_HPP
#define LEVANDE_SRC_CORE_WORKSPACE_ACCESS_HPP

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "levande/error.hpp"
#include "levande/workspace.hpp"

namespace levande::detail {

class Store;

// Check-ins named by key, column-wise: check-in i is (plan_ids[plan[i]], scheduled[i]).
struct CheckInKeyColumns {
  std::span<const std::string> plan_ids;
  std::span<const std::uint32_t> plan;
  std::span<const Date> scheduled;
};

struct WorkspaceAccess {
  // Workspace::apply() that also appends `audit` (a document's audit log)
  // and, first, changes the settings (a document's settings) when given.
  static void apply(Workspace &workspace, const Batch &batch, std::vector<AuditRecord> audit,
                    const Settings *settings = nullptr);

  // Adds items 0..count-1 in one transaction, each made by make(i) and added
  // as a unit of its own; references are checked once all are in, so an
  // item may refer to a later one. For a failing item (make() or its
  // checks threw), on_error(i, error) either throws, and nothing is added,
  // or returns, and the item is left out while the others are added.
  // make(i) may be called more than once for an item. Returns how many
  // were added.
  // `check_invitations` false: responses are not checked against who their
  // session invites (the checker keeps responses recorded before that rule).
  static std::size_t add_each(Workspace &workspace, std::size_t count,
                              const std::function<Entity(std::size_t)> &make,
                              const std::function<void(std::size_t, const Error &)> &on_error,
                              bool check_invitations = true);

  // Replaces the workspace's audit trail (the checker carries it over).
  static void set_audit(Workspace &workspace, std::vector<AuditRecord> audit);
  // Sets the settings as a store read them, unchecked (a repaired file keeps
  // a language this build has no catalogue for); for in-memory workspaces.
  static void set_stored_settings(Workspace &workspace, const Settings &settings);

  // Writes a schedule's changes in one transaction: the check-ins `remove`,
  // then `records`, then the new check-ins `add`. Refused with
  // Errc::constraint when the workspace is no longer at the generation
  // `planned_on` the schedule was computed from (0: changes built by hand,
  // not checked).
  static void apply_planned(Workspace &workspace, std::uint64_t planned_on,
                            const CheckInKeyColumns &remove, const Batch &records,
                            const CheckInKeyColumns &add);

  // A workspace over `store`, loaded from it (Workspace::open() with a store
  // of the caller's choice).
  static Workspace open(std::unique_ptr<Store> store);
};

}  // namespace levande::detail

#endif
