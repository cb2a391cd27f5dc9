// The rows of a run in table order (planner.hpp): by date, person, kind and
// series, and the unplaced events in order.
#include <algorithm>

#include "schedule/planner.hpp"

namespace levande::planning {

void Planner::emit(Schedule &out) {
  // Sorted by (date, person, kind, series). The rows were made person by
  // person, so placing them by date (a counting sort, straight into the
  // columns) gives (date, person); then the few rows of one person and day
  // are put in kind and series order.
  auto &e = table_;
  std::size_t n = 0;
  for (auto &count : rows_on_) {
    const auto c = count;
    count = static_cast<std::uint32_t>(n);  // becomes the first slot of the day
    n += c;
  }
  e.date.resize(n);
  e.nominal.resize(n);
  e.person.resize(n);
  e.series.resize(n);
  e.flags.resize(n);
  for (auto &chunk : rows_) {
    for (const auto &r : chunk) {
      const auto i = rows_on_[r.day]++;
      e.date[i] = Date(o_.as_of.days() + r.day);
      e.nominal[i] = r.nominal;
      e.person[i] = r.person;
      e.series[i] = r.series;
      e.flags[i] = r.flags;
    }
    chunk = {};
  }
  rows_ = {};
  std::vector<std::uint32_t> group;
  std::vector<Date> nominal;
  std::vector<std::uint32_t> series;
  std::vector<std::uint8_t> flags;
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i + 1;
    while (j < n && e.date[j] == e.date[i] && e.person[j] == e.person[i])
      ++j;
    if (j - i > 1) {
      group.resize(j - i);
      std::iota(group.begin(), group.end(), static_cast<std::uint32_t>(i));
      auto before = [&](std::uint32_t a, std::uint32_t b) {
        const auto ka = e.series_list[e.series[a]].kind, kb = e.series_list[e.series[b]].kind;
        return ka != kb ? ka < kb : e.series[a] < e.series[b];
      };
      // Insertion sort: a person rarely has more than two events a day.
      for (std::size_t k = 1; k < group.size(); ++k)
        for (std::size_t m = k; m > 0 && before(group[m], group[m - 1]); --m)
          std::swap(group[m], group[m - 1]);
      nominal.clear();
      series.clear();
      flags.clear();
      for (auto g : group) {
        nominal.push_back(e.nominal[g]);
        series.push_back(e.series[g]);
        flags.push_back(e.flags[g]);
      }
      for (std::size_t k = 0; k < group.size(); ++k) {
        e.nominal[i + k] = nominal[k];
        e.series[i + k] = series[k];
        e.flags[i + k] = flags[k];
      }
    }
    i = j;
  }
  std::erase_if(unplaced_, [&](const Unplaced &u) { return !keep(u.person, u.series); });
  std::sort(unplaced_.begin(), unplaced_.end(), [](const Unplaced &a, const Unplaced &b) {
    if (a.nominal != b.nominal) return a.nominal < b.nominal;
    if (a.person != b.person) return a.person < b.person;
    return a.series < b.series;
  });
  out.events = std::move(table_);
  out.unplaced = std::move(unplaced_);
}

}  // namespace levande::planning
