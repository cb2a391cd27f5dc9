// Recurrences: the examples of RFC 5545 §3.8.5.3 (their listed dates are the
// expected values), the parser's error catalogue, the lazy cursor, limits and
// the business-day adjustment (Swedish dates worked out by hand).
#include <gtest/gtest.h>

#include "levande/error.hpp"
#include "levande/recurrence.hpp"
#include "test_helpers.hpp"

namespace levande {
namespace {

using test::d;

std::vector<Date> dates(std::initializer_list<const char *> texts) {
  std::vector<Date> out;
  for (const char *t : texts)
    out.push_back(d(t));
  return out;
}

std::vector<Date> first_n(const Recurrence &r, std::size_t n) {
  auto cursor = r.occurrences_from(r.start());
  std::vector<Date> out;
  while (out.size() < n) {
    const auto next = cursor.next();
    if (!next) break;
    out.push_back(*next);
  }
  return out;
}

TEST(Rfc5545Examples, DailyAndWeekly) {
  EXPECT_EQ(
      Recurrence("FREQ=DAILY;COUNT=10", d("1997-09-02")).between(d("1997-01-01"), d("1998-01-01")),
      dates({"1997-09-02", "1997-09-03", "1997-09-04", "1997-09-05", "1997-09-06", "1997-09-07",
             "1997-09-08", "1997-09-09", "1997-09-10", "1997-09-11"}));
  EXPECT_EQ(first_n(Recurrence("FREQ=DAILY;INTERVAL=2", d("1997-09-02")), 3),
            dates({"1997-09-02", "1997-09-04", "1997-09-06"}));
  EXPECT_EQ(
      Recurrence("FREQ=WEEKLY;COUNT=10", d("1997-09-02")).between(d("1997-01-01"), d("1998-01-01")),
      dates({"1997-09-02", "1997-09-09", "1997-09-16", "1997-09-23", "1997-09-30", "1997-10-07",
             "1997-10-14", "1997-10-21", "1997-10-28", "1997-11-04"}));
  EXPECT_EQ(Recurrence("FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH", d("1997-09-02"))
                .between(d("1997-01-01"), d("1998-01-01")),
            dates({"1997-09-02", "1997-09-04", "1997-09-16", "1997-09-18", "1997-09-30",
                   "1997-10-02", "1997-10-14", "1997-10-16"}));
}

TEST(Rfc5545Examples, Monthly) {
  EXPECT_EQ(Recurrence("FREQ=MONTHLY;COUNT=10;BYDAY=1FR", d("1997-09-05"))
                .between(d("1997-01-01"), d("1999-01-01")),
            dates({"1997-09-05", "1997-10-03", "1997-11-07", "1997-12-05", "1998-01-02",
                   "1998-02-06", "1998-03-06", "1998-04-03", "1998-05-01", "1998-06-05"}));
  // The last work day of the month.
  EXPECT_EQ(Recurrence("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", d("1997-09-29"))
                .between(d("1997-09-01"), d("1998-03-31")),
            dates({"1997-09-30", "1997-10-31", "1997-11-28", "1997-12-31", "1998-01-30",
                   "1998-02-27", "1998-03-31"}));
  EXPECT_EQ(
      first_n(Recurrence("FREQ=MONTHLY;BYMONTHDAY=-3", d("1997-09-28")), 6),
      dates({"1997-09-28", "1997-10-29", "1997-11-28", "1997-12-29", "1998-01-29", "1998-02-26"}));
  // Every Friday the 13th, with DTSTART excluded as in the RFC's example.
  Recurrence friday13("FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13", d("1997-09-02"));
  friday13.add_exdate(d("1997-09-02"));
  EXPECT_EQ(first_n(friday13, 5),
            dates({"1998-02-13", "1998-03-13", "1998-11-13", "1999-08-13", "2000-10-13"}));
}

TEST(Recurrence, JumpsStraightToTheWindow) {
  const Recurrence biweekly("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", d("2026-05-26"));
  // 2026-05-26 + 14 * 992 days = 2064-09-09: the window is 38 years on.
  EXPECT_EQ(biweekly.between(d("2064-09-01"), d("2064-09-30")),
            dates({"2064-09-09", "2064-09-23"}));
  EXPECT_EQ(biweekly.next_after(d("2026-05-26")), d("2026-06-09"));
  EXPECT_FALSE(Recurrence("FREQ=DAILY;COUNT=2", d("2026-01-01")).next_after(d("2026-01-02")));
}

TEST(Recurrence, RdatesExdatesAndTheLimit) {
  Recurrence r("FREQ=WEEKLY;BYDAY=MO", d("2026-06-01"));
  r.add_rdate(d("2026-06-04"));
  r.add_exdate(d("2026-06-08"));
  r.add_rdate(d("2026-06-04"));  // twice is once
  EXPECT_EQ(r.between(d("2026-06-01"), d("2026-06-15")),
            dates({"2026-06-01", "2026-06-04", "2026-06-15"}));
  EXPECT_EQ(r.rdates().size(), 1u);
  EXPECT_FALSE(r.is_finite());
  try {
    Recurrence("FREQ=DAILY", d("2026-01-01")).between(d("2026-01-01"), d("2026-12-31"), 100);
    FAIL() << "expected the limit to bite";
  } catch (const Error &e) {
    EXPECT_EQ(e.code(), Errc::out_of_range);
    EXPECT_EQ(e.field(), "limit");
  }
  Recurrence only_rdates(d("2026-01-01"));
  only_rdates.add_rdate(d("2026-03-12"));
  EXPECT_TRUE(only_rdates.is_finite());
  EXPECT_EQ(first_n(only_rdates, 5), dates({"2026-03-12"}));
}

TEST(Recurrence, CursorIsLazyAndOutlivesItsSource) {
  std::optional<RecurrenceCursor> cursor;
  {
    const Recurrence yearly("FREQ=YEARLY;BYMONTH=6;BYDAY=-1FR", d("2026-06-26"));
    cursor.emplace(yearly.occurrences_from(d("2030-01-01")));
  }
  EXPECT_EQ(cursor->next(), d("2030-06-28"));
  EXPECT_EQ(cursor->next(), d("2031-06-27"));
  // A rule with no dates at all ends instead of searching forever.
  RecurrenceCursor none = Recurrence("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", d("2026-01-01"))
                              .occurrences_from(d("2026-01-01"));
  EXPECT_EQ(none.next(), std::nullopt);
}

TEST(RecurrenceRule, CanonicalForm) {
  const auto rule =
      RecurrenceRule::parse("RRULE:byday=TH,TU;wkst=SU;interval=2;FREQ=weekly;COUNT=8");
  EXPECT_EQ(rule.to_string(), "FREQ=WEEKLY;INTERVAL=2;COUNT=8;BYDAY=TU,TH;WKST=SU");
  EXPECT_EQ(RecurrenceRule::parse(rule.to_string()), rule);
  EXPECT_EQ(RecurrenceRule::parse("FREQ=MONTHLY;BYDAY=-1FR,1MO;BYMONTHDAY=3,1,3").to_string(),
            "FREQ=MONTHLY;BYMONTHDAY=1,3;BYDAY=-1FR,1MO");
  EXPECT_EQ(RecurrenceRule::parse("FREQ=DAILY;UNTIL=20261231T235959Z").to_string(),
            "FREQ=DAILY;UNTIL=20261231");
  EXPECT_EQ(RecurrenceRule::parse("FREQ=WEEKLY;BYDAY=MO;").to_string(), "FREQ=WEEKLY;BYDAY=MO");
}

struct BadRule {
  const char *text;
  Errc code;
  const char *field;
};

TEST(RecurrenceRule, ErrorCatalogueNamesThePart) {
  const BadRule cases[] = {
      {"", Errc::parse_error, "RRULE"},
      {"INTERVAL=2", Errc::parse_error, "FREQ"},
      {"FREQ=FORTNIGHTLY", Errc::parse_error, "FREQ"},
      {"FREQ=HOURLY", Errc::unsupported, "FREQ"},
      {"FREQ=DAILY;BYHOUR=9", Errc::unsupported, "BYHOUR"},
      {"FREQ=DAILY;COUNT=3;UNTIL=20270101", Errc::parse_error, "COUNT"},
      {"FREQ=DAILY;BYSETPOS=1", Errc::parse_error, "BYSETPOS"},
      {"FREQ=WEEKLY;BYDAY=9MO", Errc::parse_error, "BYDAY"},
      {"FREQ=MONTHLY;BYDAY=54MO", Errc::parse_error, "BYDAY"},
      {"FREQ=YEARLY;BYWEEKNO=1;BYDAY=1MO", Errc::parse_error, "BYDAY"},
      {"FREQ=MONTHLY;BYDAY=XX", Errc::parse_error, "BYDAY"},
      {"FREQ=MONTHLY;BYWEEKNO=3", Errc::parse_error, "BYWEEKNO"},
      {"FREQ=MONTHLY;BYYEARDAY=3", Errc::parse_error, "BYYEARDAY"},
      {"FREQ=WEEKLY;BYMONTHDAY=3", Errc::parse_error, "BYMONTHDAY"},
      {"FREQ=DAILY;BYMONTH=13", Errc::parse_error, "BYMONTH"},
      {"FREQ=DAILY;BYMONTH=-1", Errc::parse_error, "BYMONTH"},
      {"FREQ=MONTHLY;BYMONTHDAY=0", Errc::parse_error, "BYMONTHDAY"},
      {"FREQ=YEARLY;BYYEARDAY=367", Errc::parse_error, "BYYEARDAY"},
      {"FREQ=DAILY;INTERVAL=0", Errc::parse_error, "INTERVAL"},
      {"FREQ=DAILY;INTERVAL=99999999999", Errc::parse_error, "INTERVAL"},
      {"FREQ=DAILY;COUNT=-1", Errc::parse_error, "COUNT"},
      {"FREQ=DAILY;COUNT=1000001", Errc::parse_error, "COUNT"},
      {"FREQ=DAILY;UNTIL=20260230", Errc::invalid_date, "UNTIL"},
      {"FREQ=DAILY;UNTIL=2026-01-01", Errc::parse_error, "UNTIL"},
      {"FREQ=DAILY;FREQ=WEEKLY", Errc::parse_error, "FREQ"},
      {"FREQ=DAILY;X-NAME=1", Errc::parse_error, "X-NAME"},
      {"FREQ=DAILY;;COUNT=2", Errc::parse_error, "RRULE"},
      {"FREQ=DAILY;COUNT", Errc::parse_error, "RRULE"},
      {"FREQ=DAILY;COUNT=", Errc::parse_error, "COUNT"},
      {"FREQ=DAILY;WKST=XY", Errc::parse_error, "WKST"},
      {"FREQ=MONTHLY;BYMONTHDAY=1,,2", Errc::parse_error, "BYMONTHDAY"},
  };
  for (const BadRule &c : cases) {
    try {
      RecurrenceRule::parse(c.text);
      ADD_FAILURE() << "accepted: " << c.text;
    } catch (const Error &e) {
      EXPECT_EQ(e.code(), c.code) << c.text << ": " << e.what();
      EXPECT_EQ(e.field(), c.field) << c.text << ": " << e.what();
      EXPECT_NE(std::string(e.what()).find("position"), std::string::npos) << e.what();
    }
  }
}

TEST(Adjustment, SwedishLastWorkdayAndFeedbackDates) {
  const Calendar se = Calendar::sweden();
  // The last weekday of December 2026 is Thursday the 31st, Nyårsafton.
  const Recurrence last_weekday("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", d("2026-01-01"));
  EXPECT_EQ(
      adjusted_between(last_weekday, se, Adjustment::preceding, d("2026-11-01"), d("2026-12-31")),
      dates({"2026-11-30", "2026-12-30"}));
  EXPECT_EQ(adjusted_between(last_weekday, se, Adjustment::skip, d("2026-11-01"), d("2026-12-31")),
            dates({"2026-11-30"}));
  // Every Friday from 2026-06-12: Midsommarafton (06-19) rolls to Monday 06-22.
  const Recurrence fridays("FREQ=WEEKLY;BYDAY=FR", d("2026-06-12"));
  EXPECT_EQ(adjusted_between(fridays, se, Adjustment::following, d("2026-06-12"), d("2026-06-26")),
            dates({"2026-06-12", "2026-06-22", "2026-06-26"}));
  // A date just before the window that rolls into it is included: Saturday
  // 2026-10-31 (weekly on Saturdays) rolls to Monday 2026-11-02.
  const Recurrence saturdays("FREQ=WEEKLY;BYDAY=SA", d("2026-10-03"));
  EXPECT_EQ(
      adjusted_between(saturdays, se, Adjustment::following, d("2026-11-01"), d("2026-11-03")),
      dates({"2026-11-02"}));
  // Two dates rolling onto one day give one date.
  const std::vector<Date> weekend = dates({"2026-11-28", "2026-11-29"});
  EXPECT_EQ(adjust_to_business_days(weekend, se, Adjustment::following), dates({"2026-11-30"}));
}

}  // namespace
}  // namespace levande
