// Who a feedback session invites (model.hpp, FeedbackSession): its
// training's participants, its team's people with the sub-teams, or with
// both the participants in the team; everyone when it is open_to_all. A
// response is checked against this when it is recorded.
#ifndef LEVANDE_SRC_CORE_WORKSPACE_INVITATIONS_HPP
#define LEVANDE_SRC_CORE_WORKSPACE_INVITATIONS_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_set>

#include "workspace/tables.hpp"

namespace levande::detail {

class Invitations {
 public:
  // `checks`: about how many people will be asked about; with many, who took
  // part in what is indexed once instead of read per question.
  Invitations(const Tables &t, std::size_t checks);

  // Throws Errc::constraint naming `where` when the person (a dense index
  // of the tables) is not invited to `session`.
  void require(const FeedbackSession &session, std::uint32_t person,
               const std::string &where) const;

 private:
  bool took_part(std::uint32_t person, const std::string &training) const;
  bool in_team(std::uint32_t person, const std::string &team) const;

  const Tables &t_;
  std::unordered_set<std::uint64_t> pairs_;  // person << 32 | training, when indexed
  bool indexed_ = false;
};

}  // namespace levande::detail

#endif
