// The .ics writer's text fields: whatever text a user typed, the output
// stays well-formed iCalendar — lines of at most 75 octets ending in CRLF,
// each a property name or a fold, one VEVENT per event, valid UTF-8 — so no
// field can inject a property or a component.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "levande/error.hpp"
#include "levande/io/ical.hpp"

namespace {

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80         ? 1
                          : (c >> 5) == 6  ? 2
                          : (c >> 4) == 14 ? 3
                          : (c >> 3) == 30 ? 4
                                           : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  // The input, split at NUL bytes, fills the text fields in turn.
  std::vector<std::string> parts(1);
  for (std::size_t i = 0; i < size; ++i) {
    if (data[i] == 0)
      parts.emplace_back();
    else
      parts.back() += static_cast<char>(data[i]);
  }
  parts.resize(6);
  levande::ical::Event e;
  e.uid = "fuzz-1@levande";
  e.summary = parts[0].empty() ? "x" : parts[0];
  e.description = parts[1];
  e.categories = {parts[2]};
  e.date = levande::Date::from_ymd(2026, 3, 10);
  e.attendees = {{parts[3], "a@example.se"}};
  e.organizer = levande::ical::Person{parts[4], "o@example.se"};
  e.alarms = {{15, parts[5]}};
  levande::ical::Todo todo;
  todo.uid = "fuzz-2@levande";
  todo.summary = e.summary;
  todo.description = parts[1];
  std::string out;
  try {
    out = levande::ical::write({&e, 1}, {&todo, 1}, {.stamp = e.date});
  } catch (const levande::Error &err) {
    if (err.code() == levande::Errc::internal) __builtin_trap();
    return 0;
  }
  if (!valid_utf8(out)) __builtin_trap();
  std::size_t events = 0;
  for (std::size_t at = 0; at < out.size();) {
    const auto end = out.find("\r\n", at);
    if (end == std::string::npos) __builtin_trap();  // every line ends in CRLF
    const std::string_view line(out.data() + at, end - at);
    if (line.size() > 75) __builtin_trap();
    if (line.find_first_of("\r\n") != std::string_view::npos) __builtin_trap();
    if (!line.empty() && line[0] != ' ') {
      std::size_t n = 0;
      while (n < line.size() && ((line[n] >= 'A' && line[n] <= 'Z') || line[n] == '-' ||
                                 (line[n] >= '0' && line[n] <= '9')))
        ++n;
      if (n == 0 || n == line.size() || (line[n] != ':' && line[n] != ';')) __builtin_trap();
    }
    if (line == "BEGIN:VEVENT") ++events;
    at = end + 2;
  }
  if (events != 1) __builtin_trap();
  return 0;
}
