/**
 * @file levande/export.h
 * @brief Symbol visibility for the levande shared library (C and C++).
 *
 * The library is built with hidden visibility; only symbols marked
 * #LEVANDE_API are exported. Define `LEVANDE_STATIC` when linking a static
 * build of levande (the Python extension does).
 */
#ifndef LEVANDE_EXPORT_H
#define LEVANDE_EXPORT_H

#if defined(LEVANDE_STATIC)
#define LEVANDE_API
#elif defined(_WIN32) || defined(__CYGWIN__)
#if defined(LEVANDE_BUILDING)
#define LEVANDE_API __declspec(dllexport)
#else
#define LEVANDE_API __declspec(dllimport)
#endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#define LEVANDE_API __attribute__((visibility("default")))
#else
/** Marks a symbol as part of the library's public, exported interface. */
#define LEVANDE_API
#endif

#if defined(__GNUC__) && __GNUC__ >= 4 && !defined(_WIN32) && !defined(__CYGWIN__)
#define LEVANDE_LOCAL __attribute__((visibility("hidden")))
#else
/** Marks a nested type of an exported class as internal: its members stay inside the library. */
#define LEVANDE_LOCAL
#endif

#endif /* LEVANDE_EXPORT_H */
