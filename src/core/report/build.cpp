// What the report says: the metrics of docs/metrics.md arranged as a section
// per step of the follow-up process (docs/reports.md).
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>

#include "celebrate/newsletter.hpp"
#include "levande/celebrate.hpp"
#include "levande/error.hpp"
#include "levande/metrics.hpp"
#include "levande/report.hpp"
#include "model/relations.hpp"
#include "names/enum_names.hpp"
#include "report/blocks.hpp"
#include "report/format.hpp"
#include "workspace/model_view.hpp"

namespace levande {

namespace reporting {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

class Builder {
 public:
  Builder(const Workspace &ws, const ReportOptions &o)
      : ws_(ws), o_(o), pass_(metrics_pass(ws, o.as_of, pass_options(o))) {
    for (const auto &t : ws.teams())
      team_name_[t.id] = t.name;
    for (const auto &t : ws.trainings())
      training_title_[t.id] = t.title;
    for (const auto &t : ws.teams())
      if (!t.parent.empty())
        has_children_[t.parent] = true;
      else
        roots_[t.id] = true;
    // Steps 2 and 3 apply to a training when something is planned for them:
    // an assignment (for it or one of its skills), a peer group or an
    // ambassador. An awareness course often has neither.
    for (std::size_t i = 0; i < ws.size(Kind::assignment); ++i) {
      const auto a = std::get<Assignment>(ws.at(Kind::assignment, i));
      for (const auto &tr : ws.trainings())
        if (detail::is_about(a, tr)) job_planned_[tr.id] = true;
    }
    for (std::size_t i = 0; i < ws.size(Kind::peer_group); ++i) {
      const auto g = std::get<PeerGroup>(ws.at(Kind::peer_group, i));
      if (!g.training.empty()) peers_planned_[g.training] = true;
    }
    for (std::size_t i = 0; i < ws.size(Kind::ambassador); ++i) {
      const auto a = std::get<Ambassador>(ws.at(Kind::ambassador, i));
      if (!a.training.empty()) peers_planned_[a.training] = true;
    }
  }

  Document build() {
    Document d;
    d.title = o_.title;
    d.subtitle = "As of " + o_.as_of.to_string();
    d.sections = {verdicts(),     attention(),   summary(),      goals(),
                  adherence(),    application(), peers(),        feedback(),
                  celebrations(), learning(),    coverage_map(), roi()};
    return d;
  }

 private:
  std::string team_label(const std::string &id) const {
    const auto it = team_name_.find(id);
    return it == team_name_.end() ? id : it->second;
  }
  std::string training_label(const std::string &id) const {
    const auto it = training_title_.find(id);
    return it == training_title_.end() ? id : it->second;
  }
  bool leaf(const std::string &team) const { return !has_children_.count(team); }
  bool root(const std::string &team) const { return roots_.count(team) != 0; }

  // Is each training sticking? One verdict per training that has ended, with
  // its trend against 30 days earlier (docs/reports.md).
  Section verdicts() {
    Section s{"verdict", "Is the training sticking?", {}};
    const auto &t = pass_.training_outcomes;
    OutcomeOptions earlier_options;
    const auto earlier = training_outcomes(ws_, Date(o_.as_of.days() - 30), earlier_options);
    const auto ids = words(t, "training"), verdict = words(t, "verdict");
    const auto score = numbers(t, "verdict_score"), before = numbers(earlier, "verdict_score"),
               outlook = numbers(t, "goal_outlook"), measured = numbers(t, "goals_measured"),
               health = numbers(t, "retention_health"),
               adherence = numbers(t, "check_in_adherence");
    TableBlock table{{"Training", "Verdict", "Trend (30 days)", "Goals on course",
                      "Check-in adherence", "Retention health"},
                     {false, false, false, true, true, true},
                     {},
                     {}};
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (verdict[i] == "not_started") continue;
      std::string trend = "–";
      if (!std::isnan(score[i]))
        trend = std::isnan(before[i])          ? "new"
                : score[i] - before[i] >= 0.25 ? "improving"
                : before[i] - score[i] >= 0.25 ? "worse"
                                               : "steady";
      const std::string goals = std::isnan(outlook[i])
                                    ? "no measurement yet"
                                    : percent(outlook[i]) + " of " + fixed(measured[i], 0);
      table.rows.push_back({training_label(ids[i]), verdict_text(verdict[i]), trend, goals,
                            percent(adherence[i]), percent(health[i])});
    }
    s.blocks.push_back(Paragraph{
        "Sticking: the goals are on course, check-ins are held and the six steps are "
        "happening. Goals on course (achieved or on track; good from 70 %, watch from 40 %), "
        "check-in adherence (75 %, 50 %) and retention health (60 %, 30 %) each score 2 "
        "(good), 1 (watch) or 0; sticking needs a mean of 1.5 and no 0, below 0.75 is not "
        "sticking, between needs attention. The trend compares the mean with 30 days ago."});
    if (table.rows.empty())
      s.blocks.push_back(Paragraph{"No training has ended yet."});
    else
      s.blocks.push_back(std::move(table));
    for (const auto &id : ids) {
      const bool job = job_planned_.count(id) != 0, peers = peers_planned_.count(id) != 0;
      if (job && peers) continue;
      s.blocks.push_back(Paragraph{
          "Not planned for " + training_label(id) + ": " +
          (!job && !peers ? "on-the-job assignments and peer learning"
           : !job         ? "on-the-job assignments"
                          : "peer learning") +
          ". Its retention health counts " + (!job && !peers ? "these steps" : "this step") +
          " as not done; plan them or read its health with that in mind."});
    }
    return s;
  }

  // What needs attention now: goals at risk with their owner, overdue
  // check-ins, teams with no on-the-job or peer activity.
  Section attention() {
    Section s{"attention", "Needs attention now", {}};
    List items;
    // Goals at risk or off track, nearest deadline first.
    {
      const auto &g = pass_.goal_status;
      const auto goal_ids = words(g, "goal"), status = words(g, "status");
      std::vector<std::pair<Date, std::string>> risky;
      for (std::size_t i = 0; i < goal_ids.size(); ++i) {
        if (status[i] != to_string(GoalStatus::at_risk) &&
            status[i] != to_string(GoalStatus::off_track))
          continue;
        const auto &goal = ws_.goals()[*ws_.index_of(Kind::goal, goal_ids[i])];
        const auto &plan = plan_of(goal.plan);
        risky.emplace_back(goal.deadline, "Goal \"" + goal.metric + "\" (" + owner(plan) + ") is " +
                                              (status[i] == "at_risk" ? "at risk" : "off track") +
                                              ", deadline " + goal.deadline.to_string());
      }
      std::sort(risky.begin(), risky.end());
      const auto shown = std::min<std::size_t>(risky.size(), 10);
      for (std::size_t i = 0; i < shown; ++i)
        items.items.push_back(risky[i].second);
      if (risky.size() > shown)
        items.items.push_back("… and " + count_of(risky.size() - shown, "more goal", "more goals") +
                              " at risk or off track");
    }
    // Overdue check-ins per plan, longest overdue first.
    {
      std::map<std::string, std::pair<std::size_t, std::int32_t>> by_plan;  // count, oldest
      for (const auto &item : overdue(ws_, o_.as_of)) {
        if (item.kind != Kind::check_in) continue;
        auto &[count, oldest] = by_plan[item.record];
        ++count;
        oldest = std::max(oldest, item.days_overdue);
      }
      std::vector<std::tuple<std::int32_t, std::string, std::size_t>> late;
      for (const auto &[plan, v] : by_plan)
        late.emplace_back(v.second, plan, v.first);
      std::sort(late.begin(), late.end(), std::greater<>());
      const auto shown = std::min<std::size_t>(late.size(), 10);
      for (std::size_t i = 0; i < shown; ++i) {
        const auto &[days, plan_id, count] = late[i];
        const auto &plan = plan_of(plan_id);
        items.items.push_back(count_of(count, "check-in", "check-ins") + " overdue in \"" +
                              plan.title + "\" (" + owner(plan) + "), the oldest " +
                              count_of(static_cast<std::size_t>(days), "day", "days"));
      }
      if (late.size() > shown)
        items.items.push_back("… and " + count_of(late.size() - shown, "more plan", "more plans") +
                              " with overdue check-ins");
    }
    // Teams whose participants, a month after a training, have neither an
    // on-the-job assignment nor peer learning for it.
    {
      const auto &c = pass_.coverage;
      const auto person = words(c, "person"), training = words(c, "training");
      const auto job = numbers(c, "on_the_job"), peers = numbers(c, "peer_learning");
      std::map<std::string, Date> end_of;
      for (const auto &tr : ws_.trainings())
        end_of[tr.id] = tr.end;
      std::map<std::string, std::string> team_of;
      for (const auto &p : ws_.people())
        team_of[p.id] = p.team;
      std::map<std::pair<std::string, std::string>, std::pair<double, double>> active;
      for (std::size_t i = 0; i < person.size(); ++i) {
        if (o_.as_of.days() - end_of[training[i]].days() < 30) continue;
        auto &a = active[{team_of[person[i]], training[i]}];
        a.first += 1;
        a.second += job[i] + peers[i];
      }
      for (const auto &[key, a] : active)
        if (!key.first.empty() && a.second == 0 &&
            (job_planned_.count(key.second) || peers_planned_.count(key.second)))
          items.items.push_back(
              team_label(key.first) + ": no on-the-job or peer activity for " +
              training_label(key.second) + " yet (" +
              count_of(static_cast<std::size_t>(a.first), "participant", "participants") + ")");
    }
    if (items.items.empty())
      s.blocks.push_back(
          Paragraph{"Nothing: no goal at risk, no check-in overdue, and every "
                    "team is applying what it learned."});
    else
      s.blocks.push_back(std::move(items));
    return s;
  }

  const ActionPlan &plan_of(const std::string &id) const {
    return ws_.action_plans()[*ws_.index_of(Kind::action_plan, id)];
  }
  // Who owns a plan, as a reader knows them.
  std::string owner(const ActionPlan &plan) const {
    if (!plan.team.empty()) return "team " + team_label(plan.team);
    if (const auto p = ws_.index_of(Kind::person, plan.person)) return ws_.people()[*p].name;
    return plan.person;
  }

  Section summary() {
    Section s{"summary", "Summary", {}};
    // The status column's codes are the GoalStatus values.
    const auto &statuses = std::get<DictionaryColumn>(pass_.goal_status["status"]).codes;
    std::array<std::size_t, goal_status_count> every{};
    for (auto code : statuses)
      ++every[static_cast<std::size_t>(code)];
    // Teams are the units people work in: a department at the top of the
    // hierarchy, with teams under it, is not counted as one.
    std::size_t teams = 0;
    for (const auto &team : ws_.teams())
      teams += root(team.id) && !leaf(team.id) ? 0 : 1;
    s.blocks.push_back(Paragraph{
        count_of(ws_.size(Kind::person), "person", "people") + " in " +
        count_of(teams, "team", "teams") + " took part " +
        count_of(ws_.size(Kind::participation), "time", "times") + " in " +
        count_of(ws_.size(Kind::training), "training", "trainings") + ". Of " +
        count_of(statuses.size(), "goal", "goals") + ", " +
        std::to_string(every[static_cast<std::size_t>(GoalStatus::achieved)]) + " are achieved, " +
        std::to_string(every[static_cast<std::size_t>(GoalStatus::on_track)]) + " on track, " +
        std::to_string(every[static_cast<std::size_t>(GoalStatus::at_risk)]) + " at risk, " +
        std::to_string(every[static_cast<std::size_t>(GoalStatus::off_track)]) + " off track, " +
        std::to_string(every[static_cast<std::size_t>(GoalStatus::missed)]) + " missed and " +
        std::to_string(every[static_cast<std::size_t>(GoalStatus::no_data)]) +
        " without a measurement yet."});
    const auto &t = pass_.training_outcomes;
    TableBlock table{{"Training", "Participants", "Reaction (1–5)", "Learning gain",
                      "Applied on the job", "Goal progress", "Retention health"},
                     {false, true, true, true, true, true, true},
                     {},
                     {}};
    const auto ids = words(t, "training");
    const auto participants = numbers(t, "participants"), reaction = numbers(t, "reaction"),
               gain = numbers(t, "learning_gain"), applied = numbers(t, "application_rate"),
               progress = numbers(t, "goal_progress"), health = numbers(t, "retention_health");
    for (std::size_t i = 0; i < ids.size(); ++i)
      table.rows.push_back({training_label(ids[i]), fixed(participants[i], 0),
                            fixed(reaction[i], 1),
                            std::isnan(gain[i]) ? "–" : fixed(gain[i], 1) + " points",
                            percent(applied[i]), percent(progress[i]), percent(health[i])});
    s.blocks.push_back(std::move(table));
    return s;
  }

  Section goals() {
    Section s{"step-1", "Step 1 — Action plans and goals", {}};
    const auto &t = pass_.goals_by_team;
    const auto ids = words(t, "team");
    const auto count = numbers(t, "goals"), progress = numbers(t, "mean_progress");
    BarChart bars{"Mean goal progress by team", "%", {}, {"progress"}, {{}}, false, 100};
    TableBlock table{
        {"Team", "Goals", "Achieved", "On track", "At risk", "Off track", "Missed", "No data"},
        {false, true, true, true, true, true, true, true},
        {},
        {}};
    const char *columns[] = {"goals",
                             to_string(GoalStatus::achieved),
                             to_string(GoalStatus::on_track),
                             to_string(GoalStatus::at_risk),
                             to_string(GoalStatus::off_track),
                             to_string(GoalStatus::missed),
                             to_string(GoalStatus::no_data)};
    std::vector<std::vector<double>> values;
    for (const char *c : columns)
      values.push_back(numbers(t, c));
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (!leaf(ids[i]) || count[i] == 0) continue;
      bars.labels.push_back(team_label(ids[i]));
      bars.values[0].push_back(std::min(progress[i], 1.5) * 100);
      std::vector<std::string> row{team_label(ids[i])};
      for (const auto &v : values)
        row.push_back(fixed(v[i], 0));
      table.rows.push_back(std::move(row));
    }
    s.blocks.push_back(
        Paragraph{"Progress is (current − baseline) ÷ (target − baseline) of each goal's latest "
                  "measurement, averaged over the goals measured so far; 100 % is the target."});
    s.blocks.push_back(std::move(bars));
    s.blocks.push_back(std::move(table));
    const auto &c = pass_.cohort_curves;
    LineChart curves{"Cohort curves: mean goal progress by days since the training",
                     "days since the training",
                     "progress (%)",
                     {},
                     {},
                     30,
                     "%",
                     100,
                     "target"};
    const auto cohort = words(c, "cohort");
    const auto day = numbers(c, "day"), mean = numbers(c, "mean_progress");
    for (std::size_t i = 0; i < cohort.size(); ++i) {
      if (curves.series.empty() || curves.series.back() != cohort[i]) {
        curves.series.push_back(cohort[i]);
        curves.points.emplace_back();
      }
      curves.points.back().emplace_back(day[i], mean[i] * 100);
    }
    s.blocks.push_back(std::move(curves));
    return s;
  }

  Section adherence() {
    Section s{"adherence", "Check-in adherence over time", {}};
    BarChart bars{"Check-ins held on time, of those that fell due each month",
                  "%",
                  {},
                  {"held on time"},
                  {{}},
                  false,
                  100};
    TableBlock table{
        {"Month", "Due", "Held on time", "Adherence"}, {false, true, true, true}, {}, {}};
    double due_before = 0, on_time_before = 0;
    static const char *months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (int m = 1; m <= 12; ++m) {
      const Date first = Date::from_ymd(o_.as_of.year(), m, 1);
      if (o_.as_of < first) break;
      const Date end = m == 12 ? Date::from_ymd(o_.as_of.year(), 12, 31)
                               : Date(Date::from_ymd(o_.as_of.year(), m + 1, 1).days() - 1);
      const Date at = o_.as_of < end ? o_.as_of : end;
      // The root teams' rows count every check-in of their people and teams.
      const auto t = engagement(ws_, at, GroupBy::team);
      const auto ids = words(t, "team");
      const auto due_of = numbers(t, "check_ins_due"), on_time_of = numbers(t, "check_ins_on_time");
      double due = 0, on_time = 0;
      for (std::size_t i = 0; i < ids.size(); ++i) {
        if (!root(ids[i])) continue;
        due += due_of[i];
        on_time += on_time_of[i];
      }
      const double month_due = due - due_before, month_on_time = on_time - on_time_before;
      due_before = due;
      on_time_before = on_time;
      if (month_due <= 0) continue;
      bars.labels.push_back(months[m - 1]);
      bars.values[0].push_back(month_on_time / month_due * 100);
      table.rows.push_back({months[m - 1], fixed(month_due, 0), fixed(month_on_time, 0),
                            percent(month_on_time / month_due)});
    }
    s.blocks.push_back(
        Paragraph{"A check-in counts as on time when it was held within 3 days of "
                  "its date; each month shows the check-ins that fell due in it."});
    s.blocks.push_back(std::move(bars));
    s.blocks.push_back(std::move(table));
    return s;
  }

  Section application() {
    Section s{"step-2", "Step 2 — Learning on the job", {}};
    const auto &t = pass_.training_outcomes;
    BarChart bars{"Participants applying the training in an assignment within 90 days",
                  "%",
                  {},
                  {"applying"},
                  {{}},
                  false,
                  100};
    const auto ids = words(t, "training");
    const auto rate = numbers(t, "application_rate");
    for (std::size_t i = 0; i < ids.size(); ++i) {
      const bool planned = job_planned_.count(ids[i]) != 0;
      bars.labels.push_back(training_label(ids[i]) + (planned ? "" : " (not planned)"));
      bars.values[0].push_back(planned ? rate[i] * 100 : nan);
    }
    s.blocks.push_back(std::move(bars));
    return s;
  }

  Section peers() {
    Section s{"step-3", "Step 3 — Mentoring and peer learning", {}};
    const auto &t = pass_.training_outcomes;
    TableBlock table{{"Training", "In a peer group", "Sessions held", "Sessions planned",
                      "Ambassadors", "Colleagues reached"},
                     {false, true, true, true, true, true},
                     {},
                     {}};
    const auto ids = words(t, "training");
    const auto share = numbers(t, "peer_participation"), held = numbers(t, "peer_sessions_held"),
               planned = numbers(t, "peer_sessions_planned"),
               ambassadors = numbers(t, "ambassadors"), reach = numbers(t, "ambassador_reach");
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (!peers_planned_.count(ids[i])) {
        table.rows.push_back({training_label(ids[i]), "not planned", "–", "–", "–", "–"});
        continue;
      }
      table.rows.push_back({training_label(ids[i]), percent(share[i]), fixed(held[i], 0),
                            fixed(planned[i], 0), fixed(ambassadors[i], 0), fixed(reach[i], 0)});
    }
    s.blocks.push_back(std::move(table));
    return s;
  }

  Section feedback() {
    Section s{"step-4", "Step 4 — Feedback", {}};
    const auto &t = pass_.feedback_by_team;
    TableBlock table{{"Team", "Sessions", "Invited", "Respondents", "Response rate",
                      "Mean impact (1–5)", "Support asked for"},
                     {false, true, true, true, true, true, true},
                     {},
                     {}};
    const auto ids = words(t, "team");
    const auto sessions = numbers(t, "sessions"), invited = numbers(t, "invited"),
               respondents = numbers(t, "respondents"), rate = numbers(t, "response_rate"),
               impact = numbers(t, "mean_impact"), needs = numbers(t, "support_needs"),
               hidden = numbers(t, "suppressed");
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (invited[i] == 0) continue;
      const bool h = hidden[i] != 0;
      table.rows.push_back({team_label(ids[i]), fixed(sessions[i], 0), fixed(invited[i], 0),
                            h ? "" : fixed(respondents[i], 0), h ? "" : percent(rate[i]),
                            h ? "" : fixed(impact[i], 2), h ? "" : fixed(needs[i], 0)});
      table.suppressed.push_back({false, false, false, h, h, h, h});
    }
    s.blocks.push_back(Paragraph{
        "Answers are shown only for groups of at least " + std::to_string(o_.min_respondents) +
        " respondents; smaller groups, and groups hidden so that they cannot be worked out "
        "by subtraction, are marked suppressed."});
    s.blocks.push_back(std::move(table));
    return s;
  }

  // The year's successes as a newsletter: what teams changed first, then
  // each team's people, one line per goal, streaks counted.
  Section celebrations() {
    Section s{"step-5", "Step 5 — Celebrating successes", {}};
    FeedOptions f;
    f.from = Date::from_ymd(o_.as_of.year(), 1, 1);
    f.to = o_.as_of;
    f.language = "en";  // the report is English until it is translated (docs/i18n.md)
    const auto news = detail::newsletter(detail::ModelView(ws_).tables(), f);
    const auto line = [](const detail::NewsItem &item, const char *between) {
      return item.who + between + item.what + " (" + item.date.to_string() + ")";
    };
    std::size_t lines = news.teams.size();
    for (const auto &group : news.people)
      lines += group.items.size();
    s.blocks.push_back(
        Paragraph{count_of(news.successes, "success", "successes") + " this year, " +
                  count_of(lines, "line", "lines") +
                  " below: one per goal (its biggest step), team successes first, and the check-in "
                  "streaks counted per team."});
    if (!news.teams.empty()) {
      s.blocks.push_back(Paragraph{"Team successes"});
      List list;
      for (const auto &item : news.teams)
        list.items.push_back(line(item, " "));
      s.blocks.push_back(std::move(list));
    }
    for (const auto &group : news.people) {
      s.blocks.push_back(Paragraph{group.team.empty() ? "Without a team" : group.team});
      List list;
      for (std::size_t k = 0; k < group.items.size() && k < 8; ++k)
        list.items.push_back(line(group.items[k], ": "));
      if (group.items.size() > 8)
        list.items.push_back("… and " +
                             count_of(group.items.size() - 8, "more success", "more successes"));
      s.blocks.push_back(std::move(list));
    }
    if (!news.streaks.empty()) {
      std::string text = "Check-ins kept up (three or more held in a row): ";
      for (std::size_t k = 0; k < news.streaks.size(); ++k)
        text += (k ? ", " : "") +
                (news.streaks[k].first.empty() ? std::string("without a team")
                                               : news.streaks[k].first) +
                " " + std::to_string(news.streaks[k].second);
      s.blocks.push_back(Paragraph{text + "."});
    }
    return s;
  }

  Section learning() {
    Section s{"step-6", "Step 6 — Continuous learning", {}};
    const auto &t = pass_.engagement_by_team;
    const auto ids = words(t, "team");
    const auto hours = numbers(t, "learning_hours"), job = numbers(t, "on_the_job_share"),
               social = numbers(t, "social_share"), formal = numbers(t, "formal_share"),
               self = numbers(t, "self_initiated_share"), budget = numbers(t, "hours_budget"),
               of_budget = numbers(t, "hours_of_budget"),
               covered = numbers(t, "goal_plan_coverage");
    BarChart mix{"70-20-10: learning hours by kind",
                 "%",
                 {},
                 {"on the job", "social", "formal"},
                 {{}, {}, {}},
                 true,
                 100};
    TableBlock table{{"Team", "Learning hours", "Self-initiated", "Budget (h)", "Of budget",
                      "Team goals in the competence plan"},
                     {false, true, true, true, true, true},
                     {},
                     {}};
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (!leaf(ids[i])) continue;
      mix.labels.push_back(team_label(ids[i]));
      mix.values[0].push_back(job[i] * 100);
      mix.values[1].push_back(social[i] * 100);
      mix.values[2].push_back(formal[i] * 100);
      table.rows.push_back({team_label(ids[i]), fixed(hours[i], 1), percent(self[i]),
                            fixed(budget[i], 0), percent(of_budget[i]), percent(covered[i])});
    }
    s.blocks.push_back(std::move(mix));
    s.blocks.push_back(std::move(table));
    return s;
  }

  Section coverage_map() {
    Section s{"coverage", "Six-step coverage", {}};
    const auto &t = pass_.coverage;
    const auto person = words(t, "person");
    std::map<std::string, std::array<double, 7>> by_team;  // six steps + count
    std::map<std::string, std::string> team_of;
    for (const auto &p : ws_.people())
      team_of[p.id] = p.team;
    std::vector<std::vector<double>> flags;
    for (const char *step : detail::step_names)
      flags.push_back(numbers(t, step));
    for (std::size_t i = 0; i < person.size(); ++i) {
      auto &row = by_team[team_of[person[i]]];
      for (std::size_t k = 0; k < 6; ++k)
        row[k] += flags[k][i];
      row[6] += 1;
    }
    Heatmap map{
        "Share of participations where each step has happened",
        {},
        {"1 Action plan", "2 On the job", "3 Peers", "4 Feedback", "5 Celebration", "6 Learning"},
        {}};
    for (const auto &team : ws_.teams()) {
      const auto it = by_team.find(team.id);
      if (it == by_team.end()) continue;
      map.rows.push_back(team.name);
      std::vector<double> row;
      for (std::size_t k = 0; k < 6; ++k)
        row.push_back(it->second[k] / it->second[6]);
      map.values.push_back(std::move(row));
    }
    s.blocks.push_back(
        Paragraph{"Retention health is the mean of these shares: how much of the "
                  "follow-up has actually happened for the people of a team."});
    s.blocks.push_back(std::move(map));
    return s;
  }

  Section roi() {
    Section s{"roi", "Return on investment (Phillips)", {}};
    const auto &t = pass_.training_outcomes;
    TableBlock table{
        {"Training", "Costs", "Benefits per year", "Benefit-cost ratio", "ROI", "Payback (months)"},
        {false, true, true, true, true, true},
        {},
        {}};
    const auto ids = words(t, "training");
    const auto costs = numbers(t, "costs"), benefits = numbers(t, "benefits"),
               bcr = numbers(t, "benefit_cost_ratio"), roi = numbers(t, "roi_percent"),
               payback = numbers(t, "payback_months");
    for (std::size_t i = 0; i < ids.size(); ++i)
      table.rows.push_back({training_label(ids[i]), money(costs[i]), money(benefits[i]),
                            fixed(bcr[i], 2), std::isnan(roi[i]) ? "–" : fixed(roi[i], 0) + " %",
                            fixed(payback[i], 1)});
    s.blocks.push_back(Paragraph{
        "Benefits are the goals' improvements so far × their value per unit (a year's worth), "
        "without attribution or confidence adjustments; costs are the trainings' costs."});
    s.blocks.push_back(std::move(table));
    return s;
  }

  const Workspace &ws_;
  // Every table the report reads as of its date, computed together.
  static MetricsPassOptions pass_options(const ReportOptions &o) {
    MetricsPassOptions options;
    options.feedback.min_respondents = o.min_respondents;
    options.with_retention = false;  // the report does not show it
    return options;
  }

  const ReportOptions &o_;
  const MetricsPass pass_;
  std::map<std::string, std::string> team_name_, training_title_;
  std::map<std::string, bool> has_children_, roots_, job_planned_, peers_planned_;
};

}  // namespace
}  // namespace reporting

std::string report(const Workspace &workspace, const ReportOptions &options, ReportFormat format) {
  if (!options.as_of.valid())
    throw Error(Errc::invalid_argument, "as_of", std::to_string(options.as_of.days()),
                "is not a valid date");
  if (options.min_respondents < 1 || options.min_respondents > 1000)
    throw Error(Errc::invalid_argument, "min_respondents", std::to_string(options.min_respondents),
                "must be between 1 and 1000");
  const auto document = reporting::Builder(workspace, options).build();
  switch (format) {
    case ReportFormat::html:
      return reporting::render_html(document);
    case ReportFormat::markdown:
      return reporting::render_markdown(document);
  }
  throw Error(Errc::invalid_argument, "format", std::to_string(static_cast<int>(format)),
              "is not html or markdown");
}

}  // namespace levande
