// The C API of languages and settings (include/levande/c/language.h,
// levande_workspace_setting).
#include <gtest/gtest.h>

#include <string>

#include "levande.h"
#include "test_helpers.hpp"

namespace {

std::string take(char *text) {
  std::string s = text ? text : "";
  levande_free(text);
  return s;
}

TEST(CApiLanguage, LanguagesQuestionsAndNumbers) {
  char *out = nullptr;
  ASSERT_EQ(levande_languages(&out, nullptr), LEVANDE_OK);
  EXPECT_EQ(take(out), "en,sv");
  ASSERT_EQ(levande_default_feedback_questions(&out, "sv", nullptr), LEVANDE_OK);
  EXPECT_EQ(take(out),
            "[\"Hur har de nya kunskaperna påverkat ditt dagliga arbete?\","
            "\"Vilka utmaningar har du mött när du har tillämpat dem?\","
            "\"Vilket ytterligare stöd eller vilka resurser behöver du?\"]");
  levande_error *err = nullptr;
  EXPECT_EQ(levande_default_feedback_questions(&out, "fi", &err), LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_STREQ(levande_error_field(err), "language");
  levande_error_destroy(&err);

  double v = 0;
  ASSERT_EQ(levande_parse_number(&v, "8,4", "sv", "value", nullptr), LEVANDE_OK);
  EXPECT_DOUBLE_EQ(v, 8.4);
  EXPECT_EQ(levande_parse_number(&v, "8,4", "en", "value", &err), LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_STREQ(levande_error_field(err), "value");
  EXPECT_STREQ(levande_error_value(err), "8,4");
  levande_error_destroy(&err);
  EXPECT_EQ(levande_parse_number(&v, "8.4", "en", nullptr, nullptr), LEVANDE_OK);
}

TEST(CApiLanguage, SettingsAreReadAndChangedByName) {
  levande_workspace *ws = nullptr;
  ASSERT_EQ(levande_workspace_open(&ws, ":memory:", 0, nullptr), LEVANDE_OK);
  const char *value = nullptr;
  ASSERT_EQ(levande_workspace_setting(&value, ws, "language", nullptr), LEVANDE_OK);
  EXPECT_STREQ(value, "en");
  ASSERT_EQ(levande_workspace_set_setting(ws, "language", "sv-SE", nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_workspace_setting(&value, ws, "language", nullptr), LEVANDE_OK);
  EXPECT_STREQ(value, "sv");
  levande_error *err = nullptr;
  EXPECT_EQ(levande_workspace_set_setting(ws, "currency", "kr", &err),
            LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_STREQ(levande_error_field(err), "settings.currency");
  levande_error_destroy(&err);
  EXPECT_EQ(levande_workspace_setting(&value, ws, "colour", &err), LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_STREQ(levande_error_field(err), "name");
  levande_error_destroy(&err);
  ASSERT_EQ(levande_workspace_setting(&value, ws, "currency", nullptr), LEVANDE_OK);
  EXPECT_STREQ(value, "SEK");
  levande_workspace_destroy(&ws);
}

TEST(CApiLanguage, CsvNumbersWithDecimalCommas) {
  levande_workspace *ws = nullptr;
  ASSERT_EQ(levande_workspace_open(&ws, ":memory:", 0, nullptr), LEVANDE_OK);
  ASSERT_EQ(
      levande_workspace_import_json(ws, levande::test::example_programme_json().c_str(), nullptr),
      LEVANDE_OK);
  const char *text = "goal;date;value\ng-lead;2026-06-01;16,5\n";
  levande_csv_options options = LEVANDE_CSV_OPTIONS_INIT;
  options.delimiter = ';';
  levande_error *err = nullptr;
  // The workspace is English: the comma is refused...
  EXPECT_EQ(levande_workspace_import_csv(nullptr, nullptr, ws, LEVANDE_KIND_MEASUREMENT, text,
                                         &options, &err),
            LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_STREQ(levande_error_value(err), "16,5");
  levande_error_destroy(&err);
  // ...unless the options name Swedish.
  options.language = "sv";
  size_t imported = 0;
  ASSERT_EQ(levande_workspace_import_csv(&imported, nullptr, ws, LEVANDE_KIND_MEASUREMENT, text,
                                         &options, nullptr),
            LEVANDE_OK);
  EXPECT_EQ(imported, 1u);
  levande_workspace_destroy(&ws);
}

}  // namespace
