// A batch in progress (txn.hpp): operations applied in order with their
// undo, adds and updates with their single-entity checks. The checks that
// need the whole batch are in integrity.cpp, removals in removal.cpp,
// renames in rename.cpp.
#include "workspace/txn.hpp"

#include "i18n/language.hpp"
#include "levande/error.hpp"
#include "model/validate.hpp"
#include "workspace/errors.hpp"
#include "workspace/rows.hpp"

namespace levande::detail {

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

void Txn::rollback_to(const Mark &m) {
  while (undo_.size() > m.undo) {
    undo_.back()();
    undo_.pop_back();
  }
  changes_.resize(m.changes);
  touched_.resize(m.touched);
  updated_.resize(m.updated);
  responses_.resize(m.responses);
  invitations_.reset();
  appended_ = m.appended;
}

void Txn::set_settings(const Settings &settings) {
  const Settings s = checked_settings(settings);
  if (s == t_.settings) return;
  undo_.push_back([this, old = t_.settings]() mutable { t_.settings = std::move(old); });
  t_.settings = s;
  record({Change::Type::settings,
          Kind::team,
          {},
          {{"language", s.language}, {"currency", s.currency}}});
}

void Txn::add(const Entity &entity) {
  invitations_.reset();
  std::visit([&](const auto &e) { add_one(e); }, entity);
}

void Txn::update(const Entity &entity) {
  invitations_.reset();
  std::visit([&](const auto &e) { update_one(e); }, entity);
}

void Txn::check_invitations(std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i) {
    const auto &r = responses_[i];
    const auto *session = t_.feedback_sessions.find(r.session);
    const auto person = t_.people.index_of(r.person);
    if (!session || !person) continue;  // removed later in the batch
    if (!invitations_) invitations_ = std::make_unique<Invitations>(t_, responses_.size());
    invitations_->require(*session, *person, r.where);
  }
}

namespace {

// The three questions in the workspace's language; in English when this
// build has no catalogue for it (a file written by a build with more).
std::vector<std::string> questions_in(const Settings &settings) {
  if (!i18n::Language::known(settings.language)) return default_feedback_questions();
  return default_feedback_questions(settings.language);
}

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
    if (e.questions.empty()) e.questions = questions_in(t_.settings);
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
      responses_.push_back({e.session, e.person, entity_path(e) + ".person"});
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
    if (e.questions.empty()) e.questions = questions_in(t_.settings);
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

}  // namespace levande::detail
