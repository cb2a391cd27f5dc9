// Team and manager chains (a team's parent, a person's manager): every
// chain followed once, loops and chains deeper than the limit reported.
// Shared by the checks of a write or load (workspace/integrity.cpp) and the
// repair of a damaged file (io/check.cpp).
#ifndef LEVANDE_SRC_CORE_MODEL_CHAINS_HPP
#define LEVANDE_SRC_CORE_MODEL_CHAINS_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

#include "levande/model.hpp"

namespace levande::detail {

inline constexpr std::uint32_t no_parent = UINT32_MAX;

// The link a chain follows: the parent of a team, the manager of a person.
template <class T>
auto &up(T &x) {
  if constexpr (std::is_same_v<std::remove_const_t<T>, Team>)
    return x.parent;
  else
    return x.manager;
}

// Walks the chains of `parent` (an index per node, no_parent at a root), each
// link once: O(n). Calls bad(node, cycle) where a chain loops (node: the one
// whose link closes the loop) or where it first runs deeper than
// `max_depth` links. `bad` either throws, or returns and the link of `node`
// is cut (set to no_parent) so the walk goes on.
template <class Bad>
void walk_chains(std::vector<std::uint32_t> &parent, std::size_t max_depth, Bad &&bad) {
  // A depth is known (>= 0), on the path being walked (-2), or not yet (-1).
  std::vector<std::int64_t> depth(parent.size(), -1);
  std::vector<std::uint32_t> path;
  for (std::uint32_t start = 0; start < parent.size(); ++start) {
    path.clear();
    std::uint32_t at = start;
    std::int64_t base = -1;  // the depth above the last node of the path
    while (depth[at] == -1) {
      depth[at] = -2;
      path.push_back(at);
      const auto p = parent[at];
      if (p == no_parent) break;
      if (depth[p] == -2) {
        bad(at, true);
        parent[at] = no_parent;
        break;
      }
      at = p;
    }
    if (depth[at] >= 0) base = depth[at];
    for (auto i = path.size(); i-- > 0;) {
      depth[path[i]] = ++base;
      if (static_cast<std::size_t>(base) > max_depth) {
        bad(path[i], false);
        parent[path[i]] = no_parent;
        depth[path[i]] = base = 0;
      }
    }
  }
}

}  // namespace levande::detail

#endif
