// Batches of operations (JSON) applied to the example programme: applied
// whole or not at all, and what was refused leaves the workspace as it was.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.hpp"
#include "levande/error.hpp"
#include "levande/io/json.hpp"
#include "levande/metrics.hpp"
#include "levande/workspace.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  static const levande::Workspace original = levande::fuzz::example();
  const std::string_view text(reinterpret_cast<const char *>(data), size);
  levande::Workspace ws = levande::fuzz::example();
  try {
    ws.apply(levande::json::batch_from_json(text));
  } catch (const levande::Error &e) {
    if (e.code() == levande::Errc::internal) __builtin_trap();
    if (!ws.same_content(original)) __builtin_trap();  // all or nothing
    return 0;
  }
  // Whatever was accepted can be measured.
  (void)levande::metrics_pass(ws, levande::Date::from_ymd(2026, 6, 30));
  return 0;
}
