// Load levelling of one person's events (levelling.hpp).
#include "schedule/levelling.hpp"

#include <algorithm>
#include <bit>
#include <numeric>

namespace levande::detail {

Leveller::Leveller(Date count_from, Date as_of, Date until, Date last_day)
    : count_from_(count_from),
      as_of_(as_of),
      until_(until),
      last_day_(last_day),
      first_week_(week_of(count_from)),
      week_load_(static_cast<std::size_t>(week_of(last_day) - first_week_ + 1), 0) {}

void Leveller::start(std::span<const LevelEvent> events) {
  for (auto w : touched_weeks_)
    week_load_[w] = 0;
  touched_weeks_.clear();
  // Fixed events first (they only count), then the movable ones in order.
  order_.resize(events.size());
  std::iota(order_.begin(), order_.end(), 0u);
  std::sort(order_.begin(), order_.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (events[a].fixed != events[b].fixed) return events[a].fixed;
    return events[a].order < events[b].order;
  });
  // The (series, day) pairs taken, so one series never has two events a
  // day: a small open-addressing set, twice the events in size.
  used_bits_ = static_cast<int>(std::bit_width(2 * events.size() + 1));
  used_.assign(std::size_t{1} << used_bits_, empty_slot);
  results_.clear();
  results_.reserve(events.size());
}

void Leveller::count(Date d) {
  const auto w = week(d);
  if (week_load_[w]++ == 0) touched_weeks_.push_back(w);
}

std::uint64_t &Leveller::slot_of(std::uint32_t series, Date d) {
  const auto k = (std::uint64_t{series} << 32) | std::uint32_t(d.days());
  auto i = static_cast<std::size_t>((k * 0x9E3779B97F4A7C15ull) >> (64 - used_bits_));
  while (used_[i] != empty_slot && used_[i] != k)
    i = (i + 1) & (used_.size() - 1);
  return used_[i];
}

void Leveller::use(std::uint32_t series, Date d) {
  slot_of(series, d) = (std::uint64_t{series} << 32) | std::uint32_t(d.days());
}

// Most events that fit nowhere have every week of their window full: that
// is known before trying each day.
bool Leveller::some_room(const LevelEvent &e, Date lo) const {
  const auto first = week_of(std::max(lo, Date(e.candidate.days() - e.tolerance)));
  const auto last = week_of(std::min(last_day_, Date(e.candidate.days() + e.tolerance)));
  for (auto w = first; w <= last; ++w)
    if (week_load_[static_cast<std::size_t>(w - first_week_)] < e.week_cap) return true;
  return false;
}

std::uint32_t Leveller::manager_load(std::uint32_t manager, Date day) const {
  const auto it = manager_day_.find(manager_key(manager, day));
  return it == manager_day_.end() ? 0 : it->second;
}

}  // namespace levande::detail
