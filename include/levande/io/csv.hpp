/**
 * @file levande/io/csv.hpp
 * @brief Importing entities from CSV files (RFC 4180), as HR and LMS exports
 *        come; writing tables as CSV is levande/io/table_export.hpp.
 */
#ifndef LEVANDE_IO_CSV_HPP
#define LEVANDE_IO_CSV_HPP

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "levande/export.h"
#include "levande/model.hpp"
#include "levande/workspace.hpp"

namespace levande {

/** @brief How a CSV file is read by import_csv(). */
struct CsvOptions {
  /**
   * @brief CSV header → field name, e.g. {"Employee ID", "id"}. Columns not
   *        mentioned map to the field of the same name; columns that match no
   *        field are an error unless @ref ignore_unknown_columns.
   */
  std::map<std::string, std::string> mapping;
  bool ignore_unknown_columns = false;  ///< Skip columns that map to no field.
  /**
   * @brief Import the good rows and report the bad ones instead of importing
   *        nothing. Every skipped row is listed in CsvReport::skipped.
   */
  bool skip_bad_rows = false;
  char delimiter = ',';  ///< Field separator: ',' or ';' (common in Swedish exports) or '\\t'.
  std::string source = "<csv>";  ///< File name used in error messages.
  /**
   * @brief How numbers are written: in Swedish ("sv") `8,4` or `8.4`, in
   *        English `8.4` only (see parse_number()); empty means the
   *        workspace's language (Settings::language). A file with decimal
   *        commas usually separates fields with ';' (@ref delimiter).
   */
  std::string language;
};

/** @brief A row that import_csv() skipped, with why. */
struct CsvRowError {
  std::size_t row = 0;  ///< 1-based line number of the record in the file (the header is line 1).
  std::string field;    ///< The field, or empty when the row as a whole is malformed.
  std::string value;    ///< The offending value.
  std::string message;  ///< The full error message.
};

/** @brief What import_csv() did. */
struct CsvReport {
  std::size_t imported = 0;          ///< Rows imported.
  std::vector<CsvRowError> skipped;  ///< Rows skipped (only with CsvOptions::skip_bad_rows).
};

/**
 * @brief Imports people, teams, trainings, participations or measurements
 *        from CSV text (RFC 4180; a header row names the columns).
 * @throws Error with `source:line: field` in the message; nothing is
 *         imported unless CsvOptions::skip_bad_rows.
 */
LEVANDE_API CsvReport import_csv(Workspace &workspace, Kind kind, std::string_view text,
                                 const CsvOptions &options = {});

}  // namespace levande

#endif  // LEVANDE_IO_CSV_HPP
