/**
 * @file levande/c/metrics.h
 * @brief C API of the progress metrics (see levande/metrics.hpp).
 *
 * A metrics table is an immutable handle; its columns stay valid until it is
 * destroyed and may be read from many threads at once.
 */
#ifndef LEVANDE_C_METRICS_H
#define LEVANDE_C_METRICS_H

#include "levande/c/common.h"
#include "levande/c/workspace.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Goal statuses (levande::GoalStatus). */
typedef enum levande_goal_status {
  LEVANDE_GOAL_NO_DATA = 0,   /**< No measurement on or before the date. */
  LEVANDE_GOAL_ACHIEVED = 1,  /**< The latest value reached the target. */
  LEVANDE_GOAL_ON_TRACK = 2,  /**< The forecast at the deadline reaches the target. */
  LEVANDE_GOAL_AT_RISK = 3,   /**< The forecast reaches at least the at-risk threshold. */
  LEVANDE_GOAL_OFF_TRACK = 4, /**< The forecast falls short of it. */
  LEVANDE_GOAL_MISSED = 5     /**< The deadline passed without reaching the target. */
} levande_goal_status;

/** @brief Goal progress per goal (opaque); see levande_metrics_goal_status(). */
typedef struct levande_goal_status_table levande_goal_status_table;

/**
 * @brief The columns of a goal-status table, one row per goal in dense goal
 *        order (levande_workspace_id_at with LEVANDE_KIND_GOAL); NaN where a
 *        value does not exist. Pointers owned by the table.
 */
typedef struct levande_goal_status_columns {
  size_t count;                    /**< Number of rows (goals). */
  const double *current;           /**< Latest value on or before the date. */
  const int32_t *measured;         /**< Its date; -208188 (1400-01-01) when none. */
  const uint32_t *measurements;    /**< Measurements on or before the date. */
  const double *progress;          /**< (current − baseline) / (target − baseline). */
  const double *forecast;          /**< Least-squares value at the deadline. */
  const double *forecast_progress; /**< Progress of the forecast. */
  const uint8_t *status;           /**< levande_goal_status values. */
} levande_goal_status_columns;

/**
 * @brief Progress, forecast and status of every goal as of @p as_of.
 * @param at_risk_from forecast progress from which a goal is at risk, in (0, 1); 0.8 is the
 *        default of the C++ API
 * @param out receives the table; destroy with levande_goal_status_destroy()
 */
LEVANDE_API levande_status levande_metrics_goal_status(levande_goal_status_table **out,
                                                       const levande_workspace *ws, int32_t as_of,
                                                       double at_risk_from,
                                                       levande_error **out_err);

/** @brief The columns of a goal-status table. */
LEVANDE_API levande_status levande_goal_status_columns_get(levande_goal_status_columns *out,
                                                           const levande_goal_status_table *table,
                                                           levande_error **out_err);

/** @brief Destroys a goal-status table; NULL-safe, sets *table to NULL. */
LEVANDE_API void levande_goal_status_destroy(levande_goal_status_table **table);

/** @brief The name of a status ("on_track"), or "unknown". The string is static. */
LEVANDE_API const char *levande_goal_status_name(int32_t status);

#ifdef __cplusplus
}
#endif

#endif /* LEVANDE_C_METRICS_H */
