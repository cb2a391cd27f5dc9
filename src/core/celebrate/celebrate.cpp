// Step 5: successes found in goals and check-ins (docs/celebrations.md).
#include "levande/celebrate.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <tuple>
#include <unordered_map>

#include "i18n/language.hpp"
#include "levande/error.hpp"
#include "metrics/groups.hpp"
#include "workspace/model_view.hpp"

namespace levande {

namespace {

// A number as people write it: at most two decimals, no trailing zeros.
std::string number(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  std::string s = buffer;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0')
      s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

void check(const CelebrationOptions &o) {
  if (o.milestone_step_percent < 0 || o.milestone_step_percent > 99) {
    throw Error(Errc::invalid_argument, "milestone_step_percent",
                std::to_string(o.milestone_step_percent), "must be 0 (none) or 1–99");
  }
  if (!(o.kpi_improvement_percent >= 0 && o.kpi_improvement_percent <= 1000)) {
    throw Error(Errc::invalid_argument, "kpi_improvement_percent",
                number(o.kpi_improvement_percent), "must be 0 (none) or in (0, 1000]");
  }
  if (o.streak != 0 && (o.streak < 2 || o.streak > 1000)) {
    throw Error(Errc::invalid_argument, "streak", std::to_string(o.streak),
                "must be 0 (none) or 2–1000");
  }
}

class Finder {
 public:
  Finder(const detail::Tables &t, Date as_of, const CelebrationOptions &o)
      : t_(t), as_of_(as_of), o_(o), lang_(i18n::Language::chosen("", t.settings.language)) {
    // A goal's success of a kind recorded by hand counts as found.
    for (const auto &s : t.successes.rows)
      if (!s.goal.empty()) recorded_.emplace(s.goal, s.kind);
  }

  std::vector<Success> run() {
    goals();
    streaks();
    // Goals in order, then plans: a stable sort keeps that order within a day.
    std::stable_sort(found_.begin(), found_.end(),
                     [](const auto &a, const auto &b) { return a.date < b.date; });
    return std::move(found_);
  }

 private:
  // Owner of a plan: the person (and their team) or the team.
  void own(Success &s, const ActionPlan &plan) const {
    s.person = plan.person;
    if (!plan.team.empty())
      s.team = plan.team;
    else if (const auto *p = t_.people.find(plan.person))
      s.team = p->team;
  }

  void propose(Success s) {
    if (t_.successes.find(s.id)) return;
    // Milestones are told apart by id only: a hand-made "milestone" record
    // does not say which one it was.
    if (s.kind != "milestone" && recorded_.count({s.goal, s.kind})) return;
    found_.push_back(std::move(s));
  }

  void goals() {
    const auto &log = t_.measurements;
    detail::Buckets by_goal(
        t_.goals.size(), log.size(), [&](std::size_t r) { return log.goal[r]; },
        [&](std::size_t r) { return !(as_of_ < log.date[r]); });
    for (std::size_t g = 0; g < t_.goals.size(); ++g) {
      auto rows = by_goal.of(g);
      if (rows.empty()) continue;
      std::stable_sort(rows.begin(), rows.end(),
                       [&](auto a, auto b) { return log.date[a] < log.date[b]; });
      const Goal &goal = t_.goals.rows[g];
      const ActionPlan &plan = *t_.action_plans.find(goal.plan);
      const double span = goal.target - goal.baseline;  // never 0 (validated)
      const auto num = [&](double v) { return lang_.number(v, 2); };
      const auto with_unit = [&](double v) {
        return goal.unit.empty() ? num(v) : num(v) + " " + goal.unit;
      };

      // The first measurement at or past each level, in date order.
      const auto first_at = [&](auto reached) -> std::optional<std::uint32_t> {
        for (auto r : rows)
          if (reached(log.value[r])) return r;
        return std::nullopt;
      };
      const auto progress_of = [&](double v) { return (v - goal.baseline) / span; };
      const auto achieved = first_at([&](double v) { return progress_of(v) >= 1; });
      const auto make = [&](std::uint32_t row, const char *suffix, const char *kind) {
        Success s;
        s.id = goal.id + "/" + suffix;
        s.date = log.date[row];
        s.kind = kind;
        s.goal = goal.id;
        own(s, plan);
        return s;
      };
      if (achieved) {
        Success s = make(*achieved, "achieved", "goal_achieved");
        s.scale = Scale::large;
        s.title = lang_.trf(
            "{1} reached its target: {2} (baseline {3}, target {4})",
            {goal.metric, with_unit(log.value[*achieved]), num(goal.baseline), num(goal.target)});
        propose(std::move(s));
      }
      // Milestones below 100 %, each unless a higher level was reached on
      // the same day (one line per day and goal, the highest).
      if (o_.milestone_step_percent > 0) {
        std::optional<std::uint32_t> above = achieved;
        for (std::int32_t m = (99 / o_.milestone_step_percent) * o_.milestone_step_percent; m > 0;
             m -= o_.milestone_step_percent) {
          const double level = m / 100.0;
          const auto row = first_at([&](double v) { return progress_of(v) >= level; });
          if (!row) continue;
          if (!above || log.date[*row] < log.date[*above]) {
            Success s = make(*row, ("milestone-" + std::to_string(m)).c_str(), "milestone");
            s.title =
                lang_.trf("{1} is {2} of the way to its target: {3} (baseline {4}, target {5})",
                          {goal.metric, lang_.percent(m / 100.0), with_unit(log.value[*row]),
                           num(goal.baseline), num(goal.target)});
            propose(std::move(s));
          }
          above = row;
        }
      }
      if (o_.kpi_improvement_percent > 0 && goal.baseline != 0) {
        const double sign = goal.direction == Direction::increase ? 1 : -1;
        const auto gain = [&](double v) {
          return sign * (v - goal.baseline) / std::abs(goal.baseline) * 100;
        };
        // Compared with a tolerance so that a value entered as exactly X %
        // better (10 → 11 for 10 %) is not lost to rounding.
        const auto row =
            first_at([&](double v) { return gain(v) >= o_.kpi_improvement_percent * (1 - 1e-12); });
        if (row) {
          Success s = make(*row, "kpi", "kpi_improved");
          const double pct =
              std::abs(log.value[*row] - goal.baseline) / std::abs(goal.baseline) * 100;
          const auto by = lang_.percent(std::round(pct) / 100);
          s.title =
              goal.direction == Direction::increase
                  ? lang_.trf("{1} up {2} from the baseline: {3} → {4}",
                              {goal.metric, by, num(goal.baseline), with_unit(log.value[*row])})
                  : lang_.trf("{1} down {2} from the baseline: {3} → {4}",
                              {goal.metric, by, num(goal.baseline), with_unit(log.value[*row])});
          propose(std::move(s));
        }
      }
    }
  }

  void streaks() {
    if (o_.streak == 0) return;
    const auto &log = t_.check_ins;
    detail::Buckets by_plan(
        t_.action_plans.size(), log.size(), [&](std::size_t r) { return log.plan[r]; },
        [&](std::size_t r) { return !(as_of_ < log.scheduled[r]); });
    const auto n = static_cast<std::size_t>(o_.streak);
    for (std::size_t p = 0; p < t_.action_plans.size(); ++p) {
      auto rows = by_plan.of(p);
      if (rows.size() < n) continue;
      std::stable_sort(rows.begin(), rows.end(),
                       [&](auto a, auto b) { return log.scheduled[a] < log.scheduled[b]; });
      const ActionPlan &plan = t_.action_plans.rows[p];
      std::size_t run = 0;
      for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto r = rows[i];
        const bool held = log.status[r] == CheckInStatus::held && !(as_of_ < log.held[r]);
        run = held ? run + 1 : 0;
        if (run != n) continue;
        const Date first = log.scheduled[rows[i + 1 - n]];
        Success s;
        s.id = plan.id + "/streak-" + first.to_string();
        s.date = log.held[r];
        s.kind = "check_in_streak";
        own(s, plan);
        s.title = lang_.trf("{1} check-ins held in a row on \"{2}\"",
                            {lang_.integer(static_cast<std::int64_t>(n)), plan.title});
        propose(std::move(s));
      }
    }
  }

  const detail::Tables &t_;
  Date as_of_;
  const CelebrationOptions &o_;
  const i18n::Language &lang_;  // of the titles: the workspace's
  std::set<std::pair<std::string, std::string>> recorded_;
  std::vector<Success> found_;
};

}  // namespace

std::vector<Success> find_successes(const Workspace &workspace, Date as_of,
                                    const CelebrationOptions &options) {
  detail::require_date(as_of);
  check(options);
  return Finder(detail::ModelView(workspace).tables(), as_of, options).run();
}

std::vector<Success> record_successes(Workspace &workspace, Date as_of,
                                      const CelebrationOptions &options) {
  auto found = find_successes(workspace, as_of, options);
  Batch batch;
  for (const auto &s : found)
    batch.add(s);
  if (!batch.empty()) workspace.apply(batch);
  return found;
}

Table successes_table(const std::vector<Success> &successes) {
  const auto n = successes.size();
  // A dictionary column of one text field; empty text is null.
  const auto text = [&](std::string Success::*field) {
    DictionaryColumn c;
    c.codes.reserve(n);
    std::unordered_map<std::string, std::int32_t> seen;
    for (const auto &s : successes) {
      const auto &v = s.*field;
      if (v.empty()) {
        c.codes.push_back(-1);
        continue;
      }
      auto [it, added] = seen.emplace(v, static_cast<std::int32_t>(c.words.size()));
      if (added) c.words.push_back(v);
      c.codes.push_back(it->second);
    }
    return c;
  };
  Table t;
  t.add("success", text(&Success::id));
  std::vector<Date> date, celebrated;
  DictionaryColumn scale;
  scale.words = {to_string(Scale::small), to_string(Scale::large)};
  for (const auto &s : successes) {
    date.push_back(s.date);
    celebrated.push_back(s.celebrated.value_or(Date::min()));
    scale.codes.push_back(static_cast<std::int32_t>(s.scale));
  }
  t.add("date", std::move(date));
  t.add("kind", text(&Success::kind));
  t.add("scale", std::move(scale));
  t.add("goal", text(&Success::goal));
  t.add("team", text(&Success::team));
  t.add("person", text(&Success::person));
  t.add("title", text(&Success::title));
  t.add("celebrated", std::move(celebrated));
  t.add("celebrated_where", text(&Success::celebrated_where));
  return t;
}

}  // namespace levande
