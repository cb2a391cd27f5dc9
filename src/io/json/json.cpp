#include "levande/io/json.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "json/json_entity.hpp"
#include "levande/error.hpp"
#include "model/schema.hpp"
#include "workspace/impl.hpp"
#include "workspace/txn.hpp"

namespace levande::detail {

using nlohmann::json;

namespace {

std::string shown(const json &v) {
  // Text from CSV cells may be malformed UTF-8: replace, never throw.
  return v.dump(-1, ' ', false, json::error_handler_t::replace);
}

[[noreturn]] void wrong(const std::string &where, const json &v, const char *expected) {
  throw Error(Errc::invalid_argument, where, shown(v), std::string("must be ") + expected);
}

template <class M>
void from_value(const json &v, M &out, const std::string &where) {
  if constexpr (std::is_same_v<M, std::string>) {
    if (!v.is_string()) wrong(where, v, "a string");
    out = v.get<std::string>();
  } else if constexpr (std::is_same_v<M, std::vector<std::string>>) {
    if (!v.is_array()) wrong(where, v, "an array of strings");
    out.clear();
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (!v[i].is_string()) wrong(where + "[" + std::to_string(i) + "]", v[i], "a string");
      out.push_back(v[i].get<std::string>());
    }
  } else if constexpr (std::is_same_v<M, std::vector<std::int32_t>>) {
    if (!v.is_array()) wrong(where, v, "an array of integers");
    out.clear();
    for (std::size_t i = 0; i < v.size(); ++i) {
      std::int32_t x = 0;
      from_value(v[i], x, where + "[" + std::to_string(i) + "]");
      out.push_back(x);
    }
  } else if constexpr (std::is_same_v<M, Date>) {
    if (!v.is_string()) wrong(where, v, "a date string YYYY-MM-DD");
    try {
      out = Date::parse(v.get_ref<const std::string &>());
    } catch (const Error &e) {
      throw Error(e.code(), where, v.get<std::string>(), e.what());
    }
  } else if constexpr (std::is_same_v<M, std::optional<Date>>) {
    if (v.is_null()) {
      out.reset();
    } else {
      Date d;
      from_value(v, d, where);
      out = d;
    }
  } else if constexpr (std::is_same_v<M, double>) {
    if (!v.is_number()) wrong(where, v, "a number");
    out = v.get<double>();
  } else if constexpr (std::is_same_v<M, std::optional<double>>) {
    if (v.is_null()) {
      out.reset();
    } else {
      double d;
      from_value(v, d, where);
      out = d;
    }
  } else if constexpr (std::is_same_v<M, std::int32_t>) {
    if (v.is_number_integer()) {
      const auto i = v.get<std::int64_t>();
      if (i < INT32_MIN || i > INT32_MAX) wrong(where, v, "a 32-bit integer");
      out = static_cast<std::int32_t>(i);
    } else if (v.is_number_float() && std::nearbyint(v.get<double>()) == v.get<double>() &&
               std::fabs(v.get<double>()) < 2e9) {
      out = static_cast<std::int32_t>(v.get<double>());
    } else {
      wrong(where, v, "an integer");
    }
  } else if constexpr (std::is_same_v<M, bool>) {
    if (!v.is_boolean()) wrong(where, v, "true or false");
    out = v.get<bool>();
  } else {
    if (!v.is_string()) wrong(where, v, "a string");
    out = enum_from<M>(v.get_ref<const std::string &>(), where);
  }
}

template <class M>
void to_value(json &obj, std::string_view name, const M &v, bool required) {
  const std::string key(name);
  if constexpr (std::is_same_v<M, std::string> || std::is_same_v<M, std::vector<std::string>>) {
    if (!v.empty() || required) obj[key] = v;
  } else if constexpr (std::is_same_v<M, std::vector<std::int32_t>>) {
    obj[key] = v;  // always written: an empty list differs from the default
  } else if constexpr (std::is_same_v<M, Date>) {
    obj[key] = v.to_string();
  } else if constexpr (std::is_same_v<M, std::optional<Date>>) {
    if (v) obj[key] = v->to_string();
  } else if constexpr (std::is_same_v<M, std::optional<double>>) {
    if (v) obj[key] = *v;
  } else if constexpr (ModelEnum<M>) {
    obj[key] = enum_name(v);
  } else {
    obj[key] = v;
  }
}

}  // namespace

template <class T>
json entity_to_json(const T &e) {
  json obj = json::object();
  for_each_field<T>([&](const auto &f) { to_value(obj, f.name, e.*(f.member), f.required); });
  return obj;
}

template <class T>
T entity_from_json(const json &obj, const std::string &where) {
  if (!obj.is_object()) wrong(where, obj, "an object");
  T e{};
  std::size_t used = 0;
  for_each_field<T>([&](const auto &f) {
    const std::string name(f.name);
    const auto it = obj.find(name);
    using M = std::remove_cvref_t<decltype(e.*(f.member))>;
    constexpr bool always =
        std::is_same_v<M, Date> || std::is_same_v<M, double> || std::is_same_v<M, std::int32_t>;
    if (it == obj.end()) {
      // Required text and all plain dates and numbers must be given; the
      // generated id of participations and ambassadors may be left out.
      const bool derived =
          name == "id" && (std::is_same_v<T, Participation> || std::is_same_v<T, Ambassador>);
      if ((f.required || (always && f.required)) && !derived) {
        throw Error(Errc::invalid_argument, where + "." + name, "", "is required");
      }
      return;
    }
    ++used;
    from_value(*it, e.*(f.member), where + "." + name);
  });
  if (used != obj.size()) {
    for (const auto &[key, value] : obj.items()) {
      bool known = false;
      for_each_field<T>([&](const auto &f) { known = known || f.name == key; });
      if (!known) {
        throw Error(Errc::invalid_argument, where + "." + key, shown(value),
                    std::string("is not a field of ") + kind_name(Schema<T>::kind));
      }
    }
  }
  return e;
}

json entity_to_json_any(const Entity &e) {
  return std::visit([](const auto &x) { return entity_to_json(x); }, e);
}

Entity entity_from_json_any(Kind kind, const json &obj, const std::string &where) {
  return visit_kind(kind, [&]<class T>() -> Entity { return entity_from_json<T>(obj, where); });
}

json parse_json(std::string_view text, const std::string &what) {
  try {
    return json::parse(text.begin(), text.end());
  } catch (const json::parse_error &e) {
    // nlohmann reports "[json.exception.parse_error.101] parse error at line 3, column 7: ..."
    std::string why = e.what();
    if (auto p = why.find("] "); p != std::string::npos) why = why.substr(p + 2);
    throw Error(Errc::parse_error, what, "", why);
  }
}

// ---- Parts of a workspace ------------------------------------------------

namespace {

using Selection = std::array<std::vector<char>, kind_count>;

bool selected(const Selection &s, Kind k, std::uint32_t i) {
  const auto &v = s[static_cast<std::size_t>(k)];
  return !v.empty() && v[i];
}

template <class T>
bool references_selected(const Tables &t, const T &row, const Selection &sel, bool via_people) {
  bool hit = false;
  for_each_ref<T>([&](const auto &f) {
    if (hit || !f.ref) return;
    if (!via_people && (*f.ref == Kind::person || *f.ref == Kind::team)) return;
    auto is_sel = [&](const std::string &id) {
      return visit_kind(*f.ref, [&]<class U>() {
        if constexpr (has_id<U>) {
          auto i = table_of<U>(t).index_of(id);
          return i && selected(sel, *f.ref, *i);
        } else {
          return false;
        }
      });
    };
    const auto &v = row.*(f.member);
    if constexpr (std::is_same_v<std::remove_cvref_t<decltype(v)>, std::string>) {
      hit = !v.empty() && is_sel(v);
    } else {
      hit = std::any_of(v.begin(), v.end(), is_sel);
    }
  });
  return hit;
}

// Adds to `sel` every row (after the root kinds) that references a selected row.
void select_dependents(const Tables &t, Selection &sel, bool via_people) {
  for (std::size_t k = 0; k < kind_count; ++k) {
    const Kind kind = static_cast<Kind>(k);
    if (kind == Kind::team || kind == Kind::person || kind == Kind::training) continue;
    visit_kind(kind, [&]<class T>() {
      const auto &tab = table_of<T>(t);
      auto &mask = sel[k];
      mask.resize(tab.size(), 0);
      for (std::uint32_t i = 0; i < tab.size(); ++i) {
        if (mask[i]) continue;
        if constexpr (has_id<T>) {
          mask[i] = references_selected(t, tab.rows[i], sel, via_people);
        } else {
          mask[i] = references_selected(t, log_row(t, tab, i), sel, via_people);
        }
      }
    });
  }
}

// Adds every row that a selected row references, so the part imports on its own.
void select_referenced(const Tables &t, Selection &sel) {
  bool more = true;
  while (more) {
    more = false;
    for (std::size_t k = kind_count; k-- > 0;) {
      visit_kind(static_cast<Kind>(k), [&]<class T>() {
        const auto &tab = table_of<T>(t);
        sel[k].resize(tab.size(), 0);
        for (std::uint32_t i = 0; i < tab.size(); ++i) {
          if (!sel[k][i]) continue;
          auto visit_row = [&](const T &row) {
            for_each_ref<T>([&](const auto &f) {
              if (!f.ref) return;
              auto add = [&](const std::string &id) {
                visit_kind(*f.ref, [&]<class U>() {
                  if constexpr (has_id<U>) {
                    auto j = table_of<U>(t).index_of(id);
                    auto &mask = sel[static_cast<std::size_t>(*f.ref)];
                    mask.resize(table_of<U>(t).size(), 0);
                    if (j && !mask[*j]) {
                      mask[*j] = 1;
                      more = true;
                    }
                  }
                });
              };
              const auto &v = row.*(f.member);
              if constexpr (std::is_same_v<std::remove_cvref_t<decltype(v)>, std::string>) {
                if (!v.empty()) add(v);
              } else {
                for (const auto &id : v)
                  add(id);
              }
            });
          };
          if constexpr (has_id<T>)
            visit_row(tab.rows[i]);
          else
            visit_row(log_row(t, tab, i));
        }
      });
    }
  }
}

std::string document(const Tables &t, const Selection *sel, const std::vector<AuditRecord> *audit,
                     const std::string *subject) {
  json doc = json::object();
  doc["format"] = ::levande::json::format_name;
  doc["schema_version"] = Workspace::schema_version;
  if (subject) doc["subject"] = *subject;
  for (std::size_t k = 0; k < kind_count; ++k) {
    visit_kind(static_cast<Kind>(k), [&]<class T>() {
      const auto &tab = table_of<T>(t);
      json rows = json::array();
      for (std::uint32_t i = 0; i < tab.size(); ++i) {
        if (sel && !selected(*sel, Schema<T>::kind, i)) continue;
        if constexpr (has_id<T>)
          rows.push_back(entity_to_json(tab.rows[i]));
        else
          rows.push_back(entity_to_json(log_row(t, tab, i)));
      }
      if (!rows.empty()) doc[kind_name(Schema<T>::kind)] = std::move(rows);
    });
  }
  if (audit && !audit->empty()) {
    json rows = json::array();
    for (const auto &r : *audit) {
      rows.push_back({{"date", r.date.to_string()},
                      {"action", r.action},
                      {"subject", r.subject},
                      {"actor", r.actor},
                      {"reason", r.reason}});
    }
    doc["audit_log"] = std::move(rows);
  }
  return doc.dump(1, '\t');
}

}  // namespace

}  // namespace levande::detail

namespace levande {

using Json = nlohmann::json;

std::string Workspace::export_json(const Scope &scope) const {
  const auto &t = impl_->t;
  if (scope.type == Scope::Type::all) return detail::document(t, nullptr, &impl_->audit, nullptr);
  detail::Selection sel;
  for (std::size_t k = 0; k < kind_count; ++k)
    sel[k].assign(size(static_cast<Kind>(k)), 0);
  if (scope.type == Scope::Type::training) {
    const auto i = t.trainings.index_of(scope.id);
    if (!i) throw Error(Errc::not_found, "scope.id", scope.id, "no such training");
    sel[static_cast<std::size_t>(Kind::training)][*i] = 1;
    detail::select_dependents(t, sel, false);
  } else {
    const auto i = t.teams.index_of(scope.id);
    if (!i) throw Error(Errc::not_found, "scope.id", scope.id, "no such team");
    auto &teams = sel[static_cast<std::size_t>(Kind::team)];
    teams[*i] = 1;
    for (bool more = true; more;) {  // sub-teams, at any depth
      more = false;
      for (std::uint32_t j = 0; j < t.teams.size(); ++j) {
        const auto p = t.teams.index_of(t.teams.rows[j].parent);
        if (!teams[j] && p && teams[*p]) teams[j] = more = true;
      }
    }
    auto &people = sel[static_cast<std::size_t>(Kind::person)];
    for (std::uint32_t j = 0; j < t.people.size(); ++j) {
      const auto team = t.teams.index_of(t.people.rows[j].team);
      people[j] = team && teams[*team];
    }
    detail::select_dependents(t, sel, true);
  }
  detail::select_referenced(t, sel);
  return detail::document(t, &sel, nullptr, nullptr);
}

std::string Workspace::export_person_json(std::string_view person_id) const {
  const auto &t = impl_->t;
  const auto i = t.people.index_of(person_id);
  if (!i) throw Error(Errc::not_found, "person", std::string(person_id), "no such person");
  detail::Selection sel;
  for (std::size_t k = 0; k < kind_count; ++k)
    sel[k].assign(size(static_cast<Kind>(k)), 0);
  sel[static_cast<std::size_t>(Kind::person)][*i] = 1;
  // Only what is about the person: records pointing at them and the records
  // under those; other people are named by id but not exported.
  detail::select_dependents(t, sel, true);
  const std::string subject(person_id);
  return detail::document(t, &sel, nullptr, &subject);
}

void Workspace::import_json(std::string_view text) {
  const Json doc = detail::parse_json(text, "document");
  if (!doc.is_object())
    throw Error(Errc::invalid_argument, "document", "", "must be a JSON object");
  const auto format = doc.find("format");
  if (format == doc.end() || !format->is_string() ||
      format->get_ref<const std::string &>() != json::format_name) {
    throw Error(Errc::invalid_argument, "format",
                doc.contains("format") ? doc["format"].dump() : "",
                std::string("must be \"") + json::format_name + "\"");
  }
  const auto version = doc.find("schema_version");
  if (version == doc.end() || !version->is_number_integer()) {
    throw Error(Errc::invalid_argument, "schema_version",
                version == doc.end() ? "" : version->dump(), "must be an integer");
  }
  if (version->get<std::int64_t>() > schema_version || version->get<std::int64_t>() < 1) {
    throw Error(Errc::unsupported, "schema_version", version->dump(),
                "this levande reads schema versions 1 to " + std::to_string(schema_version));
  }
  Batch batch;
  std::vector<AuditRecord> audit;
  for (const auto &[key, value] : doc.items()) {
    if (key == "format" || key == "schema_version" || key == "subject") continue;
    if (key == "audit_log") {
      if (!value.is_array()) throw Error(Errc::invalid_argument, key, "", "must be an array");
      for (std::size_t i = 0; i < value.size(); ++i) {
        const std::string where = key + "[" + std::to_string(i) + "]";
        const auto &r = value[i];
        AuditRecord a;
        try {
          a.date = Date::parse(r.at("date").get<std::string>());
          a.action = r.at("action").get<std::string>();
          a.subject = r.at("subject").get<std::string>();
          a.actor = r.value("actor", std::string());
          a.reason = r.value("reason", std::string());
        } catch (const Error &e) {
          throw e.within(where);
        } catch (const std::exception &e) {
          throw Error(Errc::invalid_argument, where, "",
                      std::string("malformed audit record: ") + e.what());
        }
        audit.push_back(std::move(a));
      }
      continue;
    }
    Kind kind;
    try {
      kind = kind_from_name(key);
      if (key != kind_name(kind)) throw Error(Errc::invalid_argument, "", "", "");
    } catch (const Error &) {
      throw Error(Errc::invalid_argument, key, "", "is not a part of a levande document");
    }
    if (!value.is_array()) throw Error(Errc::invalid_argument, key, "", "must be an array");
    (void)kind;
  }
  // Kinds in dependency order, whatever order the document lists them in.
  for (std::size_t k = 0; k < kind_count; ++k) {
    const auto it = doc.find(kind_name(static_cast<Kind>(k)));
    if (it == doc.end()) continue;
    for (std::size_t i = 0; i < it->size(); ++i) {
      batch.add(detail::entity_from_json_any(static_cast<Kind>(k), (*it)[i],
                                             it.key() + "[" + std::to_string(i) + "]"));
    }
  }
  impl_->apply(batch, std::move(audit));
}

namespace json {

std::string to_json(const Entity &entity) {
  return detail::entity_to_json_any(entity).dump();
}

Entity from_json(Kind kind, std::string_view object) {
  if (static_cast<std::size_t>(kind) >= kind_count) {
    throw Error(Errc::invalid_argument, "kind", std::to_string(static_cast<int>(kind)),
                "is not a kind");
  }
  return detail::entity_from_json_any(kind, detail::parse_json(object, "object"), kind_name(kind));
}

Batch batch_from_json(std::string_view operations) {
  const auto ops = detail::parse_json(operations, "operations");
  if (!ops.is_array())
    throw Error(Errc::invalid_argument, "operations", "", "must be a JSON array");
  Batch batch;
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const std::string where = "operations[" + std::to_string(i) + "]";
    const auto &op = ops[i];
    if (!op.is_object() || !op.contains("op") || !op["op"].is_string() || !op.contains("kind") ||
        !op["kind"].is_string()) {
      throw Error(Errc::invalid_argument, where, detail::shown(op),
                  "must be an object with string members \"op\" and \"kind\"");
    }
    Kind kind;
    try {
      kind = kind_from_name(op["kind"].get<std::string>());
    } catch (const Error &e) {
      throw e.within(where);
    }
    const auto type = op["op"].get<std::string>();
    if (type == "add" || type == "update") {
      if (!op.contains("value"))
        throw Error(Errc::invalid_argument, where + ".value", "", "is required");
      auto e = detail::entity_from_json_any(kind, op["value"], where + ".value");
      type == "add" ? batch.add(std::move(e)) : batch.update(std::move(e));
    } else if (type == "remove") {
      auto text = [&](const char *member) {
        const auto it = op.find(member);
        if (it == op.end()) return std::string();
        if (!it->is_string()) {
          throw Error(Errc::invalid_argument, where + "." + member, detail::shown(*it),
                      "must be a string");
        }
        return it->get<std::string>();
      };
      Key key{kind, text("id"), text("second")};
      bool cascade = false;
      if (const auto it = op.find("cascade"); it != op.end()) {
        if (!it->is_boolean()) {
          throw Error(Errc::invalid_argument, where + ".cascade", detail::shown(*it),
                      "must be true or false");
        }
        cascade = it->get<bool>();
      }
      batch.remove(std::move(key), cascade);
    } else {
      throw Error(Errc::invalid_argument, where + ".op", type, "must be add, update or remove");
    }
  }
  return batch;
}

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
        if (f.ref) s["description"] = std::string("id of a ") + kind_name(*f.ref) + " entry";
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

}  // namespace json
}  // namespace levande
