// A schedule as iCalendar: a recurring series becomes one VEVENT with RRULE
// plus EXDATE/RDATE for the occurrences rolling or levelling moved.
#include <algorithm>
#include <map>

#include "i18n/language.hpp"
#include "levande/error.hpp"
#include "levande/io/schedule_ics.hpp"
#include "levande/recurrence.hpp"
#include "levande/schedule.hpp"
#include "schedule/days.hpp"
#include "workspace/model_view.hpp"

namespace levande {
namespace {

std::string compact(Date d) {
  auto s = d.to_string();
  s.erase(std::remove(s.begin(), s.end(), '-'), s.end());
  return s;
}

}  // namespace

std::string schedule_to_ics(const Workspace &workspace, const EventTable &events,
                            const IcsSelection &selection, const ical::WriteOptions &options) {
  const auto &t = detail::ModelView(workspace).tables();
  std::vector<std::uint8_t> person_in;
  std::uint32_t training = no_index;
  switch (selection.type) {
    case IcsSelection::Type::all:
      break;
    case IcsSelection::Type::person:
      person_in.assign(t.people.size(), 0);
      person_in[detail::require_person(t, selection.id)] = 1;
      break;
    case IcsSelection::Type::team:
      person_in = detail::people_in_team(t, detail::require_team(t, selection.id));
      break;
    case IcsSelection::Type::training: {
      const auto tr = t.trainings.index_of(selection.id);
      if (!tr) throw Error(Errc::not_found, "id", selection.id, "no training with this id");
      training = *tr;
      break;
    }
  }

  // Group the selected rows: a shared series is one group; an individual
  // series is one group per person.
  struct Group {
    std::uint32_t series;
    std::uint32_t person;  // no_index for shared series
    std::vector<std::uint32_t> rows;
  };
  std::map<std::pair<std::uint32_t, std::uint32_t>, Group> groups;
  for (std::size_t r = 0; r < events.size(); ++r) {
    const auto p = events.person[r];
    const auto s = events.series[r];
    if (!person_in.empty() && !person_in[p]) continue;
    if (training != no_index && events.series_list[s].training != training) continue;
    const bool shared = (events.flags[r] & event_shared) != 0;
    auto &g = groups[{s, shared ? no_index : p}];
    g.series = s;
    g.person = shared ? no_index : p;
    g.rows.push_back(static_cast<std::uint32_t>(r));
  }

  // Summaries and descriptions in the workspace's language.
  const auto &lang = i18n::Language::chosen("", t.settings.language);
  std::vector<ical::Event> out;
  for (const auto &[key, g] : groups) {
    const auto &series = events.series_list[g.series];
    ical::Event base;
    base.uid = series_key(series);
    if (g.person != no_index) base.uid += "/" + t.people.rows[g.person].id;
    base.summary = series_title(workspace, series);
    base.categories = {lang.trf("Step {1}", {std::to_string(step_of(series.kind))}),
                       to_string(series.kind)};
    std::vector<std::uint32_t> attendees;
    for (auto r : g.rows) {
      const auto p = events.person[r];
      if (std::find(attendees.begin(), attendees.end(), p) == attendees.end())
        attendees.push_back(p);
    }
    std::sort(attendees.begin(), attendees.end());
    for (auto p : attendees) {
      const auto &person = t.people.rows[p];
      if (!person.email.empty()) base.attendees.push_back({person.name, person.email});
    }
    if (g.person != no_index)
      base.description = lang.trf("For {1}", {t.people.rows[g.person].name});

    std::vector<Date> finals, nominals;
    for (auto r : g.rows) {
      finals.push_back(events.date[r]);
      nominals.push_back(events.nominal[r]);
    }
    std::sort(finals.begin(), finals.end());
    finals.erase(std::unique(finals.begin(), finals.end()), finals.end());
    std::sort(nominals.begin(), nominals.end());
    nominals.erase(std::unique(nominals.begin(), nominals.end()), nominals.end());

    // One VEVENT with RRULE when the series has a rule without its own end.
    std::optional<RecurrenceRule> rule;
    std::vector<Date> rule_dates;
    if (series.rule != no_index && series.rule < events.rules.size()) {
      const auto parsed = RecurrenceRule::parse(events.rules[series.rule]);
      if (!parsed.count() && !parsed.until()) {
        const Date last = nominals.back();
        rule = RecurrenceRule::parse(events.rules[series.rule] + ";UNTIL=" + compact(last));
        rule_dates = Recurrence(*rule, series.rule_start).between(nominals.front(), last);
        if (rule_dates.empty()) rule.reset();
      }
    }
    if (rule) {
      ical::Event e = base;
      e.uid += "@levande";
      e.date = rule_dates.front();
      e.rule = *rule;
      std::set_difference(rule_dates.begin(), rule_dates.end(), finals.begin(), finals.end(),
                          std::back_inserter(e.exdates));
      std::set_difference(finals.begin(), finals.end(), rule_dates.begin(), rule_dates.end(),
                          std::back_inserter(e.rdates));
      out.push_back(std::move(e));
    } else {
      std::vector<Date> seen;  // a shared event is written once, not once per attendee
      for (auto r : g.rows) {
        if (std::find(seen.begin(), seen.end(), events.nominal[r]) != seen.end()) continue;
        seen.push_back(events.nominal[r]);
        ical::Event e = base;
        e.uid += "/" + events.nominal[r].to_string() + "@levande";
        e.date = events.date[r];
        out.push_back(std::move(e));
      }
    }
  }
  return ical::write(out, {}, options);
}

}  // namespace levande
