// Builds the demo organisation and prints, per department, how its goals
// stand and what the teams celebrated last; writes the Markdown report.
//
//   team_progress [as-of YYYY-MM-DD] [report.md]
#include <fstream>
#include <iostream>
#include <levande/fixtures/demo.hpp>
#include <levande/levande.hpp>
#include <variant>

int main(int argc, char **argv) try {
  levande::DemoOptions options;
  if (argc > 1) options.as_of = levande::Date::parse(argv[1]);
  const auto ws = levande::demo_organisation(options);

  const auto t = levande::goal_rollup(ws, options.as_of, levande::RollupBy::team);
  const auto &team = std::get<levande::DictionaryColumn>(t["team"]);
  const auto &goals = std::get<std::vector<std::uint32_t>>(t["goals"]);
  const auto &achieved = std::get<std::vector<std::uint32_t>>(t["achieved"]);
  const auto &progress = std::get<std::vector<double>>(t["mean_progress"]);
  std::cout << "Goals as of " << options.as_of << "\n";
  for (std::size_t i = 0; i < t.rows(); ++i)
    std::cout << "  " << team.words[static_cast<std::size_t>(team.codes[i])] << ": " << goals[i]
              << " goals, " << achieved[i] << " achieved, mean progress "
              << static_cast<int>(progress[i] * 100) << " %\n";

  levande::FeedOptions feed;
  feed.from = levande::Date(options.as_of.days() - 7);
  feed.to = options.as_of;
  std::cout << "\nThis week's successes\n" << levande::celebration_feed(ws, feed);

  if (argc > 2) {
    std::ofstream(argv[2]) << levande::report(ws, {options.as_of, "Follow-up report", 5},
                                              levande::ReportFormat::markdown);
    std::cout << "\nwrote " << argv[2] << "\n";
  }
  return 0;
} catch (const levande::Error &e) {
  std::cerr << "team_progress: " << e.what() << "\n";
  return 1;
}
