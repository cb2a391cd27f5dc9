// Writing a levande::Table for people and scripts: an aligned terminal
// table, RFC 4180 CSV that is safe to open in a spreadsheet, and JSON.
#ifndef LEVANDE_APPS_CLI_TABLE_OUTPUT_HPP
#define LEVANDE_APPS_CLI_TABLE_OUTPUT_HPP

#include <ostream>
#include <string>
#include <string_view>

#include "levande/table.hpp"

namespace levande::cli {

// One CSV field. Text that a spreadsheet would run as a formula (starting
// with =, +, -, @, tab or carriage return) gets a leading apostrophe; a field
// with a comma, quote or line break is quoted with quotes doubled.
std::string csv_field(std::string_view text, bool is_text = true);

// The table as CSV with a header row; numbers in shortest round-trip form,
// dates as YYYY-MM-DD, missing values empty.
void write_csv(std::ostream &out, const Table &table);

// The table as a JSON array of row objects; missing values are null.
void write_json(std::ostream &out, const Table &table);

// The table as aligned text for a terminal; numbers to at most 3 decimals,
// missing values as "-". At most `max_rows` rows, then a line saying how
// many were left out (0: all).
void write_text(std::ostream &out, const Table &table, std::size_t max_rows = 0);

}  // namespace levande::cli

#endif
