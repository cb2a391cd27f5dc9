// The report as Markdown: text and tables for newsletters and wikis; charts
// become tables of their numbers.
#include <cmath>
#include <cstdio>
#include <string_view>

#include "report/blocks.hpp"

namespace levande::reporting {

namespace {

// Text from the workspace cannot start markup, links, HTML or table cells,
// and stays on one line.
std::string text(std::string_view s) {
  std::string out;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) {
      if (out.empty() || out.back() != ' ') out += ' ';
      continue;
    }
    if (std::string_view("\\`*_[]<>#|~&!").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string number(double v) {
  if (std::isnan(v)) return "–";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.0f", v);
  return buffer;
}

void table(std::string &out, const std::vector<std::string> &headers,
           const std::vector<bool> &numeric, const std::vector<std::vector<std::string>> &rows,
           const std::vector<std::vector<bool>> &suppressed = {}) {
  out += "|";
  for (const auto &h : headers) {
    out += ' ';
    out += text(h);
    out += " |";
  }
  out += "\n|";
  for (std::size_t c = 0; c < headers.size(); ++c)
    out += c < numeric.size() && numeric[c] ? " ---: |" : " --- |";
  out += "\n";
  for (std::size_t r = 0; r < rows.size(); ++r) {
    out += "|";
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      const bool hidden = r < suppressed.size() && c < suppressed[r].size() && suppressed[r][c];
      out += ' ';
      out += hidden ? std::string("*suppressed*") : text(rows[r][c]);
      out += " |";
    }
    out += "\n";
  }
  out += "\n";
}

struct Render {
  std::string &out;
  void operator()(const Paragraph &p) const { out += text(p.text) + "\n\n"; }
  void operator()(const TableBlock &t) const {
    table(out, t.headers, t.numeric, t.rows, t.suppressed);
  }
  void operator()(const BarChart &b) const {
    out += "**" + text(b.title) + "** (" + text(b.unit) + ")\n\n";
    std::vector<std::string> headers{""};
    headers.insert(headers.end(), b.series.begin(), b.series.end());
    std::vector<std::vector<std::string>> rows;
    for (std::size_t l = 0; l < b.labels.size(); ++l) {
      std::vector<std::string> row{b.labels[l]};
      for (const auto &s : b.values)
        row.push_back(number(s[l]));
      rows.push_back(std::move(row));
    }
    table(out, headers, std::vector<bool>(headers.size(), true), rows);
  }
  void operator()(const LineChart &l) const {
    out += "**" + text(l.title) + "** (" + text(l.y_label) + " by " + text(l.x_label) + ")\n\n";
    std::vector<std::vector<std::string>> rows;
    for (std::size_t s = 0; s < l.series.size(); ++s) {
      std::string points;
      for (const auto &[x, y] : l.points[s]) {
        if (!points.empty()) points += ", ";
        points += number(x);
        points += ": ";
        points += number(y);
      }
      rows.push_back({l.series[s], points});
    }
    table(out, {"", l.x_label + ": " + l.y_label}, {false, false}, rows);
  }
  void operator()(const Heatmap &h) const {
    out += "**" + text(h.title) + "** (%)\n\n";
    std::vector<std::string> headers{""};
    headers.insert(headers.end(), h.columns.begin(), h.columns.end());
    std::vector<std::vector<std::string>> rows;
    for (std::size_t r = 0; r < h.rows.size(); ++r) {
      std::vector<std::string> row{h.rows[r]};
      for (double v : h.values[r])
        row.push_back(number(v * 100));
      rows.push_back(std::move(row));
    }
    std::vector<bool> numeric(headers.size(), true);
    numeric[0] = false;
    table(out, headers, numeric, rows);
  }
  void operator()(const List &l) const {
    for (const auto &item : l.items)
      out += "- " + text(item) + "\n";
    out += "\n";
  }
};

}  // namespace

std::string render_markdown(const Document &d) {
  std::string out = "# " + text(d.title) + "\n\n*" + text(d.subtitle) + "*\n\n";
  for (const auto &s : d.sections) {
    out += "## " + text(s.title) + "\n\n";
    for (const auto &b : s.blocks)
      std::visit(Render{out}, b);
  }
  return out;
}

}  // namespace levande::reporting
