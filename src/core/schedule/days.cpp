// Person calendars: country code -> calendar, absences, rolling.
#include "schedule/days.hpp"

#include <algorithm>
#include <numeric>

#include "levande/error.hpp"
#include "workspace/model_view.hpp"

namespace levande {

Calendar calendar_for_code(std::string_view code) {
  if (code == "SE") return Calendar::sweden(true);
  if (code == "SE-statutory") return Calendar::sweden(false);
  if (code == "weekends") return Calendar::weekends_only();
  throw Error(Errc::not_found, "calendar", std::string(code),
              "no calendar with this code (built in: SE, SE-statutory, weekends; others can be "
              "passed in ScheduleOptions::calendars)");
}

namespace detail {

std::uint32_t require_person(const Tables &t, std::string_view id) {
  const auto p = t.people.index_of(id);
  if (!p) throw Error(Errc::not_found, "id", std::string(id), "no person with this id");
  return *p;
}

std::uint32_t require_team(const Tables &t, std::string_view id) {
  const auto team = t.teams.index_of(id);
  if (!team) throw Error(Errc::not_found, "id", std::string(id), "no team with this id");
  return *team;
}

std::vector<std::uint8_t> people_in_team(const Tables &t, std::uint32_t root) {
  // The hierarchy is acyclic (checked on write); the depth bound is a guard only.
  std::vector<std::uint8_t> in(t.teams.size(), 0);
  for (std::size_t i = 0; i < t.teams.size(); ++i) {
    auto x = static_cast<std::uint32_t>(i);
    for (std::size_t depth = 0; depth <= t.teams.size(); ++depth) {
      if (x == root) {
        in[i] = 1;
        break;
      }
      const auto &parent = t.teams.rows[x].parent;
      if (parent.empty()) break;
      x = *t.teams.index_of(parent);
    }
  }
  std::vector<std::uint8_t> people(t.people.size(), 0);
  for (std::size_t i = 0; i < t.people.size(); ++i) {
    const auto &team = t.people.rows[i].team;
    people[i] = !team.empty() && in[*t.teams.index_of(team)];
  }
  return people;
}

PersonDays::PersonDays(const Workspace &ws, const ScheduleOptions &options) {
  const auto &t = detail::ModelView(ws).tables();
  std::map<std::string, std::uint16_t, std::less<>> by_code;
  auto code_index = [&](std::string_view code, const std::string &who) -> std::uint16_t {
    if (auto it = by_code.find(code); it != by_code.end()) return it->second;
    Calendar cal;
    if (auto it = options.calendars.find(code); it != options.calendars.end()) {
      cal = it->second;
    } else {
      try {
        cal = calendar_for_code(code);
      } catch (const Error &) {
        throw Error(Errc::not_found, who, std::string(code),
                    "no calendar with this code (built in: SE, SE-statutory, weekends; others "
                    "can be passed in the schedule options)");
      }
    }
    const auto index = static_cast<std::uint16_t>(calendars_.size());
    calendars_.push_back(std::move(cal));
    by_code.emplace(std::string(code), index);
    return index;
  };
  const auto fallback = code_index(options.default_calendar, "default_calendar");
  of_person_.resize(t.people.size());
  for (std::size_t p = 0; p < t.people.size(); ++p) {
    const auto &person = t.people.rows[p];
    of_person_[p] = person.calendar.empty()
                        ? fallback
                        : code_index(person.calendar, "people[" + person.id + "].calendar");
  }

  offsets_.assign(t.people.size() + 1, 0);
  for (const auto &a : t.absences.rows)
    ++offsets_[*t.people.index_of(a.person) + 1];
  std::partial_sum(offsets_.begin(), offsets_.end(), offsets_.begin());
  ranges_.resize(t.absences.size());
  range_absence_.resize(t.absences.size());
  auto fill = offsets_;
  for (std::size_t i = 0; i < t.absences.size(); ++i) {
    const auto &a = t.absences.rows[i];
    const auto slot = fill[*t.people.index_of(a.person)]++;
    ranges_[slot] = {a.first, a.last};
    range_absence_[slot] = static_cast<std::uint32_t>(i);
  }
  for (std::size_t p = 0; p + 1 < offsets_.size(); ++p) {
    // Sort each person's ranges (and their absence numbers with them).
    std::vector<std::uint32_t> order(offsets_[p + 1] - offsets_[p]);
    if (order.size() < 2) continue;
    std::iota(order.begin(), order.end(), offsets_[p]);
    std::sort(order.begin(), order.end(),
              [&](auto a, auto b) { return ranges_[a].first < ranges_[b].first; });
    std::vector<std::pair<Date, Date>> r;
    std::vector<std::uint32_t> n;
    for (auto i : order) {
      r.push_back(ranges_[i]);
      n.push_back(range_absence_[i]);
    }
    std::copy(r.begin(), r.end(), ranges_.begin() + offsets_[p]);
    std::copy(n.begin(), n.end(), range_absence_.begin() + offsets_[p]);
  }
}

std::optional<std::uint32_t> PersonDays::absent(std::uint32_t person, Date d) const {
  for (auto i = offsets_[person]; i < offsets_[person + 1]; ++i) {
    if (ranges_[i].first > d) break;
    if (d <= ranges_[i].second) return range_absence_[i];
  }
  return std::nullopt;
}

template <class Ok>
std::optional<Date> PersonDays::roll_with(Date d, Roll how, Ok &&ok) {
  if (ok(d)) return d;
  auto search = [&](Date from, std::int32_t step) -> std::optional<Date> {
    Date x = from;
    for (std::int32_t i = 0; i < max_roll_days; ++i) {
      x = Date(x.days() + step);
      if (ok(x)) return x;
    }
    return std::nullopt;
  };
  const bool forward = how == Roll::following || how == Roll::modified_following;
  auto first = search(d, forward ? 1 : -1);
  const bool modified = how == Roll::modified_following || how == Roll::modified_preceding;
  if (modified && (!first || first->month() != d.month() || first->year() != d.year()))
    return search(d, forward ? -1 : 1);
  return first;
}

std::optional<Date> PersonDays::roll(std::uint32_t person, Date d, Roll how) const {
  return roll_with(d, how, [&](Date x) { return available(person, x); });
}

std::optional<Date> PersonDays::roll_shared(std::span<const std::uint16_t> calendars, Date d,
                                            Roll how) const {
  return roll_with(d, how, [&](Date x) {
    return std::all_of(calendars.begin(), calendars.end(),
                       [&](std::uint16_t c) { return calendars_[c].is_business_day(x); });
  });
}

}  // namespace detail
}  // namespace levande
