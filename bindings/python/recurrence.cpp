#include <pybind11/native_enum.h>
#include <pybind11/operators.h>
#include <pybind11/stl.h>

#include "bind.hpp"
#include "date_caster.hpp"
#include "levande/error.hpp"
#include "levande/recurrence.hpp"
#include "numpy_dates.hpp"

namespace py = pybind11;

namespace levande::python {
namespace {

// dateutil's between(after, before, inc=False) convention, on dates.
std::pair<Date, Date> window(Date after, Date before, bool inclusive) {
  if (inclusive) return {after, before};
  if (after == Date::max() || before == Date::min()) return {Date::max(), Date::min()};  // empty
  return {Date(after.days() + 1), Date(before.days() - 1)};
}

py::array column(const std::vector<Date> &dates) {
  return make_datetime64(dates, {}, {static_cast<py::ssize_t>(dates.size())});
}

// Runs `expand(first, last)` without the GIL on dateutil's window and hands
// the dates back as a datetime64[D] column (empty for an empty window).
template <class Expand>
py::array expand_window(Date after, Date before, bool inclusive, Expand &&expand) {
  const auto [first, last] = window(after, before, inclusive);
  std::vector<Date> dates;
  {
    py::gil_scoped_release unlocked;
    if (first <= last) dates = expand(first, last);
  }
  return column(dates);
}

// The Python face of .adjusted(calendar, how): the recurrence, the calendar
// and the adjustment, asked together.
struct Adjusted {
  Recurrence recurrence;
  Calendar calendar;
  Adjustment how;
};

Recurrence make(const py::object &rule, Date start, const std::vector<Date> &rdates,
                const std::vector<Date> &exdates) {
  Recurrence r = rule.is_none() ? Recurrence(start)
                 : py::isinstance<RecurrenceRule>(rule)
                     ? Recurrence(rule.cast<RecurrenceRule>(), start)
                     : Recurrence(rule.cast<std::string>(), start);
  for (Date d : rdates)
    r.add_rdate(d);
  for (Date d : exdates)
    r.add_exdate(d);
  return r;
}

}  // namespace

void bind_recurrence(py::module_ &m) {
  py::native_enum<Frequency>(m, "Frequency", "enum.Enum", "RRULE FREQ.")
      .value("DAILY", Frequency::daily)
      .value("WEEKLY", Frequency::weekly)
      .value("MONTHLY", Frequency::monthly)
      .value("YEARLY", Frequency::yearly)
      .finalize();
  py::native_enum<Adjustment>(m, "Adjustment", "enum.Enum",
                              "How recurrence dates that are not business days are treated.")
      .value("SKIP", Adjustment::skip, "Drop them.")
      .value("FOLLOWING", Adjustment::following)
      .value("PRECEDING", Adjustment::preceding)
      .value("MODIFIED_FOLLOWING", Adjustment::modified_following)
      .value("MODIFIED_PRECEDING", Adjustment::modified_preceding)
      .finalize();

  py::class_<RecurrenceRule>(m, "RecurrenceRule",
                             "A parsed RFC 5545 RRULE value, date-valued (FREQ=DAILY and coarser).")
      .def_static("parse", &RecurrenceRule::parse, py::arg("text"),
                  "Parses an RRULE value; raises ParseError naming the part and position.")
      .def_property_readonly("frequency", &RecurrenceRule::frequency)
      .def_property_readonly("interval", &RecurrenceRule::interval)
      .def_property_readonly("count", &RecurrenceRule::count)
      .def_property_readonly("until", &RecurrenceRule::until)
      .def_property_readonly("by_month", &RecurrenceRule::by_month)
      .def_property_readonly("by_week_no", &RecurrenceRule::by_week_no)
      .def_property_readonly("by_year_day", &RecurrenceRule::by_year_day)
      .def_property_readonly("by_month_day", &RecurrenceRule::by_month_day)
      .def_property_readonly("by_set_pos", &RecurrenceRule::by_set_pos)
      .def_property_readonly(
          "by_day",
          [](const RecurrenceRule &r) {
            py::list out;
            for (const auto &d : r.by_day())
              out.append(py::make_tuple(d.ordinal, d.weekday));
            return out;
          },
          "BYDAY as (ordinal, Weekday) tuples; ordinal 0 means every such weekday.")
      .def_property_readonly("week_start", &RecurrenceRule::week_start)
      .def(py::self == py::self)  // NOLINT
      .def("__hash__", [](const RecurrenceRule &r) { return py::hash(py::str(r.to_string())); })
      .def("__str__", &RecurrenceRule::to_string)
      .def("__repr__", [](const RecurrenceRule &r) {
        return "RecurrenceRule.parse(" + py::repr(py::str(r.to_string())).cast<std::string>() + ")";
      });

  py::class_<Recurrence>(m, "Recurrence",
                         "A recurrence set: DTSTART, an RRULE, RDATEs and EXDATEs.")
      .def(py::init(&make), py::arg("rule"), py::arg("start"),
           py::arg("rdates") = std::vector<Date>{}, py::arg("exdates") = std::vector<Date>{},
           "rule is RRULE text, a RecurrenceRule, or None (RDATEs only); start is DTSTART.")
      .def_property_readonly("start", &Recurrence::start)
      .def_property_readonly("rule", &Recurrence::rule)
      .def_property_readonly("rdates", &Recurrence::rdates)
      .def_property_readonly("exdates", &Recurrence::exdates)
      .def_property_readonly("is_finite", &Recurrence::is_finite)
      .def("add_rdate", &Recurrence::add_rdate, py::arg("date"))
      .def("add_exdate", &Recurrence::add_exdate, py::arg("date"))
      .def(
          "between",
          [](const Recurrence &r, Date after, Date before, bool inclusive, std::size_t limit) {
            return expand_window(after, before, inclusive, [&](Date first, Date last) {
              return r.between(first, last, limit);
            });
          },
          py::arg("after"), py::arg("before"), py::arg("inclusive") = false,
          py::arg("limit") = Recurrence::default_limit,
          "Occurrences strictly between after and before (both included with inclusive=True), "
          "as datetime64[D]; more than limit raises OutOfRangeError.")
      .def("after", &Recurrence::next_after, py::arg("date"),
           "The first occurrence strictly after date, or None.")
      .def(
          "iter_occurrences",
          [](const Recurrence &r, std::optional<Date> from) {
            auto cursor =
                std::make_shared<RecurrenceCursor>(r.occurrences_from(from.value_or(r.start())));
            py::cpp_function step([cursor]() -> py::object {
              if (auto d = cursor->next()) return py::cast(*d);
              return py::none();
            });
            return py::module_::import("builtins").attr("iter")(step, py::none());
          },
          py::arg("start") = py::none(),
          "A lazy iterator of the occurrences on or after start (default DTSTART), as "
          "datetime.date; endless for an endless rule.")
      .def(
          "adjusted",
          [](const Recurrence &r, const Calendar &cal, Adjustment how) {
            return Adjusted{r, cal, how};
          },
          py::arg("calendar"), py::arg("adjustment") = Adjustment::following,
          "The same dates moved onto business days of the calendar (an explicit step after "
          "RFC 5545 expansion).")
      .def("__str__",
           [](const Recurrence &r) { return r.rule() ? r.rule()->to_string() : std::string(); })
      .def("__repr__", [](const Recurrence &r) {
        return "Recurrence(" +
               (r.rule() ? py::repr(py::str(r.rule()->to_string())).cast<std::string>()
                         : std::string("None")) +
               ", " + py::repr(py::cast(r.start())).cast<std::string>() + ")";
      });

  m.def(
      "expand_many",
      [](const std::vector<std::string> &rules, py::handle starts, Date after, Date before,
         bool inclusive, std::size_t limit) {
        const DateColumn start_column = read_dates(to_datetime64_days(starts, "starts"), "starts");
        reject_nat(start_column, "starts");
        const auto [first, last] = window(after, before, inclusive);
        ExpandedColumn expanded;
        {
          py::gil_scoped_release unlocked;
          if (first <= last) {
            expanded = expand_many(rules, start_column.dates, first, last, limit);
          } else {
            expanded.offsets.assign(rules.size() + 1, 0);
          }
        }
        py::array_t<std::int64_t> offsets(static_cast<py::ssize_t>(expanded.offsets.size()));
        std::copy(expanded.offsets.begin(), expanded.offsets.end(), offsets.mutable_data());
        return py::make_tuple(column(expanded.dates), offsets);
      },
      py::arg("rules"), py::arg("starts"), py::arg("after"), py::arg("before"),
      py::arg("inclusive") = false, py::arg("limit") = Recurrence::default_limit,
      "Expands many RRULE texts (rule i starting at starts[i], or one start for all) over one "
      "window: returns (dates, offsets), rule i's dates being dates[offsets[i]:offsets[i+1]].");

  py::class_<Adjusted>(m, "AdjustedRecurrence", "A Recurrence moved onto business days.")
      .def_readonly("recurrence", &Adjusted::recurrence)
      .def_readonly("calendar", &Adjusted::calendar)
      .def_readonly("adjustment", &Adjusted::how)
      .def(
          "between",
          [](const Adjusted &a, Date after, Date before, bool inclusive, std::size_t limit) {
            return expand_window(after, before, inclusive, [&](Date first, Date last) {
              return adjusted_between(a.recurrence, a.calendar, a.how, first, last, limit);
            });
          },
          py::arg("after"), py::arg("before"), py::arg("inclusive") = false,
          py::arg("limit") = Recurrence::default_limit,
          "Adjusted occurrences in the window, as datetime64[D] (sorted, no duplicates).");
}

}  // namespace levande::python
