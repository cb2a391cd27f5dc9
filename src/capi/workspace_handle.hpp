// The struct behind levande_workspace, shared by the C API sources that take one.
#ifndef LEVANDE_SRC_CAPI_WORKSPACE_HANDLE_HPP
#define LEVANDE_SRC_CAPI_WORKSPACE_HANDLE_HPP

#include "capi/guard.hpp"
#include "levande.h"
#include "levande/workspace.hpp"

struct levande_workspace {
  levande::Workspace ws;
  levande_error last;  // error of the last changing call
  bool failed = false;
};

#endif
