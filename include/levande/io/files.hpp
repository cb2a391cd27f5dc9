/**
 * @file levande/io/files.hpp
 * @brief Whole files as bytes: what the importers and exporters read and write.
 */
#ifndef LEVANDE_IO_FILES_HPP
#define LEVANDE_IO_FILES_HPP

#include <string>
#include <string_view>

#include "levande/export.h"

namespace levande {

/** @brief Reads a whole file as bytes; @throws Error Errc::io_error naming the path. */
LEVANDE_API std::string read_file(const std::string &path);
/** @brief Writes bytes to a file, replacing it; @throws Error Errc::io_error naming the path. */
LEVANDE_API void write_file(const std::string &path, std::string_view bytes);

}  // namespace levande

#endif  // LEVANDE_IO_FILES_HPP
