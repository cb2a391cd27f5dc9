#include "numpy_dates.hpp"

#include <pybind11/stl.h>

#include <limits>
#include <string>

#include "levande/error.hpp"

namespace levande::python {
namespace {

py::module_ numpy() {
  return py::module_::import("numpy");
}

std::string element(const char *name, py::ssize_t i) {
  return std::string(name) + "[" + std::to_string(i) + "]";
}

// The flat, C-ordered, contiguous int64 view of a datetime64 or integer array.
py::array_t<std::int64_t> flat_int64(const py::array &a) {
  py::object flat = numpy().attr("ascontiguousarray")(numpy().attr("ravel")(a));
  return py::array_t<std::int64_t, py::array::c_style>(flat.attr("view")("int64"));
}

}  // namespace

py::array to_datetime64_days(py::handle values, const char *name) {
  auto np = numpy();
  py::array arr = py::isinstance<py::array>(values) ? py::reinterpret_borrow<py::array>(values)
                                                    : py::array(np.attr("asarray")(values));
  const char kind = arr.dtype().kind();
  if (kind == 'O' || kind == 'U' || kind == 'S') {
    // Let numpy pick the unit (datetime.datetime objects become microseconds),
    // so the time-of-day check below sees them.
    try {
      arr = py::array(arr.attr("astype")("datetime64"));
    } catch (const py::error_already_set &e) {
      throw Error(Errc::invalid_argument, name, py::str(values).cast<std::string>().substr(0, 80),
                  std::string("cannot be read as dates: ") + e.what());
    }
  } else if (kind != 'M') {
    throw Error(Errc::invalid_argument, name, py::str(arr.dtype()).cast<std::string>(),
                "expected dates (numpy datetime64, datetime.date or ISO 8601 strings)");
  }
  const std::string unit = py::str(np.attr("datetime_data")(arr.dtype())[py::int_(0)]);
  if (unit == "D") return arr;
  if (unit == "Y" || unit == "M" || unit == "W" || unit == "generic") {
    throw Error(Errc::invalid_argument, name, py::str(arr.dtype()).cast<std::string>(),
                "dates need day precision (datetime64[D] or finer)");
  }
  py::array days = arr.attr("astype")("datetime64[D]");
  py::array back = days.attr("astype")(arr.dtype());
  py::object lost = np.attr("logical_and")(np.attr("not_equal")(back, arr),
                                           np.attr("logical_not")(np.attr("isnat")(arr)));
  if (lost.attr("any")().cast<bool>()) {
    const auto i = np.attr("argmax")(np.attr("ravel")(lost)).cast<py::ssize_t>();
    throw Error(Errc::invalid_argument, element(name, i),
                py::str(np.attr("ravel")(arr)[py::int_(i)]).cast<std::string>(),
                "has a time of day; pass dates (truncate with .astype('datetime64[D]') if meant)");
  }
  return days;
}

DateColumn read_dates(const py::array &days, const char *name) {
  const auto raw = flat_int64(days);
  const auto view = raw.unchecked<1>();
  DateColumn column;
  column.dates.resize(static_cast<std::size_t>(view.shape(0)));
  constexpr auto kNaT = std::numeric_limits<std::int64_t>::min();
  for (py::ssize_t i = 0; i < view.shape(0); ++i) {
    const std::int64_t v = view(i);
    if (v == kNaT) {
      column.nat.push_back(static_cast<std::size_t>(i));
      column.dates[static_cast<std::size_t>(i)] = Date(0);
    } else if (v < Date::min_days || v > Date::max_days) {
      throw Error(Errc::out_of_range, element(name, i), "day " + std::to_string(v),
                  "date outside the supported range 1400-01-01..9999-12-31");
    } else {
      column.dates[static_cast<std::size_t>(i)] = Date(static_cast<std::int32_t>(v));
    }
  }
  return column;
}

std::vector<std::int32_t> read_int32(const py::array &values, const char *name) {
  const char kind = values.dtype().kind();
  if (kind != 'i' && kind != 'u') {
    throw Error(Errc::invalid_argument, name, py::str(values.dtype()).cast<std::string>(),
                "expected integers");
  }
  if (kind == 'u') {
    // Unsigned values above int64's range would wrap in the cast below.
    auto np = numpy();
    py::object too_big = np.attr("greater")(values, std::numeric_limits<std::int32_t>::max());
    if (too_big.attr("any")().cast<bool>()) {
      const auto i = np.attr("argmax")(np.attr("ravel")(too_big)).cast<py::ssize_t>();
      throw Error(Errc::out_of_range, element(name, i),
                  py::str(np.attr("ravel")(values)[py::int_(i)]).cast<std::string>(),
                  "does not fit a 32-bit signed integer");
    }
  }
  const auto raw = flat_int64(py::array(values.attr("astype")("int64")));
  const auto view = raw.unchecked<1>();
  std::vector<std::int32_t> out(static_cast<std::size_t>(view.shape(0)));
  for (py::ssize_t i = 0; i < view.shape(0); ++i) {
    const std::int64_t v = view(i);
    if (v < std::numeric_limits<std::int32_t>::min() ||
        v > std::numeric_limits<std::int32_t>::max()) {
      throw Error(Errc::out_of_range, element(name, i), std::to_string(v),
                  "does not fit a 32-bit signed integer");
    }
    out[static_cast<std::size_t>(i)] = static_cast<std::int32_t>(v);
  }
  return out;
}

void reject_nat(const DateColumn &column, const char *name) {
  if (!column.nat.empty()) {
    throw Error(Errc::invalid_argument, element(name, static_cast<py::ssize_t>(column.nat.front())),
                "NaT", "not a date; this result cannot carry NaT");
  }
}

py::array make_datetime64(const std::vector<Date> &dates, const std::vector<std::size_t> &nat,
                          const std::vector<py::ssize_t> &shape) {
  // Built directly with the datetime64[D] dtype: no view or reshape calls
  // back into Python, which matter for the many small columns a loop over
  // recurrences produces.
  static const auto *days_dtype = new py::dtype(py::dtype::from_args(py::str("datetime64[D]")));
  py::array out(*days_dtype, shape);
  auto *data = static_cast<std::int64_t *>(out.mutable_data());
  for (std::size_t i = 0; i < dates.size(); ++i)
    data[i] = dates[i].days();
  for (std::size_t i : nat)
    data[i] = std::numeric_limits<std::int64_t>::min();
  return out;
}

std::vector<py::ssize_t> broadcast_shape(const py::array &a, const py::array &b) {
  py::tuple shape = numpy().attr("broadcast_shapes")(a.attr("shape"), b.attr("shape"));
  std::vector<py::ssize_t> out;
  for (py::handle s : shape)
    out.push_back(s.cast<py::ssize_t>());
  return out;
}

py::array expand(const py::array &a, const std::vector<py::ssize_t> &shape) {
  if (a.size() == 1) return a;
  return py::array(numpy().attr("broadcast_to")(a, py::tuple(py::cast(shape))));
}

}  // namespace levande::python
