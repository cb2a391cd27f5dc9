// Columns of dates between numpy and the core: numpy datetime64[D] is int64
// days since 1970-01-01, levande::Date is int32 days since the same day, so a
// column converts with one pass and no per-element Python objects.
#ifndef LEVANDE_BINDINGS_NUMPY_DATES_HPP
#define LEVANDE_BINDINGS_NUMPY_DATES_HPP

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cstdint>
#include <vector>

#include "levande/date.hpp"

namespace levande::python {

namespace py = pybind11;

// A flattened column of dates read from numpy. NaT entries hold a valid
// placeholder date and are listed in `nat`, so the core never sees them.
struct DateColumn {
  std::vector<Date> dates;
  std::vector<std::size_t> nat;
};

// Any array-like of dates as a datetime64[D] ndarray: datetime64 of any unit
// (a time of day is an error, never truncated), datetime.date objects, ISO
// strings. Errors name `name` and, where it applies, the element.
py::array to_datetime64_days(py::handle values, const char *name);

// Reads a datetime64[D] ndarray (any shape) in C order.
DateColumn read_dates(const py::array &days, const char *name);

// Reads an integer array-like (any shape) in C order as int32 values.
std::vector<std::int32_t> read_int32(const py::array &values, const char *name);

// Fails (naming the element) when a column holds NaT: results that are
// booleans or counts have no way to carry "not a time".
void reject_nat(const DateColumn &column, const char *name);

// A datetime64[D] ndarray of the given shape; NaT where `nat` says.
py::array make_datetime64(const std::vector<Date> &dates, const std::vector<std::size_t> &nat,
                          const std::vector<py::ssize_t> &shape);

// The broadcast shape of two arrays (numpy rules).
std::vector<py::ssize_t> broadcast_shape(const py::array &a, const py::array &b);

// `a` broadcast to `shape` unless it has a single element (the core
// broadcasts those itself, so a scalar is never copied out to full length).
py::array expand(const py::array &a, const std::vector<py::ssize_t> &shape);

}  // namespace levande::python

#endif
