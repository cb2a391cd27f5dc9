// Workspace settings (language, currency) and the feedback questions in the
// workspace's language (docs/i18n.md).
#include <gtest/gtest.h>

#include "levande/io/check.hpp"
#include "levande/io/json.hpp"
#include "levande/language.hpp"
#include "levande/workspace.hpp"
#include "sqlite_helpers.hpp"
#include "test_helpers.hpp"

namespace levande {
namespace {

const std::vector<std::string> swedish_questions{
    "Hur har de nya kunskaperna påverkat ditt dagliga arbete?",
    "Vilka utmaningar har du mött när du har tillämpat dem?",
    "Vilket ytterligare stöd eller vilka resurser behöver du?"};

TEST(Settings, DefaultsAreEnglishAndKronor) {
  const Workspace ws;
  EXPECT_EQ(ws.settings().language, "en");
  EXPECT_EQ(ws.settings().currency, "SEK");
  EXPECT_EQ(languages(), (std::vector<std::string>{"en", "sv"}));
}

TEST(Settings, TheQuestionsComeInTheWorkspacesLanguage) {
  EXPECT_EQ(default_feedback_questions("sv"), swedish_questions);
  EXPECT_EQ(default_feedback_questions("en"), default_feedback_questions());
  EXPECT_EQ(test::code_of([] { default_feedback_questions("fi"); }), Errc::invalid_argument);

  auto ws = test::example_programme();
  ws.set_settings({.language = "sv-SE", .currency = "SEK"});
  EXPECT_EQ(ws.settings().language, "sv");  // kept as its primary subtag
  ws.apply(Batch().add(
      FeedbackSession{.id = "fs-sv", .training = "t-devops", .date = Date::parse("2026-06-01")}));
  const auto session = std::get<FeedbackSession>(*ws.find({Kind::feedback_session, "fs-sv"}));
  EXPECT_EQ(session.questions, swedish_questions);
  // Sessions that name their questions keep them; earlier sessions keep theirs.
  EXPECT_EQ(std::get<FeedbackSession>(ws.at(Kind::feedback_session, 0)).questions,
            default_feedback_questions());
}

TEST(Settings, BadSettingsAreRefusedByNameAndChangeNothing) {
  Workspace ws;
  try {
    ws.set_settings({.language = "klingon", .currency = "SEK"});
    FAIL() << "accepted";
  } catch (const Error &e) {
    EXPECT_EQ(e.code(), Errc::invalid_argument);
    EXPECT_EQ(e.field(), "settings.language");
    EXPECT_EQ(e.value(), "klingon");
  }
  try {
    ws.set_settings({.language = "sv", .currency = "kr"});
    FAIL() << "accepted";
  } catch (const Error &e) {
    EXPECT_EQ(e.field(), "settings.currency");
    EXPECT_EQ(e.value(), "kr");
  }
  EXPECT_EQ(ws.settings(), Settings{});
}

TEST(Settings, AreStoredExportedAndImported) {
  const auto path = test::temp_db("settings.levande");
  {
    auto ws = test::example_programme();
    ws.save_as(path);
    ws.set_settings({.language = "sv", .currency = "EUR"});
  }
  const auto ws = Workspace::open(path, {.read_only = true});
  EXPECT_EQ(ws.settings(), (Settings{.language = "sv", .currency = "EUR"}));

  const auto json = export_json(ws);
  EXPECT_NE(json.find("\"settings\""), std::string::npos);
  Workspace copy;
  import_json(copy, json);
  EXPECT_EQ(copy.settings(), ws.settings());
  EXPECT_TRUE(copy.same_content(ws));

  // A document whose settings are wrong imports nothing.
  Workspace other;
  const std::string bad =
      R"({"format":"levande","schema_version":4,"settings":{"currency":"kronor"},
                              "teams":[{"id":"t","name":"T"}]})";
  EXPECT_EQ(test::code_of([&] { import_json(other, bad); }), Errc::invalid_argument);
  EXPECT_EQ(other.size(Kind::team), 0u);
}

TEST(Settings, ASettingEditedOutsideLevandeIsReportedAsDamage) {
  const auto path = test::temp_db("bad-settings.levande");
  {
    auto ws = test::example_programme();
    ws.save_as(path);
    ws.set_settings({.language = "sv", .currency = "SEK"});
  }
  test::exec_sql(path, "UPDATE levande_meta SET value = 'kronor' WHERE key = 'setting.currency'");
  try {
    Workspace::open(path);
    FAIL() << "opened";
  } catch (const Error &e) {
    EXPECT_EQ(e.code(), Errc::corrupt);
    EXPECT_NE(std::string(e.what()).find("kronor"), std::string::npos) << e.what();
  }
}

TEST(Settings, CheckListsABadSettingAndRepairClearsIt) {
  const auto path = test::temp_db("repair-settings.levande");
  {
    auto ws = test::example_programme();
    ws.save_as(path);
    ws.set_settings({.language = "sv", .currency = "EUR"});
  }
  test::exec_sql(path, "UPDATE levande_meta SET value = 'kronor' WHERE key = 'setting.currency'");
  const auto found = check_workspace(path);
  ASSERT_EQ(found.problems.size(), 1u);
  EXPECT_EQ(found.problems[0].field, "settings.currency");
  EXPECT_EQ(found.problems[0].value, "kronor");
  EXPECT_EQ(found.problems[0].action, "cleared");
  check_workspace(path, true);
  // The bad setting is back at its default; the good one stays.
  EXPECT_EQ(Workspace::open(path).settings(), (Settings{.language = "sv", .currency = "SEK"}));
}

}  // namespace
}  // namespace levande
