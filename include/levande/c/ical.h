/**
 * @file levande/c/ical.h
 * @brief C API for iCalendar export (see levande::ical::write()).
 *
 * Fill a ::levande_ical_event (start from #LEVANDE_ICAL_EVENT_INIT) per
 * follow-up and a ::levande_ical_todo (#LEVANDE_ICAL_TODO_INIT) per task, add
 * them to a writer, then take the text. Strings are copied when added.
 */
#ifndef LEVANDE_C_ICAL_H
#define LEVANDE_C_ICAL_H

#include "levande/c/common.h"
#include "levande/c/recurrence.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Collects events and tasks, then writes one VCALENDAR. Opaque. */
typedef struct levande_ical_writer levande_ical_writer;

/** @brief An organizer or attendee. */
typedef struct levande_ical_person {
  const char *name;  /**< Display name, may be NULL. */
  const char *email; /**< E-mail address; required. */
} levande_ical_person;

/** @brief A display reminder before the event. */
typedef struct levande_ical_alarm {
  int32_t minutes_before;  /**< Minutes before the start, >= 0. */
  const char *description; /**< What it says; NULL for the summary. */
} levande_ical_alarm;

/** @brief For levande_ical_event::start_minute: an all-day event. */
#define LEVANDE_ICAL_ALL_DAY (-1)

/** @brief One follow-up (VEVENT). Start from #LEVANDE_ICAL_EVENT_INIT. */
typedef struct levande_ical_event {
  size_t struct_size;            /**< sizeof(levande_ical_event); set by the _INIT macro. */
  const char *uid;               /**< Stable identifier; required. */
  const char *summary;           /**< Title; required. */
  const char *description;       /**< May be NULL. */
  const char *const *categories; /**< category_count strings, or NULL. */
  size_t category_count;         /**< Number of categories. */
  int32_t date;                  /**< DTSTART date (days since 1970-01-01). */
  int32_t start_minute;          /**< Local minutes after midnight, or #LEVANDE_ICAL_ALL_DAY. */
  int32_t duration_minutes;      /**< Length of a timed event. */
  const char *rule;              /**< RRULE value, or NULL. */
  const int32_t *rdates;         /**< rdate_count extra dates, or NULL. */
  size_t rdate_count;            /**< Number of RDATEs. */
  const int32_t *exdates;        /**< exdate_count dates taken out, or NULL. */
  size_t exdate_count;           /**< Number of EXDATEs. */
  const levande_ical_person *organizer; /**< NULL when unknown. */
  const levande_ical_person *attendees; /**< attendee_count people, or NULL. */
  size_t attendee_count;                /**< Number of attendees. */
  const levande_ical_alarm *alarms;     /**< alarm_count reminders, or NULL. */
  size_t alarm_count;                   /**< Number of alarms. */
} levande_ical_event;

/** @brief An all-day event with no fields filled in. */
#define LEVANDE_ICAL_EVENT_INIT                                                               \
  {                                                                                           \
    sizeof(levande_ical_event), NULL, NULL, NULL, NULL, 0, 0, LEVANDE_ICAL_ALL_DAY, 60, NULL, \
        NULL, 0, NULL, 0, NULL, NULL, 0, NULL, 0                                              \
  }

/**
 * @brief Fills @p out with this version's defaults (what #LEVANDE_ICAL_EVENT_INIT gives),
 *        for callers that cannot use the macro (other languages' FFI).
 * @param struct_size `sizeof *out` as the caller was built: a struct from
 *        an earlier levande is filled as far as it goes.
 * @return #LEVANDE_ERR_MISUSE for NULL or a size that cannot hold
 *         `struct_size`; #LEVANDE_ERR_UNSUPPORTED for a struct larger than
 *         this version's (the caller was built against a newer levande).
 */
LEVANDE_API levande_status levande_ical_event_init(levande_ical_event *out, size_t struct_size);

/** @brief VTODO STATUS: NEEDS-ACTION. */
#define LEVANDE_ICAL_NEEDS_ACTION 0
/** @brief VTODO STATUS: IN-PROCESS. */
#define LEVANDE_ICAL_IN_PROCESS 1
/** @brief VTODO STATUS: COMPLETED. */
#define LEVANDE_ICAL_COMPLETED 2
/** @brief VTODO STATUS: CANCELLED. */
#define LEVANDE_ICAL_CANCELLED 3

/** @brief One action-plan task (VTODO). Start from #LEVANDE_ICAL_TODO_INIT. */
typedef struct levande_ical_todo {
  size_t struct_size;            /**< sizeof(levande_ical_todo); set by the _INIT macro. */
  const char *uid;               /**< Stable identifier; required. */
  const char *summary;           /**< Title; required. */
  const char *description;       /**< May be NULL. */
  const char *const *categories; /**< category_count strings, or NULL. */
  size_t category_count;         /**< Number of categories. */
  int32_t has_due;               /**< Nonzero when due is set. */
  int32_t due;                   /**< DUE date. */
  int32_t status;                /**< One of `LEVANDE_ICAL_*` statuses. */
  int32_t percent_complete;      /**< 0..100. */
  const char *related_to;        /**< The plan's UID, or NULL. */
} levande_ical_todo;

/** @brief A task with no fields filled in. */
#define LEVANDE_ICAL_TODO_INIT \
  { sizeof(levande_ical_todo), NULL, NULL, NULL, NULL, 0, 0, 0, LEVANDE_ICAL_NEEDS_ACTION, 0, NULL }

/**
 * @brief Fills @p out with this version's defaults (what #LEVANDE_ICAL_TODO_INIT gives),
 *        for callers that cannot use the macro (other languages' FFI).
 * @param struct_size `sizeof *out` as the caller was built: a struct from
 *        an earlier levande is filled as far as it goes.
 * @return #LEVANDE_ERR_MISUSE for NULL or a size that cannot hold
 *         `struct_size`; #LEVANDE_ERR_UNSUPPORTED for a struct larger than
 *         this version's (the caller was built against a newer levande).
 */
LEVANDE_API levande_status levande_ical_todo_init(levande_ical_todo *out, size_t struct_size);

/**
 * @brief A writer whose DTSTAMP is @p stamp (a date; there is no hidden clock).
 * @param time_zone TZID of timed events, or NULL for "Europe/Stockholm".
 */
LEVANDE_API levande_status levande_ical_writer_create(levande_ical_writer **out, int32_t stamp,
                                                      const char *time_zone,
                                                      levande_error **out_err);

/** @brief Frees a writer and sets `*writer` to NULL. NULL-safe on both levels. */
LEVANDE_API void levande_ical_writer_destroy(levande_ical_writer **writer);

/**
 * @brief Adds an event (copied). A struct_size smaller than any version's is
 *        #LEVANDE_ERR_MISUSE, a newer version's #LEVANDE_ERR_UNSUPPORTED (see
 *        common.h); a bad rule is #LEVANDE_ERR_PARSE.
 */
LEVANDE_API levande_status levande_ical_writer_add_event(levande_ical_writer *writer,
                                                         const levande_ical_event *event,
                                                         levande_error **out_err);

/** @brief Adds a task (copied). */
LEVANDE_API levande_status levande_ical_writer_add_todo(levande_ical_writer *writer,
                                                        const levande_ical_todo *todo,
                                                        levande_error **out_err);

/**
 * @brief The VCALENDAR text, NUL-terminated, `*out_length` octets without the
 *        NUL; freed with levande_free(). Errors name the item and field
 *        (e.g. "events[2].uid").
 */
LEVANDE_API levande_status levande_ical_writer_write(char **out, size_t *out_length,
                                                     const levande_ical_writer *writer,
                                                     levande_error **out_err);

/**
 * @brief The EXDATEs and RDATEs that make a calendar client show @p rec's dates
 *        moved by @p how onto business days of @p cal, in [first, last].
 *
 * Both arrays are freed with levande_free() (NULL when empty).
 */
LEVANDE_API levande_status levande_ical_business_day_exceptions(
    int32_t **out_exdates, size_t *out_exdate_count, int32_t **out_rdates, size_t *out_rdate_count,
    const levande_recurrence *rec, const levande_calendar *cal, levande_adjustment how,
    int32_t first, int32_t last, levande_error **out_err);

#ifdef __cplusplus
}
#endif

#endif /* LEVANDE_C_ICAL_H */
