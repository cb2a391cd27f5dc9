/**
 * @file levande/io/xapi.hpp
 * @brief The follow-up as xAPI (Experience API 1.0.3) statements, for a
 *        learning record store.
 */
#ifndef LEVANDE_IO_XAPI_HPP
#define LEVANDE_IO_XAPI_HPP

#include <string>

#include "levande/date.hpp"
#include "levande/export.h"
#include "levande/workspace.hpp"

namespace levande::xapi {

/** @brief Options of statements(). */
struct Options {
  Date as_of;  ///< Facts dated after this day are left out; required.
  /**
   * @brief Base IRI of the activities and of people's accounts, e.g.
   *        "https://hr.example.se/levande"; no trailing slash.
   */
  std::string base = "https://levande.example/xapi";
};

/**
 * @brief One statement per follow-up fact, as a JSON array (docs/xapi.md):
 *        attended a training (participation), attended a check-in (held),
 *        progressed on a goal (measurement), completed a goal (first
 *        measurement at the target), responded to a feedback session (that a
 *        response was given — its answers stay anonymous), mentored a peer
 *        group (a mentor at a held peer session). Each has actor, verb (ADL
 *        vocabulary; `mentored` from the xAPI registry), object, result where
 *        there is one, context (the training), timestamp and a stable UUID
 *        (version 5 of the fact's key), so exporting again gives the same ids.
 * @throws Error Errc::invalid_argument naming `as_of` or `base`.
 */
LEVANDE_API std::string statements(const Workspace &workspace, const Options &options);

}  // namespace levande::xapi

#endif  // LEVANDE_IO_XAPI_HPP
