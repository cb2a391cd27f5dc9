// CSV import: RFC 4180 records become JSON objects typed by the field
// descriptors, then entities added in one transaction.
#include <algorithm>
#include <charconv>
#include <optional>
#include <set>

#include "i18n/language.hpp"
#include "json/entity_codec.hpp"
#include "levande/error.hpp"
#include "levande/io/csv.hpp"
#include "model/schema.hpp"
#include "workspace/access.hpp"

namespace levande {
namespace {

struct Record {
  std::size_t line = 0;  // line number where the record starts (1-based)
  std::vector<std::string> cells;
  std::optional<Error> error;  // a malformed record: reported, never half read
};

// RFC 4180 with LF or CRLF line ends; a UTF-8 byte-order mark is skipped. A
// malformed record keeps its error and the reader resumes at the next line,
// so a lenient import can skip it; records with only empty cells are blank.
std::vector<Record> parse_csv(std::string_view text, char delimiter) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<Record> records;
  std::size_t line = 1, i = 0;
  while (i < text.size()) {
    Record rec{line, {}, std::nullopt};
    std::string cell;
    bool end_of_record = false;
    while (!end_of_record && !rec.error) {
      cell.clear();
      if (i < text.size() && text[i] == '"') {
        const std::size_t opened = line;
        ++i;
        for (;;) {
          if (i >= text.size()) {
            rec.error = Error(
                Errc::parse_error, "row", "",
                "a quoted field opened on line " + std::to_string(opened) + " is never closed");
            break;
          }
          const char c = text[i++];
          if (c == '"') {
            if (i < text.size() && text[i] == '"') {
              cell += '"';
              ++i;
            } else {
              break;
            }
          } else {
            if (c == '\n') ++line;
            cell += c;
          }
        }
        if (!rec.error && i < text.size() && text[i] != delimiter && text[i] != '\n' &&
            text[i] != '\r') {
          rec.error =
              Error(Errc::parse_error, "row", std::string(1, text[i]),
                    "text after a closing quote; quote the whole field and double inner quotes");
        }
      } else {
        while (i < text.size() && text[i] != delimiter && text[i] != '\n' && text[i] != '\r') {
          if (text[i] == '"') {
            rec.error =
                Error(Errc::parse_error, "row", cell + '"',
                      "a quote inside an unquoted field; quote the field and double the quote");
            break;
          }
          cell += text[i++];
        }
      }
      if (rec.error) break;
      rec.cells.push_back(cell);
      if (i < text.size() && text[i] == delimiter) {
        ++i;
        continue;
      }
      if (i < text.size() && text[i] == '\r') ++i;
      if (i < text.size() && text[i] == '\n') ++i;
      ++line;
      end_of_record = true;
    }
    if (rec.error) {
      // Resume after the end of the current line.
      while (i < text.size() && text[i] != '\n')
        ++i;
      if (i < text.size()) ++i;
      ++line;
      records.push_back(std::move(rec));
      continue;
    }
    const bool blank =
        std::all_of(rec.cells.begin(), rec.cells.end(), [](const auto &c) { return c.empty(); });
    if (!blank) records.push_back(std::move(rec));
  }
  return records;
}

template <class M>
nlohmann::json cell_value(const std::string &cell, const std::string &where) {
  if constexpr (std::is_same_v<M, std::vector<std::int32_t>> ||
                std::is_same_v<M, std::vector<std::string>>) {
    if (cell == "[]") return nlohmann::json::array();  // an explicitly empty list
  }
  if constexpr (std::is_same_v<M, std::vector<std::int32_t>>) {
    nlohmann::json list = nlohmann::json::array();
    std::size_t start = 0;
    for (;;) {
      const auto bar = cell.find('|', start);
      list.push_back(cell_value<std::int32_t>(cell.substr(start, bar - start), where));
      if (bar == std::string::npos) break;
      start = bar + 1;
    }
    return list;
  } else if constexpr (std::is_same_v<M, std::vector<std::string>>) {
    nlohmann::json list = nlohmann::json::array();
    std::size_t start = 0;
    for (;;) {
      const auto bar = cell.find('|', start);
      list.push_back(cell.substr(start, bar - start));
      if (bar == std::string::npos) break;
      start = bar + 1;
    }
    return list;
  } else if constexpr (std::is_same_v<M, double> || std::is_same_v<M, std::optional<double>>) {
    double v = 0;
    const auto *end = cell.data() + cell.size();
    const auto r = std::from_chars(cell.data(), end, v);
    if (r.ec != std::errc() || r.ptr != end) {
      throw Error(Errc::invalid_argument, where, cell, "must be a number (use '.' for decimals)");
    }
    return v;
  } else if constexpr (std::is_same_v<M, std::int32_t>) {
    std::int32_t v = 0;
    const auto *end = cell.data() + cell.size();
    const auto r = std::from_chars(cell.data(), end, v);
    if (r.ec != std::errc() || r.ptr != end)
      throw Error(Errc::invalid_argument, where, cell, "must be an integer");
    return v;
  } else if constexpr (std::is_same_v<M, bool>) {
    if (cell == "true" || cell == "1" || cell == "yes") return true;
    if (cell == "false" || cell == "0" || cell == "no") return false;
    throw Error(Errc::invalid_argument, where, cell, "must be true/false, yes/no or 1/0");
  } else {
    return cell;  // text, dates and enum names are checked by the JSON reader
  }
}

// Cell text -> JSON value, by the type of the field the column maps to.
using Converter = nlohmann::json (*)(const std::string &, const std::string &);

struct FieldReader {
  std::string name;
  Converter to_json;
  bool decimal = false;  // a number that may have decimals: read by the language
};

template <class T>
std::vector<FieldReader> fields_of() {
  std::vector<FieldReader> out;
  detail::for_each_field<T>([&](const auto &f) {
    using M = std::remove_cvref_t<decltype(std::declval<T>().*(f.member))>;
    out.push_back({std::string(f.name), &cell_value<M>,
                   std::is_same_v<M, double> || std::is_same_v<M, std::optional<double>>});
  });
  return out;
}

}  // namespace

CsvReport import_csv(Workspace &workspace, Kind kind, std::string_view text,
                     const CsvOptions &options) {
  if (static_cast<std::size_t>(kind) >= kind_count) {
    throw Error(Errc::invalid_argument, "kind", std::to_string(static_cast<int>(kind)),
                "is not a kind");
  }
  if (options.delimiter != ',' && options.delimiter != ';' && options.delimiter != '\t') {
    throw Error(Errc::invalid_argument, "delimiter", std::string(1, options.delimiter),
                "must be ',', ';' or a tab");
  }
  const std::string &src = options.source;
  // Numbers as people of the language write them: "8,4" in Swedish.
  const auto &language = i18n::Language::of(
      options.language.empty() ? workspace.settings().language : options.language,
      "options.language");
  const auto records = parse_csv(text, options.delimiter);
  if (records.empty()) throw Error(Errc::parse_error, src, "", "has no header row");
  if (records.front().error)
    throw records.front().error->within(src + ":" + std::to_string(records.front().line));

  const auto fields = detail::visit_kind(kind, [&]<class T>() { return fields_of<T>(); });
  for (const auto &[header, field] : options.mapping) {
    const bool known = std::any_of(fields.begin(), fields.end(),
                                   [&name = field](const auto &f) { return f.name == name; });
    if (!known) {
      throw Error(Errc::invalid_argument, "mapping[" + header + "]", field,
                  std::string("is not a field of ") + kind_name(kind));
    }
  }
  // Column -> field index (or -1 to skip).
  std::vector<int> column_field;
  std::set<int> seen;
  const auto &header = records.front();
  for (std::size_t c = 0; c < header.cells.size(); ++c) {
    const auto &name = header.cells[c];
    const auto mapped = options.mapping.find(name);
    const std::string field = mapped != options.mapping.end() ? mapped->second : name;
    int index = -1;
    for (std::size_t f = 0; f < fields.size(); ++f) {
      if (fields[f].name == field) index = static_cast<int>(f);
    }
    if (index < 0 && !options.ignore_unknown_columns) {
      throw Error(Errc::invalid_argument, src + ":1", name,
                  std::string("column matches no field of ") + kind_name(kind) +
                      "; map it with CsvOptions::mapping or ignore unknown columns");
    }
    if (index >= 0 && !seen.insert(index).second) {
      throw Error(Errc::invalid_argument, src + ":1", name, "a second column for field " + field);
    }
    column_field.push_back(index);
  }

  CsvReport report;
  auto located = [&](const Record &r, const Error &e) {
    return e.within(src + ":" + std::to_string(r.line));
  };
  auto skip = [&](std::size_t i, const Error &e) {
    report.skipped.push_back({records[i].line, e.field(), e.value(),
                              src + ":" + std::to_string(records[i].line) + ": " + e.what()});
  };

  // A row becomes an entity (typed by the field descriptors) when first met.
  std::vector<std::optional<Entity>> entities(records.size());
  auto convert = [&](std::size_t i) {
    const auto &r = records[i];
    if (r.error) throw *r.error;
    if (r.cells.size() != header.cells.size()) {
      throw Error(Errc::parse_error, "row", std::to_string(r.cells.size()),
                  "has " + std::to_string(r.cells.size()) + " fields, the header has " +
                      std::to_string(header.cells.size()));
    }
    nlohmann::json obj = nlohmann::json::object();
    for (std::size_t c = 0; c < r.cells.size(); ++c) {
      const int f = column_field[c];
      if (f < 0 || r.cells[c].empty()) continue;
      const auto &field = fields[static_cast<std::size_t>(f)];
      if (field.decimal && !language.english())
        obj[field.name] = language.parse_number(r.cells[c], field.name.c_str());
      else
        obj[field.name] = field.to_json(r.cells[c], field.name);
    }
    entities[i] = detail::entity_from_json_any(kind, obj, kind_name(kind));
  };

  // Rows 1.. are the records (row 0 is the header); the workspace adds them
  // as one transaction, checking references once all are in (a team may
  // name a parent further down the file).
  auto on_error = [&](std::size_t item, const Error &e) {
    const std::size_t i = item + 1;
    if (!options.skip_bad_rows) throw located(records[i], e);
    skip(i, e);
  };
  auto make = [&](std::size_t item) {
    const std::size_t i = item + 1;
    if (!entities[i]) convert(i);
    return *entities[i];
  };
  report.imported =
      detail::WorkspaceAccess::add_each(workspace, records.size() - 1, make, on_error);
  return report;
}

}  // namespace levande
