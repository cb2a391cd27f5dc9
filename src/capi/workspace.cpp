// The workspace part of the C API: a thin layer over levande::Workspace.
#include <nlohmann/json.hpp>

#include "guard.hpp"
#include "levande.h"
#include "levande/fixtures/synthetic.hpp"
#include "levande/io/check.hpp"
#include "levande/io/csv.hpp"
#include "levande/io/json.hpp"
#include "levande/workspace.hpp"
#include "structs.hpp"

#include "workspace_handle.hpp"

namespace levande::capi {
namespace {
// The setting called `name`, in `s`; refuses other names.
template <class S>
auto &setting(S &s, const char *name) {
  require(name, "name");
  const std::string n = name;
  if (n == "language") return s.language;
  if (n == "currency") return s.currency;
  throw Error(Errc::invalid_argument, "name", n, "is not a setting (language, currency)");
}

// A column of n values from C; NULL is fine only when n is 0.
template <class T, class C = T>
std::span<const T> column(const C *data, size_t n, const char *name) {
  if (n > 0) require(data, name);
  static_assert(sizeof(T) == sizeof(C));
  return {reinterpret_cast<const T *>(data), n};
}

Kind kind_arg(int32_t kind) {
  if (kind < 0 || kind >= static_cast<int32_t>(kind_count)) {
    throw Error(Errc::invalid_argument, "kind", std::to_string(kind),
                "is not a levande_kind value");
  }
  return static_cast<Kind>(kind);
}

}  // namespace
}  // namespace levande::capi

using namespace levande;
using namespace levande::capi;

extern "C" {

levande_status levande_csv_options_init(levande_csv_options *out, size_t struct_size) {
  return init_struct(out, struct_size);
}

const char *levande_kind_name(int32_t kind) {
  return kind < 0 || kind >= static_cast<int32_t>(kind_count)
             ? "?"
             : levande::kind_name(static_cast<Kind>(kind));
}

levande_status levande_kind_from_name(int32_t *out, const char *name, levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    require(name, "name");
    *out = static_cast<int32_t>(kind_from_name(name));
  });
}

levande_status levande_workspace_create(levande_workspace **out, levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    *out = nullptr;
    *out = new levande_workspace{};
  });
}

levande_status levande_workspace_open(levande_workspace **out, const char *path, int32_t read_only,
                                      levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    *out = nullptr;
    require(path, "path");
    auto ws = Workspace::open(path, {.read_only = read_only != 0});
    *out = new levande_workspace{std::move(ws), {}, false};
  });
}

levande_status levande_workspace_check(char **out, const char *path, int32_t repair,
                                       levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    *out = nullptr;
    require(path, "path");
    const auto result = check_workspace(path, repair != 0);
    auto problems = nlohmann::json::array();
    for (const auto &p : result.problems)
      problems.push_back({{"code", static_cast<int>(p.code)},
                          {"field", p.field},
                          {"value", p.value},
                          {"message", p.message},
                          {"action", p.action}});
    const nlohmann::json doc{{"records", result.records},
                             {"kept", result.kept},
                             {"backup", result.backup},
                             {"problems", std::move(problems)}};
    *out = copy_out(doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  });
}

void levande_workspace_destroy(levande_workspace **ws) {
  destroy(ws);
}

const levande_error *levande_workspace_last_error(const levande_workspace *ws) {
  return ws != nullptr && ws->failed ? &ws->last : nullptr;
}

levande_status levande_workspace_save_as(levande_workspace *ws, const char *path,
                                         levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(path, "path");
    ws->ws.save_as(path);
  });
}

levande_status levande_workspace_setting(const char **out, const levande_workspace *ws,
                                         const char *name, levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(out, "out");
    *out = setting(ws->ws.settings(), name).c_str();
  });
}

levande_status levande_workspace_set_setting(levande_workspace *ws, const char *name,
                                             const char *value, levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(value, "value");
    Settings s = ws->ws.settings();
    setting(s, name) = value;
    ws->ws.set_settings(s);
  });
}

levande_status levande_workspace_reload(levande_workspace *ws, levande_error **out_err) {
  return on(ws, out_err, [&] { ws->ws.reload(); });
}

levande_status levande_workspace_apply_json(levande_workspace *ws, const char *operations,
                                            levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(operations, "operations");
    ws->ws.apply(json::batch_from_json(operations));
  });
}

levande_status levande_workspace_import_json(levande_workspace *ws, const char *document,
                                             levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(document, "document");
    import_json(ws->ws, document);
  });
}

levande_status levande_workspace_export_json(char **out, const levande_workspace *ws, int32_t scope,
                                             const char *scope_id, levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(out, "out");
    *out = nullptr;
    if (scope < LEVANDE_SCOPE_ALL || scope > LEVANDE_SCOPE_TEAM) {
      throw Error(Errc::invalid_argument, "scope", std::to_string(scope),
                  "is not a levande_scope value");
    }
    Scope s{static_cast<Scope::Type>(scope), {}};
    if (scope != LEVANDE_SCOPE_ALL) {
      require(scope_id, "scope_id");
      s.id = scope_id;
    }
    *out = copy_out(export_json(ws->ws, s));
  });
}

levande_status levande_workspace_import_csv(size_t *out_imported, char **out_skipped,
                                            levande_workspace *ws, int32_t kind, const char *text,
                                            const levande_csv_options *given,
                                            levande_error **out_err) {
  return on(ws, out_err, [&] {
    if (out_imported) *out_imported = 0;
    if (out_skipped) *out_skipped = nullptr;
    require(text, "text");
    CsvOptions o;
    if (given != nullptr) {
      const auto read = read_struct(given);
      const auto *options = &read;
      if (options->source) o.source = options->source;
      if (options->delimiter < 0 || options->delimiter > 127) {
        throw Error(Errc::invalid_argument, "delimiter", std::to_string(options->delimiter),
                    "must be ',', ';' or a tab");
      }
      o.delimiter = static_cast<char>(options->delimiter);
      o.skip_bad_rows = options->skip_bad_rows != 0;
      o.ignore_unknown_columns = options->ignore_unknown_columns != 0;
      if (options->language) o.language = options->language;
      if (options->mapping_count > 0) {
        require(options->mapping_from, "mapping_from");
        require(options->mapping_to, "mapping_to");
      }
      for (size_t i = 0; i < options->mapping_count; ++i) {
        require(options->mapping_from[i], "mapping_from[i]");
        require(options->mapping_to[i], "mapping_to[i]");
        o.mapping[options->mapping_from[i]] = options->mapping_to[i];
      }
    }
    const auto report = import_csv(ws->ws, kind_arg(kind), text, o);
    nlohmann::json skipped = nlohmann::json::array();
    for (const auto &s : report.skipped) {
      skipped.push_back(
          {{"row", s.row}, {"field", s.field}, {"value", s.value}, {"message", s.message}});
    }
    // The import has happened; only the report copy can still fail (out of memory).
    if (out_skipped) *out_skipped = copy_out(skipped.dump());
    if (out_imported) *out_imported = report.imported;
  });
}

levande_status levande_workspace_count(size_t *out, const levande_workspace *ws, int32_t kind,
                                       levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(out, "out");
    *out = ws->ws.size(kind_arg(kind));
  });
}

levande_status levande_workspace_get_json(char **out, const levande_workspace *ws, int32_t kind,
                                          const char *id, const char *second,
                                          levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(out, "out");
    *out = nullptr;
    require(id, "id");
    const Key key{kind_arg(kind), id, second ? second : ""};
    const auto e = ws->ws.find(key);
    if (!e) {
      throw Error(Errc::not_found, std::string(kind_name(key.kind)) + "[" + key.id + "]", key.id,
                  "no such entity");
    }
    *out = copy_out(json::to_json(*e));
  });
}

levande_status levande_workspace_at_json(char **out, const levande_workspace *ws, int32_t kind,
                                         size_t index, levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(out, "out");
    *out = nullptr;
    *out = copy_out(json::to_json(ws->ws.at(kind_arg(kind), index)));
  });
}

levande_status levande_workspace_index_of(uint32_t *out, const levande_workspace *ws, int32_t kind,
                                          const char *id, levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(out, "out");
    require(id, "id");
    const auto k = kind_arg(kind);
    const auto i = ws->ws.index_of(k, id);
    if (!i) throw Error(Errc::not_found, kind_name(k), id, "no entity with this id");
    *out = *i;
  });
}

levande_status levande_workspace_id_at(const char **out, const levande_workspace *ws, int32_t kind,
                                       uint32_t index, levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(out, "out");
    *out = ws->ws.id_at(kind_arg(kind), index).c_str();
  });
}

levande_status levande_workspace_measurements(levande_measurement_columns *out,
                                              const levande_workspace *ws,
                                              levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(out, "out");
    const auto c = ws->ws.measurements();
    *out = {c.goal.size(), c.goal.data(), reinterpret_cast<const int32_t *>(c.date.data()),
            c.value.data()};
  });
}

levande_status levande_workspace_check_ins(levande_check_in_columns *out,
                                           const levande_workspace *ws, levande_error **out_err) {
  static_assert(sizeof(CheckInStatus) == 1 && sizeof(Outcome) == 1);
  return on(ws, out_err, [&] {
    require(out, "out");
    const auto c = ws->ws.check_ins();
    *out = {c.plan.size(),
            c.plan.data(),
            reinterpret_cast<const int32_t *>(c.scheduled.data()),
            reinterpret_cast<const int32_t *>(c.held.data()),
            reinterpret_cast<const uint8_t *>(c.status.data()),
            reinterpret_cast<const uint8_t *>(c.outcome.data())};
  });
}

levande_status levande_workspace_responses(levande_response_columns *out,
                                           const levande_workspace *ws, levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(out, "out");
    const auto c = ws->ws.responses();
    *out = {c.session.size(), c.session.data(), c.person.data(), c.impact.data(),
            c.needs_support.data()};
  });
}

levande_status levande_workspace_activities(levande_activity_columns *out,
                                            const levande_workspace *ws, levande_error **out_err) {
  static_assert(sizeof(LearningKind) == 1);
  return on(ws, out_err, [&] {
    require(out, "out");
    const auto c = ws->ws.activities();
    *out = {c.person.size(),
            c.person.data(),
            reinterpret_cast<const int32_t *>(c.date.data()),
            c.hours.data(),
            reinterpret_cast<const uint8_t *>(c.kind.data()),
            c.self_initiated.data()};
  });
}

levande_status levande_workspace_append_measurements(levande_workspace *ws, const uint32_t *goal,
                                                     const int32_t *date, const double *value,
                                                     size_t n, levande_error **out_err) {
  return on(ws, out_err, [&] {
    ws->ws.append_measurements(column<uint32_t>(goal, n, "goal"), column<Date>(date, n, "date"),
                               column<double>(value, n, "value"));
  });
}

levande_status levande_workspace_append_check_ins(levande_workspace *ws, const uint32_t *plan,
                                                  const int32_t *scheduled, const uint8_t *status,
                                                  const int32_t *held, const uint8_t *outcome,
                                                  size_t n, levande_error **out_err) {
  return on(ws, out_err, [&] {
    ws->ws.append_check_ins(column<uint32_t>(plan, n, "plan"),
                            column<Date>(scheduled, n, "scheduled"),
                            column<CheckInStatus>(status, n, "status"),
                            column<Date>(held, n, "held"), column<Outcome>(outcome, n, "outcome"));
  });
}

levande_status levande_workspace_append_responses(levande_workspace *ws, const uint32_t *session,
                                                  const uint32_t *person, const uint8_t *impact,
                                                  size_t n, levande_error **out_err) {
  return on(ws, out_err, [&] {
    ws->ws.append_responses(column<uint32_t>(session, n, "session"),
                            column<uint32_t>(person, n, "person"),
                            column<uint8_t>(impact, n, "impact"));
  });
}

levande_status levande_workspace_append_activities(levande_workspace *ws, const uint32_t *person,
                                                   const int32_t *date, const double *hours,
                                                   const uint8_t *kind,
                                                   const uint8_t *self_initiated, size_t n,
                                                   levande_error **out_err) {
  return on(ws, out_err, [&] {
    ws->ws.append_activities(column<uint32_t>(person, n, "person"), column<Date>(date, n, "date"),
                             column<double>(hours, n, "hours"),
                             column<LearningKind>(kind, n, "kind"),
                             column<uint8_t>(self_initiated, n, "self_initiated"));
  });
}

levande_status levande_workspace_synthetic(levande_workspace **out, size_t people, uint64_t seed,
                                           levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    *out = nullptr;
    auto ws = synthetic_organisation({people, seed});
    *out = new levande_workspace{std::move(ws), {}, false};
  });
}

levande_status levande_workspace_export_person_json(char **out, const levande_workspace *ws,
                                                    const char *person_id,
                                                    levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(out, "out");
    *out = nullptr;
    require(person_id, "person_id");
    *out = copy_out(export_person_json(ws->ws, person_id));
  });
}

levande_status levande_workspace_erase_person(char **out_pseudonym, levande_workspace *ws,
                                              const char *person_id, int32_t mode, int32_t date,
                                              const char *actor, const char *reason,
                                              levande_error **out_err) {
  return on(ws, out_err, [&] {
    if (out_pseudonym) *out_pseudonym = nullptr;
    require(person_id, "person_id");
    if (mode != LEVANDE_ERASE_REMOVE && mode != LEVANDE_ERASE_PSEUDONYMISE) {
      throw Error(Errc::invalid_argument, "mode", std::to_string(mode),
                  "is not a levande_erasure value");
    }
    try {
      const auto pseudonym = ws->ws.erase_person(person_id, static_cast<Erasure>(mode), Date(date),
                                                 actor ? actor : "", reason ? reason : "");
      if (out_pseudonym) *out_pseudonym = copy_out(pseudonym);
    } catch (const Error &e) {
      // Erased, not scrubbed: the caller still gets the pseudonym it needs.
      if (e.code() == Errc::scrub_pending && out_pseudonym) *out_pseudonym = copy_out(e.value());
      throw;
    }
  });
}

levande_status levande_workspace_scrub(levande_workspace *ws, levande_error **out_err) {
  return on(ws, out_err, [&] { ws->ws.scrub(); });
}

levande_status levande_workspace_json_schema(char **out, levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    *out = copy_out(json::schema());
  });
}

}  // extern "C"
