// Dates: ISO 8601 parsing and the calendar arithmetic on what parses.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "levande/date.hpp"
#include "levande/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char *>(data), size);
  try {
    const auto d = levande::Date::parse(text);
    // What parses prints back the same way and survives arithmetic at the edges.
    if (levande::Date::parse(d.to_string()) != d) __builtin_trap();
    (void)d.add_months(static_cast<std::int32_t>(size) - 600, levande::MonthEnd::clamp);
    (void)d.weekday();
  } catch (const levande::Error &) {
  }
  return 0;
}
