// The structs behind the C API's opaque handles, shared by the C API sources.
#ifndef LEVANDE_SRC_CAPI_HANDLES_HPP
#define LEVANDE_SRC_CAPI_HANDLES_HPP

#include "levande/calendar.hpp"
#include "levande/recurrence.hpp"

struct levande_calendar {
  levande::Calendar cal;
};

struct levande_recurrence {
  levande::Recurrence rec;
};

#endif
