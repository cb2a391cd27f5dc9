/**
 * @file levande/version.hpp
 * @brief The version of the library at run time (the macros are in levande/version.h).
 */
#ifndef LEVANDE_VERSION_HPP
#define LEVANDE_VERSION_HPP

#include "levande/export.h"
#include "levande/version.h"

namespace levande {

/**
 * @brief The version of the library the program runs against, "MAJOR.MINOR.PATCH".
 *
 * Compare with #LEVANDE_VERSION_STRING (the headers compiled against) to detect
 * a mismatch between headers and the loaded shared library. The string is static.
 */
LEVANDE_API const char *version() noexcept;

}  // namespace levande

#endif  // LEVANDE_VERSION_HPP
