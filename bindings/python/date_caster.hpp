// datetime.date <-> levande::Date. pybind11 ships casters for datetime with
// time (std::chrono) but none for a calendar date, so this is ours.
#ifndef LEVANDE_BINDINGS_DATE_CASTER_HPP
#define LEVANDE_BINDINGS_DATE_CASTER_HPP

#include <pybind11/pybind11.h>

// After pybind11, which brings Python.h that datetime.h needs first.
#include <datetime.h>

#include "levande/date.hpp"

namespace pybind11::detail {

template <>
struct type_caster<levande::Date> {
  PYBIND11_TYPE_CASTER(levande::Date, const_name("datetime.date"));

  static void ensure_datetime_api() {
    if (!PyDateTimeAPI) {
      PyDateTime_IMPORT;
    }
  }

  // Accepts datetime.date but not datetime.datetime: a time of day would be
  // dropped silently otherwise.
  bool load(handle src, bool) {
    ensure_datetime_api();
    if (!src || !PyDate_Check(src.ptr()) || PyDateTime_Check(src.ptr())) return false;
    // from_ymd throws levande::Error (out_of_range) for years before 1400,
    // which pybind11 turns into levande.OutOfRangeError naming the date.
    value = levande::Date::from_ymd(PyDateTime_GET_YEAR(src.ptr()), PyDateTime_GET_MONTH(src.ptr()),
                                    PyDateTime_GET_DAY(src.ptr()));
    return true;
  }

  static handle cast(levande::Date d, return_value_policy, handle) {
    ensure_datetime_api();
    const auto p = d.ymd();
    return PyDate_FromDate(p.year, p.month, p.day);
  }
};

}  // namespace pybind11::detail

#endif
