#include "sqlite/sqlite_store.hpp"

#include <algorithm>
#include <optional>

#include <sqlite3.h>

#include "i18n/language.hpp"
#include "levande/error.hpp"
#include "model/validate.hpp"
#include "sqlite/columns.hpp"
#include "workspace/rows.hpp"
#include "workspace/txn.hpp"

namespace levande::detail {

using namespace sqlite;

namespace {
// A setting is a row of levande_meta named "setting.<name>".
void write_setting(sqlite3 *db, const std::string &name, const std::string &value) {
  Stmt up(db,
          "INSERT INTO levande_meta (key, value) VALUES (?, ?) "
          "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  bind_text(up.get(), 1, "setting." + name, false);
  bind_text(up.get(), 2, value, false);
  up.run();
}

void write_settings(sqlite3 *db, const Settings &s) {
  write_setting(db, "language", s.language);
  write_setting(db, "currency", s.currency);
}

// The settings stored in the file (defaults for what is not there), each
// with the checks a write makes. A bad one throws Errc::corrupt naming it;
// with `bad`, it is listed there and reads as its default instead.
Settings read_settings_checked(sqlite3 *db, std::vector<Error> *bad) {
  Settings s;
  Stmt q(db, "SELECT key, value FROM levande_meta WHERE key LIKE 'setting.%' ORDER BY key");
  while (q.step()) {
    const auto key = column_text(q.get(), 0);
    const auto value = std::string(column_text(q.get(), 1));
    if (key == "setting.language")
      s.language = value;
    else if (key == "setting.currency")
      s.currency = value;
  }
  // A language this build has no catalogue for is kept when it looks like
  // one (a file written by a build with more): texts fall back to English.
  const bool tag = !s.language.empty() && s.language.size() <= 35 &&
                   std::all_of(s.language.begin(), s.language.end(), [](char c) {
                     return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' ||
                            c == '_' || (c >= '0' && c <= '9');
                   });
  const Settings defaults;
  const auto check = [&](Settings one, std::string &field, const std::string &fallback) {
    try {
      checked_settings(one);
    } catch (const Error &e) {
      const Error damaged = e.recoded(Errc::corrupt, "levande_meta: ");
      if (!bad) throw damaged;
      bad->push_back(damaged);
      field = fallback;
    }
  };
  check({tag && !i18n::Language::known(s.language) ? defaults.language : s.language,
         defaults.currency},
        s.language, defaults.language);
  check({defaults.language, s.currency}, s.currency, defaults.currency);
  return s;
}

template <class T>
void insert_rows(sqlite3 *db, const Tables &t, std::size_t from = 0) {
  Stmt ins(db, insert_sql<T>());
  const auto &tab = table_of<T>(t);
  for (std::size_t i = from; i < tab.size(); ++i) {
    if constexpr (has_id<T>)
      bind_all(ins.get(), tab.rows[i]);
    else
      bind_all(ins.get(), log_row(t, tab, i));
    ins.run();
  }
}

template <class T>
void load_rows(sqlite3 *db, Tables &t) {
  auto &tab = table_of<T>(t);
  {
    Stmt count(db, std::string("SELECT count(*) FROM ") + kind_name(Schema<T>::kind));
    count.step();
    tab.reserve(static_cast<std::size_t>(sqlite3_column_int64(count.get(), 0)));
  }
  Stmt sel(db, std::string("SELECT ") + join(column_names<T>(), ",") + " FROM " +
                   kind_name(Schema<T>::kind) + " ORDER BY rowid");
  std::size_t row = 0;
  T e{};  // reused, so its strings keep their buffers from row to row
  while (sel.step()) {
    ++row;
    int c = 0;
    auto where = [&] {
      return std::string(kind_name(Schema<T>::kind)) + " row " + std::to_string(row);
    };
    for_each_field<T>([&](const auto &f) {
      read(sel.get(), c++, e.*(f.member),
           [&] { return where() + " column " + std::string(f.name); });
    });
    // Each row passes the checks a write would make: the file may have
    // been edited by any SQLite tool.
    try {
      check_entity(e);
      if constexpr (has_id<T>) {
        if (tab.find(e.id))
          throw Error(Errc::already_exists, entity_path(e) + ".id", e.id, "is stored twice");
        tab.push(e);
      } else {
        const auto raw = to_raw(t, e);
        if constexpr (std::is_same_v<T, CheckIn> || std::is_same_v<T, Response>) {
          if (tab.key_index().contains(tab.key(std::get<0>(raw), std::get<1>(raw))))
            throw Error(Errc::already_exists, entity_path(e), "", "is stored twice");
        }
        tab.push(raw);
      }
    } catch (const Error &err) {
      throw err.recoded(Errc::corrupt, where() + ": ");
    }
  }
}

// Log tables are deleted from by their references (cascades, erasure), so
// those columns are indexed. Bulk writes drop the indices and build them
// afterwards, which is several times faster than maintaining them per row.
std::string log_indices(bool create) {
  std::string sql;
  for (std::size_t k = 0; k < kind_count; ++k) {
    visit_kind(static_cast<Kind>(k), [&]<class T>() {
      if constexpr (!has_id<T>) {
        const std::string name = kind_name(Schema<T>::kind);
        for_each_field<T>([&](const auto &f) {
          if (!f.ref) return;
          const std::string index = name + "_" + std::string(f.name);
          sql += create ? "CREATE INDEX " + index + " ON " + name + " (\"" + std::string(f.name) +
                              "\");"
                        : "DROP INDEX IF EXISTS " + index + ";";
        });
      }
    });
  }
  return sql;
}

}  // namespace

Settings read_settings(sqlite3 *db, std::vector<Error> *bad) {
  return read_settings_checked(db, bad);
}

SqliteStore::SqliteStore(const std::string &path, const OpenOptions &options)
    : path_(path), read_only_(options.read_only) {
  int flags = SQLITE_OPEN_NOMUTEX;
  flags |= options.read_only ? SQLITE_OPEN_READONLY
                             : SQLITE_OPEN_READWRITE | (options.create ? SQLITE_OPEN_CREATE : 0);
  if (const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr); rc != SQLITE_OK) {
    if (rc == SQLITE_NOMEM) {
      sqlite3_close(db_);
      db_ = nullptr;
      throw std::bad_alloc();
    }
    const std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw Error(Errc::io_error, "path", path, "cannot open the database: " + why);
  }
  try {
    sqlite3_busy_timeout(db_, 10000);
    exec("PRAGMA secure_delete = ON");
    std::int32_t version = 0;
    bool has_tables = false;
    {
      Stmt q(db_, "SELECT count(*) FROM sqlite_master");
      q.step();
      has_tables = sqlite3_column_int(q.get(), 0) > 0;
      Stmt v(db_, "PRAGMA user_version");
      v.step();
      version = sqlite3_column_int(v.get(), 0);
    }
    if (!has_tables) {
      if (read_only_)
        throw Error(Errc::io_error, "path", path, "is an empty database, not a levande workspace");
      if (path != ":memory:") exec("PRAGMA journal_mode = WAL");
      create_schema();
    } else {
      bool ours = false;
      try {
        Stmt m(db_, "SELECT value FROM levande_meta WHERE key = 'format'");
        ours = m.step() && column_text(m.get(), 0) == kFormat;
      } catch (const Error &) {
        ours = false;
      }
      if (!ours)
        throw Error(Errc::io_error, "path", path,
                    "is a SQLite database but not a levande workspace");
      if (version > Workspace::schema_version) {
        throw Error(Errc::unsupported, "schema_version", std::to_string(version),
                    "the database was written by a newer levande (this one reads up to version " +
                        std::to_string(Workspace::schema_version) + ")");
      }
      if (version < Workspace::schema_version) {
        if (read_only_) {
          throw Error(Errc::unsupported, "schema_version", std::to_string(version),
                      "the database needs a migration; open it writable once");
        }
        migrate(version);
      }
      if (!read_only_ && path != ":memory:") exec("PRAGMA journal_mode = WAL");
    }
    // FULL: a commit is on disk when apply() returns, even across a power
    // cut (NORMAL in WAL mode may lose the last commits then).
    exec("PRAGMA synchronous = FULL");
    Stmt v(db_, "PRAGMA user_version");  // what the file holds now, after any migration
    v.step();
    schema_version_ = sqlite3_column_int(v.get(), 0);
  } catch (...) {
    sqlite3_close(db_);
    db_ = nullptr;
    throw;
  }
}

SqliteStore::~SqliteStore() {
  sqlite3_close(db_);
}

void SqliteStore::exec(const std::string &sql) {
  char *message = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string why = message ? message : sqlite3_errmsg(db_);
    sqlite3_free(message);
    if (sqlite3_errcode(db_) == SQLITE_NOMEM) throw std::bad_alloc();
    if (sqlite3_errcode(db_) == SQLITE_NOTADB) {
      throw Error(Errc::io_error, "path", path_, "is not a database file");
    }
    throw Error(Errc::io_error, "database (" + path_ + "): " + why);
  }
}

std::int64_t SqliteStore::data_version() {
  Stmt q(db_, "PRAGMA data_version");
  q.step();
  return sqlite3_column_int64(q.get(), 0);
}

namespace {

template <class T>
std::string table_sql() {
  std::string cols;
  for_each_field<T>([&](const auto &f) {
    using M = std::remove_cvref_t<decltype(std::declval<T>().*(f.member))>;
    if (!cols.empty()) cols += ", ";
    cols += '"' + std::string(f.name) + "\" " + sql_type<M>();
    if (f.name == "id")
      cols += " NOT NULL UNIQUE";
    else if (f.required)
      cols += " NOT NULL";
  });
  return "CREATE TABLE " + std::string(kind_name(Schema<T>::kind)) + " (" + cols + ");";
}

}  // namespace

void SqliteStore::create_schema() {
  std::string sql = "BEGIN;";
  sql += "CREATE TABLE levande_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);";
  sql += std::string("INSERT INTO levande_meta VALUES ('format', '") + kFormat + "');";
  sql +=
      "CREATE TABLE audit_log (date TEXT NOT NULL, action TEXT NOT NULL, subject TEXT NOT NULL, "
      "actor TEXT, reason TEXT);";
  for (std::size_t k = 0; k < kind_count; ++k) {
    visit_kind(static_cast<Kind>(k), [&]<class T>() { sql += table_sql<T>(); });
  }
  sql += log_indices(true);
  sql += "PRAGMA user_version = " + std::to_string(Workspace::schema_version) + ";";
  sql += "COMMIT;";
  exec(sql);
}

void SqliteStore::migrate(std::int32_t from) {
  // Forward migrations, one step per schema version: steps[v - 1] upgrades
  // version v to v + 1. Version 1 is the first released schema.
  // Each step is frozen SQL: later changes to a struct must not change what
  // an old step does.
  static const std::vector<std::string> steps{
      // 1 -> 2: follow-up policies.
      "CREATE TABLE policies (\"id\" TEXT NOT NULL UNIQUE, \"training_kind\" TEXT, "
      "\"plan_due_business_days\" INTEGER, \"check_in_rule\" TEXT, \"check_in_weeks\" INTEGER, "
      "\"assignment_review_days\" INTEGER, \"peer_session_rule\" TEXT, \"peer_session_weeks\" "
      "INTEGER, "
      "\"feedback_offsets_days\" TEXT, \"celebrate_at_plan_end\" INTEGER, \"retention_target\" "
      "REAL, "
      "\"max_interval_days\" INTEGER, \"roll\" TEXT, \"max_events_per_week\" INTEGER, "
      "\"max_events_per_manager_day\" INTEGER, \"tolerance_days\" INTEGER);",
      // 2 -> 3: the policy horizon and review month; absences.
      "ALTER TABLE policies ADD COLUMN \"horizon_days\" INTEGER DEFAULT 365;"
      "ALTER TABLE policies ADD COLUMN \"competence_review_month\" INTEGER DEFAULT 11;"
      "CREATE TABLE absences (\"id\" TEXT NOT NULL UNIQUE, \"person\" TEXT NOT NULL, "
      "\"first\" TEXT NOT NULL, \"last\" TEXT NOT NULL, \"reason\" TEXT);",
      // 3 -> 4: an action plan's due date is when it is agreed, and it may
      // end; whether participants of a team plan get their own; how long
      // check-ins run; feedback sessions open to all; the ambassador's session
      // (a policy setting and a peer session of an ambassador).
      "ALTER TABLE action_plans RENAME COLUMN \"due\" TO \"agreed_by\";"
      "ALTER TABLE action_plans ADD COLUMN \"ends\" TEXT;"
      "ALTER TABLE policies ADD COLUMN \"personal_plans\" TEXT DEFAULT 'unless_team_plan';"
      "ALTER TABLE policies ADD COLUMN \"check_ins_until\" TEXT DEFAULT 'goal_deadline';"
      "ALTER TABLE feedback_sessions ADD COLUMN \"open_to_all\" INTEGER DEFAULT 0;"
      "ALTER TABLE policies ADD COLUMN \"ambassador_session_weeks\" INTEGER DEFAULT 4;"
      // A peer session belongs to a group or an ambassador: the group
      // column loses NOT NULL, which SQLite changes only by a rebuild.
      "CREATE TABLE peer_sessions_v4 (\"id\" TEXT NOT NULL UNIQUE, \"group\" TEXT, "
      "\"ambassador\" TEXT, \"date\" TEXT NOT NULL, \"attendees\" TEXT);"
      "INSERT INTO peer_sessions_v4 (\"id\", \"group\", \"date\", \"attendees\") "
      "SELECT \"id\", \"group\", \"date\", \"attendees\" FROM peer_sessions ORDER BY rowid;"
      "DROP TABLE peer_sessions;"
      "ALTER TABLE peer_sessions_v4 RENAME TO peer_sessions;",
  };
  if (from < 1 || static_cast<std::size_t>(from - 1) + steps.size() <
                      static_cast<std::size_t>(Workspace::schema_version - 1)) {
    throw Error(Errc::unsupported, "schema_version", std::to_string(from),
                "no migration from this schema version");
  }
  exec("BEGIN IMMEDIATE");
  try {
    // Another process may have migrated while this one waited for the lock.
    {
      Stmt v(db_, "PRAGMA user_version");
      v.step();
      from = sqlite3_column_int(v.get(), 0);
    }
    for (auto v = from; v < Workspace::schema_version; ++v)
      exec(steps[static_cast<std::size_t>(v - 1)]);
    exec("PRAGMA user_version = " + std::to_string(Workspace::schema_version));
    exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

void SqliteStore::load(Tables &t, std::vector<AuditRecord> &audit) {
  // One read transaction: in WAL mode every SELECT below sees the same snapshot.
  exec("BEGIN");
  try {
    for (std::size_t k = 0; k < kind_count; ++k) {
      visit_kind(static_cast<Kind>(k), [&]<class T>() { load_rows<T>(db_, t); });
    }
    Stmt a(db_, "SELECT date, action, subject, actor, reason FROM audit_log ORDER BY rowid");
    while (a.step()) {
      AuditRecord r;
      read(a.get(), 0, r.date, [] { return std::string("audit_log date"); });
      r.action = column_text(a.get(), 1);
      r.subject = column_text(a.get(), 2);
      r.actor = column_text(a.get(), 3);
      r.reason = column_text(a.get(), 4);
      audit.push_back(std::move(r));
    }
    t.settings = read_settings_checked(db_, nullptr);
    seen_version_ = data_version();
    failed_since_seen_ = false;
    sequence_ = stored_sequence();
    exec("COMMIT");
  } catch (const Error &e) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    if (e.code() == Errc::corrupt) throw e.recoded(Errc::corrupt, damaged(path_));
    throw;
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
  check_stored(t, path_);
}

std::uint64_t SqliteStore::stored_sequence() {
  // Absent in a new file and in files written before the sequence was kept.
  Stmt q(db_, "SELECT CAST(value AS INTEGER) FROM levande_meta WHERE key = 'sequence'");
  return q.step() ? static_cast<std::uint64_t>(sqlite3_column_int64(q.get(), 0)) : 0;
}

namespace {

// Counts a committed write; run inside its transaction.
constexpr const char *kNextSequence =
    "INSERT INTO levande_meta (key, value) VALUES ('sequence', '1') "
    "ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1";

void write_audit(sqlite3 *db, const std::vector<AuditRecord> &audit) {
  Stmt ins(db, "INSERT INTO audit_log VALUES (?,?,?,?,?)");
  for (const auto &r : audit) {
    bind(ins.get(), 1, r.date);
    bind_text(ins.get(), 2, r.action, false);
    bind_text(ins.get(), 3, r.subject, false);
    bind_text(ins.get(), 4, r.actor, false);
    bind_text(ins.get(), 5, r.reason, false);
    ins.run();
  }
}

template <class T>
void replay_update(sqlite3 *db, const T &e) {
  const auto keys = key_columns<T>();
  std::vector<std::string> sets;
  for_each_field<T>([&](const auto &f) { sets.emplace_back(f.name); });
  std::string where;
  for (const auto &k : keys)
    where += (where.empty() ? "\"" : " AND \"") + k + "\" = ?";
  Stmt up(db, std::string("UPDATE ") + kind_name(Schema<T>::kind) + " SET " +
                  join(sets, ",", " = ?") + " WHERE " + where);
  bind_all(up.get(), e);
  int i = static_cast<int>(sets.size()) + 1;
  for_each_field<T>([&](const auto &f) {
    for (const auto &k : keys) {
      if (k == f.name) bind(up.get(), i++, e.*(f.member));
    }
  });
  up.run();
  if (sqlite3_changes(db) != 1) {
    throw Error(Errc::io_error, std::string("database: ") + entity_path(e) +
                                    " is not stored as loaded; another process changed it");
  }
}

void replay_rename(sqlite3 *db, Kind kind, const std::string &from, const std::string &to) {
  {
    Stmt up(db, std::string("UPDATE ") + kind_name(kind) + " SET id = ? WHERE id = ?");
    bind_text(up.get(), 1, to, false);
    bind_text(up.get(), 2, from, false);
    up.run();
  }
  for (std::size_t k = 0; k < kind_count; ++k) {
    visit_kind(static_cast<Kind>(k), [&]<class T>() {
      for_each_ref<T>([&](const auto &f) {
        if (f.ref != kind) return;
        using M = std::remove_cvref_t<decltype(std::declval<T>().*(f.member))>;
        const std::string table = kind_name(Schema<T>::kind), col = std::string(f.name);
        if constexpr (std::is_same_v<M, std::string>) {
          Stmt up(db, "UPDATE " + table + " SET \"" + col + "\" = ? WHERE \"" + col + "\" = ?");
          bind_text(up.get(), 1, to, false);
          bind_text(up.get(), 2, from, false);
          up.run();
        } else {
          std::vector<std::pair<std::int64_t, std::string>> fixed;
          Stmt sel(db, "SELECT rowid, \"" + col + "\" FROM " + table + " WHERE \"" + col +
                           "\" IS NOT NULL");
          while (sel.step()) {
            std::vector<std::string> list;
            decode_list(column_text(sel.get(), 1), list);
            bool hit = false;
            for (auto &s : list) {
              if (s == from) {
                s = to;
                hit = true;
              }
            }
            if (hit) fixed.emplace_back(sqlite3_column_int64(sel.get(), 0), encode_list(list));
          }
          Stmt up(db, "UPDATE " + table + " SET \"" + col + "\" = ? WHERE rowid = ?");
          for (const auto &[rowid, text] : fixed) {
            bind_text(up.get(), 1, text, false);
            bound(up.get(), sqlite3_bind_int64(up.get(), 2, rowid));
            up.run();
          }
        }
      });
    });
  }
}

}  // namespace

template <class Body>
void SqliteStore::write_transaction(Body &&body) {
  if (read_only_) {
    throw Error(Errc::misuse, "workspace", path_,
                "was opened read-only; open it writable to change it");
  }
  exec("BEGIN IMMEDIATE");
  try {
    // Writing over changes this workspace has not loaded would lose them.
    // Another levande writer moves the sequence; any other program moves
    // data_version, which a failed write of this connection moves too.
    const bool others_wrote =
        stored_sequence() != sequence_ || (!failed_since_seen_ && data_version() != seen_version_);
    if (others_wrote) {
      throw Error(Errc::conflict, "path", path_,
                  "the database was changed by another connection since it was loaded; "
                  "reload() and write again");
    }
    const bool wrote = body();
    if (wrote) exec(kNextSequence);
    const auto next = wrote ? stored_sequence() : sequence_;
    if (failed_since_seen_) seen_version_ = data_version();  // the write lock is held
    exec("COMMIT");
    sequence_ = next;
    failed_since_seen_ = false;
  } catch (const Error &e) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    if (e.code() != Errc::conflict) failed_since_seen_ = true;
    throw;
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    failed_since_seen_ = true;
    throw;
  }
}

void SqliteStore::write(const Tables &, const std::vector<Change> &changes,
                        const std::vector<AuditRecord> &audit) {
  write_transaction([&] {
    // Consecutive inserts of one kind share a prepared statement.
    std::optional<Stmt> insert;
    Kind insert_kind{};
    for (const auto &c : changes) {
      switch (c.type) {
        case Change::Type::insert:
          if (!insert || insert_kind != c.kind) {
            insert.reset();
            insert_kind = c.kind;
            visit_kind(c.kind, [&]<class T>() { insert.emplace(db_, insert_sql<T>()); });
          }
          std::visit([&](const auto &e) { bind_all(insert->get(), e); }, c.entity);
          insert->run();
          break;
        case Change::Type::update:
          std::visit([&](const auto &e) { replay_update(db_, e); }, c.entity);
          break;
        case Change::Type::erase: {
          std::string where;
          for (const auto &[col, _] : c.where)
            where += (where.empty() ? "\"" : " AND \"") + col + "\" = ?";
          Stmt del(db_, std::string("DELETE FROM ") + kind_name(c.kind) + " WHERE " + where);
          int i = 1;
          for (const auto &[_, value] : c.where)
            bind_text(del.get(), i++, value, false);
          del.run();
          break;
        }
        case Change::Type::rename:
          replay_rename(db_, c.kind, c.where.at(0).second, c.where.at(1).second);
          break;
        case Change::Type::settings:
          for (const auto &[name, value] : c.where)
            write_setting(db_, name, value);
          break;
      }
    }
    insert.reset();
    write_audit(db_, audit);
    return !changes.empty() || !audit.empty();
  });
}

void SqliteStore::append_log(const Tables &t, Kind kind, std::size_t from) {
  write_transaction([&] {
    visit_kind(kind, [&]<class T>() {
      if constexpr (!has_id<T>) insert_rows<T>(db_, t, from);
    });
    return true;
  });
}

void SqliteStore::write_all(const Tables &t, const std::vector<AuditRecord> &audit) {
  exec("BEGIN IMMEDIATE");
  try {
    exec(log_indices(false));
    for (std::size_t k = 0; k < kind_count; ++k) {
      visit_kind(static_cast<Kind>(k), [&]<class T>() { insert_rows<T>(db_, t); });
    }
    exec(log_indices(true));
    write_audit(db_, audit);
    write_settings(db_, t.settings);
    exec(kNextSequence);
    const auto next = stored_sequence();
    exec("COMMIT");
    seen_version_ = data_version();
    sequence_ = next;
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

void SqliteStore::scrub() {
  if (path_ == ":memory:") return;
  if (read_only_)
    throw Error(Errc::misuse, "workspace", path_, "was opened read-only; it cannot be scrubbed");
  // A checkpoint that readers block does not fail: it reports busy = 1 and
  // leaves pages in the WAL, so the result is checked, not assumed.
  auto checkpoint = [&] {
    Stmt c(db_, "PRAGMA wal_checkpoint(TRUNCATE)");
    if (c.step() && sqlite3_column_int(c.get(), 0) != 0) {
      throw Error(Errc::io_error, "path", path_,
                  "another connection is reading, so the write-ahead log could not be emptied");
    }
  };
  // Readers finish quickly or not at all: wait a little, not the 10 s writers get.
  sqlite3_busy_timeout(db_, 1000);
  try {
    checkpoint();
    exec("VACUUM");
    checkpoint();
  } catch (...) {
    sqlite3_busy_timeout(db_, 10000);
    failed_since_seen_ = true;
    throw;
  }
  sqlite3_busy_timeout(db_, 10000);
  seen_version_ = data_version();
}

}  // namespace levande::detail
