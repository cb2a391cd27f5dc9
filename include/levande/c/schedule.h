/**
 * @file levande/c/schedule.h
 * @brief C API of the follow-up scheduler (see levande/schedule.hpp): plan,
 *        apply, the event table as columns, agenda, overdue items and .ics.
 *
 * A `levande_schedule` is an immutable result; any number of threads may
 * read one at once. Its event columns stay valid until it is destroyed.
 */
#ifndef LEVANDE_C_SCHEDULE_H
#define LEVANDE_C_SCHEDULE_H

#include "levande/c/calendar.h"
#include "levande/c/common.h"
#include "levande/c/metrics.h"
#include "levande/c/workspace.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A computed follow-up programme (opaque). */
typedef struct levande_schedule levande_schedule;

/** @brief Inputs of levande_schedule_plan(). Start from #LEVANDE_SCHEDULE_OPTIONS_INIT. */
typedef struct levande_schedule_options {
  size_t struct_size;           /**< sizeof(levande_schedule_options); set by the _INIT macro. */
  int32_t as_of;                /**< First day of the horizon (days since 1970-01-01). */
  int32_t until;                /**< Last day of the horizon; at most 3660 days after as_of. */
  int32_t scope;                /**< LEVANDE_SCOPE_ALL, _TRAINING or _TEAM. */
  const char *scope_id;         /**< The training or team id; ignored for LEVANDE_SCOPE_ALL. */
  const char *default_calendar; /**< Code for people without one; NULL means "SE". */
  const char *const *calendar_codes;        /**< Codes of caller calendars (e.g. with closures). */
  const levande_calendar *const *calendars; /**< The calendars; borrowed during the call. */
  size_t calendar_count;                    /**< Number of caller calendars. */
} levande_schedule_options;

/** @brief Whole workspace, SE default calendar, no caller calendars; set as_of and until. */
#define LEVANDE_SCHEDULE_OPTIONS_INIT \
  { sizeof(levande_schedule_options), 0, 0, 0, NULL, NULL, NULL, NULL, 0 }

/**
 * @brief Fills @p out with this version's defaults (what #LEVANDE_SCHEDULE_OPTIONS_INIT gives),
 *        for callers that cannot use the macro (other languages' FFI).
 * @param struct_size `sizeof *out` as the caller was built: a struct from
 *        an earlier levande is filled as far as it goes.
 * @return #LEVANDE_ERR_MISUSE for NULL or a size that cannot hold
 *         `struct_size`; #LEVANDE_ERR_UNSUPPORTED for a struct larger than
 *         this version's (the caller was built against a newer levande).
 */
LEVANDE_API levande_status levande_schedule_options_init(levande_schedule_options *out,
                                                         size_t struct_size);

/** @brief Event kinds (levande::EventKind). */
typedef enum levande_event_kind {
  LEVANDE_EVENT_PLAN_DUE = 0,           /**< Step 1: action plan due. */
  LEVANDE_EVENT_CHECK_IN = 1,           /**< Step 1: check-in. */
  LEVANDE_EVENT_REINFORCEMENT = 2,      /**< Step 1: reinforcement check-in. */
  LEVANDE_EVENT_ASSIGNMENT_REVIEW = 3,  /**< Step 2: on-the-job review. */
  LEVANDE_EVENT_PEER_SESSION = 4,       /**< Step 3: peer session. */
  LEVANDE_EVENT_FEEDBACK_SESSION = 5,   /**< Step 4: feedback session. */
  LEVANDE_EVENT_CELEBRATION_REVIEW = 6, /**< Step 5: celebration review. */
  LEVANDE_EVENT_LEARNING_SLOT = 7,      /**< Step 6: learning slot. */
  LEVANDE_EVENT_COMPETENCE_REVIEW = 8,  /**< Step 6: competence-plan review. */
  LEVANDE_EVENT_AMBASSADOR_SESSION = 9  /**< Step 3: the ambassador shares insights. */
} levande_event_kind;

/** @brief The event table, column-wise; pointers owned by the schedule. */
typedef struct levande_event_columns {
  size_t count;           /**< Number of rows. */
  const int32_t *date;    /**< Final date. */
  const int32_t *nominal; /**< Date the rule or offset gave. */
  const uint32_t *person; /**< Dense person index (levande_workspace_id_at). */
  const uint32_t *series; /**< Series index (levande_schedule_series_json). */
  const uint8_t *flags;   /**< Bits: 1 rolled, 2 levelled, 4 held, 8 shared. */
} levande_event_columns;

/**
 * @brief Computes the follow-up programme; the workspace is not changed.
 * @param out receives the schedule; destroy with levande_schedule_destroy()
 */
LEVANDE_API levande_status levande_schedule_plan(levande_schedule **out,
                                                 const levande_workspace *ws,
                                                 const levande_schedule_options *options,
                                                 levande_error **out_err);

/**
 * @brief Plans and writes the record changes in one transaction (all or nothing).
 * @param out receives the schedule, or NULL if the caller does not want it
 */
LEVANDE_API levande_status levande_schedule_generate(levande_schedule **out, levande_workspace *ws,
                                                     const levande_schedule_options *options,
                                                     levande_error **out_err);

/**
 * @brief Writes the changes of a schedule computed for this workspace, as
 *        one transaction. #LEVANDE_ERR_CONSTRAINT (field "schedule") when the
 *        workspace was written to after the schedule was planned: plan again.
 */
LEVANDE_API levande_status levande_schedule_apply(levande_workspace *ws,
                                                  const levande_schedule *schedule,
                                                  levande_error **out_err);

/** @brief Destroys a schedule; NULL-safe, sets *schedule to NULL. */
LEVANDE_API void levande_schedule_destroy(levande_schedule **schedule);

/** @brief The event table as columns. */
LEVANDE_API levande_status levande_schedule_events(levande_event_columns *out,
                                                   const levande_schedule *schedule,
                                                   levande_error **out_err);

/**
 * @brief The event table with its text (see levande::event_table() for the
 *        columns), as a `levande_table` for the typed getters or
 *        levande_table_to_arrow().
 * @param ws the workspace the schedule was planned on
 * @param out receives the table; destroy with levande_table_destroy()
 */
LEVANDE_API levande_status levande_schedule_event_table(levande_table **out,
                                                        const levande_workspace *ws,
                                                        const levande_schedule *schedule,
                                                        levande_error **out_err);

/** @brief Number of series the rows refer to. */
LEVANDE_API levande_status levande_schedule_series_count(size_t *out,
                                                         const levande_schedule *schedule,
                                                         levande_error **out_err);

/**
 * @brief One series as JSON: `{"kind":"check_in","step":1,"key":...,"title":...,
 *        "record_kind":"action_plans","record":...,"training":...,"policy":...,"rule":...}`.
 * @param out receives the text; free with levande_free()
 */
LEVANDE_API levande_status levande_schedule_series_json(char **out,
                                                        const levande_schedule *schedule,
                                                        const levande_workspace *ws, size_t index,
                                                        levande_error **out_err);

/**
 * @brief What could not be placed, as a JSON array of
 *        `{"series":3,"person":"e17","nominal":"2026-06-19","reason":...}`.
 */
LEVANDE_API levande_status levande_schedule_unplaced_json(char **out,
                                                          const levande_schedule *schedule,
                                                          const levande_workspace *ws,
                                                          levande_error **out_err);

/** @brief How many record operations, check-ins to add and check-ins to remove it holds. */
LEVANDE_API levande_status levande_schedule_change_counts(size_t *records, size_t *add_check_ins,
                                                          size_t *remove_check_ins,
                                                          const levande_schedule *schedule,
                                                          levande_error **out_err);

/** @brief Whose agenda levande_schedule_agenda() selects. */
typedef enum levande_agenda_of {
  LEVANDE_AGENDA_PERSON = 0, /**< One person. */
  LEVANDE_AGENDA_TEAM = 1,   /**< A team and its sub-teams. */
  LEVANDE_AGENDA_MANAGER = 2 /**< A manager and their direct reports. */
} levande_agenda_of;

/**
 * @brief Row numbers of the events of a person, team or manager in [from, to].
 * @param out_rows receives the rows (free with levande_free(); NULL when none)
 */
LEVANDE_API levande_status levande_schedule_agenda(uint32_t **out_rows, size_t *out_count,
                                                   const levande_schedule *schedule,
                                                   const levande_workspace *ws, int32_t of,
                                                   const char *id, int32_t from, int32_t to,
                                                   levande_error **out_err);

/**
 * @brief What is overdue as of a date, as a JSON array of
 *        `{"kind":"check_ins","record":...,"person":...,"team":...,"due":...,
 *        "days_overdue":9,"title":...}`.
 */
LEVANDE_API levande_status levande_schedule_overdue_json(char **out, const levande_workspace *ws,
                                                         int32_t as_of, levande_error **out_err);

/**
 * @brief Step 6: records that an occurrence of a learning slot took place:
 *        a learning activity of the slot's hours and kind for each attendee
 *        (levande::record_attendance(); all or nothing).
 * @param out_count receives the number of activities added
 * @param slot the learning slot's id
 * @param occurrence a date of the slot's rule (days since 1970-01-01)
 * @param held the day it was held when moved, or NULL for @p occurrence
 * @param attendees @p attendee_count person ids (borrowed during the call)
 * @return #LEVANDE_ERR_NOT_FOUND (field `slot` or `attendees[i]`),
 *         #LEVANDE_ERR_INVALID_ARGUMENT (`occurrence` not a day of the rule,
 *         a repeated attendee), #LEVANDE_ERR_ALREADY_EXISTS (recorded before)
 */
LEVANDE_API levande_status levande_schedule_record_attendance(
    size_t *out_count, levande_workspace *ws, const char *slot, int32_t occurrence,
    const int32_t *held, const char *const *attendees, size_t attendee_count,
    levande_error **out_err);

/** @brief Whose events levande_schedule_to_ics() writes. */
typedef enum levande_ics_of {
  LEVANDE_ICS_ALL = 0,     /**< Every event. */
  LEVANDE_ICS_PERSON = 1,  /**< One person. */
  LEVANDE_ICS_TEAM = 2,    /**< A team and its sub-teams. */
  LEVANDE_ICS_TRAINING = 3 /**< One training. */
} levande_ics_of;

/**
 * @brief The events as an iCalendar file (RRULE with EXDATE/RDATE for moved occurrences).
 * @param stamp DTSTAMP date; @param time_zone NULL for "Europe/Stockholm"
 */
LEVANDE_API levande_status levande_schedule_to_ics(char **out, const levande_schedule *schedule,
                                                   const levande_workspace *ws, int32_t of,
                                                   const char *id, int32_t stamp,
                                                   const char *time_zone, levande_error **out_err);

#ifdef __cplusplus
}
#endif

#endif /* LEVANDE_C_SCHEDULE_H */
