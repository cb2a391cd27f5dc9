// Helpers shared by the C API sources that hand out date columns or take
// adjustments.
#ifndef LEVANDE_SRC_CAPI_RECURRENCE_HELPERS_HPP
#define LEVANDE_SRC_CAPI_RECURRENCE_HELPERS_HPP

#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#include "guard.hpp"
#include "levande/recurrence.hpp"

namespace levande::capi {

// Hands a date column to the caller as one malloc'd block (NULL when empty).
inline void give(const std::vector<Date> &dates, int32_t **out, size_t *out_count) {
  if (dates.empty()) {
    *out = nullptr;
    *out_count = 0;
    return;
  }
  auto *block = static_cast<int32_t *>(std::malloc(dates.size() * sizeof(int32_t)));
  if (block == nullptr) throw std::bad_alloc();
  for (std::size_t i = 0; i < dates.size(); ++i)
    block[i] = dates[i].days();
  *out = block;
  *out_count = dates.size();
}

inline Adjustment adjustment_from(levande_adjustment how) {
  if (how < LEVANDE_ADJUST_SKIP || how > LEVANDE_ADJUST_MODIFIED_PRECEDING) {
    throw Error(Errc::invalid_argument, "how", std::to_string(how), "not a LEVANDE_ADJUST_* value");
  }
  return static_cast<Adjustment>(how);
}

}  // namespace levande::capi

#endif
