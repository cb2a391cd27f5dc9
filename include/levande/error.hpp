/**
 * @file levande/error.hpp
 * @brief The one error model of levande: `Errc` codes and the `Error` exception.
 *
 * The same codes are the C API's `levande_status` values and select the
 * Python exception class, so an error means the same thing in every language.
 */
#ifndef LEVANDE_ERROR_HPP
#define LEVANDE_ERROR_HPP

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "levande/export.h"

namespace levande {

/**
 * @brief Error codes. The values equal the C API's `LEVANDE_*` status codes.
 *
 * Codes are frozen within a major version: new ones are only ever appended.
 */
enum class Errc : std::int32_t {
  ok = 0,                 ///< No error.
  invalid_argument = -1,  ///< A value is not acceptable for its field (e.g. a zero cadence).
  parse_error = -2,       ///< Text does not follow its format (ISO 8601 date, RRULE, JSON, CSV).
  invalid_date = -3,      ///< An impossible calendar date, such as 2026-02-30.
  out_of_range = -4,      ///< A value or result outside the supported range.
  not_found = -5,         ///< An unknown id or missing item.
  already_exists = -6,    ///< A duplicate id.
  constraint = -7,        ///< A write would break referential integrity or ordering rules.
  io_error = -8,          ///< Reading or writing a file or database failed.
  unsupported = -9,       ///< A valid request this version cannot serve.
  out_of_memory = -10,    ///< An allocation failed.
  internal = -11,         ///< A bug in levande; please report it.
  misuse = -12,           ///< The API was called wrongly (NULL handle, wrong state).
  /** The stored workspace is damaged (edited outside levande, or broken):
      it is refused, naming the table, row and field; `levande check` lists
      every problem. */
  corrupt = -13,
  /** Another program or connection wrote to the workspace since this view
      was loaded; nothing was written. Retryable: reload() and write again. */
  conflict = -14,
  /** The erasure is committed and audited, but the file still holds old
      copies: another connection kept it from being scrubbed. value() is the
      pseudonym; call scrub() when no other connection reads the file. */
  scrub_pending = -15,
};

/** @brief A short stable name for a code, e.g. "invalid_date". Never NULL. */
LEVANDE_API const char *errc_name(Errc code) noexcept;

/**
 * @brief The exception every levande function throws for bad input or failure.
 *
 * `what()` is a complete sentence for people; `field()` and `value()` give
 * the offending field and its value (as text) for programs, and may be empty
 * when an error is not about one field. Thrown only by value; the library
 * never leaves data half changed when it throws (all-or-nothing).
 */
class LEVANDE_API Error : public std::runtime_error {
 public:
  /**
   * @brief Builds an error about one field.
   * @param code   what went wrong (never Errc::ok)
   * @param field  the field, parameter or part that is wrong, e.g. "date"
   * @param value  the offending value as given by the caller
   * @param reason why it is wrong, e.g. "day 30 does not exist in February 2026"
   *
   * The message reads `field: reason (got "value")`.
   */
  Error(Errc code, std::string field, std::string value, std::string_view reason);

  /** @brief Builds an error with a free-form message and no field. */
  Error(Errc code, const std::string &message);

  /**
   * @brief The same error located inside a larger input, e.g. element 7 of a column:
   *        field() becomes @p where and the message is prefixed with it.
   */
  Error within(const std::string &where) const;

  /**
   * @brief The same error under another code, its message prefixed with
   *        @p context (e.g. "the workspace file is damaged: "); field() and
   *        value() are kept.
   */
  Error recoded(Errc code, const std::string &context) const;

  /** @brief The error code. */
  Errc code() const noexcept { return code_; }
  /** @brief The field, parameter or part the error is about; may be empty. */
  const std::string &field() const noexcept { return field_; }
  /** @brief The offending value as text; may be empty. */
  const std::string &value() const noexcept { return value_; }

 private:
  Errc code_;
  std::string field_;
  std::string value_;
};

}  // namespace levande

#endif  // LEVANDE_ERROR_HPP
