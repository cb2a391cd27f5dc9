// The SQLite store (the embedded default): one table per kind, created from
// the field descriptors, one transaction per batch, WAL so that other
// processes read while one writes.
#ifndef LEVANDE_SRC_IO_SQLITE_SQLITE_STORE_HPP
#define LEVANDE_SRC_IO_SQLITE_SQLITE_STORE_HPP

#include <cstdint>
#include <string>
#include <vector>

#include "levande/io/check.hpp"
#include "workspace/store.hpp"

struct sqlite3;

namespace levande::detail {

// A problem the checker lists: the error, and what a repair does about it.
inline StoredProblem problem(const Error &e, const char *action) {
  return {e.code(), e.field(), e.value(), e.what(), action};
}

// The settings stored in a workspace file, checked as a write checks them:
// Errc::corrupt naming a bad one, or with `bad` it is listed there and
// reads as its default.
Settings read_settings(sqlite3 *db, std::vector<Error> *bad);

class SqliteStore final : public Store {
 public:
  // Opens or creates the database and brings its schema up to date.
  SqliteStore(const std::string &path, const OpenOptions &options);
  ~SqliteStore() override;
  SqliteStore(const SqliteStore &) = delete;
  SqliteStore &operator=(const SqliteStore &) = delete;

  const std::string &location() const noexcept override { return path_; }
  bool wants_changes() const noexcept override { return true; }
  std::uint64_t sequence() const noexcept override { return sequence_; }
  std::int32_t schema_version() const noexcept override { return schema_version_; }
  void load(Tables &tables, std::vector<AuditRecord> &audit) override;
  void write(const Tables &after, const std::vector<Change> &changes,
             const std::vector<AuditRecord> &audit) override;
  void append_log(const Tables &tables, Kind kind, std::size_t from) override;
  void write_all(const Tables &tables, const std::vector<AuditRecord> &audit) override;
  void scrub() override;

  // For the checker (levande/io/check.hpp, salvage.cpp): every row it can
  // read, as records that each pass the checks of one record; a row that
  // does not is left out and listed in `problems`.
  // Returns how many rows it saw.
  std::size_t salvage(std::vector<Entity> &records, std::vector<AuditRecord> &audit,
                      Settings &settings, std::vector<StoredProblem> &problems);
  // SQLite's own check of the file's structure: its findings, none when sound.
  std::vector<std::string> integrity_check();

 private:
  void exec(const std::string &sql);
  // BEGIN IMMEDIATE, refuse if another connection wrote since the load,
  // run `body` (true when it wrote something), count a write in the
  // sequence, COMMIT; ROLLBACK and rethrow on any error.
  template <class Body>
  void write_transaction(Body &&body);
  std::int64_t data_version();
  std::uint64_t stored_sequence();
  void create_schema();
  void migrate(std::int32_t from);

  sqlite3 *db_ = nullptr;
  std::string path_;
  bool read_only_ = false;
  std::int64_t seen_version_ = -1;
  std::uint64_t sequence_ = 0;
  // SQLite counts its own cache resets after an I/O error as changes in
  // data_version, so after a failure of ours only the sequence tells.
  bool failed_since_seen_ = false;
  std::int32_t schema_version_ = 0;
};

}  // namespace levande::detail

#endif
