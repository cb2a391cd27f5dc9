#include <pybind11/native_enum.h>

#include "bind.hpp"
#include "date_caster.hpp"
#include "levande/calendar.hpp"
#include "levande/date.hpp"

namespace py = pybind11;

namespace levande::python {

void bind_dates(py::module_ &m) {
  py::native_enum<Weekday>(m, "Weekday", "enum.IntEnum",
                           "Day of the week, numbered as ISO 8601 and date.isoweekday() do.")
      .value("MONDAY", Weekday::monday)
      .value("TUESDAY", Weekday::tuesday)
      .value("WEDNESDAY", Weekday::wednesday)
      .value("THURSDAY", Weekday::thursday)
      .value("FRIDAY", Weekday::friday)
      .value("SATURDAY", Weekday::saturday)
      .value("SUNDAY", Weekday::sunday)
      .finalize();

  py::native_enum<MonthEnd>(m, "MonthEnd", "enum.Enum",
                            "What month arithmetic does when the day is missing in the target "
                            "month (31 January + 1 month).")
      .value("CLAMP", MonthEnd::clamp, "Use the last day of the target month.")
      .value("NEXT_MONTH_START", MonthEnd::next_month_start,
             "Use the first day of the month after it.")
      .value("ERROR", MonthEnd::error, "Raise InvalidDateError.")
      .finalize();

  m.attr("MIN_DATE") = Date::min();
  m.attr("MAX_DATE") = Date::max();

  m.def(
      "parse_date", [](std::string_view text) { return Date::parse(text); }, py::arg("text"),
      "Parses exactly 'YYYY-MM-DD' (ISO 8601 extended form). Raises ParseError for another "
      "shape, InvalidDateError for a day that does not exist, OutOfRangeError before 1400.");
  m.def(
      "add_months",
      [](Date d, std::int32_t n, MonthEnd month_end) { return d.add_months(n, month_end); },
      py::arg("date"), py::arg("months"), py::arg("month_end"),
      "The date moved by whole months, keeping the day of month; month_end decides when that "
      "day does not exist (no silent default, and no snapping of month ends).");
  m.def(
      "add_years",
      [](Date d, std::int32_t n, MonthEnd month_end) { return d.add_years(n, month_end); },
      py::arg("date"), py::arg("years"), py::arg("month_end"),
      "The date moved by whole years; month_end decides for 29 February.");
  m.def("easter_sunday", &easter_sunday, py::arg("year"),
        "Gregorian Easter Sunday of a year (1400..9999).");
}

}  // namespace levande::python
