// Conversions between levande::Date and boost::gregorian::date. Boost stays
// inside the core: no public header includes this file.
#ifndef LEVANDE_SRC_CORE_DATE_BOOST_BRIDGE_HPP
#define LEVANDE_SRC_CORE_DATE_BOOST_BRIDGE_HPP

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "levande/date.hpp"

namespace levande::detail {

namespace bg = boost::gregorian;

inline const bg::date &epoch() {
  static const bg::date e(1970, 1, 1);
  return e;
}

// Precondition: d.valid(); Boost's own range is exactly Date's (1400..9999).
inline bg::date to_boost(Date d) {
  return epoch() + bg::date_duration(d.days());
}

inline Date from_boost(const bg::date &d) {
  return Date(static_cast<std::int32_t>((d - epoch()).days()));
}

}  // namespace levande::detail

#endif
