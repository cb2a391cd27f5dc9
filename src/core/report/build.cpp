// What the report says: the metrics of docs/metrics.md arranged as a section
// per step of the follow-up process (docs/reports.md).
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>

#include "levande/celebrate.hpp"
#include "levande/error.hpp"
#include "levande/metrics.hpp"
#include "levande/report.hpp"
#include "names/enum_names.hpp"
#include "report/blocks.hpp"

namespace levande {

namespace reporting {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// A column as doubles (integer columns converted), and a dictionary as text.
std::vector<double> numbers(const Table &t, const char *column) {
  return std::visit(
      [](const auto &v) -> std::vector<double> {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, std::vector<double>>)
          return v;
        else if constexpr (std::is_same_v<V, std::vector<std::int32_t>> ||
                           std::is_same_v<V, std::vector<std::uint32_t>> ||
                           std::is_same_v<V, std::vector<std::uint8_t>>)
          return {v.begin(), v.end()};
        else
          return {};
      },
      t[column]);
}

std::vector<std::string> words(const Table &t, const char *column) {
  const auto &d = std::get<DictionaryColumn>(t[column]);
  std::vector<std::string> out;
  for (auto c : d.codes)
    out.push_back(c < 0 ? std::string() : d.words[static_cast<std::size_t>(c)]);
  return out;
}

std::string fixed(double v, int decimals) {
  if (std::isnan(v)) return "–";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
  return buffer;
}

std::string percent(double share) {
  return std::isnan(share) ? "–" : fixed(share * 100, 0) + " %";
}

std::string money(double v) {
  if (std::isnan(v)) return "–";
  std::string digits = fixed(std::round(v), 0), out;
  const bool negative = !digits.empty() && digits[0] == '-';
  if (negative) digits.erase(0, 1);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += "\u00a0";  // thin grouping, no-break
    out += digits[i];
  }
  return (negative ? "−" : "") + out;
}

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
  }

  Document build() {
    Document d;
    d.title = o_.title;
    d.subtitle = "As of " + o_.as_of.to_string();
    d.sections = {summary(),  goals(),        adherence(), application(),  peers(),
                  feedback(), celebrations(), learning(),  coverage_map(), roi()};
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

  Section summary() {
    Section s{"summary", "Summary", {}};
    // The status column's codes are the GoalStatus values.
    const auto &statuses = std::get<DictionaryColumn>(pass_.goal_status["status"]).codes;
    std::array<std::size_t, goal_status_count> every{};
    for (auto code : statuses)
      ++every[static_cast<std::size_t>(code)];
    s.blocks.push_back(Paragraph{
        std::to_string(ws_.size(Kind::person)) + " people in " +
        std::to_string(ws_.size(Kind::team)) + " teams took part " +
        std::to_string(ws_.size(Kind::participation)) + " times in " +
        std::to_string(ws_.size(Kind::training)) + " trainings. Of " +
        std::to_string(statuses.size()) + " goals, " +
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
                     {}};
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
      bars.labels.push_back(training_label(ids[i]));
      bars.values[0].push_back(rate[i] * 100);
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
    for (std::size_t i = 0; i < ids.size(); ++i)
      table.rows.push_back({training_label(ids[i]), percent(share[i]), fixed(held[i], 0),
                            fixed(planned[i], 0), fixed(ambassadors[i], 0), fixed(reach[i], 0)});
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

  Section celebrations() {
    Section s{"step-5", "Step 5 — Celebrating successes", {}};
    FeedOptions f;
    f.from = Date::from_ymd(o_.as_of.year(), 1, 1);
    f.to = o_.as_of;
    const auto feed = celebration_feed(ws_, f);
    List list;
    std::size_t start = 0;
    while (start < feed.size()) {
      const auto end = feed.find('\n', start);
      list.items.push_back(feed.substr(start, end - start));
      if (end == std::string::npos) break;
      start = end + 1;
    }
    std::reverse(list.items.begin(), list.items.end());  // newest first
    const auto total = list.items.size();
    if (list.items.size() > 40) list.items.resize(40);
    s.blocks.push_back(Paragraph{std::to_string(total) + " successes this year" +
                                 (total > 40 ? "; the 40 most recent:" : ":")});
    s.blocks.push_back(std::move(list));
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
  std::map<std::string, bool> has_children_, roots_;
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
