// levande.Table from Python: numpy views of the columns (dates converted to
// datetime64[D]) and the Arrow PyCapsule stream protocol.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include "bind.hpp"
#include "levande/table.hpp"
#include "py_table.hpp"
#include "py_workspace.hpp"

namespace levande::python {

namespace py = pybind11;

namespace {

// A read-only numpy view of a column; the array keeps the table alive.
template <class T>
py::array view(const std::shared_ptr<const Table> &table, const std::vector<T> &values) {
  auto *keep = new std::shared_ptr<const Table>(table);
  py::capsule owner(keep, [](void *p) { delete static_cast<std::shared_ptr<const Table> *>(p); });
  py::array out(py::dtype::of<T>(), {static_cast<py::ssize_t>(values.size())}, {sizeof(T)},
                values.data(), owner);
  py::detail::array_proxy(out.ptr())->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
  return out;
}

void release_capsule(PyObject *capsule) {
  auto *stream =
      static_cast<ArrowArrayStream *>(PyCapsule_GetPointer(capsule, "arrow_array_stream"));
  if (stream == nullptr) {
    PyErr_Clear();
    return;
  }
  if (stream->release) stream->release(stream);
  delete stream;
}

}  // namespace

void bind_table(py::module_ &m) {
  py::class_<PyTable>(m, "Table", "Compiled column table; use levande.Table, which wraps it.")
      .def("__len__", [](const PyTable &t) { return t.table->rows(); })
      .def("names",
           [](const PyTable &t) {
             py::list names;
             for (const auto &c : t.table->columns())
               names.append(c.name);
             return names;
           })
      .def("column",
           [](const PyTable &t, const std::string &name) -> py::object {
             const auto &data = (*t.table)[name];
             return std::visit(
                 [&](const auto &v) -> py::object {
                   using V = std::decay_t<decltype(v)>;
                   if constexpr (std::is_same_v<V, DictionaryColumn>) {
                     py::list words;
                     for (const auto &w : v.words)
                       words.append(w);
                     return py::make_tuple(view(t.table, v.codes), words);
                   } else if constexpr (std::is_same_v<V, std::vector<Date>>) {
                     return date_column(v, Date::min());
                   } else {
                     return view(t.table, v);
                   }
                 },
                 data);
           })
      .def(
          "__arrow_c_stream__",
          [](const PyTable &t, py::object /*requested_schema*/) {
            auto stream = std::make_unique<ArrowArrayStream>();
            export_arrow(t.table, stream.get());
            PyObject *capsule = PyCapsule_New(stream.get(), "arrow_array_stream", &release_capsule);
            if (capsule == nullptr) {
              stream->release(stream.get());
              throw py::error_already_set();
            }
            stream.release();
            return py::reinterpret_steal<py::object>(capsule);
          },
          py::arg("requested_schema") = py::none());
}

}  // namespace levande::python
