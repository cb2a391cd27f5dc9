// The SQLite database behind a workspace: one table per kind, created from
// the field descriptors, written one transaction per batch.
#ifndef LEVANDE_SRC_IO_SQLITE_SQLITE_STORE_HPP
#define LEVANDE_SRC_IO_SQLITE_SQLITE_STORE_HPP

#include <cstdint>
#include <string>
#include <vector>

#include "workspace/impl.hpp"

struct sqlite3;

namespace levande::detail {

class SqliteStore {
 public:
  // Opens or creates the database and brings its schema up to date.
  SqliteStore(const std::string &path, const OpenOptions &options);
  ~SqliteStore();
  SqliteStore(const SqliteStore &) = delete;
  SqliteStore &operator=(const SqliteStore &) = delete;

  // Reads every table from one snapshot into empty `tables`.
  void load(Tables &tables, std::vector<AuditRecord> &audit);
  // Replays `changes` and appends `audit` in one transaction.
  void write(const std::vector<Change> &changes, const std::vector<AuditRecord> &audit);
  // Inserts rows [from, size) of a log table in one transaction.
  void append_log(const Tables &tables, Kind kind, std::size_t from);
  // Writes everything (into an empty database) in one transaction.
  void write_all(const Tables &tables, const std::vector<AuditRecord> &audit);
  // Leaves no freed content in the file: checkpoint the WAL, VACUUM, truncate the WAL.
  void scrub();

 private:
  void exec(const std::string &sql);
  // BEGIN IMMEDIATE, refuse if another connection wrote since the load,
  // run `body`, COMMIT; ROLLBACK and rethrow on any error.
  template <class Body>
  void write_transaction(Body &&body);
  std::int64_t data_version();
  void create_schema();
  void migrate(std::int32_t from);

  sqlite3 *db_ = nullptr;
  std::string path_;
  bool read_only_ = false;
  std::int64_t seen_version_ = -1;
};

}  // namespace levande::detail

#endif
