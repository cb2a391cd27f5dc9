// One sweep per log for what engagement and coverage both read (basis.hpp):
// the check-ins and the learning activities were each read twice before.
#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>

#include "metrics/basis.hpp"
#include "support/clones.hpp"

namespace levande::detail {

namespace {

// x where keep, else +0.0, without a branch.
inline double only(double x, bool keep) {
  return std::bit_cast<double>(std::bit_cast<std::uint64_t>(x) & -static_cast<std::uint64_t>(keep));
}

// Per check-in, five flags: bit 0 due, 1 held on time (within the
// tolerance of the scheduled day), 2 overdue, 3 missed, 4 held by the date.
// A loop of its own so the compiler can vectorise it (with AVX2 where the
// processor has it: the tests are most of a sweep's work).
LEVANDE_AVX2_CLONE void check_in_flags(const Date *scheduled, const Date *held_on,
                                       const CheckInStatus *status, std::size_t n,
                                       std::int32_t as_of, std::int32_t tolerance_days,
                                       std::uint8_t *out) {
  const std::int32_t cutoff = as_of - tolerance_days;
  for (std::size_t r = 0; r < n; ++r) {
    const std::int32_t day = scheduled[r].days(), held_day = held_on[r].days();
    const auto st = static_cast<std::uint8_t>(status[r]);
    const std::int32_t distance = held_day > day ? held_day - day : day - held_day;
    const unsigned held_by =
        (st == static_cast<std::uint8_t>(CheckInStatus::held)) & (held_day <= as_of);
    const unsigned on_time = held_by & (distance <= tolerance_days);
    const unsigned due = (day <= cutoff) | on_time;
    const unsigned overdue =
        (st == static_cast<std::uint8_t>(CheckInStatus::scheduled)) & (day < as_of);
    const unsigned missed =
        (st == static_cast<std::uint8_t>(CheckInStatus::missed)) & (day <= as_of);
    out[r] =
        static_cast<std::uint8_t>(due | on_time << 1 | overdue << 2 | missed << 3 | held_by << 4);
  }
}

// The five flags as counts in 12-bit lanes of one word (flag i in lane i), so
// that a plan's rows are summed with one addition each.
constexpr unsigned lane_bits = 12;
constexpr std::uint64_t lane_mask = (1u << lane_bits) - 1;
constexpr std::size_t check_in_block = lane_mask;  // rows per block: no lane can overflow

}  // namespace

// The check-in log comes mostly grouped by plan: each row's counts (one
// word of lanes, from its flags) are summed in a register over the plan's
// run and spread out when the plan changes or a block of rows ends (a block
// is short enough that no lane overflows); the tests are evaluated without
// branches, as statuses come in no predictable order.
const CheckInSums &Basis::check_in_sums(std::int32_t tolerance_days) {
  if (check_ins_ && check_ins_->tolerance_days == tolerance_days) return *check_ins_;
  const auto &t = t_;
  const auto &links = *links_;
  const std::size_t people = t.people.size(), owners = people + t.teams.size();
  CheckInSums s;
  s.tolerance_days = tolerance_days;
  for (auto *v : {&s.due, &s.on_time, &s.overdue, &s.missed})
    v->assign(owners, 0);
  s.plan_held.assign(t.action_plans.size(), 0);
  s.training_due.assign(t.trainings.size(), 0);
  s.training_on_time.assign(t.trainings.size(), 0);
  // Plans owned by a person count for the person, plans of a team for the
  // team (after the people), plans without an owner nowhere.
  const auto &owner_of_plan = links.plan_owner;

  const auto &c = t.check_ins;
  const auto *plan = c.plan.data();
  const std::int32_t as_of = as_of_.days();
  std::uint32_t current = no_entity;
  std::uint64_t counts = 0;
  const auto flush = [&] {
    if (current == no_entity) return;
    s.plan_held[current] |= static_cast<std::uint8_t>((counts >> 4 * lane_bits) != 0);
    const auto due = static_cast<std::uint32_t>(counts & lane_mask);
    const auto on_time = static_cast<std::uint32_t>(counts >> lane_bits & lane_mask);
    const auto overdue = static_cast<std::uint32_t>(counts >> 2 * lane_bits & lane_mask);
    const auto missed = static_cast<std::uint32_t>(counts >> 3 * lane_bits & lane_mask);
    if (const auto tr = links.plan_training[current]; tr != no_entity) {
      s.training_due[tr] += due;
      s.training_on_time[tr] += on_time;
    }
    const auto o = owner_of_plan[current];
    if (o != no_entity) {
      s.due[o] += due;
      s.on_time[o] += on_time;
      s.overdue[o] += overdue;
      s.missed[o] += missed;
      if (o >= people) s.team_plans.push_back({current, due, on_time, overdue, missed});
    }
    counts = 0;
  };
  std::array<std::uint64_t, 32> lanes{};  // per set of flags
  for (unsigned f = 0; f < lanes.size(); ++f)
    for (unsigned i = 0; i < 5; ++i)
      lanes[f] |= static_cast<std::uint64_t>(f >> i & 1) << i * lane_bits;
  std::vector<std::uint8_t> flags(std::min(c.size(), check_in_block));
  for (std::size_t begin = 0; begin < c.size(); begin += check_in_block) {
    const std::size_t end = std::min(c.size(), begin + check_in_block);
    check_in_flags(c.scheduled.data() + begin, c.held.data() + begin, c.status.data() + begin,
                   end - begin, as_of, tolerance_days, flags.data());
    for (std::size_t r = begin; r < end; ++r) {
      if (plan[r] != current) {
        flush();
        current = plan[r];
      }
      counts += lanes[flags[r - begin]];
    }
    flush();  // the block's part of the run (the next block goes on adding)
  }
  check_ins_ = std::move(s);
  return *check_ins_;
}

// The activity log comes mostly grouped by person: sums run in registers
// and are written when the person changes. The kind picks one of three local
// sums (kinds come in no order; an index beats a branch); a kind outside the
// enum counts as formal, its first.
const ActivitySums &Basis::activity_sums() {
  if (activities_) return *activities_;
  const auto &t = t_;
  const std::size_t people = t.people.size();
  ActivitySums s;
  for (auto *v : {&s.hours, &s.job, &s.social, &s.formal, &s.self})
    v->assign(people, 0);
  s.latest.assign(people, Date::min());
  static_assert(static_cast<int>(LearningKind::formal) == 0 &&
                static_cast<int>(LearningKind::social) == 1 &&
                static_cast<int>(LearningKind::on_the_job) == 2);
  const auto &a = t.activities;
  const auto *person = a.person.data();
  const auto *date = a.date.data();
  const auto *hours = a.hours.data();
  const auto *kind = a.kind.data();
  const auto *self_initiated = a.self_initiated.data();
  const std::int32_t as_of = as_of_.days(), year_start = Date::from_ymd(as_of_.year(), 1, 1).days();
  std::uint32_t current = no_entity;
  double by_kind[3] = {0, 0, 0}, total = 0, self = 0;
  std::int32_t latest = Date::min().days();
  const auto flush = [&] {
    if (current == no_entity) return;
    s.hours[current] += total;
    s.formal[current] += by_kind[0];
    s.social[current] += by_kind[1];
    s.job[current] += by_kind[2];
    s.self[current] += self;
    s.latest[current] = std::max(s.latest[current], Date(latest));
  };
  for (std::size_t r = 0; r < a.size(); ++r) {
    if (person[r] != current) {
      flush();
      current = person[r];
      by_kind[0] = by_kind[1] = by_kind[2] = total = self = 0;
      latest = Date::min().days();
    }
    const std::int32_t day = date[r].days();
    const bool by_date = day <= as_of;
    latest = std::max(latest, by_date ? day : Date::min().days());
    // Masks, not `?:`: the compiler turns a choice between a value and 0.0
    // into a branch, mispredicted as often as not here.
    const double h = only(hours[r], by_date & (day >= year_start));
    const auto k = static_cast<unsigned>(kind[r]);
    total += h;
    by_kind[k < 3 ? k : 0] += h;
    self += only(h, self_initiated[r] != 0);
  }
  flush();
  activities_ = std::move(s);
  return *activities_;
}

}  // namespace levande::detail
