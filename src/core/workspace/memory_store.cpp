// The in-memory store (memory_store.hpp): the last committed state as a
// snapshot, shared by its holders.
#include "workspace/memory_store.hpp"

#include <mutex>

namespace levande::detail {

struct MemoryStore::Shared {
  mutable std::mutex mutex;
  Tables tables;
  std::vector<AuditRecord> audit;
  std::uint64_t sequence = 0;
};

MemoryStore::MemoryStore() : shared_(std::make_shared<Shared>()) {}

MemoryStore::MemoryStore(std::shared_ptr<Shared> shared) : shared_(std::move(shared)) {}

std::unique_ptr<MemoryStore> MemoryStore::connect() const {
  return std::unique_ptr<MemoryStore>(new MemoryStore(shared_));
}

std::uint64_t MemoryStore::committed() const {
  std::lock_guard lock(shared_->mutex);
  return shared_->sequence;
}

void MemoryStore::load(Tables &tables, std::vector<AuditRecord> &audit) {
  std::lock_guard lock(shared_->mutex);
  tables = shared_->tables;
  tables.generation = tables.catalog_generation = next_generation();  // a new state
  audit = shared_->audit;
  seen_ = shared_->sequence;
}

void MemoryStore::commit(const Tables &after, const std::vector<AuditRecord> &audit,
                         bool replace_audit, bool wrote) {
  std::lock_guard lock(shared_->mutex);
  if (seen_ != shared_->sequence) {
    throw Error(Errc::conflict, "store", location_,
                "was changed by another holder since it was loaded (write " +
                    std::to_string(shared_->sequence) + ", this one saw " + std::to_string(seen_) +
                    "); reload() and write again");
  }
  if (fail_) {
    const Error error = *fail_;
    fail_.reset();
    throw error;
  }
  if (!wrote) return;
  shared_->tables = after;
  if (replace_audit) shared_->audit.clear();
  shared_->audit.insert(shared_->audit.end(), audit.begin(), audit.end());
  seen_ = ++shared_->sequence;
}

void MemoryStore::write(const Tables &after, const std::vector<Change> &changes,
                        const std::vector<AuditRecord> &audit) {
  commit(after, audit, false, !changes.empty() || !audit.empty());
}

void MemoryStore::append_log(const Tables &tables, Kind, std::size_t) {
  commit(tables, {}, false);
}

void MemoryStore::write_all(const Tables &tables, const std::vector<AuditRecord> &audit) {
  commit(tables, audit, true);
}

}  // namespace levande::detail
