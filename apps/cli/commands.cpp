// Registering the levande commands and their help (docs/cli.md).
#include "commands.hpp"

#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "levande/error.hpp"
#include "levande/io/table_export.hpp"
#include "levande/language.hpp"

namespace levande::cli {

namespace {

CLI::App *command(CLI::App &app, Options &o, const char *name, const char *help,
                  const char *examples) {
  auto *sub = app.add_subcommand(name, help);
  sub->footer(std::string("Examples:\n") + examples);
  sub->callback([&o, name] { o.command = name; });
  return sub;
}

std::string join_languages() {
  std::string list;
  for (const auto &l : languages())
    list += (list.empty() ? "" : ", ") + l;
  return list;
}

void add_workspace(CLI::App *sub, Options &o) {
  sub->add_option("workspace", o.workspace, "The workspace file (SQLite)")->required();
}

void add_as_of(CLI::App *sub, Options &o) {
  sub->add_option("--as-of", o.as_of, "The date to compute as of, YYYY-MM-DD (default: today)");
}

void add_format(CLI::App *sub, Options &o, const char *formats) {
  sub->add_option("--format", o.format, std::string("Output format: ") + formats)
      ->capture_default_str();
  sub->add_option("-o,--output", o.output, "Write to this file instead of standard output");
}

}  // namespace

void add_report_commands(CLI::App &app, Options &o);

void add_commands(CLI::App &app, Options &o) {
  // Before the subcommands: they inherit fallthrough, so --lang may come anywhere.
  app.add_option("--lang", o.lang,
                 "Language of what you type and read: en, sv (default: the workspace's; "
                 "see 'levande settings')");
  app.fallthrough();
  auto *init_cmd = command(app, o, "init", "Create a new, empty workspace file",
                           "  levande init team.levande\n");
  add_workspace(init_cmd, o);

  auto *check_cmd = command(
      app, o, "check",
      "Check a workspace file for damage (edited outside levande, or broken) and repair it",
      "  levande check team.levande            (lists every problem; exit 3 if any)\n"
      "  levande check team.levande --repair   (keeps what can be kept; the damaged file is\n"
      "                                         moved to team.levande.damaged)\n");
  add_workspace(check_cmd, o);
  check_cmd->add_flag("--repair", o.repair,
                      "Write back the records that can be kept: a record with a bad value or a "
                      "missing required reference is removed with what depends on it, a "
                      "reference to a missing record is cleared, a loop is cut");

  auto *settings_cmd = command(
      app, o, "settings",
      "Show or change the workspace's settings: its language (of reports, invitations and the "
      "feedback questions) and its currency",
      "  levande settings team.levande                            (shows them)\n"
      "  levande settings team.levande language=sv currency=SEK\n");
  add_workspace(settings_cmd, o);
  settings_cmd->add_option(
      "setting", o.assignments,
      "NAME=VALUE: language (" + join_languages() + ") or currency (an ISO 4217 code: SEK, EUR)");

  auto *import_cmd =
      command(app, o, "import", "Add records from a JSON document or a CSV file to a workspace",
              "  levande import team.levande people.json\n"
              "  levande import team.levande hr-export.csv --kind people --delimiter ';'\n"
              "  levande import team.levande scores.csv --kind participations --skip-bad-rows\n");
  add_workspace(import_cmd, o);
  import_cmd->add_option("file", o.file, "A .json document or a .csv file")->required();
  import_cmd->add_option("--kind", o.kind,
                         "For CSV: people, teams, trainings, participations or measurements");
  import_cmd->add_option("--delimiter", o.delimiter, "For CSV: ',' ';' or tab");
  import_cmd->add_flag("--skip-bad-rows", o.skip_bad_rows,
                       "For CSV: import the good rows and list the bad ones on stderr");

  auto *plan_cmd =
      command(app, o, "plan", "Plan the follow-up from the policies and write it to the workspace",
              "  levande plan team.levande --as-of 2026-03-16 --until 2026-12-31\n"
              "  levande plan team.levande --training cloud-sec --dry-run\n");
  add_workspace(plan_cmd, o);
  add_as_of(plan_cmd, o);
  plan_cmd->add_option("--until", o.until, "Last day of the horizon (default: as-of + 365 days)");
  plan_cmd->add_option("--training", o.training, "Only this training's follow-up");
  plan_cmd->add_option("--team", o.team, "Only this team's (and its sub-teams') follow-up");
  plan_cmd->add_flag("--dry-run", o.dry_run, "Show what would change; write nothing");

  auto *agenda_cmd = command(
      app, o, "agenda",
      "List the follow-up events of a person, team or manager, or what is overdue",
      "  levande agenda team.levande --person anna --from 2026-06-01 --to 2026-06-30\n"
      "  levande agenda team.levande --team ops --from 2026-06-01 --to 2026-08-31 --format csv\n"
      "  levande agenda team.levande --overdue --as-of 2026-07-01\n");
  add_workspace(agenda_cmd, o);
  add_as_of(agenda_cmd, o);
  agenda_cmd->add_option("--person", o.person, "A person's events");
  agenda_cmd->add_option("--team", o.team, "A team's events (sub-teams included)");
  agenda_cmd->add_option("--manager", o.manager, "A manager's and their direct reports' events");
  agenda_cmd->add_option("--from", o.from, "First day (default: as-of)");
  agenda_cmd->add_option("--to", o.to, "Last day (default: from + 30 days)");
  agenda_cmd->add_flag("--overdue", o.overdue, "What is overdue as of the date instead");
  add_format(agenda_cmd, o, "text, csv or json");

  auto *record_cmd = command(
      app, o, "record",
      "Record what happened: a check-in, a measurement, a feedback response, "
      "a success or a learning activity",
      "  levande record team.levande check-in --plan ap1 --scheduled 2026-04-07 --held "
      "2026-04-07 --outcome applied\n"
      "  levande record team.levande check-in --plan ap1 --scheduled 2026-04-21 --missed\n"
      "  levande record team.levande measurement --goal lead-time --date 2026-04-30 --value 8.5\n"
      "  levande record team.levande response --session fb1 --person anna --impact 4\n"
      "  levande record team.levande activity --person anna --date 2026-05-04 --hours 1.5 --kind "
      "social\n"
      "  levande record team.levande attendance --slot lunch --occurrence 2026-05-06 --person anna "
      "--person bo\n"
      "  levande record team.levande attendance --session amb1/2026-04-01 --person anna\n"
      "  levande record team.levande success --id s1 --date 2026-05-04 --team ops --title "
      "\"First release without manual steps\"\n"
      "  levande record team.levande successes --as-of 2026-06-30   (find and record them)\n");
  add_workspace(record_cmd, o);
  record_cmd->require_subcommand(1);
  auto record_sub = [&](const char *name, const char *help) {
    auto *sub = record_cmd->add_subcommand(name, help);
    sub->callback([&o, name] { o.record = name; });
    return sub;
  };
  auto *check_in = record_sub("check-in", "A check-in held or missed");
  check_in->add_option("--plan", o.plan, "Action plan id")->required();
  check_in->add_option("--scheduled", o.scheduled, "Its scheduled date")->required();
  check_in->add_option("--held", o.held, "The day it was held");
  check_in->add_flag("--missed", o.missed, "It did not take place");
  check_in->add_option("--outcome", o.outcome, "applied, partly or not_applied");
  check_in->add_option("--note", o.note, "Free text");
  check_in->add_flag("--unscheduled", o.unscheduled,
                     "Record a check-in on a date the plan never scheduled (without it such a "
                     "date is refused: it is usually a typo)");
  auto *measurement = record_sub("measurement", "A goal's measured value");
  measurement->add_option("--goal", o.goal, "Goal id")->required();
  measurement->add_option("--date", o.date, "Date measured")->required();
  measurement->add_option("--value", o.value, "Value (8.4; 8,4 in Swedish)")->required();
  auto *response = record_sub("response", "A feedback response");
  response->add_option("--session", o.session, "Feedback session id")->required();
  response->add_option("--person", o.person, "Person id")->required();
  response->add_option("--impact", o.impact, "Impact on daily work, 1-5")->required();
  response->add_option("--support", o.support, "Support or resources asked for");
  auto *activity = record_sub("activity", "A learning activity");
  activity->add_option("--person", o.person, "Person id")->required();
  activity->add_option("--date", o.date, "Date")->required();
  activity->add_option("--hours", o.hours, "Hours, up to 24 (1.5; 1,5 in Swedish)")->required();
  activity->add_option("--kind", o.activity_kind, "formal, social or on_the_job")
      ->default_val("formal");
  activity->add_flag("--self-initiated", o.self_initiated, "Started by the person");
  auto *attendance = record_sub(
      "attendance",
      "Who attended: an occurrence of a learning slot (a learning activity for each attendee, "
      "step 6) or a peer or ambassador session (its attendees, step 3)");
  attendance->add_option("--slot", o.slot, "Learning slot id");
  attendance->add_option("--occurrence", o.occurrence, "With --slot: the slot's day it was");
  attendance->add_option("--session", o.session, "Peer session id (a group's or an ambassador's)");
  attendance->add_option("--held", o.held, "The day it was held, when moved");
  attendance->add_option("--person", o.people, "An attendee (repeat for each)")->required();
  auto *success = record_sub("success", "A success recorded by hand (step 5)");
  success->add_option("--id", o.id, "Success id")->required();
  success->add_option("--date", o.date, "When it happened")->required();
  success->add_option("--title", o.title, "What happened, in a line")->required();
  success->add_option("--person", o.person, "Whose success");
  success->add_option("--team", o.team, "Which team's success");
  success->add_option("--goal", o.goal, "The goal it belongs to");
  success->add_flag("--large", o.large, "A large success (default: small)");
  success->add_option("--celebrated", o.held, "When it was celebrated");
  success->add_option("--where", o.note, "Where it was celebrated (team meeting, newsletter)");
  auto *successes = record_sub("successes", "Find the successes in the data and record them");
  add_as_of(successes, o);

  auto *metrics_cmd =
      command(app, o, "metrics", "Progress metrics as of a date, as a table, CSV or JSON",
              "  levande metrics team.levande --as-of 2026-06-30\n"
              "  levande metrics team.levande --table goals --format csv -o goals.csv\n"
              "  levande metrics team.levande --table rollup --by department --format json\n"
              "  levande metrics team.levande --table all --format csv --out metrics/\n");
  add_workspace(metrics_cmd, o);
  add_as_of(metrics_cmd, o);
  metrics_cmd
      ->add_option("--table", o.table,
                   "goals, engagement, feedback, training, coverage, retention, cohorts, rollup, "
                   "successes, or all (every table but successes, as files in --out)")
      ->default_val("engagement");
  metrics_cmd->add_option("--out", o.out, "--table all: directory for the files (created)");
  metrics_cmd->add_option("--by", o.by,
                          "engagement: person|team; feedback: team|training; rollup: person|"
                          "team|department|training|skill|cohort");
  metrics_cmd->add_option("--limit", o.limit, "Rows shown as text (0: all)")->capture_default_str();
  add_format(metrics_cmd, o,
             "text, csv, json, or excel (CSV as Excel reads it in the language: ';' and "
             "decimal commas in Swedish)");

  auto *export_cmd =
      command(app, o, "export",
              "Export the follow-up calendar (.ics), the workspace (JSON), events (CSV) or "
              "xAPI statements",
              "  levande export team.levande ics --person anna --as-of 2026-06-01 -o anna.ics\n"
              "  levande export team.levande json --training cloud-sec -o cloud-sec.json\n"
              "  levande export team.levande csv --until 2026-12-31 -o events.csv\n"
              "  levande export team.levande xapi --base https://hr.example.se/levande -o "
              "statements.json\n");
  add_workspace(export_cmd, o);
  export_cmd
      ->add_option("format", o.format,
                   "ics, json, csv, excel (the CSV as Excel reads it in the language) or xapi")
      ->required();
  export_cmd->add_option("--base", o.base,
                         "xapi: base IRI of activities and accounts (default "
                         "https://levande.example/xapi)");
  add_as_of(export_cmd, o);
  export_cmd->add_option("--until", o.until, "Last day of the events (default: as-of + 365 days)");
  export_cmd->add_option("--person", o.person, "Only this person's events (ics, csv)");
  export_cmd->add_option("--team", o.team, "Only this team's events, or its part (json)");
  export_cmd->add_option("--training", o.training, "Only this training's events or part");
  export_cmd->add_option("-o,--output", o.output, "Write to this file instead of standard output");
  add_report_commands(app, o);
}

void add_report_commands(CLI::App &app, Options &o) {
  auto *report_cmd = command(
      app, o, "report", "The follow-up report: one HTML page (or Markdown), a section per step",
      "  levande report team.levande --as-of 2026-06-30 -o report.html\n"
      "  levande report team.levande --format markdown -o report.md\n");
  add_workspace(report_cmd, o);
  add_as_of(report_cmd, o);
  report_cmd->add_option("--format", o.report_format, "html or markdown")->capture_default_str();
  report_cmd->add_option("--title", o.title, "Heading of the report");
  report_cmd->add_option("-o,--output", o.output, "Write to this file instead of standard output");

  auto *demo_cmd = command(
      app, o, "demo",
      "Build the demo organisation (a Swedish IT department) and write its workspace, reports, "
      "calendar and metrics",
      "  levande demo --out demo\n"
      "  levande demo --out demo --as-of 2026-09-30\n");
  demo_cmd->add_option("--out", o.out, "Directory for the files (created; default levande-demo)");
  demo_cmd->add_option("--as-of", o.as_of,
                       "Simulate the history up to this day, 2026-06-01 .. 2026-12-31 "
                       "(default 2026-11-30)");
}

namespace {

// Whether writing `output` would overwrite the workspace or its journal.
bool is_workspace_file(const std::string &output, const std::string &workspace) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto out = fs::weakly_canonical(output, ec);
  if (ec) return false;
  for (const char *suffix : {"", "-wal", "-shm", "-journal"}) {
    const auto file = fs::weakly_canonical(workspace + suffix, ec);
    if (!ec && file == out) return true;
  }
  return false;
}

}  // namespace

int run(const Options &o) {
  if (!o.output.empty() && o.output != "-" && !o.workspace.empty() &&
      is_workspace_file(o.output, o.workspace))
    throw UsageError("-o " + o.output + ": that is the workspace file " + o.workspace +
                     " (or its journal); writing there would destroy it. Choose another file.");
  if (o.command == "init") return init(o);
  if (o.command == "check") return check(o);
  if (o.command == "settings") return settings(o);
  if (o.command == "import") return import(o);
  if (o.command == "record") return record(o);
  if (o.command == "plan") return plan(o);
  if (o.command == "agenda") return agenda(o);
  if (o.command == "metrics") return metrics(o);
  if (o.command == "export") return export_data(o);
  if (o.command == "report") return report_command(o);
  if (o.command == "demo") return demo(o);
  throw UsageError("no command given");
}

Date date_option(const std::string &text, const char *option) {
  if (text.empty()) {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return Date::from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
  }
  try {
    return Date::parse(text);
  } catch (const Error &) {
    throw UsageError(std::string(option) + ": '" + text + "' is not a date (YYYY-MM-DD)");
  }
}

Workspace open_existing(const std::string &path) {
  if (!std::filesystem::exists(path))
    throw Error(Errc::io_error, "workspace", path,
                "no such workspace file; create one with 'levande init " + path + "'");
  OpenOptions options;
  options.create = false;
  return Workspace::open(path, options);
}

std::string format_table(const Table &table, const std::string &format, std::size_t limit,
                         const std::string &language) {
  std::ostringstream out;
  if (format == "csv")
    write_csv(out, table);
  else if (format == "excel")
    write_csv(out, table, excel_csv_dialect(language));
  else if (format == "json")
    write_json(out, table);
  else if (format == "text") {
    write_text(out, table, limit);
    if (limit != 0 && table.rows() > limit) out << "(use --format csv or json for all rows)\n";
  } else
    throw UsageError("--format: '" + format + "' is not text, csv, excel or json");
  return out.str();
}

void write_output(const std::string &path, const std::string &text) {
  if (path.empty() || path == "-") {
    std::cout << text;
    std::cout.flush();
    return;
  }
  std::ofstream out(path, std::ios::binary);
  if (!out || !(out << text)) throw Error(Errc::io_error, "output", path, "cannot be written");
}

}  // namespace levande::cli
