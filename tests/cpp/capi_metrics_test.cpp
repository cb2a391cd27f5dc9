// Goal status through the C API only, with NULL and bad-value paths.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstring>

#include "capi_helpers.hpp"
#include "levande.h"

namespace {

// Plan created 2026-01-01; goal baseline 10, target 20 by 31 January;
// measured 12 on 11 January and 16 on 21 January (the hand-worked case of
// metrics_test.cpp: progress 0.6, forecast 18.667, at risk).
const char *const sample =
    R"([{"op":"add","kind":"people","value":{"id":"anna","name":"Anna"}},
        {"op":"add","kind":"action_plans","value":{"id":"p1","title":"P","person":"anna","created":"2026-01-01","agreed_by":"2026-12-31"}},
        {"op":"add","kind":"goals","value":{"id":"g","plan":"p1","metric":"m","baseline":10,"target":20,"deadline":"2026-01-31"}},
        {"op":"add","kind":"goals","value":{"id":"h","plan":"p1","metric":"m","baseline":10,"target":20,"deadline":"2026-01-31"}},
        {"op":"add","kind":"measurements","value":{"goal":"g","date":"2026-01-11","value":12}},
        {"op":"add","kind":"measurements","value":{"goal":"g","date":"2026-01-21","value":16}}])";

TEST(CApiMetrics, GoalStatusColumns) {
  levande_workspace *ws = nullptr;
  ASSERT_EQ(levande_workspace_create(&ws, nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_workspace_apply_json(ws, sample, nullptr), LEVANDE_OK);
  levande_table *table = nullptr;
  ASSERT_EQ(levande_metrics_goal_status(&table, ws, day("2026-01-25"), 0.8, nullptr), LEVANDE_OK);
  size_t rows = 0;
  ASSERT_EQ(levande_table_rows(&rows, table, nullptr), LEVANDE_OK);
  ASSERT_EQ(rows, 2u);
  const double *current = nullptr, *progress = nullptr, *forecast = nullptr;
  const int32_t *measured = nullptr, *status = nullptr, *goal = nullptr;
  const uint32_t *count = nullptr;
  size_t words = 0;
  ASSERT_EQ(levande_table_float64(&current, table, "current", nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_table_float64(&progress, table, "progress", nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_table_float64(&forecast, table, "forecast", nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_table_date(&measured, table, "measured", nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_table_uint32(&count, table, "count", nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_table_codes(&status, &words, table, "status", nullptr), LEVANDE_OK);
  EXPECT_EQ(words, 6u);
  ASSERT_EQ(levande_table_codes(&goal, nullptr, table, "goal", nullptr), LEVANDE_OK);
  const char *word = nullptr;
  ASSERT_EQ(levande_table_word(&word, table, "goal", goal[1], nullptr), LEVANDE_OK);
  EXPECT_STREQ(word, "h");
  EXPECT_DOUBLE_EQ(current[0], 16.0);
  EXPECT_EQ(measured[0], day("2026-01-21"));
  EXPECT_EQ(count[0], 2u);
  EXPECT_DOUBLE_EQ(progress[0], 0.6);
  EXPECT_NEAR(forecast[0], 38.0 / 3 + 6.0, 1e-12);
  EXPECT_EQ(status[0], LEVANDE_GOAL_AT_RISK);
  ASSERT_EQ(levande_table_word(&word, table, "status", status[0], nullptr), LEVANDE_OK);
  EXPECT_STREQ(word, "at_risk");
  EXPECT_TRUE(std::isnan(progress[1]));
  EXPECT_EQ(measured[1], -208188);
  EXPECT_EQ(status[1], LEVANDE_GOAL_NO_DATA);
  EXPECT_STREQ(levande_goal_status_name(status[0]), "at_risk");
  EXPECT_STREQ(levande_goal_status_name(99), "unknown");

  levande_error *err = nullptr;
  EXPECT_EQ(levande_table_float64(&current, table, "nope", &err), LEVANDE_ERR_NOT_FOUND);
  levande_error_destroy(&err);
  EXPECT_EQ(levande_table_float64(&current, table, "count", &err), LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_STREQ(levande_error_value(err), "count");
  levande_error_destroy(&err);
  EXPECT_EQ(levande_table_word(&word, table, "goal", 7, nullptr), LEVANDE_ERR_NOT_FOUND);
  EXPECT_EQ(levande_table_rows(&rows, nullptr, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_table_codes(&status, nullptr, table, nullptr, nullptr), LEVANDE_ERR_MISUSE);
  levande_table_destroy(&table);
  EXPECT_EQ(table, nullptr);
  levande_table_destroy(&table);
  levande_table_destroy(nullptr);

  EXPECT_EQ(levande_metrics_goal_status(&table, ws, day("2026-01-25"), 1.5, &err),
            LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_STREQ(levande_error_field(err), "at_risk_from");
  levande_error_destroy(&err);
  EXPECT_EQ(levande_metrics_goal_status(nullptr, ws, 0, 0.8, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_metrics_goal_status(&table, nullptr, 0, 0.8, nullptr), LEVANDE_ERR_MISUSE);
  levande_workspace_destroy(&ws);
}

TEST(CApiMetrics, EngagementPerTeam) {
  levande_workspace *ws = nullptr;
  ASSERT_EQ(levande_workspace_create(&ws, nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_workspace_apply_json(
                ws,
                R"([{"op":"add","kind":"teams","value":{"id":"dev","name":"Dev"}},
                    {"op":"add","kind":"people","value":{"id":"anna","name":"Anna","team":"dev"}},
                    {"op":"add","kind":"action_plans","value":{"id":"p","title":"P","person":"anna","created":"2026-03-01","agreed_by":"2026-06-01"}},
                    {"op":"add","kind":"check_ins","value":{"plan":"p","scheduled":"2026-03-02","status":"held","held":"2026-03-09","outcome":"applied"}},
                    {"op":"add","kind":"check_ins","value":{"plan":"p","scheduled":"2026-03-16","status":"held","held":"2026-03-16","outcome":"applied"}}])",
                nullptr),
            LEVANDE_OK);
  levande_table *table = nullptr;
  // By hand: the first was held 7 days late, the second on the day: 1 of 2.
  ASSERT_EQ(levande_metrics_engagement(&table, ws, day("2026-03-31"), LEVANDE_BY_TEAM, 3, nullptr),
            LEVANDE_OK);
  const double *adherence = nullptr;
  ASSERT_EQ(levande_table_float64(&adherence, table, "adherence", nullptr), LEVANDE_OK);
  EXPECT_DOUBLE_EQ(adherence[0], 0.5);
  levande_table_destroy(&table);
  // With 7 days' tolerance both count.
  ASSERT_EQ(
      levande_metrics_engagement(&table, ws, day("2026-03-31"), LEVANDE_BY_PERSON, 7, nullptr),
      LEVANDE_OK);
  ASSERT_EQ(levande_table_float64(&adherence, table, "adherence", nullptr), LEVANDE_OK);
  EXPECT_DOUBLE_EQ(adherence[0], 1.0);
  levande_table_destroy(&table);
  levande_error *err = nullptr;
  EXPECT_EQ(levande_metrics_engagement(&table, ws, day("2026-03-31"), 5, 3, &err),
            LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_STREQ(levande_error_field(err), "by");
  levande_error_destroy(&err);
  levande_workspace_destroy(&ws);
}

TEST(CApiMetrics, FeedbackSuppression) {
  levande_workspace *ws = nullptr;
  ASSERT_EQ(levande_workspace_create(&ws, nullptr), LEVANDE_OK);
  // Three respondents in one team: below the threshold of 5, shown with 3.
  ASSERT_EQ(
      levande_workspace_apply_json(ws,
                                   R"([{"op":"add","kind":"teams","value":{"id":"t","name":"T"}},
                    {"op":"add","kind":"trainings","value":{"id":"c","title":"C","start":"2026-01-12","end":"2026-01-12"}},
                    {"op":"add","kind":"feedback_sessions","value":{"id":"s","training":"c","date":"2026-02-01"}},
                    {"op":"add","kind":"people","value":{"id":"p1","name":"A","team":"t"}},
                    {"op":"add","kind":"people","value":{"id":"p2","name":"B","team":"t"}},
                    {"op":"add","kind":"people","value":{"id":"p3","name":"C","team":"t"}},
                    {"op":"add","kind":"participations","value":{"person":"p1","training":"c"}},
                    {"op":"add","kind":"participations","value":{"person":"p2","training":"c"}},
                    {"op":"add","kind":"participations","value":{"person":"p3","training":"c"}},
                    {"op":"add","kind":"responses","value":{"session":"s","person":"p1","impact":4}},
                    {"op":"add","kind":"responses","value":{"session":"s","person":"p2","impact":2}},
                    {"op":"add","kind":"responses","value":{"session":"s","person":"p3","impact":3}}])",
                                   nullptr),
      LEVANDE_OK);
  levande_table *table = nullptr;
  const uint8_t *suppressed = nullptr;
  const double *mean = nullptr;
  ASSERT_EQ(
      levande_metrics_feedback(&table, ws, day("2026-03-01"), LEVANDE_FEEDBACK_BY_TEAM, 5, nullptr),
      LEVANDE_OK);
  ASSERT_EQ(levande_table_uint8(&suppressed, table, "suppressed", nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_table_float64(&mean, table, "mean_impact", nullptr), LEVANDE_OK);
  EXPECT_EQ(suppressed[0], 1);
  EXPECT_TRUE(std::isnan(mean[0]));
  levande_table_destroy(&table);
  ASSERT_EQ(
      levande_metrics_feedback(&table, ws, day("2026-03-01"), LEVANDE_FEEDBACK_BY_TEAM, 3, nullptr),
      LEVANDE_OK);
  ASSERT_EQ(levande_table_float64(&mean, table, "mean_impact", nullptr), LEVANDE_OK);
  EXPECT_DOUBLE_EQ(mean[0], 3.0);  // (4 + 2 + 3) / 3
  levande_table_destroy(&table);
  EXPECT_EQ(levande_metrics_feedback(&table, ws, day("2026-03-01"), 9, 5, nullptr),
            LEVANDE_ERR_INVALID_ARGUMENT);
  levande_workspace_destroy(&ws);
}

TEST(CApiMetrics, AResponseFromSomeoneNotInvitedIsRefused) {
  levande_workspace *ws = nullptr;
  ASSERT_EQ(levande_workspace_create(&ws, nullptr), LEVANDE_OK);
  ASSERT_EQ(
      levande_workspace_apply_json(ws,
                                   R"([{"op":"add","kind":"people","value":{"id":"p1","name":"A"}},
                    {"op":"add","kind":"trainings","value":{"id":"c","title":"C","start":"2026-01-12","end":"2026-01-12"}},
                    {"op":"add","kind":"feedback_sessions","value":{"id":"s","training":"c","date":"2026-02-01"}}])",
                                   nullptr),
      LEVANDE_OK);
  levande_error *err = nullptr;
  EXPECT_EQ(
      levande_workspace_apply_json(
          ws,
          R"([{"op":"add","kind":"responses","value":{"session":"s","person":"p1","impact":4}}])",
          &err),
      LEVANDE_ERR_CONSTRAINT);
  EXPECT_STREQ(levande_error_field(err), "responses[session=s, person=p1].person");
  levande_error_destroy(&err);
  size_t count = 9;
  ASSERT_EQ(levande_workspace_count(&count, ws, LEVANDE_KIND_RESPONSE, nullptr), LEVANDE_OK);
  EXPECT_EQ(count, 0u);
  levande_workspace_destroy(&ws);
}

TEST(CApiMetrics, TrainingOutcomes) {
  levande_workspace *ws = nullptr;
  ASSERT_EQ(levande_workspace_create(&ws, nullptr), LEVANDE_OK);
  // Costs 80 000, the goal improved by 240 units worth 1000 each: BCR 3, ROI 200 %.
  ASSERT_EQ(
      levande_workspace_apply_json(ws,
                                   R"([{"op":"add","kind":"people","value":{"id":"q","name":"Q"}},
                    {"op":"add","kind":"trainings","value":{"id":"U","title":"U","start":"2026-01-12","end":"2026-01-14","cost":80000}},
                    {"op":"add","kind":"participations","value":{"person":"q","training":"U","pre_score":50,"post_score":75}},
                    {"op":"add","kind":"action_plans","value":{"id":"p","title":"P","person":"q","training":"U","created":"2026-01-15","agreed_by":"2026-06-30"}},
                    {"op":"add","kind":"goals","value":{"id":"g","plan":"p","metric":"m","baseline":0,"target":300,"deadline":"2026-06-30","value_per_unit":1000}},
                    {"op":"add","kind":"measurements","value":{"goal":"g","date":"2026-03-01","value":240}}])",
                                   nullptr),
      LEVANDE_OK);
  levande_table *table = nullptr;
  ASSERT_EQ(levande_metrics_training_outcomes(&table, ws, day("2026-06-30"), 90, 1.0, 1.0, nullptr),
            LEVANDE_OK);
  const double *roi = nullptr, *normalised = nullptr;
  ASSERT_EQ(levande_table_float64(&roi, table, "roi_percent", nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_table_float64(&normalised, table, "normalised_gain", nullptr), LEVANDE_OK);
  EXPECT_DOUBLE_EQ(roi[0], 200.0);
  EXPECT_DOUBLE_EQ(normalised[0], 0.5);  // (75 - 50) / (100 - 50)
  // Is it sticking? The goal is on track (its trend through 240 on day 45
  // passes 300 well before 30 June): 1 of 1 on course, 2 points; no
  // check-in due (not judged); retention health 0 of 6 steps, 0 points.
  // Mean 1 with a bad signal: needs attention.
  const int32_t *verdict = nullptr;
  const double *score = nullptr;
  const char *word = nullptr;
  ASSERT_EQ(levande_table_codes(&verdict, nullptr, table, "verdict", nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_table_word(&word, table, "verdict", verdict[0], nullptr), LEVANDE_OK);
  EXPECT_STREQ(word, "needs_attention");
  ASSERT_EQ(levande_table_float64(&score, table, "verdict_score", nullptr), LEVANDE_OK);
  EXPECT_DOUBLE_EQ(score[0], 1.0);
  levande_table_destroy(&table);
  // Coverage: nothing but a plan without a held check-in: no step at all.
  ASSERT_EQ(levande_metrics_coverage(&table, ws, day("2026-06-30"), nullptr), LEVANDE_OK);
  const uint32_t *steps = nullptr;
  const uint8_t *plan_step = nullptr;
  ASSERT_EQ(levande_table_uint32(&steps, table, "steps", nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_table_uint8(&plan_step, table, "action_plan", nullptr), LEVANDE_OK);
  EXPECT_EQ(steps[0], 0u);
  EXPECT_EQ(plan_step[0], 0);
  levande_table_destroy(&table);
  levande_error *err = nullptr;
  EXPECT_EQ(levande_metrics_training_outcomes(&table, ws, day("2026-06-30"), 90, 0.0, 1.0, &err),
            LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_STREQ(levande_error_field(err), "attribution");
  levande_error_destroy(&err);
  levande_workspace_destroy(&ws);
}

TEST(CApiMetrics, RetentionCohortsAndRollups) {
  levande_workspace *ws = nullptr;
  ASSERT_EQ(levande_workspace_create(&ws, nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_workspace_apply_json(
                ws,
                R"([{"op":"add","kind":"teams","value":{"id":"org","name":"Org"}},
                    {"op":"add","kind":"teams","value":{"id":"dev","name":"Dev","parent":"org"}},
                    {"op":"add","kind":"people","value":{"id":"q","name":"Q","team":"dev"}},
                    {"op":"add","kind":"trainings","value":{"id":"U","title":"U","skills":["ci"],"start":"2026-01-12","end":"2026-01-14"}},
                    {"op":"add","kind":"participations","value":{"person":"q","training":"U","completed":"2026-01-14"}},
                    {"op":"add","kind":"action_plans","value":{"id":"p","title":"P","person":"q","training":"U","created":"2026-01-15","agreed_by":"2026-06-30"}},
                    {"op":"add","kind":"goals","value":{"id":"g","plan":"p","metric":"m","baseline":0,"target":10,"deadline":"2026-06-30"}},
                    {"op":"add","kind":"measurements","value":{"goal":"g","date":"2026-02-01","value":4}}])",
                nullptr),
            LEVANDE_OK);
  levande_table *table = nullptr;
  size_t rows = 0;
  // One learning review rated good: S = w2 = 2.3065 days, reinforce by floor(S) = 2 days later.
  ASSERT_EQ(levande_metrics_retention(&table, ws, day("2026-02-01"), 0.9, nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_table_rows(&rows, table, nullptr), LEVANDE_OK);
  ASSERT_EQ(rows, 1u);
  const double *stability = nullptr;
  ASSERT_EQ(levande_table_float64(&stability, table, "stability", nullptr), LEVANDE_OK);
  EXPECT_DOUBLE_EQ(stability[0], 2.3065);
  levande_table_destroy(&table);
  // Cohort 2026-01: day 0 (01-14) at 0, day 30 (02-13) at 0.4.
  ASSERT_EQ(levande_metrics_cohort_curves(&table, ws, day("2026-02-20"), 30, 360, nullptr),
            LEVANDE_OK);
  const double *mean = nullptr;
  ASSERT_EQ(levande_table_rows(&rows, table, nullptr), LEVANDE_OK);
  ASSERT_EQ(rows, 2u);
  ASSERT_EQ(levande_table_float64(&mean, table, "mean_progress", nullptr), LEVANDE_OK);
  EXPECT_DOUBLE_EQ(mean[0], 0.0);
  EXPECT_DOUBLE_EQ(mean[1], 0.4);
  levande_table_destroy(&table);
  ASSERT_EQ(levande_metrics_goal_rollup(&table, ws, day("2026-02-20"), LEVANDE_ROLLUP_DEPARTMENT,
                                        0.8, 1, nullptr),
            LEVANDE_OK);
  const uint32_t *goals = nullptr;
  ASSERT_EQ(levande_table_rows(&rows, table, nullptr), LEVANDE_OK);
  EXPECT_EQ(rows, 2u);  // org, dev
  ASSERT_EQ(levande_table_uint32(&goals, table, "goals", nullptr), LEVANDE_OK);
  EXPECT_EQ(goals[0], 0u);
  EXPECT_EQ(goals[1], 1u);
  levande_table_destroy(&table);
  levande_error *err = nullptr;
  EXPECT_EQ(levande_metrics_goal_rollup(&table, ws, day("2026-02-20"), 6, 0.8, 1, &err),
            LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_STREQ(levande_error_field(err), "by");
  levande_error_destroy(&err);
  EXPECT_EQ(levande_metrics_retention(&table, ws, day("2026-02-20"), 0.0, &err),
            LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_STREQ(levande_error_field(err), "target");
  EXPECT_EQ(table, nullptr);
  levande_error_destroy(&err);
  levande_workspace_destroy(&ws);
}

}  // namespace

namespace {

// The rows of a table handle.
size_t rows_of(const levande_table *table) {
  size_t rows = 0;
  EXPECT_EQ(levande_table_rows(&rows, table, nullptr), LEVANDE_OK);
  return rows;
}

TEST(CApiMetrics, PassGivesEveryTableByName) {
  levande_workspace *ws = nullptr;
  ASSERT_EQ(levande_workspace_synthetic(&ws, 200, 4, nullptr), LEVANDE_OK);
  const int32_t as_of = day("2026-09-30");
  levande_metrics_pass_options options = LEVANDE_METRICS_PASS_OPTIONS_INIT;
  options.with_retention = 0;
  options.at_risk_from = 0.6;
  levande_metrics_tables *tables = nullptr;
  ASSERT_EQ(levande_metrics_pass(&tables, ws, as_of, &options, nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_metrics_tables_count(tables), 15u);
  EXPECT_STREQ(levande_metrics_tables_name(tables, 0), "goal_status");
  EXPECT_STREQ(levande_metrics_tables_name(tables, 7), "retention");
  EXPECT_STREQ(levande_metrics_tables_name(tables, 14), "goals_by_cohort");
  EXPECT_EQ(levande_metrics_tables_name(tables, 15), nullptr);
  EXPECT_EQ(levande_metrics_tables_at(tables, 7), nullptr);  // retention was not asked for
  EXPECT_EQ(levande_metrics_tables_at(tables, 15), nullptr);
  const levande_table *found = nullptr;
  levande_error *err = nullptr;
  EXPECT_EQ(levande_metrics_tables_find(&found, tables, "retention", &err), LEVANDE_ERR_NOT_FOUND);
  EXPECT_NE(std::string(levande_error_message(err)).find("not asked for"), std::string::npos);
  levande_error_destroy(&err);
  EXPECT_EQ(levande_metrics_tables_find(&found, tables, "nope", nullptr), LEVANDE_ERR_NOT_FOUND);
  EXPECT_EQ(found, nullptr);
  ASSERT_EQ(levande_metrics_tables_find(&found, tables, "goals_by_team", nullptr), LEVANDE_OK);
  EXPECT_EQ(found, levande_metrics_tables_at(tables, 10));
  // Goal status and the team roll-up as their own functions give them, with
  // the pass's threshold.
  levande_table *status = nullptr, *by_team = nullptr;
  ASSERT_EQ(levande_metrics_goal_status(&status, ws, as_of, 0.6, nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_metrics_goal_rollup(&by_team, ws, as_of, LEVANDE_ROLLUP_TEAM, 0.6, 1, nullptr),
            LEVANDE_OK);
  const levande_table *pass_status = levande_metrics_tables_at(tables, 0);
  ASSERT_EQ(rows_of(pass_status), rows_of(status));
  const int32_t *a = nullptr, *b = nullptr;
  size_t words_a = 0, words_b = 0;
  ASSERT_EQ(levande_table_codes(&a, &words_a, pass_status, "status", nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_table_codes(&b, &words_b, status, "status", nullptr), LEVANDE_OK);
  EXPECT_TRUE(std::equal(a, a + rows_of(status), b));
  const uint32_t *at_risk_pass = nullptr, *at_risk_single = nullptr;
  ASSERT_EQ(levande_table_uint32(&at_risk_pass, found, "at_risk", nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_table_uint32(&at_risk_single, by_team, "at_risk", nullptr), LEVANDE_OK);
  ASSERT_EQ(rows_of(found), rows_of(by_team));
  EXPECT_TRUE(std::equal(at_risk_pass, at_risk_pass + rows_of(by_team), at_risk_single));
  levande_table_destroy(&status);
  levande_table_destroy(&by_team);
  levande_metrics_tables_destroy(&tables);
  EXPECT_EQ(tables, nullptr);
  levande_metrics_tables_destroy(&tables);  // NULL-safe
  levande_metrics_tables_destroy(nullptr);
  EXPECT_EQ(levande_metrics_tables_count(nullptr), 0u);
  EXPECT_EQ(levande_metrics_tables_name(nullptr, 0), nullptr);
  EXPECT_EQ(levande_metrics_tables_at(nullptr, 0), nullptr);
  EXPECT_EQ(levande_metrics_tables_find(&found, nullptr, "coverage", nullptr), LEVANDE_ERR_MISUSE);

  // Defaults (NULL options) include retention.
  ASSERT_EQ(levande_metrics_pass(&tables, ws, as_of, nullptr, nullptr), LEVANDE_OK);
  EXPECT_GT(rows_of(levande_metrics_tables_at(tables, 7)), 0u);
  levande_metrics_tables_destroy(&tables);

  // Bad options: an error naming the field, and no tables.
  const levande_metrics_pass_options defaults = LEVANDE_METRICS_PASS_OPTIONS_INIT;
  options = defaults;
  options.min_respondents = 0;
  EXPECT_EQ(levande_metrics_pass(&tables, ws, as_of, &options, &err), LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_STREQ(levande_error_field(err), "min_respondents");
  EXPECT_EQ(tables, nullptr);
  levande_error_destroy(&err);
  levande_workspace_destroy(&ws);
}

// A program built against an earlier levande passes a smaller struct: the
// fields it does not know take their defaults. One built against a newer
// levande (a larger struct) is told so instead of being half read.
TEST(CApiMetrics, OptionsFromOtherVersions) {
  levande_workspace *ws = nullptr;
  ASSERT_EQ(levande_workspace_synthetic(&ws, 100, 4, nullptr), LEVANDE_OK);
  const int32_t as_of = day("2026-09-30");
  // 0.1 is the first release: a struct that ends before its last field is
  // no version's, and is refused (the reading of shorter, older structs is
  // checked in tests/internal/capi_structs_test.cpp).
  levande_metrics_pass_options options = LEVANDE_METRICS_PASS_OPTIONS_INIT;
  options.struct_size = offsetof(levande_metrics_pass_options, with_retention);
  levande_metrics_tables *tables = nullptr;
  levande_error *err = nullptr;
  EXPECT_EQ(levande_metrics_pass(&tables, ws, as_of, &options, &err), LEVANDE_ERR_MISUSE);
  EXPECT_STREQ(levande_error_field(err), "struct_size");
  levande_error_destroy(&err);

  // A struct from a newer levande, with a field this one does not know.
  struct Larger {
    levande_metrics_pass_options known;
    double from_the_future;
  } larger{LEVANDE_METRICS_PASS_OPTIONS_INIT, 1.0};
  larger.known.struct_size = sizeof larger;
  EXPECT_EQ(levande_metrics_pass(&tables, ws, as_of, &larger.known, &err), LEVANDE_ERR_UNSUPPORTED);
  EXPECT_STREQ(levande_error_field(err), "struct_size");
  EXPECT_NE(std::string(levande_error_message(err)).find("newer levande"), std::string::npos);
  levande_error_destroy(&err);
  EXPECT_EQ(tables, nullptr);

  // The runtime initialiser gives what the macro gives.
  levande_metrics_pass_options by_function;
  std::memset(&by_function, 0xAB, sizeof by_function);
  ASSERT_EQ(levande_metrics_pass_options_init(&by_function, sizeof by_function), LEVANDE_OK);
  const levande_metrics_pass_options by_macro = LEVANDE_METRICS_PASS_OPTIONS_INIT;
  EXPECT_EQ(by_function.struct_size, sizeof by_function);
  EXPECT_EQ(by_function.at_risk_from, 0.8);
  EXPECT_EQ(by_function.min_respondents, 5);
  EXPECT_EQ(by_function.retention_target, 0.9);
  EXPECT_EQ(by_function.with_retention, by_macro.with_retention);
  EXPECT_EQ(by_function.max_days, by_macro.max_days);
  // A caller's older, shorter struct is filled as far as it goes, no further.
  unsigned char buffer[sizeof(levande_metrics_pass_options) + 8];
  std::memset(buffer, 0xCD, sizeof buffer);
  const size_t older = offsetof(levande_metrics_pass_options, retention_target);
  auto *partial = reinterpret_cast<levande_metrics_pass_options *>(buffer);
  ASSERT_EQ(levande_metrics_pass_options_init(partial, older), LEVANDE_OK);
  EXPECT_EQ(partial->struct_size, older);
  for (size_t i = older; i < sizeof buffer; ++i)
    EXPECT_EQ(buffer[i], 0xCD) << i;
  EXPECT_EQ(levande_metrics_pass_options_init(nullptr, sizeof by_function), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_metrics_pass_options_init(&by_function, sizeof by_function + 8),
            LEVANDE_ERR_UNSUPPORTED);
  EXPECT_EQ(levande_metrics_pass_options_init(&by_function, 2), LEVANDE_ERR_MISUSE);
  levande_workspace_destroy(&ws);
}

}  // namespace
