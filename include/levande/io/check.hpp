/**
 * @file levande/io/check.hpp
 * @brief Checking a workspace file that may be damaged, and repairing it.
 *
 * Opening a workspace refuses a damaged file (Errc::corrupt) at its first
 * problem. check_workspace() reads the whole file instead, lists every
 * problem, and with `repair` writes back what can be kept (docs/reliability.md).
 */
#ifndef LEVANDE_IO_CHECK_HPP
#define LEVANDE_IO_CHECK_HPP

#include <cstddef>
#include <string>
#include <vector>

#include "levande/error.hpp"
#include "levande/export.h"

namespace levande {

/** @brief One problem found in a stored workspace, and what repairing does about it. */
struct StoredProblem {
  Errc code = Errc::corrupt;  ///< What kind of problem (as the error a write would give).
  std::string field;          ///< Where: "people[e101].team", "responses row 3 column impact".
  std::string value;          ///< The stored value, as text (may be empty).
  std::string message;        ///< The whole sentence, as an error would say it.
  /** "removed" (the record is left out, with what depends on it), "cleared"
      (an optional reference or list element to a missing record is dropped),
      "mended" (text that is not UTF-8, or holds control characters, gets
      U+FFFD or spaces in their place), or "file" (SQLite's own check of the
      file's structure; a repair rewrites the file). */
  std::string action;
};

/** @brief What check_workspace() found and did. */
struct CheckResult {
  std::vector<StoredProblem> problems;  ///< Every problem, in table order; empty when sound.
  std::size_t records = 0;              ///< Rows stored (in every table that could be read).
  std::size_t kept = 0;  ///< Records a repair keeps (all of them when there is no problem).
  std::string backup;    ///< With repair: where the damaged file was moved; else empty.
};

/**
 * @brief Reads every row of a workspace file with the checks a write makes,
 *        listing every problem instead of stopping at the first.
 *
 * With @p repair and problems found, the records that can be kept are
 * written to @p path (the damaged file is first renamed to
 * `<path>.damaged`, or `<path>.damaged.2`, ...): a record whose value is
 * out of range, unreadable or duplicated, or whose required reference is
 * missing, is removed with what depends on it; an optional reference (or
 * list element) to a missing record is cleared; a hierarchy that loops is
 * cut where the loop was found; text that is not UTF-8 is mended. Run it when no other program has
 * the file open. Without @p repair the file is opened read-only and not changed.
 *
 * @throws Error Errc::io_error when the file cannot be opened at all, or
 *         Errc::unsupported when its schema version is newer than this
 *         library's (or older, and @p repair is false: a repair migrates it).
 */
LEVANDE_API CheckResult check_workspace(const std::string &path, bool repair = false);

}  // namespace levande

#endif  // LEVANDE_IO_CHECK_HPP
