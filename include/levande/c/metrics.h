/**
 * @file levande/c/metrics.h
 * @brief C API of the progress metrics (see levande/metrics.hpp and
 *        levande/table.hpp).
 *
 * Metrics come as a `levande_table`: an immutable column table. Its columns
 * are read through the typed getters (pointers owned by the table, valid
 * until it is destroyed) or handed to any Arrow consumer as an
 * ArrowArrayStream. Many threads may read one table at once.
 */
#ifndef LEVANDE_C_METRICS_H
#define LEVANDE_C_METRICS_H

#include "levande/arrow_abi.h"
#include "levande/c/common.h"
#include "levande/c/workspace.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A column table (opaque). */
typedef struct levande_table levande_table;

/** @brief Goal statuses (levande::GoalStatus), the codes of the `status` column. */
typedef enum levande_goal_status {
  LEVANDE_GOAL_NO_DATA = 0,   /**< No measurement on or before the date. */
  LEVANDE_GOAL_ACHIEVED = 1,  /**< The latest value reached the target. */
  LEVANDE_GOAL_ON_TRACK = 2,  /**< The forecast at the deadline reaches the target. */
  LEVANDE_GOAL_AT_RISK = 3,   /**< The forecast reaches at least the at-risk threshold. */
  LEVANDE_GOAL_OFF_TRACK = 4, /**< The forecast falls short of it. */
  LEVANDE_GOAL_MISSED = 5     /**< The deadline passed without reaching the target. */
} levande_goal_status;

/** @brief What a metrics table has a row for (levande::GroupBy). */
typedef enum levande_group_by {
  LEVANDE_BY_PERSON = 0, /**< One row per person. */
  LEVANDE_BY_TEAM = 1    /**< One row per team, counting its sub-teams. */
} levande_group_by;

/**
 * @brief Progress, forecast and status of every goal as of @p as_of
 *        (columns goal, current, measured, count, progress, forecast,
 *        forecast_progress, status).
 * @param at_risk_from forecast progress from which a goal is at risk, in (0, 1); 0.8 is the
 *        C++ default
 * @param out receives the table; destroy with levande_table_destroy()
 */
LEVANDE_API levande_status levande_metrics_goal_status(levande_table **out,
                                                       const levande_workspace *ws, int32_t as_of,
                                                       double at_risk_from,
                                                       levande_error **out_err);

/**
 * @brief Check-in adherence and learning per person or team as of @p as_of
 *        (see levande::engagement() for the columns).
 * @param by LEVANDE_BY_PERSON or LEVANDE_BY_TEAM
 * @param tolerance_days days a check-in may be held off its date and count as on time (3 in C++)
 */
LEVANDE_API levande_status levande_metrics_engagement(levande_table **out,
                                                      const levande_workspace *ws, int32_t as_of,
                                                      int32_t by, int32_t tolerance_days,
                                                      levande_error **out_err);

/** @brief What a feedback table has a row for (levande::FeedbackBy). */
typedef enum levande_feedback_by {
  LEVANDE_FEEDBACK_BY_TEAM = 0,    /**< One row per team, counting its sub-teams. */
  LEVANDE_FEEDBACK_BY_TRAINING = 1 /**< One row per training. */
} levande_feedback_by;

/**
 * @brief Step 4 per team or training with the anonymity threshold and
 *        complementary suppression (see levande::feedback()).
 * @param min_respondents rows with fewer distinct respondents are suppressed (5 in C++)
 */
LEVANDE_API levande_status levande_metrics_feedback(levande_table **out,
                                                    const levande_workspace *ws, int32_t as_of,
                                                    int32_t by, int32_t min_respondents,
                                                    levande_error **out_err);

/**
 * @brief Per training: Kirkpatrick levels 1–4, the application rate and
 *        Phillips ROI (see levande::training_outcomes() for the columns).
 * @param application_days days after a training's end within which an assignment applies it (90)
 * @param attribution, confidence Phillips adjustments in (0, 1] (1 and 1)
 */
LEVANDE_API levande_status levande_metrics_training_outcomes(
    levande_table **out, const levande_workspace *ws, int32_t as_of, int32_t application_days,
    double attribution, double confidence, levande_error **out_err);

/** @brief Six-step coverage per participation (see levande::coverage() for the columns). */
LEVANDE_API levande_status levande_metrics_coverage(levande_table **out,
                                                    const levande_workspace *ws, int32_t as_of,
                                                    levande_error **out_err);

/**
 * @brief Predicted retention per person and skill from the FSRS-6 memory
 *        model with its default parameters (see levande::retention() for the
 *        reviews and the columns).
 * @param target retention at which reinforcement is due (`reinforce_by`), in (0, 1); 0.9 in C++
 */
LEVANDE_API levande_status levande_metrics_retention(levande_table **out,
                                                     const levande_workspace *ws, int32_t as_of,
                                                     double target, levande_error **out_err);

/**
 * @brief Cohort curves: mean goal progress by days since the training, per
 *        cohort month (see levande::cohort_curves()).
 * @param step_days days between points, 1–365 (30 in C++)
 * @param max_days last day of a curve, 0–3650 (360 in C++)
 */
LEVANDE_API levande_status levande_metrics_cohort_curves(levande_table **out,
                                                         const levande_workspace *ws, int32_t as_of,
                                                         int32_t step_days, int32_t max_days,
                                                         levande_error **out_err);

/** @brief What a goal roll-up has a row for (levande::RollupBy). */
typedef enum levande_rollup_by {
  LEVANDE_ROLLUP_PERSON = 0,     /**< Per person (their own plans). */
  LEVANDE_ROLLUP_TEAM = 1,       /**< Per team, with its sub-teams. */
  LEVANDE_ROLLUP_DEPARTMENT = 2, /**< Per department; each goal counts once. */
  LEVANDE_ROLLUP_TRAINING = 3,   /**< Per training the plan follows. */
  LEVANDE_ROLLUP_SKILL = 4,      /**< Per skill of that training. */
  LEVANDE_ROLLUP_COHORT = 5      /**< Per month of that training's end. */
} levande_rollup_by;

/**
 * @brief Goal progress and status counts rolled up (see levande::goal_rollup()).
 * @param by a levande_rollup_by value
 * @param at_risk_from goal-status threshold in (0, 1) (0.8 in C++)
 * @param department_depth depth of departments below the root teams, 0–100 (1 in C++)
 */
LEVANDE_API levande_status levande_metrics_goal_rollup(levande_table **out,
                                                       const levande_workspace *ws, int32_t as_of,
                                                       int32_t by, double at_risk_from,
                                                       int32_t department_depth,
                                                       levande_error **out_err);

/**
 * @brief The tables of one levande_metrics_pass(), by position and by
 *        name. Opaque; owns its tables.
 */
typedef struct levande_metrics_tables levande_metrics_tables;

/**
 * @brief Options of levande_metrics_pass(); start from
 *        LEVANDE_METRICS_PASS_OPTIONS_INIT (`struct_size` lets later versions
 *        add fields without breaking callers built against this one).
 */
typedef struct levande_metrics_pass_options {
  size_t struct_size;       /**< sizeof(levande_metrics_pass_options). */
  double at_risk_from;      /**< Goal-status threshold in (0, 1). */
  int32_t tolerance_days;   /**< Check-in tolerance, 0–365. */
  int32_t min_respondents;  /**< Feedback anonymity threshold, 1–1000. */
  int32_t application_days; /**< Days after a training within which an assignment applies it. */
  double attribution;       /**< Phillips attribution in (0, 1]. */
  double confidence;        /**< Phillips confidence in (0, 1]. */
  int32_t step_days;        /**< Cohort curve step, 1–365. */
  int32_t max_days;         /**< Cohort curve length, 0–3650. */
  int32_t department_depth; /**< Depth of departments below the roots, 0–100. */
  int32_t with_retention;   /**< Non-zero: compute retention (default FSRS-6 model). */
  double retention_target;  /**< Retention at which reinforcement is due, in (0, 1). */
} levande_metrics_pass_options;

/** @brief The defaults of every metric, retention included. */
#define LEVANDE_METRICS_PASS_OPTIONS_INIT \
  { sizeof(levande_metrics_pass_options), 0.8, 3, 5, 90, 1.0, 1.0, 30, 360, 1, 1, 0.9 }

/**
 * @brief Fills @p out with this version's defaults (what #LEVANDE_METRICS_PASS_OPTIONS_INIT gives),
 *        for callers that cannot use the macro (other languages' FFI).
 * @param struct_size `sizeof *out` as the caller was built: a struct from
 *        an earlier levande is filled as far as it goes.
 * @return #LEVANDE_ERR_MISUSE for NULL or a size that cannot hold
 *         `struct_size`; #LEVANDE_ERR_UNSUPPORTED for a struct larger than
 *         this version's (the caller was built against a newer levande).
 */
LEVANDE_API levande_status levande_metrics_pass_options_init(levande_metrics_pass_options *out,
                                                             size_t struct_size);

/**
 * @brief Every metrics table as of one date, from one pass (levande::metrics_pass()).
 *
 * The tables are "goal_status", "engagement_by_person", "engagement_by_team",
 * "feedback_by_team", "feedback_by_training", "training_outcomes",
 * "coverage", "retention" (absent unless `with_retention`), "cohort_curves"
 * and "goals_by_person", "_team", "_department", "_training", "_skill",
 * "_cohort", in this order; a later version may add more at the end, so
 * walk them with levande_metrics_tables_count() or ask by name.
 * @param out receives the set; free it with levande_metrics_tables_destroy().
 *        NULL on error.
 * @param options NULL for the defaults
 */
LEVANDE_API levande_status levande_metrics_pass(levande_metrics_tables **out,
                                                const levande_workspace *ws, int32_t as_of,
                                                const levande_metrics_pass_options *options,
                                                levande_error **out_err);

/** @brief Number of tables in the set (absent ones included); 0 for NULL. */
LEVANDE_API size_t levande_metrics_tables_count(const levande_metrics_tables *tables);

/** @brief The name of table @p i (static storage); NULL for NULL or @p i out of range. */
LEVANDE_API const char *levande_metrics_tables_name(const levande_metrics_tables *tables, size_t i);

/**
 * @brief Table @p i, owned by the set (valid until it is destroyed); NULL
 *        for NULL, @p i out of range, or a table the pass was not asked for.
 */
LEVANDE_API const levande_table *levande_metrics_tables_at(const levande_metrics_tables *tables,
                                                           size_t i);

/**
 * @brief The table named @p name, owned by the set.
 * @return #LEVANDE_ERR_NOT_FOUND for a name the set does not have, or a
 *         table the pass was not asked for (the message says which);
 *         #LEVANDE_ERR_MISUSE for NULL arguments
 */
LEVANDE_API levande_status levande_metrics_tables_find(const levande_table **out,
                                                       const levande_metrics_tables *tables,
                                                       const char *name, levande_error **out_err);

/** @brief Destroys a set and its tables; NULL-safe, sets *tables to NULL. */
LEVANDE_API void levande_metrics_tables_destroy(levande_metrics_tables **tables);

/** @brief A uint8 column (flags). */
LEVANDE_API levande_status levande_table_uint8(const uint8_t **out, const levande_table *table,
                                               const char *name, levande_error **out_err);

/** @brief Number of rows. */
LEVANDE_API levande_status levande_table_rows(size_t *out, const levande_table *table,
                                              levande_error **out_err);

/**
 * @brief A float64 column (NaN where a value does not exist).
 * @return LEVANDE_ERR_NOT_FOUND for an unknown name, LEVANDE_ERR_INVALID_ARGUMENT when the
 *         column has another type
 */
LEVANDE_API levande_status levande_table_float64(const double **out, const levande_table *table,
                                                 const char *name, levande_error **out_err);

/** @brief A uint32 column (counts). */
LEVANDE_API levande_status levande_table_uint32(const uint32_t **out, const levande_table *table,
                                                const char *name, levande_error **out_err);

/** @brief A date column, days since 1970-01-01; -208188 (1400-01-01) where none. */
LEVANDE_API levande_status levande_table_date(const int32_t **out, const levande_table *table,
                                              const char *name, levande_error **out_err);

/**
 * @brief A dictionary column: per row a code into its words (-1 for none).
 * @param word_count receives the number of distinct words
 */
LEVANDE_API levande_status levande_table_codes(const int32_t **out, size_t *word_count,
                                               const levande_table *table, const char *name,
                                               levande_error **out_err);

/** @brief Word @p code of a dictionary column (UTF-8, owned by the table). */
LEVANDE_API levande_status levande_table_word(const char **out, const levande_table *table,
                                              const char *name, int32_t code,
                                              levande_error **out_err);

/**
 * @brief The table as an Arrow stream of one record batch; the columns are
 *        shared, not copied, and the stream stays valid after the table is
 *        destroyed. Dictionary columns are Arrow dictionaries of utf8.
 * @param out an ArrowArrayStream to fill; release it with out->release(out)
 */
LEVANDE_API levande_status levande_table_to_arrow(struct ArrowArrayStream *out,
                                                  const levande_table *table,
                                                  levande_error **out_err);

/** @brief Destroys a table; NULL-safe, sets *table to NULL. */
LEVANDE_API void levande_table_destroy(levande_table **table);

/** @brief The name of a goal status ("on_track"), or "unknown". The string is static. */
LEVANDE_API const char *levande_goal_status_name(int32_t status);

#ifdef __cplusplus
}
#endif

#endif /* LEVANDE_C_METRICS_H */
