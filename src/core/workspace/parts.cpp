// Parts of a workspace (parts.hpp): a part is rooted at a training, a team
// or a person and grows along the references between records.
#include "workspace/parts.hpp"

#include <algorithm>

#include "levande/error.hpp"
#include "model/schema.hpp"
#include "workspace/rows.hpp"

namespace levande::detail {
namespace {

template <class T>
bool references_selected(const Tables &t, const T &row, const Selection &sel, bool via_people) {
  bool hit = false;
  for_each_ref<T>([&](const auto &f) {
    if (hit || !f.ref) return;
    if (!via_people && (*f.ref == Kind::person || *f.ref == Kind::team)) return;
    auto is_sel = [&](const std::string &id) {
      return visit_kind(*f.ref, [&]<class U>() {
        if constexpr (has_id<U>) {
          auto i = table_of<U>(t).index_of(id);
          return i && selected(sel, *f.ref, *i);
        } else {
          return false;
        }
      });
    };
    const auto &v = row.*(f.member);
    if constexpr (std::is_same_v<std::remove_cvref_t<decltype(v)>, std::string>) {
      hit = !v.empty() && is_sel(v);
    } else {
      hit = std::any_of(v.begin(), v.end(), is_sel);
    }
  });
  return hit;
}

// Adds to `sel` every row (after the root kinds) that references a selected row.
void select_dependents(const Tables &t, Selection &sel, bool via_people) {
  for (std::size_t k = 0; k < kind_count; ++k) {
    const Kind kind = static_cast<Kind>(k);
    if (kind == Kind::team || kind == Kind::person || kind == Kind::training) continue;
    visit_kind(kind, [&]<class T>() {
      const auto &tab = table_of<T>(t);
      auto &mask = sel[k];
      mask.resize(tab.size(), 0);
      for (std::uint32_t i = 0; i < tab.size(); ++i) {
        if (mask[i]) continue;
        if constexpr (has_id<T>) {
          mask[i] = references_selected(t, tab.rows[i], sel, via_people);
        } else {
          mask[i] = references_selected(t, log_row(t, tab, i), sel, via_people);
        }
      }
    });
  }
}

// Adds every row that a selected row references, so the part imports on its own.
void select_referenced(const Tables &t, Selection &sel) {
  bool more = true;
  while (more) {
    more = false;
    for (std::size_t k = kind_count; k-- > 0;) {
      visit_kind(static_cast<Kind>(k), [&]<class T>() {
        const auto &tab = table_of<T>(t);
        sel[k].resize(tab.size(), 0);
        for (std::uint32_t i = 0; i < tab.size(); ++i) {
          if (!sel[k][i]) continue;
          auto visit_row = [&](const T &row) {
            for_each_ref<T>([&](const auto &f) {
              if (!f.ref) return;
              auto add = [&](const std::string &id) {
                visit_kind(*f.ref, [&]<class U>() {
                  if constexpr (has_id<U>) {
                    auto j = table_of<U>(t).index_of(id);
                    auto &mask = sel[static_cast<std::size_t>(*f.ref)];
                    mask.resize(table_of<U>(t).size(), 0);
                    if (j && !mask[*j]) {
                      mask[*j] = 1;
                      more = true;
                    }
                  }
                });
              };
              const auto &v = row.*(f.member);
              if constexpr (std::is_same_v<std::remove_cvref_t<decltype(v)>, std::string>) {
                if (!v.empty()) add(v);
              } else {
                for (const auto &id : v)
                  add(id);
              }
            });
          };
          if constexpr (has_id<T>)
            visit_row(tab.rows[i]);
          else
            visit_row(log_row(t, tab, i));
        }
      });
    }
  }
}

Selection nothing_selected(const Tables &t) {
  Selection sel;
  for (std::size_t k = 0; k < kind_count; ++k) {
    sel[k].assign(
        visit_kind(static_cast<Kind>(k), [&]<class T>() { return table_of<T>(t).size(); }), 0);
  }
  return sel;
}

}  // namespace

bool selected(const Selection &s, Kind k, std::uint32_t i) {
  const auto &v = s[static_cast<std::size_t>(k)];
  return !v.empty() && v[i];
}

Selection select_scope(const Tables &t, const Scope &scope) {
  Selection sel = nothing_selected(t);
  if (scope.type == Scope::Type::all) {
    for (auto &mask : sel)
      std::fill(mask.begin(), mask.end(), 1);
    return sel;
  }
  if (scope.type == Scope::Type::training) {
    const auto i = t.trainings.index_of(scope.id);
    if (!i) throw Error(Errc::not_found, "scope.id", scope.id, "no such training");
    sel[static_cast<std::size_t>(Kind::training)][*i] = 1;
    select_dependents(t, sel, false);
  } else {
    const auto i = t.teams.index_of(scope.id);
    if (!i) throw Error(Errc::not_found, "scope.id", scope.id, "no such team");
    auto &teams = sel[static_cast<std::size_t>(Kind::team)];
    teams[*i] = 1;
    for (bool more = true; more;) {  // sub-teams, at any depth
      more = false;
      for (std::uint32_t j = 0; j < t.teams.size(); ++j) {
        const auto p = t.teams.index_of(t.teams.rows[j].parent);
        if (!teams[j] && p && teams[*p]) teams[j] = more = true;
      }
    }
    auto &people = sel[static_cast<std::size_t>(Kind::person)];
    for (std::uint32_t j = 0; j < t.people.size(); ++j) {
      const auto team = t.teams.index_of(t.people.rows[j].team);
      people[j] = team && teams[*team];
    }
    select_dependents(t, sel, true);
  }
  select_referenced(t, sel);
  return sel;
}

Selection select_person(const Tables &t, std::uint32_t person) {
  Selection sel = nothing_selected(t);
  sel[static_cast<std::size_t>(Kind::person)][person] = 1;
  // Only what is about the person: records pointing at them and the records
  // under those; other people are named by id but not selected.
  select_dependents(t, sel, true);
  return sel;
}

}  // namespace levande::detail
