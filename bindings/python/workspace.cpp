// levande._core.Workspace: the workspace for the Python package. Entities
// cross as JSON text (python/levande/model.py turns them into dataclasses);
// the log kinds cross as numpy columns without per-row Python objects.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <mutex>
#include <shared_mutex>
#include <span>

#include "bind.hpp"
#include "date_caster.hpp"
#include "levande/error.hpp"
#include "levande/fixtures/demo.hpp"
#include "levande/fixtures/synthetic.hpp"
#include "levande/io/check.hpp"
#include "levande/io/csv.hpp"
#include "levande/io/json.hpp"
#include "levande/io/xapi.hpp"
#include "levande/language.hpp"
#include "levande/peers.hpp"
#include "levande/report.hpp"
#include "levande/workspace.hpp"
#include "numpy_dates.hpp"
#include "py_workspace.hpp"

namespace levande::python {
namespace {

namespace py = pybind11;

template <class E>
py::array_t<std::uint8_t> enum_column(std::span<const E> values) {
  static_assert(sizeof(E) == 1);
  py::array_t<std::uint8_t> out(static_cast<py::ssize_t>(values.size()));
  std::memcpy(out.mutable_data(), values.data(), values.size());
  return out;
}

// The columns of a log kind, references as dense int32 codes into ids(kind).
py::dict log_columns(const Workspace &ws, Kind kind) {
  py::dict out;
  auto codes = [](std::span<const std::uint32_t> v) {
    py::array_t<std::int32_t> a(static_cast<py::ssize_t>(v.size()));
    std::copy(v.begin(), v.end(), a.mutable_data());
    return a;
  };
  switch (kind) {
    case Kind::measurement: {
      const auto c = ws.measurements();
      out["goal"] = codes(c.goal);
      out["date"] = date_column(c.date);
      out["value"] = copy_column(c.value);
      break;
    }
    case Kind::check_in: {
      const auto c = ws.check_ins();
      out["plan"] = codes(c.plan);
      out["scheduled"] = date_column(c.scheduled);
      out["status"] = enum_column(c.status);
      out["held"] = date_column(c.held, Date::min());
      out["outcome"] = enum_column(c.outcome);
      break;
    }
    case Kind::response: {
      const auto c = ws.responses();
      out["session"] = codes(c.session);
      out["person"] = codes(c.person);
      out["impact"] = copy_column(c.impact);
      out["needs_support"] = copy_column(c.needs_support);
      break;
    }
    case Kind::activity: {
      const auto c = ws.activities();
      out["person"] = codes(c.person);
      out["date"] = date_column(c.date);
      out["hours"] = copy_column(c.hours);
      out["kind"] = enum_column(c.kind);
      out["self_initiated"] = copy_column(c.self_initiated);
      break;
    }
    default:
      throw Error(Errc::invalid_argument, "kind", kind_name(kind),
                  "is not a log kind (measurements, check_ins, responses, activities)");
  }
  return out;
}

// A date column from any array-like of dates (NaT refused).
std::vector<Date> dates_in(py::handle values, const char *name) {
  auto column = read_dates(to_datetime64_days(values, name), name);
  reject_nat(column, name);
  return std::move(column.dates);
}

// A column of non-negative integers below 2^32 (dense indices, small codes).
template <class T>
std::vector<T> codes_in(py::handle values, const char *name) {
  const py::array array = py::array::ensure(values);
  if (!array) {
    throw Error(Errc::invalid_argument, name,
                py::str(py::repr(values)).cast<std::string>().substr(0, 60),
                "is not a numeric array (numpy cannot convert it)");
  }
  const auto ints = read_int32(array, name);
  using U = typename std::conditional_t<std::is_enum_v<T>, std::underlying_type<T>,
                                        std::type_identity<T>>::type;
  std::vector<T> out(ints.size());
  for (std::size_t i = 0; i < ints.size(); ++i) {
    if (ints[i] < 0 || static_cast<std::uint64_t>(ints[i]) > std::numeric_limits<U>::max()) {
      throw Error(Errc::out_of_range, std::string(name) + "[" + std::to_string(i) + "]",
                  std::to_string(ints[i]), "is not a valid index or code");
    }
    out[i] = static_cast<T>(ints[i]);
  }
  return out;
}

std::vector<double> doubles_in(py::handle values, const char *name) {
  auto a = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(values);
  if (!a) {
    throw Error(Errc::invalid_argument, name,
                py::str(py::repr(values)).cast<std::string>().substr(0, 60),
                "is not a numeric array (numpy cannot convert it)");
  }
  return {a.data(), a.data() + a.size()};
}

}  // namespace

void bind_workspace(py::module_ &m) {
  py::class_<PyWorkspace>(m, "Workspace",
                          "Compiled workspace; use levande.Workspace, which wraps it.")
      .def(py::init<>())
      .def_static(
          "open",
          [](const std::string &path, bool read_only) {
            py::gil_scoped_release unlocked;
            return std::make_unique<PyWorkspace>(Workspace::open(path, {.read_only = read_only}));
          },
          py::arg("path"), py::arg("read_only") = false)
      .def("save_as",
           [](PyWorkspace &self, const std::string &path) {
             auto &ws = self.ws;
             py::gil_scoped_release unlocked;
             std::unique_lock lock(self.mutex);
             ws.save_as(path);
           })
      .def("reload",
           [](PyWorkspace &self) {
             auto &ws = self.ws;
             py::gil_scoped_release unlocked;
             std::unique_lock lock(self.mutex);
             ws.reload();
           })
      .def_property_readonly("path",
                             [](const PyWorkspace &self) {
                               std::shared_lock lock(self.mutex);
                               return self.ws.path();
                             })
      .def("apply_json",
           [](PyWorkspace &self, const std::string &operations) {
             auto &ws = self.ws;
             py::gil_scoped_release unlocked;
             std::unique_lock lock(self.mutex);
             ws.apply(json::batch_from_json(operations));
           })
      .def("import_json",
           [](PyWorkspace &self, const std::string &document) {
             auto &ws = self.ws;
             py::gil_scoped_release unlocked;
             std::unique_lock lock(self.mutex);
             import_json(ws, document);
           })
      .def(
          "export_json",
          [](const PyWorkspace &self, const std::string &scope, const std::string &id) {
            auto &ws = self.ws;
            Scope s;
            if (scope == "training")
              s = {Scope::Type::training, id};
            else if (scope == "team")
              s = {Scope::Type::team, id};
            else if (scope != "all")
              throw Error(Errc::invalid_argument, "scope", scope, "must be all, training or team");
            py::gil_scoped_release unlocked;
            std::shared_lock lock(self.mutex);
            return export_json(ws, s);
          },
          py::arg("scope") = "all", py::arg("id") = "")
      .def(
          "import_csv",
          [](PyWorkspace &self, const std::string &kind, const std::string &text,
             const std::map<std::string, std::string> &mapping, const std::string &delimiter,
             bool skip_bad_rows, bool ignore_unknown_columns, const std::string &source,
             const std::string &language) {
            auto &ws = self.ws;
            if (delimiter.size() != 1) {
              throw Error(Errc::invalid_argument, "delimiter", delimiter, "must be one character");
            }
            CsvOptions o{mapping, ignore_unknown_columns, skip_bad_rows, delimiter[0], source,
                         language};
            const Kind k = kind_from_name(kind);
            CsvReport report;
            {
              py::gil_scoped_release unlocked;
              std::unique_lock lock(self.mutex);
              report = import_csv(ws, k, text, o);
            }
            py::list skipped;
            for (const auto &s : report.skipped) {
              skipped.append(py::make_tuple(s.row, s.field, s.value, s.message));
            }
            return py::make_tuple(report.imported, skipped);
          },
          py::arg("kind"), py::arg("text"), py::arg("mapping"), py::arg("delimiter"),
          py::arg("skip_bad_rows"), py::arg("ignore_unknown_columns"), py::arg("source"),
          py::arg("language") = "")
      .def("size",
           [](const PyWorkspace &self, const std::string &kind) {
             std::shared_lock lock(self.mutex);
             auto &ws = self.ws;
             return ws.size(kind_from_name(kind));
           })
      .def(
          "get_json",
          [](const PyWorkspace &self, const std::string &kind, const std::string &id,
             const std::string &second) -> std::optional<std::string> {
            std::shared_lock lock(self.mutex);
            auto &ws = self.ws;
            const auto e = ws.find({kind_from_name(kind), id, second});
            if (!e) return std::nullopt;
            return json::to_json(*e);
          },
          py::arg("kind"), py::arg("id"), py::arg("second") = "")
      .def("all_json",
           [](const PyWorkspace &self, const std::string &kind) {
             std::shared_lock lock(self.mutex);
             auto &ws = self.ws;
             const Kind k = kind_from_name(kind);
             std::string out = "[";
             for (std::size_t i = 0; i < ws.size(k); ++i) {
               if (i) out += ',';
               out += json::to_json(ws.at(k, i));
             }
             return out + "]";
           })
      .def("ids",
           [](const PyWorkspace &self, const std::string &kind) {
             std::shared_lock lock(self.mutex);
             auto &ws = self.ws;
             const Kind k = kind_from_name(kind);
             if (is_log_kind(k))
               throw Error(Errc::invalid_argument, "kind", kind, "log kinds have no ids");
             py::list out;
             for (std::size_t i = 0; i < ws.size(k); ++i)
               out.append(ws.id_at(k, static_cast<std::uint32_t>(i)));
             return out;
           })
      .def("log_columns",
           [](const PyWorkspace &self, const std::string &kind) {
             std::shared_lock lock(self.mutex);
             auto &ws = self.ws;
             return log_columns(ws, kind_from_name(kind));
           })
      .def("memory_bytes",
           [](const PyWorkspace &self, const std::string &kind) {
             std::shared_lock lock(self.mutex);
             auto &ws = self.ws;
             return ws.memory_bytes(kind_from_name(kind));
           })
      .def("export_person_json",
           [](const PyWorkspace &self, const std::string &id) {
             std::shared_lock lock(self.mutex);
             return export_person_json(self.ws, id);
           })
      .def("erase_person",
           [](PyWorkspace &self, const std::string &id, const std::string &mode, Date date,
              const std::string &actor, const std::string &reason) {
             auto &ws = self.ws;
             Erasure e;
             if (mode == "remove")
               e = Erasure::remove;
             else if (mode == "pseudonymise")
               e = Erasure::pseudonymise;
             else
               throw Error(Errc::invalid_argument, "mode", mode, "must be remove or pseudonymise");
             py::gil_scoped_release unlocked;
             std::unique_lock lock(self.mutex);
             return ws.erase_person(id, e, date, actor, reason);
           })
      .def("scrub",
           [](PyWorkspace &self) {
             py::gil_scoped_release unlocked;
             std::unique_lock lock(self.mutex);
             self.ws.scrub();
           })
      .def("settings",
           [](const PyWorkspace &self) {
             std::shared_lock lock(self.mutex);
             const auto &s = self.ws.settings();
             return py::make_tuple(s.language, s.currency);
           })
      .def("set_settings",
           [](PyWorkspace &self, const std::string &language, const std::string &currency) {
             py::gil_scoped_release unlocked;
             std::unique_lock lock(self.mutex);
             self.ws.set_settings({.language = language, .currency = currency});
           })
      .def("audit_log",
           [](const PyWorkspace &self) {
             std::shared_lock lock(self.mutex);
             auto &ws = self.ws;
             py::list out;
             for (const auto &r : ws.audit_log()) {
               out.append(py::make_tuple(r.date, r.action, r.subject, r.actor, r.reason));
             }
             return out;
           })
      .def("propose_ambassador",
           [](const PyWorkspace &self, const std::string &training) {
             std::shared_lock lock(self.mutex);
             return propose_ambassador(self.ws, training);
           })
      .def("same_content",
           [](const PyWorkspace &self, const PyWorkspace &other) {
             if (&self == &other) return true;
             std::shared_lock a(self.mutex), b(other.mutex);
             return self.ws.same_content(other.ws);
           })
      .def("append_measurements",
           [](PyWorkspace &self, py::handle goal, py::handle date, py::handle value) {
             auto &ws = self.ws;
             const auto g = codes_in<std::uint32_t>(goal, "goal");
             const auto d = dates_in(date, "date");
             const auto v = doubles_in(value, "value");
             py::gil_scoped_release unlocked;
             std::unique_lock lock(self.mutex);
             ws.append_measurements(g, d, v);
           })
      .def("append_check_ins",
           [](PyWorkspace &self, py::handle plan, py::handle scheduled, py::handle status,
              py::handle held, py::handle outcome) {
             auto &ws = self.ws;
             const auto p = codes_in<std::uint32_t>(plan, "plan");
             const auto s = dates_in(scheduled, "scheduled");
             const auto st = codes_in<CheckInStatus>(status, "status");
             auto h = read_dates(to_datetime64_days(held, "held"), "held");
             for (auto i : h.nat)
               h.dates[i] = Date::min();  // NaT: not held
             const auto o = codes_in<Outcome>(outcome, "outcome");
             py::gil_scoped_release unlocked;
             std::unique_lock lock(self.mutex);
             ws.append_check_ins(p, s, st, h.dates, o);
           })
      .def("append_responses",
           [](PyWorkspace &self, py::handle session, py::handle person, py::handle impact) {
             auto &ws = self.ws;
             const auto s = codes_in<std::uint32_t>(session, "session");
             const auto p = codes_in<std::uint32_t>(person, "person");
             const auto i = codes_in<std::uint8_t>(impact, "impact");
             py::gil_scoped_release unlocked;
             std::unique_lock lock(self.mutex);
             ws.append_responses(s, p, i);
           })
      .def("append_activities", [](PyWorkspace &self, py::handle person, py::handle date,
                                   py::handle hours, py::handle kind, py::handle self_initiated) {
        auto &ws = self.ws;
        const auto p = codes_in<std::uint32_t>(person, "person");
        const auto d = dates_in(date, "date");
        const auto h = doubles_in(hours, "hours");
        const auto k = codes_in<LearningKind>(kind, "kind");
        const auto s = codes_in<std::uint8_t>(self_initiated, "self_initiated");
        py::gil_scoped_release unlocked;
        std::unique_lock lock(self.mutex);
        ws.append_activities(p, d, h, k, s);
      });

  m.def(
      "synthetic_organisation",
      [](std::size_t people, std::uint64_t seed) {
        py::gil_scoped_release unlocked;
        return std::make_unique<PyWorkspace>(synthetic_organisation({people, seed}));
      },
      py::arg("people") = 1000, py::arg("seed") = 1);

  m.def(
      "demo_organisation",
      [](Date as_of, std::uint64_t seed) {
        py::gil_scoped_release unlocked;
        return std::make_unique<PyWorkspace>(demo_organisation({as_of, seed}));
      },
      py::arg("as_of"), py::arg("seed"));
  m.def(
      "_report",
      [](const PyWorkspace &self, Date as_of, const std::string &title,
         std::int32_t min_respondents, const std::string &format) {
        ReportFormat f = ReportFormat::html;
        if (format == "markdown")
          f = ReportFormat::markdown;
        else if (format != "html")
          throw Error(Errc::invalid_argument, "format", format, "must be \"html\" or \"markdown\"");
        py::gil_scoped_release unlocked;
        std::shared_lock lock(self.mutex);
        return report(self.ws, {as_of, title, min_respondents}, f);
      },
      py::arg("workspace"), py::arg("as_of"), py::arg("title"), py::arg("min_respondents"),
      py::arg("format"));
  m.def(
      "_xapi_statements",
      [](const PyWorkspace &self, Date as_of, const std::string &base) {
        py::gil_scoped_release unlocked;
        std::shared_lock lock(self.mutex);
        return xapi::statements(self.ws, {as_of, base});
      },
      py::arg("workspace"), py::arg("as_of"), py::arg("base"));
  m.def(
      "_check_workspace",
      [](const std::string &path, bool repair) {
        CheckResult result;
        {
          py::gil_scoped_release unlocked;
          result = check_workspace(path, repair);
        }
        py::list problems;
        for (const auto &p : result.problems)
          problems.append(
              py::make_tuple(p.action, p.field, p.value, p.message, static_cast<int>(p.code)));
        return py::make_tuple(result.records, result.kept, result.backup, problems);
      },
      py::arg("path"), py::arg("repair"));
  m.def("workspace_schema", &json::schema, "The JSON Schema of the workspace document.");
  m.def("languages", &languages, "The languages levande writes.");
  m.def(
      "default_feedback_questions",
      [](const std::string &language) { return default_feedback_questions(language); },
      py::arg("language"));
  m.def(
      "parse_number",
      [](const std::string &text, const std::string &language, const std::string &field) {
        return parse_number(text, language, field.c_str());
      },
      py::arg("text"), py::arg("language"), py::arg("field"));
  m.def("kind_names", [] {
    py::list out;
    for (std::size_t k = 0; k < kind_count; ++k)
      out.append(kind_name(static_cast<Kind>(k)));
    return out;
  });
  m.def(
      "enum_names",
      [] {
        py::dict out;
        for (const auto &e : enum_names()) {
          py::list names;
          for (const char *name : e.names)
            names.append(name);
          out[e.type] = names;
        }
        return out;
      },
      "The names of each enum's values in the order of their codes, by enum.");
}

}  // namespace levande::python
