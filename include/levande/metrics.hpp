/**
 * @file levande/metrics.hpp
 * @brief Progress metrics computed as of a date the caller passes.
 *
 * Every metric is a pure function of a workspace and a date: no clock is
 * read, so a result can be reproduced. Results are column tables whose rows
 * follow the dense index order of the kind they describe. The formulas are
 * in docs/metrics.md.
 */
#ifndef LEVANDE_METRICS_HPP
#define LEVANDE_METRICS_HPP

#include <cstdint>
#include <utility>
#include <vector>

#include "levande/date.hpp"
#include "levande/export.h"
#include "levande/reinforcement.hpp"
#include "levande/table.hpp"
#include "levande/workspace.hpp"

namespace levande {

/** @brief Where a goal stands. Values are stable (C API, stored tables). */
enum class GoalStatus : std::uint8_t {
  no_data = 0,    ///< No measurement on or before the date.
  achieved = 1,   ///< The latest measurement reached the target.
  on_track = 2,   ///< Forecast at the deadline reaches the target.
  at_risk = 3,    ///< Forecast reaches at least GoalStatusOptions::at_risk_from of the way.
  off_track = 4,  ///< Forecast falls short of that.
  missed = 5,     ///< The deadline has passed without reaching the target.
};

/** @brief Number of GoalStatus values. */
inline constexpr std::size_t goal_status_count = 6;

/** @brief The snake_case name of a status, e.g. "on_track". */
LEVANDE_API const char *to_string(GoalStatus status) noexcept;

/** @brief Thresholds of goal_status(). */
struct GoalStatusOptions {
  /**
   * @brief Forecast progress (1 = target) from which an unfinished goal is
   *        at risk rather than off track; in (0, 1).
   */
  double at_risk_from = 0.8;
};

/**
 * @brief One row per goal, in dense goal order (Workspace::id_at(Kind::goal, i)).
 *
 * NaN marks a value that does not exist (no measurement, no forecast).
 */
struct GoalStatusTable {
  std::vector<double> current;            ///< Latest measured value on or before the date.
  std::vector<Date> measured;             ///< Date of that value; Date::min() when none.
  std::vector<std::uint32_t> count;       ///< Measurements on or before the date.
  std::vector<double> progress;           ///< (current − baseline) / (target − baseline).
  std::vector<double> forecast;           ///< Least-squares value at the deadline.
  std::vector<double> forecast_progress;  ///< progress of `forecast`.
  std::vector<GoalStatus> status;         ///< Where the goal stands.
  /** @brief Number of rows (goals). */
  std::size_t size() const noexcept { return status.size(); }
};

/**
 * @brief Progress, forecast and status of every goal as of @p as_of.
 *
 * Only measurements dated on or before @p as_of count. The forecast is the
 * least-squares line through the baseline at the plan's creation date and
 * those measurements, evaluated at the goal's deadline (docs/metrics.md).
 * @throws Error Errc::invalid_argument naming `as_of` for an invalid date
 *         and `at_risk_from` for a threshold outside (0, 1).
 */
LEVANDE_API GoalStatusTable goal_status(const Workspace &workspace, Date as_of,
                                        const GoalStatusOptions &options = {});

/**
 * @brief The goal statuses as a Table (moving, not copying, the columns):
 *        `goal` (dictionary of goal ids), `current`, `measured`, `count`,
 *        `progress`, `forecast`, `forecast_progress`, `status` (dictionary of
 *        status names in GoalStatus order).
 */
LEVANDE_API Table to_table(const Workspace &workspace, GoalStatusTable goals);

/** @brief What a metrics table has a row for. */
enum class GroupBy : std::uint8_t {
  person = 0,  ///< One row per person (dense person order).
  team = 1,    ///< One row per team, counting its sub-teams (dense team order).
};

/** @brief Options of engagement(). */
struct EngagementOptions {
  /** @brief Days a check-in may be held before or after its date and count as on time; 0–365. */
  std::int32_t tolerance_days = 3;
};

/**
 * @brief Step 1 check-in adherence and step 6 learning per person or team as
 *        of a date (formulas in docs/metrics.md).
 *
 * Columns: `person` or `team` (dictionary of ids), `people`, `check_ins_due`,
 * `check_ins_on_time`, `adherence`, `check_ins_overdue`, `check_ins_missed`,
 * `learning_hours` (year to date), `on_the_job_share`, `social_share`,
 * `formal_share`, `self_initiated_share`, `hours_budget` and
 * `hours_of_budget` (teams: the year's competence-plan initiatives; NaN per
 * person), `team_goals`, `team_goals_planned` and `goal_plan_coverage`
 * (teams: goals of team plans due in the year and those linked by an
 * initiative of that year's competence plan of the team or a team above it;
 * NaN per person) and `retention_health` (mean six-step coverage of the
 * participations). A team row counts its sub-teams; ratios over nothing are NaN.
 * @throws Error Errc::invalid_argument naming `as_of`, `by` or `tolerance_days`.
 */
LEVANDE_API Table engagement(const Workspace &workspace, Date as_of, GroupBy by,
                             const EngagementOptions &options = {});

/** @brief What a feedback table has a row for. */
enum class FeedbackBy : std::uint8_t {
  team = 0,      ///< One row per team, counting its sub-teams (respondents by their team).
  training = 1,  ///< One row per training (sessions about the training).
};

/** @brief Options of feedback(). */
struct FeedbackOptions {
  /** @brief Fewer distinct respondents than this and a row is suppressed; 1–1000. */
  std::int32_t min_respondents = 5;
};

/**
 * @brief Step 4 per team or training as of a date, with the anonymity rules
 *        of docs/metrics.md.
 *
 * Columns: `team` or `training` (dictionary of ids), `sessions` and `invited`
 * (always shown), `respondents`, `responses`, `response_rate`,
 * `mean_impact`, `support_needs` (NaN = null when suppressed, never 0),
 * `suppressed` (1 = the row's answers are hidden) and
 * `suppressed_to_protect_others` (1 = hidden only so that no other row can be
 * recovered by subtraction).
 * @throws Error Errc::invalid_argument naming `as_of`, `by` or `min_respondents`.
 */
LEVANDE_API Table feedback(const Workspace &workspace, Date as_of, FeedbackBy by,
                           const FeedbackOptions &options = {});

/** @brief Options of training_outcomes(). */
struct OutcomeOptions {
  /** @brief Days after a training's end within which an assignment counts as applying it; 0–3650.
   */
  std::int32_t application_days = 90;
  /** @brief Phillips: share of the improvement attributed to the training, (0, 1]. */
  double attribution = 1.0;
  /** @brief Phillips: confidence in the estimate, (0, 1]. */
  double confidence = 1.0;
};

/**
 * @brief Per training as of a date: Kirkpatrick levels 1–4, the application
 *        rate and Phillips ROI (formulas in docs/metrics.md).
 *
 * Columns: `training` (dictionary), `participants`, `reaction` (L1 mean),
 * `pre_score`, `post_score`, `learning_gain` (L2, post − pre),
 * `normalised_gain`, `application_rate` (L3), `goal_progress` (L4, mean
 * progress of the goals of plans following the training), `benefits`
 * (annual: Σ improvement × value_per_unit × attribution × confidence over
 * goals with a value), `costs`, `benefit_cost_ratio`, `roi_percent`,
 * `payback_months`, `peer_participation` (share of participants in a peer
 * group of the training), `peer_sessions_planned` and `peer_sessions_held`
 * (its groups' sessions dated by as_of, and those with attendees),
 * `successes` and `successes_celebrated` (on goals of plans that follow the
 * training), `ambassadors` (of the training or one of its skills) and
 * `ambassador_reach` (other people who attended a peer session by as_of
 * with one of them), `retention_health` (mean six-step coverage of the
 * participations, see coverage()), and whether it is sticking:
 * `check_in_adherence` (on time ÷ due, 3 days' tolerance, over the plans
 * following the training), `goals_measured`, `goals_on_course` (achieved or
 * on track), `goal_outlook` (their ratio), `verdict` (dictionary:
 * not_started, too_early, sticking, needs_attention, not_sticking) and
 * `verdict_score` (0–2; docs/metrics.md, "The verdict"). NaN where there is
 * nothing to average or no cost.
 * @throws Error Errc::invalid_argument naming `as_of`, `application_days`,
 *         `attribution` or `confidence`.
 */
LEVANDE_API Table training_outcomes(const Workspace &workspace, Date as_of,
                                    const OutcomeOptions &options = {});

/**
 * @brief Which of the six steps have happened for each participation, as of
 *        a date (definitions in docs/metrics.md).
 *
 * Columns: `participation`, `person`, `training` (dictionaries),
 * `action_plan`, `on_the_job`, `peer_learning`, `feedback`, `celebration`,
 * `continuous_learning` (1 when the step happened), `steps` (how many) and
 * `coverage` = steps ÷ 6. The mean coverage of a training or team is its
 * retention health.
 * @throws Error Errc::invalid_argument naming `as_of`.
 */
LEVANDE_API Table coverage(const Workspace &workspace, Date as_of);

/** @brief Options of retention(). */
struct RetentionOptions {
  MemoryModel model;    ///< The memory model (FSRS-6 defaults unless given).
  double target = 0.9;  ///< Retention at which reinforcement is due (`reinforce_by`); in (0, 1).
};

/**
 * @brief Predicted retention per person and skill from the memory model, as
 *        of a date (docs/metrics.md, "Predicted retention").
 *
 * The reviews of a (person, skill) pair are, over the trainings teaching the
 * skill: completing the training (its `completed` date, else its end unless
 * cancelled) rated good; the check-ins held with an outcome of the person's
 * own action plans for it (rating_of()); the person's responses to feedback
 * sessions about it, at the session's date (impact 1 → again, 2 → hard, 3–4
 * → good, 5 → easy). Only what is dated on or before @p as_of counts, and a
 * pair has a row once something was learnt.
 *
 * Columns: `person`, `team` (the person's; null without one), `skill`
 * (dictionaries; rows by person, then skill name), `trainings` (learning
 * reviews), `reviews` (all), `last_review`, `stability` (days),
 * `difficulty` (1–10), `retrievability` (predicted recall on @p as_of, 0–1)
 * and `reinforce_by` (the last day predicted retention is at least the
 * target).
 * @throws Error Errc::invalid_argument naming `as_of` or `target`.
 */
LEVANDE_API Table retention(const Workspace &workspace, Date as_of,
                            const RetentionOptions &options = {});

/** @brief Options of cohort_curves(). */
struct CohortOptions {
  std::int32_t step_days = 30;  ///< Days between points of a curve; 1–365.
  std::int32_t max_days = 360;  ///< Last day of a curve after the training; 0–3650.
};

/**
 * @brief Cohort curves: the mean progress of the goals that follow a
 *        training, by days since the training's end, per cohort (the month of
 *        that end, "YYYY-MM"), as of a date (docs/metrics.md).
 *
 * A goal's progress on day d is that of its latest measurement on or before
 * end + d (0, the baseline, before any), not capped. A goal counts on day d
 * only once end + d is on or before @p as_of, so a curve ends where its data
 * ends. Columns: `cohort` (dictionary, in month order), `day` (int32),
 * `goals`, `mean_progress`, `achieved_share` (progress ≥ 1).
 * @throws Error Errc::invalid_argument naming `as_of`, `step_days` or `max_days`.
 */
LEVANDE_API Table cohort_curves(const Workspace &workspace, Date as_of,
                                const CohortOptions &options = {});

/** @brief What goal_rollup() has a row for. */
enum class RollupBy : std::uint8_t {
  person = 0,      ///< Per person: the goals of their own plans (dense person order).
  team = 1,        ///< Per team: goals of its members' and its own plans, with sub-teams.
  department = 2,  ///< Per department (see RollupOptions::department_depth); each goal once.
  training = 3,    ///< Per training: goals of the plans that follow it (dense training order).
  skill = 4,       ///< Per skill of those trainings (name order); a goal counts for each skill.
  cohort = 5,      ///< Per month of the training's end, "YYYY-MM" (month order).
};

/** @brief Options of goal_rollup(). */
struct RollupOptions {
  GoalStatusOptions status;  ///< Thresholds of goal_status().
  /**
   * @brief Depth of departments in the team hierarchy, roots being at depth
   *        0 (1: the teams directly under a root); 0–100. A team at most this
   *        deep is its own department.
   */
  std::int32_t department_depth = 1;
};

/**
 * @brief Goal progress and status rolled up by person, team, department,
 *        training, skill or cohort, as of a date (docs/metrics.md).
 *
 * Columns: the key (`person`, `team`, `department`, `training`, `skill` or
 * `cohort`, dictionary), `goals`, `measured` (goals with data),
 * `mean_progress` (over measured goals), `on_track_share` ((achieved +
 * on track) ÷ measured) and one count per status (`no_data`, `achieved`,
 * `on_track`, `at_risk`, `off_track`, `missed`). NaN over no measured goal.
 * @throws Error Errc::invalid_argument naming `as_of`, `by`, `at_risk_from`
 *         or `department_depth`.
 */
LEVANDE_API Table goal_rollup(const Workspace &workspace, Date as_of, RollupBy by,
                              const RollupOptions &options = {});

/** @brief Options of metrics_pass(): those of each metric it runs. */
struct MetricsPassOptions {
  GoalStatusOptions status;           ///< Goal status thresholds, also used by the roll-ups.
  EngagementOptions engagement;       ///< Check-in tolerance.
  FeedbackOptions feedback;           ///< Anonymity threshold.
  OutcomeOptions outcomes;            ///< Application window, Phillips factors.
  CohortOptions cohorts;              ///< Curve points.
  std::int32_t department_depth = 1;  ///< RollupOptions::department_depth.
  /** @brief Whether to run retention() (FSRS over every review: the slowest metric). */
  bool with_retention = true;
  RetentionOptions retention;  ///< Its model and target.
};

/**
 * @brief Every metrics table as of one date, from one pass.
 *
 * Each field is what the function of the same name returns for the same
 * date and options (`goals_by_*` are goal_rollup() by each key). Computed
 * together, the goal statuses and six-step coverage that several tables
 * derive from are made once instead of once per table.
 */
struct LEVANDE_API MetricsPass {
  Table goal_status;           ///< to_table(goal_status()).
  Table engagement_by_person;  ///< engagement() by person.
  Table engagement_by_team;    ///< engagement() by team.
  Table feedback_by_team;      ///< feedback() by team.
  Table feedback_by_training;  ///< feedback() by training.
  Table training_outcomes;     ///< training_outcomes().
  Table coverage;              ///< coverage().
  Table retention;             ///< retention(); no columns without `with_retention`.
  Table cohort_curves;         ///< cohort_curves().
  Table goals_by_person;       ///< goal_rollup() by person.
  Table goals_by_team;         ///< goal_rollup() by team.
  Table goals_by_department;   ///< goal_rollup() by department.
  Table goals_by_training;     ///< goal_rollup() by training.
  Table goals_by_skill;        ///< goal_rollup() by skill.
  Table goals_by_cohort;       ///< goal_rollup() by cohort.

  /** @brief The tables with their field names, in the order above. */
  std::vector<std::pair<const char *, const Table *>> tables() const;
  /** @brief The same, to move tables out. */
  std::vector<std::pair<const char *, Table *>> tables();
};

/**
 * @brief Runs every metric as of @p as_of (see MetricsPass).
 * @throws Error Errc::invalid_argument naming `as_of` or the option at fault,
 *         as the single functions do.
 */
LEVANDE_API MetricsPass metrics_pass(const Workspace &workspace, Date as_of,
                                     const MetricsPassOptions &options = {});

}  // namespace levande

#endif  // LEVANDE_METRICS_HPP
