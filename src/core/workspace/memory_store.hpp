// A store in this process's memory. Each holder (a MemoryStore object) is
// like one connection to a database: connect() gives another holder of the
// same store, so tests can run several workspaces on one store the way
// several processes share one database file, and check what the workspace
// promises for any store: all-or-nothing writes, a stale writer refused,
// the sequence of committed writes, and failures at the next write.
#ifndef LEVANDE_SRC_CORE_WORKSPACE_MEMORY_STORE_HPP
#define LEVANDE_SRC_CORE_WORKSPACE_MEMORY_STORE_HPP

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "levande/error.hpp"
#include "workspace/store.hpp"

namespace levande::detail {

class MemoryStore final : public Store {
 public:
  // A new, empty store.
  MemoryStore();
  // Another holder of the same store; it has seen nothing yet (load() first).
  std::unique_ptr<MemoryStore> connect() const;
  // The next write, append or write_all of this holder throws `error` and
  // changes nothing.
  void fail_next_write(Error error) { fail_ = std::move(error); }
  // Committed writes and appends so far, by every holder.
  std::uint64_t committed() const;

  const std::string &location() const noexcept override { return location_; }
  // The changes tell a batch that changed something from one that did not.
  bool wants_changes() const noexcept override { return true; }
  std::uint64_t sequence() const noexcept override { return seen_; }
  std::int32_t schema_version() const noexcept override { return Workspace::schema_version; }
  void load(Tables &tables, std::vector<AuditRecord> &audit) override;
  void write(const Tables &after, const std::vector<Change> &changes,
             const std::vector<AuditRecord> &audit) override;
  void append_log(const Tables &tables, Kind kind, std::size_t from) override;
  void write_all(const Tables &tables, const std::vector<AuditRecord> &audit) override;
  void scrub() override {}

 private:
  struct Shared;
  explicit MemoryStore(std::shared_ptr<Shared> shared);
  // Refuses a holder that has not seen the latest write, then commits
  // (`wrote`: false for a batch that changed nothing, which is not counted).
  void commit(const Tables &after, const std::vector<AuditRecord> &audit, bool replace_audit,
              bool wrote = true);

  std::shared_ptr<Shared> shared_;
  std::uint64_t seen_ = 0;
  std::optional<Error> fail_;
  std::string location_ = "memory";
};

}  // namespace levande::detail

#endif
