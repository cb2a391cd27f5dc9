#include <cstdlib>
#include <cstring>

#include "guard.hpp"
#include "handles.hpp"
#include "levande/io/ical.hpp"
#include "recurrence_helpers.hpp"
#include "structs.hpp"

struct levande_ical_writer {
  std::vector<levande::ical::Event> events;
  std::vector<levande::ical::Todo> todos;
  levande::ical::WriteOptions options;
};

using levande::Date;
using levande::Errc;
using levande::Error;
using levande::capi::guard;
using levande::capi::require;

namespace {

std::string text(const char *s) {
  return s == nullptr ? std::string() : std::string(s);
}

template <class T>
void require_array(const T *array, size_t count, const char *name) {
  if (count > 0) require(array, name);
}

std::vector<std::string> strings(const char *const *items, size_t count, const char *name) {
  require_array(items, count, name);
  std::vector<std::string> out;
  for (size_t i = 0; i < count; ++i) {
    require(items[i], name);
    out.emplace_back(items[i]);
  }
  return out;
}

std::vector<Date> dates(const int32_t *items, size_t count, const char *name) {
  require_array(items, count, name);
  std::vector<Date> out;
  for (size_t i = 0; i < count; ++i)
    out.emplace_back(items[i]);
  return out;
}

levande::ical::Person person(const levande_ical_person &p) {
  require(p.email, "email");
  return {text(p.name), p.email};
}

}  // namespace

extern "C" {

levande_status levande_ical_event_init(levande_ical_event *out, size_t struct_size) {
  return levande::capi::init_struct(out, struct_size);
}

levande_status levande_ical_todo_init(levande_ical_todo *out, size_t struct_size) {
  return levande::capi::init_struct(out, struct_size);
}

levande_status levande_ical_writer_create(levande_ical_writer **out, int32_t stamp,
                                          const char *time_zone, levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    Date(stamp).ymd();  // range check
    auto *w = new levande_ical_writer;
    w->options.stamp = Date(stamp);
    if (time_zone != nullptr) w->options.time_zone = time_zone;
    *out = w;
  });
}

void levande_ical_writer_destroy(levande_ical_writer **writer) {
  levande::capi::destroy(writer);
}

levande_status levande_ical_writer_add_event(levande_ical_writer *writer,
                                             const levande_ical_event *given,
                                             levande_error **out_err) {
  return guard(out_err, [&] {
    require(writer, "writer");
    require(given, "event");
    const auto read = levande::capi::read_struct(given);
    const auto *event = &read;
    require(event->uid, "uid");
    require(event->summary, "summary");
    levande::ical::Event e;
    e.uid = event->uid;
    e.summary = event->summary;
    e.description = text(event->description);
    e.categories = strings(event->categories, event->category_count, "categories");
    e.date = Date(event->date);
    if (event->start_minute != LEVANDE_ICAL_ALL_DAY) e.start_minute = event->start_minute;
    e.duration_minutes = event->duration_minutes;
    if (event->rule != nullptr) e.rule = levande::RecurrenceRule::parse(event->rule);
    e.rdates = dates(event->rdates, event->rdate_count, "rdates");
    e.exdates = dates(event->exdates, event->exdate_count, "exdates");
    if (event->organizer != nullptr) e.organizer = person(*event->organizer);
    require_array(event->attendees, event->attendee_count, "attendees");
    for (size_t i = 0; i < event->attendee_count; ++i)
      e.attendees.push_back(person(event->attendees[i]));
    require_array(event->alarms, event->alarm_count, "alarms");
    for (size_t i = 0; i < event->alarm_count; ++i) {
      e.alarms.push_back({event->alarms[i].minutes_before, text(event->alarms[i].description)});
    }
    writer->events.push_back(std::move(e));
  });
}

levande_status levande_ical_writer_add_todo(levande_ical_writer *writer,
                                            const levande_ical_todo *given,
                                            levande_error **out_err) {
  return guard(out_err, [&] {
    require(writer, "writer");
    require(given, "todo");
    const auto read = levande::capi::read_struct(given);
    const auto *todo = &read;
    require(todo->uid, "uid");
    require(todo->summary, "summary");
    if (todo->status < LEVANDE_ICAL_NEEDS_ACTION || todo->status > LEVANDE_ICAL_CANCELLED) {
      throw Error(Errc::invalid_argument, "status", std::to_string(todo->status),
                  "not a LEVANDE_ICAL_* status");
    }
    levande::ical::Todo t;
    t.uid = todo->uid;
    t.summary = todo->summary;
    t.description = text(todo->description);
    t.categories = strings(todo->categories, todo->category_count, "categories");
    if (todo->has_due != 0) t.due = Date(todo->due);
    t.status = static_cast<levande::ical::TodoStatus>(todo->status);
    t.percent_complete = todo->percent_complete;
    t.related_to = text(todo->related_to);
    writer->todos.push_back(std::move(t));
  });
}

levande_status levande_ical_writer_write(char **out, size_t *out_length,
                                         const levande_ical_writer *writer,
                                         levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    require(out_length, "out_length");
    require(writer, "writer");
    const std::string result = levande::ical::write(writer->events, writer->todos, writer->options);
    auto *block = static_cast<char *>(std::malloc(result.size() + 1));
    if (block == nullptr) throw std::bad_alloc();
    std::memcpy(block, result.c_str(), result.size() + 1);
    *out = block;
    *out_length = result.size();
  });
}

levande_status levande_ical_business_day_exceptions(int32_t **out_exdates, size_t *out_exdate_count,
                                                    int32_t **out_rdates, size_t *out_rdate_count,
                                                    const levande_recurrence *rec,
                                                    const levande_calendar *cal,
                                                    levande_adjustment how, int32_t first,
                                                    int32_t last, levande_error **out_err) {
  return guard(out_err, [&] {
    require(out_exdates, "out_exdates");
    require(out_exdate_count, "out_exdate_count");
    require(out_rdates, "out_rdates");
    require(out_rdate_count, "out_rdate_count");
    require(rec, "rec");
    require(cal, "cal");
    const auto [ex, r] = levande::ical::business_day_exceptions(
        rec->rec, cal->cal, levande::capi::adjustment_from(how), Date(first), Date(last));
    levande::capi::give(ex, out_exdates, out_exdate_count);
    try {
      levande::capi::give(r, out_rdates, out_rdate_count);
    } catch (...) {
      levande_free(*out_exdates);  // all or nothing
      *out_exdates = nullptr;
      *out_exdate_count = 0;
      throw;
    }
  });
}

}  // extern "C"
