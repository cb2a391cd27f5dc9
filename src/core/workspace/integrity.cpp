// The checks of a batch that need more than one entity (txn.hpp): references
// exist, hierarchies have no cycles, and records that depend on an updated
// one (participations on their training, check-ins on their plan, responses
// on their session) still hold.
#include "levande/error.hpp"
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

}  // namespace levande::detail
