/**
 * @file levande/reinforcement.hpp
 * @brief The FSRS-6 memory model: how well a person still remembers what a
 *        training taught, and when the next reinforcement is due.
 *
 * Each check-in or feedback outcome is a review with a rating; the model keeps
 * a memory state (stability S in days, difficulty D in 1..10) and predicts
 * retrievability R(t, S) = (1 + F·t/S)^(−w20), the probability of recall t
 * days after the last review, with F = 0.9^(−1/w20) − 1 so that R(S, S) = 0.9.
 * The formulas are those of FSRS-6 (21 parameters); see docs/reinforcement.md.
 */
#ifndef LEVANDE_REINFORCEMENT_HPP
#define LEVANDE_REINFORCEMENT_HPP

#include <array>
#include <cstdint>
#include <optional>
#include <span>

#include "levande/calendar.hpp"
#include "levande/date.hpp"
#include "levande/export.h"
#include "levande/model.hpp"

namespace levande {

/** @brief A review grade. Pass/fail reviews use good and again. */
enum class Rating : std::uint8_t {
  again = 1,  ///< Forgotten / not applied.
  hard = 2,   ///< Recalled with difficulty / partly applied.
  good = 3,   ///< Recalled / applied.
  easy = 4,   ///< Recalled easily.
};

/**
 * @brief The rating a check-in outcome counts as: applied → good, partly →
 *        hard, not applied → again; nullopt for no recorded outcome.
 */
LEVANDE_API std::optional<Rating> rating_of(Outcome outcome) noexcept;

/** @brief The memory state after at least one review. */
struct MemoryState {
  double stability = 0;   ///< Days until retrievability falls to 0.9; > 0.
  double difficulty = 0;  ///< 1 (easy) .. 10 (hard).
  bool operator==(const MemoryState &) const = default;  ///< Exact equality.
};

/**
 * @brief FSRS-6 with a parameter set (the 21 published defaults unless given).
 *
 * Immutable value type; all members are const and thread-safe.
 */
class LEVANDE_API MemoryModel {
 public:
  /** @brief Number of parameters (w0 .. w20). */
  static constexpr std::size_t parameter_count = 21;
  /** @brief The published FSRS-6 default parameters. */
  static constexpr std::array<double, parameter_count> default_parameters{
      0.212,  1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001,  1.8722, 0.1666, 0.796,
      1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542};

  /** @brief The model with the default parameters. */
  MemoryModel() noexcept;

  /**
   * @brief A model with custom parameters (e.g. fitted by an FSRS optimizer).
   * @throws Error Errc::invalid_argument naming `parameters` when there are
   *         not 21; Errc::out_of_range naming `parameters[i]` for a value
   *         outside FSRS-6's admissible range (see docs/reinforcement.md).
   */
  explicit MemoryModel(std::span<const double> parameters);

  /** @brief The parameters in use. */
  const std::array<double, parameter_count> &parameters() const noexcept { return w_; }

  /**
   * @brief The state after a review.
   * @param state        the state before, or nullopt for a first review
   * @param elapsed_days days since the previous review (not used by a first
   *                     review, but checked all the same); below 1 is a
   *                     same-day review, which uses FSRS's short-term
   *                     stability formula
   * @param rating       the grade
   * @throws Error Errc::invalid_argument for a negative or non-finite
   *         elapsed_days, a rating outside 1–4, or an invalid state.
   */
  MemoryState review(const std::optional<MemoryState> &state, double elapsed_days,
                     Rating rating) const;

  /**
   * @brief Probability of recall @p elapsed_days after the last review.
   * @throws Error Errc::invalid_argument for a negative elapsed_days or an invalid state.
   */
  double retrievability(const MemoryState &state, double elapsed_days) const;

  /**
   * @brief Days after the last review at which retrievability falls to
   *        @p desired_retention (exact, not rounded; for the default 0.9 this
   *        is the stability).
   * @throws Error Errc::out_of_range unless 0 < desired_retention < 1.
   */
  double next_interval(const MemoryState &state, double desired_retention) const;

  /**
   * @brief The interval in whole days for scheduling: the last day on which
   *        predicted retention is still at least @p desired_retention
   *        (floor of next_interval()), at least 1 and at most @p maximum_days.
   */
  std::int32_t next_interval_days(const MemoryState &state, double desired_retention,
                                  std::int32_t maximum_days = 36500) const;

  /**
   * @brief Reviews many items at once: element i of the outputs is
   *        review(state_i, elapsed_days[i], ratings[i]), where state_i is
   *        nullopt when @p stability[i] is 0 (a first review).
   * @throws Error naming the element (`ratings[7]`) for bad input; the
   *         outputs are then unspecified. All spans must have one length.
   */
  void review_many(std::span<const double> stability, std::span<const double> difficulty,
                   std::span<const double> elapsed_days, std::span<const Rating> ratings,
                   std::span<double> out_stability, std::span<double> out_difficulty) const;

  /**
   * @brief The state after a history of reviews on the given days (in
   *        order, same day allowed), starting from nothing.
   * @throws Error Errc::invalid_argument for an empty history, unequal
   *         lengths or days out of order (naming `dates[i]`).
   */
  MemoryState replay(std::span<const Date> dates, std::span<const Rating> ratings) const;

  /**
   * @brief The day of the next reinforcement after a history of reviews:
   *        the last review plus next_interval_days(state, target,
   *        maximum_days), moved onto a business day of @p calendar by @p roll.
   * @throws Error as replay() and next_interval_days().
   */
  Date next_reinforcement(std::span<const Date> dates, std::span<const Rating> ratings,
                          double target, std::int32_t maximum_days, const Calendar &calendar,
                          Roll roll = Roll::following) const;

 private:
  void check_state(const MemoryState &state) const;
  MemoryState review_unchecked(const MemoryState *state, double elapsed_days, Rating rating) const;

  void derive() noexcept;

  std::array<double, parameter_count> w_;
  // Derived once per parameter set: every review would otherwise pay for these.
  double decay_;                      // −w20
  double factor_;                     // 0.9^(1/decay) − 1
  double exp_w8_;                     // e^w8
  double lapse_cap_;                  // e^(w17·w18)
  double d0_easy_;                    // D0(4), unclamped, the mean-reversion target
  std::array<double, 4> same_day_{};  // e^(w17·(G − 3 + w18)) per grade
};

}  // namespace levande

#endif  // LEVANDE_REINFORCEMENT_HPP
