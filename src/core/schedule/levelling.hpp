// Load levelling of one person's follow-up events (docs/schedule.md,
// "Levelling"): the fixed events are counted where they are; each movable
// event, in order, goes to the nearest day within its tolerance where the
// person's week is below its limit, the manager's day below theirs, the
// person is available and the event's series has no other event that day.
//
// A unit of its own: the planner hands it events and days and turns what
// it answers into rows and record changes; it knows nothing of either.
#ifndef LEVANDE_SRC_CORE_SCHEDULE_LEVELLING_HPP
#define LEVANDE_SRC_CORE_SCHEDULE_LEVELLING_HPP

#include <cstdint>
#include <optional>
#include <span>
#include <unordered_map>
#include <vector>

#include "levande/date.hpp"
#include "schedule/days.hpp"

namespace levande::detail {

// One event of the person being levelled.
struct LevelEvent {
  std::uint32_t series = 0;  // no two events of one series on one day
  // The day it would be on, rolled onto the person's days; Date::min() when
  // no such day was found.
  Date candidate = Date::min();
  Date earliest = Date::min();   // it never moves before this day
  std::int32_t week_cap = 0;     // at most this many events in the person's week
  std::int32_t manager_cap = 0;  // at most this many on the manager's day; 0: no limit
  std::int32_t tolerance = 0;    // days it may move either way
  bool fixed = false;   // a user's date, a held record or a shared event: counted, never moved
  bool anchor = false;  // a shared event: counts for the week, but its series is not the person's
  std::uint64_t order = 0;  // movable events are levelled in this order
};

// What became of an event.
enum class Placement : std::uint8_t {
  fixed,    // counted on its candidate day, not moved
  history,  // before as_of in as_of's week: counted where it is, not placed
  outside,  // its candidate day is outside the weeks levelled: left alone
  no_day,   // it has no candidate day
  placed,   // on `day`; levelled when that is not its candidate
  no_room,  // no day within its tolerance has room
};

struct LevelResult {
  std::uint32_t event;  // index into the events given
  Placement placement;
  Date day;  // fixed, history, placed: the day it counts on
};

class Leveller {
 public:
  // Events are counted in the weeks from `count_from` (the Monday of
  // as_of's week) and placed on [as_of, last_day]; events after `until`
  // are left alone, and so are fixed ones before count_from.
  Leveller(Date count_from, Date as_of, Date until, Date last_day);

  // Levels one person's events: the fixed ones first, then the movable ones
  // by `order`. `available(d)`: whether the person can have an event on d
  // other than its candidate day (a business day of theirs, not absent).
  // `manager`: the manager's dense index or UINT32_MAX; a manager's day
  // counts carry over from person to person. Returns the events in the
  // order they were levelled; valid until the next call.
  template <class Available>
  const std::vector<LevelResult> &level(std::span<const LevelEvent> events, std::uint32_t manager,
                                        Available &&available);

  // Events counted on the manager's day so far.
  std::uint32_t manager_load(std::uint32_t manager, Date day) const;
  // Room for this many (manager, day) counts without rehashing.
  void reserve_manager_days(std::size_t n) { manager_day_.reserve(n); }

 private:
  void start(std::span<const LevelEvent> events);
  std::size_t week(Date d) const { return static_cast<std::size_t>(week_of(d) - first_week_); }
  void count(Date d);
  std::uint64_t &slot_of(std::uint32_t series, Date d);
  void use(std::uint32_t series, Date d);
  bool taken(std::uint32_t series, Date d) { return slot_of(series, d) != empty_slot; }
  bool some_room(const LevelEvent &e, Date lo) const;
  static std::uint64_t manager_key(std::uint32_t manager, Date d) {
    return (std::uint64_t{manager} << 32) | std::uint32_t(d.days());
  }

  static constexpr std::uint64_t empty_slot = ~std::uint64_t{0};
  Date count_from_, as_of_, until_, last_day_;
  std::int32_t first_week_;
  std::vector<std::int32_t> week_load_;     // events per week, this person
  std::vector<std::size_t> touched_weeks_;  // weeks to reset before the next person
  std::vector<std::uint64_t> used_;         // (series, day) pairs taken: open addressing
  int used_bits_ = 0;
  std::unordered_map<std::uint64_t, std::uint32_t> manager_day_;
  std::vector<std::uint32_t> order_;
  std::vector<LevelResult> results_;
};

template <class Available>
const std::vector<LevelResult> &Leveller::level(std::span<const LevelEvent> events,
                                                std::uint32_t manager, Available &&available) {
  start(events);
  for (const auto index : order_) {
    const LevelEvent &e = events[index];
    if (e.fixed) {
      if (e.candidate >= count_from_ && e.candidate <= until_) count(e.candidate);
      if (!e.anchor) use(e.series, e.candidate);  // a shared series is never an individual one
      results_.push_back({index, Placement::fixed, e.candidate});
      continue;
    }
    if (e.candidate == Date::min()) {
      results_.push_back({index, Placement::no_day, Date::min()});
      continue;
    }
    if (e.candidate < count_from_ || e.candidate > until_) {
      results_.push_back({index, Placement::outside, e.candidate});
      continue;
    }
    if (e.candidate < as_of_) {
      // Earlier in as_of's week: history, but it took its place in the week.
      count(e.candidate);
      use(e.series, e.candidate);
      results_.push_back({index, Placement::history, e.candidate});
      continue;
    }
    const bool managed = manager != UINT32_MAX && e.manager_cap > 0;
    const Date lo = std::max(as_of_, e.earliest);
    auto fits = [&](Date d) {
      if (d < lo) return false;
      if (d != e.candidate && !available(d)) return false;
      if (d > last_day_ || week_load_[week(d)] >= e.week_cap) return false;
      if (managed && manager_load(manager, d) >= std::uint32_t(e.manager_cap)) return false;
      return !taken(e.series, d);
    };
    std::optional<Date> day;
    if (some_room(e, lo)) {
      for (std::int32_t off = 0; off <= e.tolerance && !day; ++off) {
        if (fits(Date(e.candidate.days() + off)))
          day = Date(e.candidate.days() + off);
        else if (off > 0 && fits(Date(e.candidate.days() - off)))
          day = Date(e.candidate.days() - off);
      }
    }
    if (!day) {
      results_.push_back({index, Placement::no_room, Date::min()});
      continue;
    }
    count(*day);
    if (managed) ++manager_day_[manager_key(manager, *day)];
    use(e.series, *day);
    results_.push_back({index, Placement::placed, *day});
  }
  return results_;
}

}  // namespace levande::detail

#endif
