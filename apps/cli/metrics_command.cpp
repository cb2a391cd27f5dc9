// metrics: every metric table as text, CSV or JSON (docs/metrics.md).
#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "levande/celebrate.hpp"
#include "levande/error.hpp"
#include "levande/metrics.hpp"
#include "progress.hpp"

namespace levande::cli {

namespace {

template <class Enum, std::size_t N>
Enum by_option(const std::string &by, const char *table,
               const std::pair<const char *, Enum> (&choices)[N]) {
  for (const auto &[name, value] : choices)
    if (by == name) return value;
  std::string allowed;
  for (const auto &[name, value] : choices)
    allowed += std::string(allowed.empty() ? "" : ", ") + name;
  throw UsageError(std::string("--by: '") + by + "' is not one of " + allowed + " for --table " +
                   table);
}

Table compute(const Workspace &ws, Date as_of, const std::string &table, const std::string &by) {
  const auto no_by = [&] {
    if (!by.empty()) throw UsageError("--by: --table " + table + " has no grouping");
  };
  if (table == "goals") {
    no_by();
    return to_table(ws, goal_status(ws, as_of));
  }
  if (table == "engagement")
    return engagement(ws, as_of,
                      by_option(by.empty() ? "team" : by, "engagement",
                                {std::pair{"person", GroupBy::person}, {"team", GroupBy::team}}));
  if (table == "feedback")
    return feedback(
        ws, as_of,
        by_option(by.empty() ? "team" : by, "feedback",
                  {std::pair{"team", FeedbackBy::team}, {"training", FeedbackBy::training}}));
  if (table == "training") {
    no_by();
    return training_outcomes(ws, as_of);
  }
  if (table == "coverage") {
    no_by();
    return coverage(ws, as_of);
  }
  if (table == "retention") {
    no_by();
    return retention(ws, as_of);
  }
  if (table == "cohorts") {
    no_by();
    return cohort_curves(ws, as_of);
  }
  if (table == "rollup")
    return goal_rollup(ws, as_of,
                       by_option(by.empty() ? "team" : by, "rollup",
                                 {std::pair{"person", RollupBy::person},
                                  {"team", RollupBy::team},
                                  {"department", RollupBy::department},
                                  {"training", RollupBy::training},
                                  {"skill", RollupBy::skill},
                                  {"cohort", RollupBy::cohort}}));
  if (table == "successes") {
    no_by();
    return successes_table(find_successes(ws, as_of));
  }
  throw UsageError("--table: '" + table +
                   "' is not goals, engagement, feedback, training, coverage, retention, "
                   "cohorts, rollup, successes or all");
}

// --table all: every table of metrics_pass() as DIR/<name>.csv or .json.
int all_metrics(const Options &o, const Workspace &ws, Date as_of) {
  namespace fs = std::filesystem;
  if (!o.by.empty()) throw UsageError("--by: --table all has every grouping already");
  if (o.format != "csv" && o.format != "json" && o.format != "excel")
    throw UsageError("--format: --table all writes files, csv, excel or json (not '" + o.format +
                     "')");
  if (o.out.empty()) throw UsageError("--out: --table all needs a directory for its files");
  const fs::path dir(o.out);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw Error(Errc::io_error, "--out", dir.string(), "cannot be created: " + ec.message());
  const auto pass = [&] {
    Progress progress("levande metrics", 0);
    return metrics_pass(ws, as_of);
  }();
  for (const auto &[name, table] : pass.tables()) {
    const auto path = dir / (std::string(name) + (o.format == "json" ? ".json" : ".csv"));
    write_output(path.string(), format_table(*table, o.format, 0, language_of(o, ws)));
    std::cout << path.string() << "\n";
  }
  return 0;
}

}  // namespace

int metrics(const Options &o) {
  const auto ws = open_existing(o.workspace);
  const Date as_of = date_option(o.as_of, "--as-of");
  if (o.table == "all") return all_metrics(o, ws, as_of);
  if (!o.out.empty()) throw UsageError("--out: only with --table all (use -o for one table)");
  const auto table = [&] {
    Progress progress("levande metrics", 0);
    return compute(ws, as_of, o.table, o.by);
  }();
  write_output(o.output, format_table(table, o.format, o.limit, language_of(o, ws)));
  return 0;
}

}  // namespace levande::cli
