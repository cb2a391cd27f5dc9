// The peer-learning part of the C API.
#include <nlohmann/json.hpp>

#include "guard.hpp"
#include "levande.h"
#include "levande/peers.hpp"
#include "structs.hpp"
#include "workspace_handle.hpp"

using namespace levande;
using namespace levande::capi;

extern "C" {

levande_status levande_grouping_options_init(levande_grouping_options *out, size_t struct_size) {
  return init_struct(out, struct_size);
}

levande_status levande_peer_groups_form(
    char **out_json, const char *const *persons, const char *const *teams, const double *experience,
    size_t n, const char *const *mentor_persons, const char *const *mentor_teams,
    const double *mentor_experience, const int32_t *mentor_capacity, size_t m,
    const levande_grouping_options *given, levande_error **out_err) {
  return guard(out_err, [&] {
    require(out_json, "out_json");
    *out_json = nullptr;
    if (n > 0) {
      require(persons, "persons");
      require(experience, "experience");
    }
    std::vector<PeerCandidate> candidates;
    for (size_t i = 0; i < n; ++i) {
      require(persons[i], "persons[i]");
      candidates.push_back({persons[i], teams && teams[i] ? teams[i] : "", experience[i]});
    }
    if (m > 0) {
      require(mentor_persons, "mentor_persons");
      require(mentor_experience, "mentor_experience");
      require(mentor_capacity, "mentor_capacity");
    }
    std::vector<PeerMentor> mentors;
    for (size_t i = 0; i < m; ++i) {
      require(mentor_persons[i], "mentor_persons[i]");
      mentors.push_back({mentor_persons[i], mentor_teams && mentor_teams[i] ? mentor_teams[i] : "",
                         mentor_experience[i], mentor_capacity[i]});
    }
    GroupingOptions o;
    if (given != nullptr) {
      const auto read = read_struct(given);
      const auto *options = &read;
      o.group_size = options->group_size;
      o.seed = options->seed;
      o.team_mix_weight = options->team_mix_weight;
      o.spread_weight = options->spread_weight;
      o.repeat_penalty = options->repeat_penalty;
      if (options->grouped_before_count > 0) {
        require(options->grouped_before_a, "grouped_before_a");
        require(options->grouped_before_b, "grouped_before_b");
      }
      for (size_t i = 0; i < options->grouped_before_count; ++i) {
        require(options->grouped_before_a[i], "grouped_before_a[i]");
        require(options->grouped_before_b[i], "grouped_before_b[i]");
        o.grouped_before.emplace_back(options->grouped_before_a[i], options->grouped_before_b[i]);
      }
    }
    const auto result = form_peer_groups(candidates, mentors, o);
    const nlohmann::json doc = {{"groups", result.groups},
                                {"mentors", result.mentors},
                                {"objective", result.objective},
                                {"repeats", result.repeats}};
    *out_json = copy_out(doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  });
}

levande_status levande_peer_propose_ambassador(char **out, const levande_workspace *ws,
                                               const char *training, levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    *out = nullptr;
    require(ws, "ws");
    require(training, "training");
    if (const auto person = propose_ambassador(ws->ws, training)) *out = copy_out(*person);
  });
}

}  // extern "C"
