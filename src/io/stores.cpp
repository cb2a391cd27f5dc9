// The stores the io layer provides, chosen by location: the core's
// open_store() and create_store() (workspace/store.hpp).
#include <filesystem>
#include <system_error>

#include "levande/error.hpp"
#include "sqlite/sqlite_store.hpp"

namespace levande::detail {

std::unique_ptr<Store> open_store(const std::string &location, const OpenOptions &options) {
  return std::make_unique<SqliteStore>(location, options);
}

std::unique_ptr<Store> create_store(const std::string &location) {
  std::error_code ec;
  if (location != ":memory:" && std::filesystem::exists(location, ec)) {
    throw Error(Errc::already_exists, "path", location, "the file exists; choose a new file");
  }
  return std::make_unique<SqliteStore>(location, OpenOptions{});
}

}  // namespace levande::detail
