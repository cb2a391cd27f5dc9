// report and demo: the follow-up report, and the demo organisation with
// every file the README's main job shows.
#include <filesystem>
#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "levande/celebrate.hpp"
#include "levande/error.hpp"
#include "levande/fixtures/demo.hpp"
#include "levande/io/schedule_ics.hpp"
#include "levande/io/table_export.hpp"
#include "levande/io/xapi.hpp"
#include "levande/metrics.hpp"
#include "levande/report.hpp"
#include "levande/schedule.hpp"
#include "progress.hpp"

namespace levande::cli {

namespace {

ReportFormat report_format(const std::string &format) {
  if (format == "html") return ReportFormat::html;
  if (format == "markdown" || format == "md") return ReportFormat::markdown;
  throw UsageError("--format: '" + format + "' is not html or markdown");
}

}  // namespace

int report_command(const Options &o) {
  Progress progress("levande report", 0);
  const auto ws = open_existing(o.workspace);
  ReportOptions options;
  options.as_of = date_option(o.as_of, "--as-of");
  if (!o.title.empty()) options.title = o.title;
  write_output(o.output, report(ws, options, report_format(o.report_format)));
  return 0;
}

int demo(const Options &o) {
  namespace fs = std::filesystem;
  DemoOptions options;
  if (!o.as_of.empty()) options.as_of = date_option(o.as_of, "--as-of");
  const fs::path dir = o.out.empty() ? fs::path("levande-demo") : fs::path(o.out);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw Error(Errc::io_error, "--out", dir.string(), "cannot be created: " + ec.message());
  const auto write = [&](const char *name, const std::string &text) {
    write_output((dir / name).string(), text);
    std::cout << "  " << (dir / name).string() << "\n";
  };

  Progress progress("levande demo", 7);
  progress.step("building the organisation");
  auto ws = demo_organisation(options);
  progress.step("saving the workspace");
  const auto database = dir / "demo.levande";
  for (const char *suffix : {"", "-wal", "-shm"})
    fs::remove(database.string() + suffix, ec);  // a fresh demo every run
  ws.save_as(database.string());

  const auto goals = goal_status(ws, options.as_of);
  std::array<std::size_t, goal_status_count> status{};
  for (auto s : goals.status)
    ++status[static_cast<std::size_t>(s)];
  std::cout << "levande demo: " << ws.size(Kind::person) << " people in " << ws.size(Kind::team) - 1
            << " teams, " << ws.size(Kind::training) << " trainings, history simulated to "
            << options.as_of.to_string() << "\n"
            << "  goals: " << status[static_cast<std::size_t>(GoalStatus::achieved)]
            << " achieved, " << status[static_cast<std::size_t>(GoalStatus::on_track)]
            << " on track, " << status[static_cast<std::size_t>(GoalStatus::at_risk)]
            << " at risk, " << status[static_cast<std::size_t>(GoalStatus::off_track)]
            << " off track, " << status[static_cast<std::size_t>(GoalStatus::missed)] << " missed; "
            << ws.size(Kind::success) << " successes found\n"
            << "wrote\n  " << database.string() << "\n";

  progress.step("writing the reports");
  ReportOptions report_options;
  report_options.as_of = options.as_of;
  report_options.title = "Follow-up report — IT-avdelningen";
  write("report.html", report(ws, report_options, ReportFormat::html));
  write("report.md", report(ws, report_options, ReportFormat::markdown));
  FeedOptions news;
  news.from = Date::from_ymd(options.as_of.year(), 1, 1);
  news.to = options.as_of;
  news.format = FeedFormat::newsletter;
  write("newsletter.md", "## Successes " + std::to_string(options.as_of.year()) + "\n\n" +
                             celebration_feed(ws, news));

  progress.step("writing the calendar");
  ScheduleOptions horizon;
  horizon.as_of = options.as_of;
  horizon.until = Date(options.as_of.days() + 90);
  const auto s = plan_follow_up(ws, horizon);
  ical::WriteOptions ics;
  ics.stamp = options.as_of;
  write("followup.ics", schedule_to_ics(ws, s.events, {}, ics));

  progress.step("writing the xAPI statements");
  xapi::Options statements;
  statements.as_of = options.as_of;
  write("statements.json", xapi::statements(ws, statements));

  progress.step("writing the metrics");
  std::ostringstream metrics_csv;
  write_csv(metrics_csv, engagement(ws, options.as_of, GroupBy::team));
  write("metrics.csv", metrics_csv.str());
  return 0;
}

}  // namespace levande::cli
