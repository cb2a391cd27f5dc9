// Six-step coverage per participation (docs/metrics.md).
#include <algorithm>
#include <array>

#include "levande/error.hpp"
#include "levande/metrics.hpp"
#include "metrics/groups.hpp"
#include "workspace/impl.hpp"

namespace levande {

Table coverage(const Workspace &workspace, Date as_of) {
  detail::require_date(as_of);
  const auto &t = workspace.impl().t;
  const std::size_t n = t.participations.size();
  // (person, training) -> participation rows, as one sorted key list.
  auto key = [](std::uint32_t person, std::uint32_t training) {
    return (std::uint64_t{person} << 32) | training;
  };
  std::vector<std::uint32_t> person(n), training(n);
  std::vector<std::pair<std::uint64_t, std::uint32_t>> by_pair(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    const auto &pa = t.participations.rows[i];
    person[i] = *t.people.index_of(pa.person);
    training[i] = *t.trainings.index_of(pa.training);
    by_pair[i] = {key(person[i], training[i]), i};
  }
  std::sort(by_pair.begin(), by_pair.end());
  std::array<std::vector<std::uint8_t>, 6> step;
  for (auto &s : step)
    s.assign(n, 0);
  // Marks step s for every participation of (person, training).
  auto mark = [&](std::size_t s, std::uint32_t p, std::uint32_t tr) {
    auto it = std::lower_bound(by_pair.begin(), by_pair.end(), std::pair{key(p, tr), 0u});
    for (; it != by_pair.end() && it->first == key(p, tr); ++it)
      step[s][it->second] = 1;
  };
  auto training_of = [&](const std::string &id) {
    return id.empty() ? detail::no_entity : *t.trainings.index_of(id);
  };

  // 1. An action plan for the training with a check-in held by the date.
  std::vector<std::uint8_t> plan_held(t.action_plans.size(), 0);
  for (std::size_t r = 0; r < t.check_ins.size(); ++r)
    if (t.check_ins.status[r] == CheckInStatus::held && !(as_of < t.check_ins.held[r]))
      plan_held[t.check_ins.plan[r]] = 1;
  for (std::size_t i = 0; i < t.action_plans.size(); ++i) {
    const auto &plan = t.action_plans.rows[i];
    if (plan_held[i] && !plan.person.empty() && !plan.training.empty())
      mark(0, *t.people.index_of(plan.person), training_of(plan.training));
  }
  // 2. An active or completed assignment for the training or one of its skills.
  for (const auto &a : t.assignments.rows) {
    if (a.person.empty() || as_of < a.start ||
        !(a.status == AssignmentStatus::active || a.status == AssignmentStatus::completed))
      continue;
    const auto p = *t.people.index_of(a.person);
    if (!a.training.empty()) {
      mark(1, p, training_of(a.training));
    } else {
      for (std::uint32_t tr = 0; tr < t.trainings.size(); ++tr) {
        const auto &skills = t.trainings.rows[tr].skills;
        if (std::find(skills.begin(), skills.end(), a.skill) != skills.end()) mark(1, p, tr);
      }
    }
  }
  // 3. Attended a session of a peer group of the training, or is its ambassador.
  for (const auto &s : t.peer_sessions.rows) {
    if (as_of < s.date) continue;
    const auto tr = training_of(t.peer_groups.find(s.group)->training);
    if (tr == detail::no_entity) continue;
    for (const auto &who : s.attendees)
      mark(2, *t.people.index_of(who), tr);
  }
  for (const auto &a : t.ambassadors.rows)
    if (!a.training.empty()) mark(2, *t.people.index_of(a.person), training_of(a.training));
  // 4. Answered a feedback session about the training.
  for (std::size_t r = 0; r < t.responses.size(); ++r) {
    const auto &session = t.feedback_sessions.rows[t.responses.session[r]];
    if (as_of < session.date || session.training.empty()) continue;
    mark(3, t.responses.person[r], training_of(session.training));
  }
  // 5. A success for the person, or for a goal of their plan for the training.
  for (const auto &s : t.successes.rows) {
    if (as_of < s.date) continue;
    if (!s.goal.empty()) {
      const auto &plan = *t.action_plans.find(t.goals.find(s.goal)->plan);
      if (!plan.person.empty() && !plan.training.empty())
        mark(4, *t.people.index_of(plan.person), training_of(plan.training));
    } else if (!s.person.empty()) {
      // Every training of the person that had ended by the success.
      const auto p = *t.people.index_of(s.person);
      auto it = std::lower_bound(by_pair.begin(), by_pair.end(), std::pair{key(p, 0), 0u});
      for (; it != by_pair.end() && (it->first >> 32) == p; ++it)
        if (!(s.date < t.trainings.rows[training[it->second]].end)) step[4][it->second] = 1;
    }
  }
  // 6. A learning activity after the training's end.
  {
    std::vector<std::vector<Date>> activity(t.people.size());
    for (std::size_t r = 0; r < t.activities.size(); ++r)
      if (!(as_of < t.activities.date[r]))
        activity[t.activities.person[r]].push_back(t.activities.date[r]);
    for (std::uint32_t i = 0; i < n; ++i) {
      const Date end = t.trainings.rows[training[i]].end;
      for (const Date d : activity[person[i]])
        if (end < d) {
          step[5][i] = 1;
          break;
        }
    }
  }

  Table out;
  DictionaryColumn ids, people, trainings;
  for (std::uint32_t i = 0; i < n; ++i) {
    ids.codes.push_back(static_cast<std::int32_t>(i));
    ids.words.push_back(t.participations.rows[i].id);
    people.codes.push_back(static_cast<std::int32_t>(person[i]));
    trainings.codes.push_back(static_cast<std::int32_t>(training[i]));
  }
  for (const auto &p : t.people.rows)
    people.words.push_back(p.id);
  for (const auto &tr : t.trainings.rows)
    trainings.words.push_back(tr.id);
  std::vector<std::uint32_t> steps(n, 0);
  std::vector<double> score(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    for (const auto &s : step)
      steps[i] += s[i];
    score[i] = steps[i] / 6.0;
  }
  out.add("participation", std::move(ids));
  out.add("person", std::move(people));
  out.add("training", std::move(trainings));
  const char *names[] = {"action_plan", "on_the_job",  "peer_learning",
                         "feedback",    "celebration", "continuous_learning"};
  for (std::size_t s = 0; s < 6; ++s)
    out.add(names[s], std::move(step[s]));
  out.add("steps", std::move(steps));
  out.add("coverage", std::move(score));
  return out;
}

}  // namespace levande
