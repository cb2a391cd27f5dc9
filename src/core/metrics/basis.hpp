// What several metrics derive from: goal status and six-step coverage as of
// one date. One metric builds a Basis of its own; metrics_pass() builds one
// and hands it to every metric, so each of these is computed once per pass
// (goal status fed seven tables, coverage four, when each metric made its own).
#ifndef LEVANDE_SRC_CORE_METRICS_BASIS_HPP
#define LEVANDE_SRC_CORE_METRICS_BASIS_HPP

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "levande/metrics.hpp"
#include "workspace/links.hpp"
#include "workspace/tables.hpp"

namespace levande::detail {

// Step 1 counts per owner (the people in dense order, then the teams, for
// plans a team owns) for one check-in tolerance, and per plan whether a
// check-in was held by the date (coverage step 1): one sweep of the check-in
// log gives both.
struct CheckInSums {
  std::int32_t tolerance_days = 0;
  std::vector<std::uint32_t> due, on_time, overdue, missed;  // per owner
  std::vector<std::uint8_t> plan_held;                       // per plan, 1/0
  // Due and on time per training (of the plans that follow one).
  std::vector<std::uint32_t> training_due, training_on_time;
  // The counts of plans a team owns, per run of a plan's rows (a plan may
  // have several): engagement by person credits them to the people the
  // plan covers.
  struct PlanCounts {
    std::uint32_t plan, due, on_time, overdue, missed;
  };
  std::vector<PlanCounts> team_plans;
};

// Per person, one sweep of the activity log: learning hours of the year to
// date by 70-20-10 category (engagement) and the latest activity by the date
// (coverage step 6).
struct ActivitySums {
  std::vector<double> hours, job, social, formal, self;
  std::vector<Date> latest;  // Date::min() without one
};

// Goal counts per key: goals, those measured, per status, and the sum of
// the measured goals' progress (roll-ups add these up into their rows).
struct GoalTally {
  std::vector<std::uint32_t> goals, measured;
  std::array<std::vector<std::uint32_t>, goal_status_count> by_status;
  std::vector<double> progress;

  explicit GoalTally(std::size_t n = 0) : goals(n, 0), measured(n, 0), progress(n, 0) {
    for (auto &column : by_status)
      column.assign(n, 0);
  }
  // Adds entry i of `from` into this tally's `row`.
  void add(std::size_t row, const GoalTally &from, std::size_t i) {
    goals[row] += from.goals[i];
    measured[row] += from.measured[i];
    for (std::size_t s = 0; s < by_status.size(); ++s)
      by_status[s][row] += from.by_status[s][i];
    progress[row] += from.progress[i];
  }
};

// The goals tallied once for every roll-up: by the plan's person, by the
// owning team (the plan's team, else its person's), by the plan's training.
struct GoalTallies {
  double at_risk_from = 0;  // of the statuses tallied
  GoalTally by_person, by_team, by_training;
};

// What engagement() reads: the check-in counts per owner and the learning
// per person (the sweeps' own, not copies), and per person the coverage of
// their participations summed (six-step retention health).
struct EngagementSums {
  const CheckInSums *check_ins = nullptr;
  const ActivitySums *learning = nullptr;
  std::vector<double> coverage_sum, participations;
};

class Basis {
 public:
  // Checks as_of (an invalid date is an error naming "as_of").
  Basis(const Workspace &workspace, Date as_of);

  const Tables &tables() const noexcept { return t_; }
  const Links &links() const noexcept { return *links_; }
  Date as_of() const noexcept { return as_of_; }

  // goal_status() for these thresholds: the measurements are read once per
  // Basis; other thresholds only re-derive the statuses.
  const GoalStatusTable &goal_status(const GoalStatusOptions &options);
  // The same for callers that read only the values (current, progress,
  // forecast): its statuses are those of whichever thresholds came last.
  const GoalStatusTable &goal_values();
  // The same, moved out (the next goal_status() reads the log again).
  GoalStatusTable take_goal_status(const GoalStatusOptions &options);
  // Per participation, whether each of the six steps happened by as_of (1/0).
  const std::array<std::vector<std::uint8_t>, 6> &coverage_steps();
  // Per participation, steps ÷ 6.
  const std::vector<double> &coverage_scores();
  // The goals with these thresholds' statuses, tallied per person, owning
  // team and training (rollup.cpp).
  const GoalTallies &goal_tallies(const GoalStatusOptions &options);
  // Who took part in each training, each person once (feedback invitations,
  // training outcomes): the cached links' list.
  const Csr &training_participants() const { return links_->training_people; }
  // For this check-in tolerance (days; checked by the caller); engagement.cpp.
  const EngagementSums &engagement_sums(std::int32_t tolerance_days);
  // The check-in counts for this tolerance (log_sweeps.cpp): kept until
  // another tolerance is asked for.
  const CheckInSums &check_in_sums(std::int32_t tolerance_days);

 private:
  void read_measurements();
  const ActivitySums &activity_sums();

  const Tables &t_;
  std::shared_ptr<const Links> links_;
  Date as_of_;
  std::optional<GoalStatusTable> goals_;
  double goals_at_risk_from_ = 0;
  std::optional<std::array<std::vector<std::uint8_t>, 6>> steps_;
  std::optional<std::vector<double>> scores_;
  std::optional<EngagementSums> sums_;
  std::optional<CheckInSums> check_ins_;
  std::optional<ActivitySums> activities_;
  std::optional<GoalTallies> tallies_;
};

// Is the training sticking? The verdict of docs/metrics.md ("The verdict")
// from a training's goal outlook, retention health and check-in adherence
// (NaN: not known yet); codes in the order of training_outcomes' `verdict`.
struct Verdict {
  enum Code : std::uint8_t { not_started, too_early, sticking, needs_attention, not_sticking };
  Code verdict;
  double score;  // 0 (bad) to 2 (good); NaN unless judged
};
Verdict verdict_of(Date end, Date as_of, double participants, double outlook, double health,
                   double adherence);

// The metrics that use a Basis; each checks its options.
Table engagement(Basis &basis, GroupBy by, const EngagementOptions &options);
Table training_outcomes(Basis &basis, const OutcomeOptions &options);
Table coverage(Basis &basis);
// `hide_all`: every row suppressed to protect others (the training rows
// when they are published with the team rows and could be differenced).
Table feedback(Basis &basis, FeedbackBy by, const FeedbackOptions &options, bool hide_all = false);
// Whether feedback by team and by training may be published together: every
// cell — a respondent's own team (or none) × the training or team session
// they answered — holds 0 or at least min_respondents people.
bool feedback_cells_safe(Basis &basis, const FeedbackOptions &options);
Table goal_rollup(Basis &basis, RollupBy by, const RollupOptions &options);

}  // namespace levande::detail

#endif
