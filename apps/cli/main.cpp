// The levande command line: a workspace file in, follow-up plans, agendas,
// metrics and exports out. Every command is documented in docs/cli.md.
//
// Exit codes: 0 success; 1 an unexpected failure; 2 bad usage (unknown
// option, missing argument, bad date on the command line); 3 a file could
// not be read or written; 4 the data was refused (validation, parse error);
// 5 an id that does not exist.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "commands.hpp"
#include "levande/error.hpp"
#include "levande/version.hpp"

namespace {

using namespace levande;

int exit_code(Errc code) {
  switch (code) {
    case Errc::io_error:
    case Errc::corrupt:
    case Errc::conflict:
      return 3;
    case Errc::not_found:
      return 5;
    case Errc::invalid_argument:
    case Errc::parse_error:
    case Errc::invalid_date:
    case Errc::out_of_range:
    case Errc::already_exists:
    case Errc::constraint:
    case Errc::unsupported:
      return 4;
    default:
      return 1;
  }
}

}  // namespace

int main(int argc, char **argv) {
  CLI::App app{
      "levande — keep competence development alive after a training.\n"
      "Plans the six-step follow-up on business calendars, records what happened,\n"
      "and reports progress. Dates are YYYY-MM-DD; --as-of defaults to today.",
      "levande"};
  app.set_version_flag("--version", std::string(levande::version()));
  app.require_subcommand(1);
  app.footer("Run 'levande COMMAND --help' for a command's options and examples.");
  cli::Options o;
  cli::add_commands(app, o);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp &e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp &e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion &e) {
    return app.exit(e);
  } catch (const CLI::ParseError &e) {
    std::cerr << "levande: " << e.what() << "\n"
              << "Run 'levande --help' for usage.\n";
    return 2;
  }
  try {
    // Two commands writing the same workspace at once: the one that loaded
    // first is refused (Errc::conflict) and nothing of it was written; each
    // command writes in one transaction, so it runs again on fresh data.
    constexpr int attempts = 6;
    for (int attempt = 1;; ++attempt) {
      try {
        return cli::run(o);
      } catch (const Error &e) {
        if (e.code() != Errc::conflict) throw;
        if (attempt == attempts) {
          std::cerr << "levande: error: another program kept writing to " << o.workspace
                    << " while this command ran (" << attempts
                    << " tries); nothing was written. Try again when it is done.\n";
          return exit_code(e.code());
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(25 << attempt));
      }
    }
  } catch (const cli::UsageError &e) {
    std::cerr << "levande: " << e.what() << "\n";
    return 2;
  } catch (const Error &e) {
    std::cerr << "levande: error: " << e.what() << "\n";
    return exit_code(e.code());
  } catch (const std::exception &e) {
    std::cerr << "levande: unexpected failure: " << e.what() << "\n";
    return 1;
  }
}
