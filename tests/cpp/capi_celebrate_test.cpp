// Step 5 through the C API only: find, record once, the feed; NULL and bad values.
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "capi_helpers.hpp"
#include "levande.h"

namespace {

// One goal, 10 → 20 by the end of June: 13 on 2 March (30 %: the 25 %
// milestone), 22 on 16 March (achieved; 50 and 75 % crossed the same day)
// and 120 % better than the baseline, so the KPI success falls on 16 March
// too (kpi threshold 100 %: 13 is only 30 % better).
const char *const sample =
    R"([{"op":"add","kind":"teams","value":{"id":"t","name":"Team & Co"}},
        {"op":"add","kind":"people","value":{"id":"anna","name":"Anna","team":"t"}},
        {"op":"add","kind":"action_plans","value":{"id":"p1","title":"P","person":"anna","created":"2026-02-01","agreed_by":"2026-12-31"}},
        {"op":"add","kind":"goals","value":{"id":"g","plan":"p1","metric":"Tickets closed","baseline":10,"target":20,"deadline":"2026-06-30"}},
        {"op":"add","kind":"measurements","value":{"goal":"g","date":"2026-03-02","value":13}},
        {"op":"add","kind":"measurements","value":{"goal":"g","date":"2026-03-16","value":22}}])";

std::string word(const levande_table *t, const char *column, size_t row) {
  const int32_t *codes = nullptr;
  if (levande_table_codes(&codes, nullptr, t, column, nullptr) != LEVANDE_OK) return "?";
  if (codes[row] < 0) return "";
  const char *w = nullptr;
  if (levande_table_word(&w, t, column, codes[row], nullptr) != LEVANDE_OK) return "?";
  return w;
}

TEST(CApiCelebrate, FindRecordOnceAndFeed) {
  levande_workspace *ws = nullptr;
  ASSERT_EQ(levande_workspace_create(&ws, nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_workspace_apply_json(ws, sample, nullptr), LEVANDE_OK);
  levande_celebration_options o = LEVANDE_CELEBRATION_OPTIONS_INIT;
  o.kpi_improvement_percent = 100;

  levande_table *found = nullptr;
  ASSERT_EQ(levande_celebrations_find(&found, ws, day("2026-03-31"), &o, nullptr), LEVANDE_OK);
  size_t rows = 0;
  ASSERT_EQ(levande_table_rows(&rows, found, nullptr), LEVANDE_OK);
  ASSERT_EQ(rows, 3u);
  EXPECT_EQ(word(found, "success", 0), "g/milestone-25");
  EXPECT_EQ(word(found, "success", 1), "g/achieved");
  EXPECT_EQ(word(found, "success", 2), "g/kpi");
  EXPECT_EQ(word(found, "scale", 1), "large");
  EXPECT_EQ(word(found, "team", 0), "t");
  EXPECT_EQ(word(found, "title", 2), "Tickets closed up 120 % from the baseline: 10 → 22");
  const int32_t *date = nullptr;
  ASSERT_EQ(levande_table_date(&date, found, "date", nullptr), LEVANDE_OK);
  EXPECT_EQ(date[0], day("2026-03-02"));
  EXPECT_EQ(date[2], day("2026-03-16"));
  levande_table_destroy(&found);
  // Defaults (NULL options): the KPI success comes on 2 March (30 % ≥ 10 %).
  ASSERT_EQ(levande_celebrations_find(&found, ws, day("2026-03-31"), nullptr, nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_table_rows(&rows, found, nullptr), LEVANDE_OK);
  EXPECT_EQ(rows, 3u);
  EXPECT_EQ(word(found, "success", 1), "g/kpi");
  levande_table_destroy(&found);

  levande_table *added = nullptr;
  ASSERT_EQ(levande_celebrations_record(&added, ws, day("2026-03-31"), &o, nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_table_rows(&rows, added, nullptr), LEVANDE_OK);
  EXPECT_EQ(rows, 3u);
  levande_table_destroy(&added);
  ASSERT_EQ(levande_celebrations_record(&added, ws, day("2026-03-31"), &o, nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_table_rows(&rows, added, nullptr), LEVANDE_OK);
  EXPECT_EQ(rows, 0u);
  levande_table_destroy(&added);

  char *feed = nullptr;
  ASSERT_EQ(levande_celebration_feed(&feed, ws, day("2026-03-16"), day("2026-03-16"), "t", 0,
                                     LEVANDE_FEED_MARKDOWN, nullptr),
            LEVANDE_OK);
  EXPECT_STREQ(feed,
               "- **Anna** (Team \\& Co), 2026-03-16: Tickets closed reached its target: 22 "
               "(baseline 10, target 20)\n"
               "- **Anna** (Team \\& Co), 2026-03-16: Tickets closed up 120 % from the baseline: "
               "10 → 22\n");
  levande_free(feed);
  ASSERT_EQ(levande_celebration_feed(&feed, ws, day("2026-03-01"), day("2026-03-02"), nullptr, 1,
                                     LEVANDE_FEED_TEXT, nullptr),
            LEVANDE_OK);
  EXPECT_STREQ(feed,
               "2026-03-02  Anna (Team & Co): Tickets closed is 25 % of the way to its target: 13 "
               "(baseline 10, target 20)\n");
  levande_free(feed);

  // The newsletter keeps the goal's biggest step (reached on 16 March), under
  // the person's team.
  ASSERT_EQ(levande_celebration_feed(&feed, ws, day("2026-03-01"), day("2026-03-31"), nullptr, 0,
                                     LEVANDE_FEED_NEWSLETTER, nullptr),
            LEVANDE_OK);
  EXPECT_STREQ(feed,
               "### Team \\& Co\n\n"
               "- **Anna**: Tickets closed reached its target: 22 (baseline 10, target 20) "
               "(2026-03-16)\n\n");
  levande_free(feed);

  // Bad values name the field; NULLs are misuse; nothing is recorded on error.
  levande_error *err = nullptr;
  o.streak = 1;
  EXPECT_EQ(levande_celebrations_record(&added, ws, day("2026-12-31"), &o, &err),
            LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_STREQ(levande_error_field(err), "streak");
  EXPECT_EQ(added, nullptr);
  levande_error_destroy(&err);
  o = LEVANDE_CELEBRATION_OPTIONS_INIT;
  o.struct_size = 3;
  EXPECT_EQ(levande_celebrations_find(&found, ws, 0, &o, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_celebrations_find(nullptr, ws, 0, nullptr, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_celebrations_find(&found, nullptr, 0, nullptr, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_celebrations_record(nullptr, ws, 0, nullptr, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_celebrations_record(&added, nullptr, 0, nullptr, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_celebration_feed(&feed, ws, 0, 1, "nope", 0, LEVANDE_FEED_TEXT, &err),
            LEVANDE_ERR_NOT_FOUND);
  EXPECT_STREQ(levande_error_field(err), "team");
  levande_error_destroy(&err);
  EXPECT_EQ(levande_celebration_feed(&feed, ws, 0, 1, nullptr, 0, 7, &err),
            LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_STREQ(levande_error_field(err), "format");
  levande_error_destroy(&err);
  EXPECT_EQ(levande_celebration_feed(&feed, ws, 5, 1, nullptr, 0, LEVANDE_FEED_TEXT, nullptr),
            LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(levande_celebration_feed(nullptr, ws, 0, 1, nullptr, 0, LEVANDE_FEED_TEXT, nullptr),
            LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_celebration_feed(&feed, nullptr, 0, 1, nullptr, 0, LEVANDE_FEED_TEXT, nullptr),
            LEVANDE_ERR_MISUSE);
  size_t count = 0;
  ASSERT_EQ(levande_workspace_count(&count, ws, LEVANDE_KIND_SUCCESS, nullptr), LEVANDE_OK);
  EXPECT_EQ(count, 3u);
  levande_workspace_destroy(&ws);
}

}  // namespace
