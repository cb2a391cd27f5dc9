#include <pybind11/native_enum.h>
#include <pybind11/operators.h>
#include <pybind11/stl.h>

#include <sstream>

#include "bind.hpp"
#include "date_caster.hpp"
#include "levande/calendar.hpp"
#include "levande/error.hpp"
#include "numpy_dates.hpp"

namespace py = pybind11;

namespace levande::python {
namespace {

WeekdaySet weekday_set(const py::iterable &days) {
  WeekdaySet set;
  for (py::handle day : days) {
    const long v = py::int_(py::reinterpret_borrow<py::object>(day)).cast<long>();
    if (v < 1 || v > 7) {
      throw Error(Errc::invalid_argument, "weekend", std::to_string(v),
                  "weekdays are numbered 1 (MONDAY) ..7 (SUNDAY)");
    }
    set = set | WeekdaySet{static_cast<Weekday>(v)};
  }
  return set;
}

py::tuple weekday_tuple(WeekdaySet set) {
  py::list days;
  for (int d = 1; d <= 7; ++d) {
    if (set.contains(static_cast<Weekday>(d))) days.append(py::cast(static_cast<Weekday>(d)));
  }
  return py::tuple(days);
}

std::string rule_repr(const HolidayRule &r) {
  std::ostringstream out;
  out << "HolidayRule.";
  switch (r.kind()) {
    case HolidayRule::Kind::fixed_date:
      out << "fixed_date(" << py::repr(py::str(r.name())).cast<std::string>() << ", " << r.month()
          << ", " << r.day();
      break;
    case HolidayRule::Kind::nth_weekday:
      out << "nth_weekday(" << py::repr(py::str(r.name())).cast<std::string>() << ", " << r.month()
          << ", Weekday." << py::str(py::cast(r.weekday()).attr("name")).cast<std::string>() << ", "
          << r.nth();
      break;
    case HolidayRule::Kind::easter_offset:
      out << "easter_offset(" << py::repr(py::str(r.name())).cast<std::string>() << ", "
          << r.offset_days();
      break;
    case HolidayRule::Kind::weekday_in_window:
      out << "weekday_in_window(" << py::repr(py::str(r.name())).cast<std::string>() << ", Weekday."
          << py::str(py::cast(r.weekday()).attr("name")).cast<std::string>() << ", " << r.month()
          << ", " << r.day() << ", " << r.length_days();
      break;
  }
  out << ")";
  if (r.first_year() != 1400) out << ".valid_from(" << r.first_year() << ")";
  if (r.last_year() != 9999) out << ".valid_until(" << r.last_year() << ")";
  return out.str();
}

std::size_t element_count(const std::vector<py::ssize_t> &shape) {
  std::size_t n = 1;
  for (py::ssize_t s : shape)
    n *= static_cast<std::size_t>(s);
  return n;
}

std::vector<py::ssize_t> shape_of(const py::array &a) {
  return std::vector<py::ssize_t>(a.shape(), a.shape() + a.ndim());
}

// Vectorised forms. Each reads numpy columns, runs the core on a copy of the
// calendar without the GIL (copies share data, so another thread changing
// `cal` meanwhile cannot pull it away) and hands back numpy arrays of the
// broadcast shape.
py::array is_business_day_array(const Calendar &cal, py::handle dates) {
  const py::array days = to_datetime64_days(dates, "dates");
  const DateColumn in = read_dates(days, "dates");
  reject_nat(in, "dates");
  std::vector<std::uint8_t> flags(in.dates.size());
  {
    const Calendar snapshot = cal;
    py::gil_scoped_release unlocked;
    snapshot.is_business_day(in.dates, flags);
  }
  py::array_t<bool> out(static_cast<py::ssize_t>(flags.size()));
  std::copy(flags.begin(), flags.end(), out.mutable_data());
  return py::array(out.attr("reshape")(days.attr("shape")));
}

py::array add_business_days_array(const Calendar &cal, py::handle dates, py::handle n) {
  const py::array days = to_datetime64_days(dates, "dates");
  const py::array offsets = py::array(py::module_::import("numpy").attr("asarray")(n));
  const auto shape = broadcast_shape(days, offsets);
  const std::size_t count = element_count(shape);
  DateColumn in = read_dates(expand(days, shape), "dates");
  std::vector<std::int32_t> k = read_int32(expand(offsets, shape), "n");
  if (in.dates.size() == 1 && count != 1) {
    // One date, many offsets: spread the date (and its NaT-ness) over the column.
    in.dates.assign(count, in.dates.front());
    if (!in.nat.empty()) {
      in.nat.resize(count);
      for (std::size_t i = 0; i < count; ++i)
        in.nat[i] = i;
    }
  }
  if (!in.nat.empty()) {
    // NaT rows hold a placeholder date; with offset 0 it cannot fail, and its
    // result is replaced by NaT below.
    if (k.size() == 1) k.assign(count, k.front());
    for (std::size_t i : in.nat)
      k[i] = 0;
  }
  std::vector<Date> out(count);
  {
    const Calendar snapshot = cal;
    py::gil_scoped_release unlocked;
    snapshot.add_business_days(in.dates, k, out);
  }
  return make_datetime64(out, in.nat, shape);
}

py::array business_days_between_array(const Calendar &cal, py::handle from, py::handle to) {
  const py::array a = to_datetime64_days(from, "from_date");
  const py::array b = to_datetime64_days(to, "to_date");
  const auto shape = broadcast_shape(a, b);
  const DateColumn first = read_dates(expand(a, shape), "from_date");
  const DateColumn second = read_dates(expand(b, shape), "to_date");
  reject_nat(first, "from_date");
  reject_nat(second, "to_date");
  std::vector<std::int32_t> counts(element_count(shape));
  {
    const Calendar snapshot = cal;
    py::gil_scoped_release unlocked;
    snapshot.business_days_between(first.dates, second.dates, counts);
  }
  py::array_t<std::int64_t> out(static_cast<py::ssize_t>(counts.size()));
  std::copy(counts.begin(), counts.end(), out.mutable_data());
  return py::array(out.attr("reshape")(py::tuple(py::cast(shape))));
}

py::array roll_array(const Calendar &cal, py::handle dates, Roll convention) {
  const py::array days = to_datetime64_days(dates, "dates");
  const DateColumn in = read_dates(days, "dates");
  std::vector<Date> out(in.dates.size());
  {
    const Calendar snapshot = cal;
    py::gil_scoped_release unlocked;
    snapshot.roll(in.dates, convention, out);
  }
  return make_datetime64(out, in.nat, shape_of(days));
}

}  // namespace

void bind_calendar(py::module_ &m) {
  py::native_enum<Roll>(m, "Roll", "enum.Enum",
                        "How to move a date that is not a business day onto one.")
      .value("FOLLOWING", Roll::following, "The first business day on or after.")
      .value("PRECEDING", Roll::preceding, "The last business day on or before.")
      .value("MODIFIED_FOLLOWING", Roll::modified_following,
             "Following, unless the month changes: then preceding.")
      .value("MODIFIED_PRECEDING", Roll::modified_preceding,
             "Preceding, unless the month changes: then following.")
      .finalize();

  py::class_<HolidayRule>(m, "HolidayRule",
                          "A named holiday and how to find its date in any year. Build one with "
                          "the static factories; instances are immutable.")
      .def_static("fixed_date", &HolidayRule::fixed_date, py::arg("name"), py::arg("month"),
                  py::arg("day"),
                  "The same month and day every year (29 February only in leap years).")
      .def_static("nth_weekday", &HolidayRule::nth_weekday, py::arg("name"), py::arg("month"),
                  py::arg("weekday"), py::arg("n"),
                  "The n-th (1..5) or n-th last (-1..-5) weekday of a month.")
      .def_static("easter_offset", &HolidayRule::easter_offset, py::arg("name"),
                  py::arg("offset_days"), "Gregorian Easter Sunday plus offset_days.")
      .def_static("weekday_in_window", &HolidayRule::weekday_in_window, py::arg("name"),
                  py::arg("weekday"), py::arg("month"), py::arg("day"), py::arg("length_days") = 7,
                  "The first weekday on or after month/day within length_days days "
                  "(Midsommardagen: SATURDAY, 6, 20).")
      .def("valid_from", &HolidayRule::valid_from, py::arg("year"),
           "A copy that applies from this year on (inclusive).")
      .def("valid_until", &HolidayRule::valid_until, py::arg("year"),
           "A copy that applies up to this year (inclusive).")
      .def("date_in", &HolidayRule::date_in, py::arg("year"),
           "The rule's date in a year, or None when it has none that year.")
      .def_property_readonly("name", &HolidayRule::name)
      .def_property_readonly("kind",
                             [](const HolidayRule &r) {
                               switch (r.kind()) {
                                 case HolidayRule::Kind::fixed_date:
                                   return "fixed_date";
                                 case HolidayRule::Kind::nth_weekday:
                                   return "nth_weekday";
                                 case HolidayRule::Kind::easter_offset:
                                   return "easter_offset";
                                 case HolidayRule::Kind::weekday_in_window:
                                   return "weekday_in_window";
                               }
                               return "unknown";
                             })
      .def_property_readonly("first_year", &HolidayRule::first_year)
      .def_property_readonly("last_year", &HolidayRule::last_year)
      .def(py::self == py::self)  // NOLINT
      .def("__hash__", [](const HolidayRule &r) { return py::hash(py::str(rule_repr(r))); })
      .def("__repr__", &rule_repr);

  py::class_<Calendar>(m, "Calendar",
                       "A business calendar: weekend days, holiday rules and closures. "
                       "Calendars compose with | (union of days off).")
      .def(py::init([](const py::iterable &weekend) { return Calendar(weekday_set(weekend)); }),
           py::arg("weekend") = py::make_tuple(Weekday::saturday, Weekday::sunday),
           "A calendar with these weekend days and no holidays.")
      .def_static("sweden", &Calendar::sweden, py::arg("de_facto") = true,
                  "Swedish public holidays (SFS 1989:253); with de_facto also Midsommarafton, "
                  "Julafton and Nyårsafton.")
      .def_static("weekends_only", &Calendar::weekends_only,
                  "Saturday and Sunday off, no holidays.")
      .def_property_readonly(
          "weekend", [](const Calendar &c) { return weekday_tuple(c.weekend()); },
          "The weekend days, Monday first.")
      .def(
          "set_weekend",
          [](Calendar &c, const py::iterable &days) { c.set_weekend(weekday_set(days)); },
          py::arg("weekend"), "Replaces the weekend days.")
      .def_property_readonly(
          "rules", [](const Calendar &c) { return std::vector<HolidayRule>(c.rules()); },
          "A copy of the holiday rules, in the order added.")
      .def_property_readonly(
          "closures",
          [](const Calendar &c) {
            py::list out;
            for (const auto &cl : c.closures())
              out.append(py::make_tuple(cl.first, cl.last, cl.name));
            return out;
          },
          "The closures as (first, last, name) tuples, both dates inclusive.")
      .def("add_rule", &Calendar::add_rule, py::arg("rule"), "Adds a holiday rule.")
      .def("add_closure", &Calendar::add_closure, py::arg("first"), py::arg("last"),
           py::arg("name"),
           "Adds a closed period [first, last], both inclusive (a shutdown or an absence).")
      .def("merge", &Calendar::merge, py::arg("other"),
           "Adds the other calendar's weekend, rules and closures to this one.")
      .def("combined", &Calendar::combined, py::arg("other"),
           "A new calendar whose days off are the union of both.")
      .def("__or__", &Calendar::combined, py::arg("other"))
      .def(
          "holidays",
          [](const Calendar &c, std::int32_t year) {
            py::list out;
            for (const auto &h : c.holidays(year))
              out.append(py::make_tuple(h.date, h.name));
            return out;
          },
          py::arg("year"),
          "The named days off of a year as (date, name) tuples sorted by date: holidays "
          "(also those on a weekend) and each closure day.")
      .def("is_business_day", py::overload_cast<Date>(&Calendar::is_business_day, py::const_),
           py::arg("date"), "Whether the date is a business day.")
      .def("is_business_day", &is_business_day_array, py::arg("dates"),
           "Vectorised: a bool array shaped like dates (datetime64 or array-like of dates).")
      .def("next_business_day", &Calendar::next_business_day, py::arg("date"),
           "The first business day strictly after the date.")
      .def("previous_business_day", &Calendar::previous_business_day, py::arg("date"),
           "The last business day strictly before the date.")
      .def("add_business_days",
           py::overload_cast<Date, std::int32_t>(&Calendar::add_business_days, py::const_),
           py::arg("date"), py::arg("n"),
           "The n-th business day after (n > 0) or before (n < 0) the date; for n = 0 the date "
           "itself or the next business day. The start day is never counted.")
      .def("add_business_days", &add_business_days_array, py::arg("dates"), py::arg("n"),
           "Vectorised: dates and n broadcast against each other; returns datetime64[D] "
           "(NaT stays NaT).")
      .def("business_days_between",
           py::overload_cast<Date, Date>(&Calendar::business_days_between, py::const_),
           py::arg("from_date"), py::arg("to_date"),
           "Business days in [from_date, to_date); negative when to_date < from_date.")
      .def("business_days_between", &business_days_between_array, py::arg("from_date"),
           py::arg("to_date"), "Vectorised: an int64 array of the broadcast shape.")
      .def("roll", py::overload_cast<Date, Roll>(&Calendar::roll, py::const_), py::arg("date"),
           py::arg("convention") = Roll::following,
           "The date moved onto a business day by the convention.")
      .def("roll", &roll_array, py::arg("dates"), py::arg("convention") = Roll::following,
           "Vectorised: datetime64[D] of the same shape (NaT stays NaT).")
      .def("__repr__", [](const Calendar &c) {
        std::ostringstream out;
        out << "Calendar(weekend=(";
        const char *sep = "";
        for (py::handle day : weekday_tuple(c.weekend())) {
          out << sep << "Weekday." << py::str(day.attr("name")).cast<std::string>();
          sep = ", ";
        }
        out << "), rules=" << c.rules().size() << ", closures=" << c.closures().size() << ")";
        return out.str();
      });
}

}  // namespace levande::python
