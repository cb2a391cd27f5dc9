// The follow-up scheduler on the Swedish calendar, worked by hand: a
// training whose follow-up crosses Midsommar and Christmas, levelling,
// absences, idempotence, policy changes, cancellation and reinforcement.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "levande/error.hpp"
#include "levande/io/schedule_ics.hpp"
#include "levande/schedule.hpp"
#include "levande/workspace.hpp"
#include "test_helpers.hpp"

namespace levande {
namespace {

using test::cell;
using test::d;

// The policy of the hand-worked cases: plan due 5 business days after the
// training, check-ins on Fridays for two weeks, feedback 9 and 197 days
// after the training (Midsommarafton and Julafton 2026).
Policy security_policy() {
  Policy p;
  p.id = "sec";
  p.training_kind = "security";
  p.plan_due_business_days = 5;
  p.check_in_rule = "FREQ=WEEKLY;BYDAY=FR";
  p.check_in_weeks = 2;
  p.assignment_review_days = 30;
  p.feedback_offsets_days = {9, 197};
  return p;
}

Workspace programme() {
  Workspace ws;
  Batch b;
  b.add(Team{.id = "t1", .name = "Platform"});
  b.add(Person{.id = "anna",
               .name = "Anna Berg",
               .email = "anna@example.se",
               .team = "t1",
               .calendar = "SE"});
  b.add(Person{
      .id = "bo", .name = "Bo Ek", .email = "bo@example.se", .team = "t1", .calendar = "SE"});
  b.add(Training{.id = "T",
                 .title = "Cloud security",
                 .skills = {"cloud security"},
                 .kind = "security",
                 .start = d(2026, 6, 8),
                 .end = d(2026, 6, 10)});
  b.add(Participation{.person = "anna", .training = "T"});
  b.add(Participation{.person = "bo", .training = "T"});
  b.add(security_policy());
  b.add(Absence{.id = "vac-bo",
                .person = "bo",
                .first = d(2026, 7, 13),
                .last = d(2026, 7, 24),
                .reason = "vacation"});
  ws.apply(b);
  return ws;
}

ScheduleOptions horizon(Date as_of = d(2026, 6, 1), Date until = d(2026, 12, 31)) {
  ScheduleOptions o;
  o.as_of = as_of;
  o.until = until;
  return o;
}

// (person, kind, date, nominal, flags) of every row, in table order.
using Ev = std::tuple<std::string, std::string, Date, Date, int>;
std::vector<Ev> rows(const Workspace &ws, const EventTable &e) {
  std::vector<Ev> out;
  for (std::size_t r = 0; r < e.size(); ++r)
    out.emplace_back(ws.id_at(Kind::person, e.person[r]),
                     to_string(e.series_list[e.series[r]].kind), e.date[r], e.nominal[r],
                     e.flags[r]);
  return out;
}

std::vector<std::pair<std::string, Date>> check_ins(const Workspace &ws) {
  std::vector<std::pair<std::string, Date>> out;
  const auto c = ws.check_ins();
  for (std::size_t i = 0; i < c.plan.size(); ++i)
    out.emplace_back(ws.id_at(Kind::action_plan, c.plan[i]), c.scheduled[i]);
  std::sort(out.begin(), out.end());
  return out;
}

constexpr int R = event_rolled, L = event_levelled, S = event_shared;

TEST(Schedule, MidsommarAndChristmasByHand) {
  auto ws = programme();
  const auto s = generate_follow_up(ws, horizon());
  // By hand, for Anna (SE calendar):
  // - plan due: Wed 10 June + 5 business days = Wed 17 June;
  // - check-ins on Fridays after 17 June up to 1 July: Fri 19 June is
  //   Midsommarafton -> Mon 22 June; Fri 26 June: week 26 already holds the
  //   feedback session and the first check-in (limit 2), so levelling tries
  //   Sat 27, Thu 25 (full week), Sun 28, Wed 24 (full), Mon 29 June -> 29 June;
  // - celebration review at the plan's end, 17 June + 14 days = Wed 1 July;
  // - no assignment: an on-the-job review 30 days after the plan is due,
  //   Fri 17 July;
  // - feedback +9 days = Fri 19 June (Midsommarafton) -> Mon 22 June;
  //   +197 days = Thu 24 Dec (Julafton), 25 Dec Juldagen, 26-27 weekend ->
  //   Mon 28 Dec.
  // Bo is the same except his vacation 13-24 July moves the review to Mon 27 July.
  const std::vector<Ev> expected{
      {"anna", "plan_due", d(2026, 6, 17), d(2026, 6, 17), 0},
      {"bo", "plan_due", d(2026, 6, 17), d(2026, 6, 17), 0},
      {"anna", "check_in", d(2026, 6, 22), d(2026, 6, 19), R},
      {"anna", "feedback_session", d(2026, 6, 22), d(2026, 6, 19), S | R},
      {"bo", "check_in", d(2026, 6, 22), d(2026, 6, 19), R},
      {"bo", "feedback_session", d(2026, 6, 22), d(2026, 6, 19), S | R},
      {"anna", "check_in", d(2026, 6, 29), d(2026, 6, 26), L},
      {"bo", "check_in", d(2026, 6, 29), d(2026, 6, 26), L},
      {"anna", "celebration_review", d(2026, 7, 1), d(2026, 7, 1), 0},
      {"bo", "celebration_review", d(2026, 7, 1), d(2026, 7, 1), 0},
      {"anna", "assignment_review", d(2026, 7, 17), d(2026, 7, 17), 0},
      {"bo", "assignment_review", d(2026, 7, 27), d(2026, 7, 17), R},
      {"anna", "feedback_session", d(2026, 12, 28), d(2026, 12, 24), S | R},
      {"bo", "feedback_session", d(2026, 12, 28), d(2026, 12, 24), S | R},
  };
  EXPECT_EQ(rows(ws, s.events), expected);
  EXPECT_TRUE(s.unplaced.empty());

  // The records: plans, check-ins, tasks and sessions.
  ASSERT_EQ(ws.size(Kind::action_plan), 2u);
  const auto plan = std::get<ActionPlan>(*ws.find(Key(Kind::action_plan, "anna@T/plan")));
  EXPECT_EQ(plan.agreed_by, d(2026, 6, 17));
  EXPECT_EQ(plan.created, d(2026, 6, 10));
  EXPECT_EQ(check_ins(ws),
            (std::vector<std::pair<std::string, Date>>{{"anna@T/plan", d(2026, 6, 22)},
                                                       {"anna@T/plan", d(2026, 6, 29)},
                                                       {"bo@T/plan", d(2026, 6, 22)},
                                                       {"bo@T/plan", d(2026, 6, 29)}}));
  EXPECT_EQ(std::get<Task>(*ws.find(Key(Kind::task, "bo@T/plan/on-the-job"))).due, d(2026, 7, 27));
  EXPECT_EQ(
      std::get<FeedbackSession>(*ws.find(Key(Kind::feedback_session, "T/feedback-197d"))).date,
      d(2026, 12, 28));
  EXPECT_EQ(std::get<FeedbackSession>(*ws.find(Key(Kind::feedback_session, "T/feedback-9d"))).date,
            d(2026, 6, 22));
}

// A schedule's changes were worked out from the workspace as it was; once
// anything is written, they may no longer fit (a plan they update may be
// gone), so applying them is refused until the schedule is planned again.
TEST(Schedule, AScheduleOfAnEarlierStateIsRefused) {
  auto ws = programme();
  const auto stale = plan_follow_up(ws, horizon());
  ASSERT_EQ(stale.changes.add_check_ins.size(), 4u);  // the hand-worked case's four
  ws.apply(Batch().add(Team{.id = "t2", .name = "Service desk"}));
  try {
    apply_schedule(ws, stale.changes);
    FAIL() << "a schedule planned before the last write must be refused";
  } catch (const Error &e) {
    EXPECT_EQ(e.code(), Errc::constraint);
    EXPECT_EQ(e.field(), "schedule");
    EXPECT_NE(std::string(e.what()).find("plan again"), std::string::npos) << e.what();
  }
  EXPECT_EQ(ws.size(Kind::check_in), 0u);
  EXPECT_EQ(ws.size(Kind::action_plan), 0u);

  apply_schedule(ws, plan_follow_up(ws, horizon()).changes);
  EXPECT_EQ(check_ins(ws),
            (std::vector<std::pair<std::string, Date>>{{"anna@T/plan", d(2026, 6, 22)},
                                                       {"anna@T/plan", d(2026, 6, 29)},
                                                       {"bo@T/plan", d(2026, 6, 22)},
                                                       {"bo@T/plan", d(2026, 6, 29)}}));
}

TEST(Schedule, RunningAgainChangesNothing) {
  auto ws = programme();
  const auto first = generate_follow_up(ws, horizon());
  const auto again = plan_follow_up(ws, horizon());
  EXPECT_TRUE(again.changes.empty());
  EXPECT_EQ(rows(ws, again.events), rows(ws, first.events));
  const auto n = ws.size(Kind::check_in);
  generate_follow_up(ws, horizon());
  EXPECT_EQ(ws.size(Kind::check_in), n);
}

TEST(Schedule, HeldEventsStayAndChangedPolicyMovesTheFuture) {
  auto ws = programme();
  generate_follow_up(ws, horizon());
  // Anna's first check-in was held; then the policy gets a third week.
  Batch b;
  CheckIn held{"anna@T/plan",  d(2026, 6, 22),   CheckInStatus::held,
               d(2026, 6, 22), Outcome::applied, ""};
  b.update(held);
  auto p = security_policy();
  p.check_in_weeks = 3;
  b.update(p);
  ws.apply(b);
  const auto s = generate_follow_up(ws, horizon(d(2026, 6, 25)));
  // As of Thu 25 June: week 26 still counts the 22 June feedback session and
  // check-in (history), so Fri 26 June is levelled to Mon 29 June as before.
  // The new Friday, 3 July, shares week 27 with 29 June only (the plan's end,
  // and its celebration review, moved to 8 July): it stays on 3 July.
  const auto ci = check_ins(ws);
  EXPECT_EQ(ci, (std::vector<std::pair<std::string, Date>>{{"anna@T/plan", d(2026, 6, 22)},
                                                           {"anna@T/plan", d(2026, 6, 29)},
                                                           {"anna@T/plan", d(2026, 7, 3)},
                                                           {"bo@T/plan", d(2026, 6, 22)},
                                                           {"bo@T/plan", d(2026, 6, 29)},
                                                           {"bo@T/plan", d(2026, 7, 3)}}));
  const auto c = ws.check_ins();
  for (std::size_t i = 0; i < c.plan.size(); ++i) {
    if (c.scheduled[i] == d(2026, 6, 22) &&
        ws.id_at(Kind::action_plan, c.plan[i]) == "anna@T/plan") {
      EXPECT_EQ(c.status[i], CheckInStatus::held);
    }
  }
  bool celebrated_july_8 = false;
  for (const auto &[who, kind, date, nominal, flags] : rows(ws, s.events))
    if (who == "anna" && kind == "celebration_review") celebrated_july_8 = date == d(2026, 7, 8);
  EXPECT_TRUE(celebrated_july_8);
}

TEST(Schedule, CancelledTrainingLosesItsFutureEvents) {
  auto ws = programme();
  generate_follow_up(ws, horizon());
  auto t = std::get<Training>(*ws.find(Key(Kind::training, "T")));
  t.cancelled = true;
  Batch b;
  b.update(t);
  ws.apply(b);
  const auto s = generate_follow_up(ws, horizon(d(2026, 6, 25)));
  // Check-ins before 25 June are history; 29 June goes, as do both future
  // feedback sessions... the 22 June one is history and stays.
  EXPECT_EQ(check_ins(ws), (std::vector<std::pair<std::string, Date>>{
                               {"anna@T/plan", d(2026, 6, 22)}, {"bo@T/plan", d(2026, 6, 22)}}));
  EXPECT_TRUE(ws.find(Key(Kind::feedback_session, "T/feedback-9d")).has_value());
  EXPECT_FALSE(ws.find(Key(Kind::feedback_session, "T/feedback-197d")).has_value());
  EXPECT_FALSE(ws.find(Key(Kind::task, "anna@T/plan/on-the-job")).has_value());
  EXPECT_EQ(s.events.size(), 0u);
}

TEST(Schedule, ReinforcementWhereRetentionFallsToTarget) {
  auto ws = programme();
  generate_follow_up(ws, horizon());
  Batch b;
  b.update(
      CheckIn{.plan = "anna@T/plan", .scheduled = d(2026, 6, 22), .status = CheckInStatus::missed});
  b.update(CheckIn{.plan = "anna@T/plan",
                   .scheduled = d(2026, 6, 29),
                   .status = CheckInStatus::held,
                   .held = d(2026, 6, 29),
                   .outcome = Outcome::applied});
  ws.apply(b);
  const auto s = generate_follow_up(ws, horizon(d(2026, 7, 2)));
  // By hand: one review, Good, so S = w2 = 2.3065 days. FSRS-6 with decay
  // w20 = 0.1542: F = 0.9^(-1/0.1542) - 1 = 0.9805; the interval to R = 0.85
  // is S / F * (0.85^(-1/0.1542) - 1) = 2.3065 / 0.9805 * 1.8690 = 4.40 ->
  // 4 whole days: Fri 3 July. Week 27 already holds the 29 June check-in
  // and the 1 July celebration review (both history, but counted), so
  // levelling moves it: Sat 4, Thu 2 (full), Sun 5, Wed 1 (before as_of),
  // Mon 6 July.
  std::vector<std::pair<Date, Date>> reinforcement;
  for (const auto &[who, kind, date, nominal, flags] : rows(ws, s.events))
    if (kind == "reinforcement") reinforcement.emplace_back(date, nominal);
  EXPECT_EQ(reinforcement, (std::vector<std::pair<Date, Date>>{{d(2026, 7, 6), d(2026, 7, 3)}}));
  EXPECT_TRUE(ws.find(Key(Kind::check_in, "anna@T/plan", "2026-07-06")).has_value());
}

TEST(Schedule, LevellingLimitsPerWeekAndPerManagerDay) {
  Workspace ws;
  Batch b;
  b.add(Person{.id = "m", .name = "Maja", .calendar = "SE"});
  b.add(Person{.id = "a", .name = "A", .manager = "m", .calendar = "SE"});
  b.add(Person{.id = "c", .name = "C", .manager = "m", .calendar = "SE"});
  b.add(Training{
      .id = "T", .title = "Agile", .kind = "agile", .start = d(2026, 9, 7), .end = d(2026, 9, 7)});
  b.add(Participation{.person = "a", .training = "T"});
  b.add(Participation{.person = "c", .training = "T"});
  Policy p;
  p.id = "agile";
  p.training_kind = "agile";
  p.plan_due_business_days = 1;    // Tue 8 Sep
  p.check_in_rule = "FREQ=DAILY";  // every day for a week: 9..15 Sep
  p.check_in_weeks = 1;
  p.feedback_offsets_days = {};
  p.celebrate_at_plan_end = false;
  p.assignment_review_days = 60;
  p.max_events_per_week = 3;
  p.max_events_per_manager_day = 1;
  p.tolerance_days = 3;
  b.add(p);
  ws.apply(b);
  const auto s = plan_follow_up(ws, horizon(d(2026, 9, 1), d(2026, 10, 31)));
  // By hand. Candidates per person: plan due Tue 8 Sep; check-ins 9, 10, 11,
  // then Sat 12 and Sun 13 roll to Mon 14, 14, 15. Week 37 takes 3 per
  // person, the manager (m) 1 a day, levelling moves up to 3 days (+1, -1,
  // +2, -2, +3, -3), never before 8 Sep, never two check-ins on one day.
  // A first: 8, 9, 10 fill week 37; 11 -> 14; (12) 14 -> 15; (13) 14 -> 16;
  //   (14) 14 and 15 find no room (17 and 18 would be week 38's fourth).
  // C: 8, 9, 10 are the manager's; plan due -> 11; check-ins 9, 10 and 11 find
  //   no free manager day within 3 days; (12) 14 -> 17; (13) and (14) 14 find
  //   17 taken and 11 the manager's; 15 -> 18.
  using Placed = std::tuple<std::string, std::string, Date>;
  std::vector<Placed> got;
  for (const auto &[who, kind, date, nominal, flags] : rows(ws, s.events))
    got.emplace_back(who, kind, date);
  EXPECT_EQ(got, (std::vector<Placed>{{"a", "plan_due", d(2026, 9, 8)},
                                      {"a", "check_in", d(2026, 9, 9)},
                                      {"a", "check_in", d(2026, 9, 10)},
                                      {"c", "plan_due", d(2026, 9, 11)},
                                      {"a", "check_in", d(2026, 9, 14)},
                                      {"a", "check_in", d(2026, 9, 15)},
                                      {"a", "check_in", d(2026, 9, 16)},
                                      {"c", "check_in", d(2026, 9, 17)},
                                      {"c", "check_in", d(2026, 9, 18)}}));
  std::vector<std::pair<std::string, Date>> lost;
  for (const auto &u : s.unplaced) {
    lost.emplace_back(ws.id_at(Kind::person, u.person), u.nominal);
    EXPECT_NE(u.reason.find("fewer than 3 follow-ups that week"), std::string::npos) << u.reason;
    EXPECT_NE(u.reason.find("manager m fewer than 1 that day"), std::string::npos) << u.reason;
  }
  EXPECT_EQ(lost, (
                      std::vector<std::pair<std::string, Date>>{{"c", d(2026, 9, 9)},
                                                                {"c", d(2026, 9, 10)},
                                                                {"c", d(2026, 9, 11)},
                                                                {"c", d(2026, 9, 13)},
                                                                {"a", d(2026, 9, 14)},
                                                                {"c", d(2026, 9, 14)},
                                                                {"a", d(2026, 9, 15)}}));
}

TEST(Schedule, BadOptionsAndUnknownCalendars) {
  auto ws = programme();
  try {
    plan_follow_up(ws, horizon(d(2026, 6, 1), d(2026, 5, 1)));
    FAIL();
  } catch (const Error &e) {
    EXPECT_EQ(e.field(), "until");
    EXPECT_EQ(e.value(), "2026-05-01");
  }
  try {
    plan_follow_up(ws, horizon(d(2026, 6, 1), d(2040, 5, 1)));
    FAIL();
  } catch (const Error &e) {
    EXPECT_EQ(e.field(), "until");
  }
  auto o = horizon();
  o.scope = Scope{Scope::Type::training, "nope"};
  try {
    plan_follow_up(ws, o);
    FAIL();
  } catch (const Error &e) {
    EXPECT_EQ(e.code(), Errc::not_found);
    EXPECT_EQ(e.value(), "nope");
  }
  Batch b;
  b.add(Person{.id = "x", .name = "X", .team = "t1", .calendar = "NO"});
  ws.apply(b);
  try {
    plan_follow_up(ws, horizon());
    FAIL();
  } catch (const Error &e) {
    EXPECT_EQ(e.field(), "people[x].calendar");
    EXPECT_EQ(e.value(), "NO");
  }
}

TEST(Schedule, CallerCalendarWithACompanyClosure) {
  auto ws = programme();
  ws.apply(Batch()
               .add(Person{.id = "x", .name = "X", .team = "t1", .calendar = "NO"})
               .add(Participation{.person = "x", .training = "T"}));
  // "NO" here is weekends only plus a company closure on Wed 17 June.
  auto o = horizon();
  Calendar no = Calendar::weekends_only();
  no.add_closure(d(2026, 6, 17), d(2026, 6, 17), "company day");
  o.calendars.emplace("NO", no);
  const auto s = plan_follow_up(ws, o);
  // By hand: 10 June + 5 business days skips the closed 17th -> Thu 18 June.
  // The check-ins follow from 18 June: Fri 19 June is a working day on this
  // calendar (no Midsommarafton), and Fri 26 June. Anna, on SE, is unchanged.
  std::vector<std::tuple<std::string, Date, int>> x_events;
  for (const auto &[who, kind, date, nominal, flags] : rows(ws, s.events)) {
    if (who == "x" && (kind == "plan_due" || kind == "check_in"))
      x_events.emplace_back(kind, date, flags);
  }
  EXPECT_EQ(x_events,
            (std::vector<std::tuple<std::string, Date, int>>{{"plan_due", d(2026, 6, 18), 0},
                                                             {"check_in", d(2026, 6, 19), 0},
                                                             {"check_in", d(2026, 6, 26), 0}}));
}

TEST(Schedule, AgendaOverdueAndScope) {
  auto ws = programme();
  const auto s = generate_follow_up(ws, horizon());
  const auto rows_anna =
      agenda(ws, s.events, AgendaOf::person, "anna", d(2026, 6, 1), d(2026, 6, 30));
  EXPECT_EQ(rows_anna.size(), 4u);  // plan due, check-in and feedback on 22 June, check-in 29 June
  const auto team = agenda(ws, s.events, AgendaOf::team, "t1", d(2026, 12, 1), d(2026, 12, 31));
  EXPECT_EQ(team.size(), 2u);
  EXPECT_THROW(agenda(ws, s.events, AgendaOf::person, "nobody", d(2026, 1, 1), d(2026, 2, 1)),
               Error);
  // As of 1 July nothing was recorded: both 22 and 29 June check-ins are overdue.
  const auto late = overdue(ws, d(2026, 7, 1));
  ASSERT_EQ(late.size(), 4u);
  EXPECT_EQ(late[0].kind, Kind::check_in);
  EXPECT_EQ(late[0].due, d(2026, 6, 22));
  EXPECT_EQ(late[0].days_overdue, 9);
  // A scoped run places exactly what the whole run placed.
  auto o = horizon();
  o.scope = Scope{Scope::Type::team, "t1"};
  EXPECT_EQ(rows(ws, plan_follow_up(ws, o).events), rows(ws, s.events));
}

TEST(Schedule, EventTableCodesTextPerSeries) {
  auto ws = programme();
  const auto s = generate_follow_up(ws, horizon());
  const auto t = event_table(ws, s.events);
  ASSERT_EQ(t.rows(), s.events.size());
  const auto text = [&](const char *column, std::size_t row) {
    const auto &c = std::get<DictionaryColumn>(t[column]);
    return c.codes[row] < 0 ? std::string("<null>")
                            : c.words[static_cast<std::size_t>(c.codes[row])];
  };
  // Row 2 is Anna's first check-in (see MidsommarAndChristmasByHand): rolled
  // from Midsommarafton, on her plan, by the policy's weekly rule.
  EXPECT_EQ(cell<Date>(t, "date", 2), d(2026, 6, 22));
  EXPECT_EQ(cell<Date>(t, "nominal", 2), d(2026, 6, 19));
  EXPECT_EQ(text("person", 2), "anna");
  EXPECT_EQ(text("kind", 2), "check_in");
  EXPECT_EQ(cell<std::uint8_t>(t, "step", 2), 1);
  EXPECT_EQ(text("record_kind", 2), "action_plans");
  EXPECT_EQ(text("record", 2), "anna@T/plan");
  EXPECT_EQ(text("training", 2), "T");
  EXPECT_EQ(text("title", 2), series_title(ws, s.events.series_list[s.events.series[2]]));
  EXPECT_NE(text("rule", 2), "<null>");
  EXPECT_EQ(cell<std::uint8_t>(t, "rolled", 2), 1);
  EXPECT_EQ(cell<std::uint8_t>(t, "levelled", 2), 0);
  // The plan-due event has no rule: null, not an empty word.
  EXPECT_EQ(text("rule", 0), "<null>");
  // Anna and Bo share the check-in title: one word for both.
  EXPECT_EQ(std::get<DictionaryColumn>(t["title"]).codes[2],
            std::get<DictionaryColumn>(t["title"]).codes[4]);
  // A selection keeps the chosen rows in the chosen order.
  const std::vector<std::uint32_t> pick{4, 2};
  const auto two = event_table(ws, s.events, pick);
  ASSERT_EQ(two.rows(), 2u);
  EXPECT_EQ(cell<Date>(two, "date", 1), d(2026, 6, 22));
  const auto &people = std::get<DictionaryColumn>(two["person"]);
  EXPECT_EQ(people.words[static_cast<std::size_t>(people.codes[0])], "bo");
  const std::vector<std::uint32_t> past{99};
  EXPECT_EQ(test::code_of([&] { (void)event_table(ws, s.events, past); }), Errc::out_of_range);
}

TEST(Schedule, IcsHasRulesWithExceptions) {
  auto ws = programme();
  const auto s = generate_follow_up(ws, horizon());
  ical::WriteOptions w;
  w.stamp = d(2026, 6, 1);
  const auto text = schedule_to_ics(ws, s.events, {IcsSelection::Type::person, "anna"}, w);
  // Anna's check-ins: RRULE from the first Friday, 19 June, until 26 June;
  // both moved (to 22 and 29 June): two EXDATEs and two RDATEs.
  EXPECT_NE(text.find("RRULE:FREQ=WEEKLY;UNTIL=20260626;BYDAY=FR"), std::string::npos) << text;
  EXPECT_NE(text.find("EXDATE;VALUE=DATE:20260619,20260626"), std::string::npos) << text;
  EXPECT_NE(text.find("RDATE;VALUE=DATE:20260622,20260629"), std::string::npos) << text;
  EXPECT_NE(text.find("UID:check_in/action_plans/anna@T/plan/anna@levande"), std::string::npos);
  EXPECT_EQ(text.find("bo@example.se"), std::string::npos);
}

}  // namespace
}  // namespace levande
