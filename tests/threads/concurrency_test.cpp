// What the headers promise about threads, exercised on many threads at once
// so that ThreadSanitizer (scripts/test.sh builds this file with it) sees
// every shared path: const members of one workspace from many threads,
// including the first use that builds its lazy indices; readers loading a
// file while a writer in the same process commits; calendars built on first
// use; the C API's per-thread last error.
#include <gtest/gtest.h>

#include <atomic>
#include <barrier>
#include <string>
#include <thread>
#include <vector>

#include "levande.h"
#include "levande/calendar.hpp"
#include "levande/fixtures/synthetic.hpp"
#include "levande/io/json.hpp"
#include "levande/metrics.hpp"
#include "levande/report.hpp"
#include "levande/schedule.hpp"
#include "levande/workspace.hpp"
#include "sqlite_helpers.hpp"

namespace levande {
namespace {

constexpr int kThreads = 4;

// Everything one reader computes: the report covers every metric, the
// celebration feed and the coverage; the schedule covers the planner.
struct Results {
  std::string report, json;
  std::size_t events = 0;
  std::size_t goals = 0;
  bool operator==(const Results &) const = default;
};

Results compute(const Workspace &ws) {
  const Date as_of = Date::parse("2026-09-30");
  Results r;
  r.report = report(ws, {.as_of = as_of}, ReportFormat::markdown);
  r.json = export_json(ws);
  r.events =
      plan_follow_up(ws, {.as_of = as_of, .until = Date::parse("2026-12-31")}).events.date.size();
  r.goals = metrics_pass(ws, as_of).goal_status.rows();
  return r;
}

TEST(Threads, ConstMembersOfOneWorkspaceAgreeAcrossThreads) {
  const auto path = test::temp_db("shared.levande");
  synthetic_organisation({.people = 300, .seed = 7}).save_as(path);
  const Results expected = compute(Workspace::open(path, {.read_only = true}));

  // A fresh load: no lazy index is built yet, so the threads race to build them.
  const auto ws = Workspace::open(path, {.read_only = true});
  std::vector<Results> got(kThreads);
  std::barrier start(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      start.arrive_and_wait();
      got[i] = compute(ws);
    });
  }
  for (auto &t : threads)
    t.join();
  for (const auto &r : got)
    EXPECT_TRUE(r == expected);
  EXPECT_GT(expected.events, 0u);
}

// A writer thread commits batches of one goal and ten measurements; reader
// threads load the file again and again and must never see a goal with
// fewer than ten.
TEST(Threads, ReadersInTheWritersProcessSeeWholeBatches) {
  const auto path = test::temp_db("written.levande");
  synthetic_organisation({.people = 20, .seed = 3}).save_as(path);
  constexpr int batches = 30;
  std::atomic<bool> done{false};
  std::atomic<int> torn{0}, loads{0};
  std::thread writer([&] {
    auto ws = Workspace::open(path);
    const auto plan = ws.action_plans().front().id;
    for (int b = 0; b < batches; ++b) {
      const std::string goal = "tg" + std::to_string(b);
      Batch batch;
      batch.add(Goal{.id = goal,
                     .plan = plan,
                     .metric = "m",
                     .target = 10,
                     .deadline = Date::parse("2026-12-31")});
      for (int i = 0; i < 10; ++i) {
        batch.add(Measurement{
            .goal = goal, .date = Date(Date::parse("2026-05-01").days() + i), .value = double(i)});
      }
      ws.apply(batch);
    }
    done = true;
  });
  std::vector<std::thread> readers;
  for (int r = 0; r < kThreads - 1; ++r) {
    readers.emplace_back([&] {
      auto ws = Workspace::open(path, {.read_only = true});
      while (!done) {
        ws.reload();
        ++loads;
        std::vector<int> per_goal(ws.size(Kind::goal), 0);
        for (auto g : ws.measurements().goal)
          ++per_goal[g];
        for (std::size_t g = 0; g < per_goal.size(); ++g) {
          const auto &id = ws.id_at(Kind::goal, static_cast<std::uint32_t>(g));
          if (id.starts_with("tg") && per_goal[g] != 10) ++torn;
        }
      }
    });
  }
  writer.join();
  for (auto &t : readers)
    t.join();
  EXPECT_EQ(torn, 0);
  EXPECT_GT(loads, 0);
  EXPECT_EQ(Workspace::open(path, {.read_only = true}).size(Kind::goal),
            synthetic_organisation({.people = 20, .seed = 3}).size(Kind::goal) + batches);
}

TEST(Threads, ACalendarBuiltOnFirstUseAgreesAcrossThreads) {
  const Calendar expected = calendar_for_code("SE");
  const Date start = Date::parse("2000-01-03");
  std::vector<std::int32_t> serial;
  for (std::int32_t i = 0; i < 20000; i += 11)
    serial.push_back(expected.add_business_days(Date(start.days() + i), 5).days());

  const Calendar fresh = calendar_for_code("SE");
  std::vector<std::vector<std::int32_t>> got(kThreads);
  std::barrier go(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      go.arrive_and_wait();
      for (std::int32_t i = 0; i < 20000; i += 11)
        got[t].push_back(fresh.add_business_days(Date(start.days() + i), 5).days());
    });
  }
  for (auto &t : threads)
    t.join();
  for (const auto &g : got)
    EXPECT_EQ(g, serial);
}

TEST(Threads, EachThreadKeepsItsOwnLastError) {
  std::vector<std::string> seen(kThreads);
  std::barrier go(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      const std::string text = "2026-13-0" + std::to_string(t + 1);
      go.arrive_and_wait();
      for (int i = 0; i < 200; ++i) {
        std::int32_t day = 0;
        if (levande_date_parse(&day, text.c_str(), nullptr) == LEVANDE_OK) return;
        seen[t] = levande_error_value(levande_last_error());
      }
    });
  }
  for (auto &t : threads)
    t.join();
  for (int t = 0; t < kThreads; ++t)
    EXPECT_EQ(seen[t], "2026-13-0" + std::to_string(t + 1));
}

}  // namespace
}  // namespace levande
