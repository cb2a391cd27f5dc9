// Step 5: the celebration feed, as text or Markdown (docs/celebrations.md).
#include <algorithm>

#include "levande/celebrate.hpp"
#include "levande/error.hpp"
#include "metrics/groups.hpp"
#include "workspace/model_view.hpp"

namespace levande {

namespace {

// One line per success whatever the text holds: line breaks, tabs and other
// control characters become spaces. In Markdown, the characters that could
// start markup (links, emphasis, HTML, tables) are escaped with a backslash.
std::string clean(const std::string &text, FeedFormat format) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) {
      if (out.empty() || out.back() != ' ') out += ' ';
      continue;
    }
    if (format == FeedFormat::markdown &&
        std::string_view("\\`*_[]<>#|~&!").find(c) != std::string_view::npos) {
      out += '\\';
    }
    out += c;
  }
  return out;
}

}  // namespace

std::string celebration_feed(const Workspace &workspace, const FeedOptions &options) {
  if (options.to < options.from) {
    throw Error(Errc::invalid_argument, "to", options.to.to_string(),
                "is before from " + options.from.to_string());
  }
  const auto &t = detail::ModelView(workspace).tables();
  const detail::TeamTree tree(t);
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

  std::vector<std::uint32_t> order;
  for (std::uint32_t i = 0; i < t.successes.size(); ++i) {
    const Success &s = t.successes.rows[i];
    if (s.date < options.from || options.to < s.date) continue;
    if (options.uncelebrated_only && s.celebrated) continue;
    order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) {
    return t.successes.rows[a].date < t.successes.rows[b].date;
  });

  std::string out;
  for (auto i : order) {
    const Success &s = t.successes.rows[i];
    // Who: the person and their team, or the team; for a success that only
    // names a goal, the owner of the goal's plan.
    std::string person = s.person, team = s.team;
    if (person.empty() && team.empty() && !s.goal.empty()) {
      const auto &plan = *t.action_plans.find(t.goals.find(s.goal)->plan);
      person = plan.person;
      team = plan.team;
    }
    const Person *who = person.empty() ? nullptr : t.people.find(person);
    if (team.empty() && who) team = who->team;
    if (!in_scope.empty() && (team.empty() || !in_scope[*t.teams.index_of(team)])) continue;
    const Team *group = team.empty() ? nullptr : t.teams.find(team);

    const auto f = options.format;
    std::string name = who ? clean(who->name, f) : group ? clean(group->name, f) : std::string();
    std::string suffix = who && group ? " (" + clean(group->name, f) + ")" : std::string();
    if (f == FeedFormat::text) {
      out += s.date.to_string() + "  ";
      if (!name.empty()) out += name + suffix + ": ";
      out += clean(s.title, f) + "\n";
    } else {
      out += "- ";
      if (!name.empty()) out += "**" + name + "**" + suffix + ", ";
      out += s.date.to_string() + ": " + clean(s.title, f) + "\n";
    }
  }
  return out;
}

}  // namespace levande
