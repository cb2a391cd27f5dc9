/**
 * @file levande/c/peers.h
 * @brief C API of step 3: peer-group formation and the ambassador proposal
 *        (see levande/peers.hpp).
 */
#ifndef LEVANDE_C_PEERS_H
#define LEVANDE_C_PEERS_H

#include "levande/c/common.h"
#include "levande/c/workspace.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief How levande_peer_groups_form() groups. Start from #LEVANDE_GROUPING_OPTIONS_INIT. */
typedef struct levande_grouping_options {
  size_t struct_size; /**< sizeof(levande_grouping_options); set by the _INIT macro. */
  int32_t group_size; /**< Preferred size, 2–4. */
  uint64_t seed;      /**< Same input and seed, same groups. */
  const char *const *grouped_before_a; /**< First person of each pair grouped before. */
  const char *const *grouped_before_b; /**< Second person of each pair grouped before. */
  size_t grouped_before_count;         /**< Number of such pairs. */
  double team_mix_weight;              /**< Weight of cross-team pairs. */
  double spread_weight;                /**< Weight of experience spread. */
  double repeat_penalty;               /**< Penalty per repeated pair. */
} levande_grouping_options;

/** @brief Defaults: groups of 3, seed 1, weights 1 and 1, penalty 10. */
#define LEVANDE_GROUPING_OPTIONS_INIT \
  { sizeof(levande_grouping_options), 3, 1, NULL, NULL, 0, 1.0, 1.0, 10.0 }

/**
 * @brief Fills @p out with this version's defaults (what #LEVANDE_GROUPING_OPTIONS_INIT gives),
 *        for callers that cannot use the macro (other languages' FFI).
 * @param struct_size `sizeof *out` as the caller was built: a struct from
 *        an earlier levande is filled as far as it goes.
 * @return #LEVANDE_ERR_MISUSE for NULL or a size that cannot hold
 *         `struct_size`; #LEVANDE_ERR_UNSUPPORTED for a struct larger than
 *         this version's (the caller was built against a newer levande).
 */
LEVANDE_API levande_status levande_grouping_options_init(levande_grouping_options *out,
                                                         size_t struct_size);

/**
 * @brief Forms peer groups of the @p n candidates (person, team, experience
 *        per index) with @p m optional mentors (person, team, experience,
 *        capacity per index).
 * @param out_json receives
 * `{"groups":[["e1","e4"],...],"mentors":["m1",""],"objective":4.0,"repeats":0}`; free with
 * levande_free()
 * @param options  NULL for the defaults
 */
LEVANDE_API levande_status levande_peer_groups_form(
    char **out_json, const char *const *persons, const char *const *teams, const double *experience,
    size_t n, const char *const *mentor_persons, const char *const *mentor_teams,
    const double *mentor_experience, const int32_t *mentor_capacity, size_t m,
    const levande_grouping_options *options, levande_error **out_err);

/**
 * @brief Proposes an ambassador for a training (best post-assessment score).
 * @param out receives the person id (free with levande_free()), or NULL when
 *            nobody has a score
 */
LEVANDE_API levande_status levande_peer_propose_ambassador(char **out, const levande_workspace *ws,
                                                           const char *training,
                                                           levande_error **out_err);

#ifdef __cplusplus
}
#endif

#endif /* LEVANDE_C_PEERS_H */
