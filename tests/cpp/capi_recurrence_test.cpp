// The recurrence part of the C API, incl. NULL and misuse paths.
#include <gtest/gtest.h>

#include <string>

#include "capi_helpers.hpp"
#include "levande.h"

namespace {

TEST(CApiRecurrence, ExpandAdjustAndFree) {
  levande_recurrence *rec = nullptr;
  levande_error *err = nullptr;
  ASSERT_EQ(levande_recurrence_create(&rec, "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=4",
                                      day("2026-05-26"), &err),
            LEVANDE_OK);
  EXPECT_EQ(levande_recurrence_add_exdate(rec, day("2026-06-09"), &err), LEVANDE_OK);
  EXPECT_EQ(levande_recurrence_add_rdate(rec, day("2026-06-10"), &err), LEVANDE_OK);

  int32_t *dates = nullptr;
  size_t count = 0;
  ASSERT_EQ(levande_recurrence_between(&dates, &count, rec, day("2026-01-01"), day("2026-12-31"),
                                       LEVANDE_DEFAULT_LIMIT, &err),
            LEVANDE_OK);
  ASSERT_EQ(count, 4u);
  EXPECT_EQ(dates[0], day("2026-05-26"));
  EXPECT_EQ(dates[1], day("2026-06-10"));
  EXPECT_EQ(dates[2], day("2026-06-23"));
  EXPECT_EQ(dates[3], day("2026-07-07"));
  levande_free(dates);

  EXPECT_EQ(levande_recurrence_between(&dates, &count, rec, day("2026-01-01"), day("2026-12-31"), 2,
                                       &err),
            LEVANDE_ERR_OUT_OF_RANGE);
  EXPECT_STREQ(levande_error_field(err), "limit");
  levande_error_destroy(&err);
  ASSERT_EQ(levande_recurrence_between(&dates, &count, rec, day("2027-01-01"), day("2027-12-31"), 0,
                                       &err),
            LEVANDE_OK);
  EXPECT_EQ(dates, nullptr);
  EXPECT_EQ(count, 0u);

  int32_t next = 0, found = -1;
  EXPECT_EQ(levande_recurrence_next_after(&next, &found, rec, day("2026-06-10"), &err), LEVANDE_OK);
  EXPECT_EQ(found, 1);
  EXPECT_EQ(next, day("2026-06-23"));
  EXPECT_EQ(levande_recurrence_next_after(&next, &found, rec, day("2026-07-07"), &err), LEVANDE_OK);
  EXPECT_EQ(found, 0);

  char *text = nullptr;
  ASSERT_EQ(levande_recurrence_rule_string(&text, rec, &err), LEVANDE_OK);
  EXPECT_STREQ(text, "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU");
  levande_free(text);

  // Midsommarafton (Friday 2026-06-19) rolls to Monday 2026-06-22.
  levande_calendar *se = nullptr;
  ASSERT_EQ(levande_calendar_create_sweden(&se, 1, nullptr), LEVANDE_OK);
  levande_recurrence *fridays = nullptr;
  ASSERT_EQ(levande_recurrence_create(&fridays, "FREQ=WEEKLY;BYDAY=FR", day("2026-06-12"), nullptr),
            LEVANDE_OK);
  ASSERT_EQ(
      levande_recurrence_adjusted_between(&dates, &count, fridays, se, LEVANDE_ADJUST_FOLLOWING,
                                          day("2026-06-12"), day("2026-06-26"), 0, nullptr),
      LEVANDE_OK);
  ASSERT_EQ(count, 3u);
  EXPECT_EQ(dates[1], day("2026-06-22"));
  levande_free(dates);
  EXPECT_EQ(levande_recurrence_adjusted_between(&dates, &count, fridays, se, 9, day("2026-06-12"),
                                                day("2026-06-26"), 0, nullptr),
            LEVANDE_ERR_INVALID_ARGUMENT);

  levande_recurrence_destroy(&fridays);
  levande_calendar_destroy(&se);
  levande_recurrence_destroy(&rec);
  EXPECT_EQ(rec, nullptr);
  levande_recurrence_destroy(&rec);
  levande_recurrence_destroy(nullptr);
}

TEST(CApiRecurrence, BadRulesAndNullPointers) {
  levande_recurrence *rec = nullptr;
  levande_error *err = nullptr;
  EXPECT_EQ(levande_recurrence_create(&rec, "FREQ=WEEKLY;BYDAY=9MO", day("2026-01-01"), &err),
            LEVANDE_ERR_PARSE);
  EXPECT_EQ(rec, nullptr);
  EXPECT_STREQ(levande_error_field(err), "BYDAY");
  levande_error_destroy(&err);
  EXPECT_EQ(levande_recurrence_create(&rec, "FREQ=HOURLY", day("2026-01-01"), nullptr),
            LEVANDE_ERR_UNSUPPORTED);
  EXPECT_EQ(levande_recurrence_create(&rec, "FREQ=DAILY", LEVANDE_DATE_MAX + 1, nullptr),
            LEVANDE_ERR_OUT_OF_RANGE);

  ASSERT_EQ(levande_recurrence_create(&rec, nullptr, day("2026-01-01"), nullptr), LEVANDE_OK);
  char *text = nullptr;
  ASSERT_EQ(levande_recurrence_rule_string(&text, rec, nullptr), LEVANDE_OK);
  EXPECT_STREQ(text, "");
  levande_free(text);

  int32_t *dates = nullptr;
  size_t count = 0;
  int32_t out = 0, found = 0;
  levande_calendar *cal = nullptr;
  ASSERT_EQ(levande_calendar_create(&cal, LEVANDE_WEEKEND_SAT_SUN, nullptr), LEVANDE_OK);
  EXPECT_EQ(levande_recurrence_create(nullptr, "FREQ=DAILY", 0, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_recurrence_add_rdate(nullptr, 0, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_recurrence_add_exdate(nullptr, 0, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_recurrence_add_rdate(rec, LEVANDE_DATE_MIN - 1, nullptr),
            LEVANDE_ERR_OUT_OF_RANGE);
  EXPECT_EQ(levande_recurrence_rule_string(nullptr, rec, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_recurrence_rule_string(&text, nullptr, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_recurrence_between(nullptr, &count, rec, 0, 1, 0, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_recurrence_between(&dates, nullptr, rec, 0, 1, 0, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_recurrence_between(&dates, &count, nullptr, 0, 1, 0, nullptr),
            LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_recurrence_next_after(nullptr, &found, rec, 0, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_recurrence_next_after(&out, nullptr, rec, 0, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_recurrence_next_after(&out, &found, nullptr, 0, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_recurrence_adjusted_between(&dates, &count, rec, nullptr, 0, 0, 1, 0, nullptr),
            LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_recurrence_adjusted_between(&dates, &count, nullptr, cal, 0, 0, 1, 0, nullptr),
            LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_recurrence_adjusted_between(nullptr, &count, rec, cal, 0, 0, 1, 0, nullptr),
            LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_recurrence_adjusted_between(&dates, nullptr, rec, cal, 0, 0, 1, 0, nullptr),
            LEVANDE_ERR_MISUSE);
  levande_calendar_destroy(&cal);
  levande_recurrence_destroy(&rec);
}

}  // namespace
