// plan, agenda and export: the follow-up programme and what leaves the workspace.
#include <iostream>
#include <optional>
#include <sstream>

#include "commands.hpp"
#include "levande/error.hpp"
#include "levande/io/json.hpp"
#include "levande/io/schedule_ics.hpp"
#include "levande/io/table_export.hpp"
#include "levande/io/xapi.hpp"
#include "levande/schedule.hpp"
#include "progress.hpp"

namespace levande::cli {

namespace {

ScheduleOptions horizon(const Options &o) {
  ScheduleOptions s;
  s.as_of = date_option(o.as_of, "--as-of");
  s.until = o.until.empty() ? Date(s.as_of.days() + 365) : date_option(o.until, "--until");
  if (!o.training.empty() && !o.team.empty())
    throw UsageError("give at most one of --training and --team");
  if (!o.training.empty()) s.scope = Scope{Scope::Type::training, o.training};
  if (!o.team.empty()) s.scope = Scope{Scope::Type::team, o.team};
  return s;
}

}  // namespace

int plan(const Options &o) {
  auto ws = open_existing(o.workspace);
  const auto options = horizon(o);
  std::optional<Schedule> planned;
  {
    Progress progress("levande plan", 0);
    progress.step(o.dry_run ? "planning" : "planning and writing");
    planned = o.dry_run ? plan_follow_up(ws, options) : generate_follow_up(ws, options);
  }
  const auto &s = *planned;
  const auto records = s.changes.records.ops().size();
  std::cout << (o.dry_run ? "would plan " : "planned ") << s.events.size() << " follow-up events "
            << options.as_of.to_string() << " .. " << options.until.to_string() << "; "
            << s.changes.add_check_ins.size() << " check-ins to add, "
            << s.changes.remove_check_ins.size() << " to remove, " << records
            << " record changes\n";
  for (const auto &u : s.unplaced) {
    std::cout << "unplaced: " << ws.id_at(Kind::person, u.person) << " "
              << to_string(s.events.series_list[u.series].kind) << " " << u.nominal.to_string()
              << ": " << u.reason << "\n";
  }
  return 0;
}

int agenda(const Options &o) {
  const auto ws = open_existing(o.workspace);
  const Date as_of = date_option(o.as_of, "--as-of");
  if (o.overdue) {
    if (!o.person.empty() || !o.team.empty() || !o.manager.empty())
      throw UsageError("--overdue lists the whole workspace; leave out --person/--team/--manager");
    Table t;
    DictionaryColumn kind, title, record, person, team;
    std::vector<Date> due;
    std::vector<std::int32_t> days;
    const auto add_word = [](DictionaryColumn &c, const std::string &w) {
      if (w.empty()) {
        c.codes.push_back(-1);
        return;
      }
      c.codes.push_back(static_cast<std::int32_t>(c.words.size()));
      c.words.push_back(w);
    };
    for (const auto &item : overdue(ws, as_of)) {
      add_word(kind, kind_name(item.kind));
      add_word(title, item.title);
      add_word(record, item.record);
      add_word(person, item.person);
      add_word(team, item.team);
      due.push_back(item.due);
      days.push_back(item.days_overdue);
    }
    t.add("kind", std::move(kind));
    t.add("record", std::move(record));
    t.add("title", std::move(title));
    t.add("person", std::move(person));
    t.add("team", std::move(team));
    t.add("due", std::move(due));
    t.add("days_overdue", std::move(days));
    write_output(o.output, format_table(t, o.format, 0, language_of(o, ws)));
    return 0;
  }
  const int given = !o.person.empty() + !o.team.empty() + !o.manager.empty();
  if (given != 1)
    throw UsageError("give exactly one of --person, --team, --manager (or --overdue)");
  const Date from = o.from.empty() ? as_of : date_option(o.from, "--from");
  const Date to = o.to.empty() ? Date(from.days() + 30) : date_option(o.to, "--to");
  ScheduleOptions options;
  options.as_of = as_of < from ? as_of : from;
  options.until = to;
  const auto s = plan_follow_up(ws, options);
  const auto of = !o.person.empty() ? AgendaOf::person
                  : !o.team.empty() ? AgendaOf::team
                                    : AgendaOf::manager;
  const auto &id = !o.person.empty() ? o.person : !o.team.empty() ? o.team : o.manager;
  const auto rows = levande::agenda(ws, s.events, of, id, from, to);
  write_output(o.output,
               format_table(event_table(ws, s.events, rows), o.format, 0, language_of(o, ws)));
  return 0;
}

int export_data(const Options &o) {
  Progress progress("levande export", 0);
  const auto ws = open_existing(o.workspace);
  if (o.format == "json") {
    if (!o.person.empty()) throw UsageError("json: export a --training or --team part, or all");
    Scope scope;
    if (!o.training.empty() && !o.team.empty())
      throw UsageError("give at most one of --training and --team");
    if (!o.training.empty()) scope = Scope{Scope::Type::training, o.training};
    if (!o.team.empty()) scope = Scope{Scope::Type::team, o.team};
    write_output(o.output, export_json(ws, scope));
    return 0;
  }
  if (o.format == "xapi") {
    if (!o.person.empty() || !o.team.empty() || !o.training.empty())
      throw UsageError("xapi: exports every statement; leave out --person/--team/--training");
    xapi::Options options;
    options.as_of = date_option(o.as_of, "--as-of");
    if (!o.base.empty()) options.base = o.base;
    write_output(o.output, xapi::statements(ws, options));
    return 0;
  }
  if (o.format != "ics" && o.format != "csv" && o.format != "excel")
    throw UsageError("export: '" + o.format + "' is not ics, json, csv, excel or xapi");
  ScheduleOptions options;
  options.as_of = date_option(o.as_of, "--as-of");
  options.until =
      o.until.empty() ? Date(options.as_of.days() + 365) : date_option(o.until, "--until");
  const auto s = plan_follow_up(ws, options);
  IcsSelection selection;
  const int given = !o.person.empty() + !o.team.empty() + !o.training.empty();
  if (given > 1) throw UsageError("give at most one of --person, --team, --training");
  if (!o.person.empty()) selection = {IcsSelection::Type::person, o.person};
  if (!o.team.empty()) selection = {IcsSelection::Type::team, o.team};
  if (!o.training.empty()) selection = {IcsSelection::Type::training, o.training};
  if (o.format == "ics") {
    ical::WriteOptions write;
    write.stamp = options.as_of;
    write_output(o.output, schedule_to_ics(ws, s.events, selection, write));
    return 0;
  }
  // CSV: the events of the selection, as the agenda shows them.
  std::vector<std::uint32_t> rows;
  if (selection.type == IcsSelection::Type::all) {
    for (std::uint32_t r = 0; r < s.events.size(); ++r)
      rows.push_back(r);
  } else if (selection.type == IcsSelection::Type::training) {
    const auto training = ws.index_of(Kind::training, o.training);
    if (!training) throw Error(Errc::not_found, "training", o.training, "is not a training");
    for (std::uint32_t r = 0; r < s.events.size(); ++r)
      if (s.events.series_list[s.events.series[r]].training == *training) rows.push_back(r);
  } else {
    rows = levande::agenda(
        ws, s.events,
        selection.type == IcsSelection::Type::person ? AgendaOf::person : AgendaOf::team,
        selection.id, options.as_of, options.until);
  }
  write_output(o.output,
               format_table(event_table(ws, s.events, rows), o.format, 0, language_of(o, ws)));
  return 0;
}

}  // namespace levande::cli
