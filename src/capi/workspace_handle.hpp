// The struct behind levande_workspace, shared by the C API sources that take one.
#ifndef LEVANDE_SRC_CAPI_WORKSPACE_HANDLE_HPP
#define LEVANDE_SRC_CAPI_WORKSPACE_HANDLE_HPP

#include "guard.hpp"
#include "levande.h"
#include "levande/workspace.hpp"

struct levande_workspace {
  levande::Workspace ws;
  levande_error last;  // error of the last changing call
  bool failed = false;
};

namespace levande::capi {

// Runs `body` for a call that changes `ws`, keeping its error on the handle
// as well (writes need exclusive access anyway).
template <class Body>
levande_status on(levande_workspace *ws, levande_error **out_err, Body &&body) noexcept {
  if (ws == nullptr) return guard(out_err, [] { require(nullptr, "ws"); });
  auto *self = ws;
  const levande_status status = guard(out_err, std::forward<Body>(body));
  self->failed = status != LEVANDE_OK;
  if (self->failed) {
    if (const levande_error *last = levande_last_error()) {
      try {
        self->last = *last;
      } catch (...) {
        self->last.code = status;
      }
    }
  }
  return status;
}

// Runs `body` for a call that only reads `ws`: many threads may do this at
// once, so nothing is written to the handle.
template <class Body>
levande_status on(const levande_workspace *ws, levande_error **out_err, Body &&body) noexcept {
  if (ws == nullptr) return guard(out_err, [] { require(nullptr, "ws"); });
  return guard(out_err, std::forward<Body>(body));
}

}  // namespace levande::capi

#endif
