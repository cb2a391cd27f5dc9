// The Python exception tree, one class per levande::Errc.
#ifndef LEVANDE_BINDINGS_ERRORS_HPP
#define LEVANDE_BINDINGS_ERRORS_HPP

#include <pybind11/pybind11.h>

namespace levande::python {

// Creates levande.Error and its subclasses on the module and registers the
// translator from levande::Error.
void bind_errors(pybind11::module_ &m);

}  // namespace levande::python

#endif
