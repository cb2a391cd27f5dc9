// The C API's versioned structs: for each, its defaults (the _INIT macro)
// and its size in levande 0.1, the first release, tail padding included
// (what a 0.1 caller passes as struct_size). A field added later goes at the
// end, at or after that size (fill tail padding with an explicit reserved
// member first, or a 0.1 caller's padding would be read as the new field),
// and leaves this line alone, so a program built against 0.1 keeps working:
// the fields it does not know take their defaults. The ABI test
// (tests/abi) fails on any change of these structs until the baseline is
// recorded again, so an addition is always looked at.
#ifndef LEVANDE_SRC_CAPI_STRUCTS_HPP
#define LEVANDE_SRC_CAPI_STRUCTS_HPP

#include <cstddef>

#include "guard.hpp"
#include "levande.h"

namespace levande::capi {

template <class T>
struct Versioned;

#define LEVANDE_VERSIONED(T, LAST_IN_0_1, INIT)                                             \
  template <>                                                                               \
  struct Versioned<T> {                                                                     \
    static constexpr std::size_t first_size =                                               \
        (offsetof(T, LAST_IN_0_1) + sizeof(T::LAST_IN_0_1) + alignof(T) - 1) / alignof(T) * \
        alignof(T);                                                                         \
    static constexpr const char *init = #INIT;                                              \
    static T defaults() {                                                                   \
      T d = INIT;                                                                           \
      return d;                                                                             \
    }                                                                                       \
  };
LEVANDE_VERSIONED(levande_celebration_options, streak, LEVANDE_CELEBRATION_OPTIONS_INIT)
LEVANDE_VERSIONED(levande_grouping_options, repeat_penalty, LEVANDE_GROUPING_OPTIONS_INIT)
LEVANDE_VERSIONED(levande_schedule_options, calendar_count, LEVANDE_SCHEDULE_OPTIONS_INIT)
LEVANDE_VERSIONED(levande_csv_options, mapping_count, LEVANDE_CSV_OPTIONS_INIT)
LEVANDE_VERSIONED(levande_ical_event, alarm_count, LEVANDE_ICAL_EVENT_INIT)
LEVANDE_VERSIONED(levande_ical_todo, related_to, LEVANDE_ICAL_TODO_INIT)
LEVANDE_VERSIONED(levande_metrics_pass_options, retention_target, LEVANDE_METRICS_PASS_OPTIONS_INIT)
#undef LEVANDE_VERSIONED

// While no field has been added, the first size is the whole struct.
static_assert(Versioned<levande_celebration_options>::first_size ==
              sizeof(levande_celebration_options));
static_assert(Versioned<levande_grouping_options>::first_size == sizeof(levande_grouping_options));
static_assert(Versioned<levande_schedule_options>::first_size == sizeof(levande_schedule_options));
// levande_csv_options gained `language` after the 0.1 fields (no tail padding to fill).
static_assert(Versioned<levande_csv_options>::first_size ==
              offsetof(levande_csv_options, language));
static_assert(Versioned<levande_ical_event>::first_size == sizeof(levande_ical_event));
static_assert(Versioned<levande_ical_todo>::first_size == sizeof(levande_ical_todo));
static_assert(Versioned<levande_metrics_pass_options>::first_size ==
              sizeof(levande_metrics_pass_options));

// The caller's struct as this version's (struct_in()), or the defaults for NULL.
template <class T>
T read_struct(const T *given) {
  using V = Versioned<T>;
  return given == nullptr ? V::defaults() : struct_in(given, V::defaults(), V::first_size, V::init);
}

// The body of levande_<struct>_init().
template <class T>
levande_status init_struct(T *out, std::size_t struct_size) noexcept {
  return struct_init(out, struct_size, Versioned<T>::defaults());
}

}  // namespace levande::capi

#endif
