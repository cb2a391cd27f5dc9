// The planner's view of the workspace (planner.hpp): each training's
// policy, rules parsed once, and the records grouped by the person, plan,
// training or team they belong to.
#include <unordered_map>

#include "levande/error.hpp"
#include "model/validate.hpp"
#include "schedule/planner.hpp"
#include "workspace/model_view.hpp"

namespace levande::planning {

Planner::Planner(const Workspace &ws, const ScheduleOptions &o)
    : t_(detail::ModelView(ws).tables()),
      links_(detail::ModelView(ws).links()),
      o_(o),
      days_(ws, o),
      count_from_(week_of(o.as_of) * 7 - 3),  // the Monday of as_of's week
      // Levelling looks at most tolerance (<= 90) days past until.
      leveller_(count_from_, o.as_of, o.until, Date(o.until.days() + 90)) {}

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

template <class T>
std::uint32_t Planner::rule_index(const std::string &text, const T &owner, const char *field) {
  if (auto it = rule_ids_.find(text); it != rule_ids_.end()) return it->second;
  const auto index = static_cast<std::uint32_t>(table_.rules.size());
  try {
    parsed_rules_.push_back(RecurrenceRule::parse(text));
  } catch (const Error &e) {
    throw e.within(detail::entity_path(owner) + "." + field);
  }
  table_.rules.push_back(text);
  rule_ids_.emplace(text, index);
  return index;
}
template std::uint32_t Planner::rule_index(const std::string &, const Policy &, const char *);
template std::uint32_t Planner::rule_index(const std::string &, const LearningSlot &, const char *);

const std::vector<Date> &Planner::occurrences(std::uint32_t rule, Date after, Date last) {
  auto [it, fresh] = expansions_.try_emplace({rule, after.days(), last.days()});
  if (fresh && last > after) {
    const Date from(after.days() + 1);
    it->second = Recurrence(parsed_rules_[rule], from).between(from, last);
  }
  return it->second;
}

void Planner::build_indexes() {
  const auto &t = t_;
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
  ambassadors_by_training_ =
      Csr::build(t.trainings.size(), t.ambassadors.size(), [&](std::size_t i) {
        const auto &training = t.ambassadors.rows[i].training;
        return training.empty() ? no_index : *t.trainings.index_of(training);
      });
  sessions_by_ambassador_ =
      Csr::build(t.ambassadors.size(), t.peer_sessions.size(),
                 [&](std::size_t i) { return links.peer_session_ambassador[i]; });
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
  // Participations an open team plan of the same training covers
  // (Policy::personal_plans).
  covered_by_team_plan_.assign(t.participations.size(), 0);
  for (std::size_t i = 0; i < t.action_plans.size(); ++i) {
    const auto team = links.plan_team[i], tr = links.plan_training[i];
    if (team == no_index || tr == no_index || t.action_plans.rows[i].status != PlanStatus::open)
      continue;
    links.for_covered(team, tr, [&](std::uint32_t p) {
      for (auto pa : participations_by_person_.of(p))
        if (training_of_participation_[pa] == tr) covered_by_team_plan_[pa] = 1;
    });
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
}

}  // namespace levande::planning
