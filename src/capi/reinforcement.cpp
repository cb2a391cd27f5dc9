// The memory-model part of the C API.
#include "levande/reinforcement.hpp"
#include "guard.hpp"
#include "handles.hpp"
#include "levande.h"

struct levande_memory_model {
  levande::MemoryModel model;
};

using namespace levande;
using namespace levande::capi;

namespace {

Rating rating_arg(int32_t rating) {
  if (rating < 1 || rating > 4) {
    throw Error(Errc::invalid_argument, "rating", std::to_string(rating),
                "must be 1 (again) to 4 (easy)");
  }
  return static_cast<Rating>(rating);
}

}  // namespace

extern "C" {

levande_status levande_memory_model_create(levande_memory_model **out, const double *parameters,
                                           size_t count, levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    *out = nullptr;
    if (parameters == nullptr) {
      *out = new levande_memory_model{MemoryModel()};
    } else {
      *out = new levande_memory_model{MemoryModel(std::span(parameters, count))};
    }
  });
}

void levande_memory_model_destroy(levande_memory_model **model) {
  destroy(model);
}

levande_status levande_memory_model_review(double *out_stability, double *out_difficulty,
                                           const levande_memory_model *model, int32_t has_state,
                                           double stability, double difficulty, double elapsed_days,
                                           int32_t rating, levande_error **out_err) {
  return guard(out_err, [&] {
    require(out_stability, "out_stability");
    require(out_difficulty, "out_difficulty");
    require(model, "model");
    std::optional<MemoryState> before;
    if (has_state) before = MemoryState{stability, difficulty};
    const auto after = model->model.review(before, elapsed_days, rating_arg(rating));
    *out_stability = after.stability;
    *out_difficulty = after.difficulty;
  });
}

levande_status levande_memory_model_retrievability(double *out, const levande_memory_model *model,
                                                   double stability, double difficulty,
                                                   double elapsed_days, levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    require(model, "model");
    *out = model->model.retrievability({stability, difficulty}, elapsed_days);
  });
}

levande_status levande_memory_model_next_interval(double *out, const levande_memory_model *model,
                                                  double stability, double difficulty,
                                                  double desired_retention,
                                                  levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    require(model, "model");
    *out = model->model.next_interval({stability, difficulty}, desired_retention);
  });
}

levande_status levande_memory_model_review_many(double *out_stability, double *out_difficulty,
                                                const levande_memory_model *model,
                                                const double *stability, const double *difficulty,
                                                const double *elapsed_days, const uint8_t *ratings,
                                                size_t n, levande_error **out_err) {
  static_assert(sizeof(Rating) == sizeof(uint8_t));
  return guard(out_err, [&] {
    require(model, "model");
    if (n > 0) {
      require(out_stability, "out_stability");
      require(out_difficulty, "out_difficulty");
      require(stability, "stability");
      require(difficulty, "difficulty");
      require(elapsed_days, "elapsed_days");
      require(ratings, "ratings");
    }
    model->model.review_many({stability, n}, {difficulty, n}, {elapsed_days, n},
                             {reinterpret_cast<const Rating *>(ratings), n}, {out_stability, n},
                             {out_difficulty, n});
  });
}

levande_status levande_memory_model_next_reinforcement(
    int32_t *out, const levande_memory_model *model, const int32_t *dates, const uint8_t *ratings,
    size_t n, double target, int32_t maximum_days, const levande_calendar *calendar, int32_t roll,
    levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    require(model, "model");
    require(calendar, "calendar");
    if (n > 0) {
      require(dates, "dates");
      require(ratings, "ratings");
    }
    std::vector<Rating> grades(n);
    for (size_t i = 0; i < n; ++i)
      grades[i] = static_cast<Rating>(ratings[i]);
    const auto day = model->model.next_reinforcement({as_dates(dates), n}, grades, target,
                                                     maximum_days, calendar->cal, roll_from(roll));
    *out = day.days();
  });
}

}  // extern "C"
