// Helpers for tests that look at or edit a workspace file with SQLite itself,
// as another program would.
#ifndef LEVANDE_TESTS_CPP_SQLITE_HELPERS_HPP
#define LEVANDE_TESTS_CPP_SQLITE_HELPERS_HPP

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace levande::test {

// A fresh path in the test's temporary directory (removed with its WAL files).
inline std::string temp_db(const std::string &name) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("levande-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = (dir / name).string();
  for (const char *suffix : {"", "-wal", "-shm"})
    std::filesystem::remove(path + suffix);
  return path;
}

// Runs SQL on the file through SQLite, outside levande.
inline void exec_sql(const std::string &file, const char *sql) {
  sqlite3 *db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  char *message = nullptr;
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
  EXPECT_EQ(rc, SQLITE_OK) << (message ? message : "");
  sqlite3_free(message);
  sqlite3_close(db);
}

}  // namespace levande::test

#endif
