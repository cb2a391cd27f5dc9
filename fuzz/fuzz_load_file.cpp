// The database loader on mutated workspace files (raw SQLite bytes).
#include <cstddef>
#include <cstdint>

#include "fuzz_load.hpp"
#include "levande/io/files.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const auto path = levande::fuzz::scratch("file.levande");
  levande::write_file(path, std::string_view(reinterpret_cast<const char *>(data), size));
  levande::fuzz::exercise(path);
  return 0;
}
