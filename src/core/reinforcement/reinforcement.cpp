#include "levande/reinforcement.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "levande/error.hpp"

namespace levande {
namespace {

constexpr double min_stability = 0.001;
constexpr double min_difficulty = 1.0;
constexpr double max_difficulty = 10.0;

// FSRS-6's admissible parameter ranges (the clipping bounds of its optimizer).
constexpr std::array<double, MemoryModel::parameter_count> lower{
    0.001, 0.001, 0.001, 0.001, 1.0, 0.001, 0.001, 0.001, 0.0, 0.0, 0.001,
    0.001, 0.001, 0.001, 0.0,   0.0, 1.0,   0.0,   0.0,   0.0, 0.1};
constexpr std::array<double, MemoryModel::parameter_count> upper{
    100.0, 100.0, 100.0, 100.0, 10.0, 4.0, 4.0, 0.75, 4.5, 0.8, 3.5,
    5.0,   0.25,  0.9,   4.0,   1.0,  6.0, 2.0, 2.0,  0.8, 0.8};

std::string num(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", v);
  return buffer;
}

double clamp_difficulty(double d) {
  return std::clamp(d, min_difficulty, max_difficulty);
}

void check_rating(Rating rating, const std::string &where) {
  const auto r = static_cast<int>(rating);
  if (r < 1 || r > 4)
    throw Error(Errc::invalid_argument, where, std::to_string(r), "must be 1 (again) to 4 (easy)");
}

void check_elapsed(double days, const std::string &where) {
  if (!(days >= 0) || !std::isfinite(days)) {
    throw Error(Errc::invalid_argument, where, num(days), "must be a finite number of days >= 0");
  }
}

}  // namespace

MemoryModel::MemoryModel() noexcept : w_(default_parameters) {
  derive();
}

void MemoryModel::derive() noexcept {
  decay_ = -w_[20];
  factor_ = std::pow(0.9, 1.0 / decay_) - 1.0;
  exp_w8_ = std::exp(w_[8]);
  lapse_cap_ = std::exp(w_[17] * w_[18]);
  d0_easy_ = w_[4] - std::exp(w_[5] * 3) + 1;
  for (int g = 1; g <= 4; ++g)
    same_day_[g - 1] = std::exp(w_[17] * (g - 3 + w_[18]));
}

MemoryModel::MemoryModel(std::span<const double> parameters) : MemoryModel() {
  if (parameters.size() != parameter_count) {
    throw Error(Errc::invalid_argument, "parameters", std::to_string(parameters.size()),
                "FSRS-6 takes 21 parameters (w0..w20)");
  }
  for (std::size_t i = 0; i < parameter_count; ++i) {
    const double v = parameters[i];
    if (!(v >= lower[i] && v <= upper[i])) {
      throw Error(Errc::out_of_range, "parameters[" + std::to_string(i) + "]", num(v),
                  "must be between " + num(lower[i]) + " and " + num(upper[i]));
    }
    w_[i] = v;
  }
  derive();
}

void MemoryModel::check_state(const MemoryState &state) const {
  if (!(state.stability > 0) || !std::isfinite(state.stability)) {
    throw Error(Errc::invalid_argument, "state.stability", num(state.stability),
                "must be a finite number > 0");
  }
  if (!(state.difficulty >= min_difficulty && state.difficulty <= max_difficulty)) {
    throw Error(Errc::invalid_argument, "state.difficulty", num(state.difficulty),
                "must be between 1 and 10");
  }
}

double MemoryModel::retrievability(const MemoryState &state, double elapsed_days) const {
  check_state(state);
  check_elapsed(elapsed_days, "elapsed_days");
  return std::pow(1.0 + factor_ * elapsed_days / state.stability, decay_);
}

MemoryState MemoryModel::review_unchecked(const MemoryState *state, double elapsed_days,
                                          Rating rating) const {
  const double g = static_cast<double>(rating);
  if (state == nullptr) {
    // S0(G) = w[G−1]; D0(G) = w4 − e^(w5·(G−1)) + 1.
    return {std::max(w_[static_cast<std::size_t>(rating) - 1], min_stability),
            clamp_difficulty(w_[4] - std::exp(w_[5] * (g - 1)) + 1)};
  }
  const double s = state->stability, d = state->difficulty;
  double next_s;
  if (elapsed_days < 1) {
    // Same-day review: short-term stability, never lower on a pass.
    double increase = same_day_[static_cast<std::size_t>(rating) - 1] * std::pow(s, -w_[19]);
    if (rating != Rating::again) increase = std::max(increase, 1.0);
    next_s = s * increase;
  } else {
    const double r = std::pow(1.0 + factor_ * elapsed_days / s, decay_);
    if (rating == Rating::again) {
      const double long_term = w_[11] * std::pow(d, -w_[12]) * (std::pow(s + 1, w_[13]) - 1) *
                               std::exp((1 - r) * w_[14]);
      const double short_term = s / lapse_cap_;
      next_s = std::min(long_term, short_term);
    } else {
      const double hard = rating == Rating::hard ? w_[15] : 1.0;
      const double easy = rating == Rating::easy ? w_[16] : 1.0;
      next_s = s * (1 + exp_w8_ * (11 - d) * std::pow(s, -w_[9]) *
                            (std::exp((1 - r) * w_[10]) - 1) * hard * easy);
    }
  }
  // Difficulty: linear damping towards 10, then mean reversion towards D0(easy).
  const double delta = -w_[6] * (g - 3);
  const double damped = d + delta * (10 - d) / 9;
  const double next_d = w_[7] * d0_easy_ + (1 - w_[7]) * damped;
  return {std::max(next_s, min_stability), clamp_difficulty(next_d)};
}

MemoryState MemoryModel::review(const std::optional<MemoryState> &state, double elapsed_days,
                                Rating rating) const {
  check_rating(rating, "rating");
  // Checked for a first review too: it does not use the days, but a
  // negative or NaN value there is a caller's mistake all the same.
  check_elapsed(elapsed_days, "elapsed_days");
  if (state) check_state(*state);
  return review_unchecked(state ? &*state : nullptr, elapsed_days, rating);
}

double MemoryModel::next_interval(const MemoryState &state, double desired_retention) const {
  check_state(state);
  if (!(desired_retention > 0 && desired_retention < 1)) {
    throw Error(Errc::out_of_range, "desired_retention", num(desired_retention),
                "must be between 0 and 1 (exclusive)");
  }
  // Solve R(t) = r for t: t = S/F · (r^(1/decay) − 1).
  return state.stability / factor_ * (std::pow(desired_retention, 1.0 / decay_) - 1.0);
}

std::int32_t MemoryModel::next_interval_days(const MemoryState &state, double desired_retention,
                                             std::int32_t maximum_days) const {
  if (maximum_days < 1) {
    throw Error(Errc::out_of_range, "maximum_days", std::to_string(maximum_days),
                "must be at least 1");
  }
  double days = std::floor(next_interval(state, desired_retention));
  // The closed form can land one ulp short of a whole day (S = 4 at 0.9
  // gives 3.9999...); the last day whose retention still meets the target counts.
  if (std::pow(1.0 + factor_ * (days + 1) / state.stability, decay_) >= desired_retention)
    days += 1;
  if (days >= maximum_days) return maximum_days;
  return std::max<std::int32_t>(1, static_cast<std::int32_t>(days));
}

void MemoryModel::review_many(std::span<const double> stability, std::span<const double> difficulty,
                              std::span<const double> elapsed_days, std::span<const Rating> ratings,
                              std::span<double> out_stability,
                              std::span<double> out_difficulty) const {
  const std::size_t n = stability.size();
  for (const std::size_t m : {difficulty.size(), elapsed_days.size(), ratings.size(),
                              out_stability.size(), out_difficulty.size()}) {
    if (m != n) {
      throw Error(Errc::invalid_argument, "columns", std::to_string(m),
                  "all columns must have the same length (" + std::to_string(n) + ")");
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    const auto at = [&](const char *name) {
      return std::string(name) + "[" + std::to_string(i) + "]";
    };
    if (static_cast<unsigned>(ratings[i]) - 1u > 3u) check_rating(ratings[i], at("ratings"));
    if (!(elapsed_days[i] >= 0) || !std::isfinite(elapsed_days[i]))
      check_elapsed(elapsed_days[i], at("elapsed_days"));
    if (stability[i] == 0) {
      const auto s = review_unchecked(nullptr, 0, ratings[i]);
      out_stability[i] = s.stability;
      out_difficulty[i] = s.difficulty;
      continue;
    }
    const MemoryState before{stability[i], difficulty[i]};
    if (!(before.stability > 0) || !std::isfinite(before.stability) ||
        !(before.difficulty >= min_difficulty && before.difficulty <= max_difficulty)) {
      try {
        check_state(before);
      } catch (const Error &e) {
        throw e.within(at(e.field() == "state.stability" ? "stability" : "difficulty"));
      }
    }
    const auto s = review_unchecked(&before, elapsed_days[i], ratings[i]);
    out_stability[i] = s.stability;
    out_difficulty[i] = s.difficulty;
  }
}

std::optional<Rating> rating_of(Outcome outcome) noexcept {
  switch (outcome) {
    case Outcome::applied:
      return Rating::good;
    case Outcome::partly:
      return Rating::hard;
    case Outcome::not_applied:
      return Rating::again;
    default:
      return std::nullopt;
  }
}

MemoryState MemoryModel::replay(std::span<const Date> dates,
                                std::span<const Rating> ratings) const {
  if (dates.empty())
    throw Error(Errc::invalid_argument, "dates", "0", "a history needs at least one review");
  if (dates.size() != ratings.size()) {
    throw Error(Errc::invalid_argument, "ratings", std::to_string(ratings.size()),
                "one rating per date (" + std::to_string(dates.size()) + " dates)");
  }
  std::optional<MemoryState> state;
  for (std::size_t i = 0; i < dates.size(); ++i) {
    const std::string where = "dates[" + std::to_string(i) + "]";
    if (!dates[i].valid())
      throw Error(Errc::out_of_range, where, std::to_string(dates[i].days()),
                  "is not a supported date");
    if (i > 0 && dates[i] < dates[i - 1]) {
      throw Error(Errc::invalid_argument, where, dates[i].to_string(),
                  "reviews must be in order (the one before is " + dates[i - 1].to_string() + ")");
    }
    check_rating(ratings[i], "ratings[" + std::to_string(i) + "]");
    const double elapsed = i == 0 ? 0.0 : static_cast<double>(dates[i] - dates[i - 1]);
    state = review_unchecked(state ? &*state : nullptr, elapsed, ratings[i]);
  }
  return *state;
}

Date MemoryModel::next_reinforcement(std::span<const Date> dates, std::span<const Rating> ratings,
                                     double target, std::int32_t maximum_days,
                                     const Calendar &calendar, Roll roll) const {
  const auto state = replay(dates, ratings);
  const auto days = next_interval_days(state, target, maximum_days);
  const Date rolled = calendar.roll(dates.back().add_days(days), roll);
  // Rolling backwards (preceding, or modified following at a month end) must
  // not land on or before the last review: then the next business day after it.
  if (rolled <= dates.back()) return calendar.roll(dates.back().add_days(1), Roll::following);
  return rolled;
}

}  // namespace levande
