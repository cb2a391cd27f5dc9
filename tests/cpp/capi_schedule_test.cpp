// The scheduler through the C API only: every levande_schedule_* function,
// with NULL, misuse and bad-value paths.
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "capi_helpers.hpp"
#include "levande.h"

namespace {

// The hand-worked programme of schedule_test.cpp: Anna and Bo, Cloud
// security ending Wed 10 June 2026, Fridays for two weeks, feedback +9 and
// +197 days, Bo away 13-24 July.
const char *const programme =
    R"([{"op":"add","kind":"people","value":{"id":"anna","name":"Anna","manager":"m"}},
        {"op":"add","kind":"people","value":{"id":"bo","name":"Bo"}},
        {"op":"add","kind":"people","value":{"id":"m","name":"Maja"}},
        {"op":"add","kind":"trainings","value":{"id":"T","title":"Cloud security","kind":"security","start":"2026-06-08","end":"2026-06-10"}},
        {"op":"add","kind":"participations","value":{"person":"anna","training":"T"}},
        {"op":"add","kind":"participations","value":{"person":"bo","training":"T"}},
        {"op":"add","kind":"policies","value":{"id":"sec","training_kind":"security","check_in_rule":"FREQ=WEEKLY;BYDAY=FR","check_in_weeks":2,"feedback_offsets_days":[9,197]}},
        {"op":"add","kind":"absences","value":{"id":"v","person":"bo","first":"2026-07-13","last":"2026-07-24"}}])";

struct Fixture : ::testing::Test {
  levande_workspace *ws = nullptr;
  levande_schedule_options options = LEVANDE_SCHEDULE_OPTIONS_INIT;
  void SetUp() override {
    ASSERT_EQ(levande_workspace_create(&ws, nullptr), LEVANDE_OK);
    ASSERT_EQ(levande_workspace_apply_json(ws, programme, nullptr), LEVANDE_OK);
    options.as_of = day("2026-06-01");
    options.until = day("2026-12-31");
  }
  void TearDown() override { levande_workspace_destroy(&ws); }
};

using CApiSchedule = Fixture;

TEST_F(CApiSchedule, PlanThenApplyWritesTheChanges) {
  levande_schedule *s = nullptr;
  ASSERT_EQ(levande_schedule_plan(&s, ws, &options, nullptr), LEVANDE_OK);
  size_t records = 0, added = 0, removed = 0;
  ASSERT_EQ(levande_schedule_change_counts(&records, &added, &removed, s, nullptr), LEVANDE_OK);
  // Two plans, two tasks, two feedback sessions; two check-ins each.
  EXPECT_EQ(records, 6u);
  EXPECT_EQ(added, 4u);
  EXPECT_EQ(removed, 0u);
  size_t n = 0;
  ASSERT_EQ(levande_workspace_count(&n, ws, LEVANDE_KIND_CHECK_IN, nullptr), LEVANDE_OK);
  EXPECT_EQ(n, 0u);  // planning wrote nothing
  ASSERT_EQ(levande_schedule_apply(ws, s, nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_workspace_count(&n, ws, LEVANDE_KIND_CHECK_IN, nullptr), LEVANDE_OK);
  EXPECT_EQ(n, 4u);
  char *json = nullptr;
  ASSERT_EQ(levande_schedule_unplaced_json(&json, s, ws, nullptr), LEVANDE_OK);
  EXPECT_STREQ(json, "[]");
  levande_free(json);
  // As of 1 July nothing was recorded: the four June check-ins are overdue.
  ASSERT_EQ(levande_schedule_overdue_json(&json, ws, day("2026-07-01"), nullptr), LEVANDE_OK);
  const std::string overdue = json;
  levande_free(json);
  EXPECT_NE(overdue.find(R"("due":"2026-06-22")"), std::string::npos) << overdue;
  EXPECT_NE(overdue.find(R"("days_overdue":9)"), std::string::npos) << overdue;
  EXPECT_NE(overdue.find(R"("kind":"check_ins")"), std::string::npos) << overdue;
  // A manager's agenda holds their direct reports' events (Anna's 7).
  uint32_t *rows = nullptr;
  size_t count = 0;
  ASSERT_EQ(levande_schedule_agenda(&rows, &count, s, ws, LEVANDE_AGENDA_MANAGER, "m",
                                    options.as_of, options.until, nullptr),
            LEVANDE_OK);
  EXPECT_EQ(count, 7u);
  levande_free(rows);
  levande_schedule_destroy(&s);
  EXPECT_EQ(s, nullptr);
  levande_schedule_destroy(&s);  // NULL-safe twice
  levande_schedule_destroy(nullptr);
}

TEST_F(CApiSchedule, AScheduleOfAnEarlierStateIsRefused) {
  levande_schedule *s = nullptr;
  ASSERT_EQ(levande_schedule_plan(&s, ws, &options, nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_workspace_apply_json(
                ws, R"([{"op":"add","kind":"teams","value":{"id":"t2","name":"Desk"}}])", nullptr),
            LEVANDE_OK);
  levande_error *err = nullptr;
  EXPECT_EQ(levande_schedule_apply(ws, s, &err), LEVANDE_ERR_CONSTRAINT);
  EXPECT_STREQ(levande_error_field(err), "schedule");
  EXPECT_NE(std::string(levande_error_message(err)).find("plan again"), std::string::npos);
  levande_error_destroy(&err);
  size_t n = 1;
  ASSERT_EQ(levande_workspace_count(&n, ws, LEVANDE_KIND_CHECK_IN, nullptr), LEVANDE_OK);
  EXPECT_EQ(n, 0u);
  levande_schedule_destroy(&s);
  ASSERT_EQ(levande_schedule_plan(&s, ws, &options, nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_schedule_apply(ws, s, nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_workspace_count(&n, ws, LEVANDE_KIND_CHECK_IN, nullptr), LEVANDE_OK);
  EXPECT_EQ(n, 4u);
  levande_schedule_destroy(&s);
}

TEST_F(CApiSchedule, CallerCalendarsAndScope) {
  // Weekends only with a company closure on 17 June, for everyone.
  levande_calendar *cal = nullptr;
  ASSERT_EQ(levande_calendar_create(&cal, LEVANDE_WEEKEND_SAT_SUN, nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_calendar_add_closure(cal, "company day", day("2026-06-17"), day("2026-06-17"),
                                         nullptr),
            LEVANDE_OK);
  const char *codes[] = {"CO"};
  const levande_calendar *cals[] = {cal};
  options.calendar_codes = codes;
  options.calendars = cals;
  options.calendar_count = 1;
  options.default_calendar = "CO";
  options.scope = LEVANDE_SCOPE_TRAINING;
  options.scope_id = "T";
  levande_schedule *s = nullptr;
  ASSERT_EQ(levande_schedule_generate(&s, ws, &options, nullptr), LEVANDE_OK);
  levande_event_columns e;
  ASSERT_EQ(levande_schedule_events(&e, s, nullptr), LEVANDE_OK);
  ASSERT_GT(e.count, 0u);
  // By hand: 10 June + 5 business days skipping the closed 17th = 18 June.
  EXPECT_EQ(e.date[0], day("2026-06-18"));
  char *json = nullptr;
  ASSERT_EQ(levande_schedule_series_json(&json, s, ws, e.series[0], nullptr), LEVANDE_OK);
  EXPECT_NE(std::string(json).find(R"("kind":"plan_due")"), std::string::npos) << json;
  EXPECT_NE(std::string(json).find(R"("step":1)"), std::string::npos) << json;
  levande_free(json);
  // The same table with its text, through a levande_table.
  levande_table *table = nullptr;
  ASSERT_EQ(levande_schedule_event_table(&table, ws, s, nullptr), LEVANDE_OK);
  size_t rows = 0;
  ASSERT_EQ(levande_table_rows(&rows, table, nullptr), LEVANDE_OK);
  EXPECT_EQ(rows, e.count);
  const uint8_t *step = nullptr;
  ASSERT_EQ(levande_table_uint8(&step, table, "step", nullptr), LEVANDE_OK);
  EXPECT_EQ(step[0], 1);
  levande_table_destroy(&table);
  EXPECT_EQ(levande_schedule_event_table(&table, ws, nullptr, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(table, nullptr);
  levande_schedule_destroy(&s);
  levande_calendar_destroy(&cal);
}

TEST_F(CApiSchedule, MisuseAndBadValues) {
  levande_schedule *s = nullptr;
  levande_error *err = nullptr;
  EXPECT_EQ(levande_schedule_plan(nullptr, ws, &options, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_schedule_plan(&s, nullptr, &options, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_schedule_plan(&s, ws, nullptr, nullptr), LEVANDE_ERR_MISUSE);
  levande_schedule_options old = options;
  old.struct_size = 8;
  EXPECT_EQ(levande_schedule_plan(&s, ws, &old, &err), LEVANDE_ERR_MISUSE);
  EXPECT_STREQ(levande_error_field(err), "struct_size");
  levande_error_destroy(&err);
  levande_schedule_options bad = options;
  bad.scope = 7;
  EXPECT_EQ(levande_schedule_plan(&s, ws, &bad, &err), LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_STREQ(levande_error_field(err), "scope");
  levande_error_destroy(&err);
  bad = options;
  bad.scope = LEVANDE_SCOPE_TEAM;
  EXPECT_EQ(levande_schedule_plan(&s, ws, &bad, nullptr), LEVANDE_ERR_MISUSE);  // no scope_id
  bad.scope_id = "nope";
  EXPECT_EQ(levande_schedule_plan(&s, ws, &bad, &err), LEVANDE_ERR_NOT_FOUND);
  EXPECT_STREQ(levande_error_value(err), "nope");
  levande_error_destroy(&err);
  bad = options;
  bad.default_calendar = "XX";
  EXPECT_EQ(levande_schedule_plan(&s, ws, &bad, &err), LEVANDE_ERR_NOT_FOUND);
  EXPECT_STREQ(levande_error_value(err), "XX");
  levande_error_destroy(&err);
  EXPECT_EQ(s, nullptr);

  ASSERT_EQ(levande_schedule_plan(&s, ws, &options, nullptr), LEVANDE_OK);
  levande_event_columns e;
  EXPECT_EQ(levande_schedule_events(nullptr, s, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_schedule_events(&e, nullptr, nullptr), LEVANDE_ERR_MISUSE);
  size_t n = 0;
  EXPECT_EQ(levande_schedule_series_count(&n, nullptr, nullptr), LEVANDE_ERR_MISUSE);
  char *text = nullptr;
  EXPECT_EQ(levande_schedule_series_json(&text, s, ws, 1u << 30, &err), LEVANDE_ERR_NOT_FOUND);
  EXPECT_STREQ(levande_error_field(err), "index");
  levande_error_destroy(&err);
  EXPECT_EQ(levande_schedule_unplaced_json(&text, nullptr, ws, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_schedule_change_counts(nullptr, nullptr, nullptr, nullptr, nullptr),
            LEVANDE_ERR_MISUSE);
  uint32_t *rows = nullptr;
  EXPECT_EQ(levande_schedule_agenda(&rows, &n, s, ws, 9, "anna", 0, 1, &err),
            LEVANDE_ERR_INVALID_ARGUMENT);
  levande_error_destroy(&err);
  EXPECT_EQ(levande_schedule_agenda(&rows, &n, s, ws, LEVANDE_AGENDA_PERSON, "anna",
                                    day("2026-07-01"), day("2026-06-01"), &err),
            LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_STREQ(levande_error_field(err), "to");
  levande_error_destroy(&err);
  EXPECT_EQ(levande_schedule_agenda(&rows, &n, s, ws, LEVANDE_AGENDA_TEAM, "nope", 0, 1, nullptr),
            LEVANDE_ERR_NOT_FOUND);
  EXPECT_EQ(rows, nullptr);
  EXPECT_EQ(levande_schedule_overdue_json(nullptr, ws, 0, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_schedule_to_ics(&text, s, ws, 5, "", 0, nullptr, nullptr),
            LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(levande_schedule_to_ics(&text, s, ws, LEVANDE_ICS_PERSON, nullptr, 0, nullptr, nullptr),
            LEVANDE_ERR_MISUSE);
  ASSERT_EQ(levande_schedule_to_ics(&text, s, ws, LEVANDE_ICS_ALL, nullptr, day("2026-06-01"),
                                    nullptr, nullptr),
            LEVANDE_OK);
  EXPECT_EQ(std::strncmp(text, "BEGIN:VCALENDAR\r\n", 17), 0);
  levande_free(text);
  EXPECT_EQ(levande_schedule_apply(ws, nullptr, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_schedule_apply(nullptr, s, nullptr), LEVANDE_ERR_MISUSE);
  levande_schedule_destroy(&s);
}

TEST(CApiAttendance, OfALearningSlot) {
  levande_workspace *ws = nullptr;
  ASSERT_EQ(levande_workspace_create(&ws, nullptr), LEVANDE_OK);
  ASSERT_EQ(
      levande_workspace_apply_json(ws,
                                   R"([{"op":"add","kind":"teams","value":{"id":"t","name":"T"}},
              {"op":"add","kind":"people","value":{"id":"a","name":"A","team":"t"}},
              {"op":"add","kind":"people","value":{"id":"b","name":"B","team":"t"}},
              {"op":"add","kind":"learning_slots","value":{"id":"s","team":"t","rule":"FREQ=WEEKLY;BYDAY=WE","start":"2026-03-04","hours":1.5,"kind":"social"}}])",
                                   nullptr),
      LEVANDE_OK);
  const char *people[] = {"a", "b"};
  size_t added = 9;
  const int32_t thursday = day("2026-03-12");
  ASSERT_EQ(levande_schedule_record_attendance(&added, ws, "s", day("2026-03-11"), &thursday,
                                               people, 2, nullptr),
            LEVANDE_OK);
  EXPECT_EQ(added, 2u);
  size_t count = 0;
  ASSERT_EQ(levande_workspace_count(&count, ws, LEVANDE_KIND_ACTIVITY, nullptr), LEVANDE_OK);
  EXPECT_EQ(count, 2u);
  levande_error *err = nullptr;
  EXPECT_EQ(levande_schedule_record_attendance(&added, ws, "s", day("2026-03-11"), &thursday,
                                               people, 2, &err),
            LEVANDE_ERR_ALREADY_EXISTS);
  EXPECT_STREQ(levande_error_field(err), "attendees[0]");
  levande_error_destroy(&err);
  EXPECT_EQ(levande_schedule_record_attendance(&added, ws, "s", day("2026-03-13"), nullptr, people,
                                               2, &err),
            LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_STREQ(levande_error_field(err), "occurrence");
  levande_error_destroy(&err);
  const char *with_null[] = {"a", nullptr};
  EXPECT_EQ(levande_schedule_record_attendance(&added, ws, "s", day("2026-03-18"), nullptr,
                                               with_null, 2, nullptr),
            LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(levande_schedule_record_attendance(nullptr, ws, "s", day("2026-03-18"), nullptr, people,
                                               2, nullptr),
            LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_schedule_record_attendance(&added, ws, nullptr, day("2026-03-18"), nullptr,
                                               people, 2, nullptr),
            LEVANDE_ERR_MISUSE);
  ASSERT_EQ(levande_workspace_count(&count, ws, LEVANDE_KIND_ACTIVITY, nullptr), LEVANDE_OK);
  EXPECT_EQ(count, 2u);
  levande_workspace_destroy(&ws);
}

TEST(CApiAmbassador, SessionPlannedRecordedAndCountedAsReach) {
  // Ada (ambassador) and Bo took Cloud security, ending Wednesday 10 June
  // 2026; Cy is in their team but did not. The default policy puts the
  // ambassador's session 4 weeks later: Wednesday 8 July.
  levande_workspace *ws = nullptr;
  ASSERT_EQ(levande_workspace_create(&ws, nullptr), LEVANDE_OK);
  ASSERT_EQ(
      levande_workspace_apply_json(ws,
                                   R"([{"op":"add","kind":"teams","value":{"id":"t","name":"T"}},
              {"op":"add","kind":"people","value":{"id":"ada","name":"Ada","team":"t"}},
              {"op":"add","kind":"people","value":{"id":"bo","name":"Bo","team":"t"}},
              {"op":"add","kind":"people","value":{"id":"cy","name":"Cy","team":"t"}},
              {"op":"add","kind":"trainings","value":{"id":"T","title":"Cloud security","start":"2026-06-08","end":"2026-06-10"}},
              {"op":"add","kind":"participations","value":{"person":"ada","training":"T"}},
              {"op":"add","kind":"participations","value":{"person":"bo","training":"T"}},
              {"op":"add","kind":"ambassadors","value":{"id":"amb","person":"ada","training":"T"}}])",
                                   nullptr),
      LEVANDE_OK);
  levande_schedule_options options = LEVANDE_SCHEDULE_OPTIONS_INIT;
  options.as_of = day("2026-06-10");
  options.until = day("2026-12-31");
  levande_schedule *s = nullptr;
  ASSERT_EQ(levande_schedule_generate(&s, ws, &options, nullptr), LEVANDE_OK);
  size_t series = 0, found = 0;
  ASSERT_EQ(levande_schedule_series_count(&series, s, nullptr), LEVANDE_OK);
  for (size_t i = 0; i < series; ++i) {
    char *json = nullptr;
    ASSERT_EQ(levande_schedule_series_json(&json, s, ws, i, nullptr), LEVANDE_OK);
    if (std::strstr(json, "\"kind\":\"ambassador_session\"")) {
      ++found;
      EXPECT_NE(std::strstr(json, "\"step\":3"), nullptr) << json;
      EXPECT_NE(std::strstr(json, "\"record\":\"amb\""), nullptr) << json;
    }
    levande_free(json);
  }
  EXPECT_EQ(found, 1u);
  levande_schedule_destroy(&s);
  // The session is a peer session of the ambassador, where attendance goes.
  char *session = nullptr;
  ASSERT_EQ(levande_workspace_get_json(&session, ws, LEVANDE_KIND_PEER_SESSION, "amb/2026-07-08",
                                       nullptr, nullptr),
            LEVANDE_OK);
  EXPECT_NE(std::strstr(session, "\"ambassador\":\"amb\""), nullptr) << session;
  levande_free(session);
  ASSERT_EQ(
      levande_workspace_apply_json(
          ws,
          R"([{"op":"update","kind":"peer_sessions","value":{"id":"amb/2026-07-08","ambassador":"amb","date":"2026-07-08","attendees":["ada","bo","cy"]}}])",
          nullptr),
      LEVANDE_OK);
  // Reach: Bo and Cy (Ada is the ambassador) = 2.
  levande_table *table = nullptr;
  ASSERT_EQ(levande_metrics_training_outcomes(&table, ws, day("2026-07-31"), 90, 1.0, 1.0, nullptr),
            LEVANDE_OK);
  const double *reach = nullptr;
  ASSERT_EQ(levande_table_float64(&reach, table, "ambassador_reach", nullptr), LEVANDE_OK);
  EXPECT_DOUBLE_EQ(reach[0], 2.0);
  levande_table_destroy(&table);
  // A session of neither a group nor an ambassador is refused, naming both.
  levande_error *err = nullptr;
  EXPECT_EQ(
      levande_workspace_apply_json(
          ws, R"([{"op":"add","kind":"peer_sessions","value":{"id":"x","date":"2026-07-09"}}])",
          &err),
      LEVANDE_ERR_CONSTRAINT);
  EXPECT_NE(std::strstr(levande_error_message(err), "exactly one of group and ambassador"), nullptr)
      << levande_error_message(err);
  levande_error_destroy(&err);
  levande_workspace_destroy(&ws);
}

}  // namespace
