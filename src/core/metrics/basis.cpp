// Goal status and six-step coverage as of a date, computed once per Basis
// (basis.hpp; definitions in docs/metrics.md).
#include "metrics/basis.hpp"

#include <algorithm>
#include <cmath>
#include <span>

#include "levande/error.hpp"
#include "metrics/groups.hpp"
#include "workspace/model_view.hpp"

namespace levande::detail {

namespace {

// The first test that holds decides (achieved, missed, on track, at risk,
// else off track). Written as selects from the last test up, which the
// compiler makes without branches: statuses come in no order, and a
// mispredicted branch per goal cost more than the tests.
GoalStatus status_of(Date deadline, double progress, double outlook, Date as_of,
                     double at_risk_from) {
  auto status = GoalStatus::off_track;
  status = outlook >= at_risk_from ? GoalStatus::at_risk : status;
  status = outlook >= 1 ? GoalStatus::on_track : status;
  status = deadline < as_of ? GoalStatus::missed : status;
  status = progress >= 1 ? GoalStatus::achieved : status;
  return status;
}

}  // namespace

Basis::Basis(const Workspace &workspace, Date as_of)
    : t_(detail::ModelView(workspace).tables()), as_of_(as_of) {
  require_date(as_of);
  links_ = ModelView(workspace).links();
}

const GoalStatusTable &Basis::goal_status(const GoalStatusOptions &options) {
  if (!(options.at_risk_from > 0 && options.at_risk_from < 1)) {
    throw Error(Errc::invalid_argument, "at_risk_from", std::to_string(options.at_risk_from),
                "must be between 0 and 1 (exclusive)");
  }
  if (!goals_) read_measurements();
  if (goals_at_risk_from_ != options.at_risk_from) {
    auto &out = *goals_;
    for (std::size_t g = 0; g < out.size(); ++g) {
      if (out.count[g] == 0) continue;
      const double outlook =
          std::isnan(out.forecast_progress[g]) ? out.progress[g] : out.forecast_progress[g];
      out.status[g] = status_of(links_->goal_deadline[g], out.progress[g], outlook, as_of_,
                                options.at_risk_from);
    }
    goals_at_risk_from_ = options.at_risk_from;
  }
  return *goals_;
}

const GoalStatusTable &Basis::goal_values() {
  if (!goals_) read_measurements();
  return *goals_;
}

GoalStatusTable Basis::take_goal_status(const GoalStatusOptions &options) {
  goal_status(options);
  GoalStatusTable out = std::move(*goals_);
  goals_.reset();
  return out;
}

// One pass over the measurement log in log order, whatever order that is: per
// goal the latest value (on one day, the one recorded last) and the sums of a
// least-squares fit through (plan created, baseline) and each measurement.
// Days are counted from the plan's creation and values from the baseline, so
// the baseline point adds nothing but a count; the day sums are whole numbers
// (exact in a double), and centring happens once per goal at the end. Plain
// sums keep each goal's update free of divisions, which on a log grouped by
// goal would chain one row's update to the next; for the same reason a run
// of one goal's rows is summed in registers, not in memory.
void Basis::read_measurements() {
  const auto &t = t_;
  const auto &log = t.measurements;
  const std::size_t n = t.goals.size();
  // Per goal, what the pass gathers, together: one stream of 48-byte records
  // rather than four arrays read and written row by row.
  struct State {
    double t, v, tt, tv;  // sums of days since creation and value − baseline
    double current;       // latest value
    std::int32_t measured;
    std::uint32_t count;
  };
  std::vector<State> state(n, State{0, 0, 0, 0, missing, Date::min().days(), 0});
  const auto &links = *links_;
  const auto *origin = links.goal_origin.data();
  const auto *baseline = links.goal_baseline.data();
  const auto *goal = log.goal.data();
  const auto *date = log.date.data();
  const auto *value = log.value.data();
  const std::int32_t as_of = as_of_.days();
  // A goal's rows mostly come together: its state is kept in registers over
  // the run and written back when the goal changes.
  std::uint32_t run_goal = no_entity;
  State run{};
  double x0 = 0, y0 = 0;  // the goal's origin day and baseline
  for (std::size_t r = 0; r < log.size(); ++r) {
    const std::int32_t day = date[r].days();
    if (as_of < day) continue;
    if (goal[r] != run_goal) {
      if (run_goal != no_entity) state[run_goal] = run;
      run_goal = goal[r];
      run = state[run_goal];
      x0 = origin[run_goal].days();
      y0 = baseline[run_goal];
    }
    ++run.count;
    if (day >= run.measured) {
      run.measured = day;
      run.current = value[r];
    }
    const double x = day - x0, y = value[r] - y0;
    run.t += x;
    run.v += y;
    run.tt += x * x;
    run.tv += x * y;
  }
  if (run_goal != no_entity) state[run_goal] = run;
  GoalStatusTable out;
  out.current.resize(n);
  out.measured.resize(n);
  out.count.resize(n);
  out.progress.resize(n);
  out.forecast.resize(n);
  out.forecast_progress.resize(n);
  out.status.resize(n);
  for (std::size_t g = 0; g < n; ++g) {
    const auto &s = state[g];
    out.count[g] = s.count;
    out.measured[g] = Date(s.measured);
    out.current[g] = s.current;
    out.forecast[g] = out.forecast_progress[g] = missing;
    if (s.count == 0) {
      out.progress[g] = missing;
      out.status[g] = GoalStatus::no_data;
      continue;
    }
    const double span = links.goal_target[g] - baseline[g];  // never 0 (validated)
    const double progress = (s.current - baseline[g]) / span;
    out.progress[g] = progress;
    double outlook = progress;            // with all points on one day there is no trend
    const double points = s.count + 1.0;  // and the baseline
    const double mean_t = s.t / points, mean_v = s.v / points;
    const double stt = s.tt - s.t * mean_t, stv = s.tv - s.t * mean_v;
    if (stt > 0) {
      const double forecast =
          baseline[g] + mean_v +
          stv / stt * ((links.goal_deadline[g].days() - origin[g].days()) - mean_t);
      out.forecast[g] = forecast;
      out.forecast_progress[g] = outlook = (forecast - baseline[g]) / span;
    }
    out.status[g] = status_of(links.goal_deadline[g], progress, outlook, as_of_,
                              GoalStatusOptions{}.at_risk_from);
  }
  goals_ = std::move(out);
  goals_at_risk_from_ = GoalStatusOptions{}.at_risk_from;
}

const std::array<std::vector<std::uint8_t>, 6> &Basis::coverage_steps() {
  if (steps_) return *steps_;
  const auto &t = t_;
  const auto &links = links_;
  const Date as_of = as_of_;
  const std::size_t n = t.participations.size();
  const auto &person = links->participation_person;
  const auto &training = links->participation_training;
  // Participations per person (a person has few), from the cached links.
  const auto &start = links->person_participations.offsets;
  const auto &rows = links->person_participations.items;
  // A slot per participation in person order, with its training and a bit
  // per step: marking a person's participations then touches the person's
  // bucket start and one run of slots, not the participation-ordered arrays
  // at random (responses come in session order, people at random).
  struct Slot {
    std::uint32_t training, steps;
  };
  std::vector<Slot> slot(n);
  for (std::size_t k = 0; k < n; ++k)
    slot[k] = {training[rows[k]], 0};
  std::vector<Date> end_of(t.trainings.size());
  for (std::size_t i = 0; i < end_of.size(); ++i)
    end_of[i] = t.trainings.rows[i].end;
  // Marks step s for every participation of (person, training).
  auto mark = [&](unsigned s, std::uint32_t p, std::uint32_t tr) {
    for (auto k = start[p]; k < start[p + 1]; ++k)
      slot[k].steps |= static_cast<std::uint32_t>(slot[k].training == tr) << s;
  };

  // Records a team owns count for the people they cover (links.hpp,
  // for_covered): each covered person's participation is marked as theirs.
  // 1. An action plan for the training with a check-in held by the date
  //    (found in the sweep that counts check-ins for engagement; any
  //    tolerance will do, the held flags do not depend on it).
  const auto &plan_held =
      (check_ins_ ? *check_ins_ : check_in_sums(EngagementOptions{}.tolerance_days)).plan_held;
  for (std::size_t i = 0; i < t.action_plans.size(); ++i) {
    const auto tr = links->plan_training[i];
    if (!plan_held[i] || tr == no_entity) continue;
    if (links->plan_person[i] != no_entity)
      mark(0, links->plan_person[i], tr);
    else if (links->plan_team[i] != no_entity)
      links->for_covered(links->plan_team[i], tr, [&](std::uint32_t p) { mark(0, p, tr); });
  }
  // 2. An active or completed assignment for the training or one of its skills.
  for (const auto &a : t.assignments.rows) {
    if (as_of < a.start ||
        !(a.status == AssignmentStatus::active || a.status == AssignmentStatus::completed))
      continue;
    const auto tr = a.training.empty() ? no_entity : *t.trainings.index_of(a.training);
    auto credit = [&](std::uint32_t p) {
      if (tr != no_entity) {
        mark(1, p, tr);
        return;
      }
      for (auto k = start[p]; k < start[p + 1]; ++k) {
        const auto &skills = t.trainings.rows[slot[k].training].skills;
        if (std::find(skills.begin(), skills.end(), a.skill) != skills.end()) slot[k].steps |= 2;
      }
    };
    if (!a.person.empty())
      credit(*t.people.index_of(a.person));
    else if (!a.team.empty())
      links->for_covered(*t.teams.index_of(a.team), tr, credit);
  }
  // 3. Attended a session of a peer group of the training or one held by
  //    an ambassador of it, or is its ambassador.
  for (std::size_t s = 0; s < t.peer_sessions.size(); ++s) {
    const auto &session = t.peer_sessions.rows[s];
    if (as_of < session.date || session.attendees.empty()) continue;
    const auto group = links->peer_session_group[s];
    const auto one = group == no_entity ? no_entity : links->group_training[group];
    const auto about = group == no_entity
                           ? std::span<const std::uint32_t>(
                                 links->ambassador_trainings[links->peer_session_ambassador[s]])
                           : std::span<const std::uint32_t>(&one, one == no_entity ? 0 : 1);
    for (const auto &who : session.attendees)
      for (auto tr : about)
        mark(2, *t.people.index_of(who), tr);
  }
  for (std::size_t a = 0; a < t.ambassadors.size(); ++a)
    for (auto tr : links->ambassador_trainings[a])
      mark(2, *t.people.index_of(t.ambassadors.rows[a].person), tr);
  // 4. Answered a feedback session about the training.
  std::vector<std::uint32_t> held_about(t.feedback_sessions.size(), no_entity);
  for (std::size_t session = 0; session < held_about.size(); ++session)
    if (!(as_of < t.feedback_sessions.rows[session].date))
      held_about[session] = links->session_training[session];
  for (std::size_t r = 0; r < t.responses.size(); ++r) {
    const auto tr = held_about[t.responses.session[r]];
    if (tr != no_entity) mark(3, t.responses.person[r], tr);
  }
  // 5. A success for a goal of a plan for the training (the plan's person,
  //    or the people its team covers); else one for the person or the team:
  //    every training of theirs that had ended by the success.
  for (const auto &s : t.successes.rows) {
    if (as_of < s.date) continue;
    if (!s.goal.empty()) {
      const auto plan = links->goal_plan[*t.goals.index_of(s.goal)];
      const auto tr = links->plan_training[plan];
      if (tr == no_entity) continue;
      if (links->plan_person[plan] != no_entity)
        mark(4, links->plan_person[plan], tr);
      else if (links->plan_team[plan] != no_entity)
        links->for_covered(links->plan_team[plan], tr, [&](std::uint32_t p) { mark(4, p, tr); });
      continue;
    }
    auto ended = [&](std::uint32_t p) {
      for (auto k = start[p]; k < start[p + 1]; ++k)
        if (!(s.date < end_of[slot[k].training])) slot[k].steps |= 16;
    };
    if (!s.person.empty())
      ended(*t.people.index_of(s.person));
    else if (!s.team.empty())
      links->for_covered(*t.teams.index_of(s.team), no_entity, ended);
  }
  // 6. A learning activity after the training's end (and by the date): the
  //    person's latest activity by the date tells.
  const auto &latest = activity_sums().latest;
  std::array<std::vector<std::uint8_t>, 6> step;
  for (auto &s : step)
    s.resize(n);
  for (std::size_t k = 0; k < n; ++k) {
    const auto i = rows[k];
    const auto bits = slot[k].steps |
                      static_cast<std::uint32_t>(end_of[slot[k].training] < latest[person[i]]) << 5;
    for (unsigned s = 0; s < 6; ++s)
      step[s][i] = static_cast<std::uint8_t>(bits >> s & 1);
  }
  steps_ = std::move(step);
  return *steps_;
}

const std::vector<double> &Basis::coverage_scores() {
  if (scores_) return *scores_;
  const auto &step = coverage_steps();
  std::vector<double> score(step[0].size());
  for (std::size_t i = 0; i < score.size(); ++i) {
    unsigned steps = 0;
    for (const auto &s : step)
      steps += s[i];
    score[i] = steps / 6.0;
  }
  scores_ = std::move(score);
  return *scores_;
}

}  // namespace levande::detail
