// Entities as JSON objects and back, field by field from the model's field
// registry (model/schema.hpp): the JSON document, batches, CSV rows (which
// become JSON objects) and the C and Python APIs all go through here.
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "json/entity_codec.hpp"
#include "levande/error.hpp"
#include "levande/io/json.hpp"
#include "model/schema.hpp"

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
  } else if constexpr (NamedEnum<M>) {
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
  // Schema 4 split an action plan's "due" in two (docs/schedule.md); older
  // documents are converted before they get here (document.cpp).
  if constexpr (std::is_same_v<T, ActionPlan>) {
    if (const auto due = obj.find("due"); due != obj.end())
      throw Error(Errc::invalid_argument, where + ".due", shown(*due),
                  "is not a field of action_plans since schema version 4: use agreed_by (when "
                  "the plan is to be agreed) or ends (when its follow-up ends)");
  }
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
      for_each_field<T>([&, &name = key](const auto &f) { known = known || f.name == name; });
      if (!known) {
        throw Error(Errc::invalid_argument, where + "." + key, shown(value),
                    std::string("is not a field of ") + kind_name(Schema<T>::kind));
      }
    }
  }
  return e;
}

#define LEVANDE_INSTANTIATE(T) template json entity_to_json<T>(const T &);
LEVANDE_FOR_EACH_ENTITY(LEVANDE_INSTANTIATE)
#undef LEVANDE_INSTANTIATE

json entity_to_json_any(const Entity &e) {
  return std::visit([](const auto &x) { return entity_to_json(x); }, e);
}

Entity entity_from_json_any(Kind kind, const json &obj, const std::string &where) {
  return visit_kind(kind, [&]<class T>() -> Entity { return entity_from_json<T>(obj, where); });
}

json parse_json(std::string_view text, const std::string &what) {
  if (text.size() > limits::document_bytes)
    throw Error(Errc::out_of_range, what, std::to_string(text.size()) + " bytes",
                "is larger than the " + std::to_string(limits::document_bytes >> 20) +
                    " MiB a document may be");
  try {
    return json::parse(text.begin(), text.end());
  } catch (const json::parse_error &e) {
    // nlohmann reports "[json.exception.parse_error.101] parse error at line 3, column 7: ..."
    std::string why = e.what();
    if (auto p = why.find("] "); p != std::string::npos) why = why.substr(p + 2);
    throw Error(Errc::parse_error, what, "", why);
  } catch (const json::out_of_range &e) {
    // A number beyond double ("number overflow parsing '1e999'"): the parser
    // names the token but not where it is, so find it.
    const std::string message = e.what();
    const auto open = message.find('\''), close = message.rfind('\'');
    std::string token = open < close ? message.substr(open + 1, close - open - 1) : "";
    std::string where;
    if (const auto at = token.empty() ? std::string_view::npos : text.find(token);
        at != std::string_view::npos) {
      const auto line =
          1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n');
      const auto start = text.rfind('\n', at);
      const auto column = at - (start == std::string_view::npos ? 0 : start + 1) + 1;
      where = "parse error at line " + std::to_string(line) + ", column " + std::to_string(column) +
              ": ";
    }
    throw Error(Errc::parse_error, what, token,
                where + "the number is too large for a double (at most about 1.8e308)");
  }
}

}  // namespace levande::detail

namespace levande {

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

}  // namespace json
}  // namespace levande
