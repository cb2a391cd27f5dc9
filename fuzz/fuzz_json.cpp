// JSON workspace documents: import into an empty workspace; what imports
// exports and imports again to the same content.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "levande/error.hpp"
#include "levande/io/json.hpp"
#include "levande/workspace.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char *>(data), size);
  levande::Workspace ws;
  try {
    levande::import_json(ws, text);
  } catch (const levande::Error &e) {
    if (e.code() == levande::Errc::internal) __builtin_trap();
    return 0;
  }
  levande::Workspace again;
  levande::import_json(again, levande::export_json(ws));
  if (!again.same_content(ws)) __builtin_trap();
  return 0;
}
