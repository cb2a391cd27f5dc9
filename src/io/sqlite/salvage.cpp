// Reading a damaged workspace file row by row for the checker
// (levande/io/check.hpp): what can be read and passes the checks of one
// record is kept, everything else is listed, nothing stops the reading.
#include "levande/error.hpp"
#include "model/validate.hpp"
#include "sqlite/columns.hpp"
#include "sqlite/sqlite_store.hpp"
#include "support/text.hpp"

namespace levande::detail {
namespace {

using namespace sqlite;

// Text that is not valid UTF-8 or holds control characters is mended rather
// than costing the record (a name, a note); ids and references are not
// guessed at, so a record with a bad one is left out by the checks.
template <class T>
void mend(T &e, std::vector<StoredProblem> &problems) {
  const auto fix = [&](std::string &v, const std::string &where) {
    if (text_ok(v, true)) return;
    problems.push_back(problem(Error(Errc::invalid_argument, where, v,
                                     "holds bytes that are not UTF-8 text or control "
                                     "characters; they become U+FFFD or spaces"),
                               "mended"));
    v = mend_text(v, true);
  };
  for_each_field<T>([&](const auto &f) {
    using M = std::remove_cvref_t<decltype(e.*(f.member))>;
    if (f.ref || f.name == "id") return;
    const auto where = [&] { return entity_path(e) + "." + std::string(f.name); };
    if constexpr (std::is_same_v<M, std::string>) {
      fix(e.*(f.member), where());
    } else if constexpr (std::is_same_v<M, std::vector<std::string>>) {
      auto &items = e.*(f.member);
      for (std::size_t i = 0; i < items.size(); ++i)
        fix(items[i], where() + "[" + std::to_string(i) + "]");
    }
  });
}

template <class T>
std::size_t salvage_rows(sqlite3 *db, std::vector<Entity> &records,
                         std::vector<StoredProblem> &problems) {
  const std::string table(kind_name(Schema<T>::kind));
  std::size_t row = 0;
  try {
    Stmt sel(db, "SELECT " + join(column_names<T>(), ",") + " FROM " + table + " ORDER BY rowid");
    for (;;) {
      try {
        if (!sel.step()) break;
      } catch (const Error &e) {  // a damaged page: what follows cannot be read
        problems.push_back(problem(e.within(table), "removed"));
        break;
      }
      ++row;
      T e{};
      int c = 0;
      try {
        for_each_field<T>([&](const auto &f) {
          read(sel.get(), c++, e.*(f.member), [&] {
            return table + " row " + std::to_string(row) + " column " + std::string(f.name);
          });
        });
        mend(e, problems);
        check_entity(e);
      } catch (const Error &err) {
        problems.push_back(
            problem(err.code() == Errc::corrupt
                        ? err
                        : err.recoded(err.code(), table + " row " + std::to_string(row) + ": "),
                    "removed"));
        continue;
      }
      records.emplace_back(std::move(e));
    }
  } catch (const Error &e) {  // the table itself is missing or unreadable
    problems.push_back(problem(e.within(table), "removed"));
  }
  return row;
}

}  // namespace

std::size_t SqliteStore::salvage(std::vector<Entity> &records, std::vector<AuditRecord> &audit,
                                 Settings &settings, std::vector<StoredProblem> &problems) {
  std::size_t rows = 0;
  exec("BEGIN");
  // A bad setting goes back to its default; the other stays.
  std::vector<Error> bad;
  settings = read_settings(db_, &bad);
  for (const auto &e : bad)
    problems.push_back(problem(e, "cleared"));
  for (std::size_t k = 0; k < kind_count; ++k)
    visit_kind(static_cast<Kind>(k),
               [&]<class T>() { rows += salvage_rows<T>(db_, records, problems); });
  try {
    Stmt a(db_, "SELECT date, action, subject, actor, reason FROM audit_log ORDER BY rowid");
    std::size_t row = 0;
    while (a.step()) {
      ++row;
      AuditRecord r;
      try {
        read(a.get(), 0, r.date,
             [&] { return "audit_log row " + std::to_string(row) + " column date"; });
      } catch (const Error &e) {
        problems.push_back(problem(e, "removed"));
        continue;
      }
      r.action = column_text(a.get(), 1);
      r.subject = column_text(a.get(), 2);
      r.actor = column_text(a.get(), 3);
      r.reason = column_text(a.get(), 4);
      audit.push_back(std::move(r));
    }
  } catch (const Error &e) {
    problems.push_back(problem(e.within("audit_log"), "removed"));
  }
  exec("COMMIT");
  return rows;
}

std::vector<std::string> SqliteStore::integrity_check() {
  std::vector<std::string> out;
  Stmt q(db_, "PRAGMA integrity_check");
  while (q.step()) {
    std::string line(column_text(q.get(), 0));
    if (line != "ok") out.push_back(std::move(line));
  }
  return out;
}

}  // namespace levande::detail
