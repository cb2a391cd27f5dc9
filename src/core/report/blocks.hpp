// The report as data: sections of paragraphs, tables and charts, built once
// (build.cpp) and rendered as HTML (html.cpp) or Markdown (markdown.cpp).
#ifndef LEVANDE_SRC_CORE_REPORT_BLOCKS_HPP
#define LEVANDE_SRC_CORE_REPORT_BLOCKS_HPP

#include <limits>
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

// Lines over a numeric x axis. Ticks fall on round values: multiples of
// x_step (e.g. 30 for days; 0: 1, 2, 2.5 or 5 × a power of ten), the y axis
// labelled in y_unit; a dashed reference line at target_y (NaN: none).
struct LineChart {
  std::string title, x_label, y_label;
  std::vector<std::string> series;
  std::vector<std::vector<std::pair<double, double>>> points;  // [series] (x, y)
  double x_step = 0;
  std::string y_unit;
  double target_y = std::numeric_limits<double>::quiet_NaN();
  std::string target_label;
};

// Round tick values covering [low, high]: the first and last tick are at or
// beyond the ends; `step` 0 picks 1, 2, 2.5 or 5 × a power of ten for about
// four intervals, another step is taken in multiples of itself to keep at
// most eight.
std::vector<double> axis_ticks(double low, double high, double step = 0);

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
