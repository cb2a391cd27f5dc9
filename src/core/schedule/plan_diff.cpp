// Matching what the schedule wants against the records that exist
// (planner.hpp): plans, tasks, sessions and check-ins to add, update or
// remove, within the run's scope and never before as_of.
#include <algorithm>

#include "levande/error.hpp"
#include "schedule/planner.hpp"

namespace levande::planning {

const std::string &Planner::plan_id(const PlanSlot &ps) {
  if (ps.existing != no_index) return t_.action_plans.rows[ps.existing].id;
  auto &id = new_plan_ids_[static_cast<std::size_t>(&ps - plans_.data())];
  if (id.empty()) id = t_.participations.rows[ps.participation].id + "/plan";
  return id;
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
        batch.add(ActionPlan{.id = plan_id(ps),
                             .title = "Action plan: " + training.title,
                             .person = t.people.rows[ps.person].id,
                             .training = training.id,
                             .created = training.end,
                             .agreed_by = ps.agreed_by});
    } else if (ps.generated) {
      ActionPlan plan = t.action_plans.rows[ps.existing];
      if (plan.status == PlanStatus::open && plan.agreed_by != ps.agreed_by &&
          plan.agreed_by >= o_.as_of && ps.agreed_by >= o_.as_of &&
          (!plan.ends || ps.agreed_by <= *plan.ends)) {
        plan.agreed_by = ps.agreed_by;
        batch.update(std::move(plan));
      }
    }
  }
  // Generated personal plans the policy no longer wants (a team plan covers
  // the person now) that nobody used: removed with their scheduled
  // check-ins and on-the-job task (Planner::unused).
  for (const auto pl : retired_plans_)
    if (change_in_scope(links_->plan_training[pl], links_->plan_person[pl]))
      batch.remove(Key(Kind::action_plan, t.action_plans.rows[pl].id), true);
  std::vector<std::uint8_t> task_wanted(t.tasks.size(), 0);
  for (const auto &ts : tasks_) {
    const auto &ps = plans_[ts.plan];
    if (!change_in_scope(ps.training, ps.person)) continue;
    if (ts.existing != no_index) task_wanted[ts.existing] = 1;
    if (!ts.placed) continue;
    if (ts.existing == no_index) {
      const auto &plan = plan_id(ps);
      batch.add(
          Task{.id = plan + std::string(on_the_job_suffix),
               .plan = plan,
               .title = "Agree an on-the-job assignment: " + t.trainings.rows[ps.training].title,
               .due = ts.due});
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
        batch.add(
            PeerSession{.id = w.id, .group = w.group, .ambassador = w.ambassador, .date = w.date});
      else if (const auto &old = t.peer_sessions.rows[w.existing]; old.date != w.date)
        batch.update(PeerSession{.id = w.id,
                                 .group = w.group,
                                 .ambassador = w.ambassador,
                                 .date = w.date,
                                 .attendees = old.attendees});
    } else {
      if (w.existing == no_index) {
        batch.add(FeedbackSession{
            .id = w.id, .training = t.trainings.rows[w.training].id, .date = w.date});
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
    // Only the sessions the scheduler writes: <group or ambassador>/<date>.
    const auto &owner = s.group.empty() ? s.ambassador : s.group;
    if (s.id.size() != owner.size() + 11 || s.id.compare(0, owner.size(), owner) != 0 ||
        s.id[owner.size()] != '/')
      continue;
    const auto &training = s.group.empty() ? t.ambassadors.find(s.ambassador)->training
                                           : t.peer_groups.find(s.group)->training;
    const auto ti = training.empty() ? no_index : *t.trainings.index_of(training);
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

}  // namespace levande::planning
