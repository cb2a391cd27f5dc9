// The scheduler alone, in C++: plans the synthetic organisation for 2026
// and prints the time per phase-free run (for profiling with perf; the
// comparison figures come from bench/schedule_100k.py).
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "levande/fixtures/synthetic.hpp"
#include "levande/schedule.hpp"

int main(int argc, char **argv) {
  const std::size_t people = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100000;
  auto ws = levande::synthetic_organisation({people, 1});
  levande::ScheduleOptions o;
  o.as_of = levande::Date::from_ymd(2026, 1, 1);
  o.until = levande::Date::from_ymd(2026, 12, 31);
  const int runs = argc > 2 ? std::atoi(argv[2]) : 3;
  for (int run = 0; run < runs; ++run) {
    const auto t0 = std::chrono::steady_clock::now();
    const auto s = levande::plan_follow_up(ws, o);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("%zu people: %zu events, %zu unplaced, %.3f s (%.0f ns per event)\n", people,
                s.events.size(), s.unplaced.size(), seconds,
                seconds / static_cast<double>(s.events.size()) * 1e9);
    const auto t1 = std::chrono::steady_clock::now();
    const auto table = levande::event_table(ws, s.events);
    std::printf("  event_table: %zu rows in %.3f s\n", table.rows(),
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count());
  }
}
