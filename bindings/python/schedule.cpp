// The follow-up scheduler from Python: plans, the event table as numpy
// columns, agenda, overdue items and .ics. The pandas shaping is in
// python/levande/schedule.py.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "bind.hpp"
#include "date_caster.hpp"
#include "levande/io/schedule_ics.hpp"
#include "levande/schedule.hpp"
#include "py_table.hpp"
#include "py_workspace.hpp"

namespace levande::python {

namespace py = pybind11;

namespace {

ScheduleOptions options(Date as_of, Date until, const std::string &scope,
                        const std::string &scope_id,
                        const std::map<std::string, Calendar> &calendars,
                        const std::string &default_calendar) {
  ScheduleOptions o;
  o.as_of = as_of;
  o.until = until;
  if (scope == "training")
    o.scope = {Scope::Type::training, scope_id};
  else if (scope == "team")
    o.scope = {Scope::Type::team, scope_id};
  for (const auto &[code, cal] : calendars)
    o.calendars.emplace(code, cal);
  o.default_calendar = default_calendar;
  return o;
}

py::array_t<std::int32_t> codes(std::span<const std::uint32_t> v) {
  py::array_t<std::int32_t> a(static_cast<py::ssize_t>(v.size()));
  auto *out = a.mutable_data();
  for (std::size_t i = 0; i < v.size(); ++i)
    out[i] = v[i] == no_index ? -1 : static_cast<std::int32_t>(v[i]);
  return a;
}

}  // namespace

void bind_schedule(py::module_ &m) {
  py::class_<Schedule>(m, "Schedule", "Compiled schedule; use levande.Schedule, which wraps it.")
      .def("__len__", [](const Schedule &s) { return s.events.size(); })
      .def("columns",
           [](const Schedule &s) {
             const auto &e = s.events;
             py::dict d;
             d["date"] = date_column(e.date);
             d["nominal"] = date_column(e.nominal);
             d["person"] = codes(e.person);
             d["series"] = codes(e.series);
             d["flags"] = copy_column<std::uint8_t>(e.flags);
             return d;
           })
      .def(
          "table",
          [](const Schedule &s, const PyWorkspace &self,
             std::optional<py::array_t<std::uint32_t, py::array::c_style | py::array::forcecast>>
                 rows) {
            std::optional<std::span<const std::uint32_t>> selected;
            if (rows) selected = std::span<const std::uint32_t>(rows->data(), rows->size());
            py::gil_scoped_release unlocked;
            std::shared_lock lock(self.mutex);
            return PyTable{std::make_shared<const Table>(event_table(self.ws, s.events, selected))};
          },
          py::arg("workspace"), py::arg("rows") = py::none())
      .def("series",
           [](const Schedule &s, const PyWorkspace &self) {
             std::shared_lock lock(self.mutex);
             const auto &e = s.events;
             const auto n = e.series_list.size();
             py::array_t<std::uint8_t> kind(static_cast<py::ssize_t>(n));
             std::vector<std::uint32_t> training(n), policy(n);
             py::list title, key, record, record_kind, rule;
             for (std::size_t i = 0; i < n; ++i) {
               const auto &x = e.series_list[i];
               kind.mutable_data()[i] = static_cast<std::uint8_t>(x.kind);
               training[i] = x.training;
               policy[i] = x.policy;
               title.append(series_title(self.ws, x));
               key.append(series_key(x));
               record.append(x.record);
               record_kind.append(kind_name(x.record_kind));
               rule.append(x.rule == no_index ? std::string() : e.rules[x.rule]);
             }
             py::dict d;
             d["kind"] = kind;
             d["training"] = codes(training);
             d["policy"] = codes(policy);
             d["title"] = title;
             d["key"] = key;
             d["record"] = record;
             d["record_kind"] = record_kind;
             d["rule"] = rule;
             return d;
           })
      .def("unplaced",
           [](const Schedule &s) {
             py::list out;
             for (const auto &u : s.unplaced)
               out.append(py::make_tuple(u.series, u.person, u.nominal, u.reason));
             return out;
           })
      .def("change_counts",
           [](const Schedule &s) {
             return py::make_tuple(s.changes.records.size(), s.changes.add_check_ins.size(),
                                   s.changes.remove_check_ins.size());
           })
      .def("__repr__", [](const Schedule &s) {
        return "<levande._core.Schedule " + std::to_string(s.events.size()) + " events, " +
               std::to_string(s.unplaced.size()) + " unplaced>";
      });

  m.def(
      "_plan_follow_up",
      [](PyWorkspace &self, Date as_of, Date until, const std::string &scope,
         const std::string &scope_id, const std::map<std::string, Calendar> &calendars,
         const std::string &default_calendar, bool write) {
        const auto o = options(as_of, until, scope, scope_id, calendars, default_calendar);
        py::gil_scoped_release unlocked;
        if (write) {
          std::unique_lock lock(self.mutex);
          return generate_follow_up(self.ws, o);
        }
        std::shared_lock lock(self.mutex);
        return plan_follow_up(self.ws, o);
      },
      py::arg("workspace"), py::arg("as_of"), py::arg("until"), py::arg("scope"),
      py::arg("scope_id"), py::arg("calendars"), py::arg("default_calendar"), py::arg("write"));
  m.def(
      "_record_attendance",
      [](PyWorkspace &self, const std::string &slot, Date occurrence,
         const std::vector<std::string> &attendees, std::optional<Date> held) {
        py::gil_scoped_release unlocked;
        std::unique_lock lock(self.mutex);
        return record_attendance(self.ws, slot, occurrence, attendees, held).size();
      },
      py::arg("workspace"), py::arg("slot"), py::arg("occurrence"), py::arg("attendees"),
      py::arg("held"));
  m.def("_apply_schedule", [](PyWorkspace &self, const Schedule &s) {
    py::gil_scoped_release unlocked;
    std::unique_lock lock(self.mutex);
    apply_schedule(self.ws, s.changes);
  });
  m.def("_agenda", [](const PyWorkspace &self, const Schedule &s, const std::string &of,
                      const std::string &id, Date from, Date to) {
    AgendaOf who = AgendaOf::person;
    if (of == "team")
      who = AgendaOf::team;
    else if (of == "manager")
      who = AgendaOf::manager;
    std::shared_lock lock(self.mutex);
    return codes(agenda(self.ws, s.events, who, id, from, to));
  });
  m.def("_overdue", [](const PyWorkspace &self, Date as_of) {
    std::vector<OverdueItem> items;
    {
      std::shared_lock lock(self.mutex);
      items = overdue(self.ws, as_of);
    }
    py::list out;
    for (const auto &o : items)
      out.append(py::make_tuple(kind_name(o.kind), o.record, o.person, o.team, o.due,
                                o.days_overdue, o.title));
    return out;
  });
  m.def("_schedule_to_ics", [](const PyWorkspace &self, const Schedule &s, const std::string &of,
                               const std::string &id, Date stamp, const std::string &time_zone) {
    IcsSelection sel;
    if (of == "person")
      sel = {IcsSelection::Type::person, id};
    else if (of == "team")
      sel = {IcsSelection::Type::team, id};
    else if (of == "training")
      sel = {IcsSelection::Type::training, id};
    ical::WriteOptions w;
    w.stamp = stamp;
    w.time_zone = time_zone;
    std::shared_lock lock(self.mutex);
    return schedule_to_ics(self.ws, s.events, sel, w);
  });
  m.def("calendar_for_code", &calendar_for_code, py::arg("code"),
        "The built-in calendar of a code: 'SE', 'SE-statutory' or 'weekends'.");
}

}  // namespace levande::python
