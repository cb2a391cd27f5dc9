// CSV imports of each kind the importer takes, strict and skipping bad rows.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.hpp"
#include "levande/error.hpp"
#include "levande/io/csv.hpp"
#include "levande/workspace.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size < 1) return 0;
  static constexpr levande::Kind kinds[] = {levande::Kind::person, levande::Kind::team,
                                            levande::Kind::training, levande::Kind::participation,
                                            levande::Kind::measurement};
  const auto kind = kinds[data[0] % 5];
  levande::CsvOptions options;
  options.skip_bad_rows = (data[0] / 5) % 2 == 1;
  options.delimiter = (data[0] / 10) % 2 == 1 ? ';' : ',';
  const std::string_view text(reinterpret_cast<const char *>(data + 1), size - 1);
  levande::Workspace ws = levande::fuzz::example();
  try {
    (void)levande::import_csv(ws, kind, text, options);
  } catch (const levande::Error &e) {
    if (e.code() == levande::Errc::internal) __builtin_trap();
  }
  return 0;
}
