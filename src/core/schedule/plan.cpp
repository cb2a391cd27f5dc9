// plan_follow_up(): events of the six steps from the policies, rolled onto
// each person's days, levelled, and diffed against the records that exist.
//
// Shape of a run: shared events (sessions, team check-ins, slots, reviews)
// first, per training and team; then person by person in workspace order,
// that person's own events from each training they follow, levelled at once
// against their shared events. No global sort of pending events is needed,
// and each person's data is touched in one place.
#include <algorithm>
#include <bit>
#include <map>
#include <numeric>
#include <tuple>
#include <unordered_map>

#include "levande/error.hpp"
#include "levande/recurrence.hpp"
#include "levande/reinforcement.hpp"
#include "schedule/days.hpp"
#include "support/csr.hpp"
#include "workspace/links.hpp"
#include "workspace/model_view.hpp"

namespace levande {
namespace {

using detail::PersonDays;
using detail::week_of;

constexpr std::int32_t max_horizon_days = 3660;
constexpr std::string_view on_the_job_suffix = "/on-the-job";

using detail::Csr;  // items grouped by key (support/csr.hpp)

// One event of the person being levelled.
struct Pending {
  std::uint32_t series;
  Date nominal;
  Date candidate;  // rolled onto the person's days; Date::min() when no day was found
  Date earliest;   // levelling never moves it before this (the day after the training)
  std::uint32_t policy;
  std::uint32_t plan;  // plan slot for check-ins and plan due dates, else no_index
  std::uint32_t task;  // task slot for on-the-job reviews, else no_index
  EventKind kind;
  bool fixed;   // a user's date, a held record or a shared event: counted, never moved
  bool anchor;  // a shared event (its row is already out): counted for the week only
  std::uint8_t flags;
  // Levelling order of movable events: candidate day, then step (kind), then
  // training, then the order they were made in (series, then nominal date).
  std::uint64_t order;
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
  Date due;                                // due date (a generated plan's after levelling)
  bool generated = false;                  // the scheduler owns its due date
  bool needed = false;  // some event of it is in the horizon (a new plan is written)
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
  std::string group;  // peer sessions
  Date date;
};

std::string iso(Date d) {
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
  Planner(const Workspace &ws, const ScheduleOptions &o)
      : t_(detail::ModelView(ws).tables()),
        links_(detail::ModelView(ws).links()),
        o_(o),
        days_(ws, o),
        count_from_(week_of(o.as_of) * 7 - 3) {}  // the Monday of as_of's week

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
  std::uint32_t rule_index(const std::string &text);
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

  void shared_training_events(std::uint32_t training);
  void follow_person(std::uint32_t person);
  void follow_person_plan(std::uint32_t training, std::uint32_t person,
                          std::uint32_t participation);
  void follow_team_plan(std::uint32_t plan_index, std::uint32_t policy);
  void team_events();

  // Levelling and output ----------------------------------------------------
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
      goals_by_plan_, assignments_by_person_, groups_by_training_, members_by_team_,
      anchors_by_person_;
  std::vector<std::uint32_t> on_the_job_task_of_plan_;
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
  std::vector<Pending> pending_;  // the current person's events
  std::unordered_map<std::uint64_t, std::uint32_t> manager_day_;
  // Levelling state, reused from person to person.
  std::int32_t first_week_ = 0;  // week_of(count_from_)
  Date last_day_;                // the last day levelling may use
  std::vector<std::int32_t> week_load_;
  std::vector<std::size_t> touched_weeks_;
  std::vector<std::uint64_t> used_;
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

void check_options(const Workspace &ws, const ScheduleOptions &o) {
  if (!o.as_of.valid())
    throw Error(Errc::invalid_argument, "as_of", std::to_string(o.as_of.days()),
                "is not a valid date");
  if (!o.until.valid())
    throw Error(Errc::invalid_argument, "until", std::to_string(o.until.days()),
                "is not a valid date");
  if (o.until < o.as_of)
    throw Error(Errc::invalid_argument, "until", iso(o.until), "is before as_of " + iso(o.as_of));
  if (o.until.days() - o.as_of.days() > max_horizon_days)
    throw Error(
        Errc::invalid_argument, "until", iso(o.until),
        "is more than " + std::to_string(max_horizon_days) + " days after as_of " + iso(o.as_of));
  if (o.scope.type == Scope::Type::training && !ws.index_of(Kind::training, o.scope.id).has_value())
    throw Error(Errc::not_found, "scope.id", o.scope.id, "no training with this id");
  if (o.scope.type == Scope::Type::team && !ws.index_of(Kind::team, o.scope.id).has_value())
    throw Error(Errc::not_found, "scope.id", o.scope.id, "no team with this id");
}

void Planner::resolve_policies() {
  std::unordered_map<std::string, std::uint32_t> by_kind;
  for (std::size_t i = 0; i < t_.policies.size(); ++i) {
    const auto &p = t_.policies.rows[i];
    if (p.training_kind.empty())
      default_policy_ = static_cast<std::uint32_t>(i);
    else
      by_kind.emplace(p.training_kind, static_cast<std::uint32_t>(i));
  }
  policy_of_training_.resize(t_.trainings.size());
  for (std::size_t i = 0; i < t_.trainings.size(); ++i) {
    auto it = by_kind.find(t_.trainings.rows[i].kind);
    policy_of_training_[i] = it != by_kind.end() ? it->second : default_policy_;
  }
}

std::uint32_t Planner::rule_index(const std::string &text) {
  if (auto it = rule_ids_.find(text); it != rule_ids_.end()) return it->second;
  const auto index = static_cast<std::uint32_t>(table_.rules.size());
  parsed_rules_.push_back(RecurrenceRule::parse(text));
  table_.rules.push_back(text);
  rule_ids_.emplace(text, index);
  return index;
}

const std::vector<Date> &Planner::occurrences(std::uint32_t rule, Date after, Date last) {
  auto [it, fresh] = expansions_.try_emplace({rule, after.days(), last.days()});
  if (fresh && last > after) {
    const Date from(after.days() + 1);
    it->second = Recurrence(parsed_rules_[rule], from).between(from, last);
  }
  return it->second;
}

void Planner::shared_event(std::uint32_t series, std::span<const std::uint32_t> people,
                           Date nominal, Roll roll, bool counts, std::optional<Date> fixed_date,
                           Date *placed) {
  std::vector<std::uint16_t> cals;  // the distinct calendars of the attendees
  for (auto p : people) {
    const auto c = days_.calendar_index(p);
    if (std::find(cals.begin(), cals.end(), c) == cals.end()) cals.push_back(c);
  }
  std::optional<Date> day = fixed_date ? fixed_date : days_.roll_shared(cals, nominal, roll);
  if (!day) {
    for (auto p : people)
      unplaced_.push_back(
          {series, p, nominal,
           concat("no day within ", std::to_string(detail::max_roll_days), " days of ",
                  iso(nominal), " is a business day for every attendee")});
    return;
  }
  if (placed) *placed = *day;
  if (*day < count_from_ || *day > o_.until) return;
  const bool history = *day < o_.as_of;
  std::uint8_t flags = event_shared;
  if (*day != nominal) flags |= event_rolled;
  if (fixed_date) flags |= event_held;
  for (auto p : people) {
    if (auto a = days_.absent(p, *day)) {
      const auto &abs = t_.absences.rows[*a];
      unplaced_.push_back({series, p, nominal,
                           concat("absent on ", iso(*day), " (absence ", abs.id, ", ",
                                  iso(abs.first), "..", iso(abs.last), ")")});
      continue;
    }
    // Written out person by person in follow_person(), so rows come in person order.
    if (!history || counts) anchors_.push_back({p, series, *day, nominal, flags, counts});
  }
}

void Planner::individual(std::uint32_t person, std::uint32_t series, Date nominal, Date earliest,
                         std::uint32_t policy, EventKind kind, std::uint32_t plan,
                         std::uint32_t task, std::optional<Date> fixed) {
  Date candidate = nominal;
  std::uint8_t flags = 0;
  if (!fixed) {
    auto day = days_.roll(person, nominal, this->policy(policy).roll);
    candidate = day ? *day : Date::min();
    if (day && *day != nominal) flags |= event_rolled;
  } else {
    candidate = *fixed;
    flags |= event_held;
    if (*fixed != nominal) flags |= event_rolled;
  }
  // Packed: 22 bits of day, 4 of kind, 20 of training, 16 of sequence.
  const auto day_bits = std::uint64_t(std::uint32_t(candidate.days() - Date::min_days)) << 42;
  const auto training = std::min<std::uint64_t>(table_.series_list[series].training, 0xFFFFF);
  const auto sequence = std::min<std::uint64_t>(pending_.size(), 0xFFFF);
  pending_.push_back({series, nominal, candidate, earliest, policy, plan, task, kind,
                      fixed.has_value(), false, flags,
                      day_bits | (std::uint64_t(kind) << 36) | (training << 16) | sequence});
}

void Planner::shared_training_events(std::uint32_t ti) {
  const auto &training = t_.trainings.rows[ti];
  const auto pi = policy_of_training_[ti];
  const Policy &p = policy(pi);
  const Date end = training.end;

  std::vector<std::uint32_t> people;
  for (auto pa : participations_by_training_.of(ti)) {
    const auto person = person_of_participation_[pa];
    if (std::find(people.begin(), people.end(), person) == people.end()) people.push_back(person);
  }

  // Step 4: feedback sessions at offsets, one date for all participants.
  for (auto offset : p.feedback_offsets_days) {
    const Date nominal(end.days() + offset);
    std::string id = training.id + "/feedback-" + std::to_string(offset) + "d";
    const auto existing = t_.feedback_sessions.index_of(id);
    std::optional<Date> fixed;
    if (existing) {
      const auto &s = t_.feedback_sessions.rows[*existing];
      if (s.date < o_.as_of || session_has_responses_[*existing]) fixed = s.date;
    }
    const auto series = add_series(EventKind::feedback_session, Kind::feedback_session, id, ti, pi);
    Date day = Date::min();
    shared_event(series, people, nominal, p.roll, true, fixed, &day);
    if (existing) feedback_wanted_[*existing] = 1;
    if (!fixed && day != Date::min() && day >= o_.as_of)
      sessions_.push_back({ti, existing.value_or(no_index), false, std::move(id), {}, day});
  }

  // Step 3: sessions of the training's peer groups on the policy's rule.
  const auto peer_rule = rule_index(p.peer_session_rule);
  const Date peer_last(end.days() + 7 * p.peer_session_weeks);
  const auto &peer_dates = occurrences(peer_rule, end, peer_last);
  for (auto gi : groups_by_training_.of(ti)) {
    const auto &group = t_.peer_groups.rows[gi];
    std::vector<std::uint32_t> attendees;
    for (const auto &m : group.members)
      attendees.push_back(*t_.people.index_of(m));
    for (const auto &m : group.mentors)
      attendees.push_back(*t_.people.index_of(m));
    if (peer_dates.empty()) continue;
    const auto series = add_series(EventKind::peer_session, Kind::peer_group, group.id, ti, pi,
                                   peer_rule, peer_dates.front(), peer_last);
    for (const Date nominal : peer_dates) {
      std::string id = group.id + "/" + iso(nominal);
      const auto existing = t_.peer_sessions.index_of(id);
      std::optional<Date> fixed;
      if (existing) {
        const auto &s = t_.peer_sessions.rows[*existing];
        if (s.date < o_.as_of || !s.attendees.empty()) fixed = s.date;
        peer_wanted_[*existing] = 1;
      }
      Date day = Date::min();
      shared_event(series, attendees, nominal, p.roll, true, fixed, &day);
      if (!fixed && day != Date::min() && day >= o_.as_of && day <= o_.until)
        sessions_.push_back({ti, existing.value_or(no_index), true, std::move(id), group.id, day});
    }
  }
}

// A person's own events from every training they follow, then levelled.
void Planner::follow_person(std::uint32_t person) {
  pending_.clear();
  for (auto a : anchors_by_person_.of(person)) {
    const auto &x = anchors_[a];
    if (x.day >= o_.as_of) row(x.day, x.nominal, person, x.series, x.flags);
    // Shared events are anchors of levelling: they count for the week, never move.
    if (x.counts)
      pending_.push_back({x.series, x.nominal, x.day, x.day, no_index, no_index, no_index,
                          EventKind::feedback_session, true, true, 0, 0});
  }
  auto &trainings = scratch_trainings_;  // a second participation in a training adds nothing
  trainings.clear();
  for (auto pa : participations_by_person_.of(person)) {
    const auto ti = training_of_participation_[pa];
    if (std::find(trainings.begin(), trainings.end(), ti) != trainings.end()) continue;
    trainings.push_back(ti);
    if (followed(ti)) follow_person_plan(ti, person, pa);
  }
  level(person);
}

void Planner::follow_person_plan(std::uint32_t ti, std::uint32_t person,
                                 std::uint32_t participation) {
  const auto &training = t_.trainings.rows[ti];
  const auto pi = policy_of_training_[ti];
  const Policy &p = policy(pi);
  const Date end = training.end;
  const Date earliest(end.days() + 1);

  // The plan: the person's existing plan for the training, or a new one.
  std::uint32_t existing = no_index;
  for (auto pl : plans_by_person_.of(person)) {
    if (t_.action_plans.rows[pl].training == training.id) {
      existing = pl;
      break;
    }
  }
  const auto &participation_id = t_.participations.rows[participation].id;
  const auto slot = static_cast<std::uint32_t>(plans_.size());
  PlanSlot ps;
  ps.person = person;
  ps.training = ti;
  ps.existing = existing;
  ps.participation = participation;
  bool open = true;
  if (existing != no_index) {
    const auto &plan = t_.action_plans.rows[existing];
    // Generated plans are named <participation>/plan.
    ps.generated = plan.id.size() == participation_id.size() + 5 &&
                   plan.id.compare(0, participation_id.size(), participation_id) == 0 &&
                   plan.id.compare(participation_id.size(), 5, "/plan") == 0;
    ps.due = plan.due;
    open = plan.status == PlanStatus::open;
    plan_slot_of_existing_[existing] = slot;
  } else {
    ps.generated = true;
  }
  const Date due_nominal =
      ps.generated ? days_.calendar(person).add_business_days(end, p.plan_due_business_days)
                   : ps.due;
  if (existing == no_index) ps.due = due_nominal;
  plans_.push_back(std::move(ps));
  new_plan_ids_.emplace_back();
  if (!open) return;  // a done or cancelled plan gets no new events
  const std::string plan = plan_id(plans_[slot]);

  // Step 1: the plan is due; check-ins on the rule; reinforcement after them.
  // A user's own plan keeps its due date; a generated one is levelled like any event.
  individual(person, add_series(EventKind::plan_due, Kind::action_plan, plan, ti, pi), due_nominal,
             earliest, pi, EventKind::plan_due, slot, no_index,
             plans_[slot].generated ? std::nullopt : std::optional<Date>(due_nominal));

  const auto rule = rule_index(p.check_in_rule);
  const Date last(due_nominal.days() + 7 * p.check_in_weeks);
  const auto &dates = occurrences(rule, due_nominal, last);
  const auto existing_rows =
      existing == no_index ? std::span<const std::uint32_t>{} : check_ins_by_plan_.of(existing);
  const auto &log = t_.check_ins;
  // A held or missed check-in on the day a rule date rolls to is that occurrence: it stays.
  auto held_on = [&](Date d) {
    for (auto r : existing_rows)
      if (log.scheduled[r] == d && log.status[r] != CheckInStatus::scheduled) return true;
    return false;
  };
  if (!dates.empty()) {
    auto &matched = scratch_dates_;
    matched.clear();
    const auto series =
        add_series(EventKind::check_in, Kind::action_plan, plan, ti, pi, rule, dates.front(), last);
    for (const Date d : dates) {
      const auto rolled = days_.roll(person, d, p.roll);
      const bool held = rolled && held_on(*rolled);
      if (held) matched.push_back(*rolled);
      individual(person, series, d, earliest, pi, EventKind::check_in, slot, no_index,
                 held ? rolled : std::nullopt);
    }
    // Held or missed check-ins on other days (moved by an earlier levelling,
    // or added by hand) took place too: they stay and count for their week.
    for (auto r : existing_rows) {
      const Date day = log.scheduled[r];
      if (log.status[r] == CheckInStatus::scheduled ||
          std::find(matched.begin(), matched.end(), day) != matched.end())
        continue;
      individual(person, series, day, earliest, pi, EventKind::check_in, slot, no_index, day);
    }
  }
  // The held check-ins with an outcome are the memory model's reviews.
  auto &history = scratch_history_;
  history.clear();
  for (auto r : existing_rows) {
    if (log.status[r] != CheckInStatus::held) continue;
    if (auto rating = rating_of(log.outcome[r])) history.emplace_back(log.held[r], *rating);
  }
  if (!history.empty()) {
    std::sort(history.begin(), history.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    std::vector<Date> review_dates;
    std::vector<Rating> ratings;
    for (const auto &[d, r] : history) {
      review_dates.push_back(d);
      ratings.push_back(r);
    }
    // While the regular check-ins run they are the reinforcement; after the
    // last one, the memory model places the next touchpoint.
    const Date last_review = review_dates.back();
    const bool covered =
        std::any_of(dates.begin(), dates.end(), [&](Date d) { return d > last_review; });
    if (!covered) {
      const auto state = model_.replay(review_dates, ratings);
      const auto gap = model_.next_interval_days(state, p.retention_target, p.max_interval_days);
      Date next(last_review.days() + gap);
      if (next < o_.as_of) next = o_.as_of;  // overdue: as soon as possible
      individual(person, add_series(EventKind::reinforcement, Kind::action_plan, plan, ti, pi),
                 next, earliest, pi, EventKind::reinforcement, slot, no_index);
    }
  }

  // Step 2: review of on-the-job application; a task to agree an assignment if none.
  bool has_assignment = false;
  for (auto ai : assignments_by_person_.of(person)) {
    const auto &a = t_.assignments.rows[ai];
    const bool matches =
        a.training == training.id ||
        (a.training.empty() && std::find(training.skills.begin(), training.skills.end(), a.skill) !=
                                   training.skills.end());
    if (!matches || a.status == AssignmentStatus::cancelled) continue;
    has_assignment = true;
    if (a.status == AssignmentStatus::completed) continue;
    individual(person, add_series(EventKind::assignment_review, Kind::assignment, a.id, ti, pi),
               Date(a.start.days() + p.assignment_review_days), earliest, pi,
               EventKind::assignment_review, no_index, no_index);
  }
  if (!has_assignment) {
    const auto task = existing == no_index ? no_index : on_the_job_task_of_plan_[existing];
    if (task == no_index || !t_.tasks.rows[task].done) {
      const auto task_slot = static_cast<std::uint32_t>(tasks_.size());
      tasks_.push_back({slot, task, due_nominal});
      individual(person,
                 add_series(EventKind::assignment_review, Kind::task,
                            plan + std::string(on_the_job_suffix), ti, pi),
                 Date(due_nominal.days() + p.assignment_review_days), earliest, pi,
                 EventKind::assignment_review, no_index, task_slot);
    }
  }

  // Step 5: celebration reviews at each goal's deadline and at the plan's end.
  if (existing != no_index) {
    for (auto gi : goals_by_plan_.of(existing)) {
      const auto &goal = t_.goals.rows[gi];
      individual(person, add_series(EventKind::celebration_review, Kind::goal, goal.id, ti, pi),
                 goal.deadline, earliest, pi, EventKind::celebration_review, no_index, no_index);
    }
  }
  if (p.celebrate_at_plan_end) {
    individual(person, add_series(EventKind::celebration_review, Kind::action_plan, plan, ti, pi),
               last, earliest, pi, EventKind::celebration_review, no_index, no_index);
  }
}

const std::string &Planner::plan_id(const PlanSlot &ps) {
  if (ps.existing != no_index) return t_.action_plans.rows[ps.existing].id;
  auto &id = new_plan_ids_[static_cast<std::size_t>(&ps - plans_.data())];
  if (id.empty()) id = t_.participations.rows[ps.participation].id + "/plan";
  return id;
}

void Planner::follow_team_plan(std::uint32_t plan_index, std::uint32_t pi) {
  const auto &plan = t_.action_plans.rows[plan_index];
  const auto ti = *t_.trainings.index_of(plan.training);
  const Policy &p = policy(pi);
  const auto slot = static_cast<std::uint32_t>(plans_.size());
  PlanSlot ps;
  ps.existing = plan_index;
  ps.training = ti;
  ps.due = plan.due;
  plans_.push_back(std::move(ps));
  new_plan_ids_.emplace_back();
  plan_slot_of_existing_[plan_index] = slot;
  if (plan.status != PlanStatus::open) return;
  const auto team = *t_.teams.index_of(plan.team);
  const auto members = members_by_team_.of(team);
  const auto rule = rule_index(p.check_in_rule);
  const Date last(plan.due.days() + 7 * p.check_in_weeks);
  const auto &dates = occurrences(rule, plan.due, last);
  if (dates.empty() || members.empty()) return;
  const auto series = add_series(EventKind::check_in, Kind::action_plan, plan.id, ti, pi, rule,
                                 dates.front(), last);
  for (const Date d : dates) {
    Date day = Date::min();
    shared_event(series, members, d, p.roll, true, std::nullopt, &day);
    if (day != Date::min() && day >= o_.as_of && day <= o_.until) desired_.emplace_back(slot, day);
  }
}

void Planner::team_events() {
  const auto dpi = default_policy_;
  const Policy &p = policy(dpi);
  // Step 6: learning slots of a team, on the slot's own rule.
  for (std::size_t si = 0; si < t_.learning_slots.size(); ++si) {
    const auto &slot = t_.learning_slots.rows[si];
    const auto team = *t_.teams.index_of(slot.team);
    const auto members = members_by_team_.of(team);
    if (members.empty()) continue;
    const auto rule = rule_index(slot.rule);
    const Recurrence rec(parsed_rules_[rule], slot.start);
    const Date from(std::max(o_.as_of.days(), slot.start.days()) - 7);
    const auto dates = rec.between(from, Date(o_.until.days() + 7));
    if (dates.empty()) continue;
    const auto series = add_series(EventKind::learning_slot, Kind::learning_slot, slot.id, no_index,
                                   dpi, rule, slot.start, Date(o_.until.days() + 7));
    for (const Date d : dates)
      shared_event(series, members, d, p.roll, false, std::nullopt, nullptr);
  }
  // Step 6: the annual competence-plan review, first business day of the month.
  for (std::size_t ci = 0; ci < t_.competence_plans.size(); ++ci) {
    const auto &cp = t_.competence_plans.rows[ci];
    const Date nominal = Date::from_ymd(cp.year, p.competence_review_month, 1);
    if (nominal.days() > o_.until.days() + detail::max_roll_days ||
        nominal.days() + 31 < o_.as_of.days())
      continue;
    const auto team = *t_.teams.index_of(cp.team);
    const auto members = members_by_team_.of(team);
    if (members.empty()) continue;
    const auto series =
        add_series(EventKind::competence_review, Kind::competence_plan, cp.id, no_index, dpi);
    shared_event(series, members, nominal, Roll::following, false, std::nullopt, nullptr);
  }
}

// Levelling of one person: fixed events first, then the movable ones in date
// order, each on the nearest day within the tolerance where the person's
// week and the manager's day have room.
void Planner::level(std::uint32_t person) {
  // Fixed events first (they only count), then the movable ones in `order`.
  std::sort(pending_.begin(), pending_.end(), [](const Pending &a, const Pending &b) {
    if (a.fixed != b.fixed) return a.fixed;
    return a.order < b.order;
  });
  // Events per week of the horizon (reset through `touched`).
  auto &touched = touched_weeks_;
  for (auto w : touched)
    week_load_[w] = 0;
  touched.clear();
  auto week = [&](Date d) { return static_cast<std::size_t>(week_of(d) - first_week_); };
  auto load = [&](Date d) { return week_load_[week(d)]; };
  auto count = [&](Date d) {
    const auto w = week(d);
    if (week_load_[w]++ == 0) touched.push_back(w);
  };
  // The (series, day) pairs taken, so one series never has two events a day:
  // a small open-addressing set (all ones = empty), twice the events in size.
  auto &used = used_;
  const auto bits = std::bit_width(2 * pending_.size() + 1);
  used.assign(std::size_t{1} << bits, ~std::uint64_t{0});
  auto slot_of = [&](std::uint32_t series, Date d) -> std::uint64_t & {
    const auto k = (std::uint64_t{series} << 32) | std::uint32_t(d.days());
    auto i = static_cast<std::size_t>((k * 0x9E3779B97F4A7C15ull) >> (64 - bits));
    while (used[i] != ~std::uint64_t{0} && used[i] != k)
      i = (i + 1) & (used.size() - 1);
    return used[i];
  };
  auto use = [&](std::uint32_t series, Date d) {
    slot_of(series, d) = (std::uint64_t{series} << 32) | std::uint32_t(d.days());
  };
  auto taken = [&](std::uint32_t series, Date d) {
    return slot_of(series, d) != ~std::uint64_t{0};
  };
  auto mkey = [](std::uint32_t m, Date d) {
    return (std::uint64_t{m} << 32) | std::uint32_t(d.days());
  };
  const auto manager = manager_of_[person];
  for (auto &e : pending_) {
    if (e.fixed) {
      if (e.candidate >= count_from_ && e.candidate <= o_.until) count(e.candidate);
      // A shared event's series is never an individual event's.
      if (!e.anchor) use(e.series, e.candidate);
      if (e.candidate >= o_.as_of && e.candidate <= o_.until && !e.anchor) {
        row(e.candidate, e.nominal, person, e.series, e.flags);
        if (e.plan != no_index) plans_[e.plan].needed = true;
      }
      continue;
    }
    if (e.candidate == Date::min()) {
      if (e.nominal >= o_.as_of && e.nominal <= o_.until)
        unplaced_.push_back(
            {e.series, person, e.nominal,
             concat("no business day of ", t_.people.rows[person].id, " within ",
                    std::to_string(detail::max_roll_days), " days of ", iso(e.nominal))});
      continue;
    }
    if (e.candidate < count_from_ || e.candidate > o_.until) continue;  // outside the horizon
    if (e.candidate < o_.as_of) {
      // Earlier in as_of's week: history, but it took its place in the week.
      count(e.candidate);
      use(e.series, e.candidate);
      continue;
    }
    const Policy &p = policy(e.policy);
    const auto cap = p.max_events_per_week;
    const auto mcap = manager == no_index ? 0 : p.max_events_per_manager_day;
    const Date lo = std::max(o_.as_of, e.earliest);
    auto fits = [&](Date d) {
      if (d < lo) return false;
      if (d != e.candidate && !days_.available(person, d)) return false;
      if (d > last_day_ || load(d) >= cap) return false;
      if (mcap > 0) {
        auto it = manager_day_.find(mkey(manager, d));
        if (it != manager_day_.end() && it->second >= std::uint32_t(mcap)) return false;
      }
      return !taken(e.series, d);
    };
    // Most events that fit nowhere have every week of their window full:
    // that is known before trying each day.
    bool some_room = false;
    for (auto w = week_of(std::max(lo, Date(e.candidate.days() - p.tolerance_days)));
         w <= week_of(std::min(last_day_, Date(e.candidate.days() + p.tolerance_days))) &&
         !some_room;
         ++w)
      some_room = week_load_[static_cast<std::size_t>(w - first_week_)] < cap;
    std::optional<Date> day;
    for (std::int32_t off = 0; some_room && off <= p.tolerance_days && !day; ++off) {
      if (fits(Date(e.candidate.days() + off)))
        day = Date(e.candidate.days() + off);
      else if (off > 0 && fits(Date(e.candidate.days() - off)))
        day = Date(e.candidate.days() - off);
    }
    if (!day) {
      const auto cap_text = std::to_string(cap);
      const auto tolerance_text = std::to_string(p.tolerance_days);
      const auto &who = t_.people.rows[person].id;
      unplaced_.push_back(
          {e.series, person, e.nominal,
           mcap > 0
               ? concat("no business day within ", tolerance_text, " days of ", iso(e.candidate),
                        " where ", who, " has fewer than ", cap_text,
                        " follow-ups that week and manager ", t_.people.rows[manager].id,
                        " fewer than ", std::to_string(mcap), " that day")
               : concat("no business day within ", tolerance_text, " days of ", iso(e.candidate),
                        " where ", who, " has fewer than ", cap_text, " follow-ups that week")});
      continue;
    }
    count(*day);
    if (mcap > 0) ++manager_day_[mkey(manager, *day)];
    use(e.series, *day);
    std::uint8_t flags = e.flags;
    if (*day != e.candidate) flags |= event_levelled;
    if (*day <= o_.until) row(*day, e.nominal, person, e.series, flags);
    // What the placement means for the records.
    if (e.plan != no_index) {
      auto &ps = plans_[e.plan];
      ps.needed = true;
      if (e.kind == EventKind::plan_due) {
        if (ps.generated) ps.due = *day;
      } else {
        desired_.emplace_back(e.plan, *day);
      }
    }
    if (e.task != no_index) {
      auto &ts = tasks_[e.task];
      ts.due = *day;
      ts.placed = true;
      plans_[ts.plan].needed = true;
    }
  }
}

// Whether a record change of a training (and a person, or no_index for a
// shared record) falls in the scope.
bool Planner::change_in_scope(std::uint32_t training, std::uint32_t person) const {
  switch (o_.scope.type) {
    case Scope::Type::all:
      return true;
    case Scope::Type::training:
      return training == scope_training_;
    case Scope::Type::team:
      if (person != no_index) return in_team_scope_[person] != 0;
      return training != no_index && training_touches_team_[training] != 0;
  }
  return true;
}

Schedule Planner::run() {
  const auto &t = t_;
  resolve_policies();
  auto person_of = [&](const std::string &id) {
    if (id.empty()) return no_index;
    return *t.people.index_of(id);
  };
  const auto &links = *links_;
  person_of_participation_ = links.participation_person;
  training_of_participation_ = links.participation_training;
  participations_by_training_ = Csr::build(t.trainings.size(), training_of_participation_);
  participations_by_person_ = Csr::build(t.people.size(), person_of_participation_);
  plans_by_person_ = Csr::build(t.people.size(), t.action_plans.size(),
                                [&](std::size_t i) { return links.plan_person[i]; });
  check_ins_by_plan_ = Csr::build(t.action_plans.size(), t.check_ins.plan);
  goals_by_plan_ = Csr::build(t.action_plans.size(), t.goals.size(),
                              [&](std::size_t i) { return links.goal_plan[i]; });
  assignments_by_person_ = Csr::build(t.people.size(), t.assignments.size(), [&](std::size_t i) {
    return person_of(t.assignments.rows[i].person);
  });
  groups_by_training_ = Csr::build(t.trainings.size(), t.peer_groups.size(),
                                   [&](std::size_t i) { return links.group_training[i]; });
  members_by_team_ = Csr::build(t.teams.size(), t.people.size(),
                                [&](std::size_t i) { return links.tree.team_of[i]; });
  // The on-the-job task of each plan: its id is the plan's id + "/on-the-job".
  on_the_job_task_of_plan_.assign(t.action_plans.size(), no_index);
  for (std::size_t i = 0; i < t.tasks.size(); ++i) {
    const auto &task = t.tasks.rows[i];
    if (task.id.size() == task.plan.size() + on_the_job_suffix.size() &&
        task.id.compare(0, task.plan.size(), task.plan) == 0 &&
        task.id.compare(task.plan.size(), on_the_job_suffix.size(), on_the_job_suffix) == 0)
      on_the_job_task_of_plan_[*t.action_plans.index_of(task.plan)] = static_cast<std::uint32_t>(i);
  }
  session_has_responses_.assign(t.feedback_sessions.size(), 0);
  for (auto s : t.responses.session)
    session_has_responses_[s] = 1;
  feedback_wanted_.assign(t.feedback_sessions.size(), 0);
  peer_wanted_.assign(t.peer_sessions.size(), 0);
  manager_of_ = links.manager;
  plan_slot_of_existing_.assign(t.action_plans.size(), no_index);

  if (o_.scope.type == Scope::Type::training) scope_training_ = *t.trainings.index_of(o_.scope.id);
  if (o_.scope.type == Scope::Type::team) {
    in_team_scope_ = detail::people_in_team(t, *t.teams.index_of(o_.scope.id));
    training_touches_team_.assign(t.trainings.size(), 0);
    for (std::size_t i = 0; i < t.participations.size(); ++i)
      if (in_team_scope_[person_of_participation_[i]])
        training_touches_team_[training_of_participation_[i]] = 1;
  }

  // About six series and twenty events per participation (policy defaults).
  table_.series_list.reserve(t.participations.size() * 6 + t.trainings.size() * 4 + 16);
  rows_on_.assign(static_cast<std::size_t>(o_.until.days() - o_.as_of.days() + 1), 0);
  // Shared events first: they are the anchors of each person's levelling.
  for (std::size_t ti = 0; ti < t.trainings.size(); ++ti)
    if (followed(static_cast<std::uint32_t>(ti)))
      shared_training_events(static_cast<std::uint32_t>(ti));
  for (std::size_t i = 0; i < t.action_plans.size(); ++i) {
    const auto ti = links.plan_training[i];
    if (links.plan_team[i] == no_index || ti == no_index) continue;
    if (!t.trainings.rows[ti].cancelled)
      follow_team_plan(static_cast<std::uint32_t>(i), policy_of_training_[ti]);
  }
  team_events();
  anchors_by_person_ = Csr::build(t.people.size(), anchors_.size(),
                                  [&](std::size_t i) { return anchors_[i].person; });
  // Then person by person, in workspace order (the manager limit depends on it).
  manager_day_.reserve(t.people.size() * 8);
  // Levelling looks at most tolerance (<= 90) days past until.
  first_week_ = week_of(count_from_);
  last_day_ = Date(o_.until.days() + 90);
  week_load_.assign(static_cast<std::size_t>(week_of(last_day_) - first_week_ + 1), 0);
  for (std::size_t p = 0; p < t.people.size(); ++p)
    follow_person(static_cast<std::uint32_t>(p));
  anchors_ = {};
  pending_ = {};

  Schedule out;
  diff_into(out);
  emit(out);
  return out;
}

void Planner::diff_into(Schedule &out) {
  const auto &t = t_;
  auto &batch = out.changes.records;
  // At most one operation per wanted plan, task and session and one removal
  // per existing task or session: reserved at once, as regrowing a batch of 250 000 operations
  // copied it three times over into fresh pages.
  batch.reserve(plans_.size() + tasks_.size() + sessions_.size() + t.tasks.size() +
                t.feedback_sessions.size() + t.peer_sessions.size());
  auto &add = out.changes.add_check_ins;
  auto &remove = out.changes.remove_check_ins;
  auto inside = [&](Date d) { return d >= o_.as_of && d <= o_.until; };

  // Plans first: new check-ins and tasks refer to them.
  for (const auto &ps : plans_) {
    if (ps.person == no_index || !change_in_scope(ps.training, ps.person)) continue;
    const auto &training = t.trainings.rows[ps.training];
    if (ps.existing == no_index) {
      if (ps.needed)
        batch.add(ActionPlan{plan_id(ps), "Action plan: " + training.title,
                             t.people.rows[ps.person].id, "", training.id, training.end, ps.due,
                             PlanStatus::open});
    } else if (ps.generated) {
      ActionPlan plan = t.action_plans.rows[ps.existing];
      if (plan.status == PlanStatus::open && plan.due != ps.due && plan.due >= o_.as_of &&
          ps.due >= o_.as_of) {
        plan.due = ps.due;
        batch.update(std::move(plan));
      }
    }
  }
  std::vector<std::uint8_t> task_wanted(t.tasks.size(), 0);
  for (const auto &ts : tasks_) {
    const auto &ps = plans_[ts.plan];
    if (!change_in_scope(ps.training, ps.person)) continue;
    if (ts.existing != no_index) task_wanted[ts.existing] = 1;
    if (!ts.placed) continue;
    if (ts.existing == no_index) {
      const auto &plan = plan_id(ps);
      batch.add(Task{plan + std::string(on_the_job_suffix), plan,
                     "Agree an on-the-job assignment: " + t.trainings.rows[ps.training].title, "",
                     ts.due, std::nullopt});
    } else {
      Task task = t.tasks.rows[ts.existing];
      if (task.due != ts.due && task.due >= o_.as_of) {
        task.due = ts.due;
        batch.update(std::move(task));
      }
    }
  }
  // Tasks the scheduler made that are no longer wanted (an assignment exists now).
  for (std::size_t pl = 0; pl < t.action_plans.size(); ++pl) {
    const auto ti_task = on_the_job_task_of_plan_[pl];
    if (ti_task == no_index || task_wanted[ti_task]) continue;
    const auto &task = t.tasks.rows[ti_task];
    if (task.done || !inside(task.due)) continue;
    const auto ti = links_->plan_training[pl];
    const auto person = links_->plan_person[pl];
    if (plan_slot_of_existing_[pl] == no_index &&
        (ti == no_index || !t.trainings.rows[ti].cancelled))
      continue;
    if (change_in_scope(ti, person)) batch.remove(Key(Kind::task, task.id));
  }

  // Sessions.
  for (const auto &w : sessions_) {
    if (!change_in_scope(w.training, no_index)) continue;
    if (w.is_peer) {
      if (w.existing == no_index)
        batch.add(PeerSession{w.id, w.group, w.date, {}});
      else if (const auto &old = t.peer_sessions.rows[w.existing]; old.date != w.date)
        batch.update(PeerSession{w.id, w.group, w.date, old.attendees});
    } else {
      if (w.existing == no_index) {
        batch.add(FeedbackSession{w.id, t.trainings.rows[w.training].id, "", w.date, {}});
      } else if (const auto &old = t.feedback_sessions.rows[w.existing]; old.date != w.date) {
        FeedbackSession s = old;
        s.date = w.date;
        batch.update(std::move(s));
      }
    }
  }
  for (std::size_t i = 0; i < t.feedback_sessions.size(); ++i) {
    const auto &s = t.feedback_sessions.rows[i];
    if (s.training.empty() || feedback_wanted_[i] || !inside(s.date) || session_has_responses_[i])
      continue;
    const std::string prefix = s.training + "/feedback-";
    if (s.id.size() <= prefix.size() + 1 || s.id.compare(0, prefix.size(), prefix) != 0 ||
        s.id.back() != 'd' ||
        !std::all_of(s.id.begin() + static_cast<std::ptrdiff_t>(prefix.size()), s.id.end() - 1,
                     [](char c) { return c >= '0' && c <= '9'; }))
      continue;
    const auto ti = *t.trainings.index_of(s.training);
    if (change_in_scope(ti, no_index)) batch.remove(Key(Kind::feedback_session, s.id));
  }
  for (std::size_t i = 0; i < t.peer_sessions.size(); ++i) {
    const auto &s = t.peer_sessions.rows[i];
    if (peer_wanted_[i] || !inside(s.date) || !s.attendees.empty()) continue;
    if (s.id.size() != s.group.size() + 11 || s.id.compare(0, s.group.size(), s.group) != 0 ||
        s.id[s.group.size()] != '/')
      continue;
    const auto &group = *t.peer_groups.find(s.group);
    const auto ti = group.training.empty() ? no_index : *t.trainings.index_of(group.training);
    if (change_in_scope(ti, no_index)) batch.remove(Key(Kind::peer_session, s.id));
  }

  // Check-ins: the scheduled ones in the horizon are the policy's to keep,
  // add or take out. Plans are keyed by number while sorting: slot s, or
  // plans_.size() + dense index for a plan without a slot.
  std::sort(desired_.begin(), desired_.end());
  std::vector<std::pair<std::uint32_t, Date>> adds, removes;
  std::vector<Date> have;
  auto want = desired_.begin();
  for (std::uint32_t s = 0; s < plans_.size(); ++s) {
    const auto first = want;
    while (want != desired_.end() && want->first == s)
      ++want;
    const auto &ps = plans_[s];
    if (!change_in_scope(ps.training, ps.person)) continue;
    if (ps.existing == no_index && !ps.needed) continue;
    have.clear();
    if (ps.existing != no_index) {
      for (auto r : check_ins_by_plan_.of(ps.existing)) {
        const Date d = t.check_ins.scheduled[r];
        have.push_back(d);
        if (t.check_ins.status[r] == CheckInStatus::scheduled && inside(d) &&
            !std::binary_search(first, want, std::pair{s, d}))
          removes.emplace_back(s, d);
      }
    }
    for (auto w = first; w != want; ++w)
      if (std::find(have.begin(), have.end(), w->second) == have.end() &&
          (w == first || (w - 1)->second != w->second))
        adds.emplace_back(s, w->second);
  }
  // Plans of cancelled trainings: their future check-ins go.
  const auto slots = static_cast<std::uint32_t>(plans_.size());
  for (std::size_t pl = 0; pl < t.action_plans.size(); ++pl) {
    const auto ti = links_->plan_training[pl];
    if (ti == no_index || plan_slot_of_existing_[pl] != no_index) continue;
    if (!t.trainings.rows[ti].cancelled) continue;
    const auto person = links_->plan_person[pl];
    if (!change_in_scope(ti, person)) continue;
    for (auto r : check_ins_by_plan_.of(pl))
      if (t.check_ins.status[r] == CheckInStatus::scheduled && inside(t.check_ins.scheduled[r]))
        removes.emplace_back(slots + static_cast<std::uint32_t>(pl), t.check_ins.scheduled[r]);
  }
  std::sort(removes.begin(), removes.end());
  auto fill = [&](const std::vector<std::pair<std::uint32_t, Date>> &from, CheckInChanges &to) {
    to.plan.reserve(from.size());
    to.scheduled.reserve(from.size());
    std::uint32_t last = no_index;
    for (const auto &[key, d] : from) {
      if (key != last) {
        to.plan_ids.push_back(key < slots ? plan_id(plans_[key])
                                          : t.action_plans.rows[key - slots].id);
        last = key;
      }
      to.plan.push_back(static_cast<std::uint32_t>(to.plan_ids.size() - 1));
      to.scheduled.push_back(d);
    }
  };
  fill(adds, add);
  fill(removes, remove);
}

void Planner::emit(Schedule &out) {
  // Sorted by (date, person, kind, series). The rows were made person by
  // person, so placing them by date (a counting sort, straight into the
  // columns) gives (date, person); then the few rows of one person and day
  // are put in kind and series order.
  auto &e = table_;
  std::size_t n = 0;
  for (auto &count : rows_on_) {
    const auto c = count;
    count = static_cast<std::uint32_t>(n);  // becomes the first slot of the day
    n += c;
  }
  e.date.resize(n);
  e.nominal.resize(n);
  e.person.resize(n);
  e.series.resize(n);
  e.flags.resize(n);
  for (auto &chunk : rows_) {
    for (const auto &r : chunk) {
      const auto i = rows_on_[r.day]++;
      e.date[i] = Date(o_.as_of.days() + r.day);
      e.nominal[i] = r.nominal;
      e.person[i] = r.person;
      e.series[i] = r.series;
      e.flags[i] = r.flags;
    }
    chunk = {};
  }
  rows_ = {};
  std::vector<std::uint32_t> group;
  std::vector<Date> nominal;
  std::vector<std::uint32_t> series;
  std::vector<std::uint8_t> flags;
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i + 1;
    while (j < n && e.date[j] == e.date[i] && e.person[j] == e.person[i])
      ++j;
    if (j - i > 1) {
      group.resize(j - i);
      std::iota(group.begin(), group.end(), static_cast<std::uint32_t>(i));
      auto before = [&](std::uint32_t a, std::uint32_t b) {
        const auto ka = e.series_list[e.series[a]].kind, kb = e.series_list[e.series[b]].kind;
        return ka != kb ? ka < kb : e.series[a] < e.series[b];
      };
      // Insertion sort: a person rarely has more than two events a day.
      for (std::size_t k = 1; k < group.size(); ++k)
        for (std::size_t m = k; m > 0 && before(group[m], group[m - 1]); --m)
          std::swap(group[m], group[m - 1]);
      nominal.clear();
      series.clear();
      flags.clear();
      for (auto g : group) {
        nominal.push_back(e.nominal[g]);
        series.push_back(e.series[g]);
        flags.push_back(e.flags[g]);
      }
      for (std::size_t k = 0; k < group.size(); ++k) {
        e.nominal[i + k] = nominal[k];
        e.series[i + k] = series[k];
        e.flags[i + k] = flags[k];
      }
    }
    i = j;
  }
  std::erase_if(unplaced_, [&](const Unplaced &u) { return !keep(u.person, u.series); });
  std::sort(unplaced_.begin(), unplaced_.end(), [](const Unplaced &a, const Unplaced &b) {
    if (a.nominal != b.nominal) return a.nominal < b.nominal;
    if (a.person != b.person) return a.person < b.person;
    return a.series < b.series;
  });
  out.events = std::move(table_);
  out.unplaced = std::move(unplaced_);
}

}  // namespace

Schedule plan_follow_up(const Workspace &workspace, const ScheduleOptions &options) {
  check_options(workspace, options);
  Planner planner(workspace, options);
  Schedule schedule = planner.run();
  schedule.changes.generation = detail::ModelView(workspace).generation();
  return schedule;
}

}  // namespace levande
