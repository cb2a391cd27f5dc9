#include "workspace/txn.hpp"

#include <unordered_set>

#include "levande/error.hpp"
#include "model/validate.hpp"
#include "workspace/rows.hpp"

namespace levande::detail {
namespace {

const char *singular(Kind k) {
  static constexpr std::array<const char *, kind_count> names{
      "team",          "person",           "training",
      "participation", "action plan",      "task",
      "goal",          "measurement",      "check-in",
      "assignment",    "ambassador",       "peer group",
      "peer session",  "feedback session", "response",
      "success",       "competence plan",  "initiative",
      "learning slot", "activity",         "policy",
      "absence"};
  return names[static_cast<std::size_t>(k)];
}

Error unknown(const std::string &where, Kind target, const std::string &value) {
  return Error(Errc::not_found, where, value, std::string("no such ") + singular(target));
}

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

void Txn::run(const Batch::Op &op) {
  switch (op.type) {
    case Batch::Op::Type::add:
      add(op.entity);
      break;
    case Batch::Op::Type::update:
      update(op.entity);
      break;
    case Batch::Op::Type::remove:
      remove(op.key, op.cascade);
      break;
  }
}

void Txn::on_append(Kind kind) {
  auto &flag = appended_[static_cast<std::size_t>(kind)];
  if (flag) return;
  flag = true;
  visit_kind(kind, [&]<class T>() {
    auto &tab = table_of<T>(t_);
    undo_.push_back([&tab, n = tab.size()] { tab.truncate(n); });
  });
}

template <class Table>
void Txn::snapshot(Table &table) {
  undo_.push_back([&table, copy = table]() mutable { table = std::move(copy); });
}

void Txn::rollback_to(const Mark &m) {
  while (undo_.size() > m.undo) {
    undo_.back()();
    undo_.pop_back();
  }
  changes_.resize(m.changes);
  touched_.resize(m.touched);
  updated_.resize(m.updated);
  appended_ = m.appended;
}

void Txn::add(const Entity &entity) {
  std::visit([&](const auto &e) { add_one(e); }, entity);
}

void Txn::update(const Entity &entity) {
  std::visit([&](const auto &e) { update_one(e); }, entity);
}

namespace {

// One policy per training kind, checked when the policy is written (not at
// the end of the batch), so in a lenient import only the later one is lost.
void check_policy_kind(const Tables &t, const Policy &p) {
  for (const auto &other : t.policies.rows) {
    if (other.id != p.id && other.training_kind == p.training_kind) {
      throw Error(Errc::already_exists, entity_path(p) + ".training_kind", p.training_kind,
                  "policy " + other.id + " already covers this training kind");
    }
  }
}

}  // namespace

template <class T>
void Txn::add_one(T e) {
  constexpr Kind kind = Schema<T>::kind;
  if constexpr (std::is_same_v<T, Participation>) {
    if (e.id.empty()) e.id = e.person + "@" + e.training;
  } else if constexpr (std::is_same_v<T, Ambassador>) {
    if (e.id.empty()) e.id = e.person + "@" + (e.training.empty() ? e.skill : e.training);
  } else if constexpr (std::is_same_v<T, FeedbackSession>) {
    if (e.questions.empty()) e.questions = default_feedback_questions();
  }
  check_entity(e);
  auto &tab = table_of<T>(t_);
  if constexpr (has_id<T>) {
    if (tab.find(e.id)) {
      throw Error(Errc::already_exists, entity_path(e) + ".id", e.id,
                  std::string("a ") + singular(kind) + " with this id already exists");
    }
    if constexpr (std::is_same_v<T, Policy>) check_policy_kind(t_, e);
    on_append(kind);
    touched_.emplace_back(kind, e.id);
    tab.push(e);
  } else {
    const auto raw = to_raw(t_, e);
    if constexpr (std::is_same_v<T, CheckIn>) {
      if (tab.key_index().contains(CheckInLog::key(std::get<0>(raw), e.scheduled))) {
        throw Error(Errc::already_exists, entity_path(e) + ".scheduled", e.scheduled.to_string(),
                    "this plan already has a check-in on that date");
      }
      const auto &plan = t_.action_plans.rows[std::get<0>(raw)];
      if (e.held && *e.held < plan.created) {
        throw Error(Errc::constraint, entity_path(e) + ".held", e.held->to_string(),
                    "must not be before the plan was created (" + plan.created.to_string() + ")");
      }
    } else if constexpr (std::is_same_v<T, Response>) {
      if (tab.key_index().contains(ResponseLog::key(std::get<0>(raw), std::get<1>(raw)))) {
        throw Error(Errc::already_exists, entity_path(e), e.person,
                    "this person already answered this session");
      }
      const auto &session = t_.feedback_sessions.rows[std::get<0>(raw)];
      if (e.answers.size() > session.questions.size()) {
        throw Error(Errc::constraint, entity_path(e) + ".answers", std::to_string(e.answers.size()),
                    "more answers than the session has questions (" +
                        std::to_string(session.questions.size()) + ")");
      }
    }
    on_append(kind);
    tab.push(raw);
  }
  record({Change::Type::insert, kind, std::move(e), {}});
}

template <class T>
void Txn::update_one(T e) {
  constexpr Kind kind = Schema<T>::kind;
  if constexpr (std::is_same_v<T, FeedbackSession>) {
    if (e.questions.empty()) e.questions = default_feedback_questions();
  }
  check_entity(e);
  auto &tab = table_of<T>(t_);
  if constexpr (has_id<T>) {
    const auto i = tab.index_of(e.id);
    if (!i) {
      throw Error(Errc::not_found, entity_path(e) + ".id", e.id,
                  std::string("no ") + singular(kind) + " with this id to update");
    }
    if constexpr (std::is_same_v<T, Policy>) check_policy_kind(t_, e);
    undo_.push_back([&tab, at = *i, old = tab.rows[*i]] { tab.rows[at] = old; });
    tab.rows[*i] = e;
    touched_.emplace_back(kind, e.id);
    if (kind == Kind::training || kind == Kind::action_plan || kind == Kind::feedback_session) {
      updated_.emplace_back(kind, e.id);
    }
  } else if constexpr (std::is_same_v<T, CheckIn> || std::is_same_v<T, Response>) {
    const auto raw = to_raw(t_, e);
    const auto key = [&] {
      if constexpr (std::is_same_v<T, CheckIn>)
        return CheckInLog::key(std::get<0>(raw), e.scheduled);
      else
        return ResponseLog::key(std::get<0>(raw), std::get<1>(raw));
    }();
    const auto &keys = tab.key_index();
    const auto it = keys.find(key);
    if (it == keys.end()) {
      throw Error(Errc::not_found, entity_path(e), "",
                  std::string("no such ") + singular(kind) + " to update");
    }
    if constexpr (std::is_same_v<T, CheckIn>) {
      const auto &plan = t_.action_plans.rows[std::get<0>(raw)];
      if (e.held && *e.held < plan.created) {
        throw Error(Errc::constraint, entity_path(e) + ".held", e.held->to_string(),
                    "must not be before the plan was created (" + plan.created.to_string() + ")");
      }
    }
    const auto row = it->second;
    undo_.push_back([&tab, row, old = tab.raw(row)] { tab.set(row, old); });
    tab.set(row, raw);
  } else {
    throw Error(Errc::unsupported, entity_path(e), "",
                std::string(kind_name(kind)) + " are a log: remove and add instead of updating");
  }
  record({Change::Type::update, kind, std::move(e), {}});
}

template <class T>
void Txn::check_references(const T &e) {
  auto path = [&] { return entity_path(e); };
  for_each_ref<T>([&](const auto &f) {
    if (!f.ref) return;
    const auto &v = e.*(f.member);
    auto exists = [&](const std::string &id) {
      return visit_kind(*f.ref, [&]<class U>() -> bool {
        if constexpr (has_id<U>)
          return table_of<U>(t_).find(id) != nullptr;
        else
          return false;
      });
    };
    auto where = [&] { return path() + "." + std::string(f.name); };
    if constexpr (std::is_same_v<std::remove_cvref_t<decltype(v)>, std::string>) {
      if (!v.empty() && !exists(v)) throw unknown(where(), *f.ref, v);
    } else {
      for (std::size_t i = 0; i < v.size(); ++i) {
        if (!exists(v[i])) throw unknown(where() + "[" + std::to_string(i) + "]", *f.ref, v[i]);
      }
    }
  });
  if constexpr (std::is_same_v<T, Participation>) {
    const auto *training = t_.trainings.find(e.training);
    if (e.completed && training && *e.completed < training->start) {
      throw Error(Errc::constraint, path() + ".completed", e.completed->to_string(),
                  "must not be before the training starts (" + training->start.to_string() + ")");
    }
  } else if constexpr (std::is_same_v<T, Team> || std::is_same_v<T, Person>) {
    // Walk up the parent/manager chain; coming back to the start is a cycle.
    auto up = [](const T &x) -> const std::string & {
      if constexpr (std::is_same_v<T, Team>)
        return x.parent;
      else
        return x.manager;
    };
    const auto &tab = table_of<T>(t_);
    const T *at = &e;
    for (std::size_t steps = 0; steps <= tab.size() && !up(*at).empty(); ++steps) {
      at = tab.find(up(*at));
      if (at == nullptr) break;
      if (at->id == e.id) {
        throw Error(Errc::constraint, path() + (std::is_same_v<T, Team> ? ".parent" : ".manager"),
                    up(e), "would make a cycle");
      }
    }
  }
}

void Txn::check_touched(std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i) {
    const auto &[kind, id] = touched_[i];
    visit_kind(kind, [&]<class T>() {
      if constexpr (has_id<T>) {
        if (const T *e = table_of<T>(t_).find(id)) {
          check_entity(*e);
          check_references(*e);
        }
      }
    });
  }
}

void Txn::check_dependants() {
  if (updated_.empty()) return;
  std::vector<char> trainings(t_.trainings.size()), plans(t_.action_plans.size()),
      sessions(t_.feedback_sessions.size());
  bool any_training = false, any_plan = false, any_session = false;
  for (const auto &[kind, id] : updated_) {
    if (kind == Kind::training) {
      if (auto i = t_.trainings.index_of(id)) trainings[*i] = any_training = true;
    } else if (kind == Kind::action_plan) {
      if (auto i = t_.action_plans.index_of(id)) plans[*i] = any_plan = true;
    } else if (auto i = t_.feedback_sessions.index_of(id)) {
      sessions[*i] = any_session = true;
    }
  }
  if (any_training) {
    for (const auto &p : t_.participations.rows) {
      const auto i = t_.trainings.index_of(p.training);
      if (i && trainings[*i]) check_references(p);
    }
  }
  if (any_plan) {
    const auto &c = t_.check_ins;
    for (std::size_t i = 0; i < c.size(); ++i) {
      if (!plans[c.plan[i]] || c.held[i] == Date::min()) continue;
      const auto &plan = t_.action_plans.rows[c.plan[i]];
      if (c.held[i] < plan.created) {
        const auto row = log_row(t_, c, i);
        throw Error(Errc::constraint, entity_path(row) + ".held", c.held[i].to_string(),
                    "must not be before the plan was created (" + plan.created.to_string() + ")");
      }
    }
  }
  if (any_session) {
    const auto &r = t_.responses;
    for (std::size_t i = 0; i < r.size(); ++i) {
      if (!sessions[r.session[i]]) continue;
      const auto &session = t_.feedback_sessions.rows[r.session[i]];
      const auto answers = r.answer_pool.get(r.answers[i]).size();
      if (answers > session.questions.size()) {
        throw Error(
            Errc::constraint, entity_path(session) + ".questions",
            std::to_string(session.questions.size()),
            "fewer questions than a response has answers (" + std::to_string(answers) + ")");
      }
    }
  }
}

// The rows a remove() takes away, per kind, found in rounds: each round
// follows references to the rows found in the round before.
struct Removal {
  std::array<std::vector<char>, kind_count> gone;
  std::array<std::vector<std::uint32_t>, kind_count> frontier;
  std::array<bool, kind_count> any{};

  void mark(Kind k, std::size_t size, std::uint32_t i) {
    auto &g = gone[static_cast<std::size_t>(k)];
    if (g.empty()) g.assign(size, 0);
    if (g[i]) return;
    g[i] = 1;
    any[static_cast<std::size_t>(k)] = true;
    frontier[static_cast<std::size_t>(k)].push_back(i);
  }
  bool is_gone(Kind k, std::uint32_t i) const {
    const auto &g = gone[static_cast<std::size_t>(k)];
    return !g.empty() && g[i];
  }
};

namespace {

// For each log kind, its reference columns: (field name, target kind, column).
template <class F>
void for_each_log_ref(Tables &t, F &&f) {
  f(Kind::measurement, "goal", Kind::goal, t.measurements.goal);
  f(Kind::check_in, "plan", Kind::action_plan, t.check_ins.plan);
  f(Kind::response, "session", Kind::feedback_session, t.responses.session);
  f(Kind::response, "person", Kind::person, t.responses.person);
  f(Kind::activity, "person", Kind::person, t.activities.person);
}

}  // namespace

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

void Txn::remove(const Key &key, bool cascade) {
  remove(std::span<const Key>(&key, 1), cascade);
}

// Many keys share one pass over the references and one compaction of each
// table: removing k rows of a log costs O(size), not O(k * size).
void Txn::remove(std::span<const Key> keys, bool cascade) {
  if (keys.empty()) return;
  auto path_of = [](const Key &k) {
    return std::string(kind_name(k.kind)) + "[" + k.id + (k.second.empty() ? "" : ", " + k.second) +
           "]";
  };
  Removal r;
  for (const Key &named : keys) {
    if (static_cast<std::size_t>(named.kind) >= kind_count) {
      throw Error(Errc::invalid_argument, "kind", std::to_string(static_cast<int>(named.kind)),
                  "is not a kind");
    }
    mark_named(r, named, path_of(named));
  }
  // Errors about dependants name the first key (the only one for a single removal).
  const Key &key = keys.front();
  const std::string where = path_of(key);
  remove_marked(r, key, where, cascade);
}

void Txn::mark_named(Removal &r, const Key &key, const std::string &where) {
  // 1. The directly named rows.
  visit_kind(key.kind, [&]<class T>() {
    auto &tab = table_of<T>(t_);
    if constexpr (has_id<T>) {
      const auto i = tab.index_of(key.id);
      if (!i)
        throw Error(Errc::not_found, where, key.id, std::string("no such ") + singular(key.kind));
      r.mark(key.kind, tab.size(), *i);
    } else {
      std::vector<std::uint32_t> rows;
      try {
        rows = log_rows_for_key(t_, key);
      } catch (const Error &e) {
        throw e.within(where);
      }
      for (const auto row : rows)
        r.mark(key.kind, tab.size(), row);
      const bool found = !rows.empty();
      if (!found)
        throw Error(Errc::not_found, where, key.id, std::string("no such ") + singular(key.kind));
    }
  });
}

void Txn::remove_marked(Removal &r, const Key &key, const std::string &where, bool cascade) {
  // 2. Follow references in rounds until nothing new is found.
  bool more = true;
  while (more) {
    more = false;
    std::array<std::vector<std::uint32_t>, kind_count> frontier;
    std::swap(frontier, r.frontier);
    for (std::size_t target = 0; target < kind_count; ++target) {
      if (frontier[target].empty() || is_log_kind(static_cast<Kind>(target))) continue;
      const Kind tk = static_cast<Kind>(target);
      std::unordered_set<std::string_view> ids;
      visit_kind(tk, [&]<class U>() {
        if constexpr (has_id<U>) {
          for (auto i : frontier[target])
            ids.insert(table_of<U>(t_).rows[i].id);
        }
      });
      // Catalogue rows that reference a removed row.
      for (std::size_t k = 0; k < kind_count; ++k) {
        visit_kind(static_cast<Kind>(k), [&]<class T>() {
          if constexpr (has_id<T>) {
            auto &tab = table_of<T>(t_);
            for (std::uint32_t i = 0; i < tab.size(); ++i) {
              if (r.is_gone(Schema<T>::kind, i)) continue;
              T &row = tab.rows[i];
              bool changed = false;
              for_each_ref<T>([&](const auto &f) {
                if (f.ref != tk || r.is_gone(Schema<T>::kind, i)) return;
                auto &v = row.*(f.member);
                auto refers = [&](const std::string &id) { return ids.contains(id); };
                bool hit;
                if constexpr (std::is_same_v<std::remove_cvref_t<decltype(v)>, std::string>) {
                  hit = refers(v);
                } else {
                  hit = std::any_of(v.begin(), v.end(), refers);
                }
                if (!hit) return;
                if (!cascade) {
                  throw Error(Errc::constraint, where, key.id,
                              std::string("is still referenced by ") + entity_path(row) + "." +
                                  std::string(f.name) +
                                  "; remove that first or remove with cascade");
                }
                if (f.on_delete == OnDelete::cascade) {
                  r.mark(Schema<T>::kind, tab.size(), i);
                  more = true;
                  return;
                }
                if (!changed) {
                  undo_.push_back([&tab, i, old = row] { tab.rows[i] = old; });
                  changed = true;
                }
                if constexpr (std::is_same_v<std::remove_cvref_t<decltype(v)>, std::string>) {
                  v.clear();
                } else {
                  std::erase_if(v, refers);
                }
              });
              if (changed && !r.is_gone(Schema<T>::kind, i)) {
                touched_.emplace_back(Schema<T>::kind, row.id);
                record({Change::Type::update, Schema<T>::kind, row, {}});
              }
            }
          }
        });
      }
      // Log rows that reference a removed row (always removed with it).
      for_each_log_ref(t_, [&](Kind lk, const char *field, Kind target_kind, const auto &column) {
        if (target_kind != tk) return;
        for (std::uint32_t i = 0; i < column.size(); ++i) {
          if (!r.is_gone(tk, column[i]) || r.is_gone(lk, i)) continue;
          if (!cascade) {
            const std::string ref = visit_kind(lk, [&]<class T>() -> std::string {
              if constexpr (!has_id<T>)
                return entity_path(log_row(t_, table_of<T>(t_), i));
              else
                return {};
            });
            throw Error(Errc::constraint, where, key.id,
                        "is still referenced by " + ref + "." + field +
                            "; remove that first or remove with cascade");
          }
          r.mark(lk, column.size(), i);
        }
        for (const auto &id : ids) {
          record({Change::Type::erase, lk, {}, {{field, std::string(id)}}});
        }
      });
    }
  }

  // 3. Record the deletions for the database, then compact the tables.
  if (!key.second.empty() || is_log_kind(key.kind)) {
    if (key.kind == Kind::check_in) {
      record({Change::Type::erase, key.kind, {}, {{"plan", key.id}, {"scheduled", key.second}}});
    } else if (key.kind == Kind::response) {
      record({Change::Type::erase, key.kind, {}, {{"session", key.id}, {"person", key.second}}});
    } else if (key.kind == Kind::measurement) {
      record({Change::Type::erase, key.kind, {}, {{"goal", key.id}, {"date", key.second}}});
    } else if (key.kind == Kind::activity) {
      record({Change::Type::erase, key.kind, {}, {{"person", key.id}, {"date", key.second}}});
    }
  }
  for (std::size_t k = 0; k < kind_count; ++k) {
    if (!r.any[k] || !is_log_kind(static_cast<Kind>(k))) continue;
    visit_kind(static_cast<Kind>(k), [&]<class T>() {
      if constexpr (!has_id<T>) {
        auto &tab = table_of<T>(t_);
        snapshot(tab);
        tab.compact(r.gone[k]);
      }
    });
  }
  std::array<bool, kind_count> log_saved{};
  for (std::size_t k = 0; k < kind_count; ++k) {
    if (!r.any[k] || is_log_kind(static_cast<Kind>(k))) continue;
    const Kind ck = static_cast<Kind>(k);
    visit_kind(ck, [&]<class T>() {
      if constexpr (has_id<T>) {
        auto &tab = table_of<T>(t_);
        for (std::size_t i = 0; i < tab.size(); ++i) {
          if (r.gone[k][i]) record({Change::Type::erase, ck, {}, {{"id", tab.rows[i].id}}});
        }
        snapshot(tab);
        const auto remap = tab.compact(r.gone[k]);
        for_each_log_ref(t_, [&](Kind lk, const char *, Kind target, auto &column) {
          if (target != ck) return;
          const auto l = static_cast<std::size_t>(lk);
          if (!log_saved[l] && !r.any[l]) {
            visit_kind(lk, [&]<class L>() {
              if constexpr (!has_id<L>) snapshot(table_of<L>(t_));
            });
          }
          log_saved[l] = true;
          for (auto &v : column)
            v = remap[v];
          // The key indices hold the old dense indices.
          if (lk == Kind::check_in) t_.check_ins.keys.invalidate();
          if (lk == Kind::response) t_.responses.keys.invalidate();
        });
      }
    });
  }
}

void Txn::rename(Kind kind, const std::string &from, const std::string &to) {
  visit_kind(kind, [&]<class U>() {
    if constexpr (has_id<U>) {
      auto &tab = table_of<U>(t_);
      const auto i = tab.index_of(from);
      if (!i) throw Error(Errc::not_found, kind_name(kind), from, "no such entity");
      if (tab.find(to)) throw Error(Errc::already_exists, kind_name(kind), to, "id already in use");
      snapshot(tab);
      tab.rows[*i].id = to;
      tab.index.erase(from);
      tab.index.emplace(to, *i);
    }
  });
  for (std::size_t k = 0; k < kind_count; ++k) {
    visit_kind(static_cast<Kind>(k), [&]<class T>() {
      if constexpr (has_id<T>) {
        auto &tab = table_of<T>(t_);
        for (std::uint32_t i = 0; i < tab.size(); ++i) {
          T &row = tab.rows[i];
          bool saved = false;
          for_each_ref<T>([&](const auto &f) {
            if (f.ref != kind) return;
            auto &v = row.*(f.member);
            auto fix = [&](std::string &s) {
              if (s != from) return;
              if (!saved) {
                undo_.push_back([&tab, i, old = row] { tab.rows[i] = old; });
                saved = true;
              }
              s = to;
            };
            if constexpr (std::is_same_v<std::remove_cvref_t<decltype(v)>, std::string>)
              fix(v);
            else
              for (auto &s : v)
                fix(s);
          });
        }
      }
    });
  }
  record({Change::Type::rename, kind, {}, {{"id", from}, {"to", to}}});
}

}  // namespace levande::detail
