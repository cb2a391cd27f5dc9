// The report as data: sections of paragraphs, tables and charts, built once
// (build.cpp) and rendered as HTML (html.cpp) or Markdown (markdown.cpp).
#ifndef LEVANDE_SRC_CORE_REPORT_BLOCKS_HPP
#define LEVANDE_SRC_CORE_REPORT_BLOCKS_HPP

#include <string>
#include <variant>
#include <vector>

namespace levande::reporting {

struct Paragraph {
  std::string text;
};

// A table of text cells; `numeric[c]` right-aligns column c. A cell marked
// suppressed is shown as such (anonymity), never as a number.
struct TableBlock {
  std::vector<std::string> headers;
  std::vector<bool> numeric;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::vector<bool>> suppressed;  // empty or one flag per cell
};

// Horizontal bars, one per label, per series (grouped, or stacked to 100 %).
struct BarChart {
  std::string title, unit;
  std::vector<std::string> labels;
  std::vector<std::string> series;
  std::vector<std::vector<double>> values;  // [series][label]; NaN: none
  bool stacked = false;
  double max = 0;  // axis maximum; 0: the largest value
};

// Lines over a numeric x axis.
struct LineChart {
  std::string title, x_label, y_label;
  std::vector<std::string> series;
  std::vector<std::vector<std::pair<double, double>>> points;  // [series] (x, y)
};

// Shares 0..1 per row and column; NaN: nothing to show.
struct Heatmap {
  std::string title;
  std::vector<std::string> rows, columns;
  std::vector<std::vector<double>> values;  // [row][column]
};

struct List {
  std::vector<std::string> items;
};

using Block = std::variant<Paragraph, TableBlock, BarChart, LineChart, Heatmap, List>;

struct Section {
  std::string id, title;
  std::vector<Block> blocks;
};

struct Document {
  std::string title, subtitle;
  std::vector<Section> sections;
};

std::string render_html(const Document &document);
std::string render_markdown(const Document &document);

}  // namespace levande::reporting

#endif
