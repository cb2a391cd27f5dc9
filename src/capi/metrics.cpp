// The metrics part of the C API: metric tables behind one table handle.
#include <algorithm>
#include <cstring>
#include <memory>
#include <vector>

#include "guard.hpp"
#include "levande.h"
#include "levande/metrics.hpp"
#include "structs.hpp"
#include "table_handle.hpp"
#include "workspace_handle.hpp"

struct levande_metrics_tables {
  struct Entry {
    const char *name;                      // static: MetricsPass::tables()
    std::unique_ptr<levande_table> table;  // null for a table not asked for
  };
  std::vector<Entry> entries;
};

using namespace levande;
using namespace levande::capi;

namespace {

// The column `name` as type T; Errc::not_found / invalid_argument otherwise.
template <class T>
const T &typed(const levande_table *table, const char *name, const char *type) {
  require(table, "table");
  require(name, "name");
  const auto &data = (*table->table)[name];
  const auto *v = std::get_if<T>(&data);
  if (!v)
    throw Error(Errc::invalid_argument, "name", name, std::string("is not a ") + type + " column");
  return *v;
}

}  // namespace

extern "C" {

levande_status levande_metrics_goal_status(levande_table **out, const levande_workspace *ws,
                                           int32_t as_of, double at_risk_from,
                                           levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(out, "out");
    *out = nullptr;
    make_table(out, to_table(ws->ws, goal_status(ws->ws, Date(as_of), {at_risk_from})));
  });
}

levande_status levande_metrics_engagement(levande_table **out, const levande_workspace *ws,
                                          int32_t as_of, int32_t by, int32_t tolerance_days,
                                          levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(out, "out");
    *out = nullptr;
    if (by != LEVANDE_BY_PERSON && by != LEVANDE_BY_TEAM) {
      throw Error(Errc::invalid_argument, "by", std::to_string(by), "is not a LEVANDE_BY_* value");
    }
    make_table(out, engagement(ws->ws, Date(as_of), static_cast<GroupBy>(by), {tolerance_days}));
  });
}

levande_status levande_metrics_feedback(levande_table **out, const levande_workspace *ws,
                                        int32_t as_of, int32_t by, int32_t min_respondents,
                                        levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(out, "out");
    *out = nullptr;
    if (by != LEVANDE_FEEDBACK_BY_TEAM && by != LEVANDE_FEEDBACK_BY_TRAINING) {
      throw Error(Errc::invalid_argument, "by", std::to_string(by),
                  "is not a LEVANDE_FEEDBACK_BY_* value");
    }
    make_table(out, feedback(ws->ws, Date(as_of), static_cast<FeedbackBy>(by), {min_respondents}));
  });
}

levande_status levande_metrics_training_outcomes(levande_table **out, const levande_workspace *ws,
                                                 int32_t as_of, int32_t application_days,
                                                 double attribution, double confidence,
                                                 levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(out, "out");
    *out = nullptr;
    make_table(out,
               training_outcomes(ws->ws, Date(as_of), {application_days, attribution, confidence}));
  });
}

levande_status levande_metrics_coverage(levande_table **out, const levande_workspace *ws,
                                        int32_t as_of, levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(out, "out");
    *out = nullptr;
    make_table(out, coverage(ws->ws, Date(as_of)));
  });
}

levande_status levande_metrics_retention(levande_table **out, const levande_workspace *ws,
                                         int32_t as_of, double target, levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(out, "out");
    *out = nullptr;
    RetentionOptions options;
    options.target = target;
    make_table(out, retention(ws->ws, Date(as_of), options));
  });
}

levande_status levande_metrics_cohort_curves(levande_table **out, const levande_workspace *ws,
                                             int32_t as_of, int32_t step_days, int32_t max_days,
                                             levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(out, "out");
    *out = nullptr;
    make_table(out, cohort_curves(ws->ws, Date(as_of), {step_days, max_days}));
  });
}

levande_status levande_metrics_goal_rollup(levande_table **out, const levande_workspace *ws,
                                           int32_t as_of, int32_t by, double at_risk_from,
                                           int32_t department_depth, levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(out, "out");
    *out = nullptr;
    if (by < 0 || by > 5)
      throw Error(Errc::invalid_argument, "by", std::to_string(by), "is not a levande_rollup_by");
    make_table(out, goal_rollup(ws->ws, Date(as_of), static_cast<RollupBy>(by),
                                {{at_risk_from}, department_depth}));
  });
}

levande_status levande_table_uint8(const uint8_t **out, const levande_table *table,
                                   const char *name, levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    *out = typed<std::vector<std::uint8_t>>(table, name, "uint8").data();
  });
}

levande_status levande_table_rows(size_t *out, const levande_table *table,
                                  levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    require(table, "table");
    *out = table->table->rows();
  });
}

levande_status levande_table_float64(const double **out, const levande_table *table,
                                     const char *name, levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    *out = typed<std::vector<double>>(table, name, "float64").data();
  });
}

levande_status levande_table_uint32(const uint32_t **out, const levande_table *table,
                                    const char *name, levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    *out = typed<std::vector<std::uint32_t>>(table, name, "uint32").data();
  });
}

levande_status levande_table_date(const int32_t **out, const levande_table *table, const char *name,
                                  levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    *out = reinterpret_cast<const int32_t *>(typed<std::vector<Date>>(table, name, "date").data());
  });
}

levande_status levande_table_codes(const int32_t **out, size_t *word_count,
                                   const levande_table *table, const char *name,
                                   levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    const auto &d = typed<DictionaryColumn>(table, name, "dictionary");
    *out = d.codes.data();
    if (word_count) *word_count = d.words.size();
  });
}

levande_status levande_table_word(const char **out, const levande_table *table, const char *name,
                                  int32_t code, levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    const auto &d = typed<DictionaryColumn>(table, name, "dictionary");
    if (code < 0 || static_cast<std::size_t>(code) >= d.words.size()) {
      throw Error(Errc::not_found, "code", std::to_string(code),
                  "the column has " + std::to_string(d.words.size()) + " words");
    }
    *out = d.words[static_cast<std::size_t>(code)].c_str();
  });
}

levande_status levande_table_to_arrow(struct ArrowArrayStream *out, const levande_table *table,
                                      levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    require(table, "table");
    export_arrow(table->table, out);
  });
}

void levande_table_destroy(levande_table **table) {
  destroy(table);
}

const char *levande_goal_status_name(int32_t status) {
  if (status < 0 || status >= static_cast<int32_t>(goal_status_count)) return "unknown";
  return to_string(static_cast<GoalStatus>(status));
}

levande_status levande_metrics_pass_options_init(levande_metrics_pass_options *out,
                                                 size_t struct_size) {
  return init_struct(out, struct_size);
}

levande_status levande_metrics_pass(levande_metrics_tables **out, const levande_workspace *ws,
                                    int32_t as_of, const levande_metrics_pass_options *options,
                                    levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(out, "out");
    *out = nullptr;
    const auto o = read_struct(options);
    MetricsPassOptions cpp;
    cpp.status.at_risk_from = o.at_risk_from;
    cpp.engagement.tolerance_days = o.tolerance_days;
    cpp.feedback.min_respondents = o.min_respondents;
    cpp.outcomes = {o.application_days, o.attribution, o.confidence};
    cpp.cohorts = {o.step_days, o.max_days};
    cpp.department_depth = o.department_depth;
    cpp.with_retention = o.with_retention != 0;
    cpp.retention.target = o.retention_target;
    auto pass = metrics_pass(ws->ws, Date(as_of), cpp);
    auto set = std::make_unique<levande_metrics_tables>();
    for (auto &[name, table] : pass.tables()) {
      levande_metrics_tables::Entry entry{name, nullptr};
      if (!table->columns().empty())  // a table not asked for has no columns
        entry.table = std::make_unique<levande_table>(
            levande_table{std::make_shared<const Table>(std::move(*table))});
      set->entries.push_back(std::move(entry));
    }
    *out = set.release();
  });
}

size_t levande_metrics_tables_count(const levande_metrics_tables *tables) {
  return tables != nullptr ? tables->entries.size() : 0;
}

const char *levande_metrics_tables_name(const levande_metrics_tables *tables, size_t i) {
  return tables != nullptr && i < tables->entries.size() ? tables->entries[i].name : nullptr;
}

const levande_table *levande_metrics_tables_at(const levande_metrics_tables *tables, size_t i) {
  return tables != nullptr && i < tables->entries.size() ? tables->entries[i].table.get() : nullptr;
}

levande_status levande_metrics_tables_find(const levande_table **out,
                                           const levande_metrics_tables *tables, const char *name,
                                           levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    *out = nullptr;
    require(tables, "tables");
    require(name, "name");
    for (const auto &entry : tables->entries) {
      if (std::strcmp(entry.name, name) != 0) continue;
      if (!entry.table)
        throw Error(Errc::not_found, "name", name, "was not computed by this pass (not asked for)");
      *out = entry.table.get();
      return;
    }
    throw Error(Errc::not_found, "name", name, "is not a table of the metrics pass");
  });
}

void levande_metrics_tables_destroy(levande_metrics_tables **tables) {
  destroy(tables);
}

}  // extern "C"
