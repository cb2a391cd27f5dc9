// Entity <-> nlohmann::json conversion (entity_codec.cpp), shared by the JSON
// document, batches and CSV import (rows become JSON objects).
#ifndef LEVANDE_SRC_IO_JSON_ENTITY_CODEC_HPP
#define LEVANDE_SRC_IO_JSON_ENTITY_CODEC_HPP

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "levande/workspace.hpp"

namespace levande::detail {

// An entity as a JSON object (made for every entity type in entity_codec.cpp).
template <class T>
nlohmann::json entity_to_json(const T &e);
nlohmann::json entity_to_json_any(const Entity &e);
// `where` names the object in errors, e.g. "people[3]" or "people.csv:7".
Entity entity_from_json_any(Kind kind, const nlohmann::json &obj, const std::string &where);
// Parses JSON text; malformed text is Errc::parse_error naming `what` with line and column.
nlohmann::json parse_json(std::string_view text, const std::string &what);

}  // namespace levande::detail

#endif
