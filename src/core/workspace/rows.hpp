// Between the public struct of a log kind and its row of columns, where the
// references are dense indices.
#ifndef LEVANDE_SRC_CORE_WORKSPACE_ROWS_HPP
#define LEVANDE_SRC_CORE_WORKSPACE_ROWS_HPP

#include <cstdint>
#include <vector>

#include "levande/workspace.hpp"
#include "workspace/tables.hpp"

namespace levande::detail {

// The column row of a record; throws Errc::not_found naming the field for a
// reference to nothing. Check-ins and responses put their texts in the
// log's pool, hence the mutable tables.
MeasurementLog::Raw to_raw(const Tables &t, const Measurement &m);
CheckInLog::Raw to_raw(Tables &t, const CheckIn &c);
ResponseLog::Raw to_raw(Tables &t, const Response &r);
ActivityLog::Raw to_raw(const Tables &t, const Activity &a);

// Row i of a log as its public struct.
Measurement log_row(const Tables &t, const MeasurementLog &log, std::size_t i);
CheckIn log_row(const Tables &t, const CheckInLog &log, std::size_t i);
Response log_row(const Tables &t, const ResponseLog &log, std::size_t i);
Activity log_row(const Tables &t, const ActivityLog &log, std::size_t i);

// Rows of a log kind that a key selects: at most one for check-ins and
// responses, every record of the day for measurements and activities.
// Throws Errc::parse_error / invalid_date for a second part that is not a date.
std::vector<std::uint32_t> log_rows_for_key(const Tables &t, const Key &key);

}  // namespace levande::detail

#endif
