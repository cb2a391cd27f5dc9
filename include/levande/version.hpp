/**
 * @file levande/version.hpp
 * @brief The single source of the levande version.
 *
 * CMake and the Python package read the three `LEVANDE_VERSION_*` lines
 * below, so this file is the only place a release bumps. It is plain
 * preprocessor text so that the C header `levande.h` can include it too.
 */
#ifndef LEVANDE_VERSION_HPP
#define LEVANDE_VERSION_HPP

/** Major version: the ABI of the C API is frozen while this stays the same. */
#define LEVANDE_VERSION_MAJOR 0
/** Minor version: grows with backwards-compatible additions. */
#define LEVANDE_VERSION_MINOR 1
/** Patch version: grows with fixes only. */
#define LEVANDE_VERSION_PATCH 0

/** The version as one comparable integer: major * 10000 + minor * 100 + patch. */
#define LEVANDE_VERSION_NUMBER \
  (LEVANDE_VERSION_MAJOR * 10000 + LEVANDE_VERSION_MINOR * 100 + LEVANDE_VERSION_PATCH)

/** @cond LEVANDE_INTERNAL */
#define LEVANDE_STRINGIFY_DETAIL(x) #x
#define LEVANDE_STRINGIFY(x) LEVANDE_STRINGIFY_DETAIL(x)
/** @endcond */

/** The version as a string literal, "MAJOR.MINOR.PATCH". */
#define LEVANDE_VERSION_STRING             \
  LEVANDE_STRINGIFY(LEVANDE_VERSION_MAJOR) \
  "." LEVANDE_STRINGIFY(LEVANDE_VERSION_MINOR) "." LEVANDE_STRINGIFY(LEVANDE_VERSION_PATCH)

#ifdef __cplusplus
#include "levande/export.h"

namespace levande {

/**
 * @brief The version of the library the program runs against, "MAJOR.MINOR.PATCH".
 *
 * Compare with #LEVANDE_VERSION_STRING (the headers compiled against) to detect
 * a mismatch between headers and the loaded shared library. The string is static.
 */
LEVANDE_API const char *version() noexcept;

}  // namespace levande
#endif

#endif  // LEVANDE_VERSION_HPP
