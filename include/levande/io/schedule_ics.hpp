/**
 * @file levande/io/schedule_ics.hpp
 * @brief A computed schedule as an iCalendar file (RFC 5545).
 */
#ifndef LEVANDE_IO_SCHEDULE_ICS_HPP
#define LEVANDE_IO_SCHEDULE_ICS_HPP

#include <cstdint>
#include <string>

#include "levande/export.h"
#include "levande/io/ical.hpp"
#include "levande/schedule.hpp"
#include "levande/workspace.hpp"

namespace levande {

/** @brief Whose events schedule_to_ics() exports. */
struct IcsSelection {
  /** @brief What `id` names. */
  enum class Type : std::uint8_t {
    all = 0,       ///< Every event of the table.
    person = 1,    ///< One person.
    team = 2,      ///< A team and its sub-teams.
    training = 3,  ///< The events of one training.
  };
  Type type = Type::all;  ///< Selection.
  std::string id;         ///< Person, team or training id.
};

/**
 * @brief The events as an iCalendar file: recurring series as one VEVENT with
 *        RRULE plus EXDATE/RDATE where rolling or levelling moved an
 *        occurrence, one-off events as single VEVENTs, shared events once with
 *        every attendee. UIDs are stable across runs.
 * @throws Error Errc::not_found for an unknown id; errors of ical::write().
 */
LEVANDE_API std::string schedule_to_ics(const Workspace &workspace, const EventTable &events,
                                        const IcsSelection &selection,
                                        const ical::WriteOptions &options);

}  // namespace levande

#endif  // LEVANDE_IO_SCHEDULE_ICS_HPP
