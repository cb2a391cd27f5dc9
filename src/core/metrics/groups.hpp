// What the metrics share: the team hierarchy as dense indices, the date check.
#ifndef LEVANDE_SRC_CORE_METRICS_GROUPS_HPP
#define LEVANDE_SRC_CORE_METRICS_GROUPS_HPP

#include <array>
#include <cstdint>
#include <limits>
#include <numeric>
#include <span>
#include <string>
#include <vector>

#include "levande/error.hpp"
#include "levande/workspace.hpp"
#include "workspace/links.hpp"
#include "workspace/tables.hpp"

namespace levande::detail {

inline constexpr double missing = std::numeric_limits<double>::quiet_NaN();

inline void require_date(Date as_of) {
  if (!as_of.valid()) {
    throw Error(Errc::invalid_argument, "as_of", std::to_string(as_of.days()),
                "is not a valid date");
  }
}

// Dense row lists per key (a counting sort), keeping log order within a key.
struct Buckets {
  std::vector<std::uint32_t> start, rows;
  template <class Key, class Keep>
  Buckets(std::size_t keys, std::size_t n, Key &&key, Keep &&keep) : start(keys + 1, 0) {
    // Rows already grouped by key (keys never decreasing, none left out) need
    // no second pass: the buckets are the rows in order.
    bool grouped = true;
    std::size_t previous = 0;
    for (std::size_t r = 0; r < n; ++r) {
      if (!keep(r)) {
        grouped = false;
        continue;
      }
      const std::size_t k = key(r);
      grouped = grouped && previous <= k;
      previous = k;
      ++start[k + 1];
    }
    std::partial_sum(start.begin(), start.end(), start.begin());
    rows.resize(start[keys]);
    if (grouped) {
      std::iota(rows.begin(), rows.end(), 0u);
      return;
    }
    auto fill = start;
    for (std::size_t r = 0; r < n; ++r)
      if (keep(r)) rows[fill[key(r)]++] = static_cast<std::uint32_t>(r);
  }
  std::span<std::uint32_t> of(std::size_t key) {
    return {rows.data() + start[key], rows.data() + start[key + 1]};
  }
};

// The cohort of a training: the month of its last day, "YYYY-MM".
inline std::string cohort_of(Date end) {
  const auto ymd = end.ymd();
  std::string out = std::to_string(ymd.year) + "-";
  if (ymd.month < 10) out += '0';
  return out + std::to_string(ymd.month);
}

}  // namespace levande::detail

#endif
