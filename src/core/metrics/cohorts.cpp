// Cohort curves: mean goal progress by days since the training, per cohort
// month (docs/metrics.md, "Cohort curves").
#include <algorithm>
#include <map>
#include <numeric>
#include <span>

#include "levande/error.hpp"
#include "levande/metrics.hpp"
#include "metrics/groups.hpp"
#include "workspace/links.hpp"
#include "workspace/model_view.hpp"

namespace levande {
namespace {

// Row numbers first..last-1 of a goal's run in place, as add_goal walks
// them (std::views::iota would do, but Clang 14 cannot compile it against
// libstdc++ 12, and the sanitizer build uses Clang).
struct RowRun {
  struct iterator {
    std::size_t row;
    std::size_t operator*() const { return row; }
    iterator &operator++() {
      ++row;
      return *this;
    }
    iterator operator+(std::size_t n) const { return {row + n}; }
    bool operator==(const iterator &) const = default;
  };
  std::size_t first, last;
  iterator begin() const { return {first}; }
  iterator end() const { return {last}; }
};

}  // namespace

Table cohort_curves(const Workspace &workspace, Date as_of, const CohortOptions &options) {
  detail::require_date(as_of);
  if (options.step_days < 1 || options.step_days > 365) {
    throw Error(Errc::invalid_argument, "step_days", std::to_string(options.step_days),
                "must be between 1 and 365");
  }
  if (options.max_days < 0 || options.max_days > 3650) {
    throw Error(Errc::invalid_argument, "max_days", std::to_string(options.max_days),
                "must be between 0 and 3650");
  }
  const auto &t = detail::ModelView(workspace).tables();
  const auto links = detail::ModelView(workspace).links();
  const auto &training_of = links->goal_training;
  const std::size_t points = static_cast<std::size_t>(options.max_days / options.step_days) + 1;

  struct Point {
    std::uint32_t goals = 0, achieved = 0;
    double progress = 0;
  };
  // The cohort of each training that had ended by as_of, numbered in month order.
  std::vector<std::string> month(t.trainings.size());
  std::map<std::string, std::uint32_t> months;
  for (std::size_t ti = 0; ti < t.trainings.size(); ++ti) {
    if (as_of < t.trainings.rows[ti].end) continue;
    month[ti] = detail::cohort_of(t.trainings.rows[ti].end);
    months.emplace(month[ti], 0);
  }
  std::uint32_t numbered = 0;
  for (auto &[name, index] : months)
    index = numbered++;
  std::vector<std::uint32_t> cohort_of_training(t.trainings.size(), detail::no_entity);
  for (std::size_t ti = 0; ti < t.trainings.size(); ++ti)
    if (!month[ti].empty()) cohort_of_training[ti] = months.at(month[ti]);
  std::vector<std::vector<Point>> cohorts(months.size(), std::vector<Point>(points));
  // Adds goal g's curve from its measurements `rows` (log rows in date order).
  const auto &log = t.measurements;
  const auto add_goal = [&](std::size_t g, auto rows) {
    const auto cohort = cohort_of_training[training_of[g]];
    const Date end = t.trainings.rows[training_of[g]].end;
    auto &curve = cohorts[cohort];
    const double baseline = links->goal_baseline[g], span = links->goal_target[g] - baseline;
    auto next = rows.begin();
    const auto last = rows.end();
    double progress = 0;  // before any measurement: the baseline
    for (std::size_t k = 0; k < points; ++k) {
      const Date day(end.days() + static_cast<std::int32_t>(k) * options.step_days);
      if (as_of < day) break;
      if (next != last && !(day < log.date[*next])) {  // the latest value by the day counts
        while (next + 1 != last && !(day < log.date[*(next + 1)]))
          ++next;
        progress = (log.value[*next] - baseline) / span;
        ++next;
      }
      curve[k].goals += 1;
      curve[k].achieved += progress >= 1;
      curve[k].progress += progress;
    }
  };
  const auto in_a_cohort = [&](std::size_t g) {
    return training_of[g] != detail::no_entity &&
           cohort_of_training[training_of[g]] != detail::no_entity;
  };
  const auto by_date = [&](auto x, auto y) { return log.date[x] < log.date[y]; };
  std::vector<std::uint32_t> sorted;  // a goal's rows, when they are not in date order
  const auto add_sorted = [&](std::size_t g, std::span<std::uint32_t> rows) {
    std::stable_sort(rows.begin(), rows.end(), by_date);
    add_goal(g, rows);
  };
  // A log grouped by goal in goal order, as one written goal by goal is,
  // gives each goal's rows as a run in place: the walk takes the runs in
  // turn, and a row left over at the end means the log was not so grouped.
  // Otherwise the rows are gathered per goal (a counting sort). Either way a
  // goal's rows are sorted by date where they are not already.
  const auto *goal = log.goal.data();
  const auto *date = log.date.data();
  std::size_t r = 0;
  for (std::size_t g = 0; g < t.goals.size(); ++g) {
    const std::size_t first = r;
    while (r < log.size() && goal[r] == g)
      ++r;
    if (!in_a_cohort(g)) continue;
    if (std::is_sorted(date + first, date + r)) {
      add_goal(g, RowRun{first, r});
    } else {
      sorted.resize(r - first);
      std::iota(sorted.begin(), sorted.end(), static_cast<std::uint32_t>(first));
      add_sorted(g, sorted);
    }
  }
  if (r != log.size()) {
    for (auto &curve : cohorts)
      std::fill(curve.begin(), curve.end(), Point{});
    detail::Buckets by_goal(
        t.goals.size(), log.size(), [&](std::size_t row) { return log.goal[row]; },
        [](std::size_t) { return true; });
    for (std::size_t g = 0; g < t.goals.size(); ++g) {
      if (!in_a_cohort(g)) continue;
      const auto rows = by_goal.of(g);
      if (std::is_sorted(rows.begin(), rows.end(), by_date))  // logs are mostly in date order
        add_goal(g, rows);
      else
        add_sorted(g, rows);
    }
  }

  DictionaryColumn cohort;
  std::vector<std::int32_t> day;
  std::vector<std::uint32_t> goals;
  std::vector<double> mean_progress, achieved_share;
  for (const auto &[name, index] : months) {
    const auto &curve = cohorts[index];
    if (curve[0].goals == 0) continue;  // a month without goals has no curve
    cohort.words.push_back(name);
    for (std::size_t k = 0; k < curve.size() && curve[k].goals > 0; ++k) {
      cohort.codes.push_back(static_cast<std::int32_t>(cohort.words.size() - 1));
      day.push_back(static_cast<std::int32_t>(k) * options.step_days);
      goals.push_back(curve[k].goals);
      mean_progress.push_back(curve[k].progress / curve[k].goals);
      achieved_share.push_back(static_cast<double>(curve[k].achieved) / curve[k].goals);
    }
  }
  Table out;
  out.add("cohort", std::move(cohort));
  out.add("day", std::move(day));
  out.add("goals", std::move(goals));
  out.add("mean_progress", std::move(mean_progress));
  out.add("achieved_share", std::move(achieved_share));
  return out;
}

}  // namespace levande
