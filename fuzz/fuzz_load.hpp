// The loader targets' common part: a workspace file as another program may
// have left it is opened, measured, reported on and checked; nothing may
// crash, and no problem may surface as an internal error.
#ifndef LEVANDE_FUZZ_FUZZ_LOAD_HPP
#define LEVANDE_FUZZ_FUZZ_LOAD_HPP

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "fuzz_support.hpp"
#include "levande/error.hpp"
#include "levande/io/check.hpp"
#include "levande/metrics.hpp"
#include "levande/report.hpp"
#include "levande/schedule.hpp"
#include "levande/workspace.hpp"

namespace levande::fuzz {

// A fresh path in this process's own temporary directory.
inline std::string scratch(const char *name) {
  static const std::string dir = [] {
    std::string pattern = (std::filesystem::temp_directory_path() / "levande-fuzz-XXXXXX").string();
    if (!mkdtemp(pattern.data())) std::abort();
    return pattern;
  }();
  const std::string path = dir + "/" + name;
  for (const char *suffix : {"", "-wal", "-shm", ".damaged", ".damaged-wal", ".damaged-shm"})
    std::filesystem::remove(path + suffix);
  for (int n = 2; n < 6; ++n)
    std::filesystem::remove(path + ".damaged." + std::to_string(n));
  return path;
}

inline void fail_if_internal(const Error &e) {
  if (e.code() == Errc::internal) __builtin_trap();
}

// Opens the file; if it opens, everything that reads a workspace runs on it.
// Then the checker runs, and a repaired file must open.
inline void exercise(const std::string &path) {
  try {
    const auto ws = Workspace::open(path, {.read_only = true});
    const Date as_of = Date::from_ymd(2026, 6, 30);
    (void)metrics_pass(ws, as_of);
    (void)report(ws, {as_of, "Fuzz", 5}, ReportFormat::markdown);
    ScheduleOptions o;
    o.as_of = Date::from_ymd(2026, 3, 1);
    o.until = Date::from_ymd(2026, 9, 30);
    (void)plan_follow_up(ws, o);
  } catch (const Error &e) {
    fail_if_internal(e);
  }
  try {
    const auto found = check_workspace(path, true);
    if (!found.problems.empty()) (void)Workspace::open(path, {.read_only = true});
  } catch (const Error &e) {
    fail_if_internal(e);
  }
}

}  // namespace levande::fuzz

#endif
