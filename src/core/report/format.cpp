// What the report writes numbers and table columns as (format.hpp).
#include "report/format.hpp"

#include <cmath>
#include <cstdio>
#include <type_traits>
#include <variant>

namespace levande::reporting {

std::vector<double> numbers(const Table &t, const char *column) {
  return std::visit(
      [](const auto &v) -> std::vector<double> {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, std::vector<double>>)
          return v;
        else if constexpr (std::is_same_v<V, std::vector<std::int32_t>> ||
                           std::is_same_v<V, std::vector<std::uint32_t>> ||
                           std::is_same_v<V, std::vector<std::uint8_t>>)
          return {v.begin(), v.end()};
        else
          return {};
      },
      t[column]);
}

std::vector<std::string> words(const Table &t, const char *column) {
  const auto &d = std::get<DictionaryColumn>(t[column]);
  std::vector<std::string> out;
  for (auto c : d.codes)
    out.push_back(c < 0 ? std::string() : d.words[static_cast<std::size_t>(c)]);
  return out;
}

std::string fixed(double v, int decimals) {
  if (std::isnan(v)) return "–";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
  return buffer;
}

std::string percent(double share) {
  return std::isnan(share) ? "–" : fixed(share * 100, 0) + " %";
}

std::string money(double v) {
  if (std::isnan(v)) return "–";
  std::string digits = fixed(std::round(v), 0), out;
  const bool negative = !digits.empty() && digits[0] == '-';
  if (negative) digits.erase(0, 1);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += "\u00a0";  // thin grouping, no-break
    out += digits[i];
  }
  return (negative ? "−" : "") + out;
}

std::string count_of(std::size_t n, const char *one, const char *many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

const char *verdict_text(const std::string &code) {
  if (code == "sticking") return "Sticking";
  if (code == "needs_attention") return "Needs attention";
  if (code == "not_sticking") return "Not sticking";
  if (code == "too_early") return "Too early to tell";
  return "Not started";
}

}  // namespace levande::reporting
