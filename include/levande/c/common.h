/**
 * @file levande/c/common.h
 * @brief C API basics: version, status codes, the error object, memory.
 */
#ifndef LEVANDE_C_COMMON_H
#define LEVANDE_C_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "levande/export.h"
#include "levande/version.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Result of every fallible C function: #LEVANDE_OK or a negative code. */
typedef int32_t levande_status;

/** @name Status codes (equal to the C++ levande::Errc values)
 * @{ */
#define LEVANDE_OK 0                      /**< Success. */
#define LEVANDE_ERR_INVALID_ARGUMENT (-1) /**< A value is not acceptable for its field. */
#define LEVANDE_ERR_PARSE (-2)            /**< Text does not follow its format. */
#define LEVANDE_ERR_INVALID_DATE (-3)     /**< An impossible calendar date (2026-02-30). */
#define LEVANDE_ERR_OUT_OF_RANGE (-4)     /**< A value or result outside the supported range. */
#define LEVANDE_ERR_NOT_FOUND (-5)        /**< An unknown id or missing item. */
#define LEVANDE_ERR_ALREADY_EXISTS (-6)   /**< A duplicate id. */
#define LEVANDE_ERR_CONSTRAINT (-7)       /**< Referential integrity or ordering would break. */
#define LEVANDE_ERR_IO (-8)               /**< Reading or writing a file or database failed. */
#define LEVANDE_ERR_UNSUPPORTED (-9)      /**< A valid request this version cannot serve. */
#define LEVANDE_ERR_OUT_OF_MEMORY (-10)   /**< An allocation failed. */
#define LEVANDE_ERR_INTERNAL (-11)        /**< A bug in levande. */
#define LEVANDE_ERR_MISUSE (-12) /**< NULL handle or pointer, or a call in the wrong state. */
#define LEVANDE_ERR_CORRUPT                                                                       \
  (-13)                            /**< The stored workspace is damaged (edited outside levande). \
                                    */
#define LEVANDE_ERR_CONFLICT (-14) /**< Written by another since loaded; reload and retry. */
/** Erased and audited, but not scrubbed from the file yet: call levande_workspace_scrub() later. */
#define LEVANDE_ERR_SCRUB_PENDING (-15)
/** @} */

/**
 * @brief An error: code, message, and the field and value it is about. Opaque.
 *
 * The error channel of every fallible call is its last parameter,
 * `levande_error **out_err`: NULL when the caller does not want the error
 * object, else a pointer to a NULL pointer, which a failing call sets to a
 * new error for the caller to free with levande_error_destroy(). A call that
 * finds `*out_err` already set (an earlier error not destroyed) does not run
 * and returns #LEVANDE_ERR_MISUSE, leaving `*out_err` as it was, so an error
 * is never overwritten and leaked; it writes no out-parameter either (start
 * them at NULL, as the examples do). levande_last_error() and
 * levande_workspace_last_error() hold copies of the same error for callers
 * that passed NULL.
 */
typedef struct levande_error levande_error;

/** @brief The library's version string, "MAJOR.MINOR.PATCH" (static storage). */
LEVANDE_API const char *levande_version(void);

/** @brief The library's version as MAJOR * 10000 + MINOR * 100 + PATCH. */
LEVANDE_API int32_t levande_version_number(void);

/** @brief A short stable name for a status code, e.g. "invalid_date" (static storage). */
LEVANDE_API const char *levande_status_name(levande_status status);

/** @brief The error's status code; #LEVANDE_ERR_MISUSE when @p err is NULL. */
LEVANDE_API levande_status levande_error_code(const levande_error *err);

/**
 * @brief The error's message, a sentence naming the field and value.
 * Owned by @p err; "" when @p err is NULL.
 */
LEVANDE_API const char *levande_error_message(const levande_error *err);

/** @brief The field or parameter the error is about, or "" (owned by @p err). */
LEVANDE_API const char *levande_error_field(const levande_error *err);

/** @brief The offending value as text, or "" (owned by @p err). */
LEVANDE_API const char *levande_error_value(const levande_error *err);

/** @brief Frees an error and sets `*err` to NULL. NULL-safe on both levels. */
LEVANDE_API void levande_error_destroy(levande_error **err);

/**
 * @brief The calling thread's most recent error, or NULL if no call on this
 *        thread has failed yet.
 *
 * Owned by the library and valid until the next failing call on the same
 * thread. Prefer the `out_err` parameter where threads are not OS threads.
 */
LEVANDE_API const levande_error *levande_last_error(void);

/** @brief Frees a buffer the library returned for the caller to free. NULL-safe. */
LEVANDE_API void levande_free(void *ptr);

#ifdef __cplusplus
}
#endif

#endif /* LEVANDE_C_COMMON_H */
