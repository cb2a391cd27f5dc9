/**
 * @file levande/synthetic.hpp
 * @brief A deterministic synthetic organisation for benchmarks, tests and demos.
 */
#ifndef LEVANDE_SYNTHETIC_HPP
#define LEVANDE_SYNTHETIC_HPP

#include <cstdint>

#include "levande/export.h"
#include "levande/workspace.hpp"

namespace levande {

/** @brief Size and seed of synthetic_organisation(). */
struct SyntheticOptions {
  std::size_t people = 1000;  ///< Number of people (at least 10).
  std::uint64_t seed = 1;     ///< Same seed and size, same organisation, on every platform.
};

/**
 * @brief Builds an organisation of the given size with a year (2026) of
 *        follow-up history, in memory.
 *
 * Shape per person (see docs/workspace.md for the full recipe): teams of 10
 * under departments of 20 teams; 3 trainings each (of people/500 + 5
 * trainings in five kinds); one action plan with one goal and one task per
 * participation; 12 weekly measurements and 12 weekly check-ins per plan;
 * responses to about half of the three feedback sessions of each training;
 * 20 learning activities. At 100 000 people that is 300 000 plans and
 * about 9.7 million log records. Random numbers come from splitmix64, so
 * the result does not depend on the standard library.
 * @throws Error Errc::invalid_argument when people < 10 or > 10 000 000.
 */
LEVANDE_API Workspace synthetic_organisation(const SyntheticOptions &options = {});

}  // namespace levande

#endif  // LEVANDE_SYNTHETIC_HPP
