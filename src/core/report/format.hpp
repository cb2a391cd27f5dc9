// What the report writes numbers and table columns as (build.cpp): shares
// as "42 %", money with grouped digits, "1 training" / "3 trainings", and a
// metrics column read as doubles or text.
#ifndef LEVANDE_SRC_CORE_REPORT_FORMAT_HPP
#define LEVANDE_SRC_CORE_REPORT_FORMAT_HPP

#include <cstddef>
#include <string>
#include <vector>

#include "levande/table.hpp"

namespace levande::reporting {

// A column as doubles (integer columns converted; other columns empty).
std::vector<double> numbers(const Table &t, const char *column);
// A dictionary column as text (null: empty).
std::vector<std::string> words(const Table &t, const char *column);
// With this many decimals; NaN as "–".
std::string fixed(double v, int decimals);
// A share 0..1 as whole percent, "42 %"; NaN as "–".
std::string percent(double share);
// Rounded, digits grouped by threes with no-break spaces, "−" for minus.
std::string money(double v);
// "1 training", "3 trainings".
std::string count_of(std::size_t n, const char *one, const char *many);
// The verdict codes of training_outcomes(), as the report says them.
const char *verdict_text(const std::string &code);

}  // namespace levande::reporting

#endif
