// Step 4 feedback metrics with an anonymity threshold and complementary
// suppression along the team hierarchy (docs/metrics.md).
#include <algorithm>
#include <cmath>

#include "levande/error.hpp"
#include "levande/metrics.hpp"
#include "metrics/basis.hpp"
#include "metrics/groups.hpp"
#include "workspace/links.hpp"
#include "workspace/model_view.hpp"

namespace levande {
namespace {

using detail::no_entity;
constexpr double nan = detail::missing;

}  // namespace

Table detail::feedback(Basis &basis, FeedbackBy by, const FeedbackOptions &options, bool hide_all) {
  const Date as_of = basis.as_of();
  if (options.min_respondents < 1 || options.min_respondents > 1000) {
    throw Error(Errc::invalid_argument, "min_respondents", std::to_string(options.min_respondents),
                "must be between 1 and 1000");
  }
  if (by != FeedbackBy::team && by != FeedbackBy::training) {
    throw Error(Errc::invalid_argument, "by", std::to_string(static_cast<int>(by)),
                "is not team or training");
  }
  const auto &t = basis.tables();
  const bool teams = by == FeedbackBy::team;
  const std::size_t groups = teams ? t.teams.size() : t.trainings.size();
  const auto k = static_cast<std::uint32_t>(options.min_respondents);

  const auto *links = &basis.links();
  const auto &tree = links->tree;
  const auto &parent = tree.parent;
  const auto &team_of = tree.team_of;
  // Per session, the training it is about (no_entity for a team's session).
  const auto &session_training = links->session_training;

  // Who each held session invited: the training's participants (each once),
  // or the team's members (people whose own team it is).
  const auto &participants = basis.training_participants();
  std::vector<std::uint32_t> members(teams ? t.teams.size() : 0, 0);  // by team only
  for (std::uint32_t p = 0; p < t.people.size() && teams; ++p)
    if (team_of[p] != no_entity) ++members[team_of[p]];
  std::vector<std::uint8_t> held(t.feedback_sessions.size(), 0);
  std::vector<std::uint32_t> sessions(groups, 0), invited(groups, 0);
  // By team, the invitations of a training's session reach each team with a
  // participant and every team above it. A training has several sessions, so
  // its (team, invited) list is worked out once: per own team first, then
  // each such team's count walked up the hierarchy once.
  using Reach = std::vector<std::pair<std::uint32_t, std::uint32_t>>;
  std::vector<Reach> reach_of(teams ? t.trainings.size() : 0);
  std::vector<std::uint8_t> reach_known(reach_of.size(), 0);
  std::vector<std::uint32_t> own(teams ? t.teams.size() : 0, 0), within(own.size(), 0), touched,
      reached;
  const auto reach = [&](std::uint32_t training) -> const Reach & {
    auto &out = reach_of[training];
    if (reach_known[training]) return out;
    reach_known[training] = 1;
    touched.clear();
    for (auto p : participants.of(training)) {
      const auto team = team_of[p];
      if (team != no_entity && own[team]++ == 0) touched.push_back(team);
    }
    reached.clear();
    for (auto team : touched) {
      tree.up_from(team, [&](std::uint32_t g) {
        if (within[g] == 0) reached.push_back(g);
        within[g] += own[team];
      });
      own[team] = 0;
    }
    for (auto g : reached) {
      out.emplace_back(g, within[g]);
      within[g] = 0;
    }
    return out;
  };
  for (std::uint32_t s = 0; s < t.feedback_sessions.size(); ++s) {
    if (as_of < t.feedback_sessions.rows[s].date) continue;
    held[s] = 1;
    const auto training = session_training[s], team = links->session_team[s];
    if (!teams) {  // everyone invited counts for the session's training
      if (training != no_entity && !participants.of(training).empty()) {
        invited[training] += static_cast<std::uint32_t>(participants.of(training).size());
        ++sessions[training];
      }
    } else if (training != no_entity) {
      for (const auto &[g, n] : reach(training)) {
        invited[g] += n;
        ++sessions[g];
      }
    } else if (team != no_entity && members[team] > 0) {
      tree.up_from(team, [&](std::uint32_t g) {
        invited[g] += members[team];
        ++sessions[g];
      });
    }
  }

  std::vector<std::uint32_t> responses(groups, 0), needs(groups, 0), respondents(groups, 0);
  std::vector<double> impact(groups, 0);
  const auto &r = t.responses;
  if (teams) {
    // Per own team first, then each team's sums up its hierarchy once; a
    // person counts as a respondent in their team chain once.
    const std::size_t n = t.teams.size();
    std::vector<std::uint32_t> own_responses(n, 0), own_needs(n, 0), own_respondents(n, 0);
    std::vector<double> own_impact(n, 0);
    std::vector<std::uint8_t> answered(t.people.size(), 0);
    for (std::size_t i = 0; i < r.size(); ++i) {
      if (!held[r.session[i]]) continue;
      const auto person = r.person[i], team = team_of[person];
      answered[person] = 1;
      if (team == no_entity) continue;
      ++own_responses[team];
      own_impact[team] += r.impact[i];
      own_needs[team] += r.needs_support[i] != 0;
    }
    for (std::uint32_t p = 0; p < t.people.size(); ++p)
      if (answered[p] && team_of[p] != no_entity) ++own_respondents[team_of[p]];
    for (std::uint32_t team = 0; team < n; ++team) {
      if (own_responses[team] == 0 && own_respondents[team] == 0) continue;
      tree.up_from(team, [&](std::uint32_t g) {
        responses[g] += own_responses[team];
        impact[g] += own_impact[team];
        needs[g] += own_needs[team];
        respondents[g] += own_respondents[team];
      });
    }
  } else {
    // Responses come mostly grouped by session: a session's run is summed in
    // registers and added to its training when the session changes.
    std::uint32_t session = no_entity, count = 0, need = 0;
    double sum = 0;
    const auto flush = [&] {
      if (session != no_entity && held[session] && session_training[session] != no_entity) {
        const auto g = session_training[session];
        responses[g] += count;
        impact[g] += sum;
        needs[g] += need;
      }
      count = need = 0;
      sum = 0;
    };
    for (std::size_t i = 0; i < r.size(); ++i) {
      if (r.session[i] != session) {
        flush();
        session = r.session[i];
      }
      ++count;
      sum += r.impact[i];
      need += r.needs_support[i] != 0;
    }
    flush();
    // Each person once per training: a stamp per person works in log order
    // as long as a training's responses come together; when one comes back
    // after another training's, the responses are grouped by training first
    // (a counting sort).
    std::vector<std::uint32_t> stamp(t.people.size(), no_entity);
    std::vector<std::uint8_t> finished(t.trainings.size(), 0);
    std::uint32_t open = no_entity;
    bool grouped = true;
    for (std::size_t i = 0; i < r.size() && grouped; ++i) {
      const auto training = session_training[r.session[i]];
      if (!held[r.session[i]] || training == no_entity) continue;
      if (training != open) {
        grouped = !finished[training];
        if (open != no_entity) finished[open] = 1;
        open = training;
      }
      if (grouped && stamp[r.person[i]] != training) {
        stamp[r.person[i]] = training;
        ++respondents[training];
      }
    }
    if (!grouped) {
      std::fill(respondents.begin(), respondents.end(), 0);
      std::fill(stamp.begin(), stamp.end(), no_entity);
      detail::Buckets by_training(
          t.trainings.size(), r.size(),
          [&](std::size_t i) { return session_training[r.session[i]]; },
          [&](std::size_t i) {
            return held[r.session[i]] && session_training[r.session[i]] != no_entity;
          });
      for (std::uint32_t training = 0; training < t.trainings.size(); ++training) {
        for (const auto i : by_training.of(training)) {
          if (stamp[r.person[i]] == training) continue;
          stamp[r.person[i]] = training;
          ++respondents[training];
        }
      }
    }
  }

  // 1. The threshold: fewer than k respondents is suppressed.
  std::vector<std::uint8_t> suppressed(groups, 0);
  for (std::size_t g = 0; g < groups; ++g)
    suppressed[g] = respondents[g] < k || hide_all;
  // 2. Complementary suppression for teams: below a published team, the
  //    respondents its nearest published descendants do not cover must be 0
  //    or at least k, or subtracting would reveal them. Suppress the smallest
  //    such descendant until that holds everywhere.
  std::vector<std::uint8_t> complementary(groups, 0);
  if (hide_all)
    for (std::size_t g = 0; g < groups; ++g)
      complementary[g] = respondents[g] >= k;
  if (teams) {
    std::vector<std::vector<std::uint32_t>> children(groups);
    for (std::uint32_t g = 0; g < groups; ++g)
      if (parent[g] != no_entity) children[parent[g]].push_back(g);
    // The nearest published descendants of g.
    std::vector<std::uint32_t> frontier, stack;
    auto nearest_published = [&](std::uint32_t g) {
      frontier.clear();
      stack.assign(children[g].begin(), children[g].end());
      while (!stack.empty()) {
        const auto c = stack.back();
        stack.pop_back();
        if (!suppressed[c])
          frontier.push_back(c);
        else
          stack.insert(stack.end(), children[c].begin(), children[c].end());
      }
    };
    for (bool changed = true; changed;) {
      changed = false;
      for (std::uint32_t g = 0; g < groups; ++g) {
        if (suppressed[g]) continue;
        for (;;) {
          nearest_published(g);
          std::uint32_t covered = 0;
          for (auto c : frontier)
            covered += respondents[c];
          const auto rest = respondents[g] - covered;
          if (rest == 0 || rest >= k || frontier.empty()) break;
          const auto smallest = *std::min_element(
              frontier.begin(), frontier.end(), [&](std::uint32_t a, std::uint32_t b) {
                return respondents[a] != respondents[b] ? respondents[a] < respondents[b] : a < b;
              });
          suppressed[smallest] = complementary[smallest] = 1;
          changed = true;
        }
      }
    }
  }

  Table out;
  DictionaryColumn keys;
  for (std::size_t g = 0; g < groups; ++g) {
    keys.codes.push_back(static_cast<std::int32_t>(g));
    keys.words.push_back(teams ? t.teams.rows[g].id : t.trainings.rows[g].id);
  }
  std::vector<double> shown_respondents(groups), shown_responses(groups), rate(groups),
      mean(groups), shown_needs(groups);
  for (std::size_t g = 0; g < groups; ++g) {
    const bool hide = suppressed[g] != 0;
    shown_respondents[g] = hide ? nan : respondents[g];
    shown_responses[g] = hide ? nan : responses[g];
    rate[g] = hide || invited[g] == 0 ? nan : static_cast<double>(responses[g]) / invited[g];
    mean[g] = hide || responses[g] == 0 ? nan : impact[g] / responses[g];
    shown_needs[g] = hide ? nan : needs[g];
  }
  out.add(teams ? "team" : "training", std::move(keys));
  out.add("sessions", std::move(sessions));
  out.add("invited", std::move(invited));
  out.add("respondents", std::move(shown_respondents));
  out.add("responses", std::move(shown_responses));
  out.add("response_rate", std::move(rate));
  out.add("mean_impact", std::move(mean));
  out.add("support_needs", std::move(shown_needs));
  out.add("suppressed", std::move(suppressed));
  out.add("suppressed_to_protect_others", std::move(complementary));
  return out;
}

bool detail::feedback_cells_safe(Basis &basis, const FeedbackOptions &options) {
  const auto &t = basis.tables();
  const auto &links = basis.links();
  const auto k = static_cast<std::uint32_t>(options.min_respondents);
  const auto &r = t.responses;
  const Date as_of = basis.as_of();
  // The responses by column (a training, or one column for every team
  // session), held sessions only; a column at a time, each person counted
  // once in their own team's cell (index teams.size(): no team).
  const std::size_t columns = t.trainings.size() + 1;
  detail::Buckets by_column(
      columns, r.size(),
      [&](std::size_t i) -> std::size_t {
        const auto training = links.session_training[r.session[i]];
        return training == no_entity ? t.trainings.size() : training;
      },
      [&](std::size_t i) { return !(as_of < t.feedback_sessions.rows[r.session[i]].date); });
  std::vector<std::uint32_t> stamp(t.people.size(), no_entity), cell(t.teams.size() + 1, 0),
      touched;
  for (std::uint32_t col = 0; col < columns; ++col) {
    touched.clear();
    for (const auto i : by_column.of(col)) {
      const auto person = r.person[i];
      if (stamp[person] == col) continue;
      stamp[person] = col;
      const auto own = links.tree.team_of[person];
      const auto team = own == no_entity ? t.teams.size() : own;
      if (cell[team]++ == 0) touched.push_back(static_cast<std::uint32_t>(team));
    }
    bool safe = true;
    for (const auto team : touched) {
      safe = safe && cell[team] >= k;
      cell[team] = 0;
    }
    if (!safe) return false;
  }
  return true;
}

Table feedback(const Workspace &workspace, Date as_of, FeedbackBy by,
               const FeedbackOptions &options) {
  detail::Basis basis(workspace, as_of);
  return detail::feedback(basis, by, options);
}

}  // namespace levande
