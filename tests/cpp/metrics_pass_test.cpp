// metrics_pass(): every table equals what the single function returns for
// the same date and options (those are checked against pandas and by hand
// in their own tests), including options other than the defaults, which the
// pass must route to each metric.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>
#include <string>
#include <variant>

#include "levande/fixtures/synthetic.hpp"
#include "levande/metrics.hpp"
#include "test_helpers.hpp"

namespace levande {
namespace {

using test::code_of;
using test::d;

// Column-wise equality with NaN equal to NaN (missing values are NaN).
void expect_same(const Table &got, const Table &want, const std::string &what) {
  ASSERT_EQ(got.columns().size(), want.columns().size()) << what;
  ASSERT_EQ(got.rows(), want.rows()) << what;
  for (std::size_t c = 0; c < want.columns().size(); ++c) {
    const auto &g = got.columns()[c], &w = want.columns()[c];
    EXPECT_EQ(g.name, w.name) << what;
    if (const auto *wd = std::get_if<std::vector<double>>(&w.data)) {
      const auto &gd = std::get<std::vector<double>>(g.data);
      for (std::size_t r = 0; r < wd->size(); ++r) {
        if (std::isnan((*wd)[r]))
          EXPECT_TRUE(std::isnan(gd[r])) << what << "." << w.name << "[" << r << "]";
        else
          EXPECT_EQ(gd[r], (*wd)[r]) << what << "." << w.name << "[" << r << "]";
      }
    } else {
      EXPECT_TRUE(g.data == w.data) << what << "." << w.name;
    }
  }
}

// Read from the records here, not from the library: whether every cell (a
// respondent's own team or none, x the training or "team session" they
// answered by as_of) holds 0 or at least k distinct people.
bool cells_safe(const Workspace &ws, Date as_of, int k) {
  std::map<std::pair<std::string, std::string>, std::set<std::uint32_t>> cells;
  const auto r = ws.responses();
  for (std::size_t i = 0; i < r.session.size(); ++i) {
    const auto s = std::get<FeedbackSession>(ws.at(Kind::feedback_session, r.session[i]));
    if (as_of < s.date) continue;
    const auto &team = ws.people()[r.person[i]].team;
    cells[{team.empty() ? "(none)" : team, s.training.empty() ? "(team)" : s.training}].insert(
        r.person[i]);
  }
  for (const auto &[key, people] : cells)
    if (people.size() < static_cast<std::size_t>(k)) return false;
  return true;
}

void expect_pass_matches(const Workspace &ws, Date as_of, const MetricsPassOptions &o) {
  const auto pass = metrics_pass(ws, as_of, o);
  const RollupOptions rollup{o.status, o.department_depth};
  expect_same(pass.goal_status, to_table(ws, goal_status(ws, as_of, o.status)), "goal_status");
  expect_same(pass.engagement_by_person, engagement(ws, as_of, GroupBy::person, o.engagement),
              "engagement_by_person");
  expect_same(pass.engagement_by_team, engagement(ws, as_of, GroupBy::team, o.engagement),
              "engagement_by_team");
  expect_same(pass.feedback_by_team, feedback(ws, as_of, FeedbackBy::team, o.feedback),
              "feedback_by_team");
  // The training rows equal the single table when they cannot be
  // differenced with the team rows; otherwise all are suppressed, those that
  // passed the threshold marked as suppressed to protect others.
  const auto single = feedback(ws, as_of, FeedbackBy::training, o.feedback);
  if (cells_safe(ws, as_of, o.feedback.min_respondents)) {
    expect_same(pass.feedback_by_training, single, "feedback_by_training");
  } else {
    const auto &t = pass.feedback_by_training;
    ASSERT_EQ(t.rows(), single.rows());
    for (std::size_t i = 0; i < t.rows(); ++i) {
      EXPECT_TRUE(std::isnan(test::cell<double>(t, "mean_impact", i)));
      EXPECT_EQ(test::cell<std::uint8_t>(t, "suppressed", i), 1);
      EXPECT_EQ(test::cell<std::uint8_t>(t, "suppressed_to_protect_others", i),
                test::cell<std::uint8_t>(single, "suppressed", i) == 0 ? 1 : 0);
    }
  }
  expect_same(pass.training_outcomes, training_outcomes(ws, as_of, o.outcomes),
              "training_outcomes");
  expect_same(pass.coverage, coverage(ws, as_of), "coverage");
  expect_same(pass.cohort_curves, cohort_curves(ws, as_of, o.cohorts), "cohort_curves");
  if (o.with_retention)
    expect_same(pass.retention, retention(ws, as_of, o.retention), "retention");
  else
    EXPECT_TRUE(pass.retention.columns().empty());
  const std::pair<const Table *, RollupBy> rollups[] = {
      {&pass.goals_by_person, RollupBy::person},
      {&pass.goals_by_team, RollupBy::team},
      {&pass.goals_by_department, RollupBy::department},
      {&pass.goals_by_training, RollupBy::training},
      {&pass.goals_by_skill, RollupBy::skill},
      {&pass.goals_by_cohort, RollupBy::cohort}};
  for (const auto &[table, by] : rollups)
    expect_same(*table, goal_rollup(ws, as_of, by, rollup),
                "goals_by_" + std::to_string(static_cast<int>(by)));
}

TEST(MetricsPass, EqualsTheSingleMetricsWithDefaultOptions) {
  const auto ws = synthetic_organisation({300, 11});
  expect_pass_matches(ws, d("2026-09-30"), {});
}

TEST(MetricsPass, RoutesEveryOption) {
  const auto ws = synthetic_organisation({300, 12});
  MetricsPassOptions o;
  o.status.at_risk_from = 0.5;  // statuses differ from the default thresholds
  o.engagement.tolerance_days = 0;
  o.feedback.min_respondents = 150;
  o.outcomes = {30, 0.5, 0.8};
  o.cohorts = {14, 120};
  o.department_depth = 0;
  o.with_retention = false;
  // Mid-year the thresholds matter (some goal is at risk at 0.5 and not at
  // 0.8); late in the year the anonymity threshold does.
  expect_pass_matches(ws, d("2026-06-15"), o);
  expect_pass_matches(ws, d("2026-11-30"), o);
  const auto at_half = goal_status(ws, d("2026-06-15"), {0.5});
  const auto at_default = goal_status(ws, d("2026-06-15"));
  EXPECT_NE(at_half.status, at_default.status);
}

TEST(MetricsPass, NamesItsTablesInOrder) {
  const auto ws = synthetic_organisation({50, 1});
  const auto pass = metrics_pass(ws, d("2026-09-30"));
  const auto tables = pass.tables();
  ASSERT_EQ(tables.size(), 15u);
  EXPECT_STREQ(tables.front().first, "goal_status");
  EXPECT_EQ(tables.front().second, &pass.goal_status);
  EXPECT_STREQ(tables.back().first, "goals_by_cohort");
  EXPECT_EQ(tables.back().second, &pass.goals_by_cohort);
}

TEST(MetricsPass, BadOptionsAreErrorsNamingTheField) {
  const auto ws = synthetic_organisation({50, 1});
  EXPECT_EQ(code_of([&] { metrics_pass(ws, Date(Date::max_days + 1)); }), Errc::invalid_argument);
  // The field of the error a pass with these options throws.
  const auto field_of = [&](const MetricsPassOptions &o) -> std::string {
    try {
      metrics_pass(ws, d("2026-09-30"), o);
    } catch (const Error &e) {
      return e.field();
    }
    return "no error";
  };
  MetricsPassOptions bad_status;
  bad_status.status.at_risk_from = 1.5;
  EXPECT_EQ(field_of(bad_status), "at_risk_from");
  MetricsPassOptions bad_cohorts;
  bad_cohorts.cohorts.step_days = 0;
  EXPECT_EQ(field_of(bad_cohorts), "step_days");
}

}  // namespace
}  // namespace levande
