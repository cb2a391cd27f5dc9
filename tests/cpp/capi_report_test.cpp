// The report, xAPI and demo through the C API.
#include <gtest/gtest.h>

#include <string>

#include "capi_helpers.hpp"
#include "levande.h"

namespace {

TEST(CApiReport, DemoReportAndStatements) {
  levande_workspace *ws = nullptr;
  ASSERT_EQ(levande_demo_organisation(&ws, day("2026-11-30"), 2026, nullptr), LEVANDE_OK);
  size_t people = 0;
  ASSERT_EQ(levande_workspace_count(&people, ws, LEVANDE_KIND_PERSON, nullptr), LEVANDE_OK);
  EXPECT_EQ(people, 81u);  // a CIO and 8 teams of 10
  char *text = nullptr;
  ASSERT_EQ(
      levande_report(&text, ws, day("2026-11-30"), "Q4 & <more>", 5, LEVANDE_REPORT_HTML, nullptr),
      LEVANDE_OK);
  const std::string html = text;
  levande_free(text);
  EXPECT_NE(html.find("<h1>Q4 &amp; &lt;more&gt;</h1>"), std::string::npos);
  EXPECT_NE(html.find("<section id=\"step-4\">"), std::string::npos);
  ASSERT_EQ(
      levande_report(&text, ws, day("2026-11-30"), nullptr, 5, LEVANDE_REPORT_MARKDOWN, nullptr),
      LEVANDE_OK);
  EXPECT_EQ(std::string(text).rfind("# Follow-up report\n", 0), 0u);
  levande_free(text);
  ASSERT_EQ(
      levande_xapi_statements(&text, ws, day("2026-11-30"), "https://hr.example.se/x", nullptr),
      LEVANDE_OK);
  EXPECT_NE(std::string(text).find("\"https://hr.example.se/x/trainings/devops\""),
            std::string::npos);
  levande_free(text);
  levande_error *err = nullptr;
  EXPECT_EQ(levande_report(&text, ws, day("2026-11-30"), nullptr, 5, 7, &err),
            LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_STREQ(levande_error_field(err), "format");
  levande_error_destroy(&err);
  EXPECT_EQ(levande_xapi_statements(&text, ws, day("2026-11-30"), "no base", &err),
            LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_STREQ(levande_error_field(err), "base");
  levande_error_destroy(&err);
  levande_workspace_destroy(&ws);
  EXPECT_EQ(levande_demo_organisation(&ws, day("2025-01-01"), 2026, &err),
            LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(ws, nullptr);
  levande_error_destroy(&err);
}

}  // namespace
