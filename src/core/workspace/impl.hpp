// The private state of a Workspace and the change list a batch hands to the
// database.
#ifndef LEVANDE_SRC_CORE_WORKSPACE_IMPL_HPP
#define LEVANDE_SRC_CORE_WORKSPACE_IMPL_HPP

#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "levande/workspace.hpp"
#include "workspace/tables.hpp"

namespace levande::detail {

struct Links;

// One primitive change, in the order a batch made it; the store replays them.
struct Change {
  enum class Type : std::uint8_t { insert, update, erase, rename };
  Type type = Type::insert;
  Kind kind = Kind::person;
  Entity entity;  // insert / update: the new value
  // erase: the rows whose columns equal these values;
  // rename: {"id", old}, {"to", new}
  std::vector<std::pair<std::string, std::string>> where;
};

class SqliteStore;
class Txn;

// Converts between the public struct of a log kind and its column row.
MeasurementLog::Raw to_raw(const Tables &t, const Measurement &m);
CheckInLog::Raw to_raw(Tables &t, const CheckIn &c);
ResponseLog::Raw to_raw(Tables &t, const Response &r);
ActivityLog::Raw to_raw(const Tables &t, const Activity &a);
Measurement log_row(const Tables &t, const MeasurementLog &log, std::size_t i);
CheckIn log_row(const Tables &t, const CheckInLog &log, std::size_t i);
Response log_row(const Tables &t, const ResponseLog &log, std::size_t i);
Activity log_row(const Tables &t, const ActivityLog &log, std::size_t i);

// Rows of a log kind that a key selects: at most one for check-ins and
// responses, every record of the day for measurements and activities.
// Throws Errc::parse_error / invalid_date for a second part that is not a date.
std::vector<std::uint32_t> log_rows_for_key(const Tables &t, const Key &key);

// "people[e17]" or "check_ins[plan=p1, scheduled=2026-03-02]": how errors name an entity.
template <class T>
std::string entity_path(const T &e);

// Applies the field and single-entity rules; throws naming the entity and field.
template <class T>
void check_entity(const T &e);

}  // namespace levande::detail

namespace levande {

struct Workspace::Impl {
  detail::Tables t;
  std::vector<AuditRecord> audit;
  std::string path;
  std::unique_ptr<detail::SqliteStore> store;
  // The catalogues' references as dense indices, built on first use after a
  // change (metrics/links.hpp); the mutex lets const readers share it.
  mutable std::mutex links_mutex;
  mutable std::shared_ptr<const detail::Links> links;

  Impl();
  ~Impl();
  // Applies `batch` (plus audit records) as one all-or-nothing unit.
  void apply(const Batch &batch, std::vector<AuditRecord> new_audit = {});
  // Writes a finished transaction to the database (if any) and keeps it.
  void commit(detail::Txn &txn, std::vector<AuditRecord> new_audit = {});
};

}  // namespace levande

#endif
