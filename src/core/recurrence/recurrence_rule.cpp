// RRULE text: the strict parser and the canonical formatter (RFC 5545 §3.3.10).
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

#include "levande/error.hpp"
#include "levande/recurrence.hpp"

namespace levande {
namespace {

constexpr std::array<const char *, 7> kDayCodes = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

std::string upper(std::string_view s) {
  std::string out(s);
  for (char &c : out)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Where in the rule text a problem is, for the message.
struct Where {
  std::string_view rule;
  std::string part;    // e.g. "BYDAY"
  std::size_t offset;  // position of the value (or part) in the rule text
};

[[noreturn]] void fail(const Where &w, std::string_view value, const std::string &reason,
                       Errc code = Errc::parse_error) {
  std::string where = " at position " + std::to_string(w.offset);
  if (value != w.rule) where += " of \"" + std::string(w.rule) + "\"";
  throw Error(code, w.part.empty() ? "RRULE" : w.part, std::string(value), reason + where);
}

// A signed decimal integer of at most 9 digits; `what` is its range for the message.
std::int32_t parse_int(const Where &w, std::string_view text, bool allow_sign) {
  std::size_t i = 0;
  bool negative = false;
  if (allow_sign && !text.empty() && (text[0] == '+' || text[0] == '-')) {
    negative = text[0] == '-';
    i = 1;
  }
  if (i == text.size()) fail(w, text, "expected a number");
  if (text.size() - i > 9) fail(w, text, "number too large");
  std::int32_t v = 0;
  for (; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') fail(w, text, "expected a number");
    v = v * 10 + (text[i] - '0');
  }
  return negative ? -v : v;
}

// Calls item(where, text) for each comma-separated item of a list value.
template <class Item>
void for_each_item(const Where &w, std::string_view text, Item &&item) {
  std::size_t at = 0;
  while (true) {
    const std::size_t comma = text.find(',', at);
    Where here = w;
    here.offset += at;
    item(here,
         text.substr(at, comma == std::string_view::npos ? std::string_view::npos : comma - at));
    if (comma == std::string_view::npos) break;
    at = comma + 1;
  }
}

// Comma-separated integers, each within ±[1, max] (or [1, max] when !signed_).
std::vector<std::int32_t> parse_int_list(const Where &w, std::string_view text, std::int32_t max,
                                         bool signed_) {
  std::vector<std::int32_t> out;
  for_each_item(w, text, [&](const Where &here, std::string_view item) {
    const std::int32_t v = parse_int(here, item, signed_);
    if (v == 0 || v > max || v < -max || (!signed_ && v < 0)) {
      fail(here, item,
           signed_ ? "must be 1.." + std::to_string(max) + " or -" + std::to_string(max) + "..-1"
                   : "must be 1.." + std::to_string(max));
    }
    out.push_back(v);
  });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Weekday parse_day_code(const Where &w, std::string_view code) {
  const std::string u = upper(code);
  for (std::size_t i = 0; i < kDayCodes.size(); ++i) {
    if (u == kDayCodes[i]) return static_cast<Weekday>(i + 1);
  }
  fail(w, code, "expected a weekday MO, TU, WE, TH, FR, SA or SU");
}

Date parse_until(const Where &w, std::string_view text) {
  // DATE (YYYYMMDD) or DATE-TIME (YYYYMMDDTHHMMSS, optionally Z); the date part counts.
  const bool date_only = text.size() == 8;
  const bool date_time =
      (text.size() == 15 || (text.size() == 16 && (text[15] == 'Z' || text[15] == 'z'))) &&
      (text[8] == 'T' || text[8] == 't');
  if (!date_only && !date_time) fail(w, text, "expected YYYYMMDD or YYYYMMDDTHHMMSS[Z]");
  for (std::size_t i = 0; i < (date_only ? 8u : 15u); ++i) {
    if (i == 8) continue;
    if (text[i] < '0' || text[i] > '9') fail(w, text, "expected YYYYMMDD or YYYYMMDDTHHMMSS[Z]");
  }
  auto num = [&](std::size_t at, std::size_t n) {
    std::int32_t v = 0;
    for (std::size_t i = at; i < at + n; ++i)
      v = v * 10 + (text[i] - '0');
    return v;
  };
  if (date_time && (num(9, 2) > 23 || num(11, 2) > 59 || num(13, 2) > 60)) {
    fail(w, text, "not a valid time of day");
  }
  try {
    return Date::from_ymd(num(0, 4), num(4, 2), num(6, 2));
  } catch (const Error &e) {
    fail(w, text, std::string("not a valid date: ") + e.what(), e.code());
  }
}

std::vector<WeekdayNum> parse_by_day(const Where &w, std::string_view text) {
  std::vector<WeekdayNum> out;
  for_each_item(w, text, [&](const Where &here, std::string_view item) {
    if (item.size() < 2) fail(here, item, "expected [+|-][ordinal]MO..SU");
    WeekdayNum entry;
    entry.weekday = parse_day_code(here, item.substr(item.size() - 2));
    const std::string_view ordinal = item.substr(0, item.size() - 2);
    if (!ordinal.empty()) {
      entry.ordinal = parse_int(here, ordinal, true);
      if (entry.ordinal == 0 || entry.ordinal > 53 || entry.ordinal < -53) {
        fail(here, item, "the ordinal must be 1..53 or -53..-1");
      }
    }
    out.push_back(entry);
  });
  std::sort(out.begin(), out.end(), [](const WeekdayNum &a, const WeekdayNum &b) {
    return a.ordinal != b.ordinal ? a.ordinal < b.ordinal : a.weekday < b.weekday;
  });
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void append_list(std::string &out, const char *name, const std::vector<std::int32_t> &values) {
  if (values.empty()) return;
  out += ';';
  out += name;
  out += '=';
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out += ',';
    out += std::to_string(values[i]);
  }
}

}  // namespace

RecurrenceRule RecurrenceRule::parse(std::string_view text) {
  std::string_view body = text;
  std::size_t base = 0;
  if (body.size() >= 6 && upper(body.substr(0, 6)) == "RRULE:") {
    body.remove_prefix(6);
    base = 6;
  }
  // One trailing ';' is accepted: Google Calendar has been seen writing it.
  if (!body.empty() && body.back() == ';') body.remove_suffix(1);
  const Where whole{text, "", 0};
  if (body.empty()) fail(whole, text, "an empty rule; FREQ is required");

  RecurrenceRule r;
  bool has_freq = false;
  std::vector<std::string> seen;
  std::size_t at = 0;
  while (true) {
    const std::size_t semi = body.find(';', at);
    const std::string_view part =
        body.substr(at, semi == std::string_view::npos ? std::string_view::npos : semi - at);
    const std::size_t eq = part.find('=');
    Where w{text, "", base + at};
    if (part.empty()) fail(w, part, "an empty rule part (two ';' in a row, or one at the end)");
    if (eq == std::string_view::npos || eq == 0) fail(w, part, "expected NAME=VALUE");
    w.part = upper(part.substr(0, eq));
    const std::string_view value = part.substr(eq + 1);
    w.offset = base + at + eq + 1;
    if (std::find(seen.begin(), seen.end(), w.part) != seen.end()) {
      fail(w, value, "this part is given twice");
    }
    seen.push_back(w.part);
    if (value.empty()) fail(w, value, "the value is empty");

    const std::string &name = w.part;
    if (name == "FREQ") {
      const std::string v = upper(value);
      if (v == "DAILY")
        r.freq_ = Frequency::daily;
      else if (v == "WEEKLY")
        r.freq_ = Frequency::weekly;
      else if (v == "MONTHLY")
        r.freq_ = Frequency::monthly;
      else if (v == "YEARLY")
        r.freq_ = Frequency::yearly;
      else if (v == "HOURLY" || v == "MINUTELY" || v == "SECONDLY")
        fail(w, value,
             "levande recurrences are date-valued; sub-daily frequencies are not supported",
             Errc::unsupported);
      else
        fail(w, value, "expected DAILY, WEEKLY, MONTHLY or YEARLY");
      has_freq = true;
    } else if (name == "INTERVAL") {
      r.interval_ = parse_int(w, value, false);
      if (r.interval_ < 1 || r.interval_ > max_interval) {
        fail(w, value, "must be 1.." + std::to_string(max_interval));
      }
    } else if (name == "COUNT") {
      const std::int32_t c = parse_int(w, value, false);
      if (c < 1 || c > max_count) fail(w, value, "must be 1.." + std::to_string(max_count));
      r.count_ = c;
    } else if (name == "UNTIL") {
      r.until_ = parse_until(w, value);
    } else if (name == "BYMONTH") {
      r.by_month_ = parse_int_list(w, value, 12, false);
    } else if (name == "BYWEEKNO") {
      r.by_week_no_ = parse_int_list(w, value, 53, true);
    } else if (name == "BYYEARDAY") {
      r.by_year_day_ = parse_int_list(w, value, 366, true);
    } else if (name == "BYMONTHDAY") {
      r.by_month_day_ = parse_int_list(w, value, 31, true);
    } else if (name == "BYSETPOS") {
      r.by_set_pos_ = parse_int_list(w, value, 366, true);
    } else if (name == "BYDAY") {
      r.by_day_ = parse_by_day(w, value);
    } else if (name == "WKST") {
      r.wkst_ = parse_day_code(w, value);
    } else if (name == "BYHOUR" || name == "BYMINUTE" || name == "BYSECOND") {
      fail(w, value, "levande recurrences are date-valued; time-of-day parts are not supported",
           Errc::unsupported);
    } else {
      w.offset = base + at;
      fail(w, part, "unknown rule part");
    }
    if (semi == std::string_view::npos) break;
    at = semi + 1;
  }

  // Combinations RFC 5545 §3.3.10 rules out.
  auto rule_fail = [&](const char *part, const std::string &reason) {
    const std::size_t pos = body.find(part);
    fail(Where{text, part, base + (pos == std::string_view::npos ? 0 : pos)}, text, reason);
  };
  if (!has_freq) rule_fail("FREQ", "FREQ is required");
  if (r.count_ && r.until_) rule_fail("COUNT", "COUNT and UNTIL cannot both be given");
  if (!r.by_set_pos_.empty() && r.by_month_.empty() && r.by_week_no_.empty() &&
      r.by_year_day_.empty() && r.by_month_day_.empty() && r.by_day_.empty()) {
    rule_fail("BYSETPOS", "BYSETPOS needs another BYxxx part to select from");
  }
  if (!r.by_week_no_.empty() && r.freq_ != Frequency::yearly) {
    rule_fail("BYWEEKNO", "BYWEEKNO is only valid with FREQ=YEARLY");
  }
  if (!r.by_year_day_.empty() && r.freq_ != Frequency::yearly) {
    rule_fail("BYYEARDAY", "BYYEARDAY is only valid with FREQ=YEARLY");
  }
  if (!r.by_month_day_.empty() && r.freq_ == Frequency::weekly) {
    rule_fail("BYMONTHDAY", "BYMONTHDAY is not valid with FREQ=WEEKLY");
  }
  const bool ordinals = std::any_of(r.by_day_.begin(), r.by_day_.end(),
                                    [](const WeekdayNum &d) { return d.ordinal != 0; });
  if (ordinals && r.freq_ != Frequency::monthly && r.freq_ != Frequency::yearly) {
    rule_fail("BYDAY", "a weekday with an ordinal (like 2MO) needs FREQ=MONTHLY or FREQ=YEARLY");
  }
  if (ordinals && !r.by_week_no_.empty()) {
    rule_fail("BYDAY", "a weekday with an ordinal cannot be combined with BYWEEKNO");
  }
  return r;
}

std::string RecurrenceRule::to_string() const {
  static constexpr const char *kFreq[] = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"};
  std::string out = "FREQ=";
  out += kFreq[static_cast<int>(freq_)];
  if (interval_ != 1) out += ";INTERVAL=" + std::to_string(interval_);
  if (count_) out += ";COUNT=" + std::to_string(*count_);
  if (until_) {
    const auto p = until_->ymd();
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", p.year, p.month, p.day);
    out += ";UNTIL=";
    out += buf;
  }
  append_list(out, "BYMONTH", by_month_);
  append_list(out, "BYWEEKNO", by_week_no_);
  append_list(out, "BYYEARDAY", by_year_day_);
  append_list(out, "BYMONTHDAY", by_month_day_);
  if (!by_day_.empty()) {
    out += ";BYDAY=";
    for (std::size_t i = 0; i < by_day_.size(); ++i) {
      if (i) out += ',';
      if (by_day_[i].ordinal != 0) out += std::to_string(by_day_[i].ordinal);
      out += kDayCodes[static_cast<int>(by_day_[i].weekday) - 1];
    }
  }
  append_list(out, "BYSETPOS", by_set_pos_);
  if (wkst_ != Weekday::monday) {
    out += ";WKST=";
    out += kDayCodes[static_cast<int>(wkst_) - 1];
  }
  return out;
}

}  // namespace levande
