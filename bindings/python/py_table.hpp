// The Python-side handle of a levande::Table: shared, so numpy views and Arrow
// streams can outlive the Python object.
#ifndef LEVANDE_BINDINGS_PY_TABLE_HPP
#define LEVANDE_BINDINGS_PY_TABLE_HPP

#include <memory>

#include "levande/table.hpp"

namespace levande::python {

struct PyTable {
  std::shared_ptr<const Table> table;
};

}  // namespace levande::python

#endif
