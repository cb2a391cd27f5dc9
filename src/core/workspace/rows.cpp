// Log records between their public structs and their rows of columns
// (rows.hpp), and the rows a key selects.
#include "workspace/rows.hpp"

#include "levande/error.hpp"
#include "model/validate.hpp"
#include "workspace/errors.hpp"

namespace levande::detail {
namespace {

// The dense index a log column stores for a reference; `where` names the
// field and is only called on failure.
template <class T, class Where>
std::uint32_t resolve(const Catalog<T> &cat, Where &&where, const std::string &id) {
  if (auto i = cat.index_of(id)) return *i;
  throw unknown(where(), Schema<T>::kind, id);
}

}  // namespace

MeasurementLog::Raw to_raw(const Tables &t, const Measurement &m) {
  return {resolve(
              t.goals, [&] { return entity_path(m) + ".goal"; }, m.goal),
          m.date, m.value};
}

CheckInLog::Raw to_raw(Tables &t, const CheckIn &c) {
  const auto plan = resolve(
      t.action_plans, [&] { return entity_path(c) + ".plan"; }, c.plan);
  return {plan,     c.scheduled, c.held.value_or(Date::min()),
          c.status, c.outcome,   t.check_ins.notes.put(c.note)};
}

ResponseLog::Raw to_raw(Tables &t, const Response &r) {
  const auto session = resolve(
      t.feedback_sessions, [&] { return entity_path(r) + ".session"; }, r.session);
  const auto person = resolve(
      t.people, [&] { return entity_path(r) + ".person"; }, r.person);
  return {session, person, static_cast<std::uint8_t>(r.impact),
          t.responses.answer_pool.put(r.answers), t.responses.support_pool.put(r.support_needed)};
}

ActivityLog::Raw to_raw(const Tables &t, const Activity &a) {
  return {resolve(
              t.people, [&] { return entity_path(a) + ".person"; }, a.person),
          a.date, a.hours, a.kind, static_cast<std::uint8_t>(a.self_initiated)};
}

Measurement log_row(const Tables &t, const MeasurementLog &log, std::size_t i) {
  return {t.goals.rows[log.goal[i]].id, log.date[i], log.value[i]};
}

CheckIn log_row(const Tables &t, const CheckInLog &log, std::size_t i) {
  CheckIn c;
  c.plan = t.action_plans.rows[log.plan[i]].id;
  c.scheduled = log.scheduled[i];
  c.status = log.status[i];
  if (log.held[i] != Date::min()) c.held = log.held[i];
  c.outcome = log.outcome[i];
  c.note = log.notes.get(log.note[i]);
  return c;
}

Response log_row(const Tables &t, const ResponseLog &log, std::size_t i) {
  return {t.feedback_sessions.rows[log.session[i]].id, t.people.rows[log.person[i]].id,
          log.impact[i], log.answer_pool.get(log.answers[i]), log.support_pool.get(log.support[i])};
}

Activity log_row(const Tables &t, const ActivityLog &log, std::size_t i) {
  return {t.people.rows[log.person[i]].id, log.date[i], log.hours[i], log.kind[i],
          log.self_initiated[i] != 0};
}

std::vector<std::uint32_t> log_rows_for_key(const Tables &t, const Key &key) {
  std::vector<std::uint32_t> rows;
  // Responses are keyed by two ids; the other logs by an id and a date.
  auto day = [&] { return Date::parse(key.second); };
  switch (key.kind) {
    case Kind::check_in: {
      const auto plan = t.action_plans.index_of(key.id);
      const Date d = day();
      const auto &keys = t.check_ins.key_index();
      if (plan) {
        if (auto it = keys.find(CheckInLog::key(*plan, d)); it != keys.end())
          rows.push_back(it->second);
      }
      break;
    }
    case Kind::response: {
      const auto session = t.feedback_sessions.index_of(key.id);
      const auto person = t.people.index_of(key.second);
      const auto &keys = t.responses.key_index();
      if (session && person) {
        if (auto it = keys.find(ResponseLog::key(*session, *person)); it != keys.end()) {
          rows.push_back(it->second);
        }
      }
      break;
    }
    case Kind::measurement:
    case Kind::activity: {
      const bool m = key.kind == Kind::measurement;
      const auto owner = m ? t.goals.index_of(key.id) : t.people.index_of(key.id);
      const Date d = day();
      const auto &refs = m ? t.measurements.goal : t.activities.person;
      const auto &dates = m ? t.measurements.date : t.activities.date;
      for (std::size_t i = 0; owner && i < refs.size(); ++i) {
        if (refs[i] == *owner && dates[i] == d) rows.push_back(static_cast<std::uint32_t>(i));
      }
      break;
    }
    default:
      throw Error(Errc::invalid_argument, "kind", kind_name(key.kind), "is not a log kind");
  }
  return rows;
}

}  // namespace levande::detail
