// RRULE: parsing, the canonical text, and expansion over a bounded window.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "levande/error.hpp"
#include "levande/recurrence.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char *>(data), size);
  try {
    const auto rule = levande::RecurrenceRule::parse(text);
    // The canonical text reads back as the same rule.
    if (levande::RecurrenceRule::parse(rule.to_string()).to_string() != rule.to_string())
      __builtin_trap();
    const levande::Date start = levande::Date::from_ymd(2026, 1, 31);
    const levande::Recurrence r(rule, start);
    const auto dates = r.between(start, levande::Date(start.days() + 3 * 366), 5000);
    if (!std::is_sorted(dates.begin(), dates.end())) __builtin_trap();
    (void)r.next_after(levande::Date(start.days() + 400));
  } catch (const levande::Error &) {
  }
  return 0;
}
