// The events of the six steps (planner.hpp): shared events of a training
// or team on one date for every attendee, each person's own events on
// their days, and then their levelling.
#include <algorithm>

#include "levande/error.hpp"
#include "levande/recurrence.hpp"
#include "levande/reinforcement.hpp"
#include "model/relations.hpp"
#include "schedule/planner.hpp"

namespace levande::planning {

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
  const Policy &p = this->policy(policy);
  pending_.push_back({nominal, policy, plan, task, kind, flags});
  level_events_.push_back({series, candidate, earliest, p.max_events_per_week,
                           p.max_events_per_manager_day, p.tolerance_days, fixed.has_value(), false,
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
      sessions_.push_back({ti, existing.value_or(no_index), false, std::move(id), {}, {}, day});
  }

  // Step 3: sessions of the training's peer groups on the policy's rule.
  const auto peer_rule = rule_index(p.peer_session_rule, p, "peer_session_rule");
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
        sessions_.push_back(
            {ti, existing.value_or(no_index), true, std::move(id), group.id, {}, day});
    }
  }
}

// Step 3: each ambassador of the training shares insights with their team
// (with sub-teams, whoever took the training: spreading it is the point),
// one shared event ambassador_session_weeks after the training's end.
void Planner::ambassador_sessions(std::uint32_t ti) {
  const auto pi = policy_of_training_[ti];
  const Policy &p = policy(pi);
  if (p.ambassador_session_weeks == 0) return;
  const Date nominal(t_.trainings.rows[ti].end.days() + 7 * p.ambassador_session_weeks);
  for (auto ai : ambassadors_by_training_.of(ti)) {
    const auto &a = t_.ambassadors.rows[ai];
    const auto team = links_->tree.team_of[*t_.people.index_of(a.person)];
    if (team == no_index) continue;  // nobody to share with
    const auto series = add_series(EventKind::ambassador_session, Kind::ambassador, a.id, ti, pi);
    // Recorded as a peer session of the ambassador, where attendance goes.
    // It is one duty: a session of the ambassador that was attended or is
    // past is it, whatever day the policy would give it now.
    std::string id = a.id + "/" + iso(nominal);
    std::optional<std::uint32_t> existing;
    std::optional<Date> fixed;
    for (auto si : sessions_by_ambassador_.of(ai)) {
      const auto &s = t_.peer_sessions.rows[si];
      if (s.date < o_.as_of || !s.attendees.empty()) {
        existing = si;
        fixed = s.date;
        break;
      }
    }
    if (!existing) existing = t_.peer_sessions.index_of(id);
    if (existing) {
      const auto &s = t_.peer_sessions.rows[*existing];
      if (s.date < o_.as_of || !s.attendees.empty()) fixed = s.date;
      peer_wanted_[*existing] = 1;
    }
    Date day = Date::min();
    shared_event(series, links_->team_people.of(team), nominal, p.roll, true, fixed, &day);
    if (!fixed && day != Date::min() && day >= o_.as_of && day <= o_.until)
      sessions_.push_back({ti, existing.value_or(no_index), true, std::move(id), {}, a.id, day});
  }
}

// A person's own events from every training they follow, then levelled.
void Planner::follow_person(std::uint32_t person) {
  pending_.clear();
  level_events_.clear();
  for (auto a : anchors_by_person_.of(person)) {
    const auto &x = anchors_[a];
    if (x.day >= o_.as_of) row(x.day, x.nominal, person, x.series, x.flags);
    // Shared events are anchors of levelling: they count for the week, never move.
    if (x.counts) {
      pending_.push_back({x.nominal, no_index, no_index, no_index, EventKind::feedback_session, 0});
      level_events_.push_back({x.series, x.day, x.day, 0, 0, 0, true, true, 0});
    }
  }
  auto &trainings = scratch_trainings_;  // a second participation in a training adds nothing
  trainings.clear();
  for (auto pa : participations_by_person_.of(person)) {
    const auto ti = training_of_participation_[pa];
    if (std::find(trainings.begin(), trainings.end(), ti) != trainings.end()) continue;
    trainings.push_back(ti);
    if (!followed(ti)) continue;
    const bool has_assignment = follow_assignments(ti, person);
    follow_person_plan(ti, person, pa, has_assignment);
  }
  level(person);
}

Planner::CheckInWindow Planner::check_in_window(std::uint32_t existing, Date agreed_by,
                                                const Policy &p) const {
  Date last(agreed_by.days() + 7 * p.check_in_weeks);
  if (existing == no_index) return {agreed_by, last};
  const auto &plan = t_.action_plans.rows[existing];
  if (plan.ends) {
    last = *plan.ends;
  } else if (p.check_ins_until == CheckInsUntil::goal_deadline) {
    const auto goals = goals_by_plan_.of(existing);
    if (!goals.empty()) {
      last = Date::min();
      for (auto g : goals)
        last = std::max(last, t_.goals.rows[g].deadline);
    }
  }
  return {agreed_by < last ? agreed_by : plan.created, last};
}

bool Planner::unused(std::uint32_t plan) {
  if (t_.action_plans.rows[plan].status != PlanStatus::open || !goals_by_plan_.of(plan).empty())
    return false;
  for (auto r : check_ins_by_plan_.of(plan))
    if (t_.check_ins.status[r] != CheckInStatus::scheduled) return false;
  if (tasks_by_plan_.offsets.size() != t_.action_plans.size() + 1)
    tasks_by_plan_ = Csr::build(t_.action_plans.size(), t_.tasks.size(), [&](std::size_t i) {
      return *t_.action_plans.index_of(t_.tasks.rows[i].plan);
    });
  for (auto task : tasks_by_plan_.of(plan))
    if (t_.tasks.rows[task].done || task != on_the_job_task_of_plan_[plan]) return false;
  return true;
}

bool Planner::follow_assignments(std::uint32_t ti, std::uint32_t person) {
  const auto &training = t_.trainings.rows[ti];
  const auto pi = policy_of_training_[ti];
  const Policy &p = policy(pi);
  const Date earliest(training.end.days() + 1);
  bool has_assignment = false;
  for (auto ai : assignments_by_person_.of(person)) {
    const auto &a = t_.assignments.rows[ai];
    if (!detail::is_about(a, training) || a.status == AssignmentStatus::cancelled) continue;
    has_assignment = true;
    if (a.status == AssignmentStatus::completed) continue;
    individual(person, add_series(EventKind::assignment_review, Kind::assignment, a.id, ti, pi),
               Date(a.start.days() + p.assignment_review_days), earliest, pi,
               EventKind::assignment_review, no_index, no_index);
  }
  return has_assignment;
}

void Planner::follow_person_plan(std::uint32_t ti, std::uint32_t person,
                                 std::uint32_t participation, bool has_assignment) {
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
  // Generated plans are named <participation>/plan.
  const bool generated = existing == no_index || [&] {
    const auto &id = t_.action_plans.rows[existing].id;
    return id.size() == participation_id.size() + 5 &&
           id.compare(0, participation_id.size(), participation_id) == 0 &&
           id.compare(participation_id.size(), 5, "/plan") == 0;
  }();
  // Whether the policy gives the participant a plan of their own. A plan
  // the user made is followed whatever the policy; a generated one the
  // policy no longer wants is retired when nobody used it, and followed
  // as before when somebody did (docs/schedule.md).
  const bool wanted = p.personal_plans == PersonalPlans::always ||
                      (p.personal_plans == PersonalPlans::unless_team_plan &&
                       !covered_by_team_plan_[participation]);
  if (!wanted && generated) {
    if (existing == no_index) return;
    if (unused(existing)) {
      retired_plans_.push_back(existing);
      return;
    }
  }
  const auto slot = static_cast<std::uint32_t>(plans_.size());
  PlanSlot ps;
  ps.person = person;
  ps.training = ti;
  ps.existing = existing;
  ps.participation = participation;
  ps.generated = generated;
  bool open = true;
  if (existing != no_index) {
    const auto &plan = t_.action_plans.rows[existing];
    ps.agreed_by = plan.agreed_by;
    open = plan.status == PlanStatus::open;
    plan_slot_of_existing_[existing] = slot;
  }
  const Date due_nominal =
      ps.generated ? days_.calendar(person).add_business_days(end, p.plan_due_business_days)
                   : ps.agreed_by;
  if (existing == no_index) ps.agreed_by = due_nominal;
  plans_.push_back(std::move(ps));
  new_plan_ids_.emplace_back();
  if (!open) return;  // a done or cancelled plan gets no new events
  const std::string plan = plan_id(plans_[slot]);

  // Step 1: the plan is due; check-ins on the rule; reinforcement after them.
  // A user's own plan keeps its due date; a generated one is levelled like any event.
  individual(person, add_series(EventKind::plan_due, Kind::action_plan, plan, ti, pi), due_nominal,
             earliest, pi, EventKind::plan_due, slot, no_index,
             plans_[slot].generated ? std::nullopt : std::optional<Date>(due_nominal));

  // Check-ins run after the plan is agreed until its end.
  const auto rule = rule_index(p.check_in_rule, p, "check_in_rule");
  const auto [first_after, last] = check_in_window(existing, due_nominal, p);
  const auto &dates = occurrences(rule, first_after, last);
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

  // Step 2: a task to agree an on-the-job assignment when there is none.
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

void Planner::follow_team_plan(std::uint32_t plan_index, std::uint32_t pi) {
  const auto &plan = t_.action_plans.rows[plan_index];
  const auto ti = *t_.trainings.index_of(plan.training);
  const Policy &p = policy(pi);
  const auto slot = static_cast<std::uint32_t>(plans_.size());
  PlanSlot ps;
  ps.existing = plan_index;
  ps.training = ti;
  ps.agreed_by = plan.agreed_by;
  plans_.push_back(std::move(ps));
  new_plan_ids_.emplace_back();
  plan_slot_of_existing_[plan_index] = slot;
  if (plan.status != PlanStatus::open) return;
  // The check-ins are for the people the plan covers: the team's, with its
  // sub-teams, who took part in the training (docs/metrics.md).
  std::vector<std::uint32_t> members;
  links_->for_covered(*t_.teams.index_of(plan.team), ti,
                      [&](std::uint32_t person) { members.push_back(person); });
  const auto rule = rule_index(p.check_in_rule, p, "check_in_rule");
  const auto [after, last] = check_in_window(plan_index, plan.agreed_by, p);
  const auto &dates = occurrences(rule, after, last);
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
    const auto rule = rule_index(slot.rule, slot, "rule");
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

// What became of each of the person's events, as rows, unplaced events
// and record changes, in the order levelling took them.
void Planner::level(std::uint32_t person) {
  using detail::Placement;
  const auto manager = manager_of_[person];
  const auto &results =
      leveller_.level(level_events_, manager, [&](Date d) { return days_.available(person, d); });
  for (const auto &r : results) {
    const auto &e = level_events_[r.event];
    const auto &p = pending_[r.event];
    switch (r.placement) {
      case Placement::fixed:
        if (e.candidate >= o_.as_of && e.candidate <= o_.until && !e.anchor) {
          row(e.candidate, p.nominal, person, e.series, p.flags);
          if (p.plan != no_index) plans_[p.plan].needed = true;
        }
        break;
      case Placement::no_day:
        if (p.nominal >= o_.as_of && p.nominal <= o_.until)
          unplaced_.push_back(
              {e.series, person, p.nominal,
               concat("no business day of ", t_.people.rows[person].id, " within ",
                      std::to_string(detail::max_roll_days), " days of ", iso(p.nominal))});
        break;
      case Placement::outside:
      case Placement::history:
        break;
      case Placement::no_room: {
        const auto cap_text = std::to_string(e.week_cap);
        const auto tolerance_text = std::to_string(e.tolerance);
        const auto &who = t_.people.rows[person].id;
        unplaced_.push_back(
            {e.series, person, p.nominal,
             manager != no_index && e.manager_cap > 0
                 ? concat("no business day within ", tolerance_text, " days of ", iso(e.candidate),
                          " where ", who, " has fewer than ", cap_text,
                          " follow-ups that week and manager ", t_.people.rows[manager].id,
                          " fewer than ", std::to_string(e.manager_cap), " that day")
                 : concat("no business day within ", tolerance_text, " days of ", iso(e.candidate),
                          " where ", who, " has fewer than ", cap_text, " follow-ups that week")});
        break;
      }
      case Placement::placed: {
        const Date day = r.day;
        std::uint8_t flags = p.flags;
        if (day != e.candidate) flags |= event_levelled;
        if (day <= o_.until) row(day, p.nominal, person, e.series, flags);
        // What the placement means for the records.
        if (p.plan != no_index) {
          auto &ps = plans_[p.plan];
          ps.needed = true;
          if (p.kind == EventKind::plan_due) {
            if (ps.generated) ps.agreed_by = day;
          } else {
            desired_.emplace_back(p.plan, day);
          }
        }
        if (p.task != no_index) {
          auto &ts = tasks_[p.task];
          ts.due = day;
          ts.placed = true;
          plans_[ts.plan].needed = true;
        }
        break;
      }
    }
  }
}

}  // namespace levande::planning
