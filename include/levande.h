/**
 * @file levande.h
 * @brief The levande C API: the stable ABI that HR systems link.
 *
 * Conventions, the same for every function:
 * - Names are `levande_<module>_<verb>`; out-parameters come first.
 * - Every fallible function returns a ::levande_status: #LEVANDE_OK (0) or a
 *   negative code. A NULL handle or out-pointer gives #LEVANDE_ERR_MISUSE.
 * - The last parameter, `out_err`, may be NULL. When it is not and the call
 *   fails, `*out_err` receives a new ::levande_error that the caller frees
 *   with levande_error_destroy(); pass a pointer to NULL (a call that finds
 *   an error there does not run and returns #LEVANDE_ERR_MISUSE, so an error
 *   is never overwritten and leaked). On success `*out_err` is left alone.
 *   levande_last_error() also holds the thread's most recent error, as a
 *   convenience for callers that do not run on green threads.
 * - Dates are `int32_t` days since 1970-01-01 (numpy `datetime64[D]`, Arrow `date32`).
 * - Handles are opaque; `_create(&out, ...)` makes one and `_destroy(&h)`
 *   frees it (NULL-safe, and sets `h` to NULL). Strings passed in are UTF-8
 *   and NUL-terminated; strings returned are owned by their parent object
 *   unless the function says to free them with levande_free().
 * - Options structs start with `struct_size` and grow at the end only: a
 *   program built against an earlier version keeps working (see common.h
 *   and the `levande_<struct>_init` functions).
 * - No C++ exception ever leaves these functions.
 */
#ifndef LEVANDE_H
#define LEVANDE_H

#include "levande/c/calendar.h"
#include "levande/c/celebrate.h"
#include "levande/c/common.h"
#include "levande/c/date.h"
#include "levande/c/ical.h"
#include "levande/c/language.h"
#include "levande/c/metrics.h"
#include "levande/c/peers.h"
#include "levande/c/recurrence.h"
#include "levande/c/reinforcement.h"
#include "levande/c/report.h"
#include "levande/c/schedule.h"
#include "levande/c/workspace.h"

#endif /* LEVANDE_H */
