// The one check that a Date lies in the supported range, shared by every
// module that needs a calendar view of a date.
#ifndef LEVANDE_SRC_CORE_DATE_DATE_RANGE_HPP
#define LEVANDE_SRC_CORE_DATE_DATE_RANGE_HPP

#include <string>

#include "levande/date.hpp"
#include "levande/error.hpp"

namespace levande::detail {

// Throws Errc::out_of_range naming `field` when `d` is outside 1400-01-01..9999-12-31.
inline void require_supported(Date d, const char *field) {
  if (!d.valid()) {
    throw Error(Errc::out_of_range, field, "day " + std::to_string(d.days()),
                "date outside the supported range 1400-01-01..9999-12-31");
  }
}

}  // namespace levande::detail

#endif
