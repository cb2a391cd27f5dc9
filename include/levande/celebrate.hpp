/**
 * @file levande/celebrate.hpp
 * @brief Step 5: successes found in the data, and the celebration feed.
 *
 * Detection looks at goals (target reached, milestones, KPI improvement)
 * and check-ins (a streak held) as of a date and proposes Success records
 * with stable ids. A success whose id is already in the workspace, or a
 * goal's success of the same kind recorded by hand, is not proposed again,
 * so recording what detection finds makes each success found once. The
 * rules and the ids are in docs/celebrations.md.
 */
#ifndef LEVANDE_CELEBRATE_HPP
#define LEVANDE_CELEBRATE_HPP

#include <cstdint>
#include <string>
#include <vector>

#include "levande/date.hpp"
#include "levande/export.h"
#include "levande/model.hpp"
#include "levande/table.hpp"
#include "levande/workspace.hpp"

namespace levande {

/** @brief What counts as a success. */
struct CelebrationOptions {
  /**
   * @brief Milestones every this many percent of the way to a goal's target
   *        (25 → 25, 50 and 75 %; 100 % is "goal achieved"); 1–99, or 0 for
   *        no milestones.
   */
  std::int32_t milestone_step_percent = 25;
  /**
   * @brief A goal's measured value this many percent better than its
   *        baseline (in the goal's direction, relative to |baseline|) is a
   *        "kpi_improved" success; > 0 and at most 1000, or 0 for none.
   */
  double kpi_improvement_percent = 10;
  /** @brief Check-ins held in a row that make a streak; 2–1000, or 0 for no streaks. */
  std::int32_t streak = 3;
};

/**
 * @brief The successes in the data as of @p as_of that the workspace does
 *        not hold yet, in date order (on one day: goals in dense order, each
 *        achieved, then milestones from the highest, then KPI; then streaks
 *        in plan order).
 *
 * Kinds: "goal_achieved" (large), "milestone", "kpi_improved" and
 * "check_in_streak" (small). Ids are "<goal>/achieved",
 * "<goal>/milestone-<percent>", "<goal>/kpi" and
 * "<plan>/streak-<YYYY-MM-DD of the streak's first check-in>". `person` is
 * the plan's owner; `team` is the owning team, or the owner's team. The title
 * carries the numbers. Pure: the workspace is not changed.
 * @throws Error Errc::invalid_argument naming `as_of`,
 *         `milestone_step_percent`, `kpi_improvement_percent` or `streak`.
 */
LEVANDE_API std::vector<Success> find_successes(const Workspace &workspace, Date as_of,
                                                const CelebrationOptions &options = {});

/**
 * @brief find_successes() and adds what it found to the workspace in one
 *        batch; a second call with the same data finds nothing.
 * @return the successes added.
 * @throws Error as find_successes() and Workspace::apply(); on error nothing
 *         is added.
 */
LEVANDE_API std::vector<Success> record_successes(Workspace &workspace, Date as_of,
                                                  const CelebrationOptions &options = {});

/**
 * @brief Successes as a Table, one row each in the given order: `success`,
 *        `date`, `kind`, `scale` (small/large), `goal`, `team`, `person`,
 *        `title`, `celebrated` (Date::min() when not celebrated) and
 *        `celebrated_where`; text columns are dictionaries, code -1 where empty.
 */
LEVANDE_API Table successes_table(const std::vector<Success> &successes);

/** @brief How the feed is written. */
enum class FeedFormat : std::uint8_t {
  text = 0,      ///< One plain line per success.
  markdown = 1,  ///< A Markdown bullet list, names in bold, text escaped.
  /**
   * @brief Markdown for a newsletter: team successes first (told as what the
   *        team changed), then each team's people; one line per goal (its
   *        most significant success of the period), successes recorded by
   *        hand always, check-in streaks counted per team (docs/celebrations.md).
   */
  newsletter = 2,
};

/** @brief Which successes the feed lists. */
struct FeedOptions {
  Date from = Date::min();  ///< First day (inclusive); Date::min() for no bound.
  Date to = Date::max();    ///< Last day (inclusive); Date::max() for no bound.
  /** @brief Only successes of this team or its sub-teams (by `team`, or the person's team); empty
   * for all. */
  std::string team;
  bool uncelebrated_only = false;        ///< Leave out successes already celebrated.
  FeedFormat format = FeedFormat::text;  ///< Plain text or Markdown.
  /** @brief The language of the newsletter's texts ("sv", "en"); empty for the
   *         workspace's (Settings::language). Dates stay YYYY-MM-DD. */
  std::string language;
};

/**
 * @brief The celebration feed: one short line per success of the workspace
 *        (recorded by hand or by record_successes()) in date order, naming
 *        who (person and team, or team), what and the number, for a team
 *        meeting or a newsletter. Empty when nothing matches.
 *
 * Text: `YYYY-MM-DD  Who (Team): title`. Markdown: `- **Who** (Team), YYYY-MM-DD: title`, with
 * Markdown's special characters in names and titles escaped and line breaks
 * in them replaced by spaces.
 * @throws Error Errc::not_found naming `team` for an unknown team;
 *         Errc::invalid_argument naming `to` when it is before `from`.
 */
LEVANDE_API std::string celebration_feed(const Workspace &workspace,
                                         const FeedOptions &options = {});

}  // namespace levande

#endif  // LEVANDE_CELEBRATE_HPP
