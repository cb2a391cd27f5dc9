// The metrics part of the C API.
#include "levande/metrics.hpp"
#include "capi/guard.hpp"
#include "capi/workspace_handle.hpp"
#include "levande.h"

struct levande_goal_status_table {
  levande::GoalStatusTable t;
};

using namespace levande;
using namespace levande::capi;

static_assert(sizeof(GoalStatus) == sizeof(uint8_t));

extern "C" {

levande_status levande_metrics_goal_status(levande_goal_status_table **out,
                                           const levande_workspace *ws, int32_t as_of,
                                           double at_risk_from, levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(out, "out");
    *out = nullptr;
    auto table = std::make_unique<levande_goal_status_table>();
    table->t = goal_status(ws->ws, Date(as_of), {at_risk_from});
    *out = table.release();
  });
}

levande_status levande_goal_status_columns_get(levande_goal_status_columns *out,
                                               const levande_goal_status_table *table,
                                               levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    require(table, "table");
    const auto &t = table->t;
    *out = {t.size(),
            t.current.data(),
            reinterpret_cast<const int32_t *>(t.measured.data()),
            t.count.data(),
            t.progress.data(),
            t.forecast.data(),
            t.forecast_progress.data(),
            reinterpret_cast<const uint8_t *>(t.status.data())};
  });
}

void levande_goal_status_destroy(levande_goal_status_table **table) {
  destroy(table);
}

const char *levande_goal_status_name(int32_t status) {
  if (status < 0 || status >= static_cast<int32_t>(goal_status_count)) return "unknown";
  return to_string(static_cast<GoalStatus>(status));
}

}  // extern "C"
