#include <pybind11/native_enum.h>
#include <pybind11/stl.h>

#include "bind.hpp"
#include "date_caster.hpp"
#include "levande/io/ical.hpp"

namespace py = pybind11;

namespace levande::python {

void bind_ical(py::module_ &parent) {
  py::module_ m = parent.def_submodule("ical", "iCalendar (RFC 5545) export.");
  using namespace levande::ical;

  py::class_<Person>(m, "Person", "An organizer or attendee.")
      .def(py::init([](std::string email, std::string name) {
             return Person{std::move(name), std::move(email)};
           }),
           py::arg("email"), py::arg("name") = "")
      .def_readwrite("email", &Person::email)
      .def_readwrite("name", &Person::name)
      .def("__repr__", [](const Person &p) {
        return "Person(" + py::repr(py::str(p.email)).cast<std::string>() + ")";
      });

  py::class_<Alarm>(m, "Alarm", "A display reminder before the event.")
      .def(py::init([](std::int32_t minutes_before, std::string description) {
             return Alarm{minutes_before, std::move(description)};
           }),
           py::arg("minutes_before"), py::arg("description") = "")
      .def_readwrite("minutes_before", &Alarm::minutes_before)
      .def_readwrite("description", &Alarm::description);

  py::class_<Event>(m, "Event", "One follow-up in the calendar (VEVENT).")
      .def(
          py::init([](std::string uid, std::string summary, Date date, std::string description,
                      std::vector<std::string> categories, std::optional<std::int32_t> start_minute,
                      std::int32_t duration_minutes, std::optional<std::string> rule,
                      std::vector<Date> rdates, std::vector<Date> exdates,
                      std::optional<Person> organizer, std::vector<Person> attendees,
                      std::vector<Alarm> alarms) {
            Event e;
            e.uid = std::move(uid);
            e.summary = std::move(summary);
            e.date = date;
            e.description = std::move(description);
            e.categories = std::move(categories);
            e.start_minute = start_minute;
            e.duration_minutes = duration_minutes;
            if (rule) e.rule = RecurrenceRule::parse(*rule);
            e.rdates = std::move(rdates);
            e.exdates = std::move(exdates);
            e.organizer = std::move(organizer);
            e.attendees = std::move(attendees);
            e.alarms = std::move(alarms);
            return e;
          }),
          py::kw_only(), py::arg("uid"), py::arg("summary"), py::arg("date"),
          py::arg("description") = "", py::arg("categories") = std::vector<std::string>{},
          py::arg("start_minute") = py::none(), py::arg("duration_minutes") = 60,
          py::arg("rule") = py::none(), py::arg("rdates") = std::vector<Date>{},
          py::arg("exdates") = std::vector<Date>{}, py::arg("organizer") = py::none(),
          py::arg("attendees") = std::vector<Person>{}, py::arg("alarms") = std::vector<Alarm>{},
          "All-day unless start_minute (local minutes after midnight) is given; rule is RRULE text "
          "and date must be one of its dates.")
      .def_readwrite("uid", &Event::uid)
      .def_readwrite("summary", &Event::summary)
      .def_readwrite("date", &Event::date)
      .def_readwrite("rdates", &Event::rdates)
      .def_readwrite("exdates", &Event::exdates);

  py::native_enum<TodoStatus>(m, "TodoStatus", "enum.Enum", "VTODO STATUS.")
      .value("NEEDS_ACTION", TodoStatus::needs_action)
      .value("IN_PROCESS", TodoStatus::in_process)
      .value("COMPLETED", TodoStatus::completed)
      .value("CANCELLED", TodoStatus::cancelled)
      .finalize();

  py::class_<Todo>(m, "Todo", "An action-plan task (VTODO).")
      .def(py::init([](std::string uid, std::string summary, std::optional<Date> due,
                       std::string description, std::vector<std::string> categories,
                       TodoStatus status, std::int32_t percent_complete, std::string related_to) {
             return Todo{std::move(uid),
                         std::move(summary),
                         std::move(description),
                         std::move(categories),
                         due,
                         status,
                         percent_complete,
                         std::move(related_to)};
           }),
           py::kw_only(), py::arg("uid"), py::arg("summary"), py::arg("due") = py::none(),
           py::arg("description") = "", py::arg("categories") = std::vector<std::string>{},
           py::arg("status") = TodoStatus::needs_action, py::arg("percent_complete") = 0,
           py::arg("related_to") = "")
      .def_readwrite("uid", &Todo::uid)
      .def_readwrite("summary", &Todo::summary);

  m.def(
      "write",
      [](const std::vector<Event> &events, const std::vector<Todo> &todos, Date stamp,
         std::string time_zone, std::string product_id) {
        return write(events, todos,
                     WriteOptions{stamp, std::move(time_zone), std::move(product_id)});
      },
      py::arg("events"), py::arg("todos") = std::vector<Todo>{}, py::kw_only(), py::arg("stamp"),
      py::arg("time_zone") = "Europe/Stockholm", py::arg("product_id") = "",
      "The VCALENDAR text (CRLF line ends, folded at 75 octets); stamp is the DTSTAMP date.");
  m.def("business_day_exceptions", &business_day_exceptions, py::arg("recurrence"),
        py::arg("calendar"), py::arg("adjustment"), py::arg("first"), py::arg("last"),
        "(exdates, rdates) that make a calendar client show the adjusted dates in [first, last].");
  m.def("supported_time_zones", &supported_time_zones);
  m.def("escape_text", &escape_text, py::arg("text"));
  m.def("fold_line", &fold_line, py::arg("line"));
}

}  // namespace levande::python
