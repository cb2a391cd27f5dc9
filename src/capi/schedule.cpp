// The scheduler part of the C API.
#include <nlohmann/json.hpp>

#include "guard.hpp"
#include "handles.hpp"
#include "levande.h"
#include "levande/io/schedule_ics.hpp"
#include "levande/schedule.hpp"
#include "structs.hpp"
#include "table_handle.hpp"
#include "workspace_handle.hpp"

struct levande_schedule {
  levande::Schedule s;
};

using namespace levande;
using namespace levande::capi;

namespace {

ScheduleOptions options_from(const levande_schedule_options *given) {
  require(given, "options");
  const auto read = read_struct(given);
  const auto *o = &read;
  ScheduleOptions out;
  out.as_of = Date(o->as_of);
  out.until = Date(o->until);
  if (o->scope < LEVANDE_SCOPE_ALL || o->scope > LEVANDE_SCOPE_TEAM) {
    throw Error(Errc::invalid_argument, "scope", std::to_string(o->scope),
                "is not a LEVANDE_SCOPE_* value");
  }
  out.scope.type = static_cast<Scope::Type>(o->scope);
  if (o->scope != LEVANDE_SCOPE_ALL) {
    require(o->scope_id, "scope_id");
    out.scope.id = o->scope_id;
  }
  if (o->default_calendar) out.default_calendar = o->default_calendar;
  if (o->calendar_count > 0) {
    require(o->calendar_codes, "calendar_codes");
    require(o->calendars, "calendars");
  }
  for (size_t i = 0; i < o->calendar_count; ++i) {
    require(o->calendar_codes[i], "calendar_codes[i]");
    require(o->calendars[i], "calendars[i]");
    out.calendars.insert_or_assign(o->calendar_codes[i], o->calendars[i]->cal);
  }
  return out;
}

std::string dump(const nlohmann::json &j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

extern "C" {

levande_status levande_schedule_options_init(levande_schedule_options *out, size_t struct_size) {
  return init_struct(out, struct_size);
}

levande_status levande_schedule_plan(levande_schedule **out, const levande_workspace *ws,
                                     const levande_schedule_options *options,
                                     levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(out, "out");
    *out = nullptr;
    auto s = std::make_unique<levande_schedule>();
    s->s = plan_follow_up(ws->ws, options_from(options));
    *out = s.release();
  });
}

levande_status levande_schedule_generate(levande_schedule **out, levande_workspace *ws,
                                         const levande_schedule_options *options,
                                         levande_error **out_err) {
  return on(ws, out_err, [&] {
    if (out) *out = nullptr;
    auto s = std::make_unique<levande_schedule>();
    s->s = generate_follow_up(ws->ws, options_from(options));
    if (out) *out = s.release();
  });
}

levande_status levande_schedule_apply(levande_workspace *ws, const levande_schedule *schedule,
                                      levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(schedule, "schedule");
    apply_schedule(ws->ws, schedule->s.changes);
  });
}

void levande_schedule_destroy(levande_schedule **schedule) {
  destroy(schedule);
}

levande_status levande_schedule_events(levande_event_columns *out, const levande_schedule *schedule,
                                       levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    require(schedule, "schedule");
    const auto &e = schedule->s.events;
    *out = {e.size(),
            reinterpret_cast<const int32_t *>(e.date.data()),
            reinterpret_cast<const int32_t *>(e.nominal.data()),
            e.person.data(),
            e.series.data(),
            e.flags.data()};
  });
}

levande_status levande_schedule_event_table(levande_table **out, const levande_workspace *ws,
                                            const levande_schedule *schedule,
                                            levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(out, "out");
    *out = nullptr;
    require(schedule, "schedule");
    make_table(out, event_table(ws->ws, schedule->s.events));
  });
}

levande_status levande_schedule_series_count(size_t *out, const levande_schedule *schedule,
                                             levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    require(schedule, "schedule");
    *out = schedule->s.events.series_list.size();
  });
}

levande_status levande_schedule_series_json(char **out, const levande_schedule *schedule,
                                            const levande_workspace *ws, size_t index,
                                            levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(out, "out");
    *out = nullptr;
    require(schedule, "schedule");
    const auto &e = schedule->s.events;
    if (index >= e.series_list.size()) {
      throw Error(Errc::not_found, "index", std::to_string(index),
                  "there are " + std::to_string(e.series_list.size()) + " series");
    }
    const auto &s = e.series_list[index];
    const auto &w = ws->ws;
    *out = copy_out(dump({
        {"kind", to_string(s.kind)},
        {"step", step_of(s.kind)},
        {"key", series_key(s)},
        {"title", series_title(w, s)},
        {"record_kind", kind_name(s.record_kind)},
        {"record", s.record},
        {"training", s.training == no_index ? "" : w.id_at(Kind::training, s.training)},
        {"policy", s.policy == no_index ? "" : w.id_at(Kind::policy, s.policy)},
        {"rule", s.rule == no_index ? "" : e.rules[s.rule]},
    }));
  });
}

levande_status levande_schedule_unplaced_json(char **out, const levande_schedule *schedule,
                                              const levande_workspace *ws,
                                              levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(out, "out");
    *out = nullptr;
    require(schedule, "schedule");
    auto doc = nlohmann::json::array();
    for (const auto &u : schedule->s.unplaced) {
      doc.push_back({{"series", u.series},
                     {"person", ws->ws.id_at(Kind::person, u.person)},
                     {"nominal", u.nominal.to_string()},
                     {"reason", u.reason}});
    }
    *out = copy_out(dump(doc));
  });
}

levande_status levande_schedule_change_counts(size_t *records, size_t *add_check_ins,
                                              size_t *remove_check_ins,
                                              const levande_schedule *schedule,
                                              levande_error **out_err) {
  return guard(out_err, [&] {
    require(schedule, "schedule");
    const auto &c = schedule->s.changes;
    if (records) *records = c.records.size();
    if (add_check_ins) *add_check_ins = c.add_check_ins.size();
    if (remove_check_ins) *remove_check_ins = c.remove_check_ins.size();
  });
}

levande_status levande_schedule_agenda(uint32_t **out_rows, size_t *out_count,
                                       const levande_schedule *schedule,
                                       const levande_workspace *ws, int32_t of, const char *id,
                                       int32_t from, int32_t to, levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(out_rows, "out_rows");
    require(out_count, "out_count");
    *out_rows = nullptr;
    *out_count = 0;
    require(schedule, "schedule");
    require(id, "id");
    if (of < LEVANDE_AGENDA_PERSON || of > LEVANDE_AGENDA_MANAGER) {
      throw Error(Errc::invalid_argument, "of", std::to_string(of),
                  "is not a LEVANDE_AGENDA_* value");
    }
    const auto rows =
        agenda(ws->ws, schedule->s.events, static_cast<AgendaOf>(of), id, Date(from), Date(to));
    if (rows.empty()) return;
    auto *buffer = static_cast<uint32_t *>(std::malloc(rows.size() * sizeof(uint32_t)));
    if (!buffer) throw std::bad_alloc();
    std::copy(rows.begin(), rows.end(), buffer);
    *out_rows = buffer;
    *out_count = rows.size();
  });
}

levande_status levande_schedule_overdue_json(char **out, const levande_workspace *ws, int32_t as_of,
                                             levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(out, "out");
    *out = nullptr;
    auto doc = nlohmann::json::array();
    for (const auto &o : overdue(ws->ws, Date(as_of))) {
      doc.push_back({{"kind", kind_name(o.kind)},
                     {"record", o.record},
                     {"person", o.person},
                     {"team", o.team},
                     {"due", o.due.to_string()},
                     {"days_overdue", o.days_overdue},
                     {"title", o.title}});
    }
    *out = copy_out(dump(doc));
  });
}

levande_status levande_schedule_record_attendance(size_t *out_count, levande_workspace *ws,
                                                  const char *slot, int32_t occurrence,
                                                  const int32_t *held, const char *const *attendees,
                                                  size_t attendee_count, levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(out_count, "out_count");
    *out_count = 0;
    require(slot, "slot");
    if (attendee_count > 0) require(attendees, "attendees");
    std::vector<std::string> people;
    for (size_t i = 0; i < attendee_count; ++i) {
      if (!attendees[i])
        throw Error(Errc::invalid_argument, "attendees[" + std::to_string(i) + "]", "", "is NULL");
      people.emplace_back(attendees[i]);
    }
    std::optional<Date> when;
    if (held) when = Date(*held);
    *out_count = record_attendance(ws->ws, slot, Date(occurrence), people, when).size();
  });
}

levande_status levande_schedule_to_ics(char **out, const levande_schedule *schedule,
                                       const levande_workspace *ws, int32_t of, const char *id,
                                       int32_t stamp, const char *time_zone,
                                       levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(out, "out");
    *out = nullptr;
    require(schedule, "schedule");
    if (of < LEVANDE_ICS_ALL || of > LEVANDE_ICS_TRAINING) {
      throw Error(Errc::invalid_argument, "of", std::to_string(of), "is not a LEVANDE_ICS_* value");
    }
    IcsSelection sel;
    sel.type = static_cast<IcsSelection::Type>(of);
    if (of != LEVANDE_ICS_ALL) {
      require(id, "id");
      sel.id = id;
    }
    ical::WriteOptions w;
    w.stamp = Date(stamp);
    if (time_zone) w.time_zone = time_zone;
    *out = copy_out(schedule_to_ics(ws->ws, schedule->s.events, sel, w));
  });
}

}  // extern "C"
