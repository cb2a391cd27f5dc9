// Removing entities (txn.hpp): the named rows, then in rounds what needs
// them (with cascade) or an error naming what still refers to them, and
// optional references cleared; every table compacted once.
#include <array>
#include <string_view>
#include <unordered_set>

#include "levande/error.hpp"
#include "model/validate.hpp"
#include "workspace/errors.hpp"
#include "workspace/rows.hpp"
#include "workspace/txn.hpp"

namespace levande::detail {

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

void Txn::remove(const Key &key, bool cascade) {
  remove(std::span<const Key>(&key, 1), cascade);
}

// Many keys share one pass over the references and one compaction of each
// table: removing k rows of a log costs O(size), not O(k * size).
void Txn::remove(std::span<const Key> keys, bool cascade) {
  if (keys.empty()) return;
  invitations_.reset();
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

}  // namespace levande::detail
