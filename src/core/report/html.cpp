// The report as one self-contained HTML page: inline CSS, charts as inline
// SVG, no script and nothing fetched from the network; readable on screen
// and on paper.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "report/blocks.hpp"

namespace levande::reporting {

namespace {

// Every text from the workspace goes through here: as element text or an
// attribute value it can never become markup.
std::string esc(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t')
          out += ' ';
        else
          out += c;
    }
  }
  return out;
}

double as_double(std::size_t n) {
  return static_cast<double>(n);
}

// Decimals a tick needs: none for whole values, one for 2.5-like steps.
int tick_decimals(double v) {
  return std::abs(v - std::round(v)) < 1e-9 ? 0 : 1;
}

std::string num(double v, int decimals = 1) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
  return buffer;
}

// Colours that stay apart for colour-blind readers and in grey print.
constexpr const char *palette[] = {"#1b6ca8", "#e08a1e", "#3c9a5f", "#b5446e",
                                   "#6b5fb5", "#8c6d31", "#17a2b8", "#7f7f7f"};

constexpr const char *style = R"(
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2733;margin:0;background:#f6f7f9}
main{max-width:960px;margin:0 auto;padding:24px 28px;background:#fff}
h1{font-size:1.7em;margin:0 0 4px}h2{font-size:1.25em;margin:32px 0 8px;border-bottom:2px solid #1b6ca8;padding-bottom:4px}
.subtitle{color:#5b6773;margin:0 0 16px}
table{border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:.92em}
th,td{padding:5px 8px;border-bottom:1px solid #e3e6ea;text-align:left;vertical-align:top}
th{background:#eef2f6}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
td.suppressed{color:#8a6d00;background:#fff7db;font-style:italic}
figure{margin:8px 0 20px}figcaption{font-weight:600;margin-bottom:4px}
svg{max-width:100%;height:auto}svg text{font-size:11px;fill:#1d2733}
ul.feed{padding-left:18px}ul.feed li{margin:2px 0}
nav ul{columns:2;padding-left:18px;margin:4px 0 12px}
@media print{body{background:#fff}main{padding:0}h2{break-after:avoid}figure,table{break-inside:avoid}}
)";

void bar_chart(std::string &out, const BarChart &b) {
  const double bar = 14, gap = 6, label_w = 190, plot_w = 520,
               legend = b.series.size() > 1 ? 22 : 0;
  const std::size_t per_label = b.stacked ? 1 : b.series.size();
  const double row_h = as_double(per_label) * bar + gap;
  const double height = legend + as_double(b.labels.size()) * row_h + 24;
  double max = b.max;
  if (max <= 0)
    for (const auto &s : b.values)
      for (double v : s)
        if (!std::isnan(v)) max = std::max(max, v);
  if (max <= 0) max = 1;
  const auto ticks = axis_ticks(0, max);
  max = ticks.back();  // the axis ends on a round tick
  out += "<figure><figcaption>" + esc(b.title) + "</figcaption><svg role=\"img\" viewBox=\"0 0 " +
         num(label_w + plot_w + 60, 0) + " " + num(height, 0) + "\" aria-label=\"" + esc(b.title) +
         "\">";
  if (legend > 0) {
    double x = label_w;
    for (std::size_t s = 0; s < b.series.size(); ++s) {
      out += "<rect x=\"" + num(x, 0) + "\" y=\"4\" width=\"10\" height=\"10\" fill=\"" +
             palette[s % 8] + "\"/><text x=\"" + num(x + 14, 0) + "\" y=\"13\">" +
             esc(b.series[s]) + "</text>";
      x += 24 + 7.0 * as_double(b.series[s].size());
    }
  }
  for (std::size_t l = 0; l < b.labels.size(); ++l) {
    const double y = legend + as_double(l) * row_h;
    out += "<text x=\"" + num(label_w - 6, 0) + "\" y=\"" +
           num(y + as_double(per_label) * bar / 2 + 4, 1) + "\" text-anchor=\"end\">" +
           esc(b.labels[l]) + "</text>";
    double stack = 0;
    for (std::size_t s = 0; s < b.values.size(); ++s) {
      const double v = b.values[s][l];
      if (std::isnan(v)) continue;
      const double w = std::max(0.0, std::min(v, max)) / max * plot_w;
      const double x = label_w + (b.stacked ? stack : 0);
      const double top = y + (b.stacked ? 0 : as_double(s) * bar);
      out += "<rect x=\"" + num(x, 1) + "\" y=\"" + num(top, 1) + "\" width=\"" + num(w, 1) +
             "\" height=\"" + num(bar - 2, 0) + "\" fill=\"" + palette[s % 8] + "\"><title>" +
             esc(b.labels[l]) + ", " + esc(b.series[s]) + ": " + num(v, 1) + " " + esc(b.unit) +
             "</title></rect>";
      if (!b.stacked)
        out += "<text x=\"" + num(x + w + 4, 1) + "\" y=\"" + num(top + bar - 4, 1) + "\">" +
               num(v, 0) + " " + esc(b.unit) + "</text>";
      stack += w;
    }
  }
  const double axis_y = legend + as_double(b.labels.size()) * row_h + 4;
  out += "<line x1=\"" + num(label_w, 0) + "\" y1=\"" + num(axis_y, 0) + "\" x2=\"" +
         num(label_w + plot_w, 0) + "\" y2=\"" + num(axis_y, 0) + "\" stroke=\"#9aa4ae\"/>";
  for (double tick : ticks) {
    out += "<text x=\"" + num(label_w + plot_w * tick / max, 0) + "\" y=\"" + num(axis_y + 14, 0) +
           "\" text-anchor=\"middle\">" + num(tick, tick_decimals(tick)) +
           (b.unit.empty() ? "" : " " + esc(b.unit)) + "</text>";
  }
  out += "</svg></figure>\n";
}

void line_chart(std::string &out, const LineChart &l) {
  const double left = 56, top = 10, w = 600, h = 220;
  double max_x = 1, max_y = 100, min_y = 0;
  for (const auto &s : l.points)
    for (const auto &[x, y] : s) {
      max_x = std::max(max_x, x);
      max_y = std::max(max_y, y);
      min_y = std::min(min_y, y);
    }
  if (!std::isnan(l.target_y)) max_y = std::max(max_y, l.target_y);
  // The axes end on round ticks.
  const auto x_ticks = axis_ticks(0, max_x, l.x_step), y_ticks = axis_ticks(min_y, max_y);
  max_x = x_ticks.back();
  min_y = y_ticks.front();
  max_y = y_ticks.back();
  const auto px = [&](double x) { return left + x / max_x * w; };
  const auto py = [&](double y) { return top + h - (y - min_y) / (max_y - min_y) * h; };
  out += "<figure><figcaption>" + esc(l.title) + "</figcaption><svg role=\"img\" viewBox=\"0 0 " +
         num(left + w + 140, 0) + " " + num(top + h + 40, 0) + "\" aria-label=\"" + esc(l.title) +
         "\">";
  const std::string unit = l.y_unit.empty() ? "" : " " + esc(l.y_unit);
  for (double y : y_ticks)
    out += "<line x1=\"" + num(left, 0) + "\" x2=\"" + num(left + w, 0) + "\" y1=\"" +
           num(py(y), 1) + "\" y2=\"" + num(py(y), 1) + "\" stroke=\"#e3e6ea\"/><text x=\"" +
           num(left - 6, 0) + "\" y=\"" + num(py(y) + 4, 1) + "\" text-anchor=\"end\">" +
           num(y, tick_decimals(y)) + unit + "</text>";
  for (double x : x_ticks)
    out += "<text x=\"" + num(px(x), 1) + "\" y=\"" + num(top + h + 16, 0) +
           "\" text-anchor=\"middle\">" + num(x, tick_decimals(x)) + "</text>";
  if (!std::isnan(l.target_y))
    out += "<line x1=\"" + num(left, 0) + "\" x2=\"" + num(left + w, 0) + "\" y1=\"" +
           num(py(l.target_y), 1) + "\" y2=\"" + num(py(l.target_y), 1) +
           "\" stroke=\"#b5446e\" stroke-dasharray=\"6 4\"/><text x=\"" + num(left + w - 4, 0) +
           "\" y=\"" + num(py(l.target_y) - 4, 1) + "\" text-anchor=\"end\">" +
           esc(l.target_label) + "</text>";
  out += "<text x=\"" + num(left + w / 2, 0) + "\" y=\"" + num(top + h + 34, 0) +
         "\" text-anchor=\"middle\">" + esc(l.x_label) + "</text>";
  for (std::size_t s = 0; s < l.series.size(); ++s) {
    std::string path;
    for (const auto &[x, y] : l.points[s]) {
      if (!path.empty()) path += ' ';
      path += num(px(x), 1);
      path += ',';
      path += num(py(y), 1);
    }
    out += "<polyline fill=\"none\" stroke-width=\"2\" stroke=\"" + std::string(palette[s % 8]) +
           "\" points=\"" + path + "\"><title>" + esc(l.series[s]) + "</title></polyline>";
    out += "<rect x=\"" + num(left + w + 12, 0) + "\" y=\"" + num(top + 4 + 16 * as_double(s), 0) +
           "\" width=\"10\" height=\"10\" fill=\"" + palette[s % 8] + "\"/><text x=\"" +
           num(left + w + 26, 0) + "\" y=\"" + num(top + 13 + 16 * as_double(s), 0) + "\">" +
           esc(l.series[s]) + "</text>";
  }
  out += "</svg></figure>\n";
}

void heatmap(std::string &out, const Heatmap &m) {
  const double label_w = 190, cell_w = 92, cell_h = 24, head = 30;
  out += "<figure><figcaption>" + esc(m.title) + "</figcaption><svg role=\"img\" viewBox=\"0 0 " +
         num(label_w + cell_w * as_double(m.columns.size()) + 4, 0) + " " +
         num(head + cell_h * as_double(m.rows.size()) + 4, 0) + "\" aria-label=\"" + esc(m.title) +
         "\">";
  for (std::size_t c = 0; c < m.columns.size(); ++c)
    out += "<text x=\"" + num(label_w + cell_w * (as_double(c) + 0.5), 1) +
           "\" y=\"20\" text-anchor=\"middle\">" + esc(m.columns[c]) + "</text>";
  for (std::size_t r = 0; r < m.rows.size(); ++r) {
    const double y = head + as_double(r) * cell_h;
    out += "<text x=\"" + num(label_w - 6, 0) + "\" y=\"" + num(y + 16, 0) +
           "\" text-anchor=\"end\">" + esc(m.rows[r]) + "</text>";
    for (std::size_t c = 0; c < m.columns.size(); ++c) {
      const double v = m.values[r][c];
      // From pale to deep blue; light text on the dark end.
      const int shade = std::isnan(v) ? 240 : static_cast<int>(245 - 190 * std::clamp(v, 0.0, 1.0));
      char fill[16];
      std::snprintf(fill, sizeof fill, "#%02x%02x%02x", shade / 3, shade * 2 / 3 + 20,
                    std::min(255, shade + 60));
      out += "<rect x=\"" + num(label_w + as_double(c) * cell_w, 0) + "\" y=\"" + num(y, 0) +
             "\" width=\"" + num(cell_w - 2, 0) + "\" height=\"" + num(cell_h - 2, 0) +
             "\" fill=\"" + fill + "\"/><text x=\"" +
             num(label_w + (as_double(c) + 0.5) * cell_w, 1) + "\" y=\"" + num(y + 16, 0) +
             "\" text-anchor=\"middle\"" + (v > 0.55 ? " style=\"fill:#fff\"" : "") + ">" +
             (std::isnan(v) ? "–" : num(v * 100, 0) + " %") + "</text>";
    }
  }
  out += "</svg></figure>\n";
}

struct Render {
  std::string &out;
  void operator()(const Paragraph &p) const { out += "<p>" + esc(p.text) + "</p>\n"; }
  void operator()(const TableBlock &t) const {
    out += "<table><thead><tr>";
    for (std::size_t c = 0; c < t.headers.size(); ++c)
      out += std::string("<th") + (t.numeric[c] ? " class=\"n\"" : "") + ">" + esc(t.headers[c]) +
             "</th>";
    out += "</tr></thead><tbody>\n";
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      out += "<tr>";
      for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
        const bool hidden = r < t.suppressed.size() && t.suppressed[r][c];
        if (hidden)
          out +=
              "<td class=\"n suppressed\" title=\"Fewer respondents than the anonymity "
              "threshold\">suppressed</td>";
        else
          out += std::string("<td") + (t.numeric[c] ? " class=\"n\"" : "") + ">" +
                 esc(t.rows[r][c]) + "</td>";
      }
      out += "</tr>\n";
    }
    out += "</tbody></table>\n";
  }
  void operator()(const BarChart &b) const { bar_chart(out, b); }
  void operator()(const LineChart &l) const { line_chart(out, l); }
  void operator()(const Heatmap &h) const { heatmap(out, h); }
  void operator()(const List &l) const {
    out += "<ul class=\"feed\">";
    for (const auto &item : l.items)
      out += "<li>" + esc(item) + "</li>";
    out += "</ul>\n";
  }
};

}  // namespace

std::vector<double> axis_ticks(double low, double high, double step) {
  if (!(high > low)) high = low + 1;
  if (step <= 0) {
    const double raw = (high - low) / 4;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    step = 10 * magnitude;
    for (double m : {1.0, 2.0, 2.5, 5.0})
      if (m * magnitude >= raw) {
        step = m * magnitude;
        break;
      }
  } else {
    step *= std::max(1.0, std::ceil((high - low) / step / 8));
  }
  std::vector<double> out;
  for (double t = std::floor(low / step) * step; out.empty() || out.back() < high; t += step)
    out.push_back(t);
  return out;
}

std::string render_html(const Document &d) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; img-src data:\"><title>" +
      esc(d.title) + "</title><style>" + style + "</style></head><body><main>\n";
  out += "<h1>" + esc(d.title) + "</h1><p class=\"subtitle\">" + esc(d.subtitle) + "</p>\n";
  out += "<nav><ul>";
  for (const auto &s : d.sections)
    out += "<li><a href=\"#" + esc(s.id) + "\">" + esc(s.title) + "</a></li>";
  out += "</ul></nav>\n";
  for (const auto &s : d.sections) {
    out += "<section id=\"" + esc(s.id) + "\"><h2>" + esc(s.title) + "</h2>\n";
    for (const auto &b : s.blocks)
      std::visit(Render{out}, b);
    out += "</section>\n";
  }
  out += "</main></body></html>\n";
  return out;
}

}  // namespace levande::reporting
