// The levande commands: their options (filled by CLI11) and what they do.
#ifndef LEVANDE_APPS_CLI_COMMANDS_HPP
#define LEVANDE_APPS_CLI_COMMANDS_HPP

#include <CLI/CLI.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "levande/date.hpp"
#include "levande/table.hpp"
#include "levande/workspace.hpp"

namespace levande::cli {

// A command line that parses but makes no sense (exit code 2).
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Options {
  std::string command;  // the subcommand chosen
  std::string record;   // the record subcommand chosen
  std::string workspace, file, kind, format = "text", output, by, table, title, out;
  std::string report_format = "html", base, id;
  std::string as_of, from, to, until;
  std::string person, team, manager, training;
  std::string plan, scheduled, held, outcome, goal, session, date, support, note, activity_kind;
  std::string slot, occurrence;
  std::vector<std::string> people;
  std::string lang;          // --lang: the language of input and output ("" = the workspace's)
  std::string value, hours;  // numbers as typed: "8,4" is read by the language
  std::vector<std::string> assignments;  // settings: name=value
  int impact = 0;
  bool large = false, missed = false, unscheduled = false, dry_run = false, skip_bad_rows = false,
       self_initiated = false, overdue = false, repair = false;
  char delimiter = ',';
  std::size_t limit = 50;
};

// Registers every subcommand on the app.
void add_commands(CLI::App &app, Options &o);

// Runs the chosen command; returns the exit code. Throws levande::Error,
// UsageError or std::exception for main() to report.
int run(const Options &o);

// The commands.
int init(const Options &o);
int check(const Options &o);
int settings(const Options &o);
int import(const Options &o);
int record(const Options &o);
int plan(const Options &o);
int agenda(const Options &o);
int metrics(const Options &o);
int export_data(const Options &o);
int report_command(const Options &o);
int demo(const Options &o);

// Helpers shared by the commands.
Date date_option(const std::string &text, const char *option);  // "" → today
// The language of the command: --lang, else the workspace's.
std::string language_of(const Options &o, const Workspace &ws);
Workspace open_existing(const std::string &path);
// The table as --format text (at most `limit` rows, 0: all), csv, excel
// (the CSV Excel reads in `language`'s regional settings) or json.
std::string format_table(const Table &table, const std::string &format, std::size_t limit,
                         const std::string &language = "en");
// Writes to --output (or stdout when empty or "-").
void write_output(const std::string &path, const std::string &text);

}  // namespace levande::cli

#endif
