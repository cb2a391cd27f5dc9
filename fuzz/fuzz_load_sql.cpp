// The database loader on the example workspace edited by SQL, as any SQLite
// tool could: the input is SQL run on a fresh copy before it is opened.
#include <sqlite3.h>

#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_load.hpp"
#include "levande/io/files.hpp"

namespace {

// Statements that would reach outside the scratch file are not run.
int deny_outside(void *, int action, const char *, const char *, const char *, const char *) {
  return action == SQLITE_ATTACH || action == SQLITE_DETACH ? SQLITE_DENY : SQLITE_OK;
}

int stop_long(void *steps) {
  return ++*static_cast<long *>(steps) > 2000;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  static const std::string original = [] {
    const auto path = levande::fuzz::scratch("template.levande");
    auto ws = levande::fuzz::example();
    ws.save_as(path);
    ws = levande::Workspace();
    return levande::read_file(path);
  }();
  std::string sql(reinterpret_cast<const char *>(data), size);
  std::string lower(sql);
  for (auto &c : lower)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.find("vacuum") != std::string::npos ||
      lower.find("load_extension") != std::string::npos)
    return 0;
  const auto path = levande::fuzz::scratch("edited.levande");
  levande::write_file(path, original);
  sqlite3 *db = nullptr;
  if (sqlite3_open(path.c_str(), &db) == SQLITE_OK) {
    sqlite3_set_authorizer(db, deny_outside, nullptr);
    long steps = 0;
    sqlite3_progress_handler(db, 1000, stop_long, &steps);
    sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 1 << 20);
    sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
  }
  sqlite3_close(db);
  levande::fuzz::exercise(path);
  return 0;
}
