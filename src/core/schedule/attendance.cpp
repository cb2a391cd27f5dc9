// Step 6: an occurrence of a learning slot that took place becomes learning
// activities for the people who attended (schedule.hpp, record_attendance).
#include <algorithm>
#include <set>

#include "levande/error.hpp"
#include "levande/recurrence.hpp"
#include "levande/schedule.hpp"
#include "workspace/model_view.hpp"

namespace levande {

std::vector<Activity> record_attendance(Workspace &workspace, std::string_view slot_id,
                                        Date occurrence, std::span<const std::string> attendees,
                                        std::optional<Date> held) {
  const auto &t = detail::ModelView(workspace).tables();
  const auto *slot = t.learning_slots.find(slot_id);
  if (!slot) throw Error(Errc::not_found, "slot", std::string(slot_id), "no such learning slot");
  if (!occurrence.valid())
    throw Error(Errc::invalid_argument, "occurrence", std::to_string(occurrence.days()),
                "is not a valid date");
  if (held && !held->valid())
    throw Error(Errc::invalid_argument, "held", std::to_string(held->days()),
                "is not a valid date");
  // The occurrence must be one of the rule's: a mistyped day would log
  // hours nobody spent. The nearest occurrences help the caller.
  const Recurrence rule(RecurrenceRule::parse(slot->rule), slot->start);
  const auto near = rule.between(Date(occurrence.days() - 60), Date(occurrence.days() + 60));
  if (!std::binary_search(near.begin(), near.end(), occurrence)) {
    std::string nearest;
    std::vector<Date> by_distance(near);
    std::sort(by_distance.begin(), by_distance.end(), [&](Date a, Date b) {
      return std::abs(a.days() - occurrence.days()) < std::abs(b.days() - occurrence.days());
    });
    for (std::size_t i = 0; i < by_distance.size() && i < 2; ++i)
      nearest += (i ? ", " : "") + by_distance[i].to_string();
    throw Error(Errc::invalid_argument, "occurrence", occurrence.to_string(),
                "is not a day of learning slot " + slot->id +
                    (nearest.empty() ? std::string(" (none within 60 days)")
                                     : " (nearest: " + nearest + ")") +
                    "; give the occurrence it replaces and the day it was held");
  }
  const Date day = held.value_or(occurrence);
  // Who already has this activity that day (the same slot recorded before).
  std::set<std::uint32_t> has;
  const auto &log = t.activities;
  for (std::size_t r = 0; r < log.size(); ++r)
    if (log.date[r] == day && log.hours[r] == slot->hours && log.kind[r] == slot->kind &&
        !log.self_initiated[r])
      has.insert(log.person[r]);
  std::vector<Activity> out;
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < attendees.size(); ++i) {
    const auto where = "attendees[" + std::to_string(i) + "]";
    const auto person = t.people.index_of(attendees[i]);
    if (!person) throw Error(Errc::not_found, where, attendees[i], "no such person");
    if (!seen.insert(attendees[i]).second)
      throw Error(Errc::invalid_argument, where, attendees[i], "is listed twice");
    if (has.count(*person))
      throw Error(Errc::already_exists, where, attendees[i],
                  "already has this activity on " + day.to_string() +
                      " (was the occurrence recorded before?)");
    out.push_back(Activity{.person = attendees[i],
                           .date = day,
                           .hours = slot->hours,
                           .kind = slot->kind,
                           .self_initiated = false});
  }
  Batch batch;
  for (const auto &a : out)
    batch.add(a);
  workspace.apply(batch);
  return out;
}

}  // namespace levande
