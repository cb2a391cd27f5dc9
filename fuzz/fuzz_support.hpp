// Shared by the fuzz targets: the example programme (examples/data) as a
// workspace, and as a saved file for the loader targets.
#ifndef LEVANDE_FUZZ_FUZZ_SUPPORT_HPP
#define LEVANDE_FUZZ_FUZZ_SUPPORT_HPP

#include <string>

#include "levande/io/files.hpp"
#include "levande/io/json.hpp"
#include "levande/workspace.hpp"

namespace levande::fuzz {

inline Workspace example() {
  static const std::string document =
      read_file(std::string(LEVANDE_SOURCE_DIR) + "/examples/data/programme.json");
  Workspace ws;
  import_json(ws, document);
  return ws;
}

}  // namespace levande::fuzz

#endif
