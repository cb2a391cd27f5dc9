// Step 5 in Swedish: the successes found in the data are titled in the
// workspace's language, and the newsletter is written in the language asked
// for. The example programme's expected successes are worked out by hand:
// release lead time 20 → 19 (a third of the way to 17) → 17.5 (five sixths);
// open security findings 40 → 22 (three fifths of the way to 10).
#include <gtest/gtest.h>

#include <algorithm>

#include "levande/celebrate.hpp"
#include "levande/workspace.hpp"
#include "test_helpers.hpp"

namespace levande {
namespace {

const Date as_of = Date::parse("2026-06-30");
const std::string nbsp = "\u00a0";

std::vector<std::string> titles(const Workspace &ws) {
  std::vector<std::string> out;
  for (const auto &s : find_successes(ws, as_of))
    out.push_back(s.title);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(CelebrateLanguage, EnglishTitlesAreAsBefore) {
  std::vector<std::string> expected{
      "open security findings down 45 % from the baseline: 40 → 22 findings",
      "open security findings is 50 % of the way to its target: 22 findings (baseline 40, "
      "target 10)",
      "release lead time down 13 % from the baseline: 20 → 17.5 days",
      "release lead time is 25 % of the way to its target: 19 days (baseline 20, target 17)",
      "release lead time is 75 % of the way to its target: 17.5 days (baseline 20, target 17)"};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(titles(test::example_programme()), expected);
}

TEST(CelebrateLanguage, ASwedishWorkspaceTitlesItsSuccessesInSwedish) {
  auto ws = test::example_programme();
  ws.set_settings({.language = "sv", .currency = "SEK"});
  std::vector<std::string> expected{
      "open security findings har minskat med 45" + nbsp + "% från utgångsläget: 40 → 22 findings",
      "open security findings har nått 50" + nbsp +
          "% av vägen till målet: 22 findings (utgångsläge 40, mål 10)",
      "release lead time har minskat med 13" + nbsp + "% från utgångsläget: 20 → 17,5 days",
      "release lead time har nått 25" + nbsp +
          "% av vägen till målet: 19 days (utgångsläge 20, mål 17)",
      "release lead time har nått 75" + nbsp +
          "% av vägen till målet: 17,5 days (utgångsläge 20, mål 17)"};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(titles(ws), expected);
}

TEST(CelebrateLanguage, TheNewsletterInSwedish) {
  auto ws = test::example_programme();
  record_successes(ws, as_of);
  FeedOptions options;
  options.from = Date::parse("2026-01-01");
  options.to = as_of;
  options.format = FeedFormat::newsletter;
  options.language = "sv";
  const auto text = celebration_feed(ws, options);
  EXPECT_EQ(text.rfind("### Teamens framgångar\n\n", 0), 0u) << text;
  // The team's goal as what the team did, from the baseline to the value of
  // the day of its biggest step (75 % on 2026-05-04: 17.5, 12.5 % → 13 %).
  EXPECT_NE(text.find("- **Operations** minskade release lead time med 13" + nbsp +
                      "% (20 → 17,5 days), 75" + nbsp + "% av vägen till målet (2026-05-04)\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("### Development\n"), std::string::npos) << text;
  // The titles were recorded while the workspace was English: they stay so.
  EXPECT_NE(text.find("open security findings is 50 % of the way to its target"), std::string::npos)
      << text;
  // English, asked for, reads as it always has.
  options.language = "en";
  const auto english = celebration_feed(ws, options);
  EXPECT_EQ(english.rfind("### Team successes\n\n", 0), 0u) << english;
  EXPECT_NE(english.find("- **Operations** cut release lead time by 13 % (20 → 17.5 days), 75 % "
                         "of the way to the target (2026-05-04)\n"),
            std::string::npos)
      << english;
  options.language = "no";
  EXPECT_EQ(test::code_of([&] { celebration_feed(ws, options); }), Errc::invalid_argument);
}

}  // namespace
}  // namespace levande
