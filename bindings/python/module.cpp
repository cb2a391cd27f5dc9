// levande._core: the compiled half of the Python package. The pure-Python
// package python/levande re-exports it; no business logic lives here.
#include <pybind11/pybind11.h>

#include "bind.hpp"
#include "errors.hpp"
#include "levande/version.hpp"

// Not declared free-threading safe: calendars are changed in place, and the
// GIL is what serialises a change against a read.
PYBIND11_MODULE(_core, m) {
  m.doc() = "Compiled core of levande (C++). Use the levande package, not this module.";
  m.attr("__version__") = LEVANDE_VERSION_STRING;
  m.def("library_version", &levande::version,
        "Version of the C++ library linked into this module, 'MAJOR.MINOR.PATCH'.");
  levande::python::bind_errors(m);
  levande::python::bind_dates(m);
  levande::python::bind_calendar(m);
  levande::python::bind_recurrence(m);
  levande::python::bind_ical(m);
  levande::python::bind_workspace(m);
  levande::python::bind_reinforcement(m);
  levande::python::bind_peers(m);
  levande::python::bind_table(m);
  levande::python::bind_schedule(m);
  levande::python::bind_metrics(m);
  levande::python::bind_celebrate(m);
}
