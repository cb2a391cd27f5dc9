// Rules one entity must satisfy on its own: required fields, text, ranges,
// date order. Rules that need other entities live in the workspace.
#include <algorithm>
#include <cmath>
#include <set>

#include "i18n/language.hpp"
#include "levande/error.hpp"
#include "levande/recurrence.hpp"
#include "model/schema.hpp"
#include "model/validate.hpp"
#include "support/text.hpp"

namespace levande::detail {
namespace {

std::string num(double v) {
  std::string s = std::to_string(v);
  while (s.size() > 1 && s.back() == '0')
    s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

// Names the entity in errors; the path is only built when something fails,
// because checks run for every one of millions of log records.
struct Checker {
  const void *entity;
  std::string (*make_path)(const void *);

  std::string path() const { return make_path(entity); }
  [[noreturn]] void fail(std::string_view field, const std::string &value, std::string_view reason,
                         Errc code = Errc::invalid_argument) const {
    throw Error(code, path() + "." + std::string(field), value, reason);
  }
  void range(std::string_view field, double v, double lo, double hi) const {
    if (!(v >= lo && v <= hi)) {
      fail(field, num(v), "must be between " + num(lo) + " and " + num(hi), Errc::out_of_range);
    }
  }
  void order(std::string_view later, Date a, std::string_view earlier, Date b) const {
    if (a < b) {
      fail(later, a.to_string(), "must not be before " + std::string(earlier) + " " + b.to_string(),
           Errc::constraint);
    }
  }
  void exactly_one(std::string_view a, const std::string &va, std::string_view b,
                   const std::string &vb) const {
    if (va.empty() == vb.empty()) {
      fail(a, va.empty() ? std::string() : va + "|" + vb,
           "exactly one of " + std::string(a) + " and " + std::string(b) + " must be set",
           Errc::constraint);
    }
  }
  void at_least_one(std::string_view a, const std::string &va, std::string_view b,
                    const std::string &vb) const {
    if (va.empty() && vb.empty()) {
      fail(a, "", "at least one of " + std::string(a) + " and " + std::string(b) + " must be set",
           Errc::constraint);
    }
  }
};

// The generic part: text is UTF-8, required text is present, dates are in
// range, numbers are finite, list elements are non-empty and unique.
template <class T>
void check_fields(const T &e, const Checker &c) {
  for_each_field<T>([&](const auto &f) {
    const auto &v = e.*(f.member);
    using M = std::remove_cvref_t<decltype(v)>;
    const std::string_view field = f.name;
    if constexpr (std::is_same_v<M, std::string>) {
      const bool is_id = f.ref || field == "id";
      if (v.size() > (is_id ? limits::id_bytes : limits::text_bytes))
        c.fail(field, v.substr(0, 40) + "…",
               "is " + std::to_string(v.size()) + " bytes long; at most " +
                   std::to_string(is_id ? limits::id_bytes : limits::text_bytes) + " are allowed",
               Errc::out_of_range);
      if (!text_ok(v, true)) require_text(c.path() + "." + std::string(field), v, true);
      if (f.required && v.empty()) c.fail(field, v, "is required");
      if (is_id && v.find_first_of("\r\n\t") != std::string::npos)
        c.fail(field, v, "an id cannot hold line breaks or tabs");
    } else if constexpr (std::is_same_v<M, std::vector<std::string>>) {
      if (v.size() > limits::list_items)
        c.fail(field, std::to_string(v.size()) + " items",
               "at most " + std::to_string(limits::list_items) + " are allowed",
               Errc::out_of_range);
      const std::size_t most = f.ref ? limits::id_bytes : limits::text_bytes;
      std::set<std::string_view> seen;
      for (std::size_t i = 0; i < v.size(); ++i) {
        const std::string item = std::string(field) + "[" + std::to_string(i) + "]";
        if (v[i].size() > most)
          c.fail(item, v[i].substr(0, 40) + "…",
                 "is " + std::to_string(v[i].size()) + " bytes long; at most " +
                     std::to_string(most) + " are allowed",
                 Errc::out_of_range);
        require_text(c.path() + "." + item, v[i], true);
        if (f.name == "answers") continue;  // answers may repeat and be empty
        if (v[i].empty()) c.fail(item, v[i], "must not be empty");
        if (!seen.insert(v[i]).second) c.fail(item, v[i], "is listed twice", Errc::already_exists);
      }
    } else if constexpr (std::is_same_v<M, Date>) {
      if (!v.valid())
        c.fail(field, std::to_string(v.days()), "is outside 1400-01-01..9999-12-31",
               Errc::out_of_range);
    } else if constexpr (std::is_same_v<M, std::optional<Date>>) {
      if (v && !v->valid())
        c.fail(field, std::to_string(v->days()), "is outside 1400-01-01..9999-12-31",
               Errc::out_of_range);
    } else if constexpr (std::is_same_v<M, double>) {
      if (!std::isfinite(v)) c.fail(field, num(v), "must be a finite number");
    } else if constexpr (std::is_same_v<M, std::optional<double>>) {
      if (v && !std::isfinite(*v)) c.fail(field, num(*v), "must be a finite number");
    } else if constexpr (NamedEnum<M>) {
      if (static_cast<std::size_t>(v) >= EnumNames<M>::names.size()) {
        c.fail(field, std::to_string(static_cast<int>(v)), "is not a valid value");
      }
    }
  });
}

void rules(const Team &, const Checker &) {}

void rules(const Person &p, const Checker &c) {
  if (!p.email.empty()) require_email(c.path() + ".email", p.email);
  if (!p.manager.empty() && p.manager == p.id) {
    c.fail("manager", p.manager, "a person cannot be their own manager", Errc::constraint);
  }
}

void rules(const Training &t, const Checker &c) {
  c.order("end", t.end, "start", t.start);
  if (!(t.cost >= 0)) c.fail("cost", num(t.cost), "must not be negative", Errc::out_of_range);
}

void rules(const Participation &p, const Checker &c) {
  if (p.pre_score) c.range("pre_score", *p.pre_score, 0, 100);
  if (p.post_score) c.range("post_score", *p.post_score, 0, 100);
  if (p.reaction) c.range("reaction", *p.reaction, 1, 5);
}

void rules(const ActionPlan &p, const Checker &c) {
  c.exactly_one("person", p.person, "team", p.team);
  c.order("agreed_by", p.agreed_by, "created", p.created);
  if (p.ends) c.order("ends", *p.ends, "agreed_by", p.agreed_by);
}

void rules(const Task &, const Checker &) {}

void rules(const Goal &g, const Checker &c) {
  if (g.target == g.baseline) {
    c.fail("target", num(g.target), "must differ from baseline " + num(g.baseline),
           Errc::constraint);
  }
  const bool up = g.target > g.baseline;
  if (up != (g.direction == Direction::increase)) {
    c.fail("direction", to_string(g.direction),
           "contradicts baseline " + num(g.baseline) + " and target " + num(g.target),
           Errc::constraint);
  }
  if (g.value_per_unit && *g.value_per_unit < 0) {
    c.fail("value_per_unit", num(*g.value_per_unit), "must not be negative", Errc::out_of_range);
  }
}

void rules(const Measurement &, const Checker &) {}

void rules(const CheckIn &ci, const Checker &c) {
  const bool held = ci.status == CheckInStatus::held;
  if (held != ci.held.has_value()) {
    c.fail("held", ci.held ? ci.held->to_string() : "",
           held ? "is required when status is held" : "is only allowed when status is held",
           Errc::constraint);
  }
  if (ci.held && *ci.held == Date::min()) {
    // Date::min() marks "not held" in the check-in columns.
    c.fail("held", ci.held->to_string(), "must be after the first supported day",
           Errc::out_of_range);
  }
  if (!held && ci.outcome != Outcome::none) {
    c.fail("outcome", to_string(ci.outcome), "is only recorded for held check-ins",
           Errc::constraint);
  }
}

void rules(const Assignment &a, const Checker &c) {
  c.exactly_one("person", a.person, "team", a.team);
  c.at_least_one("skill", a.skill, "training", a.training);
  if (a.end) c.order("end", *a.end, "start", a.start);
}

void rules(const Ambassador &a, const Checker &c) {
  c.at_least_one("training", a.training, "skill", a.skill);
}

void rules(const PeerGroup &g, const Checker &c) {
  if (g.members.size() < 2) {
    c.fail("members", std::to_string(g.members.size()), "a peer group needs at least 2 members",
           Errc::constraint);
  }
  for (const auto &m : g.mentors) {
    for (const auto &p : g.members) {
      if (m == p) c.fail("mentors", m, "is also a member", Errc::constraint);
    }
  }
}

void rules(const PeerSession &s, const Checker &c) {
  c.exactly_one("group", s.group, "ambassador", s.ambassador);
}

void rules(const FeedbackSession &s, const Checker &c) {
  c.at_least_one("training", s.training, "team", s.team);
}

void rules(const Response &r, const Checker &c) {
  c.range("impact", r.impact, 1, 5);
}

void rules(const Success &s, const Checker &c) {
  if (s.celebrated) c.order("celebrated", *s.celebrated, "date", s.date);
}

void rules(const CompetencePlan &p, const Checker &c) {
  c.range("year", p.year, 1400, 9999);
}

void rules(const Initiative &i, const Checker &c) {
  c.range("quarter", i.quarter, 1, 4);
  if (!(i.hours >= 0)) c.fail("hours", num(i.hours), "must not be negative", Errc::out_of_range);
}

void rules(const LearningSlot &s, const Checker &c) {
  try {
    (void)RecurrenceRule::parse(s.rule);
  } catch (const Error &e) {
    c.fail("rule", s.rule, e.what(), e.code());
  }
  c.range("hours", s.hours, 0.01, 24);
}

void rules(const Activity &a, const Checker &c) {
  c.range("hours", a.hours, 0.01, 24);
}

void rules(const Policy &p, const Checker &c) {
  for (const auto &[field, rule] : {std::pair{"check_in_rule", &p.check_in_rule},
                                    std::pair{"peer_session_rule", &p.peer_session_rule}}) {
    try {
      (void)RecurrenceRule::parse(*rule);
    } catch (const Error &e) {
      c.fail(field, *rule, e.what(), e.code());
    }
  }
  c.range("plan_due_business_days", p.plan_due_business_days, 0, 365);
  c.range("check_in_weeks", p.check_in_weeks, 1, 520);
  c.range("assignment_review_days", p.assignment_review_days, 1, 3650);
  c.range("peer_session_weeks", p.peer_session_weeks, 1, 520);
  c.range("ambassador_session_weeks", p.ambassador_session_weeks, 0, 52);
  for (std::size_t i = 0; i < p.feedback_offsets_days.size(); ++i) {
    const auto field = "feedback_offsets_days[" + std::to_string(i) + "]";
    c.range(field, p.feedback_offsets_days[i], 1, 3650);
    if (i > 0 && p.feedback_offsets_days[i] <= p.feedback_offsets_days[i - 1]) {
      c.fail(field, std::to_string(p.feedback_offsets_days[i]), "offsets must increase",
             Errc::constraint);
    }
  }
  c.range("retention_target", p.retention_target, 0.5, 0.99);
  c.range("max_interval_days", p.max_interval_days, 1, 36500);
  c.range("max_events_per_week", p.max_events_per_week, 1, 50);
  c.range("max_events_per_manager_day", p.max_events_per_manager_day, 0, 1000);
  c.range("tolerance_days", p.tolerance_days, 0, 90);
  c.range("horizon_days", p.horizon_days, 30, 3650);
  c.range("competence_review_month", p.competence_review_month, 1, 12);
  // Every step must fit in the follow-up horizon.
  const auto past = [&](const std::string &field, std::int32_t value, std::int32_t days) {
    if (days > p.horizon_days) {
      c.fail(field, std::to_string(value),
             "reaches " + std::to_string(days) +
                 " days after the training, past the policy "
                 "horizon of " +
                 std::to_string(p.horizon_days) + " days",
             Errc::constraint);
    }
  };
  past("check_in_weeks", p.check_in_weeks, 7 * p.check_in_weeks);
  past("peer_session_weeks", p.peer_session_weeks, 7 * p.peer_session_weeks);
  past("ambassador_session_weeks", p.ambassador_session_weeks, 7 * p.ambassador_session_weeks);
  past("assignment_review_days", p.assignment_review_days, p.assignment_review_days);
  for (std::size_t i = 0; i < p.feedback_offsets_days.size(); ++i) {
    past("feedback_offsets_days[" + std::to_string(i) + "]", p.feedback_offsets_days[i],
         p.feedback_offsets_days[i]);
  }
}

void rules(const Absence &a, const Checker &c) {
  c.order("last", a.last, "first", a.first);
}

}  // namespace

template <class T>
std::string entity_path(const T &e) {
  std::string path = kind_name(Schema<T>::kind);
  if constexpr (has_id<T>) {
    return path + "[" + e.id + "]";
  } else if constexpr (std::is_same_v<T, Measurement>) {
    return path + "[goal=" + e.goal + ", date=" + e.date.to_string() + "]";
  } else if constexpr (std::is_same_v<T, CheckIn>) {
    return path + "[plan=" + e.plan + ", scheduled=" + e.scheduled.to_string() + "]";
  } else if constexpr (std::is_same_v<T, Response>) {
    return path + "[session=" + e.session + ", person=" + e.person + "]";
  } else {
    return path + "[person=" + e.person + ", date=" + e.date.to_string() + "]";
  }
}

template <class T>
void check_entity(const T &e) {
  const Checker c{&e, [](const void *x) { return entity_path(*static_cast<const T *>(x)); }};
  check_fields(e, c);
  rules(e, c);
}

#define LEVANDE_INSTANTIATE(T)                    \
  template std::string entity_path<T>(const T &); \
  template void check_entity<T>(const T &);
LEVANDE_FOR_EACH_ENTITY(LEVANDE_INSTANTIATE)
#undef LEVANDE_INSTANTIATE

Settings checked_settings(const Settings &s) {
  if (!i18n::Language::known(s.language)) {
    throw Error(Errc::invalid_argument, "settings.language", s.language,
                "is not a language levande writes (" + i18n::Language::available_list() + ")");
  }
  const bool iso =
      s.currency.size() == 3 && std::all_of(s.currency.begin(), s.currency.end(),
                                            [](char c) { return c >= 'A' && c <= 'Z'; });
  if (!iso) {
    throw Error(Errc::invalid_argument, "settings.currency", s.currency,
                "must be an ISO 4217 code of three capital letters (SEK, EUR)");
  }
  return {i18n::Language::normalise(s.language), s.currency};
}

}  // namespace levande::detail
