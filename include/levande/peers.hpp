/**
 * @file levande/peers.hpp
 * @brief Step 3, mentoring and peer learning: proposing an ambassador and
 *        forming peer groups that mix teams and experience.
 */
#ifndef LEVANDE_PEERS_HPP
#define LEVANDE_PEERS_HPP

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "levande/export.h"
#include "levande/workspace.hpp"

namespace levande {

/** @brief A participant to place in a peer group. */
struct PeerCandidate {
  std::string person;     ///< Person id; unique among the candidates.
  std::string team;       ///< Team id (groups prefer members of different teams); may be empty.
  double experience = 0;  ///< Any finite experience measure; groups prefer a spread.
};

/** @brief An experienced colleague who can mentor up to `capacity` groups. */
struct PeerMentor {
  std::string person;         ///< Person id; not also a candidate.
  std::string team;           ///< Team id; a mentor from outside the group's teams is preferred.
  double experience = 0;      ///< Experience; more is preferred.
  std::int32_t capacity = 1;  ///< Groups this mentor can take; >= 0.
};

/** @brief How form_peer_groups() groups. */
struct GroupingOptions {
  std::int32_t group_size = 3;  ///< Preferred size, 2–4; sizes differ by at most one.
  std::uint64_t seed = 1;       ///< Same input and seed, same groups.
  /** @brief Pairs of person ids that were grouped before and should not be again. */
  std::vector<std::pair<std::string, std::string>> grouped_before;
  double team_mix_weight = 1.0;  ///< Weight of the share of cross-team pairs in a group.
  double spread_weight = 1.0;    ///< Weight of the group's experience range ÷ the cohort's.
  double repeat_penalty = 10.0;  ///< Subtracted per pair grouped before.
};

/** @brief The groups found and how good they are. */
struct PeerGrouping {
  std::vector<std::vector<std::string>> groups;  ///< Person ids per group.
  std::vector<std::string> mentors;              ///< Mentor per group, empty when capacity ran out.
  double objective = 0;      ///< Σ over groups of the score (see docs/peers.md).
  std::int32_t repeats = 0;  ///< Pairs grouped before that are together again.
};

/**
 * @brief Partitions the candidates into groups of 2–4 people maximising
 *        cross-team mix and experience spread while avoiding pairs grouped
 *        before, then gives each group a mentor while capacity lasts.
 *
 * The score of a group g is team_mix_weight × (cross-team pairs ÷ pairs) +
 * spread_weight × (experience range of g ÷ range of all candidates) −
 * repeat_penalty × (pairs of g grouped before). Deterministic for a seed:
 * a shuffled start improved by member swaps between groups until no swap
 * helps.
 * @throws Error Errc::invalid_argument for fewer than 2 candidates, a group
 *         size outside 2–4, duplicate or empty person ids, a mentor who is
 *         also a candidate, non-finite experience or a negative capacity.
 */
LEVANDE_API PeerGrouping form_peer_groups(std::span<const PeerCandidate> candidates,
                                          std::span<const PeerMentor> mentors,
                                          const GroupingOptions &options = {});

/**
 * @brief The objective of a given grouping (without mentors), by the same
 *        score: for comparing with other groupings of the same candidates.
 * @throws Error Errc::invalid_argument when a group names an unknown person.
 */
LEVANDE_API double grouping_objective(std::span<const PeerCandidate> candidates,
                                      const std::vector<std::vector<std::string>> &groups,
                                      const GroupingOptions &options = {});

/**
 * @brief Proposes an ambassador for a training: the participant with the
 *        highest post-assessment score; ties go to the larger learning gain,
 *        fewer ambassador roles held, more colleagues in the team who took
 *        the training, more completed trainings, the higher reaction, and
 *        only then the smaller id (docs/peers.md). nullopt when nobody has a
 *        score.
 * @throws Error Errc::not_found for an unknown training.
 */
LEVANDE_API std::optional<std::string> propose_ambassador(const Workspace &workspace,
                                                          std::string_view training);

}  // namespace levande

#endif  // LEVANDE_PEERS_HPP
