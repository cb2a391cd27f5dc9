// The metrics pass alone, in C++: every metric over the synthetic
// organisation as of one date, with the time of each (for profiling with
// perf; the comparison figures come from bench/metrics_100k.py).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <utility>
#include <vector>

#include "levande/fixtures/synthetic.hpp"
#include "levande/metrics.hpp"

int main(int argc, char **argv) {
  using namespace levande;
  const std::size_t people = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100000;
  const int runs = argc > 2 ? std::atoi(argv[2]) : 3;
  const auto ws = synthetic_organisation({people, 1});
  const Date as_of = Date::from_ymd(2026, 9, 30);
  const std::vector<std::pair<const char *, std::function<Table()>>> steps{
      {"goal_status", [&] { return to_table(ws, goal_status(ws, as_of)); }},
      {"engagement/person", [&] { return engagement(ws, as_of, GroupBy::person); }},
      {"engagement/team", [&] { return engagement(ws, as_of, GroupBy::team); }},
      {"feedback/team", [&] { return feedback(ws, as_of, FeedbackBy::team); }},
      {"feedback/training", [&] { return feedback(ws, as_of, FeedbackBy::training); }},
      {"training_outcomes", [&] { return training_outcomes(ws, as_of); }},
      {"coverage", [&] { return coverage(ws, as_of); }},
      {"retention", [&] { return retention(ws, as_of); }},
      {"cohort_curves", [&] { return cohort_curves(ws, as_of); }},
      {"goal_rollup/team", [&] { return goal_rollup(ws, as_of, RollupBy::team); }},
  };
  for (int run = 0; run < runs; ++run) {
    double total = 0;
    for (const auto &[name, step] : steps) {
      const auto t0 = std::chrono::steady_clock::now();
      const auto table = step();
      const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      total += s;
      std::printf("%-18s %8.1f ms  %zu rows\n", name, s * 1e3, table.rows());
    }
    std::printf("total              %8.1f ms\n", total * 1e3);
    MetricsPassOptions no_retention;
    no_retention.with_retention = false;
    const auto t0 = std::chrono::steady_clock::now();
    const auto pass = metrics_pass(ws, as_of, no_retention);
    std::printf(
        "metrics_pass       %8.1f ms  (every table but retention, shared goal status and "
        "coverage)\n\n",
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() * 1e3);
  }
}
