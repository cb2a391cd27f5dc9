/**
 * @file levande/table.hpp
 * @brief A column table: what metrics return, and how they leave through the
 *        Arrow C Stream Interface without copying their columns.
 */
#ifndef LEVANDE_TABLE_HPP
#define LEVANDE_TABLE_HPP

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "levande/arrow_abi.h"
#include "levande/date.hpp"
#include "levande/export.h"

namespace levande {

/**
 * @brief The words of a dictionary column: read like a `std::vector` of
 *        strings, shared between copies.
 *
 * Copying is cheap (the words are held once, by reference count), so many
 * tables can key their rows by the same ids without copying them: the
 * library's metrics share the workspace's people, goal and participation ids
 * this way. Changing a shared list (push_back, reserve) first makes it the
 * copy's own. The Arrow form of the words (utf8 offsets and bytes) is made
 * once per shared list, the first time it is asked for, and kept with it.
 * Const members are safe to call from many threads at once.
 */
class LEVANDE_API DictionaryWords {
 public:
  DictionaryWords() = default;
  /** @brief Takes these words. */
  DictionaryWords(std::vector<std::string> words);  // NOLINT: implicit, as a vector would be
  /** @brief These words. */
  DictionaryWords(std::initializer_list<std::string> words);

  /** @brief Number of words. */
  std::size_t size() const noexcept { return list().size(); }
  /** @brief Whether there are none. */
  bool empty() const noexcept { return list().empty(); }
  /** @brief Word @p i (unchecked, as a vector's `operator[]`). */
  const std::string &operator[](std::size_t i) const { return list()[i]; }
  /** @brief The first word (there must be one). */
  const std::string &front() const { return list().front(); }
  /** @brief Iteration over the words. */
  std::vector<std::string>::const_iterator begin() const noexcept { return list().begin(); }
  /** @brief Iteration over the words. */
  std::vector<std::string>::const_iterator end() const noexcept { return list().end(); }
  /** @brief The words as a vector. */
  const std::vector<std::string> &list() const noexcept;

  /** @brief Appends a word. */
  void push_back(std::string word);
  /** @brief Appends a word made from @p args. */
  template <class... Args>
  void emplace_back(Args &&...args) {
    push_back(std::string(std::forward<Args>(args)...));
  }
  /** @brief Reserves room for @p n words. */
  void reserve(std::size_t n);

  /** @brief The words as Arrow utf8 string offsets (size() + 1 of them) into arrow_bytes(). */
  const std::vector<std::int32_t> &arrow_offsets() const;
  /** @brief The words concatenated, as Arrow utf8 data. */
  const std::string &arrow_bytes() const;

  /** @brief Equal words in the same order. */
  bool operator==(const DictionaryWords &other) const { return list() == other.list(); }

 private:
  struct Shared;
  std::vector<std::string> &own();  // the list, made this object's own first
  std::shared_ptr<Shared> shared_;
};

/** @brief Text values stored once, referenced by code (a pandas Categorical, an Arrow dictionary).
 */
struct DictionaryColumn {
  std::vector<std::int32_t> codes;                            ///< Index into `words`; -1 for null.
  DictionaryWords words;                                      ///< The distinct values.
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
   *        bitmap (bit set = valid; empty without nulls) and the null count.
   *        (A dictionary's words carry their own Arrow form, DictionaryWords.)
   */
  struct ArrowExtras {
    std::vector<std::uint8_t> validity;  ///< LSB-first bitmap, empty when no nulls.
    std::int64_t nulls = 0;              ///< Null count.
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
