// The planner behind plan_follow_up() (docs/schedule.md). A run builds
// indexes of the workspace and resolves each training's policy
// (plan_indexes.cpp), makes the events of the six steps (plan_events.cpp),
// levels each person's load (levelling.hpp, a unit of its own), matches
// what it wants against the records that exist (plan_diff.cpp) and puts
// the rows in order (plan_emit.cpp); plan.cpp runs these in turn.
//
// Shape of a run: shared events (sessions, team check-ins, slots, reviews)
// first, per training and team; then person by person in workspace order,
// that person's own events from each training they follow, levelled at once
// against their shared events. No global sort of pending events is needed,
// and each person's data is touched in one place.
#ifndef LEVANDE_SRC_CORE_SCHEDULE_PLANNER_HPP
#define LEVANDE_SRC_CORE_SCHEDULE_PLANNER_HPP

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "levande/recurrence.hpp"
#include "levande/reinforcement.hpp"
#include "levande/schedule.hpp"
#include "schedule/days.hpp"
#include "schedule/levelling.hpp"
#include "support/csr.hpp"
#include "workspace/links.hpp"
#include "workspace/tables.hpp"

namespace levande::planning {

using detail::PersonDays;
using detail::week_of;

constexpr std::int32_t max_horizon_days = 3660;
constexpr std::string_view on_the_job_suffix = "/on-the-job";

using detail::Csr;  // items grouped by key (support/csr.hpp)

// One event of the person being levelled: what the planner does with it
// once placed. What levelling reads is its LevelEvent, at the same index.
struct Pending {
  Date nominal;
  std::uint32_t policy;
  std::uint32_t plan;  // plan slot for check-ins and plan due dates, else no_index
  std::uint32_t task;  // task slot for on-the-job reviews, else no_index
  EventKind kind;
  std::uint8_t flags;
};

// A shared event as one attendee sees it: a row of theirs and, when it
// counts, an anchor of their levelling.
struct Anchor {
  std::uint32_t person, series;
  Date day, nominal;
  std::uint8_t flags;
  bool counts;
};

// An event row before the rows are put in date order: 16 bytes, the date as
// days since as_of (the horizon is at most 3660 days).
struct Row {
  Date nominal;
  std::uint32_t person, series;
  std::uint16_t day;
  std::uint8_t flags;
};
static_assert(sizeof(Row) == 16);

// A plan the scheduler follows: an existing one or one it will create.
struct PlanSlot {
  std::uint32_t existing = no_index;       // dense index, or no_index for a new plan
  std::uint32_t person = no_index;         // owner (no_index for a team's plan)
  std::uint32_t training = no_index;       // dense training index
  std::uint32_t participation = no_index;  // the participation a new plan is named after
  Date agreed_by;          // when the plan is agreed (a generated plan's after levelling)
  bool generated = false;  // the scheduler owns its due date
  bool needed = false;     // some event of it is in the horizon (a new plan is written)
};

// The on-the-job task of a plan without an assignment.
struct TaskSlot {
  std::uint32_t plan;      // plan slot
  std::uint32_t existing;  // dense task index, or no_index
  Date due;
  bool placed = false;
};

struct SessionWant {
  std::uint32_t training;
  std::uint32_t existing;  // dense index of the session, or no_index
  bool is_peer;
  std::string id;
  std::string group;       // a peer group's sessions
  std::string ambassador;  // an ambassador's sessions
  Date date;
};

inline std::string iso(Date d) {
  return d.to_string();
}

// Text in one allocation: a reason is written for every event not placed.
template <class... Parts>
std::string concat(const Parts &...parts) {
  std::string out;
  out.reserve((std::string_view(parts).size() + ...));
  (out.append(parts), ...);
  return out;
}

class Planner {
 public:
  Planner(const Workspace &ws, const ScheduleOptions &o);

  Schedule run();

 private:
  // Policies ----------------------------------------------------------------
  void resolve_policies();
  const Policy &policy(std::uint32_t index) const {
    return index == no_index ? builtin_ : t_.policies.rows[index];
  }
  // Whether a training gets follow-up in this run: not cancelled, horizon not over.
  bool followed(std::uint32_t training) const {
    const auto &tr = t_.trainings.rows[training];
    return !tr.cancelled &&
           tr.end.days() + policy(policy_of_training_[training]).horizon_days >= o_.as_of.days();
  }

  // Building events ---------------------------------------------------------
  std::uint32_t add_series(EventKind kind, Kind record_kind, std::string record,
                           std::uint32_t training, std::uint32_t policy,
                           std::uint32_t rule = no_index, Date start = {}, Date until = {}) {
    table_.series_list.push_back(
        EventSeries{kind, record_kind, std::move(record), training, policy, rule, start, until});
    return static_cast<std::uint32_t>(table_.series_list.size() - 1);
  }
  // `owner` names the record the rule is stored in, for errors (a rule
  // stored by another program may not parse).
  template <class T>
  std::uint32_t rule_index(const std::string &text, const T &owner, const char *field);
  // Rule dates after `after` up to `last`, expanded once per (rule, after, last).
  const std::vector<Date> &occurrences(std::uint32_t rule, Date after, Date last);
  // Places a shared event on one date for all `people`; absent ones are reported.
  void shared_event(std::uint32_t series, std::span<const std::uint32_t> people, Date nominal,
                    Roll roll, bool counts, std::optional<Date> fixed_date, Date *placed);
  // An event of the current person (or, with `fixed`, one that stays on that date).
  void individual(std::uint32_t person, std::uint32_t series, Date nominal, Date earliest,
                  std::uint32_t policy, EventKind kind, std::uint32_t plan, std::uint32_t task,
                  std::optional<Date> fixed = std::nullopt);
  void row(Date date, Date nominal, std::uint32_t person, std::uint32_t series,
           std::uint8_t flags) {
    if (o_.scope.type != Scope::Type::all && !keep(person, series)) return;
    if (rows_.empty() || rows_.back().size() == rows_.back().capacity()) {
      rows_.emplace_back();
      rows_.back().reserve(std::size_t{1} << 18);
    }
    const auto day = static_cast<std::uint16_t>(date.days() - o_.as_of.days());
    rows_.back().push_back({nominal, person, series, day, flags});
    ++rows_on_[day];
  }

  // Indexes of the workspace the run reads (plan_indexes.cpp).
  void build_indexes();
  void shared_training_events(std::uint32_t training);
  void ambassador_sessions(std::uint32_t training);
  void follow_person(std::uint32_t person);
  // Reviews of the person's assignments for the training; whether they have one.
  bool follow_assignments(std::uint32_t training, std::uint32_t person);
  void follow_person_plan(std::uint32_t training, std::uint32_t person, std::uint32_t participation,
                          bool has_assignment);
  // When a plan's check-ins run (docs/schedule.md, "Plan dates"): after
  // `after` up to `last`, its end date or by the policy its last goal
  // deadline or check_in_weeks after it is agreed; after it is agreed, or
  // after its creation when it was agreed on or after its end. `existing`
  // is a dense plan index, or no_index for a new plan.
  struct CheckInWindow {
    Date after, last;
  };
  CheckInWindow check_in_window(std::uint32_t existing, Date agreed_by, const Policy &p) const;
  // Whether a generated plan holds nothing a person entered: open, no
  // check-in held or missed, no goals, no task but its own open
  // on-the-job task (such a plan may be retired: plan_diff.cpp).
  bool unused(std::uint32_t plan);
  void follow_team_plan(std::uint32_t plan_index, std::uint32_t policy);
  void team_events();

  // Levelling and output ----------------------------------------------------
  // Places the current person's pending events (levelling.hpp) and turns
  // what became of each into rows, unplaced events and record changes.
  void level(std::uint32_t person);
  void diff_into(Schedule &out);
  bool change_in_scope(std::uint32_t training, std::uint32_t person) const;
  // Whether an event row (or an unplaced event) of a person and series is in the scope.
  bool keep(std::uint32_t person, std::uint32_t series) const {
    switch (o_.scope.type) {
      case Scope::Type::all:
        return true;
      case Scope::Type::training:
        return table_.series_list[series].training == scope_training_;
      case Scope::Type::team:
        return in_team_scope_[person] != 0;
    }
    return true;
  }
  const std::string &plan_id(const PlanSlot &ps);
  void emit(Schedule &out);

  const detail::Tables &t_;
  std::shared_ptr<const detail::Links> links_;  // dense references, shared with the metrics
  const ScheduleOptions &o_;
  PersonDays days_;
  Date count_from_;
  Policy builtin_ = default_policy();
  MemoryModel model_;

  std::vector<std::uint32_t> policy_of_training_;
  std::uint32_t default_policy_ = no_index;
  std::unordered_map<std::string, std::uint32_t> rule_ids_;
  std::vector<RecurrenceRule> parsed_rules_;
  std::map<std::tuple<std::uint32_t, std::int32_t, std::int32_t>, std::vector<Date>> expansions_;

  std::vector<std::uint32_t> person_of_participation_, training_of_participation_;
  Csr participations_by_training_, participations_by_person_, plans_by_person_, check_ins_by_plan_,
      goals_by_plan_, assignments_by_person_, groups_by_training_, ambassadors_by_training_,
      sessions_by_ambassador_, members_by_team_, anchors_by_person_;
  std::vector<std::uint32_t> on_the_job_task_of_plan_;
  Csr tasks_by_plan_;  // built by unused() when first needed
  // Per participation, 1 when an open team plan of its training covers it.
  std::vector<std::uint8_t> covered_by_team_plan_;
  // Generated personal plans the policy no longer wants and nobody used:
  // removed by the diff (dense indices).
  std::vector<std::uint32_t> retired_plans_;
  std::vector<std::uint8_t> session_has_responses_;
  std::vector<std::uint32_t> manager_of_;
  std::vector<std::uint8_t> in_team_scope_;
  std::vector<std::uint8_t> training_touches_team_;
  std::uint32_t scope_training_ = no_index;

  EventTable table_;
  // The rows in the order they were made (person by person), in chunks so
  // that growing never copies, and how many fall on each day of the horizon.
  std::vector<std::vector<Row>> rows_;
  std::vector<std::uint32_t> rows_on_;
  std::vector<Anchor> anchors_;
  std::vector<Pending> pending_;                  // the current person's events
  std::vector<detail::LevelEvent> level_events_;  // and what levelling reads of them
  detail::Leveller leveller_;
  // Scratch space of follow_person(), reused from person to person.
  std::vector<std::uint32_t> scratch_trainings_;
  std::vector<Date> scratch_dates_;
  std::vector<std::pair<Date, Rating>> scratch_history_;
  std::vector<Unplaced> unplaced_;
  std::vector<PlanSlot> plans_;
  // The check-ins the plans should have in the horizon: (plan slot, day).
  std::vector<std::pair<std::uint32_t, Date>> desired_;
  std::vector<std::string> new_plan_ids_;  // per plan slot, filled on demand
  std::vector<std::uint32_t> plan_slot_of_existing_;
  std::vector<TaskSlot> tasks_;
  std::vector<SessionWant> sessions_;
  std::vector<std::uint8_t> feedback_wanted_, peer_wanted_;
};

// Refuses a horizon or scope plan_follow_up() cannot serve.
void check_options(const Workspace &ws, const ScheduleOptions &o);

}  // namespace levande::planning

#endif
