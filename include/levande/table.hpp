/**
 * @file levande/table.hpp
 * @brief A column table: what metrics return, and how they leave through the
 *        Arrow C Stream Interface without copying their columns.
 */
#ifndef LEVANDE_TABLE_HPP
#define LEVANDE_TABLE_HPP

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "levande/c/arrow.h"
#include "levande/date.hpp"
#include "levande/export.h"

namespace levande {

/** @brief Text values stored once, referenced by code (a pandas Categorical, an Arrow dictionary).
 */
struct DictionaryColumn {
  std::vector<std::int32_t> codes;                            ///< Index into `words`; -1 for null.
  std::vector<std::string> words;                             ///< The distinct values.
  bool operator==(const DictionaryColumn &) const = default;  ///< Field-wise equality.
};

/**
 * @brief The values of one column. Nulls: NaN in float64, Date::min() in
 *        dates, code -1 in dictionaries; integers have none.
 */
using ColumnData =
    std::variant<std::vector<std::int32_t>, std::vector<std::uint32_t>, std::vector<double>,
                 std::vector<Date>, std::vector<std::uint8_t>, DictionaryColumn>;

/** @brief A named column. */
struct Column {
  std::string name;  ///< Column name.
  ColumnData data;   ///< Values.
};

/** @brief Columns of equal length. A value type; const members are thread-safe. */
class LEVANDE_API Table {
 public:
  /** @brief Number of rows (0 without columns). */
  std::size_t rows() const noexcept;
  /** @brief The columns in order. */
  const std::vector<Column> &columns() const noexcept { return columns_; }
  /**
   * @brief Appends a column.
   * @throws Error Errc::invalid_argument naming the column when its length
   *         differs from the table's, its name is empty or already used, or a
   *         dictionary code is outside its words.
   */
  void add(std::string name, ColumnData data);
  /** @brief The column named @p name. @throws Error Errc::not_found. */
  const ColumnData &operator[](const std::string &name) const;

  /**
   * @brief What Arrow needs beyond a column's own values, made once by add()
   *        so that export_arrow() only hands out pointers: the validity
   *        bitmap (bit set = valid; empty without nulls), the null count,
   *        and for a dictionary its words as Arrow string offsets and bytes.
   */
  struct ArrowExtras {
    std::vector<std::uint8_t> validity;  ///< LSB-first bitmap, empty when no nulls.
    std::int64_t nulls = 0;              ///< Null count.
    std::vector<std::int32_t> offsets;   ///< Dictionary words: offsets into `bytes`.
    std::string bytes;                   ///< Dictionary words, concatenated.
  };
  /** @brief The Arrow extras of column @p i (in columns() order). */
  const ArrowExtras &arrow_extras(std::size_t i) const { return extras_.at(i); }

 private:
  std::vector<Column> columns_;
  std::vector<ArrowExtras> extras_;
};

/**
 * @brief Exports a table as an Arrow stream of one record batch (a struct
 *        array with a child per column). Columns are shared, not copied: the
 *        stream and every array it yields keep @p table alive until released.
 *        Types: int32 "i", uint32 "I", float64 "g", date32 "tdD", uint8 "C",
 *        dictionary of utf8 with int32 indices. Nulls get validity bitmaps.
 * @param out an unreleased stream struct to fill; the caller calls out->release.
 */
LEVANDE_API void export_arrow(std::shared_ptr<const Table> table, ArrowArrayStream *out);

}  // namespace levande

#endif  // LEVANDE_TABLE_HPP
