// Goal status through the C API only, with NULL and bad-value paths.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "capi_helpers.hpp"
#include "levande.h"

namespace {

// Plan created 2026-01-01; goal baseline 10, target 20 by 31 January;
// measured 12 on 11 January and 16 on 21 January (the hand-worked case of
// metrics_test.cpp: progress 0.6, forecast 18.667, at risk).
const char *const sample =
    R"([{"op":"add","kind":"people","value":{"id":"anna","name":"Anna"}},
        {"op":"add","kind":"action_plans","value":{"id":"p1","title":"P","person":"anna","created":"2026-01-01","due":"2026-12-31"}},
        {"op":"add","kind":"goals","value":{"id":"g","plan":"p1","metric":"m","baseline":10,"target":20,"deadline":"2026-01-31"}},
        {"op":"add","kind":"goals","value":{"id":"h","plan":"p1","metric":"m","baseline":10,"target":20,"deadline":"2026-01-31"}},
        {"op":"add","kind":"measurements","value":{"goal":"g","date":"2026-01-11","value":12}},
        {"op":"add","kind":"measurements","value":{"goal":"g","date":"2026-01-21","value":16}}])";

TEST(CApiMetrics, GoalStatusColumns) {
  levande_workspace *ws = nullptr;
  ASSERT_EQ(levande_workspace_create(&ws, nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_workspace_apply_json(ws, sample, nullptr), LEVANDE_OK);
  levande_goal_status_table *table = nullptr;
  ASSERT_EQ(levande_metrics_goal_status(&table, ws, day("2026-01-25"), 0.8, nullptr), LEVANDE_OK);
  levande_goal_status_columns c;
  ASSERT_EQ(levande_goal_status_columns_get(&c, table, nullptr), LEVANDE_OK);
  ASSERT_EQ(c.count, 2u);
  EXPECT_DOUBLE_EQ(c.current[0], 16.0);
  EXPECT_EQ(c.measured[0], day("2026-01-21"));
  EXPECT_EQ(c.measurements[0], 2u);
  EXPECT_DOUBLE_EQ(c.progress[0], 0.6);
  EXPECT_NEAR(c.forecast[0], 38.0 / 3 + 6.0, 1e-12);
  EXPECT_EQ(c.status[0], LEVANDE_GOAL_AT_RISK);
  EXPECT_TRUE(std::isnan(c.progress[1]));
  EXPECT_EQ(c.measured[1], -208188);
  EXPECT_EQ(c.status[1], LEVANDE_GOAL_NO_DATA);
  EXPECT_STREQ(levande_goal_status_name(c.status[0]), "at_risk");
  EXPECT_STREQ(levande_goal_status_name(99), "unknown");
  levande_goal_status_destroy(&table);
  EXPECT_EQ(table, nullptr);
  levande_goal_status_destroy(&table);
  levande_goal_status_destroy(nullptr);

  levande_error *err = nullptr;
  EXPECT_EQ(levande_metrics_goal_status(&table, ws, day("2026-01-25"), 1.5, &err),
            LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_STREQ(levande_error_field(err), "at_risk_from");
  levande_error_destroy(&err);
  EXPECT_EQ(levande_metrics_goal_status(nullptr, ws, 0, 0.8, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_metrics_goal_status(&table, nullptr, 0, 0.8, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_goal_status_columns_get(&c, nullptr, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_goal_status_columns_get(nullptr, table, nullptr), LEVANDE_ERR_MISUSE);
  levande_workspace_destroy(&ws);
}

}  // namespace
