/**
 * @file levande/levande.hpp
 * @brief Everything of the levande C++ API in one include.
 */
#ifndef LEVANDE_LEVANDE_HPP
#define LEVANDE_LEVANDE_HPP

#include "levande/calendar.hpp"
#include "levande/celebrate.hpp"
#include "levande/date.hpp"
#include "levande/error.hpp"
#include "levande/io/csv.hpp"
#include "levande/io/files.hpp"
#include "levande/io/ical.hpp"
#include "levande/io/json.hpp"
#include "levande/io/schedule_ics.hpp"
#include "levande/io/table_export.hpp"
#include "levande/language.hpp"
#include "levande/metrics.hpp"
#include "levande/model.hpp"
#include "levande/peers.hpp"
#include "levande/recurrence.hpp"
#include "levande/reinforcement.hpp"
#include "levande/report.hpp"
#include "levande/schedule.hpp"
#include "levande/table.hpp"
#include "levande/version.hpp"
#include "levande/workspace.hpp"

#endif  // LEVANDE_LEVANDE_HPP
