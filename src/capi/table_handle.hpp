// The struct behind levande_table, shared by the C API sources that return tables.
#ifndef LEVANDE_SRC_CAPI_TABLE_HANDLE_HPP
#define LEVANDE_SRC_CAPI_TABLE_HANDLE_HPP

#include <memory>

#include "levande.h"
#include "levande/table.hpp"

struct levande_table {
  std::shared_ptr<const levande::Table> table;
};

namespace levande::capi {

// Hands `t` to the caller as a new table handle in *out.
inline void make_table(levande_table **out, Table t) {
  auto handle = std::make_unique<levande_table>();
  handle->table = std::make_shared<const Table>(std::move(t));
  *out = handle.release();
}

}  // namespace levande::capi

#endif
