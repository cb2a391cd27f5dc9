// Whole files in and out, with errors that name the path.
#include "levande/io/files.hpp"

#include <fstream>
#include <sstream>

#include "levande/error.hpp"

namespace levande {

std::string read_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Errc::io_error, "path", path, "cannot open the file for reading");
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad()) throw Error(Errc::io_error, "path", path, "reading the file failed");
  return std::move(out).str();
}

void write_file(const std::string &path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw Error(Errc::io_error, "path", path, "cannot open the file for writing");
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.flush();
  if (!out) throw Error(Errc::io_error, "path", path, "writing the file failed");
}

}  // namespace levande
