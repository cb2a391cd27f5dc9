// Reading a schedule: names, titles, agendas and what is overdue.
#include <algorithm>

#include "i18n/language.hpp"
#include "levande/error.hpp"
#include "levande/schedule.hpp"
#include "schedule/days.hpp"
#include "workspace/model_view.hpp"

namespace levande {

std::int32_t step_of(EventKind kind) noexcept {
  switch (kind) {
    case EventKind::plan_due:
    case EventKind::check_in:
    case EventKind::reinforcement:
      return 1;
    case EventKind::assignment_review:
      return 2;
    case EventKind::peer_session:
    case EventKind::ambassador_session:
      return 3;
    case EventKind::feedback_session:
      return 4;
    case EventKind::celebration_review:
      return 5;
    case EventKind::learning_slot:
    case EventKind::competence_review:
      return 6;
  }
  return 0;
}

std::string series_key(const EventSeries &series) {
  return std::string(to_string(series.kind)) + "/" + kind_name(series.record_kind) + "/" +
         series.record;
}

std::string series_title(const Workspace &workspace, const EventSeries &series) {
  const auto &t = detail::ModelView(workspace).tables();
  // In the workspace's language (English when this build does not write it).
  const auto &lang = i18n::Language::chosen("", t.settings.language);
  const std::string training =
      series.training < t.trainings.size() ? t.trainings.rows[series.training].title : "";
  switch (series.kind) {
    case EventKind::plan_due:
      return lang.trf("Action plan due: {1}", {training});
    case EventKind::check_in:
      return lang.trf("Check-in: {1}", {training});
    case EventKind::reinforcement:
      return lang.trf("Reinforcement check-in: {1}", {training});
    case EventKind::assignment_review:
      return lang.trf("On-the-job review: {1}", {training});
    case EventKind::peer_session:
      return lang.trf("Peer session: {1}", {training});
    case EventKind::ambassador_session:
      return lang.trf("Ambassador session, sharing insights: {1}", {training});
    case EventKind::feedback_session:
      return lang.trf("Feedback session: {1}", {training});
    case EventKind::celebration_review:
      if (series.record_kind == Kind::goal) {
        if (const auto *g = t.goals.find(series.record))
          return lang.trf("Celebration review: {1} ({2})", {g->metric, training});
      }
      return lang.trf("Celebration review: {1}", {training});
    case EventKind::learning_slot:
      if (const auto *s = t.learning_slots.find(series.record); s && !s->title.empty())
        return s->title;
      return lang.tr("Learning time");
    case EventKind::competence_review:
      // The year as written on a calendar: no digit grouping.
      if (const auto *c = t.competence_plans.find(series.record))
        return lang.trf("Competence plan review {1}", {std::to_string(c->year)});
      return lang.tr("Competence plan review");
  }
  return lang.tr("Follow-up");
}

std::vector<std::uint32_t> agenda(const Workspace &workspace, const EventTable &events, AgendaOf of,
                                  std::string_view id, Date from, Date to) {
  const auto &t = detail::ModelView(workspace).tables();
  if (to < from)
    throw Error(Errc::invalid_argument, "to", to.to_string(), "is before from " + from.to_string());
  std::vector<std::uint8_t> who(t.people.size(), 0);
  switch (of) {
    case AgendaOf::person:
    case AgendaOf::manager: {
      who[detail::require_person(t, id)] = 1;
      if (of == AgendaOf::manager) {
        for (std::size_t i = 0; i < t.people.size(); ++i)
          if (t.people.rows[i].manager == id) who[i] = 1;
      }
      break;
    }
    case AgendaOf::team:
      who = detail::people_in_team(t, detail::require_team(t, id));
      break;
  }
  std::vector<std::uint32_t> rows;
  const auto first = std::lower_bound(events.date.begin(), events.date.end(), from);
  for (auto it = first; it != events.date.end() && *it <= to; ++it) {
    const auto r = static_cast<std::size_t>(it - events.date.begin());
    if (events.person[r] < who.size() && who[events.person[r]])
      rows.push_back(static_cast<std::uint32_t>(r));
  }
  return rows;
}

std::vector<OverdueItem> overdue(const Workspace &workspace, Date as_of) {
  const auto &t = detail::ModelView(workspace).tables();
  std::vector<OverdueItem> out;
  auto item = [&](Kind kind, const std::string &record, const ActionPlan &plan, Date due,
                  const std::string &title) {
    out.push_back({kind, record, plan.person, plan.team, due, as_of.days() - due.days(), title});
  };
  for (std::size_t r = 0; r < t.check_ins.size(); ++r) {
    if (t.check_ins.status[r] != CheckInStatus::scheduled || !(t.check_ins.scheduled[r] < as_of))
      continue;
    const auto &plan = t.action_plans.rows[t.check_ins.plan[r]];
    item(Kind::check_in, plan.id, plan, t.check_ins.scheduled[r], plan.title);
  }
  std::vector<std::uint8_t> has_content(t.action_plans.size(), 0);
  for (const auto &g : t.goals.rows)
    has_content[*t.action_plans.index_of(g.plan)] = 1;
  for (const auto &task : t.tasks.rows) {
    has_content[*t.action_plans.index_of(task.plan)] = 1;
    if (task.done || !(task.due < as_of)) continue;
    item(Kind::task, task.id, *t.action_plans.find(task.plan), task.due, task.title);
  }
  for (std::size_t i = 0; i < t.action_plans.size(); ++i) {
    const auto &plan = t.action_plans.rows[i];
    if (plan.status == PlanStatus::open && plan.agreed_by < as_of && !has_content[i])
      item(Kind::action_plan, plan.id, plan, plan.agreed_by, plan.title);
  }
  std::sort(out.begin(), out.end(), [](const OverdueItem &a, const OverdueItem &b) {
    if (a.due != b.due) return a.due < b.due;
    if (a.record != b.record) return a.record < b.record;
    return static_cast<int>(a.kind) < static_cast<int>(b.kind);
  });
  return out;
}

}  // namespace levande
