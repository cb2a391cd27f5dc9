// A Table written as text: CSV that a spreadsheet opens without running
// anything in it, JSON rows for scripts, and aligned columns for a terminal.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <variant>
#include <vector>

#include "i18n/language.hpp"
#include "levande/io/table_export.hpp"

namespace levande {
namespace {

std::string shortest(double v) {
  char buffer[32];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
  return ec == std::errc() ? std::string(buffer, end) : std::to_string(v);
}

std::string rounded(double v) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.3f", v);
  std::string s = buffer;
  while (!s.empty() && s.back() == '0')
    s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

// Cell i of a column as text, whether it is missing and whether it is text;
// doubles in shortest round-trip form, or to 3 decimals when `round`.
struct Cell {
  std::string text;
  bool missing = false;
  bool is_text = false;
};

Cell cell(const ColumnData &data, std::size_t i, bool round) {
  return std::visit(
      [&](const auto &v) -> Cell {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, DictionaryColumn>) {
          if (v.codes[i] < 0) return {"", true, true};
          return {v.words[static_cast<std::size_t>(v.codes[i])], false, true};
        } else if constexpr (std::is_same_v<V, std::vector<double>>) {
          if (std::isnan(v[i])) return {"", true, false};
          return {round ? rounded(v[i]) : shortest(v[i]), false, false};
        } else if constexpr (std::is_same_v<V, std::vector<Date>>) {
          if (v[i] == Date::min()) return {"", true, false};
          return {v[i].to_string(), false, false};
        } else {
          return {std::to_string(+v[i]), false, false};
        }
      },
      data);
}

bool numeric(const ColumnData &data) {
  return !std::holds_alternative<DictionaryColumn>(data) &&
         !std::holds_alternative<std::vector<Date>>(data);
}

// Terminal text: control characters would break the layout (or move the
// cursor): shown as spaces.
std::string printable(std::string s) {
  for (auto &c : s)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  return s;
}

std::size_t display_width(const std::string &s) {
  std::size_t w = 0;
  for (unsigned char c : s)
    w += (c & 0xC0) != 0x80;  // count UTF-8 lead bytes, not continuation bytes
  return w;
}

}  // namespace

namespace {

// A field quoted when it holds the delimiter, a quote or a line break.
std::string csv_field_in(std::string_view text, bool is_text, char delimiter) {
  std::string s(text);
  if (is_text && !s.empty() &&
      (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r'))
    s.insert(s.begin(), '\'');
  const char special[] = {delimiter, '"', '\r', '\n', '\0'};
  if (s.find_first_of(special) == std::string::npos) return s;
  std::string quoted = "\"";
  for (char c : s) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

}  // namespace

std::string csv_field(std::string_view text, bool is_text) {
  return csv_field_in(text, is_text, ',');
}

void write_csv(std::ostream &out, const Table &table) {
  write_csv(out, table, CsvDialect{});
}

void write_csv(std::ostream &out, const Table &table, const CsvDialect &dialect) {
  const auto &columns = table.columns();
  const char sep[] = {dialect.delimiter, '\0'};
  if (dialect.byte_order_mark) out << "\xEF\xBB\xBF";
  for (std::size_t c = 0; c < columns.size(); ++c)
    out << (c ? sep : "") << csv_field_in(columns[c].name, true, dialect.delimiter);
  out << "\r\n";
  for (std::size_t r = 0; r < table.rows(); ++r) {
    for (std::size_t c = 0; c < columns.size(); ++c) {
      auto v = cell(columns[c].data, r, false);
      if (!v.missing && dialect.decimal != '.' &&
          std::holds_alternative<std::vector<double>>(columns[c].data))
        std::replace(v.text.begin(), v.text.end(), '.', dialect.decimal);
      out << (c ? sep : "")
          << (v.missing ? "" : csv_field_in(v.text, v.is_text, dialect.delimiter));
    }
    out << "\r\n";
  }
}

CsvDialect excel_csv_dialect(std::string_view language) {
  const auto &lang = i18n::Language::of(language);
  // Excel separates list items with ';' where the decimal separator is a comma.
  const bool comma = lang.decimal_separator() == ",";
  return {comma ? ';' : ',', comma ? ',' : '.', true};
}

void write_json(std::ostream &out, const Table &table) {
  auto rows = nlohmann::ordered_json::array();
  const auto &columns = table.columns();
  for (std::size_t r = 0; r < table.rows(); ++r) {
    nlohmann::ordered_json row = nlohmann::ordered_json::object();
    for (const auto &column : columns) {
      std::visit(
          [&](const auto &v) {
            using V = std::decay_t<decltype(v)>;
            auto &slot = row[column.name];
            if constexpr (std::is_same_v<V, DictionaryColumn>) {
              if (v.codes[r] >= 0) slot = v.words[static_cast<std::size_t>(v.codes[r])];
            } else if constexpr (std::is_same_v<V, std::vector<double>>) {
              if (!std::isnan(v[r])) slot = v[r];
            } else if constexpr (std::is_same_v<V, std::vector<Date>>) {
              if (v[r] != Date::min()) slot = v[r].to_string();
            } else {
              slot = v[r];
            }
          },
          column.data);
    }
    rows.push_back(std::move(row));
  }
  out << rows.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

void write_text(std::ostream &out, const Table &table, std::size_t max_rows) {
  const auto &columns = table.columns();
  const std::size_t shown = max_rows ? std::min(max_rows, table.rows()) : table.rows();
  std::vector<std::vector<std::string>> cells(columns.size());
  std::vector<std::size_t> width(columns.size());
  for (std::size_t c = 0; c < columns.size(); ++c) {
    width[c] = display_width(columns[c].name);
    for (std::size_t r = 0; r < shown; ++r) {
      const auto v = cell(columns[c].data, r, true);
      cells[c].push_back(v.missing ? "-" : printable(v.text));
      width[c] = std::max(width[c], display_width(cells[c].back()));
    }
  }
  const auto pad = [&](const std::string &s, std::size_t c) {
    const std::string fill(width[c] - display_width(s), ' ');
    return numeric(columns[c].data) ? fill + s : s + fill;
  };
  for (std::size_t c = 0; c < columns.size(); ++c)
    out << (c ? "  " : "") << pad(columns[c].name, c);
  out << "\n";
  for (std::size_t r = 0; r < shown; ++r) {
    for (std::size_t c = 0; c < columns.size(); ++c)
      out << (c ? "  " : "") << pad(cells[c][r], c);
    out << "\n";
  }
  if (shown < table.rows()) out << "(" << table.rows() - shown << " more rows)\n";
}

}  // namespace levande
