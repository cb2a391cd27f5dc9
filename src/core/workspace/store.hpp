// The storage port: where a workspace keeps its entities between runs. The
// workspace talks to this interface only; the io layer implements it (the
// SQLite store) and so does the core's in-memory store for tests.
//
// A store may be remote and shared: several workspaces (processes, app
// servers) may hold the same store. Each write therefore states what it
// changes (a list of primitive changes, in order), and a store refuses a
// writer whose view is older than the store's latest committed write.
#ifndef LEVANDE_SRC_CORE_WORKSPACE_STORE_HPP
#define LEVANDE_SRC_CORE_WORKSPACE_STORE_HPP

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "levande/workspace.hpp"
#include "workspace/tables.hpp"

namespace levande::detail {

// One primitive change, in the order a batch made it; a store replays them.
struct Change {
  enum class Type : std::uint8_t { insert, update, erase, rename, settings };
  Type type = Type::insert;
  Kind kind = Kind::person;  // not used by settings
  Entity entity;             // insert / update: the new value
  // erase: the rows whose columns equal these values;
  // rename: {"id", old}, {"to", new};
  // settings: every setting's name and new value ({"language", "sv"}, ...)
  std::vector<std::pair<std::string, std::string>> where;
};

// Every member may throw Error; a failed write leaves the store as it was,
// and the workspace then rolls its own tables back.
class Store {
 public:
  virtual ~Store() = default;

  // Where the store lives, as it was opened (a file path, ":memory:").
  virtual const std::string &location() const noexcept = 0;
  // Whether write() needs the list of changes. A store that keeps whole
  // snapshots does not, and the workspace then skips recording them (the
  // list holds a copy of every record a batch touches).
  virtual bool wants_changes() const noexcept = 0;
  // The number of the latest committed write this store's holder has seen
  // (loaded or written itself); grows by one with every committed write,
  // whoever made it. 0 for an empty store.
  virtual std::uint64_t sequence() const noexcept = 0;
  // The schema version of what the store holds: Workspace::schema_version
  // once opened (older stores are migrated on opening, newer ones refused).
  virtual std::int32_t schema_version() const noexcept = 0;

  // Reads everything, from one consistent snapshot, into empty tables.
  virtual void load(Tables &tables, std::vector<AuditRecord> &audit) = 0;
  // Makes one batch durable, all of it or nothing. `after` is the workspace
  // as it will be once the batch is committed; `changes` what the batch did
  // (empty unless wants_changes()); `audit` the audit records it adds. A
  // batch without changes or audit records is refused as any write would
  // be, but is no committed write: the sequence stays.
  // Throws Errc::conflict when another holder wrote since this one's last
  // load or write (the caller reloads and tries again), Errc::misuse when
  // the store was opened read-only.
  virtual void write(const Tables &after, const std::vector<Change> &changes,
                     const std::vector<AuditRecord> &audit) = 0;
  // Makes rows [from, size) of a log kind durable, all or nothing; the same
  // refusals as write().
  virtual void append_log(const Tables &tables, Kind kind, std::size_t from) = 0;
  // Writes a whole workspace into this new, empty store.
  virtual void write_all(const Tables &tables, const std::vector<AuditRecord> &audit) = 0;
  // Leaves no copy of deleted content behind (SQLite: checkpoint, VACUUM).
  // Throws Errc::io_error when other holders keep it from finishing.
  virtual void scrub() = 0;
};

// The store at `location`, opened (and brought up to the current schema);
// which implementation serves it follows from the location. Provided by the
// io layer (src/io/stores.cpp): the core only declares it.
std::unique_ptr<Store> open_store(const std::string &location, const OpenOptions &options);

// A new, empty store at `location` for a whole workspace (save_as).
// Throws Errc::already_exists when something is there already.
std::unique_ptr<Store> create_store(const std::string &location);

}  // namespace levande::detail

#endif
