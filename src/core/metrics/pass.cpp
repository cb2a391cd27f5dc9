// Every metric from one Basis (metrics.hpp, metrics_pass()).
#include "levande/metrics.hpp"
#include "metrics/basis.hpp"

namespace levande {

std::vector<std::pair<const char *, const Table *>> MetricsPass::tables() const {
  std::vector<std::pair<const char *, const Table *>> out;
  for (const auto &[name, table] : const_cast<MetricsPass *>(this)->tables())
    out.emplace_back(name, table);
  return out;
}

std::vector<std::pair<const char *, Table *>> MetricsPass::tables() {
  return {{"goal_status", &goal_status},
          {"engagement_by_person", &engagement_by_person},
          {"engagement_by_team", &engagement_by_team},
          {"feedback_by_team", &feedback_by_team},
          {"feedback_by_training", &feedback_by_training},
          {"training_outcomes", &training_outcomes},
          {"coverage", &coverage},
          {"retention", &retention},
          {"cohort_curves", &cohort_curves},
          {"goals_by_person", &goals_by_person},
          {"goals_by_team", &goals_by_team},
          {"goals_by_department", &goals_by_department},
          {"goals_by_training", &goals_by_training},
          {"goals_by_skill", &goals_by_skill},
          {"goals_by_cohort", &goals_by_cohort}};
}

MetricsPass metrics_pass(const Workspace &workspace, Date as_of,
                         const MetricsPassOptions &options) {
  detail::Basis basis(workspace, as_of);
  const RollupOptions rollup{options.status, options.department_depth};
  MetricsPass out;
  // The roll-ups first: they check the options goal_status() would, and
  // share its statuses, which the goal status table then takes.
  out.goals_by_person = detail::goal_rollup(basis, RollupBy::person, rollup);
  out.goals_by_team = detail::goal_rollup(basis, RollupBy::team, rollup);
  out.goals_by_department = detail::goal_rollup(basis, RollupBy::department, rollup);
  out.goals_by_training = detail::goal_rollup(basis, RollupBy::training, rollup);
  out.goals_by_skill = detail::goal_rollup(basis, RollupBy::skill, rollup);
  out.goals_by_cohort = detail::goal_rollup(basis, RollupBy::cohort, rollup);
  out.training_outcomes = detail::training_outcomes(basis, options.outcomes);
  out.engagement_by_person = detail::engagement(basis, GroupBy::person, options.engagement);
  out.engagement_by_team = detail::engagement(basis, GroupBy::team, options.engagement);
  out.coverage = detail::coverage(basis);
  // Published together, a training's row minus a team's could leave the
  // answers of people the team does not cover: both groupings stand only
  // when no team x training cell holds fewer than k people; otherwise the
  // training rows are suppressed here and the team rows keep their own
  // protection (docs/metrics.md, "Across tables").
  out.feedback_by_team = detail::feedback(basis, FeedbackBy::team, options.feedback);
  out.feedback_by_training =
      detail::feedback(basis, FeedbackBy::training, options.feedback,
                       !detail::feedback_cells_safe(basis, options.feedback));
  out.cohort_curves = cohort_curves(workspace, as_of, options.cohorts);
  if (options.with_retention) out.retention = retention(workspace, as_of, options.retention);
  out.goal_status = to_table(workspace, basis.take_goal_status(options.status));
  return out;
}

}  // namespace levande
