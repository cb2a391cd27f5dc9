// Column-wise appends to the logs: validated row by row before anything is
// stored, then appended and written in one transaction.
#include <cmath>
#include <unordered_set>

#include "levande/error.hpp"
#include "workspace/impl.hpp"
#include "workspace/invitations.hpp"

namespace levande {
namespace {

std::string row_field(Kind kind, std::size_t row, const char *field) {
  return std::string(kind_name(kind)) + "[" + std::to_string(row) + "]." + field;
}

void same_length(Kind kind, std::size_t n, std::initializer_list<std::size_t> others) {
  for (auto m : others) {
    if (m != n) {
      throw Error(Errc::invalid_argument, kind_name(kind), std::to_string(m),
                  "all columns must have the same length (" + std::to_string(n) + ")");
    }
  }
}

void check_index(Kind kind, std::size_t row, const char *field, std::uint32_t index,
                 std::size_t size, Kind target) {
  if (index >= size) {
    throw Error(Errc::not_found, row_field(kind, row, field), std::to_string(index),
                std::string("no ") + kind_name(target) + " entry at this index");
  }
}

void check_date(Kind kind, std::size_t row, const char *field, Date d) {
  if (!d.valid()) {
    throw Error(Errc::out_of_range, row_field(kind, row, field), std::to_string(d.days()),
                "is outside 1400-01-01..9999-12-31");
  }
}

void check_hours(Kind kind, std::size_t row, double h) {
  if (!(h >= 0.01 && h <= 24)) {
    throw Error(Errc::out_of_range, row_field(kind, row, "hours"), std::to_string(h),
                "must be between 0.01 and 24");
  }
}

// Appends with `push`, writes rows [n0, size) to the database; on failure the
// log is cut back to n0.
template <class Log, class Push>
void append_all(detail::Tables &t, detail::Store *store, Log &log, Kind kind, std::size_t count,
                Push &&push) {
  const std::size_t n0 = log.size();
  if (count == 0) return;  // nothing appended: no write
  try {
    log.reserve(n0 + count);  // exact room: no doubling slack in the columns
    push();
    if (store) store->append_log(t, kind, n0);
    t.generation = detail::next_generation();
  } catch (...) {
    log.truncate(n0);
    throw;
  }
}

}  // namespace

void Workspace::append_measurements(std::span<const std::uint32_t> goal, std::span<const Date> date,
                                    std::span<const double> value) {
  constexpr Kind k = Kind::measurement;
  same_length(k, goal.size(), {date.size(), value.size()});
  const auto goals = live_impl(impl_).t.goals.size();
  for (std::size_t i = 0; i < goal.size(); ++i) {
    check_index(k, i, "goal", goal[i], goals, Kind::goal);
    check_date(k, i, "date", date[i]);
    if (!std::isfinite(value[i])) {
      throw Error(Errc::invalid_argument, row_field(k, i, "value"), std::to_string(value[i]),
                  "must be a finite number");
    }
  }
  auto &log = live_impl(impl_).t.measurements;
  append_all(live_impl(impl_).t, live_impl(impl_).store.get(), log, k, goal.size(), [&] {
    log.goal.insert(log.goal.end(), goal.begin(), goal.end());
    log.date.insert(log.date.end(), date.begin(), date.end());
    log.value.insert(log.value.end(), value.begin(), value.end());
  });
}

void Workspace::append_check_ins(std::span<const std::uint32_t> plan,
                                 std::span<const Date> scheduled,
                                 std::span<const CheckInStatus> status, std::span<const Date> held,
                                 std::span<const Outcome> outcome) {
  constexpr Kind k = Kind::check_in;
  same_length(k, plan.size(), {scheduled.size(), status.size(), held.size(), outcome.size()});
  auto &log = live_impl(impl_).t.check_ins;
  const auto &plans = live_impl(impl_).t.action_plans;
  const auto &existing = log.key_index();
  std::unordered_set<std::uint64_t> batch;
  batch.reserve(plan.size());
  for (std::size_t i = 0; i < plan.size(); ++i) {
    check_index(k, i, "plan", plan[i], plans.size(), Kind::action_plan);
    check_date(k, i, "scheduled", scheduled[i]);
    if (static_cast<unsigned>(status[i]) > 2) {
      throw Error(Errc::invalid_argument, row_field(k, i, "status"),
                  std::to_string(static_cast<int>(status[i])), "is not a check-in status");
    }
    if (static_cast<unsigned>(outcome[i]) > 3) {
      throw Error(Errc::invalid_argument, row_field(k, i, "outcome"),
                  std::to_string(static_cast<int>(outcome[i])), "is not an outcome");
    }
    const bool is_held = status[i] == CheckInStatus::held;
    if (is_held) {
      check_date(k, i, "held", held[i]);
      if (held[i] == Date::min()) {  // the column's "not held" marker
        throw Error(Errc::out_of_range, row_field(k, i, "held"), held[i].to_string(),
                    "must be after the first supported day");
      }
      if (held[i] < plans.rows[plan[i]].created) {
        throw Error(Errc::constraint, row_field(k, i, "held"), held[i].to_string(),
                    "must not be before the plan was created (" +
                        plans.rows[plan[i]].created.to_string() + ")");
      }
    } else if (outcome[i] != Outcome::none) {
      throw Error(Errc::constraint, row_field(k, i, "outcome"), to_string(outcome[i]),
                  "is only recorded for held check-ins");
    }
    const auto key = detail::CheckInLog::key(plan[i], scheduled[i]);
    if (existing.contains(key) || !batch.insert(key).second) {
      throw Error(Errc::already_exists, row_field(k, i, "scheduled"), scheduled[i].to_string(),
                  "this plan already has a check-in on that date");
    }
  }
  append_all(live_impl(impl_).t, live_impl(impl_).store.get(), log, k, plan.size(), [&] {
    for (std::size_t i = 0; i < plan.size(); ++i) {
      const bool is_held = status[i] == CheckInStatus::held;
      log.push({plan[i], scheduled[i], is_held ? held[i] : Date::min(), status[i], outcome[i], 0});
    }
  });
}

void Workspace::append_responses(std::span<const std::uint32_t> session,
                                 std::span<const std::uint32_t> person,
                                 std::span<const std::uint8_t> impact) {
  constexpr Kind k = Kind::response;
  same_length(k, session.size(), {person.size(), impact.size()});
  auto &log = live_impl(impl_).t.responses;
  const auto &existing = log.key_index();
  std::unordered_set<std::uint64_t> batch;
  batch.reserve(session.size());
  const detail::Invitations invitations(live_impl(impl_).t, session.size());
  for (std::size_t i = 0; i < session.size(); ++i) {
    check_index(k, i, "session", session[i], live_impl(impl_).t.feedback_sessions.size(),
                Kind::feedback_session);
    check_index(k, i, "person", person[i], live_impl(impl_).t.people.size(), Kind::person);
    if (impact[i] < 1 || impact[i] > 5) {
      throw Error(Errc::out_of_range, row_field(k, i, "impact"), std::to_string(impact[i]),
                  "must be between 1 and 5");
    }
    const auto key = detail::ResponseLog::key(session[i], person[i]);
    if (existing.contains(key) || !batch.insert(key).second) {
      throw Error(Errc::already_exists, row_field(k, i, "person"),
                  live_impl(impl_).t.people.rows[person[i]].id,
                  "this person already answered this session");
    }
    invitations.require(live_impl(impl_).t.feedback_sessions.rows[session[i]], person[i],
                        row_field(k, i, "person"));
  }
  append_all(live_impl(impl_).t, live_impl(impl_).store.get(), log, k, session.size(), [&] {
    for (std::size_t i = 0; i < session.size(); ++i)
      log.push({session[i], person[i], impact[i], 0, 0});
  });
}

void Workspace::append_activities(std::span<const std::uint32_t> person, std::span<const Date> date,
                                  std::span<const double> hours, std::span<const LearningKind> kind,
                                  std::span<const std::uint8_t> self_initiated) {
  constexpr Kind k = Kind::activity;
  same_length(k, person.size(), {date.size(), hours.size(), kind.size(), self_initiated.size()});
  for (std::size_t i = 0; i < person.size(); ++i) {
    check_index(k, i, "person", person[i], live_impl(impl_).t.people.size(), Kind::person);
    check_date(k, i, "date", date[i]);
    check_hours(k, i, hours[i]);
    if (static_cast<unsigned>(kind[i]) > 2) {
      throw Error(Errc::invalid_argument, row_field(k, i, "kind"),
                  std::to_string(static_cast<int>(kind[i])), "is not a learning kind");
    }
  }
  auto &log = live_impl(impl_).t.activities;
  append_all(live_impl(impl_).t, live_impl(impl_).store.get(), log, k, person.size(), [&] {
    for (std::size_t i = 0; i < person.size(); ++i) {
      log.push({person[i], date[i], hours[i], kind[i],
                static_cast<std::uint8_t>(self_initiated[i] != 0)});
    }
  });
}

}  // namespace levande
