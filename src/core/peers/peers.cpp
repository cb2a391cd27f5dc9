// Peer-group formation by local search over a shuffled start, and the
// ambassador proposal.
#include "levande/peers.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "levande/error.hpp"
#include "workspace/model_view.hpp"

namespace levande {
namespace {

// splitmix64: the same shuffle on every platform.
std::uint64_t next(std::uint64_t &state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// Everything the score needs, by candidate index.
struct Cohort {
  std::vector<std::uint32_t> team;  // dense team code; distinct code per empty team
  std::vector<double> experience;
  double range = 0;
  std::unordered_set<std::uint64_t> before;  // pairs (lo << 32 | hi) grouped before
  const GroupingOptions *options = nullptr;

  bool was_grouped(std::uint32_t a, std::uint32_t b) const {
    if (a > b) std::swap(a, b);
    return before.contains((std::uint64_t{a} << 32) | b);
  }

  double score(const std::vector<std::uint32_t> &g) const {
    std::size_t pairs = 0, cross = 0, repeats = 0;
    double lo = experience[g[0]], hi = lo;
    for (std::size_t i = 0; i < g.size(); ++i) {
      lo = std::min(lo, experience[g[i]]);
      hi = std::max(hi, experience[g[i]]);
      for (std::size_t j = i + 1; j < g.size(); ++j) {
        ++pairs;
        cross += team[g[i]] != team[g[j]];
        repeats += was_grouped(g[i], g[j]);
      }
    }
    const double mix = pairs ? static_cast<double>(cross) / static_cast<double>(pairs) : 0;
    const double spread = range > 0 ? (hi - lo) / range : 0;
    return options->team_mix_weight * mix + options->spread_weight * spread -
           options->repeat_penalty * static_cast<double>(repeats);
  }

  std::int32_t repeats(const std::vector<std::uint32_t> &g) const {
    std::int32_t n = 0;
    for (std::size_t i = 0; i < g.size(); ++i)
      for (std::size_t j = i + 1; j < g.size(); ++j)
        n += was_grouped(g[i], g[j]);
    return n;
  }
};

void check_options(const GroupingOptions &o) {
  if (o.group_size < 2 || o.group_size > 4) {
    throw Error(Errc::invalid_argument, "group_size", std::to_string(o.group_size),
                "must be 2, 3 or 4");
  }
  for (const double w : {o.team_mix_weight, o.spread_weight, o.repeat_penalty}) {
    if (!std::isfinite(w) || w < 0) {
      throw Error(Errc::invalid_argument, "weights", std::to_string(w),
                  "weights must be finite and >= 0");
    }
  }
}

Cohort make_cohort(std::span<const PeerCandidate> candidates, const GroupingOptions &options,
                   std::unordered_map<std::string, std::uint32_t> &index) {
  check_options(options);
  if (candidates.size() < 2) {
    throw Error(Errc::invalid_argument, "candidates", std::to_string(candidates.size()),
                "at least 2 people are needed to form a group");
  }
  Cohort c;
  c.options = &options;
  std::unordered_map<std::string, std::uint32_t> teams;
  for (std::uint32_t i = 0; i < candidates.size(); ++i) {
    const auto &p = candidates[i];
    const std::string where = "candidates[" + std::to_string(i) + "]";
    if (p.person.empty()) throw Error(Errc::invalid_argument, where + ".person", "", "is required");
    if (!index.emplace(p.person, i).second) {
      throw Error(Errc::already_exists, where + ".person", p.person, "is listed twice");
    }
    if (!std::isfinite(p.experience)) {
      throw Error(Errc::invalid_argument, where + ".experience", std::to_string(p.experience),
                  "must be finite");
    }
    // Without a team a person counts as their own team (mixes with anyone).
    const std::string key = p.team.empty() ? "\x1f" + p.person : p.team;
    c.team.push_back(teams.emplace(key, static_cast<std::uint32_t>(teams.size())).first->second);
    c.experience.push_back(p.experience);
  }
  const auto [lo, hi] = std::minmax_element(c.experience.begin(), c.experience.end());
  c.range = *hi - *lo;
  for (std::size_t k = 0; k < options.grouped_before.size(); ++k) {
    const auto &[a, b] = options.grouped_before[k];
    const auto ia = index.find(a), ib = index.find(b);
    if (ia == index.end() || ib == index.end() || a == b)
      continue;  // history of people not in this cohort
    auto x = ia->second, y = ib->second;
    if (x > y) std::swap(x, y);
    c.before.insert((std::uint64_t{x} << 32) | y);
  }
  return c;
}

}  // namespace

double grouping_objective(std::span<const PeerCandidate> candidates,
                          const std::vector<std::vector<std::string>> &groups,
                          const GroupingOptions &options) {
  std::unordered_map<std::string, std::uint32_t> index;
  const Cohort c = make_cohort(candidates, options, index);
  double total = 0;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    std::vector<std::uint32_t> members;
    for (const auto &id : groups[g]) {
      const auto it = index.find(id);
      if (it == index.end()) {
        throw Error(Errc::invalid_argument, "groups[" + std::to_string(g) + "]", id,
                    "is not a candidate");
      }
      members.push_back(it->second);
    }
    if (!members.empty()) total += c.score(members);
  }
  return total;
}

PeerGrouping form_peer_groups(std::span<const PeerCandidate> candidates,
                              std::span<const PeerMentor> mentors, const GroupingOptions &options) {
  std::unordered_map<std::string, std::uint32_t> index;
  const Cohort c = make_cohort(candidates, options, index);
  for (std::size_t m = 0; m < mentors.size(); ++m) {
    const std::string where = "mentors[" + std::to_string(m) + "]";
    if (mentors[m].person.empty())
      throw Error(Errc::invalid_argument, where + ".person", "", "is required");
    for (std::size_t other = 0; other < m; ++other) {
      if (mentors[other].person == mentors[m].person) {
        throw Error(Errc::already_exists, where + ".person", mentors[m].person, "is listed twice");
      }
    }
    if (index.contains(mentors[m].person)) {
      throw Error(Errc::invalid_argument, where + ".person", mentors[m].person,
                  "is also a candidate");
    }
    if (mentors[m].capacity < 0) {
      throw Error(Errc::invalid_argument, where + ".capacity", std::to_string(mentors[m].capacity),
                  "must be >= 0");
    }
    if (!std::isfinite(mentors[m].experience)) {
      throw Error(Errc::invalid_argument, where + ".experience",
                  std::to_string(mentors[m].experience), "must be finite");
    }
  }

  // Group count: near n / size, never a group above 4 or below 2.
  const std::size_t n = candidates.size();
  std::size_t k =
      static_cast<std::size_t>(std::lround(static_cast<double>(n) / options.group_size));
  k = std::clamp<std::size_t>(k, (n + 3) / 4, n / 2);
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::uint64_t state = options.seed;
  for (std::size_t i = n; i > 1; --i)
    std::swap(order[i - 1], order[next(state) % i]);
  std::vector<std::vector<std::uint32_t>> groups(k);
  for (std::size_t i = 0; i < n; ++i)
    groups[i % k].push_back(order[i]);

  // Swap members between groups while some swap raises the total score.
  std::vector<double> score(k);
  for (std::size_t g = 0; g < k; ++g)
    score[g] = c.score(groups[g]);
  // A budget of group scorings keeps very large cohorts bounded (the first
  // passes bring most of the gain); small cohorts always run to a local optimum.
  constexpr std::uint64_t budget = 50'000'000;
  std::uint64_t spent = 0;
  for (int pass = 0; pass < 50 && spent < budget; ++pass) {
    bool improved = false;
    for (std::size_t a = 0; a < k; ++a) {
      for (std::size_t b = a + 1; b < k; ++b) {
        for (std::size_t i = 0; i < groups[a].size(); ++i) {
          for (std::size_t j = 0; j < groups[b].size(); ++j) {
            std::swap(groups[a][i], groups[b][j]);
            const double sa = c.score(groups[a]), sb = c.score(groups[b]);
            spent += 2;
            if (sa + sb > score[a] + score[b] + 1e-12) {
              score[a] = sa;
              score[b] = sb;
              improved = true;
            } else {
              std::swap(groups[a][i], groups[b][j]);
            }
          }
        }
      }
    }
    if (!improved) break;
  }

  PeerGrouping out;
  for (std::size_t g = 0; g < k; ++g) {
    std::sort(groups[g].begin(), groups[g].end());
    out.objective += score[g];
    out.repeats += c.repeats(groups[g]);
  }
  // Stable, readable order: by each group's first member's input position.
  std::sort(groups.begin(), groups.end());
  for (const auto &g : groups) {
    std::vector<std::string> ids;
    for (auto i : g)
      ids.push_back(candidates[i].person);
    out.groups.push_back(std::move(ids));
  }

  // Mentors: for each group in turn, the mentor with capacity left from a
  // team not in the group, most experienced first (then input order).
  std::vector<std::int32_t> left;
  for (const auto &m : mentors)
    left.push_back(m.capacity);
  out.mentors.assign(k, std::string());
  for (std::size_t g = 0; g < k; ++g) {
    // People and mentors without a team are a team of their own: never "inside".
    std::set<std::string> group_teams;
    for (auto i : groups[g]) {
      if (!candidates[i].team.empty()) group_teams.insert(candidates[i].team);
    }
    std::optional<std::size_t> best;
    auto better = [&](std::size_t m) {
      if (!best) return true;
      const bool outside = mentors[m].team.empty() || !group_teams.contains(mentors[m].team);
      const bool best_outside =
          mentors[*best].team.empty() || !group_teams.contains(mentors[*best].team);
      if (outside != best_outside) return outside;
      return mentors[m].experience > mentors[*best].experience;
    };
    for (std::size_t m = 0; m < mentors.size(); ++m) {
      if (left[m] > 0 && better(m)) best = m;
    }
    if (best) {
      --left[*best];
      out.mentors[g] = mentors[*best].person;
    }
  }
  return out;
}

std::optional<std::string> propose_ambassador(const Workspace &workspace,
                                              std::string_view training) {
  if (!workspace.index_of(Kind::training, training)) {
    throw Error(Errc::not_found, "training", std::string(training), "no such training");
  }
  const auto &t = detail::ModelView(workspace).tables();
  // What the criteria read per person: trainings completed (experience),
  // ambassador roles held, and per team the training's participants.
  std::unordered_map<std::string, int> completed, roles, took_part_in_team;
  for (const auto &p : t.participations.rows)
    if (p.completed) ++completed[p.person];
  for (const auto &a : t.ambassadors.rows)
    ++roles[a.person];
  const auto team_of = [&](const std::string &person) {
    const auto *p = t.people.find(person);
    return p ? p->team : std::string();
  };
  for (const auto &p : t.participations.rows)
    if (p.training == training) ++took_part_in_team[team_of(p.person)];
  // The criteria in order (docs/peers.md); a larger tuple wins.
  const auto merit = [&](const Participation &p) {
    const auto team = team_of(p.person);
    const int colleagues = team.empty() ? 0 : took_part_in_team[team] - 1;
    return std::tuple{*p.post_score,       p.pre_score ? *p.post_score - *p.pre_score : 0.0,
                      -roles[p.person],    colleagues,
                      completed[p.person], p.reaction.value_or(0.0)};
  };
  const Participation *best = nullptr;
  for (const auto &p : t.participations.rows) {
    if (p.training != training || !p.post_score) continue;
    if (!best || merit(p) > merit(*best) || (merit(p) == merit(*best) && p.person < best->person))
      best = &p;
  }
  if (!best) return std::nullopt;
  return best->person;
}

}  // namespace levande
