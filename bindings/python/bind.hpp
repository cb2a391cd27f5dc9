// The pieces of the levande._core module, one function per area.
#ifndef LEVANDE_BINDINGS_BIND_HPP
#define LEVANDE_BINDINGS_BIND_HPP

#include <pybind11/pybind11.h>

namespace levande::python {

void bind_dates(pybind11::module_ &m);
void bind_calendar(pybind11::module_ &m);
void bind_recurrence(pybind11::module_ &m);
void bind_ical(pybind11::module_ &m);
void bind_workspace(pybind11::module_ &m);
void bind_reinforcement(pybind11::module_ &m);
void bind_peers(pybind11::module_ &m);
void bind_schedule(pybind11::module_ &m);
void bind_metrics(pybind11::module_ &m);
void bind_celebrate(pybind11::module_ &m);
void bind_table(pybind11::module_ &m);

}  // namespace levande::python

#endif
