/**
 * @file levande/c/reinforcement.h
 * @brief C API of the FSRS-6 memory model (see levande/reinforcement.hpp).
 */
#ifndef LEVANDE_C_REINFORCEMENT_H
#define LEVANDE_C_REINFORCEMENT_H

#include "levande/c/calendar.h"
#include "levande/c/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief An FSRS-6 parameter set. Immutable; may be shared between threads. */
typedef struct levande_memory_model levande_memory_model;

/** @brief Review grades. */
enum levande_rating {
  LEVANDE_RATING_AGAIN = 1, /**< Forgotten / not applied. */
  LEVANDE_RATING_HARD = 2,  /**< Recalled with difficulty / partly applied. */
  LEVANDE_RATING_GOOD = 3,  /**< Recalled / applied. */
  LEVANDE_RATING_EASY = 4   /**< Recalled easily. */
};

/**
 * @brief A model with @p count (21) parameters, or the published defaults
 *        when @p parameters is NULL. Destroy with levande_memory_model_destroy().
 * @return LEVANDE_ERR_INVALID_ARGUMENT for a count other than 21,
 *         LEVANDE_ERR_OUT_OF_RANGE naming `parameters[i]` for an inadmissible value.
 */
LEVANDE_API levande_status levande_memory_model_create(levande_memory_model **out,
                                                       const double *parameters, size_t count,
                                                       levande_error **out_err);

/** @brief Frees a model; NULL-safe; sets `*model` to NULL. */
LEVANDE_API void levande_memory_model_destroy(levande_memory_model **model);

/**
 * @brief The state after a review. With @p has_state 0 it is a first review
 *        and stability, difficulty and elapsed_days are ignored.
 */
LEVANDE_API levande_status levande_memory_model_review(double *out_stability,
                                                       double *out_difficulty,
                                                       const levande_memory_model *model,
                                                       int32_t has_state, double stability,
                                                       double difficulty, double elapsed_days,
                                                       int32_t rating, levande_error **out_err);

/** @brief Probability of recall @p elapsed_days after the last review. */
LEVANDE_API levande_status levande_memory_model_retrievability(double *out,
                                                               const levande_memory_model *model,
                                                               double stability, double difficulty,
                                                               double elapsed_days,
                                                               levande_error **out_err);

/** @brief Exact days until retrievability falls to @p desired_retention (0 < r < 1). */
LEVANDE_API levande_status levande_memory_model_next_interval(double *out,
                                                              const levande_memory_model *model,
                                                              double stability, double difficulty,
                                                              double desired_retention,
                                                              levande_error **out_err);

/**
 * @brief @p n reviews at once; a stability of 0 marks a first review. Ratings
 *        are 1–4 as uint8_t. Errors name the element (`ratings[7]`).
 */
LEVANDE_API levande_status levande_memory_model_review_many(
    double *out_stability, double *out_difficulty, const levande_memory_model *model,
    const double *stability, const double *difficulty, const double *elapsed_days,
    const uint8_t *ratings, size_t n, levande_error **out_err);

/**
 * @brief The business day of the next reinforcement after @p n reviews on
 *        @p dates (days since 1970-01-01, in order) with @p ratings (1–4):
 *        the last review plus the whole days until predicted retention falls
 *        to @p target (at most @p maximum_days), rolled on @p calendar by
 *        @p roll (a levande_roll value).
 */
LEVANDE_API levande_status levande_memory_model_next_reinforcement(
    int32_t *out, const levande_memory_model *model, const int32_t *dates, const uint8_t *ratings,
    size_t n, double target, int32_t maximum_days, const levande_calendar *calendar, int32_t roll,
    levande_error **out_err);

#ifdef __cplusplus
}
#endif

#endif /* LEVANDE_C_REINFORCEMENT_H */
