// Parts of a workspace: which records belong to one training, one team or
// one person. Model logic shared by the exports (a part of the JSON
// document, a person's data for an access request).
#ifndef LEVANDE_SRC_CORE_WORKSPACE_PARTS_HPP
#define LEVANDE_SRC_CORE_WORKSPACE_PARTS_HPP

#include <array>
#include <cstdint>
#include <vector>

#include "levande/workspace.hpp"
#include "workspace/tables.hpp"

namespace levande::detail {

// Per kind, a mark per row (1 = in the part), in dense order.
using Selection = std::array<std::vector<char>, kind_count>;

bool selected(const Selection &s, Kind k, std::uint32_t i);

// A scope's part: for a training, the training and every record about it;
// for a team, the team, its sub-teams at any depth, their people and every
// record about them; then everything those records reference, so the part
// stands on its own (imports into an empty workspace). Scope::all selects
// everything. Throws Errc::not_found naming "scope.id" for an unknown id.
Selection select_scope(const Tables &t, const Scope &scope);

// What is about one person (dense index): the person, the records that
// refer to them and the records under those. Other people they are linked
// with are named by id in those records but not selected.
Selection select_person(const Tables &t, std::uint32_t person);

}  // namespace levande::detail

#endif
