// Every C API function, on its normal path and on its NULL / misuse paths.
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "capi_helpers.hpp"
#include "levande.h"

namespace {

TEST(CApi, Version) {
  EXPECT_STREQ(levande_version(), LEVANDE_VERSION_STRING);
  EXPECT_EQ(levande_version_number(), LEVANDE_VERSION_NUMBER);
  EXPECT_STREQ(levande_status_name(LEVANDE_ERR_INVALID_DATE), "invalid_date");
  EXPECT_STREQ(levande_status_name(LEVANDE_OK), "ok");
  EXPECT_STREQ(levande_status_name(12345), "unknown");
}

TEST(CApi, ErrorObject) {
  levande_error *err = nullptr;
  int32_t out = 0;
  EXPECT_EQ(levande_date_parse(&out, "2026-02-30", &err), LEVANDE_ERR_INVALID_DATE);
  ASSERT_NE(err, nullptr);
  EXPECT_EQ(levande_error_code(err), LEVANDE_ERR_INVALID_DATE);
  EXPECT_NE(std::string(levande_error_message(err)).find("2026-02-30"), std::string::npos);
  EXPECT_STREQ(levande_error_field(err), "date");
  EXPECT_STREQ(levande_error_value(err), "2026-02-30");
  // The thread's last error holds the same.
  ASSERT_NE(levande_last_error(), nullptr);
  EXPECT_EQ(levande_error_code(levande_last_error()), LEVANDE_ERR_INVALID_DATE);
  levande_error_destroy(&err);
  EXPECT_EQ(err, nullptr);
  levande_error_destroy(&err);     // NULL-safe
  levande_error_destroy(nullptr);  // NULL-safe
  EXPECT_EQ(levande_error_code(nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_STREQ(levande_error_message(nullptr), "");
  EXPECT_STREQ(levande_error_field(nullptr), "");
  EXPECT_STREQ(levande_error_value(nullptr), "");
  levande_free(nullptr);
}

TEST(CApi, SuccessLeavesOutErrAlone) {
  levande_error *err = nullptr;
  int32_t out = 0;
  EXPECT_EQ(levande_date_parse(&out, "2026-03-12", &err), LEVANDE_OK);
  EXPECT_EQ(err, nullptr);
}

// An error the caller has not destroyed is never overwritten (that would
// leak it): the call is refused as misuse before it runs, and *out_err still
// holds the earlier error.
TEST(CApi, AnOccupiedOutErrIsMisuseNotALeak) {
  levande_error *err = nullptr;
  int32_t out = 0;
  ASSERT_EQ(levande_date_parse(&out, "2026-02-30", &err), LEVANDE_ERR_INVALID_DATE);
  levande_error *const earlier = err;
  out = 7;
  EXPECT_EQ(levande_date_parse(&out, "2026-03-12", &err), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(err, earlier);
  EXPECT_EQ(levande_error_code(err), LEVANDE_ERR_INVALID_DATE);
  EXPECT_EQ(out, 7);  // the call did not run
  ASSERT_NE(levande_last_error(), nullptr);
  EXPECT_EQ(levande_error_code(levande_last_error()), LEVANDE_ERR_MISUSE);
  EXPECT_STREQ(levande_error_field(levande_last_error()), "out_err");
  // Also for calls on a workspace, whose handle keeps the same error.
  levande_workspace *ws = nullptr;
  ASSERT_EQ(levande_workspace_create(&ws, nullptr), LEVANDE_OK);
  EXPECT_EQ(levande_workspace_apply_json(ws, "[]", &err), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(err, earlier);
  EXPECT_EQ(levande_error_code(levande_workspace_last_error(ws)), LEVANDE_ERR_MISUSE);
  levande_workspace_destroy(&ws);
  levande_error_destroy(&err);
  EXPECT_EQ(levande_date_parse(&out, "2026-03-12", &err), LEVANDE_OK);
}

TEST(CApi, Dates) {
  int32_t out = 0, y = 0, m = 0, d = 0;
  EXPECT_EQ(levande_date_from_ymd(&out, 2000, 3, 1, nullptr), LEVANDE_OK);
  EXPECT_EQ(out, 11017);
  EXPECT_EQ(levande_date_from_ymd(&out, 2026, 2, 30, nullptr), LEVANDE_ERR_INVALID_DATE);
  EXPECT_EQ(levande_date_from_ymd(&out, 1399, 1, 1, nullptr), LEVANDE_ERR_OUT_OF_RANGE);
  EXPECT_EQ(levande_date_parse(&out, "26-1-1", nullptr), LEVANDE_ERR_PARSE);
  EXPECT_EQ(levande_date_parse(&out, "2026-13-01", nullptr), LEVANDE_ERR_INVALID_DATE);

  char text[LEVANDE_DATE_STRING_SIZE];
  EXPECT_EQ(levande_date_format(text, sizeof text, 11017, nullptr), LEVANDE_OK);
  EXPECT_STREQ(text, "2000-03-01");
  EXPECT_EQ(levande_date_format(text, 10, 11017, nullptr), LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(levande_date_format(text, sizeof text, LEVANDE_DATE_MAX + 1, nullptr),
            LEVANDE_ERR_OUT_OF_RANGE);

  EXPECT_EQ(levande_date_to_ymd(&y, &m, &d, day("2024-02-29"), nullptr), LEVANDE_OK);
  EXPECT_EQ(y * 10000 + m * 100 + d, 20240229);
  EXPECT_EQ(levande_date_weekday(&out, day("2026-11-27"), nullptr), LEVANDE_OK);
  EXPECT_EQ(out, 5);
  EXPECT_EQ(levande_date_weekday(&out, LEVANDE_DATE_MIN - 1, nullptr), LEVANDE_ERR_OUT_OF_RANGE);
  EXPECT_EQ(levande_date_iso_week(&y, &m, day("2027-01-01"), nullptr), LEVANDE_OK);
  EXPECT_EQ(y, 2026);
  EXPECT_EQ(m, 53);
  EXPECT_EQ(levande_date_add_days(&out, day("2026-02-27"), 2, nullptr), LEVANDE_OK);
  EXPECT_EQ(out, day("2026-03-01"));
  EXPECT_EQ(levande_date_add_days(&out, LEVANDE_DATE_MAX, 1, nullptr), LEVANDE_ERR_OUT_OF_RANGE);
  EXPECT_EQ(levande_date_add_months(&out, day("2026-01-31"), 1, LEVANDE_MONTH_END_CLAMP, nullptr),
            LEVANDE_OK);
  EXPECT_EQ(out, day("2026-02-28"));
  EXPECT_EQ(levande_date_add_months(&out, day("2026-01-31"), 1, LEVANDE_MONTH_END_NEXT_MONTH_START,
                                    nullptr),
            LEVANDE_OK);
  EXPECT_EQ(out, day("2026-03-01"));
  EXPECT_EQ(levande_date_add_months(&out, day("2026-01-31"), 1, LEVANDE_MONTH_END_ERROR, nullptr),
            LEVANDE_ERR_INVALID_DATE);
  EXPECT_EQ(levande_date_add_months(&out, day("2026-01-31"), 1, 99, nullptr),
            LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(levande_date_add_years(&out, day("2024-02-29"), 1, LEVANDE_MONTH_END_CLAMP, nullptr),
            LEVANDE_OK);
  EXPECT_EQ(out, day("2025-02-28"));
}

TEST(CApi, DateNullPointersAreMisuse) {
  int32_t out = 0;
  char text[LEVANDE_DATE_STRING_SIZE];
  EXPECT_EQ(levande_date_from_ymd(nullptr, 2026, 1, 1, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_date_parse(nullptr, "2026-01-01", nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_date_parse(&out, nullptr, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_date_format(nullptr, 11, 0, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_date_to_ymd(nullptr, &out, &out, 0, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_date_to_ymd(&out, nullptr, &out, 0, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_date_to_ymd(&out, &out, nullptr, 0, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_date_weekday(nullptr, 0, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_date_iso_week(nullptr, &out, 0, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_date_iso_week(&out, nullptr, 0, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_date_add_days(nullptr, 0, 1, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_date_add_months(nullptr, 0, 1, LEVANDE_MONTH_END_CLAMP, nullptr),
            LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_date_add_years(nullptr, 0, 1, LEVANDE_MONTH_END_CLAMP, nullptr),
            LEVANDE_ERR_MISUSE);
  levande_error *err = nullptr;
  EXPECT_EQ(levande_date_format(text, sizeof text, 0, &err), LEVANDE_OK);
  EXPECT_EQ(levande_date_parse(&out, nullptr, &err), LEVANDE_ERR_MISUSE);
  EXPECT_STREQ(levande_error_field(err), "text");
  levande_error_destroy(&err);
}

class CApiCalendar : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(levande_calendar_create_sweden(&se, 1, nullptr), LEVANDE_OK); }
  void TearDown() override {
    levande_calendar_destroy(&se);
    EXPECT_EQ(se, nullptr);
  }
  levande_calendar *se = nullptr;
};

TEST_F(CApiCalendar, Queries) {
  int32_t out = 0;
  EXPECT_EQ(levande_calendar_is_business_day(&out, se, day("2026-04-03"), nullptr), LEVANDE_OK);
  EXPECT_EQ(out, 0);
  EXPECT_EQ(levande_calendar_is_business_day(&out, se, day("2026-04-07"), nullptr), LEVANDE_OK);
  EXPECT_EQ(out, 1);
  EXPECT_EQ(levande_calendar_next_business_day(&out, se, day("2026-04-02"), nullptr), LEVANDE_OK);
  EXPECT_EQ(out, day("2026-04-07"));
  EXPECT_EQ(levande_calendar_previous_business_day(&out, se, day("2026-04-07"), nullptr),
            LEVANDE_OK);
  EXPECT_EQ(out, day("2026-04-02"));
  EXPECT_EQ(levande_calendar_add_business_days(&out, se, day("2026-12-30"), 3, nullptr),
            LEVANDE_OK);
  EXPECT_EQ(out, day("2027-01-07"));
  EXPECT_EQ(levande_calendar_business_days_between(&out, se, day("2026-12-21"), day("2027-01-11"),
                                                   nullptr),
            LEVANDE_OK);
  EXPECT_EQ(out, 10);
  EXPECT_EQ(
      levande_calendar_roll(&out, se, day("2026-10-31"), LEVANDE_ROLL_MODIFIED_FOLLOWING, nullptr),
      LEVANDE_OK);
  EXPECT_EQ(out, day("2026-10-30"));
  EXPECT_EQ(levande_calendar_roll(&out, se, day("2026-10-31"), 7, nullptr),
            LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(levande_calendar_next_business_day(&out, se, LEVANDE_DATE_MAX, nullptr),
            LEVANDE_ERR_OUT_OF_RANGE);
  uint32_t mask = 0;
  EXPECT_EQ(levande_calendar_weekend(&mask, se, nullptr), LEVANDE_OK);
  EXPECT_EQ(mask, LEVANDE_WEEKEND_SAT_SUN);
}

TEST_F(CApiCalendar, HolidaysAreOneAllocation) {
  levande_holiday *list = nullptr;
  size_t count = 0;
  ASSERT_EQ(levande_calendar_holidays(&list, &count, se, 2008, nullptr), LEVANDE_OK);
  ASSERT_EQ(count, 16u);
  EXPECT_EQ(list[0].date, day("2008-01-01"));
  EXPECT_STREQ(list[0].name, "Nyårsdagen");
  // Första maj and Kristi himmelsfärdsdag share 1 May 2008.
  EXPECT_EQ(list[5].date, day("2008-05-01"));
  EXPECT_EQ(list[6].date, day("2008-05-01"));
  EXPECT_STREQ(list[5].name, "Första maj");
  EXPECT_STREQ(list[6].name, "Kristi himmelsfärdsdag");
  levande_free(list);

  levande_calendar *plain = nullptr;
  ASSERT_EQ(levande_calendar_create(&plain, LEVANDE_WEEKEND_SAT_SUN, nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_calendar_holidays(&list, &count, plain, 2026, nullptr), LEVANDE_OK);
  EXPECT_EQ(list, nullptr);
  EXPECT_EQ(count, 0u);
  EXPECT_EQ(levande_calendar_holidays(&list, &count, plain, 1399, nullptr),
            LEVANDE_ERR_OUT_OF_RANGE);
  levande_calendar_destroy(&plain);
}

TEST(CApiCalendarBuild, RulesClosuresMergeClone) {
  levande_calendar *cal = nullptr;
  levande_error *err = nullptr;
  ASSERT_EQ(levande_calendar_create(&cal, LEVANDE_WEEKEND_SAT_SUN, &err), LEVANDE_OK);
  EXPECT_EQ(levande_calendar_add_fixed_holiday(cal, "Founders' Day", 11, 27, 2020, LEVANDE_ANY_YEAR,
                                               &err),
            LEVANDE_OK);
  EXPECT_EQ(levande_calendar_add_nth_weekday_holiday(cal, "Thanksgiving", 11, 4, 4,
                                                     LEVANDE_ANY_YEAR, LEVANDE_ANY_YEAR, &err),
            LEVANDE_OK);
  EXPECT_EQ(
      levande_calendar_add_easter_holiday(cal, "Good Friday", -2, LEVANDE_ANY_YEAR, 2030, &err),
      LEVANDE_OK);
  EXPECT_EQ(levande_calendar_add_window_holiday(cal, "Midsummer", 6, 6, 20, 7, LEVANDE_ANY_YEAR,
                                                LEVANDE_ANY_YEAR, &err),
            LEVANDE_OK);
  EXPECT_EQ(
      levande_calendar_add_closure(cal, "Shutdown", day("2026-07-06"), day("2026-07-10"), &err),
      LEVANDE_OK);
  EXPECT_EQ(err, nullptr);

  int32_t out = 0;
  for (const char *off : {"2026-11-27", "2026-11-26", "2026-04-03", "2026-07-08"}) {
    EXPECT_EQ(levande_calendar_is_business_day(&out, cal, day(off), nullptr), LEVANDE_OK);
    EXPECT_EQ(out, 0) << off;
  }
  EXPECT_EQ(levande_calendar_is_business_day(&out, cal, day("2019-11-27"), nullptr), LEVANDE_OK);
  EXPECT_EQ(out, 1);  // Founders' Day only from 2020

  // Bad rules are rejected with the field named, and the calendar is unchanged.
  EXPECT_EQ(levande_calendar_add_fixed_holiday(cal, "x", 2, 30, 0, 0, &err),
            LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_STREQ(levande_error_field(err), "day");
  levande_error_destroy(&err);
  EXPECT_EQ(levande_calendar_add_nth_weekday_holiday(cal, "x", 1, 8, 1, 0, 0, &err),
            LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_STREQ(levande_error_field(err), "weekday");
  levande_error_destroy(&err);
  EXPECT_EQ(levande_calendar_add_easter_holiday(cal, "x", 0, 2030, 2020, &err),
            LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_STREQ(levande_error_field(err), "valid_until");
  levande_error_destroy(&err);
  EXPECT_EQ(levande_calendar_add_window_holiday(cal, "x", 6, 6, 20, 0, 0, 0, nullptr),
            LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(levande_calendar_add_closure(cal, "x", day("2026-07-10"), day("2026-07-06"), nullptr),
            LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(levande_calendar_add_fixed_holiday(cal, "", 1, 1, 0, 0, nullptr),
            LEVANDE_ERR_INVALID_ARGUMENT);

  levande_calendar *copy = nullptr;
  ASSERT_EQ(levande_calendar_clone(&copy, cal, nullptr), LEVANDE_OK);
  EXPECT_EQ(
      levande_calendar_set_weekend(copy, LEVANDE_WEEKDAY_BIT(5) | LEVANDE_WEEKDAY_BIT(6), nullptr),
      LEVANDE_OK);
  EXPECT_EQ(levande_calendar_set_weekend(copy, 0x7F, nullptr), LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(levande_calendar_set_weekend(copy, 0x80, nullptr), LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(levande_calendar_is_business_day(&out, copy, day("2026-11-29"), nullptr), LEVANDE_OK);
  EXPECT_EQ(out, 1);  // Sunday works on a Friday/Saturday weekend
  EXPECT_EQ(levande_calendar_is_business_day(&out, cal, day("2026-11-29"), nullptr), LEVANDE_OK);
  EXPECT_EQ(out, 0);  // the original is unaffected

  levande_calendar *se = nullptr;
  ASSERT_EQ(levande_calendar_create_sweden(&se, 0, nullptr), LEVANDE_OK);
  EXPECT_EQ(levande_calendar_merge(cal, se, nullptr), LEVANDE_OK);
  EXPECT_EQ(levande_calendar_is_business_day(&out, cal, day("2026-01-06"), nullptr), LEVANDE_OK);
  EXPECT_EQ(out, 0);
  levande_calendar_destroy(&se);
  levande_calendar_destroy(&copy);
  levande_calendar_destroy(&cal);
  levande_calendar_destroy(&cal);     // NULL-safe
  levande_calendar_destroy(nullptr);  // NULL-safe
}

TEST_F(CApiCalendar, BulkForms) {
  const int32_t dates[] = {day("2026-04-02"), day("2026-06-18"), day("2026-12-30")};
  const int32_t offsets[] = {1, 1, 3};
  int32_t out[3] = {};
  EXPECT_EQ(levande_calendar_add_business_days_n(out, se, dates, 3, offsets, 3, nullptr),
            LEVANDE_OK);
  EXPECT_EQ(out[0], day("2026-04-07"));
  EXPECT_EQ(out[1], day("2026-06-22"));
  EXPECT_EQ(out[2], day("2027-01-07"));
  const int32_t one = 1;
  EXPECT_EQ(levande_calendar_add_business_days_n(out, se, dates, 3, &one, 1, nullptr), LEVANDE_OK);
  EXPECT_EQ(out[2], day("2027-01-04"));
  EXPECT_EQ(levande_calendar_add_business_days_n(out, se, dates, 3, offsets, 2, nullptr),
            LEVANDE_ERR_INVALID_ARGUMENT);

  uint8_t flags[3] = {};
  EXPECT_EQ(levande_calendar_is_business_day_n(flags, se, dates, 3, nullptr), LEVANDE_OK);
  EXPECT_EQ(flags[0] + flags[1] + flags[2], 3);

  const int32_t start = day("2026-12-21");
  const int32_t ends[] = {day("2027-01-11"), day("2026-12-21"), day("2026-12-14")};
  EXPECT_EQ(levande_calendar_business_days_between_n(out, se, &start, 1, ends, 3, nullptr),
            LEVANDE_OK);
  EXPECT_EQ(out[0], 10);
  EXPECT_EQ(out[1], 0);
  EXPECT_EQ(out[2], -5);

  const int32_t weekend[] = {day("2026-10-31"), day("2026-11-01")};
  EXPECT_EQ(levande_calendar_roll_n(out, se, weekend, 2, LEVANDE_ROLL_MODIFIED_FOLLOWING, nullptr),
            LEVANDE_OK);
  EXPECT_EQ(out[0], day("2026-10-30"));
  EXPECT_EQ(out[1], day("2026-11-02"));

  levande_error *err = nullptr;
  const int32_t bad[] = {day("2026-01-01"), LEVANDE_DATE_MIN - 10};
  EXPECT_EQ(levande_calendar_roll_n(out, se, bad, 2, LEVANDE_ROLL_FOLLOWING, &err),
            LEVANDE_ERR_OUT_OF_RANGE);
  EXPECT_STREQ(levande_error_field(err), "dates[1]");
  levande_error_destroy(&err);

  // Zero-length inputs need no arrays.
  EXPECT_EQ(levande_calendar_is_business_day_n(nullptr, se, nullptr, 0, nullptr), LEVANDE_OK);
}

TEST_F(CApiCalendar, NullPointersAreMisuse) {
  int32_t out = 0;
  uint32_t mask = 0;
  uint8_t flag = 0;
  size_t count = 0;
  levande_holiday *list = nullptr;
  levande_calendar *made = nullptr;
  const int32_t d0 = day("2026-01-01");
  EXPECT_EQ(levande_calendar_create(nullptr, 0, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_calendar_create_sweden(nullptr, 1, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_calendar_clone(nullptr, se, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_calendar_clone(&made, nullptr, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(made, nullptr);
  EXPECT_EQ(levande_calendar_set_weekend(nullptr, 0, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_calendar_weekend(nullptr, se, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_calendar_weekend(&mask, nullptr, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_calendar_add_fixed_holiday(nullptr, "x", 1, 1, 0, 0, nullptr),
            LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_calendar_add_fixed_holiday(se, nullptr, 1, 1, 0, 0, nullptr),
            LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_calendar_add_nth_weekday_holiday(nullptr, "x", 1, 1, 1, 0, 0, nullptr),
            LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_calendar_add_easter_holiday(se, nullptr, 0, 0, 0, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_calendar_add_window_holiday(nullptr, "x", 6, 6, 20, 7, 0, 0, nullptr),
            LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_calendar_add_closure(se, nullptr, d0, d0, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_calendar_add_closure(nullptr, "x", d0, d0, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_calendar_merge(se, nullptr, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_calendar_merge(nullptr, se, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_calendar_is_business_day(nullptr, se, d0, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_calendar_is_business_day(&out, nullptr, d0, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_calendar_next_business_day(&out, nullptr, d0, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_calendar_previous_business_day(nullptr, se, d0, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_calendar_add_business_days(&out, nullptr, d0, 1, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_calendar_business_days_between(nullptr, se, d0, d0, nullptr),
            LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_calendar_roll(&out, nullptr, d0, 0, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_calendar_holidays(nullptr, &count, se, 2026, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_calendar_holidays(&list, nullptr, se, 2026, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_calendar_holidays(&list, &count, nullptr, 2026, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_calendar_is_business_day_n(&flag, nullptr, &d0, 1, nullptr),
            LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_calendar_is_business_day_n(nullptr, se, &d0, 1, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_calendar_add_business_days_n(&out, se, &d0, 1, nullptr, 1, nullptr),
            LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_calendar_add_business_days_n(&out, se, nullptr, 1, &d0, 1, nullptr),
            LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_calendar_business_days_between_n(&out, se, nullptr, 1, &d0, 1, nullptr),
            LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_calendar_business_days_between_n(nullptr, se, &d0, 1, &d0, 1, nullptr),
            LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_calendar_roll_n(&out, se, nullptr, 1, 0, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_calendar_roll_n(&out, nullptr, &d0, 1, 0, nullptr), LEVANDE_ERR_MISUSE);
}

}  // namespace

namespace {

// Every levande_<struct>_init fills the defaults its _INIT macro gives and
// sets struct_size; NULL, a size that cannot hold struct_size and a newer
// version's size are refused.
template <class T>
T initialised(levande_status (*init)(T *, size_t)) {
  T out;
  std::memset(&out, 0xEE, sizeof out);
  EXPECT_EQ(init(&out, sizeof out), LEVANDE_OK);
  EXPECT_EQ(out.struct_size, sizeof out);
  EXPECT_EQ(init(nullptr, sizeof out), LEVANDE_ERR_MISUSE);
  T untouched = out;
  EXPECT_EQ(init(&untouched, 1), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(init(&untouched, sizeof out + 1), LEVANDE_ERR_UNSUPPORTED);
  return out;
}

}  // namespace

TEST(CApi, EveryStructHasARuntimeInitialiser) {
  // The defaults as the headers' _INIT macros give them.
  const auto celebration = initialised(levande_celebration_options_init);
  EXPECT_EQ(celebration.milestone_step_percent, 25);
  EXPECT_EQ(celebration.kpi_improvement_percent, 10.0);
  EXPECT_EQ(celebration.streak, 3);
  const auto grouping = initialised(levande_grouping_options_init);
  EXPECT_EQ(grouping.group_size, 3);
  EXPECT_EQ(grouping.seed, 1u);
  EXPECT_EQ(grouping.grouped_before_a, nullptr);
  EXPECT_EQ(grouping.repeat_penalty, 10.0);
  const auto schedule = initialised(levande_schedule_options_init);
  EXPECT_EQ(schedule.scope, LEVANDE_SCOPE_ALL);
  EXPECT_EQ(schedule.default_calendar, nullptr);
  EXPECT_EQ(schedule.calendar_count, 0u);
  const auto csv = initialised(levande_csv_options_init);
  EXPECT_EQ(csv.delimiter, ',');
  EXPECT_EQ(csv.source, nullptr);
  EXPECT_EQ(csv.mapping_count, 0u);
  const auto event = initialised(levande_ical_event_init);
  EXPECT_EQ(event.uid, nullptr);
  EXPECT_EQ(event.start_minute, LEVANDE_ICAL_ALL_DAY);
  EXPECT_EQ(event.duration_minutes, 60);
  EXPECT_EQ(event.alarm_count, 0u);
  const auto todo = initialised(levande_ical_todo_init);
  EXPECT_EQ(todo.status, LEVANDE_ICAL_NEEDS_ACTION);
  EXPECT_EQ(todo.related_to, nullptr);
  const auto pass = initialised(levande_metrics_pass_options_init);
  EXPECT_EQ(pass.at_risk_from, 0.8);
  EXPECT_EQ(pass.tolerance_days, 3);
  EXPECT_EQ(pass.retention_target, 0.9);
}
