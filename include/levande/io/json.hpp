/**
 * @file levande/io/json.hpp
 * @brief JSON forms of entities and batches, and the JSON Schema of the
 *        workspace document.
 *
 * Dates are "YYYY-MM-DD" strings, enums their names (e.g. "not_applied"),
 * lists arrays of strings. Unknown keys are refused, so a typo never drops
 * data silently. The workspace document itself is written and read by
 * export_json() and import_json().
 */
#ifndef LEVANDE_IO_JSON_HPP
#define LEVANDE_IO_JSON_HPP

#include <string>
#include <string_view>

#include "levande/export.h"
#include "levande/workspace.hpp"

namespace levande::json {

/** @brief The format name written into every document ("levande"). */
inline constexpr const char *format_name = "levande";

/** @brief An entity as a JSON object (empty texts, lists and absent values are left out). */
LEVANDE_API std::string to_json(const Entity &entity);

/**
 * @brief An entity of @p kind from a JSON object.
 * @throws Error Errc::parse_error for malformed JSON; Errc::invalid_argument
 *         naming the field for unknown keys, wrong types or missing required fields.
 */
LEVANDE_API Entity from_json(Kind kind, std::string_view object);

/**
 * @brief A batch from a JSON array of operations:
 *        `{"op": "add"|"update", "kind": "people", "value": {...}}` or
 *        `{"op": "remove", "kind": "teams", "id": "t1", "second": "", "cascade": false}`.
 * @throws Error as from_json(), naming the operation's index.
 */
LEVANDE_API Batch batch_from_json(std::string_view operations);

/** @brief The JSON Schema (draft 2020-12) of the workspace document; docs/workspace.schema.json
 * holds a copy. */
LEVANDE_API std::string schema();

}  // namespace levande::json

namespace levande {

/**
 * @brief The workspace or a part as a JSON document (format "levande",
 *        see docs/workspace.schema.json). A part also carries every entity
 *        its records reference, so it imports into an empty workspace.
 * @throws Error Errc::not_found for an unknown training or team.
 */
LEVANDE_API std::string export_json(const Workspace &workspace, const Scope &scope = {});

/**
 * @brief Adds every entity of a JSON document as one batch.
 * @throws Error Errc::parse_error for malformed JSON (with line and
 *         column), Errc::unsupported for a newer schema_version, and the
 *         errors of Workspace::apply() with the JSON path of the entity;
 *         the workspace is then unchanged.
 */
LEVANDE_API void import_json(Workspace &workspace, std::string_view document);

/**
 * @brief Everything about one person as a JSON document (GDPR access
 *        request): the person and the records about them.
 * @throws Error Errc::not_found for an unknown person.
 */
LEVANDE_API std::string export_person_json(const Workspace &workspace, std::string_view person_id);

}  // namespace levande

#endif  // LEVANDE_IO_JSON_HPP
