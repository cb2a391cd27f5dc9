// The checks of a batch that need more than one entity (txn.hpp): references
// exist, hierarchies have no cycles, and records that depend on an updated
// one (participations on their training, check-ins on their plan, responses
// on their session) still hold.
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "levande/error.hpp"
#include "model/chains.hpp"
#include "model/validate.hpp"
#include "workspace/errors.hpp"
#include "workspace/rows.hpp"
#include "workspace/txn.hpp"

namespace levande::detail {

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
  }
}

namespace {

template <class T>
[[noreturn]] void chain_error(const T &e, bool cycle) {
  const bool team = std::is_same_v<T, Team>;
  throw Error(Errc::constraint, entity_path(e) + (team ? ".parent" : ".manager"), up(e),
              cycle ? "would make a cycle"
                    : "makes a chain of more than " + std::to_string(limits::hierarchy_depth) +
                          (team ? " teams" : " managers") + " (the most allowed)");
}

// Walks up from one entity: O(depth), at most the limit.
template <class T>
void check_chain(const Catalog<T> &tab, const T &e) {
  const T *at = &e;
  for (std::size_t steps = 0; !up(*at).empty(); ++steps) {
    at = tab.find(up(*at));
    if (at == nullptr) return;
    if (at->id == e.id) chain_error(e, true);
    if (steps >= limits::hierarchy_depth) chain_error(e, false);
  }
}

// Every chain of the table at once, each link followed once: O(n).
template <class T>
void check_all_chains(const Catalog<T> &tab) {
  std::vector<std::uint32_t> parent(tab.size(), no_parent);
  for (std::uint32_t i = 0; i < tab.size(); ++i)
    if (const auto &link = up(tab.rows[i]); !link.empty())
      parent[i] = tab.index_of(link).value_or(no_parent);
  // A loop is named at the record its closing link points to.
  walk_chains(parent, limits::hierarchy_depth, [&](std::uint32_t node, bool cycle) {
    chain_error(tab.rows[cycle ? parent[node] : node], cycle);
  });
}

}  // namespace

void Txn::check_chains(Kind kind, std::span<const std::string> ids) {
  visit_kind(kind, [&]<class T>() {
    if constexpr (std::is_same_v<T, Team> || std::is_same_v<T, Person>) {
      const auto &tab = table_of<T>(t_);
      // Many at once (an import): one pass over the table is cheaper.
      if (ids.size() * 16 > tab.size()) return check_all_chains(tab);
      for (const auto &id : ids)
        if (const T *e = tab.find(id)) check_chain(tab, *e);
    }
  });
}

void Txn::check_touched(std::size_t from, std::size_t to) {
  std::vector<std::string> teams, people;
  for (std::size_t i = from; i < to; ++i) {
    const auto &kind = touched_[i].first;
    const auto &id = touched_[i].second;  // a structured binding cannot be captured in Clang 14
    if (kind == Kind::team) teams.push_back(id);
    if (kind == Kind::person) people.push_back(id);
    visit_kind(kind, [&]<class T>() {
      if constexpr (has_id<T>) {
        if (const T *e = table_of<T>(t_).find(id)) {
          check_entity(*e);
          check_references(*e);
        }
      }
    });
  }
  if (!teams.empty()) check_chains(Kind::team, teams);
  if (!people.empty()) check_chains(Kind::person, people);
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

void Txn::check_stored() {
  for (std::size_t k = 0; k < kind_count; ++k)
    visit_kind(static_cast<Kind>(k), [&]<class T>() {
      if constexpr (has_id<T>) {
        for (const auto &e : table_of<T>(t_).rows)
          check_references(e);
      }
    });
  check_all_chains(t_.teams);
  check_all_chains(t_.people);
  std::unordered_map<std::string_view, const Policy *> by_kind;
  for (const auto &p : t_.policies.rows)
    if (const auto [at, added] = by_kind.emplace(p.training_kind, &p); !added)
      throw Error(Errc::already_exists, entity_path(p) + ".training_kind", p.training_kind,
                  "policy " + at->second->id + " already covers this training kind");
  const auto &c = t_.check_ins;
  for (std::size_t i = 0; i < c.size(); ++i) {
    const auto &plan = t_.action_plans.rows[c.plan[i]];
    if (c.held[i] != Date::min() && c.held[i] < plan.created)
      throw Error(Errc::constraint, entity_path(log_row(t_, c, i)) + ".held", c.held[i].to_string(),
                  "must not be before the plan was created (" + plan.created.to_string() + ")");
  }
  const auto &r = t_.responses;
  for (std::size_t i = 0; i < r.size(); ++i) {
    const auto &session = t_.feedback_sessions.rows[r.session[i]];
    const auto answers = r.answer_pool.get(r.answers[i]).size();
    if (answers > session.questions.size())
      throw Error(Errc::constraint, entity_path(log_row(t_, r, i)) + ".answers",
                  std::to_string(answers),
                  "more answers than the session has questions (" +
                      std::to_string(session.questions.size()) + ")");
  }
}

std::string damaged(const std::string &location) {
  return "the workspace " + location +
         " is damaged (edited outside levande?); 'levande check' lists every problem: ";
}

void check_stored(Tables &t, const std::string &location) {
  try {
    Txn(t, false).check_stored();
  } catch (const Error &e) {
    throw e.recoded(Errc::corrupt, damaged(location));
  }
}

}  // namespace levande::detail
