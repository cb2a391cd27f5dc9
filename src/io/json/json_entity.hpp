// Entity <-> nlohmann::json conversion, shared by the JSON document, CSV
// import (rows become JSON objects) and the bindings.
#ifndef LEVANDE_SRC_IO_JSON_JSON_ENTITY_HPP
#define LEVANDE_SRC_IO_JSON_JSON_ENTITY_HPP

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "levande/workspace.hpp"

namespace levande::detail {

nlohmann::json entity_to_json_any(const Entity &e);
// `where` names the object in errors, e.g. "people[3]" or "people.csv:7".
Entity entity_from_json_any(Kind kind, const nlohmann::json &obj, const std::string &where);
// Parses JSON text; malformed text is Errc::parse_error naming `what` with line and column.
nlohmann::json parse_json(std::string_view text, const std::string &what);

}  // namespace levande::detail

#endif
