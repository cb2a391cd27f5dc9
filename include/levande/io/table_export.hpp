/**
 * @file levande/io/table_export.hpp
 * @brief A Table as CSV that is safe to open in a spreadsheet, as JSON and
 *        as aligned text for a terminal.
 */
#ifndef LEVANDE_IO_TABLE_EXPORT_HPP
#define LEVANDE_IO_TABLE_EXPORT_HPP

#include <ostream>
#include <string>
#include <string_view>

#include "levande/export.h"
#include "levande/table.hpp"

namespace levande {

/**
 * @brief One CSV field (RFC 4180). Text a spreadsheet would run as a formula
 *        (starting with `=`, `+`, `-`, `@`, tab or carriage return) gets a
 *        leading apostrophe when @p is_text; a field with a comma, quote or
 *        line break is quoted, with quotes doubled.
 */
LEVANDE_API std::string csv_field(std::string_view text, bool is_text = true);

/**
 * @brief Writes the table as CSV: a header row, CRLF line ends, numbers in
 *        shortest round-trip form, dates as YYYY-MM-DD, missing values empty,
 *        text made safe by csv_field().
 */
LEVANDE_API void write_csv(std::ostream &out, const Table &table);

/**
 * @brief How write_csv() separates fields and writes numbers. The default
 *        is RFC 4180; excel_csv_dialect() gives what a spreadsheet opened
 *        by double-click reads in a language's regional settings.
 */
struct CsvDialect {
  char delimiter = ',';  ///< Between fields.
  char decimal = '.';    ///< Decimal separator of numbers (dates stay YYYY-MM-DD).
  bool byte_order_mark =
      false;  ///< Start with a UTF-8 byte order mark, which Excel needs to read UTF-8.
};

/**
 * @brief The CSV Excel opens by double-click with the regional settings of
 *        @p language: in Swedish (a language with a decimal comma) `;`
 *        between fields and `8,4` for numbers, in English `,` and `8.4`;
 *        a UTF-8 byte order mark in both.
 * @throws Error Errc::invalid_argument naming `language` when levande does not write it.
 */
LEVANDE_API CsvDialect excel_csv_dialect(std::string_view language);

/**
 * @brief Writes the table as CSV in @p dialect: as write_csv(out, table),
 *        with its separator and decimal separator (a field holding either
 *        is quoted) and, if asked, a byte order mark first.
 */
LEVANDE_API void write_csv(std::ostream &out, const Table &table, const CsvDialect &dialect);

/**
 * @brief Writes the table as a JSON array of row objects (keys in column
 *        order); missing values are null, dates "YYYY-MM-DD". Invalid UTF-8
 *        in text is replaced by U+FFFD.
 */
LEVANDE_API void write_json(std::ostream &out, const Table &table);

/**
 * @brief Writes the table as aligned columns for a terminal: numbers
 *        right-aligned to at most 3 decimals, missing values as "-", control
 *        characters as spaces. At most @p max_rows rows (0: all), then a line
 *        "(N more rows)" when rows were left out.
 */
LEVANDE_API void write_text(std::ostream &out, const Table &table, std::size_t max_rows = 0);

}  // namespace levande

#endif  // LEVANDE_IO_TABLE_EXPORT_HPP
