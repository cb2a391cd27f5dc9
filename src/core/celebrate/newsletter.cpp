// Step 5: the celebrations of a period for a newsletter (newsletter.hpp).
#include "celebrate/newsletter.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "i18n/language.hpp"
#include "levande/error.hpp"
#include "workspace/links.hpp"

namespace levande::detail {

namespace {

// How much a success says, to keep one per goal and rank: a goal reached
// over a milestone (by its level) over an improvement on the baseline; a
// success a person recorded by hand is always shown, large ones first.
int weight_of(const Success &s) {
  if (s.kind == "goal_achieved") return 100;
  if (s.kind == "milestone") {
    const auto dash = s.id.rfind("milestone-");
    if (dash != std::string::npos) {
      int level = 0;
      for (char c : s.id.substr(dash + 10)) {
        if (c < '0' || c > '9') return 25;
        level = level * 10 + (c - '0');
      }
      return std::min(level, 99);
    }
    return 25;
  }
  if (s.kind == "kpi_improved") return 30;
  return s.scale == Scale::large ? 150 : 60;
}

bool detected_goal_success(const Success &s) {
  return !s.goal.empty() &&
         (s.kind == "goal_achieved" || s.kind == "milestone" || s.kind == "kpi_improved");
}

// "Release lead time" reads "release lead time" inside a sentence; an
// acronym ("MTTR") stays as it is.
std::string in_sentence(const std::string &metric) {
  std::string out = metric;
  if (out.size() > 1 && out[0] >= 'A' && out[0] <= 'Z' && !(out[1] >= 'A' && out[1] <= 'Z'))
    out[0] = static_cast<char>(out[0] - 'A' + 'a');
  return out;
}

bool rank(const NewsItem &a, const NewsItem &b) {
  if (a.weight != b.weight) return a.weight > b.weight;
  if (a.date != b.date) return b.date < a.date;
  return a.who < b.who;
}

}  // namespace

std::string clean(const std::string &text, FeedFormat format) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) {
      if (out.empty() || out.back() != ' ') out += ' ';
      continue;
    }
    if (format != FeedFormat::text &&
        std::string_view("\\`*_[]<>#|~&!").find(c) != std::string_view::npos) {
      out += '\\';
    }
    out += c;
  }
  return out;
}

std::vector<FeedRow> feed_rows(const Tables &t, const FeedOptions &options) {
  if (options.to < options.from) {
    throw Error(Errc::invalid_argument, "to", options.to.to_string(),
                "is before from " + options.from.to_string());
  }
  const TeamTree tree(t);
  std::vector<char> in_scope;  // per team, when a team is asked for
  if (!options.team.empty()) {
    const auto root = t.teams.index_of(options.team);
    if (!root) throw Error(Errc::not_found, "team", options.team, "is not a team");
    in_scope.assign(t.teams.size(), 0);
    for (std::uint32_t team = 0; team < t.teams.size(); ++team)
      tree.up_from(team, [&](std::uint32_t above) {
        if (above == *root) in_scope[team] = 1;
      });
  }
  std::vector<FeedRow> rows;
  for (const auto &s : t.successes.rows) {
    if (s.date < options.from || options.to < s.date) continue;
    if (options.uncelebrated_only && s.celebrated) continue;
    std::string person = s.person, team = s.team;
    if (person.empty() && team.empty() && !s.goal.empty()) {
      const auto &plan = *t.action_plans.find(t.goals.find(s.goal)->plan);
      person = plan.person;
      team = plan.team;
    }
    const Person *who = person.empty() ? nullptr : t.people.find(person);
    if (team.empty() && who) team = who->team;
    if (!in_scope.empty() && (team.empty() || !in_scope[*t.teams.index_of(team)])) continue;
    rows.push_back({&s, who, team.empty() ? nullptr : t.teams.find(team)});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const FeedRow &a, const FeedRow &b) {
    return a.success->date < b.success->date;
  });
  return rows;
}

Newsletter newsletter(const Tables &t, const FeedOptions &options) {
  const auto &lang =
      i18n::Language::chosen(options.language, t.settings.language, "options.language");
  const auto rows = feed_rows(t, options);
  Newsletter out;
  out.language = lang.tag();
  out.successes = rows.size();
  // One success per goal: the weightiest (on a tie, the latest).
  std::unordered_map<std::string, std::size_t> best_of_goal;
  std::vector<std::size_t> kept;
  std::map<std::string, std::size_t> streaks;  // by team name
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Success &s = *rows[i].success;
    if (s.kind == "check_in_streak") {
      ++streaks[rows[i].team ? rows[i].team->name : std::string()];
      continue;
    }
    if (!detected_goal_success(s)) {
      kept.push_back(i);
      continue;
    }
    const auto [it, fresh] = best_of_goal.emplace(s.goal, i);
    if (!fresh && weight_of(s) >= weight_of(*rows[it->second].success)) it->second = i;
  }
  for (const auto &[goal, i] : best_of_goal)
    kept.push_back(i);
  std::sort(kept.begin(), kept.end());

  // A team's goal is told as what the team did: the change from the
  // baseline to the value measured by the success's day (per goal: that
  // day, and the value found).
  constexpr double none = std::numeric_limits<double>::quiet_NaN();
  std::vector<std::pair<Date, double>> value_of(t.goals.size(), {Date::min(), none});
  std::vector<char> wanted(t.goals.size(), 0);
  for (auto i : kept) {
    const Success &s = *rows[i].success;
    if (rows[i].person || !detected_goal_success(s)) continue;
    const auto g = *t.goals.index_of(s.goal);
    wanted[g] = 1;
    value_of[g].first = s.date;
  }
  if (std::find(wanted.begin(), wanted.end(), 1) != wanted.end()) {
    std::vector<Date> latest(t.goals.size(), Date::min());
    const auto &log = t.measurements;
    for (std::size_t r = 0; r < log.size(); ++r) {
      const auto g = log.goal[r];
      if (!wanted[g] || value_of[g].first < log.date[r] || log.date[r] < latest[g]) continue;
      latest[g] = log.date[r];
      value_of[g].second = log.value[r];
    }
  }

  std::map<std::string, std::size_t> people_team;  // team name -> index in out.people
  for (const auto &team : t.teams.rows) {
    people_team.emplace(team.name, out.people.size());
    out.people.push_back({team.name, {}});
  }
  for (auto i : kept) {
    const auto &[success, who, team] = rows[i];
    const Success &s = *success;
    NewsItem item{"", s.title, s.date, weight_of(s)};
    if (who) {
      item.who = who->name;
      const std::string name = team ? team->name : std::string();
      auto [it, fresh] = people_team.emplace(name, out.people.size());
      if (fresh) out.people.push_back({name, {}});
      out.people[it->second].items.push_back(std::move(item));
      continue;
    }
    item.who = team ? team->name : std::string();
    if (detected_goal_success(s)) {
      const auto g = *t.goals.index_of(s.goal);
      const Goal &goal = t.goals.rows[g];
      const double value = value_of[g].second;
      const std::string unit = goal.unit.empty() ? "" : " " + goal.unit;
      if (!std::isnan(value) && goal.baseline != 0 && value != goal.baseline) {
        const bool down = value < goal.baseline;
        const double pct = std::abs(value - goal.baseline) / std::abs(goal.baseline) * 100;
        const std::string metric = in_sentence(goal.metric),
                          by = lang.percent(std::round(pct) / 100),
                          from = lang.number(goal.baseline, 1), to = lang.number(value, 1) + unit;
        item.what = down ? lang.trf("cut {1} by {2} ({3} → {4})", {metric, by, from, to})
                         : lang.trf("raised {1} by {2} ({3} → {4})", {metric, by, from, to});
      } else if (!std::isnan(value)) {
        item.what = lang.trf("brought {1} to {2}",
                             {in_sentence(goal.metric), lang.number(value, 1) + unit});
      }
      if (s.kind == "goal_achieved")
        item.what += lang.tr(": target reached");
      else if (s.kind == "milestone")
        item.what +=
            lang.trf(", {1} of the way to the target", {lang.percent(item.weight / 100.0)});
    }
    out.teams.push_back(std::move(item));
  }
  std::sort(out.teams.begin(), out.teams.end(), rank);
  for (auto &group : out.people)
    std::sort(group.items.begin(), group.items.end(), rank);
  std::erase_if(out.people, [](const TeamNews &g) { return g.items.empty(); });
  for (const auto &[team, count] : streaks)
    out.streaks.emplace_back(team, count);
  std::sort(out.streaks.begin(), out.streaks.end(),
            [](const auto &a, const auto &b) { return a.second > b.second; });
  return out;
}

std::string newsletter_markdown(const Newsletter &n) {
  const auto &lang = i18n::Language::of(n.language);
  const auto md = [](const std::string &text) { return clean(text, FeedFormat::markdown); };
  const auto team_or_none = [&](const std::string &team) {
    return team.empty() ? lang.tr("Without a team") : md(team);
  };
  std::string out;
  if (!n.teams.empty()) {
    out += "### " + lang.tr("Team successes") + "\n\n";
    for (const auto &item : n.teams)
      out += "- **" + md(item.who) + "** " + md(item.what) + " (" + item.date.to_string() + ")\n";
    out += "\n";
  }
  for (const auto &group : n.people) {
    out += "### " + team_or_none(group.team) + "\n\n";
    for (const auto &item : group.items)
      out += "- **" + md(item.who) + "**: " + md(item.what) + " (" + item.date.to_string() + ")\n";
    out += "\n";
  }
  if (!n.streaks.empty()) {
    out += "### " + lang.tr("Check-ins kept up") + "\n\n";
    for (const auto &[team, count] : n.streaks)
      out += "- " + team_or_none(team) + ": " +
             lang.trn("{1} streak of check-ins held in a row",
                      "{1} streaks of check-ins held in a row", static_cast<std::int64_t>(count)) +
             "\n";
    out += "\n";
  }
  return out;
}

}  // namespace levande::detail
