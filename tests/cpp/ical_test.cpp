// iCalendar text rules (RFC 5545 §3.1 folding, §3.3.11 TEXT escaping) with
// hand-worked expectations; the full files are read back by the PyPI
// icalendar and recurring-ical-events packages in tests/python/test_ical.py.
#include <gtest/gtest.h>

#include "levande/error.hpp"
#include "levande/io/ical.hpp"
#include "test_helpers.hpp"

namespace levande {
namespace {

using test::d;

TEST(Ical, EscapeText) {
  EXPECT_EQ(ical::escape_text("a\\b;c,d\ne\r\nf"), "a\\\\b\\;c\\,d\\ne\\nf");
  EXPECT_EQ(ical::escape_text("Midsommar: åäö"), "Midsommar: åäö");
}

TEST(Ical, FoldLine) {
  EXPECT_EQ(ical::fold_line("SUMMARY:short"), "SUMMARY:short\r\n");
  const std::string long_line(80, 'x');
  EXPECT_EQ(ical::fold_line(long_line),
            std::string(75, 'x') + "\r\n " + std::string(5, 'x') + "\r\n");
  // "ö" is two octets: 74 x + "ö" would end at octet 76, so "ö" moves to the next line.
  const std::string utf8 = std::string(74, 'x') + "ö";
  EXPECT_EQ(ical::fold_line(utf8), std::string(74, 'x') + "\r\n ö\r\n");
}

TEST(Ical, AllDayEventAndTodo) {
  ical::Event e;
  e.uid = "checkin-1@example.org";
  e.summary = "Check-in";
  e.date = d("2026-06-02");
  e.rule = RecurrenceRule::parse("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=3");
  e.exdates = {d("2026-06-16")};
  ical::Todo t;
  t.uid = "task-1@example.org";
  t.summary = "Action plan";
  t.due = d("2026-05-27");
  const std::vector<ical::Event> events{e};
  const std::vector<ical::Todo> todos{t};
  ical::WriteOptions options;
  options.stamp = d("2026-05-20");
  options.product_id = "-//test//EN";
  const std::string text = ical::write(events, todos, options);
  EXPECT_EQ(
      text,
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nCALSCALE:GREGORIAN\r\n"
      "BEGIN:VEVENT\r\nUID:checkin-1@example.org\r\nDTSTAMP:20260520T000000Z\r\n"
      "DTSTART;VALUE=DATE:20260602\r\nDTEND;VALUE=DATE:20260603\r\nSUMMARY:Check-in\r\n"
      "RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=3;BYDAY=TU\r\nEXDATE;VALUE=DATE:20260616\r\n"
      "END:VEVENT\r\n"
      "BEGIN:VTODO\r\nUID:task-1@example.org\r\nDTSTAMP:20260520T000000Z\r\nSUMMARY:Action plan\r\n"
      "DUE;VALUE=DATE:20260527\r\nSTATUS:NEEDS-ACTION\r\nPERCENT-COMPLETE:0\r\nEND:VTODO\r\n"
      "END:VCALENDAR\r\n");
}

TEST(Ical, RefusesInjection) {
  ical::Event e;
  e.uid = "x\r\nATTENDEE:mailto:evil@example.org";
  e.summary = "Injection attempt";
  e.date = d("2026-06-02");
  const std::vector<ical::Event> events{e};
  try {
    ical::WriteOptions options;
    options.stamp = d("2026-05-20");
    ical::write(events, {}, options);
    FAIL();
  } catch (const Error &err) {
    EXPECT_EQ(err.code(), Errc::invalid_argument);
    EXPECT_EQ(err.field(), "events[0].uid");
  }
}

}  // namespace
}  // namespace levande
