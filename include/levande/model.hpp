/**
 * @file levande/model.hpp
 * @brief The entities of a follow-up programme: people, teams, trainings and
 *        the records of the six steps.
 *
 * Entities are plain value types. Every entity of a "catalogue" kind has the
 * HR system's external string `id`; references to other entities are those
 * external ids (an empty string means "no reference" for optional ones).
 * High-volume records (measurements, check-ins, feedback responses, learning
 * activities) have no id of their own: check-ins are keyed by plan and
 * scheduled date, responses by session and person; measurements and
 * activities are append-only logs. A Workspace stores those column-wise.
 *
 * Field-level rules (ranges, date order, which references must exist) are
 * listed per field and enforced by Workspace on every write; see
 * docs/workspace.md for the full table.
 */
#ifndef LEVANDE_MODEL_HPP
#define LEVANDE_MODEL_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "levande/calendar.hpp"
#include "levande/date.hpp"
#include "levande/export.h"

namespace levande {

/**
 * @brief Every kind of entity a workspace holds. The values are stable (used
 *        by the C API and stored in databases); new kinds are only appended.
 */
enum class Kind : std::uint8_t {
  team = 0,               ///< Team (department hierarchy through `parent`).
  person = 1,             ///< Person.
  training = 2,           ///< Training.
  participation = 3,      ///< Person × training.
  action_plan = 4,        ///< Step 1: action plan.
  task = 5,               ///< Step 1: task of a plan.
  goal = 6,               ///< Step 1: measurable goal of a plan.
  measurement = 7,        ///< Step 1: a goal's value on a date (high volume).
  check_in = 8,           ///< Step 1: a plan's check-in (high volume).
  assignment = 9,         ///< Step 2: on-the-job assignment.
  ambassador = 10,        ///< Step 3: training ambassador.
  peer_group = 11,        ///< Step 3: peer group.
  peer_session = 12,      ///< Step 3: a peer group's session.
  feedback_session = 13,  ///< Step 4: feedback session.
  response = 14,          ///< Step 4: one person's answers (high volume).
  success = 15,           ///< Step 5: a success.
  competence_plan = 16,   ///< Step 6: a team's annual competence plan.
  initiative = 17,        ///< Step 6: an initiative of a competence plan.
  learning_slot = 18,     ///< Step 6: recurring learning time.
  activity = 19,          ///< Step 6: a learning activity (high volume).
  policy = 20,            ///< A follow-up policy (what to schedule after a training).
  absence = 21,           ///< A person's absence (vacation, leave) the scheduler avoids.
};

/** @brief Number of kinds; Kind values are 0 .. kind_count - 1. */
inline constexpr std::size_t kind_count = 22;

/** @brief The plural snake_case name of a kind, e.g. "check_ins"; the JSON key and table name. */
LEVANDE_API const char *kind_name(Kind kind) noexcept;

/**
 * @brief The kind with that name (plural as from kind_name(), or singular,
 *        e.g. "person").
 * @throws Error Errc::invalid_argument naming field "kind".
 */
LEVANDE_API Kind kind_from_name(std::string_view name);

/** @brief True for the column-stored, id-less kinds (measurement, check_in, response, activity). */
LEVANDE_API bool is_log_kind(Kind kind) noexcept;

/** @brief Whether a value should go up or down. */
enum class Direction : std::uint8_t {
  increase = 0,  ///< Higher is better.
  decrease = 1,  ///< Lower is better (lead time, incidents).
};

/** @brief Status of an action plan. */
enum class PlanStatus : std::uint8_t {
  open = 0,       ///< In progress.
  done = 1,       ///< Completed.
  cancelled = 2,  ///< Abandoned.
};

/** @brief State of a check-in. */
enum class CheckInStatus : std::uint8_t {
  scheduled = 0,  ///< Not yet due or not yet recorded.
  held = 1,       ///< Took place on `held`.
  missed = 2,     ///< Did not take place.
};

/** @brief How far the training was applied, as told at a check-in. */
enum class Outcome : std::uint8_t {
  none = 0,         ///< Not recorded.
  applied = 1,      ///< Applied.
  partly = 2,       ///< Partly applied.
  not_applied = 3,  ///< Not applied.
};

/** @brief Role in an on-the-job assignment. */
enum class Role : std::uint8_t {
  member = 0,  ///< Takes part.
  lead = 1,    ///< Leads.
};

/** @brief Status of an on-the-job assignment. */
enum class AssignmentStatus : std::uint8_t {
  planned = 0,    ///< Not started.
  active = 1,     ///< Running.
  completed = 2,  ///< Finished.
  cancelled = 3,  ///< Abandoned.
};

/** @brief Whether participants get a plan of their own (Policy::personal_plans). */
enum class PersonalPlans : std::uint8_t {
  always = 0,            ///< Every participant gets a personal plan.
  unless_team_plan = 1,  ///< Not those covered by an open team plan for the same training.
  never = 2,             ///< No personal plans are generated (a user's own are still followed).
};

/** @brief How long check-ins run when a plan has no end date (Policy::check_ins_until). */
enum class CheckInsUntil : std::uint8_t {
  goal_deadline = 0,  ///< Until the plan's last goal deadline; without goals, check_in_weeks.
  weeks = 1,          ///< check_in_weeks after the plan is agreed.
};

/** @brief Size of a success. */
enum class Scale : std::uint8_t {
  small = 0,  ///< Everyday win.
  large = 1,  ///< Milestone.
};

/** @brief The 70-20-10 category of a learning activity. */
enum class LearningKind : std::uint8_t {
  formal = 0,      ///< Courses, e-learning (the 10).
  social = 1,      ///< Mentoring, peers, lunch lectures (the 20).
  on_the_job = 2,  ///< Learning by doing (the 70).
};

/** @brief A team; teams form a hierarchy (departments) through `parent`. */
struct Team {
  std::string id;                                 ///< External id; required, unique.
  std::string name;                               ///< Display name; required.
  std::string parent;                             ///< Parent team id, or empty. Cycles are refused.
  bool operator==(const Team &) const = default;  ///< Field-wise equality.
};

/** @brief A person from the HR system. */
struct Person {
  std::string id;        ///< External id (employee number); required, unique.
  std::string name;      ///< Full name; required.
  std::string email;     ///< E-mail address, or empty; must contain one '@' when given.
  std::string team;      ///< Team id, or empty.
  std::string manager;   ///< Manager's person id, or empty. Cycles are refused.
  std::string calendar;  ///< Business-calendar code, e.g. "SE"; empty means the workspace default.
  bool operator==(const Person &) const = default;  ///< Field-wise equality.
};

/** @brief A training (course, certification, workshop). */
struct Training {
  std::string id;                   ///< External id; required, unique.
  std::string title;                ///< Required.
  std::vector<std::string> skills;  ///< Skills it teaches; each non-empty, no duplicates.
  std::string kind;        ///< Training kind (selects the follow-up policy), e.g. "devops".
  std::string provider;    ///< Provider, or empty.
  Date start;              ///< First day; required.
  Date end;                ///< Last day; on or after start.
  double cost = 0;         ///< Total cost in the workspace currency; >= 0.
  bool cancelled = false;  ///< Cancelled trainings keep their history but get no new events.
  bool operator==(const Training &) const = default;  ///< Field-wise equality.
};

/** @brief A person's participation in a training, with assessment results. */
struct Participation {
  std::string id;        ///< Unique id; when empty on input it becomes "<person>@<training>".
  std::string person;    ///< Person id; required.
  std::string training;  ///< Training id; required.
  std::optional<Date> completed;     ///< Completion date; not before the training's start.
  std::optional<double> pre_score;   ///< Pre-assessment score, 0–100.
  std::optional<double> post_score;  ///< Post-assessment score, 0–100.
  std::optional<double> reaction;    ///< Reaction (Kirkpatrick L1), 1–5.
  bool operator==(const Participation &) const = default;  ///< Field-wise equality.
};

/**
 * @brief Step 1: an action plan, owned by exactly one person or one team.
 *
 * Two dates a manager tells apart: when the plan is agreed (written down
 * and accepted: `agreed_by`) and how long its follow-up runs (`ends`).
 * Check-ins run after the first until the second (docs/schedule.md).
 * A plan a team owns covers the team's people, with its sub-teams, who
 * took part in its training (docs/metrics.md, "Who a record covers").
 */
struct ActionPlan {
  std::string id;                        ///< External id; required, unique.
  std::string title;                     ///< Required.
  std::string person;                    ///< Owning person id; exactly one of person/team is set.
  std::string team;                      ///< Owning team id; exactly one of person/team is set.
  std::string training;                  ///< Training it follows up, or empty.
  Date created;                          ///< Creation date; required.
  Date agreed_by;                        ///< When the plan is to be agreed; on or after created.
  PlanStatus status = PlanStatus::open;  ///< Status.
  /**
   * @brief Last day of the plan's follow-up (check-ins run until then), on or
   *        after agreed_by; none lets the policy decide (Policy::check_ins_until).
   */
  std::optional<Date> ends;
  bool operator==(const ActionPlan &) const = default;  ///< Field-wise equality.
};

/** @brief Step 1: a task of an action plan: where the knowledge applies. */
struct Task {
  std::string id;            ///< External id; required, unique.
  std::string plan;          ///< Action plan id; required.
  std::string title;         ///< Required.
  std::string applies_to;    ///< Where the knowledge applies (system, process), or empty.
  Date due;                  ///< Due date; required.
  std::optional<Date> done;  ///< Completion date, or none while open.
  bool operator==(const Task &) const = default;  ///< Field-wise equality.
};

/** @brief Step 1: a measurable goal, e.g. "release lead time −15 % in three months". */
struct Goal {
  std::string id;       ///< External id; required, unique.
  std::string plan;     ///< Action plan id; required.
  std::string metric;   ///< What is measured; required.
  std::string unit;     ///< Unit of the metric, e.g. "hours"; may be empty.
  double baseline = 0;  ///< Value before the training; finite.
  double target =
      1;  ///< Value to reach; finite, not equal to baseline, on the side `direction` says.
  Direction direction =
      Direction::increase;               ///< Whether the target is above or below the baseline.
  Date deadline;                         ///< When the target should be reached; required.
  std::optional<double> value_per_unit;  ///< Money per unit of improvement (Phillips ROI); >= 0.
  bool operator==(const Goal &) const = default;  ///< Field-wise equality.
};

/** @brief Step 1: a goal's measured value on a date (log; duplicates allowed). */
struct Measurement {
  std::string goal;                                      ///< Goal id; required.
  Date date;                                             ///< Date of the measurement.
  double value = 0;                                      ///< Measured value; finite.
  bool operator==(const Measurement &) const = default;  ///< Field-wise equality.
};

/** @brief Step 1: a check-in of a plan, keyed by (plan, scheduled). */
struct CheckIn {
  std::string plan;                                 ///< Action plan id; required.
  Date scheduled;                                   ///< Date it is scheduled for.
  CheckInStatus status = CheckInStatus::scheduled;  ///< State.
  std::optional<Date>
      held;  ///< Date held; set exactly when status is held, not before the plan's creation.
  Outcome outcome = Outcome::none;  ///< Application outcome; only for held check-ins.
  std::string note;                 ///< Free text, or empty.
  bool operator==(const CheckIn &) const = default;  ///< Field-wise equality.
};

/** @brief Step 2: an on-the-job assignment of a person or a team. */
struct Assignment {
  std::string id;            ///< External id; required, unique.
  std::string person;        ///< Person id; exactly one of person/team is set.
  std::string team;          ///< Team id; exactly one of person/team is set.
  std::string skill;         ///< Skill applied; at least one of skill/training is set.
  std::string training;      ///< Training applied, or empty.
  std::string project;       ///< Project or pilot; required.
  Role role = Role::member;  ///< Role.
  Date start;                ///< Start date; required.
  std::optional<Date> end;   ///< End date; on or after start.
  AssignmentStatus status = AssignmentStatus::planned;  ///< Status.
  std::string outcome;                                  ///< Outcome in words, or empty.
  bool operator==(const Assignment &) const = default;  ///< Field-wise equality.
};

/** @brief Step 3: a person who champions a training or a skill. */
struct Ambassador {
  std::string id;  ///< Unique id; when empty on input it becomes "<person>@<training or skill>".
  std::string person;    ///< Person id; required.
  std::string training;  ///< Training id; at least one of training/skill is set.
  std::string skill;     ///< Skill; at least one of training/skill is set.
  bool operator==(const Ambassador &) const = default;  ///< Field-wise equality.
};

/** @brief Step 3: a pair or small group learning together. */
struct PeerGroup {
  std::string id;                    ///< External id; required, unique.
  std::string training;              ///< Training id, or empty.
  std::vector<std::string> members;  ///< Person ids; at least 2, no duplicates.
  std::vector<std::string> mentors;  ///< Experienced colleagues (person ids), not also members.
  bool operator==(const PeerGroup &) const = default;  ///< Field-wise equality.
};

/**
 * @brief Step 3: a session of a peer group, or an ambassador's session with
 * their team.
 *
 * Exactly one of group/ambassador is set. The scheduler writes both kinds:
 * `<group>/<date>` for a group's sessions and `<ambassador>/<date>` for the
 * share-insights session an ambassador holds with their team
 * (Policy::ambassador_session_weeks). Attendees are recorded on the session;
 * they count towards step 3 and the ambassador's reach.
 */
struct PeerSession {
  std::string id;                      ///< External id; required, unique.
  std::string group;                   ///< Peer group id; exactly one of group/ambassador.
  std::string ambassador;              ///< Ambassador id; exactly one of group/ambassador.
  Date date;                           ///< Date; required.
  std::vector<std::string> attendees;  ///< Person ids present; no duplicates.
  bool operator==(const PeerSession &) const = default;  ///< Field-wise equality.
};

/**
 * @brief Step 4: a feedback session about a training or for a team.
 *
 * It invites the training's participants, the team's people (with its
 * sub-teams), or with both the participants in the team; a response from
 * anyone else is refused unless the session is `open_to_all`.
 */
struct FeedbackSession {
  std::string id;        ///< External id; required, unique.
  std::string training;  ///< Training id; at least one of training/team is set.
  std::string team;      ///< Team id; at least one of training/team is set.
  Date date;             ///< Date; required.
  /** @brief The questions; empty on input means the three default questions in
   *         the workspace's language (Settings::language). */
  std::vector<std::string> questions;
  bool open_to_all = false;  ///< Takes responses from anyone, not only those it invites.
  bool operator==(const FeedbackSession &) const = default;  ///< Field-wise equality.
};

/**
 * @brief Settings of a workspace, stored with it (docs/i18n.md).
 *
 * Changed through Workspace::set_settings() (or a document's `settings`),
 * in one transaction like a batch.
 */
struct Settings {
  /** @brief The language of texts written from this workspace when a call names
   *         none (reports, feeds, calendar texts), and of the three feedback
   *         questions a session gets when it names none: "en" or another of
   *         languages(). */
  std::string language = "en";
  /** @brief The ISO 4217 code of every amount of money in the workspace (a goal's
   *         value_per_unit, costs and budgets, ROI), shown on every money figure. */
  std::string currency = "SEK";
  bool operator==(const Settings &) const = default;  ///< Field-wise equality.
};

/** @brief The three transfer questions asked when a session names none, in English. */
LEVANDE_API const std::vector<std::string> &default_feedback_questions();
/**
 * @brief The three transfer questions in a language ("sv", "en"; see languages()
 *        in levande/language.hpp).
 *        A session added to a workspace without questions gets them in the
 *        workspace's language (Settings::language).
 * @throws Error Errc::invalid_argument naming `language` when levande does not write it.
 */
LEVANDE_API std::vector<std::string> default_feedback_questions(std::string_view language);

/** @brief Step 4: one person's response to a session, keyed by (session, person). */
struct Response {
  std::string session;      ///< Feedback session id; required.
  std::string person;       ///< Person id; required.
  std::int32_t impact = 0;  ///< Impact on daily work, 1–5.
  std::vector<std::string>
      answers;  ///< One answer per question (may be empty strings); at most as many as questions.
  std::string support_needed;  ///< Support or resources asked for; empty when none.
  bool operator==(const Response &) const = default;  ///< Field-wise equality.
};

/** @brief Step 5: a success worth celebrating. */
struct Success {
  std::string id;                  ///< External id; required, unique.
  Date date;                       ///< When it happened; required.
  std::string title;               ///< Required.
  std::string kind;                ///< Kind, e.g. "goal_achieved", "milestone", "kpi"; free text.
  Scale scale = Scale::small;      ///< Small or large.
  std::string goal;                ///< Linked goal id, or empty.
  std::string team;                ///< Linked team id, or empty.
  std::string person;              ///< Linked person id, or empty.
  std::optional<Date> celebrated;  ///< When it was celebrated; not before `date`.
  std::string celebrated_where;    ///< Where (team meeting, newsletter), or empty.
  bool operator==(const Success &) const = default;  ///< Field-wise equality.
};

/** @brief Step 6: a team's annual competence plan. */
struct CompetencePlan {
  std::string id;                                           ///< External id; required, unique.
  std::string team;                                         ///< Team id; required.
  std::int32_t year = 0;                                    ///< Calendar year, 1400–9999.
  bool operator==(const CompetencePlan &) const = default;  ///< Field-wise equality.
};

/** @brief Step 6: an initiative of a competence plan. */
struct Initiative {
  std::string id;                                       ///< External id; required, unique.
  std::string plan;                                     ///< Competence plan id; required.
  std::int32_t quarter = 1;                             ///< Quarter, 1–4.
  std::string skill;                                    ///< Skill; required.
  double hours = 0;                                     ///< Hour budget; >= 0.
  std::string goal;                                     ///< Linked goal id, or empty.
  bool operator==(const Initiative &) const = default;  ///< Field-wise equality.
};

/** @brief Step 6: recurring learning time of a team (lunch lectures, course time). */
struct LearningSlot {
  std::string id;                                         ///< External id; required, unique.
  std::string team;                                       ///< Team id; required.
  std::string rule;                                       ///< RFC 5545 RRULE value; must parse.
  Date start;                                             ///< DTSTART of the rule; required.
  double hours = 1;                                       ///< Hours per occurrence; > 0.
  LearningKind kind = LearningKind::formal;               ///< 70-20-10 category.
  std::string title;                                      ///< Title, or empty.
  bool operator==(const LearningSlot &) const = default;  ///< Field-wise equality.
};

/** @brief Step 6: one learning activity of a person (log; duplicates allowed). */
struct Activity {
  std::string person;                                 ///< Person id; required.
  Date date;                                          ///< Date; required.
  double hours = 0;                                   ///< Hours; > 0 and at most 24.
  LearningKind kind = LearningKind::formal;           ///< 70-20-10 category.
  bool self_initiated = false;                        ///< Started by the person, not assigned.
  bool operator==(const Activity &) const = default;  ///< Field-wise equality.
};

/**
 * @brief What the scheduler plans after a training, per step (DESIGN §1).
 *
 * A policy applies to the trainings whose `kind` equals `training_kind`; the
 * policy with an empty training_kind is the default for all others.
 * default_policy() encodes the process as designed.
 */
struct Policy {
  std::string id;             ///< External id; required, unique.
  std::string training_kind;  ///< Training kind it applies to; empty = the default policy. Unique.
  /** @brief Step 1: action plan due this many business days after the training's end; >= 0. */
  std::int32_t plan_due_business_days = 5;
  std::string check_in_rule = "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU";  ///< Step 1: check-ins (RRULE).
  /** @brief Step 1: how long check-ins run after the plan is agreed (see check_ins_until); > 0. */
  std::int32_t check_in_weeks = 12;
  std::int32_t assignment_review_days =
      30;  ///< Step 2: review of an assignment after its start; > 0.
  std::string peer_session_rule = "FREQ=MONTHLY;BYDAY=2TH";  ///< Step 3: peer sessions (RRULE).
  std::int32_t peer_session_weeks = 12;  ///< Step 3: how long peer sessions run; > 0.
  /**
   * @brief Step 3: the training's ambassador shares insights with their team
   *        (with sub-teams) this many weeks after the training's end; 0 for
   *        none, at most 52.
   */
  std::int32_t ambassador_session_weeks = 4;
  /** @brief Step 4: feedback sessions this many days after the training; each > 0, increasing. */
  std::vector<std::int32_t> feedback_offsets_days{30, 60, 90};
  bool celebrate_at_plan_end = true;  ///< Step 5: a celebration review when the check-ins end.
  double retention_target =
      0.85;  ///< Reinforcement where predicted retention falls to this; 0.5–0.99.
  std::int32_t max_interval_days = 180;         ///< Longest gap between reinforcements; >= 1.
  Roll roll = Roll::following;                  ///< How a date off the person's calendar moves.
  std::int32_t max_events_per_week = 2;         ///< Follow-up events per person per ISO week; >= 1.
  std::int32_t max_events_per_manager_day = 0;  ///< Per manager per day; 0 = no limit.
  std::int32_t tolerance_days = 10;             ///< How far levelling may move an event; >= 0.
  /**
   * @brief How long the follow-up of one training runs, in days after its
   *        end; 30–3650. Every step must fit inside it.
   */
  std::int32_t horizon_days = 365;
  /**
   * @brief Step 6: month (1–12) of the annual competence-plan review, held on
   *        the first business day of that month in the plan's year.
   */
  std::int32_t competence_review_month = 11;
  /**
   * @brief Step 1: whether participants get a generated personal plan. The
   *        default leaves out those an open team plan of the training covers.
   */
  PersonalPlans personal_plans = PersonalPlans::unless_team_plan;
  /** @brief Step 1: when the check-ins of a plan without an end date stop. */
  CheckInsUntil check_ins_until = CheckInsUntil::goal_deadline;
  bool operator==(const Policy &) const = default;  ///< Field-wise equality.
};

/** @brief A person's absence (vacation, parental or sick leave): no follow-up is placed in it. */
struct Absence {
  std::string id;      ///< External id; required, unique.
  std::string person;  ///< Person id; required. Removing the person removes the absence.
  Date first;          ///< First day away; required.
  Date last;           ///< Last day away; on or after first.
  std::string reason;  ///< Free text (e.g. "vacation"), or empty.
  bool operator==(const Absence &) const = default;  ///< Field-wise equality.
};

/**
 * @brief Size limits every write and every load enforces, so that a hostile
 * document or file costs bounded time and memory (docs/reliability.md).
 * Each is refused with an error naming the field and the size.
 */
namespace limits {
inline constexpr std::size_t id_bytes = 256;          ///< An id or a reference, in UTF-8 bytes.
inline constexpr std::size_t text_bytes = 64 * 1024;  ///< Any other text field, in bytes.
inline constexpr std::size_t list_items = 100'000;    ///< Elements of a list field.
inline constexpr std::size_t hierarchy_depth =
    100;  ///< Teams above a team; managers above a person.
inline constexpr std::size_t document_bytes = std::size_t{1} << 30;  ///< A JSON document (1 GiB).
}  // namespace limits

/** @brief The default policy of the six-step process (id "default", every training kind). */
LEVANDE_API Policy default_policy();

/** @brief The name of an enum value as used in JSON, CSV and Python, e.g. "not_applied". */
LEVANDE_API const char *to_string(Direction value) noexcept;
/** @brief The name of a PlanStatus value as used in JSON, CSV and Python. */
LEVANDE_API const char *to_string(PlanStatus value) noexcept;
/** @brief The name of a CheckInStatus value as used in JSON, CSV and Python. */
LEVANDE_API const char *to_string(CheckInStatus value) noexcept;
/** @brief The name of a Outcome value as used in JSON, CSV and Python. */
LEVANDE_API const char *to_string(Outcome value) noexcept;
/** @brief The name of a Role value as used in JSON, CSV and Python. */
LEVANDE_API const char *to_string(Role value) noexcept;
/** @brief The name of a AssignmentStatus value as used in JSON, CSV and Python. */
LEVANDE_API const char *to_string(AssignmentStatus value) noexcept;
/** @brief The name of a Scale value as used in JSON, CSV and Python. */
LEVANDE_API const char *to_string(Scale value) noexcept;
/** @brief The name of a LearningKind value as used in JSON, CSV and Python. */
LEVANDE_API const char *to_string(LearningKind value) noexcept;
/** @brief The name of a Roll value as used in JSON, CSV and Python ("modified_following"). */
LEVANDE_API const char *to_string(Roll value) noexcept;
/** @brief The name of a PersonalPlans value as used in JSON, CSV and Python ("unless_team_plan").
 */
LEVANDE_API const char *to_string(PersonalPlans value) noexcept;
/** @brief The name of a CheckInsUntil value as used in JSON, CSV and Python ("goal_deadline"). */
LEVANDE_API const char *to_string(CheckInsUntil value) noexcept;

/** @brief An enum of the APIs and the names of its values. */
struct EnumInfo {
  const char *type;                 ///< The enum, e.g. "goal_status" (static storage).
  std::vector<const char *> names;  ///< names[code]: the name of each value (static storage).
};

/**
 * @brief Every enum whose values cross the APIs by name (the model's enums,
 *        GoalStatus, EventKind), for bindings and tools that must not keep
 *        their own copies of the names. The same names to_string() gives.
 */
LEVANDE_API const std::vector<EnumInfo> &enum_names();

}  // namespace levande

#endif  // LEVANDE_MODEL_HPP
