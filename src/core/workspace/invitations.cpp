// Who a feedback session invites (invitations.hpp).
#include "workspace/invitations.hpp"

#include "levande/error.hpp"

namespace levande::detail {

Invitations::Invitations(const Tables &t, std::size_t checks) : t_(t) {
  // A scan of the participations per check costs checks × participations;
  // past a few, an index of who took part in what is cheaper.
  if (checks > 8) {
    indexed_ = true;
    pairs_.reserve(t.participations.size());
    for (const auto &p : t.participations.rows) {
      // (A batch's references are checked before this is asked; a row that
      // would fail them is not counted.)
      const auto person = t.people.index_of(p.person);
      const auto training = t.trainings.index_of(p.training);
      if (person && training) pairs_.insert(std::uint64_t{*person} << 32 | *training);
    }
  }
}

bool Invitations::took_part(std::uint32_t person, const std::string &training) const {
  if (indexed_) {
    const auto tr = t_.trainings.index_of(training);
    return tr && pairs_.contains(std::uint64_t{person} << 32 | *tr);
  }
  const auto &id = t_.people.rows[person].id;
  for (const auto &p : t_.participations.rows)
    if (p.person == id && p.training == training) return true;
  return false;
}

bool Invitations::in_team(std::uint32_t person, const std::string &team) const {
  // Up the hierarchy from the person's team (acyclic; the bound is a guard).
  const std::string *at = &t_.people.rows[person].team;
  for (std::size_t depth = 0; !at->empty() && depth <= t_.teams.size(); ++depth) {
    if (*at == team) return true;
    const auto *up = t_.teams.find(*at);
    if (!up) return false;
    at = &up->parent;
  }
  return false;
}

void Invitations::require(const FeedbackSession &s, std::uint32_t person,
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
  throw Error(Errc::constraint, where, t_.people.rows[person].id,
              "was not invited: " + invites +
                  " (set open_to_all on the session to take "
                  "answers from anyone)");
}

}  // namespace levande::detail
