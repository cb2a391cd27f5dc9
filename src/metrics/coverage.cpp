// Six-step coverage per participation (docs/metrics.md).
#include <algorithm>
#include <array>

#include "levande/error.hpp"
#include "levande/metrics.hpp"
#include "metrics/groups.hpp"
#include "workspace/impl.hpp"
#include "workspace/links.hpp"

namespace levande {

namespace detail {

std::array<std::vector<std::uint8_t>, 6> coverage_steps(const Workspace &workspace, Date as_of) {
  const auto &t = workspace.impl().t;
  const auto links = detail::links_of(workspace);
  const std::size_t n = t.participations.size();
  const auto &person = links->participation_person;
  const auto &training = links->participation_training;
  // Participations per person (a counting sort): a person has few.
  std::vector<std::uint32_t> start(t.people.size() + 1, 0), rows(n);
  for (std::size_t i = 0; i < n; ++i)
    ++start[person[i] + 1];
  for (std::size_t p = 0; p < t.people.size(); ++p)
    start[p + 1] += start[p];
  {
    auto fill = start;
    for (std::uint32_t i = 0; i < n; ++i)
      rows[fill[person[i]]++] = i;
  }
  std::array<std::vector<std::uint8_t>, 6> step;
  for (auto &s : step)
    s.assign(n, 0);
  // Marks step s for every participation of (person, training).
  auto mark = [&](std::size_t s, std::uint32_t p, std::uint32_t tr) {
    for (auto i = start[p]; i < start[p + 1]; ++i)
      if (training[rows[i]] == tr) step[s][rows[i]] = 1;
  };

  // 1. An action plan for the training with a check-in held by the date.
  std::vector<std::uint8_t> plan_held(t.action_plans.size(), 0);
  for (std::size_t r = 0; r < t.check_ins.size(); ++r)
    if (t.check_ins.status[r] == CheckInStatus::held && !(as_of < t.check_ins.held[r]))
      plan_held[t.check_ins.plan[r]] = 1;
  for (std::size_t i = 0; i < t.action_plans.size(); ++i) {
    if (plan_held[i] && links->plan_person[i] != detail::no_entity &&
        links->plan_training[i] != detail::no_entity)
      mark(0, links->plan_person[i], links->plan_training[i]);
  }
  // 2. An active or completed assignment for the training or one of its skills.
  for (const auto &a : t.assignments.rows) {
    if (a.person.empty() || as_of < a.start ||
        !(a.status == AssignmentStatus::active || a.status == AssignmentStatus::completed))
      continue;
    const auto p = *t.people.index_of(a.person);
    if (!a.training.empty()) {
      mark(1, p, *t.trainings.index_of(a.training));
    } else {
      for (auto i = start[p]; i < start[p + 1]; ++i) {
        const auto &skills = t.trainings.rows[training[rows[i]]].skills;
        if (std::find(skills.begin(), skills.end(), a.skill) != skills.end()) step[1][rows[i]] = 1;
      }
    }
  }
  // 3. Attended a session of a peer group of the training, or is its ambassador.
  for (std::size_t s = 0; s < t.peer_sessions.size(); ++s) {
    const auto &session = t.peer_sessions.rows[s];
    const auto tr = links->group_training[links->peer_session_group[s]];
    if (as_of < session.date || tr == detail::no_entity) continue;
    for (const auto &who : session.attendees)
      mark(2, *t.people.index_of(who), tr);
  }
  for (const auto &a : t.ambassadors.rows)
    if (!a.training.empty())
      mark(2, *t.people.index_of(a.person), *t.trainings.index_of(a.training));
  // 4. Answered a feedback session about the training.
  for (std::size_t r = 0; r < t.responses.size(); ++r) {
    const auto session = t.responses.session[r];
    const auto tr = links->session_training[session];
    if (tr == detail::no_entity || as_of < t.feedback_sessions.rows[session].date) continue;
    mark(3, t.responses.person[r], tr);
  }
  // 5. A success for the person, or for a goal of their plan for the training.
  for (const auto &s : t.successes.rows) {
    if (as_of < s.date) continue;
    if (!s.goal.empty()) {
      const auto plan = links->goal_plan[*t.goals.index_of(s.goal)];
      if (links->plan_person[plan] != detail::no_entity &&
          links->plan_training[plan] != detail::no_entity)
        mark(4, links->plan_person[plan], links->plan_training[plan]);
    } else if (!s.person.empty()) {
      // Every training of the person that had ended by the success.
      const auto p = *t.people.index_of(s.person);
      for (auto i = start[p]; i < start[p + 1]; ++i)
        if (!(s.date < t.trainings.rows[training[rows[i]]].end)) step[4][rows[i]] = 1;
    }
  }
  // 6. A learning activity after the training's end (and by the date): the
  //    person's latest activity by the date tells.
  {
    std::vector<Date> latest(t.people.size(), Date::min());
    const auto &a = t.activities;
    for (std::size_t r = 0; r < a.size(); ++r)
      if (!(as_of < a.date[r]) && latest[a.person[r]] < a.date[r]) latest[a.person[r]] = a.date[r];
    for (std::uint32_t i = 0; i < n; ++i)
      step[5][i] = t.trainings.rows[training[i]].end < latest[person[i]];
  }
  return step;
}

std::vector<double> coverage_scores(const Workspace &workspace, Date as_of) {
  const auto step = coverage_steps(workspace, as_of);
  std::vector<double> score(step[0].size());
  for (std::size_t i = 0; i < score.size(); ++i) {
    unsigned steps = 0;
    for (const auto &s : step)
      steps += s[i];
    score[i] = steps / 6.0;
  }
  return score;
}

}  // namespace detail

Table coverage(const Workspace &workspace, Date as_of) {
  detail::require_date(as_of);
  const auto &t = workspace.impl().t;
  const auto links = detail::links_of(workspace);
  const std::size_t n = t.participations.size();
  const auto &person = links->participation_person;
  const auto &training = links->participation_training;
  auto step = detail::coverage_steps(workspace, as_of);

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
