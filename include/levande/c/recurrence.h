/**
 * @file levande/c/recurrence.h
 * @brief C API for RFC 5545 recurrences (`levande_recurrence` handles).
 *
 * A recurrence handle may be read from many threads at once; adding RDATEs or
 * EXDATEs needs exclusive access. Date arrays the library returns are one
 * allocation each, freed with levande_free().
 */
#ifndef LEVANDE_C_RECURRENCE_H
#define LEVANDE_C_RECURRENCE_H

#include "levande/c/calendar.h"
#include "levande/c/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A recurrence set: DTSTART, an RRULE, RDATEs and EXDATEs. Opaque. */
typedef struct levande_recurrence levande_recurrence;

/** @brief How dates that are not business days are treated, one of `LEVANDE_ADJUST_*`. */
typedef int32_t levande_adjustment;
/** @brief Drop them. */
#define LEVANDE_ADJUST_SKIP 0
/** @brief Roll to the following business day. */
#define LEVANDE_ADJUST_FOLLOWING 1
/** @brief Roll to the preceding business day. */
#define LEVANDE_ADJUST_PRECEDING 2
/** @brief Following, unless the month changes: then preceding. */
#define LEVANDE_ADJUST_MODIFIED_FOLLOWING 3
/** @brief Preceding, unless the month changes: then following. */
#define LEVANDE_ADJUST_MODIFIED_PRECEDING 4

/** @brief Pass as `limit` to use the default cap (one million dates). */
#define LEVANDE_DEFAULT_LIMIT 0

/**
 * @brief A recurrence of an RRULE value (e.g. "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU") from @p start.
 * @param rule the RRULE value, or NULL for a set of RDATEs only.
 * @return #LEVANDE_ERR_PARSE naming the part and position for a bad rule,
 *         #LEVANDE_ERR_UNSUPPORTED for sub-daily parts.
 */
LEVANDE_API levande_status levande_recurrence_create(levande_recurrence **out, const char *rule,
                                                     int32_t start, levande_error **out_err);

/** @brief Frees a recurrence and sets `*rec` to NULL. NULL-safe on both levels. */
LEVANDE_API void levande_recurrence_destroy(levande_recurrence **rec);

/** @brief Adds an RDATE (an extra date). */
LEVANDE_API levande_status levande_recurrence_add_rdate(levande_recurrence *rec, int32_t date,
                                                        levande_error **out_err);

/** @brief Adds an EXDATE (a date taken out). */
LEVANDE_API levande_status levande_recurrence_add_exdate(levande_recurrence *rec, int32_t date,
                                                         levande_error **out_err);

/**
 * @brief The canonical RRULE value ("" without a rule). `*out` is NUL-terminated
 *        and freed with levande_free().
 */
LEVANDE_API levande_status levande_recurrence_rule_string(char **out, const levande_recurrence *rec,
                                                          levande_error **out_err);

/**
 * @brief The occurrences in [first, last], both inclusive, sorted.
 *
 * `*out` holds `*out_count` dates (NULL when there are none) and is freed
 * with levande_free().
 * @param limit the most dates to return, or #LEVANDE_DEFAULT_LIMIT; more is
 *        #LEVANDE_ERR_OUT_OF_RANGE.
 */
LEVANDE_API levande_status levande_recurrence_between(int32_t **out, size_t *out_count,
                                                      const levande_recurrence *rec, int32_t first,
                                                      int32_t last, size_t limit,
                                                      levande_error **out_err);

/**
 * @brief The first occurrence strictly after @p date: `*out_found` is 1 and
 *        `*out` the date, or `*out_found` is 0 when there is none.
 */
LEVANDE_API levande_status levande_recurrence_next_after(int32_t *out, int32_t *out_found,
                                                         const levande_recurrence *rec,
                                                         int32_t date, levande_error **out_err);

/**
 * @brief The occurrences moved onto business days of @p cal by @p how, that
 *        land in [first, last]; sorted, without duplicates. Freed as for
 *        levande_recurrence_between().
 */
LEVANDE_API levande_status levande_recurrence_adjusted_between(
    int32_t **out, size_t *out_count, const levande_recurrence *rec, const levande_calendar *cal,
    levande_adjustment how, int32_t first, int32_t last, size_t limit, levande_error **out_err);

#ifdef __cplusplus
}
#endif

#endif /* LEVANDE_C_RECURRENCE_H */
