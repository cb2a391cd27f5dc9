/**
 * @file levande/io/ical.hpp
 * @brief iCalendar (RFC 5545) export of follow-ups: VEVENTs and VTODOs.
 *
 * The writer produces text that Outlook, Google Calendar and Thunderbird
 * read: CRLF line ends, lines folded at 75 octets without splitting a UTF-8
 * sequence, TEXT values escaped, a stable UID per follow-up, and a VTIMEZONE
 * for timed events. Nothing reads the clock: DTSTAMP comes from the caller.
 */
#ifndef LEVANDE_IO_ICAL_HPP
#define LEVANDE_IO_ICAL_HPP

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "levande/calendar.hpp"
#include "levande/date.hpp"
#include "levande/export.h"
#include "levande/recurrence.hpp"

namespace levande::ical {

/** @brief Someone taking part: ORGANIZER or ATTENDEE. */
struct Person {
  std::string name;   ///< Display name (CN), may be empty.
  std::string email;  ///< E-mail address, written as a mailto: URI; required.
};

/** @brief A display reminder (VALARM) before the start of an event. */
struct Alarm {
  std::int32_t minutes_before = 0;  ///< Minutes before DTSTART, >= 0.
  std::string description;          ///< What the reminder says; the summary when empty.
};

/** @brief One follow-up in the calendar (VEVENT), all-day or timed, possibly recurring. */
struct Event {
  std::string uid;  ///< Stable identifier: the same follow-up gets the same UID on every export.
  std::string summary;                  ///< Title; required.
  std::string description;              ///< Longer text, may be empty.
  std::vector<std::string> categories;  ///< E.g. the six-step step ("Check-in").
  Date date;  ///< DTSTART's date; with a rule it must be the rule's first date.
  std::optional<std::int32_t>
      start_minute;                    ///< Local time in minutes after midnight; none for all-day.
  std::int32_t duration_minutes = 60;  ///< Length of a timed event; all-day events last one day.
  std::optional<RecurrenceRule> rule;  ///< RRULE, if the event repeats.
  std::vector<Date> rdates;            ///< RDATE: extra dates.
  std::vector<Date> exdates;           ///< EXDATE: dates taken out.
  std::optional<Person> organizer;     ///< ORGANIZER, when known.
  std::vector<Person> attendees;       ///< ATTENDEE, when known.
  std::vector<Alarm> alarms;           ///< VALARM reminders.
};

/** @brief VTODO STATUS values. */
enum class TodoStatus : std::uint8_t {
  needs_action = 0,  ///< NEEDS-ACTION
  in_process = 1,    ///< IN-PROCESS
  completed = 2,     ///< COMPLETED
  cancelled = 3,     ///< CANCELLED
};

/** @brief An action-plan task (VTODO). */
struct Todo {
  std::string uid;                               ///< Stable identifier.
  std::string summary;                           ///< Title; required.
  std::string description;                       ///< Longer text, may be empty.
  std::vector<std::string> categories;           ///< Categories.
  std::optional<Date> due;                       ///< DUE (a date).
  TodoStatus status = TodoStatus::needs_action;  ///< STATUS.
  std::int32_t percent_complete = 0;             ///< PERCENT-COMPLETE, 0..100.
  std::string related_to;                        ///< RELATED-TO: the plan's UID, may be empty.
};

/** @brief What a whole file carries. */
struct WriteOptions {
  Date stamp;  ///< DTSTAMP (midnight UTC of this date); required, there is no hidden clock.
  std::string time_zone = "Europe/Stockholm";  ///< TZID of timed events, with its VTIMEZONE.
  std::string product_id;  ///< PRODID; "-//levande//levande VERSION//EN" when empty.
};

/**
 * @brief Writes a VCALENDAR with the events and tasks.
 * @throws Error Errc::invalid_argument naming the item and field for an empty
 *         UID or summary, an e-mail address that is not one, a negative alarm,
 *         a start minute outside 0..1439, a duration below 1, a percentage
 *         outside 0..100, or an event whose date is not its rule's first date;
 *         Errc::unsupported for a time zone levande has no rules for.
 */
LEVANDE_API std::string write(std::span<const Event> events, std::span<const Todo> todos,
                              const WriteOptions &options);

/**
 * @brief The EXDATEs and RDATEs that make a calendar client show a
 *        recurrence's business-day adjusted dates in [first, last].
 *
 * `first` = rule dates that adjustment moved or dropped (to take out),
 * `second` = adjusted dates the rule does not produce (to add).
 */
LEVANDE_API std::pair<std::vector<Date>, std::vector<Date>> business_day_exceptions(
    const Recurrence &recurrence, const Calendar &calendar, Adjustment how, Date first, Date last);

/** @brief The time zones write() can describe with a VTIMEZONE. */
LEVANDE_API std::vector<std::string> supported_time_zones();

/** @brief TEXT escaping of RFC 5545 §3.3.11: backslash, semicolon, comma, newline. */
LEVANDE_API std::string escape_text(std::string_view text);

/**
 * @brief One content line folded as RFC 5545 §3.1 asks: at most 75 octets per
 *        physical line, CRLF + space between them, never inside a UTF-8 sequence.
 *        The result ends with CRLF.
 */
LEVANDE_API std::string fold_line(std::string_view line);

}  // namespace levande::ical

#endif  // LEVANDE_IO_ICAL_HPP
