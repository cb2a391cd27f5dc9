// The writes a fault-injection scenario makes, and what the file may hold
// after a fault. The workload covers each way levande writes: a batch of new
// records, a batch of log rows, the bulk columns path, an update, a removal
// with cascade, a pseudonymisation (which checkpoints and VACUUMs), and the
// close that checkpoints and removes the write-ahead log.
#ifndef LEVANDE_TESTS_FAULT_WORKLOAD_HPP
#define LEVANDE_TESTS_FAULT_WORKLOAD_HPP

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "levande/error.hpp"
#include "levande/workspace.hpp"

// Defined in AddressSanitizer builds (GCC says so one way, Clang another).
#if defined(__SANITIZE_ADDRESS__)
#define LEVANDE_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LEVANDE_SANITIZED 1
#endif
#endif

namespace levande::test::fault {

/** One acknowledged write: when it returns, it is on disk. */
using Step = std::function<void(Workspace &)>;

/** Every how many calls a campaign strikes: 1, or 8 in sanitizer builds
 *  (about 25 times slower; the release build strikes at every call). The
 *  environment variable LEVANDE_FAULT_FULL=1 makes it 1 everywhere. */
std::int64_t stride();

/** The workload's writes, in order. */
std::vector<Step> steps();

/** The content of a workspace as a comparable text: every record and the audit log. */
std::string fingerprint(const Workspace &ws);

/** How far a run got before its fault. */
struct Outcome {
  bool opened = false;           ///< Workspace::open() returned.
  std::size_t started = 0;       ///< Steps begun.
  std::size_t acknowledged = 0;  ///< Steps that returned (a prefix of steps()).
  bool closed = false;           ///< Every step returned and the workspace was closed.
  std::string failure;           ///< What the failing call reported (empty when none).
  Errc code = Errc::ok;          ///< Its code, when it was an Error.
  bool out_of_memory = false;    ///< It was std::bad_alloc.
  std::string view;              ///< fingerprint() of the open workspace after the fault.
};

/** Opens `path`, runs the steps until one throws, and closes. Errors and
 *  std::bad_alloc end the run; anything else is a test failure. After a
 *  fault, `after_fault` runs (to disarm it) and the workspace's view is taken. */
Outcome run(const std::string &path, const std::function<void()> &after_fault = {});

/** Expected content after each step: [0] the file as it starts, [k] after step k. */
std::vector<std::string> expected_states(const std::string &template_path,
                                         const std::string &scratch);

/** A fresh copy of the starting workspace at `path`. */
void restore(const std::string &template_path, const std::string &path);

/** Checks the file after a fault: it opens, SQLite's integrity check and levande
 *  check pass, and it holds exactly the acknowledged steps or those plus the
 *  one in flight. Returns an empty string or what is wrong. */
std::string verify(const std::string &path, const Outcome &outcome,
                   const std::vector<std::string> &states);

}  // namespace levande::test::fault

#endif
