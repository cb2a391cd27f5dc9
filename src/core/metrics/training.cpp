// Per training: Kirkpatrick levels 1-4, the application rate, Phillips ROI,
// peer learning, successes and retention health (docs/metrics.md).
#include <algorithm>
#include <cmath>

#include "levande/error.hpp"
#include "levande/metrics.hpp"
#include "metrics/basis.hpp"
#include "metrics/groups.hpp"
#include "model/relations.hpp"
#include "workspace/links.hpp"
#include "workspace/model_view.hpp"

namespace levande {

detail::Verdict detail::verdict_of(Date end, Date as_of, double participants, double outlook,
                                   double health, double adherence) {
  if (as_of < end || participants == 0) return {Verdict::not_started, missing};
  // Coverage builds up over the follow-up: a month in, it says little alone.
  if (std::isnan(outlook) && std::isnan(adherence) && as_of.days() - end.days() < 30)
    return {Verdict::too_early, missing};
  // Each signal known so far scores 2 (good), 1 (watch) or 0 (bad).
  double sum = 0, known = 0;
  bool bad = false;
  const auto grade = [&](double value, double good, double watch) {
    if (std::isnan(value)) return;
    const double points = value >= good ? 2 : value >= watch ? 1 : 0;
    sum += points;
    known += 1;
    bad = bad || points == 0;
  };
  grade(outlook, 0.7, 0.4);
  grade(adherence, 0.75, 0.5);
  grade(health, 0.6, 0.3);
  const double score = sum / known;
  return {score >= 1.5 && !bad ? Verdict::sticking
          : score >= 0.75      ? Verdict::needs_attention
                               : Verdict::not_sticking,
          score};
}

Table detail::training_outcomes(Basis &basis, const OutcomeOptions &options) {
  const Date as_of = basis.as_of();
  if (options.application_days < 0 || options.application_days > 3650) {
    throw Error(Errc::invalid_argument, "application_days",
                std::to_string(options.application_days), "must be between 0 and 3650");
  }
  for (const auto &[field, value] : {std::pair{"attribution", options.attribution},
                                     std::pair{"confidence", options.confidence}}) {
    if (!(value > 0 && value <= 1))
      throw Error(Errc::invalid_argument, field, std::to_string(value), "must be in (0, 1]");
  }
  const auto &t = basis.tables();
  const auto *links = &basis.links();
  const std::size_t n = t.trainings.size();
  constexpr double nan = detail::missing;
  auto mean = [](double sum, double count) { return count > 0 ? sum / count : nan; };

  // Levels 1 and 2 from the participations.
  std::vector<double> participants(n, 0), reactions(n, 0), reaction_sum(n, 0), scored(n, 0),
      pre_sum(n, 0), post_sum(n, 0), norm_sum(n, 0), norm_count(n, 0);
  // Who took part in each training, each person once.
  const auto &taking_part = basis.training_participants();
  for (std::size_t i = 0; i < t.participations.size(); ++i) {
    const auto ti = links->participation_training[i];
    const double reaction = links->participation_reaction[i];
    const double pre = links->participation_pre[i], post = links->participation_post[i];
    participants[ti] += 1;
    if (!std::isnan(reaction)) {
      reactions[ti] += 1;
      reaction_sum[ti] += reaction;
    }
    if (!std::isnan(pre) && !std::isnan(post)) {
      scored[ti] += 1;
      pre_sum[ti] += pre;
      post_sum[ti] += post;
      if (pre < 100) {
        norm_sum[ti] += (post - pre) / (100 - pre);
        norm_count[ti] += 1;
      }
    }
  }

  // Level 3: participants applying the training on the job (an active or
  // completed assignment for it, or for one of its skills, started by the
  // end of the training plus N days and by as_of). A team's assignment is
  // each covered person's (links.hpp, for_covered).
  std::vector<double> applying(n, 0);
  if (t.assignments.size() != 0) {  // (a list per person is not made for nothing)
    std::vector<std::vector<std::uint32_t>> assignments(t.people.size());
    for (std::uint32_t i = 0; i < t.assignments.size(); ++i) {
      const auto &a = t.assignments.rows[i];
      if (!a.person.empty()) {
        assignments[*t.people.index_of(a.person)].push_back(i);
      } else if (!a.team.empty()) {
        const auto tr = a.training.empty() ? detail::no_entity : *t.trainings.index_of(a.training);
        links->for_covered(*t.teams.index_of(a.team), tr,
                           [&](std::uint32_t p) { assignments[p].push_back(i); });
      }
    }
    for (std::uint32_t ti = 0; ti < n; ++ti) {
      const auto &training = t.trainings.rows[ti];
      const Date by(training.end.days() + options.application_days);
      for (const auto p : taking_part.of(ti)) {
        for (auto i : assignments[p]) {
          const auto &a = t.assignments.rows[i];
          const bool linked = detail::is_about(a, training);
          const bool applies =
              a.status == AssignmentStatus::active || a.status == AssignmentStatus::completed;
          if (linked && applies && !(by < a.start) && !(as_of < a.start)) {
            applying[ti] += 1;
            break;
          }
        }
      }
    }
  }

  // Level 4 and Phillips: the goals of the plans that follow the training up.
  const auto &goals = basis.goal_values();
  std::vector<double> goal_count(n, 0), progress_sum(n, 0), benefit(n, 0), valued(n, 0);
  for (std::size_t g = 0; g < t.goals.size(); ++g) {
    const auto ti = links->goal_training[g];
    if (ti == detail::no_entity || std::isnan(goals.progress[g])) continue;
    goal_count[ti] += 1;
    progress_sum[ti] += goals.progress[g];
    if (const double value = links->goal_value_per_unit[g]; !std::isnan(value)) {
      // Improvement in the goal's direction, in its units.
      const double baseline = links->goal_baseline[g];
      const double change =
          links->goal_increases[g] ? goals.current[g] - baseline : baseline - goals.current[g];
      benefit[ti] += change * value * options.attribution * options.confidence;
      valued[ti] += 1;
    }
  }

  // Step 3: peer groups of the training, their sessions; step 5: successes
  // on the goals of the plans that follow it.
  std::vector<double> in_group(n, 0), planned(n, 0), held(n, 0), successes(n, 0), celebrated(n, 0);
  {
    std::vector<std::vector<std::uint32_t>> grouped(n);
    for (const auto &g : t.peer_groups.rows) {
      if (g.training.empty()) continue;
      auto &members = grouped[*t.trainings.index_of(g.training)];
      for (const auto &m : g.members)
        members.push_back(*t.people.index_of(m));
    }
    for (std::size_t ti = 0; ti < n; ++ti) {
      auto &members = grouped[ti];
      std::sort(members.begin(), members.end());
      for (auto p : taking_part.of(ti))
        in_group[ti] += std::binary_search(members.begin(), members.end(), p) ? 1 : 0;
    }
    for (std::size_t i = 0; i < t.peer_sessions.size(); ++i) {
      const auto &s = t.peer_sessions.rows[i];
      const auto group = links->peer_session_group[i];  // an ambassador's sessions count as reach
      if (group == detail::no_entity || as_of < s.date) continue;
      const auto ti = links->group_training[group];
      if (ti == detail::no_entity) continue;
      planned[ti] += 1;
      held[ti] += s.attendees.empty() ? 0 : 1;
    }
    for (const auto &s : t.successes.rows) {
      if (s.goal.empty() || as_of < s.date) continue;
      const auto &plan = *t.action_plans.find(t.goals.find(s.goal)->plan);
      if (plan.training.empty()) continue;
      const auto ti = *t.trainings.index_of(plan.training);
      successes[ti] += 1;
      celebrated[ti] += s.celebrated && !(as_of < *s.celebrated) ? 1 : 0;
    }
  }

  // Step 3: ambassador reach — the people other than the training's
  // ambassadors (for it, or for one of its skills) who attended, by as_of, a
  // session one of them held or a peer session one of them attended too.
  std::vector<double> ambassadors(n, 0), reach(n, 0);
  if (t.ambassadors.size() != 0) {
    // Per training its ambassadorships; per ambassadorship the sessions it held.
    std::vector<std::vector<std::uint32_t>> ambassadorships(n), held_by(t.ambassadors.size());
    for (std::uint32_t a = 0; a < t.ambassadors.size(); ++a)
      for (auto ti : links->ambassador_trainings[a])
        ambassadorships[ti].push_back(a);
    // Per person, the sessions they attended by as_of (none without sessions).
    std::vector<std::vector<std::uint32_t>> attended(t.peer_sessions.size() == 0 ? 0
                                                                                 : t.people.size());
    std::vector<std::vector<std::uint32_t>> attendees(t.peer_sessions.size());
    for (std::uint32_t i = 0; i < t.peer_sessions.size(); ++i) {
      const auto &s = t.peer_sessions.rows[i];
      if (as_of < s.date) continue;
      if (const auto a = links->peer_session_ambassador[i]; a != detail::no_entity)
        held_by[a].push_back(i);
      for (const auto &who : s.attendees) {
        const auto p = *t.people.index_of(who);
        attended[p].push_back(i);
        attendees[i].push_back(p);
      }
    }
    std::vector<std::uint32_t> stamp(t.people.size(), detail::no_entity), champions;
    for (std::uint32_t ti = 0; ti < n; ++ti) {
      champions.clear();
      for (auto a : ambassadorships[ti])
        champions.push_back(*t.people.index_of(t.ambassadors.rows[a].person));
      std::sort(champions.begin(), champions.end());
      champions.erase(std::unique(champions.begin(), champions.end()), champions.end());
      ambassadors[ti] = static_cast<double>(champions.size());
      for (auto p : champions)
        stamp[p] = ti;                 // ambassadors do not count as reached
      if (attended.empty()) continue;  // no sessions, nobody reached
      const auto reached = [&](std::uint32_t session) {
        for (auto other : attendees[session])
          if (stamp[other] != ti) {
            stamp[other] = ti;
            reach[ti] += 1;
          }
      };
      for (auto a : ambassadorships[ti])
        for (auto session : held_by[a])
          reached(session);
      for (auto p : champions)
        for (auto session : attended[p])
          reached(session);
    }
  }

  // Is it sticking? Check-in adherence of the plans that follow the
  // training (the default tolerance, whatever engagement was asked with) and
  // the goal outlook of their goals (docs/metrics.md, "The verdict").
  const auto &sums = basis.check_in_sums(EngagementOptions{}.tolerance_days);
  const std::vector<double> due(sums.training_due.begin(), sums.training_due.end()),
      on_time(sums.training_on_time.begin(), sums.training_on_time.end());
  const auto &tally = basis.goal_tallies(GoalStatusOptions{}).by_training;

  // Retention health: the mean six-step coverage of the participations.
  std::vector<double> coverage_sum(n, 0);
  {
    const auto &score = basis.coverage_scores();
    const auto &of = links->participation_training;
    for (std::size_t i = 0; i < score.size(); ++i)
      coverage_sum[of[i]] += score[i];
  }

  Table out;
  DictionaryColumn keys;
  for (std::size_t ti = 0; ti < n; ++ti) {
    keys.codes.push_back(static_cast<std::int32_t>(ti));
    keys.words.push_back(t.trainings.rows[ti].id);
  }
  std::vector<double> reaction(n), pre(n), post(n), gain(n), normalised(n), application(n),
      progress(n), benefits(n), costs(n), bcr(n), roi(n), payback(n), health(n), peer_share(n),
      adherence(n), measured(n), on_course(n), outlook(n), score(n);
  DictionaryColumn verdict;
  verdict.words = {"not_started", "too_early", "sticking", "needs_attention", "not_sticking"};
  verdict.codes.resize(n);
  for (std::size_t ti = 0; ti < n; ++ti) {
    reaction[ti] = mean(reaction_sum[ti], reactions[ti]);
    pre[ti] = mean(pre_sum[ti], scored[ti]);
    post[ti] = mean(post_sum[ti], scored[ti]);
    gain[ti] = post[ti] - pre[ti];
    normalised[ti] = mean(norm_sum[ti], norm_count[ti]);
    application[ti] = mean(applying[ti], participants[ti]);
    health[ti] = mean(coverage_sum[ti], participants[ti]);
    peer_share[ti] = mean(in_group[ti], participants[ti]);
    progress[ti] = mean(progress_sum[ti], goal_count[ti]);
    const double cost = t.trainings.rows[ti].cost;
    costs[ti] = cost;
    benefits[ti] = valued[ti] > 0 ? benefit[ti] : nan;
    bcr[ti] = cost > 0 ? benefits[ti] / cost : nan;
    roi[ti] = cost > 0 ? (benefits[ti] - cost) / cost * 100 : nan;
    payback[ti] = cost > 0 && benefits[ti] > 0 ? cost / benefits[ti] * 12 : nan;
    adherence[ti] = mean(on_time[ti], due[ti]);
    measured[ti] = tally.measured[ti];
    on_course[ti] = tally.by_status[static_cast<std::size_t>(GoalStatus::achieved)][ti] +
                    tally.by_status[static_cast<std::size_t>(GoalStatus::on_track)][ti];
    outlook[ti] = mean(on_course[ti], measured[ti]);
    const auto v = detail::verdict_of(t.trainings.rows[ti].end, as_of, participants[ti],
                                      outlook[ti], health[ti], adherence[ti]);
    score[ti] = v.score;
    verdict.codes[ti] = static_cast<std::int32_t>(v.verdict);
  }
  out.add("training", std::move(keys));
  out.add("participants", std::move(participants));
  out.add("reaction", std::move(reaction));
  out.add("pre_score", std::move(pre));
  out.add("post_score", std::move(post));
  out.add("learning_gain", std::move(gain));
  out.add("normalised_gain", std::move(normalised));
  out.add("application_rate", std::move(application));
  out.add("goal_progress", std::move(progress));
  out.add("benefits", std::move(benefits));
  out.add("costs", std::move(costs));
  out.add("benefit_cost_ratio", std::move(bcr));
  out.add("roi_percent", std::move(roi));
  out.add("payback_months", std::move(payback));
  out.add("peer_participation", std::move(peer_share));
  out.add("peer_sessions_planned", std::move(planned));
  out.add("peer_sessions_held", std::move(held));
  out.add("successes", std::move(successes));
  out.add("successes_celebrated", std::move(celebrated));
  out.add("ambassadors", std::move(ambassadors));
  out.add("ambassador_reach", std::move(reach));
  out.add("retention_health", std::move(health));
  out.add("check_in_adherence", std::move(adherence));
  out.add("goals_measured", std::move(measured));
  out.add("goals_on_course", std::move(on_course));
  out.add("goal_outlook", std::move(outlook));
  out.add("verdict_score", std::move(score));
  out.add("verdict", std::move(verdict));
  return out;
}

Table training_outcomes(const Workspace &workspace, Date as_of, const OutcomeOptions &options) {
  detail::Basis basis(workspace, as_of);
  return detail::training_outcomes(basis, options);
}

}  // namespace levande
