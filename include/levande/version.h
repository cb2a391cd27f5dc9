/**
 * @file levande/version.h
 * @brief The single source of the levande version, for C and C++.
 *
 * CMake and the Python package read the three `LEVANDE_VERSION_*` lines
 * below, so this file is the only place a release bumps. It is plain
 * preprocessor text, included by the C header `levande.h` and by
 * levande/version.hpp.
 */
#ifndef LEVANDE_VERSION_H
#define LEVANDE_VERSION_H

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

#endif /* LEVANDE_VERSION_H */
