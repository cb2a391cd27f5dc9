// The workspace document (format "levande", docs/workspace.schema.json):
// the whole workspace or a part of it as JSON, and a document read back as
// one batch.
#include <optional>

#include <nlohmann/json.hpp>

#include "json/entity_codec.hpp"
#include "levande/error.hpp"
#include "levande/io/json.hpp"
#include "model/schema.hpp"
#include "workspace/access.hpp"
#include "workspace/model_view.hpp"
#include "workspace/parts.hpp"
#include "workspace/rows.hpp"

namespace levande {
namespace detail {
namespace {

using nlohmann::json;

std::string document(const Tables &t, const Selection *sel, const std::vector<AuditRecord> *audit,
                     const std::string *subject) {
  json doc = json::object();
  doc["format"] = ::levande::json::format_name;
  doc["schema_version"] = Workspace::schema_version;
  if (subject) doc["subject"] = *subject;
  // The whole workspace carries its settings; a part of it (a scope, one
  // person's data) does not.
  if (!sel)
    doc["settings"] = {{"language", t.settings.language}, {"currency", t.settings.currency}};
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
}  // namespace detail

std::string export_json(const Workspace &workspace, const Scope &scope) {
  const detail::ModelView view(workspace);
  if (scope.type == Scope::Type::all)
    return detail::document(view.tables(), nullptr, &view.audit(), nullptr);
  const auto sel = detail::select_scope(view.tables(), scope);
  return detail::document(view.tables(), &sel, nullptr, nullptr);
}

std::string export_person_json(const Workspace &workspace, std::string_view person_id) {
  const detail::ModelView view(workspace);
  const auto i = view.tables().people.index_of(person_id);
  if (!i) throw Error(Errc::not_found, "person", std::string(person_id), "no such person");
  const auto sel = detail::select_person(view.tables(), *i);
  const std::string subject(person_id);
  return detail::document(view.tables(), &sel, nullptr, &subject);
}

void import_json(Workspace &workspace, std::string_view text) {
  nlohmann::json doc = detail::parse_json(text, "document");
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
  if (version->get<std::int64_t>() > Workspace::schema_version ||
      version->get<std::int64_t>() < 1) {
    throw Error(
        Errc::unsupported, "schema_version", version->dump(),
        "this levande reads schema versions 1 to " + std::to_string(Workspace::schema_version));
  }
  // Documents of older schema versions: what they hold, in today's fields.
  if (version->get<std::int64_t>() < 4) {
    // Version 4 renamed an action plan's "due" (when it is agreed) to "agreed_by".
    const auto plans = doc.find("action_plans");
    if (plans != doc.end() && plans->is_array())
      for (auto &plan : *plans)
        if (plan.is_object() && plan.contains("due") && !plan.contains("agreed_by")) {
          plan["agreed_by"] = std::move(plan["due"]);
          plan.erase("due");
        }
  }
  Batch batch;
  std::vector<AuditRecord> audit;
  std::optional<Settings> settings;
  for (const auto &[key, value] : doc.items()) {
    if (key == "format" || key == "schema_version" || key == "subject") continue;
    if (key == "settings") {
      if (!value.is_object()) throw Error(Errc::invalid_argument, key, "", "must be an object");
      settings = workspace.settings();
      for (const auto &[name, v] : value.items()) {
        std::string *field = name == "language"   ? &settings->language
                             : name == "currency" ? &settings->currency
                                                  : nullptr;
        if (field == nullptr) {
          throw Error(Errc::invalid_argument, "settings." + name, "",
                      "is not a setting (language, currency)");
        }
        if (!v.is_string())
          throw Error(Errc::invalid_argument, "settings." + name, v.dump(), "must be a string");
        *field = v.get<std::string>();
      }
      continue;
    }
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
  detail::WorkspaceAccess::apply(workspace, batch, std::move(audit),
                                 settings ? &*settings : nullptr);
}

}  // namespace levande
