/**
 * @file levande/demo.hpp
 * @brief The demo organisation: a Swedish IT department with a year of
 *        follow-up history, for the README's main job, examples and reports.
 */
#ifndef LEVANDE_DEMO_HPP
#define LEVANDE_DEMO_HPP

#include <cstdint>

#include "levande/date.hpp"
#include "levande/export.h"
#include "levande/workspace.hpp"

namespace levande {

/** @brief Options of demo_organisation(). */
struct DemoOptions {
  /** @brief History is simulated up to this day (within 2026); later follow-ups stay planned. */
  Date as_of = Date::from_ymd(2026, 11, 30);
  std::uint64_t seed = 2026;  ///< Same seed and date, same organisation, on every platform.
};

/**
 * @brief Builds the demo organisation in memory.
 *
 * An IT department of 81 people (a CIO and 8 teams of 10: operations, two
 * development teams, information security, service desk, data, architecture
 * and the project office) on the Swedish calendar; five 2026 trainings
 * (DevOps foundations, cloud security, agile project management, IT-security
 * awareness, ITIL 4) with assessments; an action plan with a measurable goal
 * per participation (release lead time −15 % in three months, fewer security
 * incidents, on-time delivery, shorter ticket resolution), a team
 * goal for phishing clicks; peer groups, ambassadors, competence plans and
 * learning activities; the follow-up planned by the default policy, and its
 * history up to @p options.as_of simulated: check-ins held and missed with
 * outcomes, fortnightly measurements, feedback responses, assignments,
 * attended peer sessions, and successes found and partly celebrated.
 * docs/demo.md gives the recipe.
 * @throws Error Errc::invalid_argument naming `as_of` outside 2026-06-01 ..
 *         2026-12-31.
 */
LEVANDE_API Workspace demo_organisation(const DemoOptions &options = {});

}  // namespace levande

#endif  // LEVANDE_DEMO_HPP
