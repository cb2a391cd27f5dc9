// A SQLite VFS for fault-injection tests. It wraps the platform's VFS and,
// registered as the default, sits under every connection levande opens. It
// can
//  - count the calls that touch a file (reads, writes, syncs, truncations),
//  - fail one of them with an I/O error or a short write (a transient fault:
//    the calls after it succeed again), and
//  - simulate a power cut before the n-th write, sync or truncation: from then
//    on every call fails (the machine is gone), and `reboot()` rewrites each
//    file as a disk would hold it after the cut — its content at its last
//    sync plus a random part of the writes made since (each kept whole,
//    dropped, or kept up to a 512-byte sector boundary).
// Syncs are not passed to the disk: durability is what this VFS models, so
// the tests run at memory speed. Not thread-safe (the fault tests run on one
// thread).
#ifndef LEVANDE_TESTS_FAULT_FAULT_VFS_HPP
#define LEVANDE_TESTS_FAULT_FAULT_VFS_HPP

#include <cstdint>
#include <string>

namespace levande::test::fault {

/** What the armed fault does when its call comes. */
enum class Fault {
  none,         ///< Count only.
  power_cut,    ///< The machine stops before the n-th write, sync or truncation.
  io_error,     ///< The n-th read, write, sync or truncation fails (SQLITE_IOERR_*).
  short_write,  ///< The n-th write stores half its bytes and fails (SQLITE_FULL).
};

/** Registers the VFS as SQLite's default (once per process). */
void install();

/** Arms `fault` at call number `at` (1-based, counted from now); Fault::none disarms. */
void arm(Fault fault, std::int64_t at, std::uint32_t seed = 0);

/** Calls since the last arm() that a fault of kind `fault` would count. */
std::int64_t calls(Fault fault);

/** True once the armed fault has happened. */
bool tripped();

/** After a power cut: writes every file as the disk holds it and removes the
 *  shared-memory index files (memory, in a real machine); disarms. All
 *  connections must be closed first. */
void reboot();

/** Forgets what the VFS knows of the files under `dir` (between scenarios). */
void forget();

}  // namespace levande::test::fault

#endif
