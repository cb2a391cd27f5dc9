// In-memory storage of a workspace: catalogue kinds as vectors of structs
// with an id index, log kinds as columns with dense references.
#ifndef LEVANDE_SRC_CORE_WORKSPACE_TABLES_HPP
#define LEVANDE_SRC_CORE_WORKSPACE_TABLES_HPP

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "levande/model.hpp"
#include "model/schema.hpp"

namespace levande::detail {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return std::hash<std::string_view>{}(s);
  }
};

// Copy-on-first-touch bookkeeping lives in the workspace; tables are plain data.
template <class T>
struct Catalog {
  std::vector<T> rows;
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> index;

  std::size_t size() const noexcept { return rows.size(); }
  void reserve(std::size_t n) {
    rows.reserve(n);
    index.reserve(n);
  }
  const T *find(std::string_view id) const {
    auto it = index.find(id);
    return it == index.end() ? nullptr : &rows[it->second];
  }
  std::optional<std::uint32_t> index_of(std::string_view id) const {
    auto it = index.find(id);
    if (it == index.end()) return std::nullopt;
    return it->second;
  }
  void push(T row) {
    index.emplace(row.id, static_cast<std::uint32_t>(rows.size()));
    rows.push_back(std::move(row));
  }
  void truncate(std::size_t n) {
    for (std::size_t i = n; i < rows.size(); ++i)
      index.erase(rows[i].id);
    rows.resize(n);
  }
  // Keeps the rows whose mask entry is 0; returns old index -> new index (UINT32_MAX = gone).
  std::vector<std::uint32_t> compact(const std::vector<char> &removed) {
    std::vector<std::uint32_t> remap(rows.size(), UINT32_MAX);
    std::size_t out = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (removed[i]) continue;
      remap[i] = static_cast<std::uint32_t>(out);
      if (out != i) rows[out] = std::move(rows[i]);
      ++out;
    }
    rows.resize(out);
    index.clear();
    for (std::size_t i = 0; i < rows.size(); ++i)
      index.emplace(rows[i].id, i);
    return remap;
  }
  std::size_t memory_bytes() const {
    std::size_t bytes = rows.capacity() * sizeof(T) + index.bucket_count() * sizeof(void *) +
                        index.size() * (sizeof(std::string) + 2 * sizeof(void *) + 8);
    for (const auto &r : rows) {
      for_each_field<T>([&](const auto &f) {
        using M = std::remove_cvref_t<decltype(r.*(f.member))>;
        if constexpr (std::is_same_v<M, std::string>) {
          if ((r.*(f.member)).capacity() > 15) bytes += (r.*(f.member)).capacity() + 1;
        } else if constexpr (std::is_same_v<M, std::vector<std::string>>) {
          bytes += (r.*(f.member)).capacity() * sizeof(std::string);
          for (const auto &s : r.*(f.member))
            if (s.capacity() > 15) bytes += s.capacity() + 1;
        }
      });
    }
    return bytes;
  }
};

// A pool of rarely present texts (notes, answers) referenced by a 32-bit
// slot, so a log row costs 4 bytes for them and nothing more when absent.
template <class V>
struct Pool {
  std::vector<V> values;  // slot s holds values[s - 1]; 0 means "none"
  std::uint32_t put(V value) {
    if (value == V{}) return 0;
    values.push_back(std::move(value));
    return static_cast<std::uint32_t>(values.size());
  }
  const V &get(std::uint32_t slot) const {
    static const V empty{};
    return slot == 0 ? empty : values[slot - 1];
  }
};

// A lazily built (key -> row) index of a log. Built at most once per change
// even when many threads read at once (const members are thread-safe);
// writers, which have exclusive access, keep it up to date or drop it.
class KeyIndex {
 public:
  using Map = std::unordered_map<std::uint64_t, std::uint32_t>;
  KeyIndex() = default;
  KeyIndex(const KeyIndex &other) : map_(other.map_), valid_(other.valid_.load()) {}
  KeyIndex &operator=(const KeyIndex &other) {
    map_ = other.map_;
    valid_.store(other.valid_.load());
    return *this;
  }
  template <class Build>
  const Map &get(Build &&build) const {
    if (!valid_.load(std::memory_order_acquire)) {
      std::lock_guard lock(mutex_);
      if (!valid_.load(std::memory_order_relaxed)) {
        map_.clear();
        build(map_);
        valid_.store(true, std::memory_order_release);
      }
    }
    return map_;
  }
  // After appending row `row` with `key`: keep a built index current.
  void added(std::uint64_t key, std::uint32_t row) {
    if (valid_.load(std::memory_order_relaxed)) map_.emplace(key, row);
  }
  void invalidate() { valid_.store(false, std::memory_order_relaxed); }

 private:
  mutable Map map_;
  mutable std::atomic<bool> valid_{false};
  mutable std::mutex mutex_;
};

template <class... C>
void compact_columns(const std::vector<char> &removed, C &...columns) {
  std::size_t out = 0;
  for (std::size_t i = 0; i < removed.size(); ++i) {
    if (removed[i]) continue;
    if (out != i) ((columns[out] = std::move(columns[i])), ...);
    ++out;
  }
  (columns.resize(out), ...);
}

// Room for exactly `n` rows, so a loaded or bulk-appended log carries no
// growth slack (the bytes-per-record figures count capacity).
template <class... C>
void reserve_columns(std::size_t n, C &...columns) {
  (columns.reserve(n), ...);
}

template <class... C>
std::size_t column_bytes(const C &...columns) {
  return ((columns.capacity() * sizeof(typename C::value_type)) + ...);
}

struct MeasurementLog {
  std::vector<std::uint32_t> goal;
  std::vector<Date> date;
  std::vector<double> value;

  using Raw = std::tuple<std::uint32_t, Date, double>;
  std::size_t size() const noexcept { return goal.size(); }
  void reserve(std::size_t n) { reserve_columns(n, goal, date, value); }
  void push(const Raw &r) {
    goal.push_back(std::get<0>(r));
    date.push_back(std::get<1>(r));
    value.push_back(std::get<2>(r));
  }
  void truncate(std::size_t n) {
    goal.resize(n);
    date.resize(n);
    value.resize(n);
  }
  void compact(const std::vector<char> &removed) { compact_columns(removed, goal, date, value); }
  std::size_t memory_bytes() const { return column_bytes(goal, date, value); }
};

struct CheckInLog {
  std::vector<std::uint32_t> plan;
  std::vector<Date> scheduled;
  std::vector<Date> held;  // Date::min() when not held
  std::vector<CheckInStatus> status;
  std::vector<Outcome> outcome;
  std::vector<std::uint32_t> note;  // slot in notes
  Pool<std::string> notes;
  KeyIndex keys;  // (plan, scheduled) -> row

  using Raw = std::tuple<std::uint32_t, Date, Date, CheckInStatus, Outcome, std::uint32_t>;
  std::size_t size() const noexcept { return plan.size(); }
  void reserve(std::size_t n) { reserve_columns(n, plan, scheduled, held, status, outcome, note); }
  static std::uint64_t key(std::uint32_t plan_index, Date day) {
    return (std::uint64_t{plan_index} << 32) | static_cast<std::uint32_t>(day.days());
  }
  const KeyIndex::Map &key_index() const {
    return keys.get([&](KeyIndex::Map &map) {
      map.reserve(size());
      for (std::size_t i = 0; i < size(); ++i)
        map.emplace(key(plan[i], scheduled[i]), static_cast<std::uint32_t>(i));
    });
  }
  Raw raw(std::size_t i) const {
    return {plan[i], scheduled[i], held[i], status[i], outcome[i], note[i]};
  }
  void set(std::size_t i, const Raw &r) {
    std::tie(plan[i], scheduled[i], held[i], status[i], outcome[i], note[i]) = r;
  }
  void push(const Raw &r) {
    keys.added(key(std::get<0>(r), std::get<1>(r)), static_cast<std::uint32_t>(size()));
    plan.push_back(std::get<0>(r));
    scheduled.push_back(std::get<1>(r));
    held.push_back(std::get<2>(r));
    status.push_back(std::get<3>(r));
    outcome.push_back(std::get<4>(r));
    note.push_back(std::get<5>(r));
  }
  void truncate(std::size_t n) {
    plan.resize(n);
    scheduled.resize(n);
    held.resize(n);
    status.resize(n);
    outcome.resize(n);
    note.resize(n);
    keys.invalidate();
  }
  void compact(const std::vector<char> &removed) {
    compact_columns(removed, plan, scheduled, held, status, outcome, note);
    keys.invalidate();
  }
  std::size_t memory_bytes() const {
    std::size_t bytes = column_bytes(plan, scheduled, held, status, outcome, note);
    for (const auto &s : notes.values)
      bytes += sizeof(std::string) + (s.size() > 15 ? s.size() : 0);
    return bytes;
  }
};

struct ResponseLog {
  std::vector<std::uint32_t> session;
  std::vector<std::uint32_t> person;
  std::vector<std::uint8_t> impact;
  std::vector<std::uint8_t> needs_support;
  std::vector<std::uint32_t> answers;  // slot in answer_pool
  std::vector<std::uint32_t> support;  // slot in support_pool
  Pool<std::vector<std::string>> answer_pool;
  Pool<std::string> support_pool;
  KeyIndex keys;  // (session, person) -> row

  using Raw = std::tuple<std::uint32_t, std::uint32_t, std::uint8_t, std::uint32_t, std::uint32_t>;
  std::size_t size() const noexcept { return session.size(); }
  void reserve(std::size_t n) {
    reserve_columns(n, session, person, impact, answers, support, needs_support);
  }
  static std::uint64_t key(std::uint32_t s, std::uint32_t p) {
    return (std::uint64_t{s} << 32) | p;
  }
  const KeyIndex::Map &key_index() const {
    return keys.get([&](KeyIndex::Map &map) {
      map.reserve(size());
      for (std::size_t i = 0; i < size(); ++i)
        map.emplace(key(session[i], person[i]), static_cast<std::uint32_t>(i));
    });
  }
  Raw raw(std::size_t i) const {
    return {session[i], person[i], impact[i], answers[i], support[i]};
  }
  void set(std::size_t i, const Raw &r) {
    std::tie(session[i], person[i], impact[i], answers[i], support[i]) = r;
    needs_support[i] = support[i] != 0;
  }
  void push(const Raw &r) {
    keys.added(key(std::get<0>(r), std::get<1>(r)), static_cast<std::uint32_t>(size()));
    session.push_back(std::get<0>(r));
    person.push_back(std::get<1>(r));
    impact.push_back(std::get<2>(r));
    answers.push_back(std::get<3>(r));
    support.push_back(std::get<4>(r));
    needs_support.push_back(std::get<4>(r) != 0);
  }
  void truncate(std::size_t n) {
    session.resize(n);
    person.resize(n);
    impact.resize(n);
    answers.resize(n);
    support.resize(n);
    needs_support.resize(n);
    keys.invalidate();
  }
  void compact(const std::vector<char> &removed) {
    compact_columns(removed, session, person, impact, answers, support, needs_support);
    keys.invalidate();
  }
  std::size_t memory_bytes() const {
    std::size_t bytes = column_bytes(session, person, impact, answers, support, needs_support);
    for (const auto &a : answer_pool.values)
      bytes += sizeof(a) + a.size() * sizeof(std::string);
    bytes += support_pool.values.size() * sizeof(std::string);
    return bytes;
  }
};

struct ActivityLog {
  std::vector<std::uint32_t> person;
  std::vector<Date> date;
  std::vector<double> hours;
  std::vector<LearningKind> kind;
  std::vector<std::uint8_t> self_initiated;

  using Raw = std::tuple<std::uint32_t, Date, double, LearningKind, std::uint8_t>;
  std::size_t size() const noexcept { return person.size(); }
  void reserve(std::size_t n) { reserve_columns(n, person, date, hours, kind, self_initiated); }
  void push(const Raw &r) {
    person.push_back(std::get<0>(r));
    date.push_back(std::get<1>(r));
    hours.push_back(std::get<2>(r));
    kind.push_back(std::get<3>(r));
    self_initiated.push_back(std::get<4>(r));
  }
  void truncate(std::size_t n) {
    person.resize(n);
    date.resize(n);
    hours.resize(n);
    kind.resize(n);
    self_initiated.resize(n);
  }
  void compact(const std::vector<char> &removed) {
    compact_columns(removed, person, date, hours, kind, self_initiated);
  }
  std::size_t memory_bytes() const {
    return column_bytes(person, date, hours, kind, self_initiated);
  }
};

// A process-wide unique number per state, so that what is derived from a
// state (the links, a schedule's changes) can tell whether it is still current.
inline std::uint64_t next_generation() {
  static std::atomic<std::uint64_t> counter{0};
  return ++counter;
}

struct Tables {
  // Changes with every committed write that changed something, a batch or a
  // bulk append: what a schedule's changes remember (they may no longer fit
  // another state). A new Tables (loaded, reloaded) has a new one.
  std::uint64_t generation = next_generation();
  // Changes with every committed batch that changed something (bulk appends
  // only add log rows): what the links between catalogue records are built
  // from (workspace/links.hpp).
  std::uint64_t catalog_generation = generation;
  Settings settings;
  Catalog<Team> teams;
  Catalog<Person> people;
  Catalog<Training> trainings;
  Catalog<Participation> participations;
  Catalog<ActionPlan> action_plans;
  Catalog<Task> tasks;
  Catalog<Goal> goals;
  MeasurementLog measurements;
  CheckInLog check_ins;
  Catalog<Assignment> assignments;
  Catalog<Ambassador> ambassadors;
  Catalog<PeerGroup> peer_groups;
  Catalog<PeerSession> peer_sessions;
  Catalog<FeedbackSession> feedback_sessions;
  ResponseLog responses;
  Catalog<Success> successes;
  Catalog<CompetencePlan> competence_plans;
  Catalog<Initiative> initiatives;
  Catalog<LearningSlot> learning_slots;
  ActivityLog activities;
  Catalog<Policy> policies;
  Catalog<Absence> absences;
};

// The storage of kind K inside Tables.
template <Kind K>
auto &table(Tables &t) {
  if constexpr (K == Kind::team)
    return t.teams;
  else if constexpr (K == Kind::person)
    return t.people;
  else if constexpr (K == Kind::training)
    return t.trainings;
  else if constexpr (K == Kind::participation)
    return t.participations;
  else if constexpr (K == Kind::action_plan)
    return t.action_plans;
  else if constexpr (K == Kind::task)
    return t.tasks;
  else if constexpr (K == Kind::goal)
    return t.goals;
  else if constexpr (K == Kind::measurement)
    return t.measurements;
  else if constexpr (K == Kind::check_in)
    return t.check_ins;
  else if constexpr (K == Kind::assignment)
    return t.assignments;
  else if constexpr (K == Kind::ambassador)
    return t.ambassadors;
  else if constexpr (K == Kind::peer_group)
    return t.peer_groups;
  else if constexpr (K == Kind::peer_session)
    return t.peer_sessions;
  else if constexpr (K == Kind::feedback_session)
    return t.feedback_sessions;
  else if constexpr (K == Kind::response)
    return t.responses;
  else if constexpr (K == Kind::success)
    return t.successes;
  else if constexpr (K == Kind::competence_plan)
    return t.competence_plans;
  else if constexpr (K == Kind::initiative)
    return t.initiatives;
  else if constexpr (K == Kind::learning_slot)
    return t.learning_slots;
  else if constexpr (K == Kind::activity)
    return t.activities;
  else if constexpr (K == Kind::policy)
    return t.policies;
  else
    return t.absences;
}
template <Kind K>
const auto &table(const Tables &t) {
  return table<K>(const_cast<Tables &>(t));
}
template <class T>
auto &table_of(Tables &t) {
  return table<Schema<T>::kind>(t);
}
template <class T>
const auto &table_of(const Tables &t) {
  return table<Schema<T>::kind>(const_cast<Tables &>(t));
}

}  // namespace levande::detail

#endif
