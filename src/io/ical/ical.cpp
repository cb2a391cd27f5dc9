// The iCalendar writer. Content lines are built whole, then folded; every
// TEXT value goes through escape_text() and every parameter value through
// param_value(), so no input can break the structure of the file.
#include "levande/io/ical.hpp"

#include <algorithm>

#include "levande/error.hpp"
#include "levande/version.h"
#include "support/text.hpp"

namespace levande::ical {
namespace {

using detail::require_email;
using detail::require_text;

struct Zone {
  const char *name;
  const char *standard_offset, *daylight_offset;  // "+0100"
  const char *standard_name, *daylight_name;
  const char *to_daylight, *to_standard;  // local DTSTART of the two transitions in 1970
};

// European Union summer time (Directive 2000/84/EC): from 01:00 UTC on the
// last Sunday of March to 01:00 UTC on the last Sunday of October.
constexpr Zone kZones[] = {
    {"Europe/Stockholm", "+0100", "+0200", "CET", "CEST", "19700329T020000", "19701025T030000"},
    {"Europe/Oslo", "+0100", "+0200", "CET", "CEST", "19700329T020000", "19701025T030000"},
    {"Europe/Copenhagen", "+0100", "+0200", "CET", "CEST", "19700329T020000", "19701025T030000"},
    {"Europe/Berlin", "+0100", "+0200", "CET", "CEST", "19700329T020000", "19701025T030000"},
    {"Europe/Amsterdam", "+0100", "+0200", "CET", "CEST", "19700329T020000", "19701025T030000"},
    {"Europe/Paris", "+0100", "+0200", "CET", "CEST", "19700329T020000", "19701025T030000"},
    {"Europe/Helsinki", "+0200", "+0300", "EET", "EEST", "19700329T030000", "19701025T040000"},
    {"Europe/London", "+0000", "+0100", "GMT", "BST", "19700329T010000", "19701025T020000"},
};

const Zone &zone_named(const std::string &name) {
  for (const Zone &z : kZones) {
    if (name == z.name) return z;
  }
  throw Error(Errc::unsupported, "time_zone", name,
              "no VTIMEZONE rules for this zone; see ical::supported_time_zones()");
}

std::string param_value(const std::string &where, const std::string &value) {
  require_text(where, value, false);
  if (value.find('"') != std::string::npos) {
    throw Error(Errc::invalid_argument, where, value, "a parameter value cannot hold '\"'");
  }
  if (value.find_first_of(":;,") != std::string::npos) return '"' + value + '"';
  return value;
}

// YYYYMMDD; written digit by digit because it runs for every date of every event.
std::string basic_date(Date d) {
  const auto p = d.ymd();
  std::string out(8, '0');
  auto put = [&](std::size_t at, std::int32_t value, int width) {
    for (int i = width - 1; i >= 0; --i, value /= 10) {
      out[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
    }
  };
  put(0, p.year, 4);
  put(4, p.month, 2);
  put(6, p.day, 2);
  return out;
}

std::string local_time(Date d, std::int32_t minute) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d%02d00", minute / 60, minute % 60);
  return basic_date(d) + buf;
}

class Writer {
 public:
  void line(const std::string &content) {
    if (content.size() <= 75) {  // most lines: no folding, no temporary
      out_ += content;
      out_ += "\r\n";
    } else {
      out_ += fold_line(content);
    }
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

// DTSTART-like value for an event date: DATE for all-day, local DATE-TIME with TZID otherwise.
std::string when(const Event &e, Date d, const std::string &tzid) {
  return e.start_minute ? ";TZID=" + tzid + ":" + local_time(d, *e.start_minute)
                        : ";VALUE=DATE:" + basic_date(d);
}

std::string date_list(const Event &e, const std::vector<Date> &dates, const std::string &tzid) {
  std::string value = e.start_minute ? ";TZID=" + tzid + ":" : ";VALUE=DATE:";
  for (std::size_t i = 0; i < dates.size(); ++i) {
    if (i) value += ',';
    value += e.start_minute ? local_time(dates[i], *e.start_minute) : basic_date(dates[i]);
  }
  return value;
}

void write_categories(Writer &w, const std::string &where, const std::vector<std::string> &cats) {
  if (cats.empty()) return;
  std::string value = "CATEGORIES:";
  for (std::size_t i = 0; i < cats.size(); ++i) {
    require_text(where + ".categories", cats[i], false);
    if (i) value += ',';
    value += escape_text(cats[i]);
  }
  w.line(value);
}

void write_event(Writer &w, const Event &e, std::size_t index, const std::string &stamp,
                 const std::string &tzid) {
  const std::string where = "events[" + std::to_string(index) + "]";
  if (e.uid.empty()) throw Error(Errc::invalid_argument, where + ".uid", "", "a UID is required");
  if (e.summary.empty())
    throw Error(Errc::invalid_argument, where + ".summary", "", "a summary is required");
  require_text(where + ".uid", e.uid, false);
  require_text(where + ".summary", e.summary, true);
  require_text(where + ".description", e.description, true);
  if (e.start_minute && (*e.start_minute < 0 || *e.start_minute > 1439)) {
    throw Error(Errc::invalid_argument, where + ".start_minute", std::to_string(*e.start_minute),
                "minutes after midnight must be 0..1439");
  }
  if (e.start_minute && e.duration_minutes < 1) {
    throw Error(Errc::invalid_argument, where + ".duration_minutes",
                std::to_string(e.duration_minutes), "a timed event lasts at least a minute");
  }
  if (e.rule) {
    // DTSTART must be an occurrence: clients disagree about one that is not.
    const auto first = Recurrence(*e.rule, e.date).between(e.date, e.date);
    if (first.empty()) {
      throw Error(Errc::invalid_argument, where + ".date", e.date.to_string(),
                  "must be a date of the rule " + e.rule->to_string() +
                      " (calendar clients read a DTSTART outside the rule differently)");
    }
  }
  w.line("BEGIN:VEVENT");
  w.line("UID:" + escape_text(e.uid));
  w.line("DTSTAMP:" + stamp);
  w.line("DTSTART" + when(e, e.date, tzid));
  if (e.start_minute) {
    w.line("DURATION:PT" + std::to_string(e.duration_minutes) + "M");
  } else {
    w.line("DTEND" + when(e, e.date.add_days(1), tzid));
  }
  w.line("SUMMARY:" + escape_text(e.summary));
  if (!e.description.empty()) w.line("DESCRIPTION:" + escape_text(e.description));
  write_categories(w, where, e.categories);
  if (e.rule) w.line("RRULE:" + e.rule->to_string());
  if (!e.rdates.empty()) w.line("RDATE" + date_list(e, e.rdates, tzid));
  if (!e.exdates.empty()) w.line("EXDATE" + date_list(e, e.exdates, tzid));
  if (e.organizer) {
    require_email(where + ".organizer.email", e.organizer->email);
    std::string line = "ORGANIZER";
    if (!e.organizer->name.empty())
      line += ";CN=" + param_value(where + ".organizer.name", e.organizer->name);
    w.line(line + ":mailto:" + e.organizer->email);
  }
  for (std::size_t i = 0; i < e.attendees.size(); ++i) {
    const Person &p = e.attendees[i];
    const std::string at = where + ".attendees[" + std::to_string(i) + "]";
    require_email(at + ".email", p.email);
    std::string line = "ATTENDEE";
    if (!p.name.empty()) line += ";CN=" + param_value(at + ".name", p.name);
    w.line(line + ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:" + p.email);
  }
  for (std::size_t i = 0; i < e.alarms.size(); ++i) {
    const Alarm &a = e.alarms[i];
    const std::string at = where + ".alarms[" + std::to_string(i) + "]";
    if (a.minutes_before < 0) {
      throw Error(Errc::invalid_argument, at + ".minutes_before", std::to_string(a.minutes_before),
                  "must be 0 or more");
    }
    require_text(at + ".description", a.description, true);
    w.line("BEGIN:VALARM");
    w.line("ACTION:DISPLAY");
    w.line("DESCRIPTION:" + escape_text(a.description.empty() ? e.summary : a.description));
    w.line(a.minutes_before == 0 ? std::string("TRIGGER:PT0M")
                                 : "TRIGGER:-PT" + std::to_string(a.minutes_before) + "M");
    w.line("END:VALARM");
  }
  w.line("END:VEVENT");
}

void write_todo(Writer &w, const Todo &t, std::size_t index, const std::string &stamp) {
  static constexpr const char *kStatus[] = {"NEEDS-ACTION", "IN-PROCESS", "COMPLETED", "CANCELLED"};
  const std::string where = "todos[" + std::to_string(index) + "]";
  if (t.uid.empty()) throw Error(Errc::invalid_argument, where + ".uid", "", "a UID is required");
  if (t.summary.empty())
    throw Error(Errc::invalid_argument, where + ".summary", "", "a summary is required");
  require_text(where + ".uid", t.uid, false);
  require_text(where + ".summary", t.summary, true);
  require_text(where + ".description", t.description, true);
  require_text(where + ".related_to", t.related_to, false);
  if (t.percent_complete < 0 || t.percent_complete > 100) {
    throw Error(Errc::invalid_argument, where + ".percent_complete",
                std::to_string(t.percent_complete), "must be 0..100");
  }
  const auto status = static_cast<std::size_t>(t.status);
  if (status > 3) {
    throw Error(Errc::invalid_argument, where + ".status", std::to_string(status),
                "not a TodoStatus");
  }
  w.line("BEGIN:VTODO");
  w.line("UID:" + escape_text(t.uid));
  w.line("DTSTAMP:" + stamp);
  w.line("SUMMARY:" + escape_text(t.summary));
  if (!t.description.empty()) w.line("DESCRIPTION:" + escape_text(t.description));
  write_categories(w, where, t.categories);
  if (t.due) w.line("DUE;VALUE=DATE:" + basic_date(*t.due));
  w.line(std::string("STATUS:") + kStatus[status]);
  w.line("PERCENT-COMPLETE:" + std::to_string(t.percent_complete));
  if (!t.related_to.empty()) w.line("RELATED-TO:" + escape_text(t.related_to));
  w.line("END:VTODO");
}

void write_zone(Writer &w, const Zone &z) {
  w.line(std::string("BEGIN:VTIMEZONE"));
  w.line(std::string("TZID:") + z.name);
  w.line("BEGIN:DAYLIGHT");
  w.line(std::string("DTSTART:") + z.to_daylight);
  w.line("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
  w.line(std::string("TZOFFSETFROM:") + z.standard_offset);
  w.line(std::string("TZOFFSETTO:") + z.daylight_offset);
  w.line(std::string("TZNAME:") + z.daylight_name);
  w.line("END:DAYLIGHT");
  w.line("BEGIN:STANDARD");
  w.line(std::string("DTSTART:") + z.to_standard);
  w.line("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
  w.line(std::string("TZOFFSETFROM:") + z.daylight_offset);
  w.line(std::string("TZOFFSETTO:") + z.standard_offset);
  w.line(std::string("TZNAME:") + z.standard_name);
  w.line("END:STANDARD");
  w.line("END:VTIMEZONE");
}

}  // namespace

std::string escape_text(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\r':
        out += "\\n";
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string fold_line(std::string_view line) {
  std::string out;
  out.reserve(line.size() + line.size() / 70 * 3 + 2);
  std::size_t at = 0;
  std::size_t room = 75;  // the first physical line has 75 octets, the others 74 after the space
  while (line.size() - at > room) {
    std::size_t cut = at + room;
    // Never between the bytes of one UTF-8 sequence.
    while (cut > at && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
      --cut;
    out.append(line.substr(at, cut - at));
    out += "\r\n ";
    at = cut;
    room = 74;
  }
  out.append(line.substr(at));
  out += "\r\n";
  return out;
}

std::string write(std::span<const Event> events, std::span<const Todo> todos,
                  const WriteOptions &options) {
  const std::string stamp = basic_date(options.stamp) + "T000000Z";
  const bool timed = std::any_of(events.begin(), events.end(),
                                 [](const Event &e) { return e.start_minute.has_value(); });
  const Zone *zone = timed ? &zone_named(options.time_zone) : nullptr;
  const std::string product =
      options.product_id.empty() ? std::string("-//levande//levande " LEVANDE_VERSION_STRING "//EN")
                                 : options.product_id;
  require_text("product_id", product, false);

  Writer w;
  w.line("BEGIN:VCALENDAR");
  w.line("VERSION:2.0");
  w.line("PRODID:" + product);
  w.line("CALSCALE:GREGORIAN");
  if (zone) write_zone(w, *zone);
  for (std::size_t i = 0; i < events.size(); ++i)
    write_event(w, events[i], i, stamp, options.time_zone);
  for (std::size_t i = 0; i < todos.size(); ++i)
    write_todo(w, todos[i], i, stamp);
  w.line("END:VCALENDAR");
  return w.take();
}

std::pair<std::vector<Date>, std::vector<Date>> business_day_exceptions(
    const Recurrence &recurrence, const Calendar &calendar, Adjustment how, Date first, Date last) {
  const auto plain = recurrence.between(first, last);
  const auto adjusted = adjusted_between(recurrence, calendar, how, first, last);
  std::pair<std::vector<Date>, std::vector<Date>> result;
  std::set_difference(plain.begin(), plain.end(), adjusted.begin(), adjusted.end(),
                      std::back_inserter(result.first));
  std::set_difference(adjusted.begin(), adjusted.end(), plain.begin(), plain.end(),
                      std::back_inserter(result.second));
  return result;
}

std::vector<std::string> supported_time_zones() {
  std::vector<std::string> names;
  for (const Zone &z : kZones)
    names.emplace_back(z.name);
  return names;
}

}  // namespace levande::ical
