// Which days each person can take part in a follow-up: their country
// calendar (with company closures) minus their absences, and rolling onto
// such days.
#ifndef LEVANDE_SRC_CORE_SCHEDULE_DAYS_HPP
#define LEVANDE_SRC_CORE_SCHEDULE_DAYS_HPP

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "levande/schedule.hpp"

namespace levande::detail {

// Ranks so that a roll never searches forever (a year-long absence).
inline constexpr std::int32_t max_roll_days = 366;

// Monday-based week number: equal for two dates exactly when their ISO weeks are.
inline std::int32_t week_of(Date d) noexcept {
  const std::int32_t x = d.days() + 3;  // 1969-12-29 (day -3) was a Monday
  return x >= 0 ? x / 7 : -((-x + 6) / 7);
}

struct Tables;

// Dense index of a person / team named by a caller; Errc::not_found naming `id` otherwise.
std::uint32_t require_person(const Tables &t, std::string_view id);
std::uint32_t require_team(const Tables &t, std::string_view id);

// 1 for the people whose team is `team` or one of its sub-teams.
std::vector<std::uint8_t> people_in_team(const Tables &t, std::uint32_t team);

class PersonDays {
 public:
  PersonDays(const Workspace &ws, const ScheduleOptions &options);

  const Calendar &calendar(std::uint32_t person) const { return calendars_[of_person_[person]]; }
  std::uint16_t calendar_index(std::uint32_t person) const { return of_person_[person]; }
  const Calendar &calendar_at(std::uint16_t index) const { return calendars_[index]; }
  std::size_t calendar_count() const { return calendars_.size(); }

  // The absence (index into Workspace absences) covering the day, if any.
  std::optional<std::uint32_t> absent(std::uint32_t person, Date d) const;
  bool available(std::uint32_t person, Date d) const {
    return calendar(person).is_business_day(d) && !absent(person, d);
  }
  // Rolls onto a day the person is available; nullopt when none within max_roll_days.
  std::optional<Date> roll(std::uint32_t person, Date d, Roll how) const;
  // Rolls onto a business day of every calendar in `calendars` (absences ignored).
  std::optional<Date> roll_shared(std::span<const std::uint16_t> calendars, Date d, Roll how) const;

 private:
  template <class Ok>
  static std::optional<Date> roll_with(Date d, Roll how, Ok &&ok);

  std::vector<Calendar> calendars_;
  std::vector<std::uint16_t> of_person_;
  // Absences per person, CSR: ranges_[offsets_[p] .. offsets_[p + 1]) sorted by first day.
  std::vector<std::uint32_t> offsets_;
  std::vector<std::pair<Date, Date>> ranges_;
  std::vector<std::uint32_t> range_absence_;
};

}  // namespace levande::detail

#endif
