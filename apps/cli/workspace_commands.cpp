// init, import and record: the commands that change a workspace.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <vector>

#include "commands.hpp"
#include "levande/celebrate.hpp"
#include "levande/error.hpp"
#include "levande/io/check.hpp"
#include "levande/io/csv.hpp"
#include "levande/io/files.hpp"
#include "levande/io/json.hpp"
#include "levande/language.hpp"
#include "levande/schedule.hpp"

namespace levande::cli {

namespace {

template <class Enum, std::size_t N>
Enum enum_option(const std::string &text, const char *option, const Enum (&values)[N]) {
  for (auto v : values)
    if (text == to_string(v)) return v;
  std::string allowed;
  for (auto v : values)
    allowed += std::string(allowed.empty() ? "" : ", ") + to_string(v);
  throw UsageError(std::string(option) + ": '" + text + "' is not one of " + allowed);
}

}  // namespace

int init(const Options &o) {
  if (std::filesystem::exists(o.workspace))
    throw Error(Errc::already_exists, "workspace", o.workspace,
                "the file exists; choose a new file name");
  Workspace ws;
  ws.save_as(o.workspace);
  std::cerr << "levande: created workspace " << o.workspace << "\n";
  return 0;
}

int check(const Options &o) {
  if (!std::filesystem::exists(o.workspace))
    throw Error(Errc::not_found, "workspace", o.workspace, "no such file");
  const auto result = check_workspace(o.workspace, o.repair);
  for (const auto &p : result.problems)
    std::cout << (o.repair && p.action != "file" ? p.action + ": " : std::string()) << p.message
              << "\n";
  if (result.problems.empty()) {
    std::cerr << "levande: " << o.workspace << ": no problems in " << result.records
              << " records\n";
    return 0;
  }
  if (!o.repair) {
    std::cerr << "levande: " << o.workspace << " is damaged: " << result.problems.size()
              << (result.problems.size() == 1 ? " problem" : " problems") << "; a repair keeps "
              << result.kept << " of " << result.records << " records (levande check --repair)\n";
    return 3;
  }
  std::cerr << "levande: repaired " << o.workspace << ": kept " << result.kept << " of "
            << result.records << " records; the damaged file is now " << result.backup << "\n";
  return 0;
}

std::string language_of(const Options &o, const Workspace &ws) {
  return o.lang.empty() ? ws.settings().language : o.lang;
}

int settings(const Options &o) {
  auto ws = open_existing(o.workspace);
  if (!o.assignments.empty()) {
    Settings s = ws.settings();
    for (const auto &a : o.assignments) {
      const auto eq = a.find('=');
      const auto name = a.substr(0, eq == std::string::npos ? a.size() : eq);
      if (eq == std::string::npos)
        throw UsageError("setting " + a + ": write NAME=VALUE (language=sv, currency=SEK)");
      std::string *field = name == "language"   ? &s.language
                           : name == "currency" ? &s.currency
                                                : nullptr;
      if (field == nullptr)
        throw UsageError("setting " + name + ": there are language and currency");
      *field = a.substr(eq + 1);
    }
    ws.set_settings(s);
  }
  std::cout << "language=" << ws.settings().language << "\ncurrency=" << ws.settings().currency
            << "\n";
  return 0;
}

int import(const Options &o) {
  auto ws = open_existing(o.workspace);
  const auto text = read_file(o.file);
  const auto ext = std::filesystem::path(o.file).extension().string();
  if (ext == ".json") {
    if (!o.kind.empty())
      throw UsageError("--kind is for CSV files; a JSON document names its kinds");
    const auto total = [&] {
      std::size_t n = 0;
      for (std::size_t k = 0; k < kind_count; ++k)
        n += ws.size(static_cast<Kind>(k));
      return n;
    };
    const auto before = total();
    import_json(ws, text);
    const auto added = total() - before;
    std::cerr << "levande: imported " << added << " records from " << o.file << "\n";
    return 0;
  }
  if (ext != ".csv") throw UsageError("file: '" + o.file + "' is neither .json nor .csv");
  if (o.kind.empty()) throw UsageError("--kind is required for a CSV file (e.g. --kind people)");
  if (o.delimiter != ',' && o.delimiter != ';' && o.delimiter != '\t')
    throw UsageError("--delimiter: must be ',' ';' or a tab");
  CsvOptions options;
  options.delimiter = o.delimiter;
  options.skip_bad_rows = o.skip_bad_rows;
  options.language = o.lang;  // empty: the workspace's
  options.source = o.file;
  const auto report = import_csv(ws, kind_from_name(o.kind), text, options);
  for (const auto &row : report.skipped)
    std::cerr << "levande: skipped " << row.message << "\n";
  std::cerr << "levande: imported " << report.imported << " " << o.kind << " from " << o.file
            << (report.skipped.empty() ? "" : ", skipped " + std::to_string(report.skipped.size()))
            << "\n";
  return report.skipped.empty() ? 0 : 4;
}

namespace {

// The plan's scheduled check-ins nearest to `day`, as ", nearest: D1, D2".
std::string nearest_check_ins(const Workspace &ws, const std::string &plan, Date day) {
  const auto p = *ws.index_of(Kind::action_plan, plan);
  const auto c = ws.check_ins();
  std::vector<Date> dates;
  for (std::size_t i = 0; i < c.plan.size(); ++i)
    if (c.plan[i] == p) dates.push_back(c.scheduled[i]);
  if (dates.empty()) return " (it has none)";
  std::sort(dates.begin(), dates.end(), [&](Date a, Date b) {
    return std::abs(a.days() - day.days()) < std::abs(b.days() - day.days());
  });
  std::string out = " (nearest: " + dates[0].to_string();
  if (dates.size() > 1) out += ", " + dates[1].to_string();
  return out + ")";
}

}  // namespace

int record(const Options &o) {
  auto ws = open_existing(o.workspace);
  Batch batch;
  std::string what;
  if (o.record == "check-in") {
    if (o.missed == !o.held.empty())
      throw UsageError("check-in: give exactly one of --held DATE or --missed");
    CheckIn c;
    c.plan = o.plan;
    c.scheduled = date_option(o.scheduled, "--scheduled");
    c.status = o.missed ? CheckInStatus::missed : CheckInStatus::held;
    if (!o.missed) c.held = date_option(o.held, "--held");
    if (!o.outcome.empty()) {
      if (o.missed) throw UsageError("--outcome: only a held check-in has an outcome");
      c.outcome = enum_option(o.outcome, "--outcome",
                              {Outcome::applied, Outcome::partly, Outcome::not_applied});
    }
    c.note = o.note;
    const bool exists = ws.find(Key(Kind::check_in, c.plan, c.scheduled.to_string())).has_value();
    if (!exists && !o.unscheduled && ws.index_of(Kind::action_plan, c.plan))
      throw Error(Errc::not_found, "--scheduled", c.scheduled.to_string(),
                  "plan " + c.plan + " has no check-in scheduled that day" +
                      nearest_check_ins(ws, c.plan, c.scheduled) +
                      "; give --unscheduled to record one that was never planned");
    exists ? batch.update(c) : batch.add(c);
    what = "check-in of " + c.plan + " on " + c.scheduled.to_string();
  } else if (o.record == "measurement") {
    batch.add(Measurement{.goal = o.goal,
                          .date = date_option(o.date, "--date"),
                          .value = parse_number(o.value, language_of(o, ws), "--value")});
    what = "measurement of " + o.goal;
  } else if (o.record == "response") {
    Response r;
    r.session = o.session;
    r.person = o.person;
    r.impact = o.impact;
    r.support_needed = o.support;
    batch.add(r);
    what = "response of " + o.person + " to " + o.session;
  } else if (o.record == "activity") {
    batch.add(Activity{
        .person = o.person,
        .date = date_option(o.date, "--date"),
        .hours = parse_number(o.hours, language_of(o, ws), "--hours"),
        .kind = enum_option(o.activity_kind, "--kind",
                            {LearningKind::formal, LearningKind::social, LearningKind::on_the_job}),
        .self_initiated = o.self_initiated});
    what = "activity of " + o.person;
  } else if (o.record == "attendance" && !o.session.empty()) {
    if (!o.slot.empty() || !o.occurrence.empty())
      throw UsageError("attendance: give either --session or --slot with --occurrence");
    if (!o.held.empty()) throw UsageError("--held: a session is recorded on its own date");
    const auto found = ws.find(Key(Kind::peer_session, o.session));
    if (!found) throw Error(Errc::not_found, "--session", o.session, "no such peer session");
    auto session = std::get<PeerSession>(*found);
    for (const auto &who : o.people) {
      if (std::find(session.attendees.begin(), session.attendees.end(), who) !=
          session.attendees.end())
        throw Error(Errc::already_exists, "--person", who,
                    "is already recorded as attending " + session.id);
      session.attendees.push_back(who);
    }
    batch.update(session);
    what = "attendance of " + std::to_string(o.people.size()) + " at " + session.id;
  } else if (o.record == "attendance") {
    if (o.slot.empty() || o.occurrence.empty())
      throw UsageError("attendance: give --slot and --occurrence, or --session");
    std::optional<Date> held;
    if (!o.held.empty()) held = date_option(o.held, "--held");
    const auto added =
        record_attendance(ws, o.slot, date_option(o.occurrence, "--occurrence"), o.people, held);
    std::cerr << "levande: recorded " << added.size() << " learning activities of slot " << o.slot
              << " on " << added.front().date.to_string() << "\n";
    return 0;
  } else if (o.record == "success") {
    Success s;
    s.id = o.id;
    s.date = date_option(o.date, "--date");
    s.title = o.title;
    s.kind = "recorded";
    s.scale = o.large ? Scale::large : Scale::small;
    s.person = o.person;
    s.team = o.team;
    s.goal = o.goal;
    if (!o.held.empty()) s.celebrated = date_option(o.held, "--celebrated");
    s.celebrated_where = o.note;
    batch.add(s);
    what = "success " + s.id;
  } else if (o.record == "successes") {
    const Date as_of = date_option(o.as_of, "--as-of");
    const auto found = record_successes(ws, as_of);
    for (const auto &s : found)
      std::cout << s.date.to_string() << "  " << s.id << ": " << s.title << "\n";
    std::cerr << "levande: recorded " << found.size() << " new successes as of "
              << as_of.to_string() << "\n";
    return 0;
  } else {
    throw UsageError("record: no record kind given");
  }
  ws.apply(batch);
  std::cerr << "levande: recorded the " << what << "\n";
  return 0;
}

}  // namespace levande::cli
