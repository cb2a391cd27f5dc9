/**
 * @file levande/c/celebrate.h
 * @brief C API of step 5: successes found in the data and the celebration
 *        feed (see levande/celebrate.hpp and docs/celebrations.md).
 */
#ifndef LEVANDE_C_CELEBRATE_H
#define LEVANDE_C_CELEBRATE_H

#include "levande/c/common.h"
#include "levande/c/metrics.h"
#include "levande/c/workspace.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief What counts as a success. Start from #LEVANDE_CELEBRATION_OPTIONS_INIT. */
typedef struct levande_celebration_options {
  size_t struct_size; /**< sizeof(levande_celebration_options); set by the _INIT macro. */
  /** @brief Milestones every this many percent (25 → 25/50/75 %); 1–99, 0 for none. */
  int32_t milestone_step_percent;
  /** @brief KPI this many percent better than the baseline; (0, 1000], 0 for none. */
  double kpi_improvement_percent;
  int32_t streak; /**< Check-ins held in a row that make a streak; 2–1000, 0 for none. */
} levande_celebration_options;

/** @brief The defaults of levande::CelebrationOptions: 25 %, 10 %, 3 check-ins. */
#define LEVANDE_CELEBRATION_OPTIONS_INIT \
  { sizeof(levande_celebration_options), 25, 10.0, 3 }

/**
 * @brief Fills @p out with this version's defaults (what #LEVANDE_CELEBRATION_OPTIONS_INIT gives),
 *        for callers that cannot use the macro (other languages' FFI).
 * @param struct_size `sizeof *out` as the caller was built: a struct from
 *        an earlier levande is filled as far as it goes.
 * @return #LEVANDE_ERR_MISUSE for NULL or a size that cannot hold
 *         `struct_size`; #LEVANDE_ERR_UNSUPPORTED for a struct larger than
 *         this version's (the caller was built against a newer levande).
 */
LEVANDE_API levande_status levande_celebration_options_init(levande_celebration_options *out,
                                                            size_t struct_size);

/**
 * @brief The successes in the data as of @p as_of that the workspace does
 *        not hold yet, as a table (columns of levande::successes_table();
 *        rules of levande::find_successes()). Does not change the workspace.
 * @param options NULL for the defaults
 * @param out receives a new table; destroy it with levande_table_destroy()
 */
LEVANDE_API levande_status levande_celebrations_find(levande_table **out,
                                                     const levande_workspace *ws, int32_t as_of,
                                                     const levande_celebration_options *options,
                                                     levande_error **out_err);

/**
 * @brief Finds the new successes and adds them to the workspace in one
 *        batch (all or nothing), so a second call finds nothing.
 * @param out receives a table of the successes added (may have no rows)
 */
LEVANDE_API levande_status levande_celebrations_record(levande_table **out, levande_workspace *ws,
                                                       int32_t as_of,
                                                       const levande_celebration_options *options,
                                                       levande_error **out_err);

/** @brief Formats of the celebration feed (levande::FeedFormat). */
typedef enum levande_feed_format {
  LEVANDE_FEED_TEXT = 0,      /**< One plain line per success. */
  LEVANDE_FEED_MARKDOWN = 1,  /**< A Markdown bullet list with escaped text. */
  LEVANDE_FEED_NEWSLETTER = 2 /**< Markdown grouped and ranked for a newsletter. */
} levande_feed_format;

/**
 * @brief The celebration feed: one line per success of the workspace dated
 *        in [from, to], in date order (levande::celebration_feed()).
 * @param from, to days since 1970-01-01, inclusive
 * @param team only this team and its sub-teams, or NULL for all
 * @param uncelebrated_only non-zero to leave out successes already celebrated
 * @param out receives UTF-8 text (empty when nothing matches); free it with levande_free()
 */
LEVANDE_API levande_status levande_celebration_feed(char **out, const levande_workspace *ws,
                                                    int32_t from, int32_t to, const char *team,
                                                    int32_t uncelebrated_only, int32_t format,
                                                    levande_error **out_err);

#ifdef __cplusplus
}
#endif

#endif /* LEVANDE_C_CELEBRATE_H */
