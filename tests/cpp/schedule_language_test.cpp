// Calendar texts in the workspace's language: event titles (the event
// table, .ics SUMMARY), the step in CATEGORIES and a person's own event's
// DESCRIPTION.
#include <gtest/gtest.h>

#include "levande/io/schedule_ics.hpp"
#include "levande/schedule.hpp"
#include "levande/workspace.hpp"
#include "test_helpers.hpp"

namespace levande {
namespace {

std::string calendar(const Workspace &ws) {
  const auto s =
      plan_follow_up(ws, {.as_of = Date::parse("2026-03-01"), .until = Date::parse("2026-12-31")});
  ical::WriteOptions write;
  write.stamp = Date::parse("2026-03-01");
  return schedule_to_ics(ws, s.events, {}, write);
}

TEST(ScheduleLanguage, ASwedishWorkspacesCalendarIsInSwedish) {
  auto ws = test::example_programme();
  const auto english = calendar(ws);
  EXPECT_NE(english.find("SUMMARY:Check-in: DevOps foundations\r\n"), std::string::npos);
  EXPECT_NE(english.find("CATEGORIES:Step 1,check_in\r\n"), std::string::npos);
  EXPECT_NE(english.find("DESCRIPTION:For "), std::string::npos);

  ws.set_settings({.language = "sv", .currency = "SEK"});
  const auto swedish = calendar(ws);
  EXPECT_NE(swedish.find("SUMMARY:Avstämning: DevOps foundations\r\n"), std::string::npos);
  EXPECT_NE(swedish.find("CATEGORIES:Steg 1,check_in\r\n"), std::string::npos);
  EXPECT_NE(swedish.find("DESCRIPTION:För "), std::string::npos);
  EXPECT_EQ(swedish.find("SUMMARY:Check-in"), std::string::npos);
  // The same events: only the words differ.
  const auto events = [](const std::string &ics) {
    std::size_t n = 0;
    for (auto at = ics.find("BEGIN:VEVENT"); at != std::string::npos;
         at = ics.find("BEGIN:VEVENT", at + 1))
      ++n;
    return n;
  };
  EXPECT_EQ(events(swedish), events(english));
  EXPECT_GT(events(english), 3u);
}

}  // namespace
}  // namespace levande
