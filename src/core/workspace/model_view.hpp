// A read-only view of a workspace for the rest of the core (planning,
// metrics, reports) and for the io layer's writers: the tables, the links
// between them and the generation they are at. Only the workspace writes.
#ifndef LEVANDE_SRC_CORE_WORKSPACE_MODEL_VIEW_HPP
#define LEVANDE_SRC_CORE_WORKSPACE_MODEL_VIEW_HPP

#include <cstdint>
#include <memory>
#include <vector>

#include "levande/workspace.hpp"
#include "workspace/tables.hpp"

namespace levande::detail {

struct Links;

// Valid while the workspace lives and is not written to (a view taken
// before a write sees the new state; what it returned before may dangle).
// Safe to use from many threads at once, as const workspace members are.
class ModelView {
 public:
  explicit ModelView(const Workspace &workspace) noexcept;

  const Tables &tables() const noexcept;
  const std::vector<AuditRecord> &audit() const noexcept;
  // Changes with every committed write (Tables::generation).
  std::uint64_t generation() const noexcept;
  // The references as dense indices for the current catalogues, built on
  // first use and shared until the next batch (workspace/links.hpp).
  std::shared_ptr<const Links> links() const;

 private:
  const Workspace::Impl *impl_;
};

}  // namespace levande::detail

#endif
