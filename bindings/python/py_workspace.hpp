// What the workspace and schedule bindings share: the Python-side workspace
// object with its lock, and numpy columns copied from core spans.
#ifndef LEVANDE_BINDINGS_PY_WORKSPACE_HPP
#define LEVANDE_BINDINGS_PY_WORKSPACE_HPP

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <shared_mutex>
#include <span>
#include <vector>

#include "levande/workspace.hpp"

namespace levande::python {

namespace py = pybind11;

// The Python object: the GIL is released while the core works, so the
// object carries its own lock — writes exclusive, reads shared — and two
// Python threads can never see a write half done.
struct PyWorkspace {
  Workspace ws;
  mutable std::shared_mutex mutex;
  PyWorkspace() = default;
  explicit PyWorkspace(Workspace w) : ws(std::move(w)) {}
};

template <class T>
inline py::array_t<T> copy_column(std::span<const T> values) {
  py::array_t<T> out(static_cast<py::ssize_t>(values.size()));
  std::copy(values.begin(), values.end(), out.mutable_data());
  return out;
}

// datetime64[D]; `missing` (if given) becomes NaT.
inline py::array date_column(std::span<const Date> values,
                             std::optional<Date> missing = std::nullopt) {
  static const auto *days_dtype = new py::dtype(py::dtype::from_args(py::str("datetime64[D]")));
  py::array out(*days_dtype, std::vector<py::ssize_t>{static_cast<py::ssize_t>(values.size())});
  auto *data = static_cast<std::int64_t *>(out.mutable_data());
  for (std::size_t i = 0; i < values.size(); ++i) {
    data[i] = missing && values[i] == *missing ? std::numeric_limits<std::int64_t>::min()
                                               : values[i].days();
  }
  return out;
}

}  // namespace levande::python

#endif
