// Who a feedback session invites (invitations.hpp).
#include "workspace/invitations.hpp"

#include "levande/error.hpp"

namespace levande::detail {

namespace {

std::string pair_key(std::string_view person, std::string_view training) {
  std::string key(person);
  key += '\n';  // ids hold no control characters
  key += training;
  return key;
}

}  // namespace

Invitations::Invitations(const Tables &t, std::size_t checks) : t_(t) {
  // A scan of the participations per check costs checks × participations;
  // past a few the index is cheaper.
  if (checks > 8) {
    indexed_ = true;
    pairs_.reserve(t.participations.size());
    for (const auto &p : t.participations.rows)
      pairs_.insert(pair_key(p.person, p.training));
  }
}

bool Invitations::took_part(const std::string &person, const std::string &training) const {
  if (indexed_) return pairs_.contains(pair_key(person, training));
  for (const auto &p : t_.participations.rows)
    if (p.person == person && p.training == training) return true;
  return false;
}

bool Invitations::in_team(const std::string &person, const std::string &team) const {
  const auto *p = t_.people.find(person);
  if (!p) return false;
  // Up the hierarchy from the person's team (acyclic; the bound is a guard).
  const std::string *at = &p->team;
  for (std::size_t depth = 0; !at->empty() && depth <= t_.teams.size(); ++depth) {
    if (*at == team) return true;
    const auto *up = t_.teams.find(*at);
    if (!up) return false;
    at = &up->parent;
  }
  return false;
}

void Invitations::require(const FeedbackSession &s, const std::string &person,
                          const std::string &where) const {
  if (s.open_to_all) return;
  const bool team_ok = s.team.empty() || in_team(person, s.team);
  const bool training_ok = s.training.empty() || took_part(person, s.training);
  if (team_ok && training_ok) return;
  std::string invites = "the session invites ";
  if (!s.training.empty() && !s.team.empty())
    invites += "the participants of training " + s.training + " in team " + s.team;
  else if (!s.training.empty())
    invites += "the participants of training " + s.training;
  else
    invites += "the people of team " + s.team + " and its sub-teams";
  throw Error(Errc::constraint, where, person,
              "was not invited: " + invites +
                  " (set open_to_all on the session to take "
                  "answers from anyone)");
}

}  // namespace levande::detail
