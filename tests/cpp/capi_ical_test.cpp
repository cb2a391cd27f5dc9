// The iCalendar part of the C API, incl. NULL and misuse paths.
#include <gtest/gtest.h>

#include <string>

#include "capi_helpers.hpp"
#include "levande.h"

namespace {

TEST(CApiIcal, WritesEventsAndTodos) {
  levande_ical_writer *w = nullptr;
  ASSERT_EQ(levande_ical_writer_create(&w, day("2026-05-20"), nullptr, nullptr), LEVANDE_OK);
  const char *categories[] = {"Check-in"};
  const int32_t exdates[] = {day("2026-06-16")};
  const levande_ical_person attendee = {"Anna", "anna@example.org"};
  const levande_ical_alarm alarm = {15, nullptr};
  levande_ical_event e = LEVANDE_ICAL_EVENT_INIT;
  e.uid = "checkin-1@example.org";
  e.summary = "Check-in; step 1";
  e.categories = categories;
  e.category_count = 1;
  e.date = day("2026-06-02");
  e.rule = "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=3";
  e.exdates = exdates;
  e.exdate_count = 1;
  e.attendees = &attendee;
  e.attendee_count = 1;
  e.alarms = &alarm;
  e.alarm_count = 1;
  ASSERT_EQ(levande_ical_writer_add_event(w, &e, nullptr), LEVANDE_OK);
  levande_ical_todo t = LEVANDE_ICAL_TODO_INIT;
  t.uid = "task-1@example.org";
  t.summary = "Action plan";
  t.has_due = 1;
  t.due = day("2026-05-27");
  t.status = LEVANDE_ICAL_COMPLETED;
  t.percent_complete = 100;
  ASSERT_EQ(levande_ical_writer_add_todo(w, &t, nullptr), LEVANDE_OK);

  char *text = nullptr;
  size_t length = 0;
  ASSERT_EQ(levande_ical_writer_write(&text, &length, w, nullptr), LEVANDE_OK);
  const std::string ics(text, length);
  levande_free(text);
  // Compare content lines: undo the folding (CRLF + space) first.
  std::string unfolded;
  for (size_t i = 0; i < ics.size(); ++i) {
    if (ics.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    unfolded += ics[i];
  }
  EXPECT_EQ(ics.rfind("BEGIN:VCALENDAR\r\n", 0), 0u);
  for (const char *line :
       {"DTSTART;VALUE=DATE:20260602\r\n", "SUMMARY:Check-in\\; step 1\r\n",
        "RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=3;BYDAY=TU\r\n", "EXDATE;VALUE=DATE:20260616\r\n",
        "ATTENDEE;CN=Anna;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:anna@example.org\r\n",
        "TRIGGER:-PT15M\r\n", "DUE;VALUE=DATE:20260527\r\n", "STATUS:COMPLETED\r\n",
        "PERCENT-COMPLETE:100\r\n"}) {
    EXPECT_NE(unfolded.find(line), std::string::npos) << line;
  }
  levande_ical_writer_destroy(&w);
  EXPECT_EQ(w, nullptr);
  levande_ical_writer_destroy(&w);
  levande_ical_writer_destroy(nullptr);
}

TEST(CApiIcal, BusinessDayExceptions) {
  // Weekly on Fridays from 2026-06-12: Midsommarafton (06-19) moves to Monday 06-22.
  levande_calendar *se = nullptr;
  levande_recurrence *rec = nullptr;
  ASSERT_EQ(levande_calendar_create_sweden(&se, 1, nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_recurrence_create(&rec, "FREQ=WEEKLY;BYDAY=FR", day("2026-06-12"), nullptr),
            LEVANDE_OK);
  int32_t *ex = nullptr, *rd = nullptr;
  size_t nex = 0, nrd = 0;
  ASSERT_EQ(
      levande_ical_business_day_exceptions(&ex, &nex, &rd, &nrd, rec, se, LEVANDE_ADJUST_FOLLOWING,
                                           day("2026-06-01"), day("2026-06-30"), nullptr),
      LEVANDE_OK);
  ASSERT_EQ(nex, 1u);
  ASSERT_EQ(nrd, 1u);
  EXPECT_EQ(ex[0], day("2026-06-19"));
  EXPECT_EQ(rd[0], day("2026-06-22"));
  levande_free(ex);
  levande_free(rd);
  EXPECT_EQ(
      levande_ical_business_day_exceptions(&ex, &nex, &rd, &nrd, rec, nullptr, 0, 0, 1, nullptr),
      LEVANDE_ERR_MISUSE);
  EXPECT_EQ(
      levande_ical_business_day_exceptions(&ex, &nex, &rd, &nrd, nullptr, se, 0, 0, 1, nullptr),
      LEVANDE_ERR_MISUSE);
  EXPECT_EQ(
      levande_ical_business_day_exceptions(nullptr, &nex, &rd, &nrd, rec, se, 0, 0, 1, nullptr),
      LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_ical_business_day_exceptions(&ex, &nex, &rd, &nrd, rec, se, 7, 0, 1, nullptr),
            LEVANDE_ERR_INVALID_ARGUMENT);
  levande_recurrence_destroy(&rec);
  levande_calendar_destroy(&se);
}

TEST(CApiIcal, ErrorsAndMisuse) {
  levande_ical_writer *w = nullptr;
  levande_error *err = nullptr;
  char *text = nullptr;
  size_t length = 0;
  ASSERT_EQ(levande_ical_writer_create(&w, day("2026-05-20"), "Europe/Stockholm", nullptr),
            LEVANDE_OK);

  levande_ical_event e = LEVANDE_ICAL_EVENT_INIT;
  e.uid = "u";
  e.summary = "s";
  e.date = day("2026-06-02");
  e.rule = "FREQ=WEEKLY;BYDAY=9MO";
  EXPECT_EQ(levande_ical_writer_add_event(w, &e, &err), LEVANDE_ERR_PARSE);
  EXPECT_STREQ(levande_error_field(err), "BYDAY");
  levande_error_destroy(&err);

  e.rule = nullptr;
  const levande_ical_person bad = {nullptr, "not-an-address"};
  e.attendees = &bad;
  e.attendee_count = 1;
  ASSERT_EQ(levande_ical_writer_add_event(w, &e, nullptr), LEVANDE_OK);
  EXPECT_EQ(levande_ical_writer_write(&text, &length, w, &err), LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_STREQ(levande_error_field(err), "events[0].attendees[0].email");
  levande_error_destroy(&err);
  levande_ical_writer_destroy(&w);

  ASSERT_EQ(levande_ical_writer_create(&w, day("2026-05-20"), "Mars/Olympus", nullptr), LEVANDE_OK);
  levande_ical_event timed = LEVANDE_ICAL_EVENT_INIT;
  timed.uid = "t";
  timed.summary = "Timed";
  timed.date = day("2026-06-02");
  timed.start_minute = 600;
  ASSERT_EQ(levande_ical_writer_add_event(w, &timed, nullptr), LEVANDE_OK);
  EXPECT_EQ(levande_ical_writer_write(&text, &length, w, nullptr), LEVANDE_ERR_UNSUPPORTED);

  levande_ical_event wrong = LEVANDE_ICAL_EVENT_INIT;
  wrong.struct_size = 8;
  EXPECT_EQ(levande_ical_writer_add_event(w, &wrong, nullptr), LEVANDE_ERR_MISUSE);
  levande_ical_todo todo = LEVANDE_ICAL_TODO_INIT;
  todo.uid = "t";
  todo.summary = "x";
  todo.status = 9;
  EXPECT_EQ(levande_ical_writer_add_todo(w, &todo, nullptr), LEVANDE_ERR_INVALID_ARGUMENT);
  levande_ical_event no_uid = LEVANDE_ICAL_EVENT_INIT;
  EXPECT_EQ(levande_ical_writer_add_event(w, &no_uid, nullptr), LEVANDE_ERR_MISUSE);
  levande_ical_event no_categories = LEVANDE_ICAL_EVENT_INIT;
  no_categories.uid = "u";
  no_categories.summary = "s";
  no_categories.category_count = 2;
  EXPECT_EQ(levande_ical_writer_add_event(w, &no_categories, nullptr), LEVANDE_ERR_MISUSE);

  EXPECT_EQ(levande_ical_writer_create(nullptr, 0, nullptr, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_ical_writer_create(&w, LEVANDE_DATE_MAX + 1, nullptr, nullptr),
            LEVANDE_ERR_OUT_OF_RANGE);
  EXPECT_EQ(levande_ical_writer_add_event(nullptr, &e, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_ical_writer_add_event(w, nullptr, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_ical_writer_add_todo(nullptr, &todo, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_ical_writer_add_todo(w, nullptr, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_ical_writer_write(nullptr, &length, w, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_ical_writer_write(&text, nullptr, w, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_ical_writer_write(&text, &length, nullptr, nullptr), LEVANDE_ERR_MISUSE);
  levande_ical_writer_destroy(&w);
}

}  // namespace
