// plan_follow_up(): events of the six steps from the policies, rolled onto
// each person's days, levelled, and diffed against the records that exist.
#include <algorithm>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "levande/error.hpp"
#include "levande/recurrence.hpp"
#include "levande/reinforcement.hpp"
#include "schedule/days.hpp"
#include "workspace/impl.hpp"

namespace levande {
namespace {

using detail::PersonDays;
using detail::week_of;

constexpr std::int32_t max_horizon_days = 3660;

// Compressed rows: the items of group g are items[offsets[g] .. offsets[g + 1]).
struct Csr {
  std::vector<std::uint32_t> offsets, items;
  template <class KeyOf>
  static Csr build(std::size_t groups, std::size_t n, KeyOf &&key_of) {
    Csr c;
    c.offsets.assign(groups + 1, 0);
    for (std::size_t i = 0; i < n; ++i)
      if (auto g = key_of(i); g != no_index) ++c.offsets[g + 1];
    std::partial_sum(c.offsets.begin(), c.offsets.end(), c.offsets.begin());
    c.items.resize(c.offsets.back());
    auto fill = c.offsets;
    for (std::size_t i = 0; i < n; ++i)
      if (auto g = key_of(i); g != no_index) c.items[fill[g]++] = static_cast<std::uint32_t>(i);
    return c;
  }
  std::span<const std::uint32_t> of(std::size_t g) const {
    return {items.data() + offsets[g], items.data() + offsets[g + 1]};
  }
};

// An individual event waiting for levelling.
struct Pending {
  std::uint32_t person;
  std::uint32_t series;
  Date nominal;
  Date candidate;  // rolled onto the person's days; Date::min() when no day was found
  Date earliest;   // levelling never moves it before this (the day after the training)
  std::uint32_t policy;
  std::uint32_t plan;  // plan slot for check-ins and plan due dates, else no_index
  std::uint32_t task;  // task slot for on-the-job reviews, else no_index
  EventKind kind;
  bool fixed;   // a user's date or a held record: counted, never moved
  bool anchor;  // a shared event (its row is already out): counted for the week only
  std::uint8_t flags;
};

struct Row {
  Date date, nominal;
  std::uint32_t person, series;
  std::uint8_t flags;
};

// A plan the scheduler follows: an existing one or one it will create.
struct PlanSlot {
  std::uint32_t existing = no_index;  // dense index, or no_index for a new plan
  std::uint32_t person = no_index;    // owner (no_index for a team's plan)
  std::uint32_t training = no_index;
  ActionPlan value;           // the record (new: as it will be written)
  bool generated = false;     // the scheduler owns its due date
  bool needed = false;        // some event of it is in the horizon (a new plan is written)
  std::vector<Date> desired;  // check-ins it should have in the horizon
};

struct TaskSlot {
  std::uint32_t plan;  // plan slot
  Task value;
  bool exists = false;
  bool placed = false;
};

struct SessionWant {
  FeedbackSession feedback;
  PeerSession peer;
  bool is_peer = false;
  std::uint32_t training = no_index;
};

class Planner {
 public:
  // Levelling counts the whole ISO week of as_of: events earlier that week
  // are history but still take their place in the week's limit.
  Planner(const Workspace &ws, const ScheduleOptions &o)
      : t_(ws.impl().t),
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

  // Building events ---------------------------------------------------------
  std::uint32_t add_series(EventKind kind, Kind record_kind, std::string record,
                           std::uint32_t training, std::uint32_t policy,
                           std::uint32_t rule = no_index, Date start = {}, Date until = {}) {
    table_.series_list.push_back(
        EventSeries{kind, record_kind, std::move(record), training, policy, rule, start, until});
    return static_cast<std::uint32_t>(table_.series_list.size() - 1);
  }
  std::uint32_t rule_index(const std::string &text);
  // Rule dates after `after` up to `last`, expanded once per (rule, after).
  const std::vector<Date> &occurrences(std::uint32_t rule, Date after, Date last);
  // The distinct calendars of `people`.
  void shared_calendars(std::span<const std::uint32_t> people,
                        std::vector<std::uint16_t> &out) const;
  // Places a shared event on one date for all `people`; absent ones are reported.
  void shared_event(std::uint32_t series, std::span<const std::uint32_t> people, Date nominal,
                    Roll roll, bool counts, std::optional<Date> fixed_date, Date *placed);
  // A movable event of one person (or, with `fixed`, one that stays on that date).
  void individual(std::uint32_t person, std::uint32_t series, Date nominal, Date earliest,
                  std::uint32_t policy, EventKind kind, std::uint32_t plan, std::uint32_t task,
                  std::optional<Date> fixed = std::nullopt);

  void follow_training(std::uint32_t training);
  void follow_person_plan(std::uint32_t training, std::uint32_t policy, std::uint32_t person,
                          std::uint32_t participation);
  void follow_team_plan(std::uint32_t plan_index, std::uint32_t policy);
  void team_events();

  // Levelling and output ----------------------------------------------------
  void level();
  void diff_into(Schedule &out);
  bool change_in_scope(std::uint32_t training, std::uint32_t person) const;
  void emit(Schedule &out);

  const detail::Tables &t_;
  const ScheduleOptions &o_;
  PersonDays days_;
  Date count_from_;
  Policy builtin_ = default_policy();
  MemoryModel model_;

  std::vector<std::uint32_t> policy_of_training_;
  std::uint32_t default_policy_ = no_index;
  std::unordered_map<std::string, std::uint32_t> rule_ids_;
  std::vector<RecurrenceRule> parsed_rules_;
  std::unordered_map<std::uint64_t, std::vector<Date>> expansions_;

  Csr participations_by_training_, plans_by_person_, check_ins_by_plan_, goals_by_plan_,
      assignments_by_person_, groups_by_training_, members_by_team_;
  std::vector<std::uint8_t> session_has_responses_;
  std::vector<std::uint32_t> manager_of_;
  std::vector<std::uint8_t> in_team_scope_;
  std::vector<std::uint8_t> training_touches_team_;
  std::uint32_t scope_training_ = no_index;

  EventTable table_;
  std::vector<Row> rows_;
  std::vector<Pending> pending_;
  std::vector<Unplaced> unplaced_;
  std::vector<PlanSlot> plans_;
  std::vector<std::uint32_t> plan_slot_of_existing_;
  std::vector<TaskSlot> tasks_;
  std::vector<SessionWant> sessions_;
  std::unordered_set<std::string> wanted_session_ids_;
};

std::string iso(Date d) {
  return d.to_string();
}

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
  const auto key = (std::uint64_t{rule} << 40) ^
                   (std::uint64_t(std::uint32_t(after.days())) << 20) ^
                   std::uint64_t(std::uint32_t(last.days() - after.days()));
  auto [it, fresh] = expansions_.try_emplace(key);
  if (fresh && last > after) {
    const Date from(after.days() + 1);
    it->second = Recurrence(parsed_rules_[rule], from).between(from, last);
  }
  return it->second;
}

void Planner::shared_calendars(std::span<const std::uint32_t> people,
                               std::vector<std::uint16_t> &out) const {
  out.clear();
  for (auto p : people) {
    const auto c = days_.calendar_index(p);
    if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  }
}

void Planner::shared_event(std::uint32_t series, std::span<const std::uint32_t> people,
                           Date nominal, Roll roll, bool counts, std::optional<Date> fixed_date,
                           Date *placed) {
  std::vector<std::uint16_t> cals;
  shared_calendars(people, cals);
  std::optional<Date> day = fixed_date ? fixed_date : days_.roll_shared(cals, nominal, roll);
  if (!day) {
    for (auto p : people)
      unplaced_.push_back({series, p, nominal,
                           "no day within " + std::to_string(detail::max_roll_days) + " days of " +
                               iso(nominal) + " is a business day for every attendee"});
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
                           "absent on " + iso(*day) + " (absence " + abs.id + ", " +
                               iso(abs.first) + ".." + iso(abs.last) + ")"});
      continue;
    }
    if (!history) rows_.push_back({*day, nominal, p, series, flags});
    if (counts) {
      // Shared events are anchors of levelling: they count for the week, never move.
      pending_.push_back({p, series, nominal, *day, *day, no_index, no_index, no_index,
                          EventKind::feedback_session, true, true, 0});
    }
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
  pending_.push_back({person, series, nominal, candidate, earliest, policy, plan, task, kind,
                      fixed.has_value(), false, flags});
}

void Planner::follow_training(std::uint32_t ti) {
  const auto &training = t_.trainings.rows[ti];
  const auto pi = policy_of_training_[ti];
  const Policy &p = policy(pi);
  const Date end = training.end;
  const Date horizon_end(end.days() + p.horizon_days);
  if (horizon_end < o_.as_of) return;  // its follow-up is over

  std::vector<std::uint32_t> people, participation_of;
  for (auto pa : participations_by_training_.of(ti)) {
    const auto person = *t_.people.index_of(t_.participations.rows[pa].person);
    if (std::find(people.begin(), people.end(), person) != people.end()) continue;
    people.push_back(person);
    participation_of.push_back(pa);
  }
  for (std::size_t k = 0; k < people.size(); ++k)
    follow_person_plan(ti, pi, people[k], participation_of[k]);

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
    if (!fixed && day != Date::min() && day >= o_.as_of) {
      SessionWant w;
      w.feedback = FeedbackSession{id, training.id, "", day, {}};
      if (existing) w.feedback.questions = t_.feedback_sessions.rows[*existing].questions;
      w.training = ti;
      wanted_session_ids_.insert(id);
      sessions_.push_back(std::move(w));
    }
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
      }
      Date day = Date::min();
      shared_event(series, attendees, nominal, p.roll, true, fixed, &day);
      if (!fixed && day != Date::min() && day >= o_.as_of && day <= o_.until) {
        SessionWant w;
        w.is_peer = true;
        w.peer = PeerSession{id, group.id, day, {}};
        w.training = ti;
        wanted_session_ids_.insert(id);
        sessions_.push_back(std::move(w));
      }
    }
  }
}

void Planner::follow_person_plan(std::uint32_t ti, std::uint32_t pi, std::uint32_t person,
                                 std::uint32_t participation) {
  const auto &training = t_.trainings.rows[ti];
  const Policy &p = policy(pi);
  const auto &who = t_.people.rows[person];
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
  const std::string generated_id = t_.participations.rows[participation].id + "/plan";
  const auto slot = static_cast<std::uint32_t>(plans_.size());
  PlanSlot ps;
  ps.person = person;
  ps.training = ti;
  ps.existing = existing;
  if (existing != no_index) {
    ps.value = t_.action_plans.rows[existing];
    ps.generated = ps.value.id == generated_id;
    plan_slot_of_existing_[existing] = slot;
  } else {
    ps.generated = true;
    ps.value = ActionPlan{
        generated_id,    "Action plan: " + training.title, who.id, "", training.id, end, end,
        PlanStatus::open};
  }
  const Date due_nominal =
      ps.generated ? days_.calendar(person).add_business_days(end, p.plan_due_business_days)
                   : ps.value.due;
  if (ps.generated && existing == no_index) ps.value.due = due_nominal;
  const std::string plan_id = ps.value.id;
  const bool open = ps.value.status == PlanStatus::open;
  plans_.push_back(std::move(ps));
  if (!open) return;  // a done or cancelled plan gets no new events

  // Step 1: the plan is due; check-ins on the rule; reinforcement after them.
  // A user's own plan keeps its due date; a generated one is levelled like any event.
  individual(person, add_series(EventKind::plan_due, Kind::action_plan, plan_id, ti, pi),
             due_nominal, earliest, pi, EventKind::plan_due, slot, no_index,
             plans_[slot].generated ? std::nullopt : std::optional<Date>(due_nominal));

  const auto rule = rule_index(p.check_in_rule);
  const Date last(due_nominal.days() + 7 * p.check_in_weeks);
  const auto &dates = occurrences(rule, due_nominal, last);
  const auto existing_rows =
      existing == no_index ? std::span<const std::uint32_t>{} : check_ins_by_plan_.of(existing);
  // A held or missed check-in on the day a rule date rolls to is that occurrence: it stays.
  auto held_on = [&](Date d) {
    for (auto r : existing_rows)
      if (t_.check_ins.scheduled[r] == d && t_.check_ins.status[r] != CheckInStatus::scheduled)
        return true;
    return false;
  };
  std::vector<Date> matched;
  if (!dates.empty()) {
    const auto series = add_series(EventKind::check_in, Kind::action_plan, plan_id, ti, pi, rule,
                                   dates.front(), last);
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
      const Date day = t_.check_ins.scheduled[r];
      if (t_.check_ins.status[r] == CheckInStatus::scheduled ||
          std::find(matched.begin(), matched.end(), day) != matched.end())
        continue;
      individual(person, series, day, earliest, pi, EventKind::check_in, slot, no_index, day);
    }
  }
  // Held check-ins of the plan that no rule date explains stay in the table as they are.
  std::vector<Date> review_dates;
  std::vector<Rating> ratings;
  {
    std::vector<std::pair<Date, Rating>> history;
    for (auto r : existing_rows) {
      if (t_.check_ins.status[r] != CheckInStatus::held) continue;
      if (auto rating = rating_of(t_.check_ins.outcome[r]))
        history.emplace_back(t_.check_ins.held[r], *rating);
    }
    std::sort(history.begin(), history.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &[d, r] : history) {
      review_dates.push_back(d);
      ratings.push_back(r);
    }
  }
  if (!review_dates.empty()) {
    const auto state = model_.replay(review_dates, ratings);
    const auto gap = model_.next_interval_days(state, p.retention_target, p.max_interval_days);
    Date next(review_dates.back().days() + gap);
    // While the regular check-ins run they are the reinforcement; after the
    // last one, the memory model places the next touchpoint.
    const bool covered =
        std::any_of(dates.begin(), dates.end(), [&](Date d) { return d > review_dates.back(); });
    if (!covered) {
      if (next < o_.as_of) next = o_.as_of;  // overdue: as soon as possible
      individual(person, add_series(EventKind::reinforcement, Kind::action_plan, plan_id, ti, pi),
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
    std::string task_id = plan_id + "/on-the-job";
    const auto existing_task = t_.tasks.index_of(task_id);
    if (!(existing_task && t_.tasks.rows[*existing_task].done)) {
      TaskSlot ts;
      ts.plan = slot;
      ts.exists = existing_task.has_value();
      ts.value =
          ts.exists
              ? t_.tasks.rows[*existing_task]
              : Task{task_id, plan_id,     "Agree an on-the-job assignment: " + training.title,
                     "",      due_nominal, std::nullopt};
      const auto task_slot = static_cast<std::uint32_t>(tasks_.size());
      tasks_.push_back(std::move(ts));
      individual(person, add_series(EventKind::assignment_review, Kind::task, task_id, ti, pi),
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
    individual(person,
               add_series(EventKind::celebration_review, Kind::action_plan, plan_id, ti, pi), last,
               earliest, pi, EventKind::celebration_review, no_index, no_index);
  }
}

void Planner::follow_team_plan(std::uint32_t plan_index, std::uint32_t pi) {
  const auto &plan = t_.action_plans.rows[plan_index];
  const auto ti = *t_.trainings.index_of(plan.training);
  const Policy &p = policy(pi);
  const auto slot = static_cast<std::uint32_t>(plans_.size());
  PlanSlot ps;
  ps.existing = plan_index;
  ps.training = ti;
  ps.value = plan;
  plans_.push_back(std::move(ps));
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
    if (day != Date::min() && day >= o_.as_of && day <= o_.until)
      plans_[slot].desired.push_back(day);
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

// Levelling: per person, fixed events first, then the movable ones in date
// order, each on the nearest day within the tolerance where the person's
// week and the manager's day have room.
void Planner::level() {
  std::stable_sort(pending_.begin(), pending_.end(), [](const Pending &a, const Pending &b) {
    if (a.person != b.person) return a.person < b.person;
    if (a.fixed != b.fixed) return a.fixed;
    if (a.candidate != b.candidate) return a.candidate < b.candidate;
    return a.series < b.series;
  });
  std::unordered_map<std::uint64_t, std::uint32_t> manager_day;
  std::vector<std::pair<std::int32_t, std::int32_t>> week_load;  // (week, count)
  std::vector<std::pair<std::uint32_t, Date>> used;              // (series, day)
  auto load = [&](std::int32_t week) -> std::int32_t & {
    for (auto &w : week_load)
      if (w.first == week) return w.second;
    week_load.emplace_back(week, 0);
    return week_load.back().second;
  };
  auto mkey = [](std::uint32_t m, Date d) {
    return (std::uint64_t{m} << 32) | std::uint32_t(d.days());
  };

  std::size_t i = 0;
  while (i < pending_.size()) {
    const auto person = pending_[i].person;
    std::size_t j = i;
    while (j < pending_.size() && pending_[j].person == person)
      ++j;
    week_load.clear();
    used.clear();
    const auto manager = manager_of_[person];
    for (std::size_t k = i; k < j; ++k) {
      auto &e = pending_[k];
      if (e.fixed) {
        if (e.candidate >= count_from_ && e.candidate <= o_.until) ++load(week_of(e.candidate));
        used.emplace_back(e.series, e.candidate);
        if (e.candidate >= o_.as_of && e.candidate <= o_.until && !e.anchor) {
          rows_.push_back({e.candidate, e.nominal, person, e.series, e.flags});
          if (e.plan != no_index) plans_[e.plan].needed = true;
        }
        continue;
      }
      if (e.candidate == Date::min()) {
        if (e.nominal >= o_.as_of && e.nominal <= o_.until)
          unplaced_.push_back({e.series, person, e.nominal,
                               "no business day of " + t_.people.rows[person].id + " within " +
                                   std::to_string(detail::max_roll_days) + " days of " +
                                   iso(e.nominal)});
        continue;
      }
      if (e.candidate < count_from_ || e.candidate > o_.until) continue;  // outside the horizon
      if (e.candidate < o_.as_of) {
        // Earlier in as_of's week: history, but it took its place in the week.
        ++load(week_of(e.candidate));
        used.emplace_back(e.series, e.candidate);
        continue;
      }
      const Policy &p = policy(e.policy);
      const auto cap = p.max_events_per_week;
      const auto mcap = manager == no_index ? 0 : p.max_events_per_manager_day;
      const Date lo = std::max(o_.as_of, e.earliest);
      auto fits = [&](Date d) {
        if (d < lo) return false;
        if (d != e.candidate && !days_.available(person, d)) return false;
        if (load(week_of(d)) >= cap) return false;
        if (mcap > 0) {
          auto it = manager_day.find(mkey(manager, d));
          if (it != manager_day.end() && it->second >= std::uint32_t(mcap)) return false;
        }
        for (const auto &u : used)
          if (u.first == e.series && u.second == d) return false;
        return true;
      };
      std::optional<Date> day;
      for (std::int32_t off = 0; off <= p.tolerance_days && !day; ++off) {
        if (fits(Date(e.candidate.days() + off)))
          day = Date(e.candidate.days() + off);
        else if (off > 0 && fits(Date(e.candidate.days() - off)))
          day = Date(e.candidate.days() - off);
      }
      if (!day) {
        std::string why = "no business day within " + std::to_string(p.tolerance_days) +
                          " days of " + iso(e.candidate) + " where " + t_.people.rows[person].id +
                          " has fewer than " + std::to_string(cap) + " follow-ups that week";
        if (mcap > 0)
          why += " and manager " + t_.people.rows[manager].id + " fewer than " +
                 std::to_string(mcap) + " that day";
        unplaced_.push_back({e.series, person, e.nominal, std::move(why)});
        continue;
      }
      ++load(week_of(*day));
      if (mcap > 0) ++manager_day[mkey(manager, *day)];
      used.emplace_back(e.series, *day);
      std::uint8_t flags = e.flags;
      if (*day != e.candidate) flags |= event_levelled;
      e.candidate = *day;
      if (*day <= o_.until) rows_.push_back({*day, e.nominal, person, e.series, flags});
      // What the placement means for the records.
      if (e.plan != no_index) {
        auto &ps = plans_[e.plan];
        ps.needed = true;
        if (e.kind == EventKind::plan_due) {
          if (ps.generated) ps.value.due = *day;
        } else {
          ps.desired.push_back(*day);
        }
      }
      if (e.task != no_index) {
        tasks_[e.task].value.due = *day;
        tasks_[e.task].placed = true;
        plans_[tasks_[e.task].plan].needed = true;
      }
    }
    i = j;
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
  participations_by_training_ = Csr::build(
      t.trainings.size(), t.participations.size(),
      [&](std::size_t i) { return *t.trainings.index_of(t.participations.rows[i].training); });
  plans_by_person_ = Csr::build(t.people.size(), t.action_plans.size(), [&](std::size_t i) {
    return person_of(t.action_plans.rows[i].person);
  });
  check_ins_by_plan_ = Csr::build(t.action_plans.size(), t.check_ins.size(),
                                  [&](std::size_t i) { return t.check_ins.plan[i]; });
  goals_by_plan_ = Csr::build(t.action_plans.size(), t.goals.size(), [&](std::size_t i) {
    return *t.action_plans.index_of(t.goals.rows[i].plan);
  });
  assignments_by_person_ = Csr::build(t.people.size(), t.assignments.size(), [&](std::size_t i) {
    return person_of(t.assignments.rows[i].person);
  });
  groups_by_training_ = Csr::build(t.trainings.size(), t.peer_groups.size(), [&](std::size_t i) {
    const auto &tr = t.peer_groups.rows[i].training;
    return tr.empty() ? no_index : *t.trainings.index_of(tr);
  });
  members_by_team_ = Csr::build(t.teams.size(), t.people.size(), [&](std::size_t i) {
    const auto &team = t.people.rows[i].team;
    return team.empty() ? no_index : *t.teams.index_of(team);
  });
  session_has_responses_.assign(t.feedback_sessions.size(), 0);
  for (auto s : t.responses.session)
    session_has_responses_[s] = 1;
  manager_of_.resize(t.people.size());
  for (std::size_t i = 0; i < t.people.size(); ++i)
    manager_of_[i] = person_of(t.people.rows[i].manager);
  plan_slot_of_existing_.assign(t.action_plans.size(), no_index);

  if (o_.scope.type == Scope::Type::training) scope_training_ = *t.trainings.index_of(o_.scope.id);
  if (o_.scope.type == Scope::Type::team) {
    in_team_scope_ = detail::people_in_team(t, *t.teams.index_of(o_.scope.id));
    training_touches_team_.assign(t.trainings.size(), 0);
    for (const auto &pa : t.participations.rows)
      if (in_team_scope_[*t.people.index_of(pa.person)])
        training_touches_team_[*t.trainings.index_of(pa.training)] = 1;
  }

  for (std::size_t ti = 0; ti < t.trainings.size(); ++ti)
    if (!t.trainings.rows[ti].cancelled) follow_training(static_cast<std::uint32_t>(ti));
  for (std::size_t i = 0; i < t.action_plans.size(); ++i) {
    const auto &plan = t.action_plans.rows[i];
    if (plan.team.empty() || plan.training.empty()) continue;
    const auto ti = *t.trainings.index_of(plan.training);
    if (!t.trainings.rows[ti].cancelled)
      follow_team_plan(static_cast<std::uint32_t>(i), policy_of_training_[ti]);
  }
  team_events();
  level();

  Schedule out;
  diff_into(out);
  emit(out);
  return out;
}

void Planner::diff_into(Schedule &out) {
  const auto &t = t_;
  auto &batch = out.changes.records;
  auto &add = out.changes.add_check_ins;
  auto &remove = out.changes.remove_check_ins;
  auto inside = [&](Date d) { return d >= o_.as_of && d <= o_.until; };

  // Plans first: new check-ins and tasks refer to them.
  for (const auto &ps : plans_) {
    if (ps.person == no_index || !change_in_scope(ps.training, ps.person)) continue;
    if (ps.existing == no_index) {
      if (ps.needed) batch.add(ps.value);
    } else if (ps.generated && ps.value.status == PlanStatus::open) {
      const auto &old = t.action_plans.rows[ps.existing];
      if (old.due != ps.value.due && old.due >= o_.as_of && ps.value.due >= o_.as_of)
        batch.update(ps.value);
    }
  }
  std::unordered_set<std::string> wanted_tasks;
  for (const auto &ts : tasks_) {
    const auto &ps = plans_[ts.plan];
    if (!change_in_scope(ps.training, ps.person)) continue;
    wanted_tasks.insert(ts.value.id);
    if (!ts.placed) continue;
    if (!ts.exists) {
      batch.add(ts.value);
    } else {
      const auto &old = *t.tasks.find(ts.value.id);
      if (old.due != ts.value.due && old.due >= o_.as_of) batch.update(ts.value);
    }
  }
  // Tasks the scheduler made that are no longer wanted (an assignment exists now).
  for (const auto &task : t.tasks.rows) {
    static constexpr std::string_view suffix = "/on-the-job";
    if (task.done || !inside(task.due) || wanted_tasks.count(task.id) ||
        task.id.size() != task.plan.size() + suffix.size() ||
        task.id.compare(0, task.plan.size(), task.plan) != 0 ||
        task.id.compare(task.plan.size(), suffix.size(), suffix) != 0)
      continue;
    const auto pl = *t.action_plans.index_of(task.plan);
    const auto slot = plan_slot_of_existing_[pl];
    const auto &plan = t.action_plans.rows[pl];
    const auto ti = plan.training.empty() ? no_index : *t.trainings.index_of(plan.training);
    const auto person = plan.person.empty() ? no_index : *t.people.index_of(plan.person);
    if (slot == no_index && (ti == no_index || !t.trainings.rows[ti].cancelled)) continue;
    if (change_in_scope(ti, person)) batch.remove(Key(Kind::task, task.id));
  }

  // Sessions.
  for (const auto &w : sessions_) {
    if (!change_in_scope(w.training, no_index)) continue;
    if (w.is_peer) {
      if (const auto *old = t.peer_sessions.find(w.peer.id)) {
        if (old->date != w.peer.date) batch.update(w.peer);
      } else {
        batch.add(w.peer);
      }
    } else {
      if (const auto *old = t.feedback_sessions.find(w.feedback.id)) {
        if (old->date != w.feedback.date) batch.update(w.feedback);
      } else {
        batch.add(w.feedback);
      }
    }
  }
  for (std::size_t i = 0; i < t.feedback_sessions.size(); ++i) {
    const auto &s = t.feedback_sessions.rows[i];
    if (s.training.empty() || wanted_session_ids_.count(s.id) || !inside(s.date) ||
        session_has_responses_[i])
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
  for (const auto &s : t.peer_sessions.rows) {
    if (wanted_session_ids_.count(s.id) || !inside(s.date) || !s.attendees.empty()) continue;
    if (s.id.size() != s.group.size() + 11 || s.id.compare(0, s.group.size(), s.group) != 0 ||
        s.id[s.group.size()] != '/')
      continue;
    const auto &group = *t.peer_groups.find(s.group);
    const auto ti = group.training.empty() ? no_index : *t.trainings.index_of(group.training);
    if (change_in_scope(ti, no_index)) batch.remove(Key(Kind::peer_session, s.id));
  }

  // Check-ins: the scheduled ones in the horizon are the policy's to keep, add or take out.
  std::vector<std::pair<std::string, Date>> adds, removes;
  std::vector<Date> have;
  for (const auto &ps : plans_) {
    if (!change_in_scope(ps.training, ps.person)) continue;
    if (ps.existing == no_index && !ps.needed) continue;
    auto want = ps.desired;
    std::sort(want.begin(), want.end());
    have.clear();
    if (ps.existing != no_index) {
      for (auto r : check_ins_by_plan_.of(ps.existing)) {
        const Date d = t.check_ins.scheduled[r];
        have.push_back(d);
        if (t.check_ins.status[r] == CheckInStatus::scheduled && inside(d) &&
            !std::binary_search(want.begin(), want.end(), d))
          removes.emplace_back(ps.value.id, d);
      }
    }
    for (const Date d : want)
      if (std::find(have.begin(), have.end(), d) == have.end()) adds.emplace_back(ps.value.id, d);
  }
  // Plans of cancelled trainings: their future check-ins go.
  for (std::size_t pl = 0; pl < t.action_plans.size(); ++pl) {
    const auto &plan = t.action_plans.rows[pl];
    if (plan.training.empty() || plan_slot_of_existing_[pl] != no_index) continue;
    const auto ti = *t.trainings.index_of(plan.training);
    if (!t.trainings.rows[ti].cancelled) continue;
    const auto person = plan.person.empty() ? no_index : *t.people.index_of(plan.person);
    if (!change_in_scope(ti, person)) continue;
    for (auto r : check_ins_by_plan_.of(pl))
      if (t.check_ins.status[r] == CheckInStatus::scheduled && inside(t.check_ins.scheduled[r]))
        removes.emplace_back(plan.id, t.check_ins.scheduled[r]);
  }
  std::sort(adds.begin(), adds.end());
  std::sort(removes.begin(), removes.end());
  for (auto &[plan, d] : adds) {
    add.plan.push_back(std::move(plan));
    add.scheduled.push_back(d);
  }
  for (auto &[plan, d] : removes) {
    remove.plan.push_back(std::move(plan));
    remove.scheduled.push_back(d);
  }
}

void Planner::emit(Schedule &out) {
  auto keep = [&](std::uint32_t person, std::uint32_t series) {
    const auto &s = table_.series_list[series];
    switch (o_.scope.type) {
      case Scope::Type::all:
        return true;
      case Scope::Type::training:
        return s.training == scope_training_;
      case Scope::Type::team:
        return in_team_scope_[person] != 0;
    }
    return true;
  };
  std::erase_if(rows_, [&](const Row &r) { return !keep(r.person, r.series); });
  std::sort(rows_.begin(), rows_.end(), [](const Row &a, const Row &b) {
    if (a.date != b.date) return a.date < b.date;
    if (a.person != b.person) return a.person < b.person;
    return a.series < b.series;
  });
  auto &e = table_;
  const auto n = rows_.size();
  e.date.reserve(n);
  e.nominal.reserve(n);
  e.person.reserve(n);
  e.series.reserve(n);
  e.flags.reserve(n);
  for (const auto &r : rows_) {
    e.date.push_back(r.date);
    e.nominal.push_back(r.nominal);
    e.person.push_back(r.person);
    e.series.push_back(r.series);
    e.flags.push_back(r.flags);
  }
  rows_ = {};
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
  return planner.run();
}

}  // namespace levande
