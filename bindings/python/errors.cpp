#include "errors.hpp"

#include <string>

#include "levande/error.hpp"

namespace py = pybind11;

namespace levande::python {
namespace {

struct ClassSpec {
  Errc code;  // Errc::ok marks the base class
  const char *name;
  const char *parent;  // name of the levande base, or nullptr for Error itself
  PyObject *builtin;   // an additional built-in base, or nullptr
  const char *doc;
};

const char *class_name(Errc code) {
  switch (code) {
    case Errc::invalid_argument:
      return "InvalidArgumentError";
    case Errc::parse_error:
      return "ParseError";
    case Errc::invalid_date:
      return "InvalidDateError";
    case Errc::out_of_range:
      return "OutOfRangeError";
    case Errc::not_found:
      return "NotFoundError";
    case Errc::already_exists:
      return "AlreadyExistsError";
    case Errc::constraint:
      return "ConstraintError";
    case Errc::io_error:
      return "IOError";
    case Errc::unsupported:
      return "UnsupportedError";
    case Errc::internal:
      return "InternalError";
    case Errc::misuse:
      return "MisuseError";
    case Errc::corrupt:
      return "CorruptError";
    case Errc::conflict:
      return "ConflictError";
    case Errc::scrub_pending:
      return "ScrubPendingError";
    case Errc::ok:
    case Errc::out_of_memory:
      break;
  }
  return "Error";
}

}  // namespace

void bind_errors(py::module_ &m) {
  const ClassSpec specs[] = {
      {Errc::ok, "Error", nullptr, PyExc_Exception,
       "Base of every levande error. Attributes: code (int, the C status), field, value."},
      {Errc::invalid_argument, "InvalidArgumentError", "Error", PyExc_ValueError,
       "A value is not acceptable for its field."},
      {Errc::parse_error, "ParseError", "InvalidArgumentError", nullptr,
       "Text does not follow its format (ISO 8601 date, RRULE, JSON, CSV)."},
      {Errc::invalid_date, "InvalidDateError", "InvalidArgumentError", nullptr,
       "An impossible calendar date, such as 2026-02-30."},
      {Errc::out_of_range, "OutOfRangeError", "Error", PyExc_ValueError,
       "A value or result outside the supported range."},
      {Errc::not_found, "NotFoundError", "Error", PyExc_LookupError,
       "An unknown id or missing item."},
      {Errc::already_exists, "AlreadyExistsError", "Error", PyExc_ValueError, "A duplicate id."},
      {Errc::constraint, "ConstraintError", "Error", PyExc_ValueError,
       "A write would break referential integrity or ordering rules."},
      {Errc::io_error, "IOError", "Error", PyExc_OSError,
       "Reading or writing a file or database failed."},
      {Errc::unsupported, "UnsupportedError", "Error", PyExc_NotImplementedError,
       "A valid request this version cannot serve."},
      {Errc::internal, "InternalError", "Error", PyExc_RuntimeError, "A bug in levande."},
      {Errc::misuse, "MisuseError", "Error", PyExc_RuntimeError, "The API was used wrongly."},
      {Errc::corrupt, "CorruptError", "Error", PyExc_OSError,
       "The stored workspace is damaged (edited outside levande, or broken)."},
      {Errc::conflict, "ConflictError", "Error", PyExc_RuntimeError,
       "Another program wrote to the workspace since it was loaded; reload() and retry."},
      {Errc::scrub_pending, "ScrubPendingError", "Error", PyExc_RuntimeError,
       "The person is erased and audited (value: the pseudonym), but the file is not scrubbed "
       "yet: call scrub() when no other connection reads it."},
  };
  for (const ClassSpec &s : specs) {
    py::list bases;
    if (s.parent != nullptr) bases.append(m.attr(s.parent));
    if (s.builtin != nullptr) bases.append(py::handle(s.builtin));
    const std::string qualified = std::string("levande.") + s.name;
    PyObject *cls =
        PyErr_NewExceptionWithDoc(qualified.c_str(), s.doc, py::tuple(bases).ptr(), nullptr);
    if (cls == nullptr) throw py::error_already_set();
    m.add_object(s.name, py::reinterpret_steal<py::object>(cls));
  }

  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const Error &e) {
      if (e.code() == Errc::out_of_memory) {
        PyErr_SetString(PyExc_MemoryError, e.what());
        return;
      }
      // Look the class up at raise time: the module object owns it.
      py::object cls = py::module_::import("levande._core").attr(class_name(e.code()));
      py::object exc = cls(e.what());
      exc.attr("code") = static_cast<int>(e.code());
      exc.attr("field") = e.field();
      exc.attr("value") = e.value();
      PyErr_SetObject(cls.ptr(), exc.ptr());
    }
  });
}

}  // namespace levande::python
