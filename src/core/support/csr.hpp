// Items grouped by key as dense row lists (compressed sparse rows): a
// counting sort that keeps the items' order within a key. Used by the
// scheduler and by the workspace's cached links.
#ifndef LEVANDE_SRC_CORE_SUPPORT_CSR_HPP
#define LEVANDE_SRC_CORE_SUPPORT_CSR_HPP

#include <cstdint>
#include <limits>
#include <numeric>
#include <span>
#include <vector>

namespace levande::detail {

struct Csr {
  static constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::uint32_t> offsets{0}, items;  // group g: items[offsets[g], offsets[g + 1])

  // `keys[i]` is item i's group, or `none` for no group.
  static Csr build(std::size_t groups, const std::vector<std::uint32_t> &keys) {
    Csr c;
    c.offsets.assign(groups + 1, 0);
    for (auto g : keys)
      if (g != none) ++c.offsets[g + 1];
    std::partial_sum(c.offsets.begin(), c.offsets.end(), c.offsets.begin());
    c.items.resize(c.offsets.back());
    auto fill = c.offsets;
    for (std::size_t i = 0; i < keys.size(); ++i)
      if (keys[i] != none) c.items[fill[keys[i]]++] = static_cast<std::uint32_t>(i);
    return c;
  }
  template <class KeyOf>
  static Csr build(std::size_t groups, std::size_t n, KeyOf &&key_of) {
    std::vector<std::uint32_t> keys(n);
    for (std::size_t i = 0; i < n; ++i)
      keys[i] = key_of(i);
    return build(groups, keys);
  }
  std::span<const std::uint32_t> of(std::size_t g) const {
    return {items.data() + offsets[g], items.data() + offsets[g + 1]};
  }
};

}  // namespace levande::detail

#endif
