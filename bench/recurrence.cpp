// Core speed of recurrence expansion: 100 000 mixed follow-up rules (the mix of
// bench/recurrence_vs_dateutil.py) over one year through levande::expand_many.
// Prints microseconds per rule-year; the Python script sets levande against
// python-dateutil on the same rules.
#include <levande/levande.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

int main(int argc, char **argv) {
  const std::size_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 100'000;
  std::mt19937 rng(20261127);
  const char *days[] = {"MO", "TU", "WE", "TH", "FR"};
  const char *ordinals[] = {"1", "2", "3", "-1"};
  std::vector<std::string> rules;
  std::vector<levande::Date> starts;
  const levande::Date base = levande::Date::parse("2025-01-01");
  for (std::size_t i = 0; i < n; ++i) {
    const std::string day = days[rng() % 5];
    switch (rng() % 7) {
      case 0:
        rules.push_back("FREQ=WEEKLY;BYDAY=" + day);
        break;
      case 1:
        rules.push_back("FREQ=WEEKLY;INTERVAL=2;BYDAY=" + day);
        break;
      case 2:
        rules.push_back("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1");
        break;
      case 3:
        rules.push_back(std::string("FREQ=MONTHLY;BYDAY=") + ordinals[rng() % 4] + day);
        break;
      case 4:
        rules.push_back("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=" + std::to_string(rng() % 28 + 1));
        break;
      case 5:
        rules.push_back("FREQ=YEARLY;BYMONTH=" + std::to_string(rng() % 12 + 1) +
                        ";BYMONTHDAY=" + std::to_string(rng() % 28 + 1));
        break;
      default:
        rules.push_back("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR");
        break;
    }
    starts.push_back(base.add_days(static_cast<std::int32_t>(rng() % 365)));
  }
  double best = 1e300;
  std::size_t dates = 0;
  for (int r = 0; r < 3; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    const auto out = levande::expand_many(rules, starts, levande::Date::parse("2026-01-01"),
                                          levande::Date::parse("2026-12-31"));
    const auto t1 = std::chrono::steady_clock::now();
    dates = out.dates.size();
    best = std::min(best, std::chrono::duration<double, std::micro>(t1 - t0).count());
  }
  std::printf("rules %zu dates %zu us_per_rule_year %.3f\n", n, dates,
              best / static_cast<double>(n));
  return 0;
}
