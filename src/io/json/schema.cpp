// The JSON Schema of the workspace document, generated from the model's
// field registry so that it cannot drift from what import_json() accepts.
#include <nlohmann/json.hpp>

#include "levande/io/json.hpp"
#include "model/schema.hpp"

namespace levande::json {

namespace {

template <class M>
nlohmann::json field_schema() {
  using Json = nlohmann::json;
  if constexpr (std::is_same_v<M, std::string>)
    return {{"type", "string"}};
  else if constexpr (std::is_same_v<M, std::vector<std::string>>)
    return {{"type", "array"}, {"items", {{"type", "string"}}}};
  else if constexpr (std::is_same_v<M, std::vector<std::int32_t>>)
    return {{"type", "array"}, {"items", {{"type", "integer"}}}};
  else if constexpr (std::is_same_v<M, Date>)
    return {{"$ref", "#/$defs/date"}};
  else if constexpr (std::is_same_v<M, std::optional<Date>>)
    return {{"anyOf", Json::array({{{"$ref", "#/$defs/date"}}, {{"type", "null"}}})}};
  else if constexpr (std::is_same_v<M, double>)
    return {{"type", "number"}};
  else if constexpr (std::is_same_v<M, std::optional<double>>)
    return {{"type", Json::array({"number", "null"})}};
  else if constexpr (std::is_same_v<M, std::int32_t>)
    return {{"type", "integer"}};
  else if constexpr (std::is_same_v<M, bool>)
    return {{"type", "boolean"}};
  else {
    Json names = Json::array();
    for (const char *n : detail::EnumNames<M>::names)
      names.push_back(n);
    return {{"enum", names}};
  }
}

}  // namespace

std::string schema() {
  using Json = nlohmann::json;
  Json defs = Json::object();
  defs["date"] = {{"type", "string"}, {"pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}};
  Json props = Json::object();
  props["format"] = {{"const", format_name}};
  props["schema_version"] = {
      {"type", "integer"}, {"minimum", 1}, {"maximum", Workspace::schema_version}};
  props["subject"] = {{"type", "string"}};
  for (std::size_t k = 0; k < kind_count; ++k) {
    detail::visit_kind(static_cast<Kind>(k), [&]<class T>() {
      Json fields = Json::object();
      Json required = Json::array();
      detail::for_each_field<T>([&](const auto &f) {
        using M = std::remove_cvref_t<decltype(std::declval<T>().*(f.member))>;
        Json s = field_schema<M>();
        if (f.ref) s["description"] = std::string("id of an entry in ") + kind_name(*f.ref);
        if (f.required && std::is_same_v<M, std::string>) s["minLength"] = 1;
        fields[std::string(f.name)] = s;
        const bool derived =
            f.name == "id" && (std::is_same_v<T, Participation> || std::is_same_v<T, Ambassador>);
        if (f.required && !derived) required.push_back(std::string(f.name));
      });
      const std::string name = kind_name(detail::Schema<T>::kind);
      defs[name] = {{"type", "object"},
                    {"properties", fields},
                    {"required", required},
                    {"additionalProperties", false}};
      props[name] = {{"type", "array"}, {"items", {{"$ref", "#/$defs/" + name}}}};
    });
  }
  defs["audit_record"] = {{"type", "object"},
                          {"properties",
                           {{"date", {{"$ref", "#/$defs/date"}}},
                            {"action", {{"type", "string"}}},
                            {"subject", {{"type", "string"}}},
                            {"actor", {{"type", "string"}}},
                            {"reason", {{"type", "string"}}}}},
                          {"required", Json::array({"date", "action", "subject"})},
                          {"additionalProperties", false}};
  props["audit_log"] = {{"type", "array"}, {"items", {{"$ref", "#/$defs/audit_record"}}}};
  props["settings"] = {{"type", "object"},
                       {"description", "the workspace's settings (docs/i18n.md)"},
                       {"properties",
                        {{"language",
                          {{"type", "string"},
                           {"pattern", "^[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*$"},
                           {"description", "language of the texts levande writes: en, sv, ..."}}},
                         {"currency",
                          {{"type", "string"},
                           {"pattern", "^[A-Z]{3}$"},
                           {"description", "ISO 4217 code of every amount of money"}}}}},
                       {"additionalProperties", false}};
  Json doc = {{"$schema", "https://json-schema.org/draft/2020-12/schema"},
              {"$id", "urn:levande:schema:workspace:1"},
              {"title", "levande workspace document"},
              {"type", "object"},
              {"properties", props},
              {"required", Json::array({"format", "schema_version"})},
              {"additionalProperties", false},
              {"$defs", defs}};
  return doc.dump(2) + "\n";
}

}  // namespace levande::json
