/**
 * @file levande/schedule.hpp
 * @brief The follow-up scheduler: from trainings, participants and policies to
 *        a dated, levelled programme of the six steps.
 *
 * plan_follow_up() is a pure function of a workspace and a horizon: it
 * computes every follow-up event from `as_of` to `until`, places each on a
 * business day of the person's own calendar (country code, company closures,
 * personal absences), levels the load per person and per manager, and lists
 * the record changes (action plans, tasks, check-ins, feedback and peer
 * sessions) that bring the workspace in line. apply_schedule() writes those
 * changes as one all-or-nothing transaction; generate_follow_up() does both.
 * Running it again on the result changes nothing.
 *
 * What is history stays: no record dated before `as_of` is created, moved or
 * removed, and held or missed check-ins, sessions with responses or
 * attendees, and done tasks are never touched. Future records the scheduler
 * owns (scheduled check-ins of the plans it follows, the sessions and tasks
 * it named) follow the policy: a changed policy moves them, a cancelled
 * training removes them. docs/schedule.md has the full rules.
 */
#ifndef LEVANDE_SCHEDULE_HPP
#define LEVANDE_SCHEDULE_HPP

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "levande/calendar.hpp"
#include "levande/date.hpp"
#include "levande/export.h"
#include "levande/model.hpp"
#include "levande/table.hpp"
#include "levande/workspace.hpp"

namespace levande {

/** @brief What a scheduled event is. Values are stable (C API, stored tables). */
enum class EventKind : std::uint8_t {
  plan_due = 0,            ///< Step 1: the action plan is agreed with the manager.
  check_in = 1,            ///< Step 1: a check-in of the action plan.
  reinforcement = 2,       ///< Step 1: an extra check-in where predicted retention falls to target.
  assignment_review = 3,   ///< Step 2: review of on-the-job application.
  peer_session = 4,        ///< Step 3: a peer group meets.
  feedback_session = 5,    ///< Step 4: a feedback session of the training's participants.
  celebration_review = 6,  ///< Step 5: look for successes (goal deadline, plan end).
  learning_slot = 7,       ///< Step 6: recurring learning time of a team.
  competence_review = 8,   ///< Step 6: annual review of a team's competence plan.
  ambassador_session = 9,  ///< Step 3: the ambassador shares insights with their team.
};

/** @brief Number of event kinds. */
inline constexpr std::size_t event_kind_count = 10;

/** @brief The snake_case name of an event kind, e.g. "feedback_session". */
LEVANDE_API const char *to_string(EventKind kind) noexcept;

/** @brief The step of the six-step process (1–6) an event kind belongs to. */
LEVANDE_API std::int32_t step_of(EventKind kind) noexcept;

/** @brief Bits of EventTable::flags. */
enum EventFlag : std::uint8_t {
  event_rolled = 1,    ///< The nominal date was not a business day of the person and was rolled.
  event_levelled = 2,  ///< Load levelling moved it (after any roll).
  event_held = 4,      ///< Its record is already held (check-in held or missed); kept as is.
  event_shared = 8,    ///< One date for all attendees (sessions, slots, reviews of a team).
};

/** @brief "No entity": a dense index that refers to nothing. */
inline constexpr std::uint32_t no_index = UINT32_MAX;

/**
 * @brief What made a group of events: one rule or offset of a policy applied
 *        to one record. A person's check-ins of one plan are one series.
 */
struct EventSeries {
  EventKind kind = EventKind::check_in;  ///< What the events are.
  Kind record_kind = Kind::action_plan;  ///< Kind of the record the events belong to.
  std::string record;                    ///< That record's id (plan, session, goal, slot...).
  std::uint32_t training = no_index;     ///< Dense training index, or no_index.
  std::uint32_t policy = no_index;       ///< Dense policy index, or no_index for the built-in one.
  std::uint32_t rule = no_index;         ///< Index into EventTable::rules for recurring series.
  Date rule_start;  ///< DTSTART of the rule (its first occurrence); recurring series only.
  Date rule_until;  ///< Last nominal date the policy allows; recurring series only.
  bool operator==(const EventSeries &) const = default;  ///< Field-wise equality.
};

/**
 * @brief The flat event table, column-wise: one row per person and event,
 *        sorted by (date, person, event kind, series).
 */
struct EventTable {
  std::vector<Date> date;             ///< Final date: rolled and levelled.
  std::vector<Date> nominal;          ///< What the rule or offset gave, before roll and levelling.
  std::vector<std::uint32_t> person;  ///< Dense person index (Workspace::id_at(Kind::person, i)).
  std::vector<std::uint32_t> series;  ///< Index into `series_list`.
  std::vector<std::uint8_t> flags;    ///< EventFlag bits.
  std::vector<EventSeries> series_list;  ///< The series rows refer to.
  std::vector<std::string> rules;        ///< RRULE texts the series refer to.
  /** @brief Number of rows. */
  std::size_t size() const noexcept { return date.size(); }
};

/** @brief Stable key of a series, the base of its iCalendar UIDs, e.g. "check_in/ap17". */
LEVANDE_API std::string series_key(const EventSeries &series);

/** @brief Human title of a series, e.g. "Check-in: Cloud security". */
LEVANDE_API std::string series_title(const Workspace &workspace, const EventSeries &series);

/**
 * @brief The event table (all rows, or @p rows in that order) as a Table for
 *        pandas and Arrow: `date`, `nominal` (dates), `person` (dictionary of
 *        person ids), `step` (uint8, 1–6), `kind`, `title`, `record_kind`,
 *        `record`, `training`, `rule` (dictionaries; null where the series
 *        has none) and the flags `rolled`, `levelled`, `held`, `shared`
 *        (uint8 0/1). Text is coded once per series, not per row.
 * @param workspace the workspace the schedule was planned on (for ids and titles)
 * @throws Error Errc::out_of_range naming `rows` for a row past the table;
 *         Errc::invalid_argument naming `events` when the table refers to
 *         people or series the workspace lacks.
 */
LEVANDE_API Table event_table(const Workspace &workspace, const EventTable &events,
                              std::optional<std::span<const std::uint32_t>> rows = std::nullopt);

/** @brief An event the scheduler could not place; never dropped silently. */
struct Unplaced {
  std::uint32_t series = 0;  ///< Index into EventTable::series_list.
  std::uint32_t person = 0;  ///< Dense person index.
  Date nominal;              ///< Date the rule or offset gave.
  std::string reason;        ///< Why, naming the limit or absence, e.g. "week 2026-W25 is full".
  bool operator==(const Unplaced &) const = default;  ///< Field-wise equality.
};

/**
 * @brief Check-in keys the schedule adds or removes, column-wise: check-in i
 *        is (plan_ids[plan[i]], scheduled[i]), sorted by plan then date.
 */
struct CheckInChanges {
  std::vector<std::string> plan_ids;  ///< The plans the check-ins belong to, each once.
  std::vector<std::uint32_t> plan;    ///< Index into plan_ids per check-in.
  std::vector<Date> scheduled;        ///< Scheduled date (the key with the plan).
  /** @brief Number of check-ins. */
  std::size_t size() const noexcept { return plan.size(); }
};

/** @brief The record changes that bring the workspace in line with a schedule. */
struct ScheduleChanges {
  /** @brief Action plans, tasks and feedback and peer sessions to add, update or remove. */
  Batch records;
  CheckInChanges add_check_ins;     ///< Scheduled check-ins to add.
  CheckInChanges remove_check_ins;  ///< Future scheduled check-ins the policy no longer has.
  /**
   * @brief The state of the workspace the changes were planned on (it
   *        changes with every write); apply_schedule() refuses another. 0
   *        for changes built by hand, which are applied without this check.
   */
  std::uint64_t generation = 0;
  /** @brief True when there is nothing to write. */
  bool empty() const noexcept {
    return records.empty() && add_check_ins.size() == 0 && remove_check_ins.size() == 0;
  }
};

/** @brief A computed follow-up programme. */
struct Schedule {
  EventTable events;               ///< Every event in [as_of, until] within the scope.
  std::vector<Unplaced> unplaced;  ///< Events that fit nowhere within the tolerance.
  ScheduleChanges changes;         ///< What apply_schedule() writes.
};

/** @brief Inputs of plan_follow_up(). */
struct ScheduleOptions {
  Date as_of;   ///< First day of the horizon; nothing before it is created, moved or removed.
  Date until;   ///< Last day of the horizon; on or after as_of, at most 3660 days later.
  Scope scope;  ///< The whole workspace, one training, or one team (and its sub-teams).
  /**
   * @brief Business calendars by code (Person::calendar), e.g. with company
   *        closures added. Codes not given here come from calendar_for_code().
   */
  std::map<std::string, Calendar, std::less<>> calendars;
  std::string default_calendar = "SE";  ///< Code for people whose calendar is empty.
};

/**
 * @brief The built-in calendar of a code: "SE" (Sweden, de-facto: Midsommarafton,
 *        Julafton and Nyårsafton off), "SE-statutory" (Sweden, public holidays
 *        only), "weekends" (Saturday and Sunday only).
 * @throws Error Errc::not_found naming field "calendar" for an unknown code.
 */
LEVANDE_API Calendar calendar_for_code(std::string_view code);

/**
 * @brief Computes the follow-up programme of the workspace over [as_of, until].
 *
 * Levelling always looks at the whole workspace, so a scoped run places the
 * events of its scope exactly where a whole-workspace run would; the scope
 * only limits the returned events and changes. Pure: the workspace is not
 * changed. Thread-safe with other const calls on the workspace.
 * @throws Error Errc::invalid_argument naming `as_of`/`until` for a bad
 *         horizon, Errc::not_found for an unknown scope id or calendar code
 *         (naming the person), and the policy's field for a policy the
 *         workspace would refuse.
 */
LEVANDE_API Schedule plan_follow_up(const Workspace &workspace, const ScheduleOptions &options);

/**
 * @brief Writes the changes of a schedule as one transaction: all or nothing.
 * @throws Error Errc::constraint naming `schedule` when the workspace was
 *         written to after the schedule was planned (plan again: the changes
 *         were worked out from what it held then); otherwise as
 *         Workspace::apply(). The workspace is then unchanged.
 */
LEVANDE_API void apply_schedule(Workspace &workspace, const ScheduleChanges &changes);

/** @brief plan_follow_up() followed by apply_schedule(); returns the schedule. */
LEVANDE_API Schedule generate_follow_up(Workspace &workspace, const ScheduleOptions &options);

/** @brief Whose agenda agenda() selects. */
enum class AgendaOf : std::uint8_t {
  person = 0,   ///< One person's events.
  team = 1,     ///< Events of the people of a team and its sub-teams.
  manager = 2,  ///< A manager's own events and those of their direct reports.
};

/**
 * @brief Rows of @p events dated in [from, to] for a person, a team or a
 *        manager, in table order (by date).
 * @throws Error Errc::not_found naming `id` when the person or team is unknown;
 *         Errc::invalid_argument when to < from.
 */
LEVANDE_API std::vector<std::uint32_t> agenda(const Workspace &workspace, const EventTable &events,
                                              AgendaOf of, std::string_view id, Date from, Date to);

/** @brief Something due before a date and not done. */
struct OverdueItem {
  Kind kind = Kind::check_in;     ///< check_in, task or action_plan.
  std::string record;             ///< Plan id (check-ins, plans) or task id.
  std::string person;             ///< Person id of the owner, or empty for a team's record.
  std::string team;               ///< Team id of the owner when a team owns it.
  Date due;                       ///< The date it was due.
  std::int32_t days_overdue = 0;  ///< as_of − due, > 0.
  std::string title;              ///< Title of the plan or task.
  bool operator==(const OverdueItem &) const = default;  ///< Field-wise equality.
};

/**
 * @brief What is overdue as of a date: check-ins still scheduled before it,
 *        open tasks due before it, and open action plans past their due date
 *        that have neither a goal nor a task. Sorted by due date, then record.
 */
LEVANDE_API std::vector<OverdueItem> overdue(const Workspace &workspace, Date as_of);

/**
 * @brief Step 6: records that an occurrence of a learning slot took place.
 *
 * Each attendee gets a learning activity of the slot's hours and kind, not
 * self-initiated, dated the day it was held: @p occurrence, or @p held when
 * it was moved (a holiday, a clash). One batch: all or nothing. Attendees
 * outside the slot's team are welcome (guests at a lunch lecture).
 * @param slot the learning slot's id
 * @param occurrence a date of the slot's rule (from its start)
 * @param attendees person ids, each once
 * @param held the day it was held, when not @p occurrence
 * @return the activities added, in the order of @p attendees
 * @throws Error Errc::not_found naming `slot` or `attendees[i]`;
 *         Errc::invalid_argument naming `occurrence` when the rule has no
 *         occurrence that day (the message names the nearest ones) or
 *         `attendees[i]` for a repeated person; Errc::already_exists naming
 *         `attendees[i]` when that person already has this activity that
 *         day (recording an occurrence twice adds nothing).
 */
LEVANDE_API std::vector<Activity> record_attendance(Workspace &workspace, std::string_view slot,
                                                    Date occurrence,
                                                    std::span<const std::string> attendees,
                                                    std::optional<Date> held = std::nullopt);

}  // namespace levande

#endif  // LEVANDE_SCHEDULE_HPP
