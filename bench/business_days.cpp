// Core speed of business-day arithmetic on the Swedish calendar: 10 million
// random dates in 1990-2080, add_business_days with offsets in [-20, 20] and
// business_days_between over spans of up to a year, through the bulk (span)
// API. Prints nanoseconds per date as "name ns_per_date" lines for
// bench/compare_numpy.py, which sets them against numpy in the same run.
#include <levande/levande.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

namespace {

template <class Fn>
double best_ns_per_item(std::size_t items, int repeats, Fn &&fn) {
  double best = 1e300;
  for (int r = 0; r < repeats; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    fn();
    const auto t1 = std::chrono::steady_clock::now();
    const double ns =
        std::chrono::duration<double, std::nano>(t1 - t0).count() / static_cast<double>(items);
    if (ns < best) best = ns;
  }
  return best;
}

}  // namespace

int main(int argc, char **argv) {
  const std::size_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 10'000'000;
  const int repeats = argc > 2 ? std::atoi(argv[2]) : 5;
  const auto se = levande::Calendar::sweden();
  const std::int32_t lo = levande::Date::parse("1990-01-01").days();
  const std::int32_t hi = levande::Date::parse("2080-12-31").days();

  std::mt19937_64 rng(20261127);
  std::uniform_int_distribution<std::int32_t> day(lo, hi), offset(-20, 20), span(-365, 365);
  std::vector<levande::Date> dates(n), ends(n), out(n);
  std::vector<std::int32_t> offsets(n), counts(n);
  for (std::size_t i = 0; i < n; ++i) {
    dates[i] = levande::Date(day(rng));
    ends[i] = levande::Date(dates[i].days() + span(rng));
    offsets[i] = offset(rng);
  }

  const double add =
      best_ns_per_item(n, repeats, [&] { se.add_business_days(dates, offsets, out); });
  const double count =
      best_ns_per_item(n, repeats, [&] { se.business_days_between(dates, ends, counts); });
  std::vector<std::uint8_t> flags(n);
  const double is_bd = best_ns_per_item(n, repeats, [&] { se.is_business_day(dates, flags); });

  // Keep the results observable so the work cannot be optimised away.
  long long checksum = 0;
  for (std::size_t i = 0; i < n; i += 997)
    checksum += out[i].days() + counts[i] + flags[i];
  std::printf("add_business_days %.3f\n", add);
  std::printf("business_days_between %.3f\n", count);
  std::printf("is_business_day %.3f\n", is_bd);
  std::printf("checksum %lld\n", checksum);
  return 0;
}
