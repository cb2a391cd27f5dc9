// Field descriptors of the entity structs: one table per kind that the JSON,
// SQLite, CSV and validation code walk generically, so a field is declared
// once and every format agrees on its name, type and reference target.
#ifndef LEVANDE_SRC_CORE_MODEL_SCHEMA_HPP
#define LEVANDE_SRC_CORE_MODEL_SCHEMA_HPP

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <variant>
#include <vector>

#include "levande/model.hpp"
#include "names/enum_names.hpp"

namespace levande::detail {

// What happens to a referencing entity when its target is removed with cascade.
enum class OnDelete : std::uint8_t {
  none,     // not a reference
  cascade,  // the referencing entity is removed too
  clear,    // the reference is cleared (optional references; list elements are dropped)
};

template <class T, class M>
struct Field {
  using owner = T;
  using type = M;
  std::string_view name;
  M T::*member;
  bool required = false;  // text: non-empty; dates: always present
  std::optional<Kind> ref = std::nullopt;
  OnDelete on_delete = OnDelete::none;
};

template <class T, class M>
constexpr Field<T, M> field(std::string_view name, M T::*member, bool required = false) {
  return {name, member, required, std::nullopt, OnDelete::none};
}
template <class T, class M>
constexpr Field<T, M> ref(std::string_view name, M T::*member, Kind target, OnDelete on_delete,
                          bool required = false) {
  return {name, member, required, target, on_delete};
}

// Calls X(T) for every entity struct, in Kind order: for explicit template
// instantiations over all of them.
#define LEVANDE_FOR_EACH_ENTITY(X) \
  X(Team)                          \
  X(Person)                        \
  X(Training)                      \
  X(Participation)                 \
  X(ActionPlan)                    \
  X(Task)                          \
  X(Goal)                          \
  X(Measurement)                   \
  X(CheckIn)                       \
  X(Assignment)                    \
  X(Ambassador)                    \
  X(PeerGroup)                     \
  X(PeerSession)                   \
  X(FeedbackSession)               \
  X(Response)                      \
  X(Success)                       \
  X(CompetencePlan)                \
  X(Initiative)                    \
  X(LearningSlot)                  \
  X(Activity)                      \
  X(Policy)                        \
  X(Absence)

template <class T>
struct Schema;

#define LEVANDE_SCHEMA(T, K, ...)                           \
  template <>                                               \
  struct Schema<T> {                                        \
    static constexpr Kind kind = K;                         \
    static constexpr auto fields = std::tuple{__VA_ARGS__}; \
  };

using enum OnDelete;

LEVANDE_SCHEMA(Team, Kind::team, field("id", &Team::id, true), field("name", &Team::name, true),
               ref("parent", &Team::parent, Kind::team, clear))
LEVANDE_SCHEMA(Person, Kind::person, field("id", &Person::id, true),
               field("name", &Person::name, true), field("email", &Person::email),
               ref("team", &Person::team, Kind::team, clear),
               ref("manager", &Person::manager, Kind::person, clear),
               field("calendar", &Person::calendar))
LEVANDE_SCHEMA(Training, Kind::training, field("id", &Training::id, true),
               field("title", &Training::title, true), field("skills", &Training::skills),
               field("kind", &Training::kind), field("provider", &Training::provider),
               field("start", &Training::start, true), field("end", &Training::end, true),
               field("cost", &Training::cost), field("cancelled", &Training::cancelled))
LEVANDE_SCHEMA(Participation, Kind::participation, field("id", &Participation::id, true),
               ref("person", &Participation::person, Kind::person, cascade, true),
               ref("training", &Participation::training, Kind::training, cascade, true),
               field("completed", &Participation::completed),
               field("pre_score", &Participation::pre_score),
               field("post_score", &Participation::post_score),
               field("reaction", &Participation::reaction))
LEVANDE_SCHEMA(ActionPlan, Kind::action_plan, field("id", &ActionPlan::id, true),
               field("title", &ActionPlan::title, true),
               ref("person", &ActionPlan::person, Kind::person, cascade),
               ref("team", &ActionPlan::team, Kind::team, cascade),
               ref("training", &ActionPlan::training, Kind::training, clear),
               field("created", &ActionPlan::created, true),
               field("agreed_by", &ActionPlan::agreed_by, true),
               field("status", &ActionPlan::status), field("ends", &ActionPlan::ends))
LEVANDE_SCHEMA(Task, Kind::task, field("id", &Task::id, true),
               ref("plan", &Task::plan, Kind::action_plan, cascade, true),
               field("title", &Task::title, true), field("applies_to", &Task::applies_to),
               field("due", &Task::due, true), field("done", &Task::done))
LEVANDE_SCHEMA(Goal, Kind::goal, field("id", &Goal::id, true),
               ref("plan", &Goal::plan, Kind::action_plan, cascade, true),
               field("metric", &Goal::metric, true), field("unit", &Goal::unit),
               field("baseline", &Goal::baseline, true), field("target", &Goal::target, true),
               field("direction", &Goal::direction), field("deadline", &Goal::deadline, true),
               field("value_per_unit", &Goal::value_per_unit))
LEVANDE_SCHEMA(Measurement, Kind::measurement,
               ref("goal", &Measurement::goal, Kind::goal, cascade, true),
               field("date", &Measurement::date, true), field("value", &Measurement::value, true))
LEVANDE_SCHEMA(CheckIn, Kind::check_in,
               ref("plan", &CheckIn::plan, Kind::action_plan, cascade, true),
               field("scheduled", &CheckIn::scheduled, true), field("status", &CheckIn::status),
               field("held", &CheckIn::held), field("outcome", &CheckIn::outcome),
               field("note", &CheckIn::note))
LEVANDE_SCHEMA(Assignment, Kind::assignment, field("id", &Assignment::id, true),
               ref("person", &Assignment::person, Kind::person, cascade),
               ref("team", &Assignment::team, Kind::team, cascade),
               field("skill", &Assignment::skill),
               ref("training", &Assignment::training, Kind::training, clear),
               field("project", &Assignment::project, true), field("role", &Assignment::role),
               field("start", &Assignment::start, true), field("end", &Assignment::end),
               field("status", &Assignment::status), field("outcome", &Assignment::outcome))
LEVANDE_SCHEMA(Ambassador, Kind::ambassador, field("id", &Ambassador::id, true),
               ref("person", &Ambassador::person, Kind::person, cascade, true),
               ref("training", &Ambassador::training, Kind::training, cascade),
               field("skill", &Ambassador::skill))
LEVANDE_SCHEMA(PeerGroup, Kind::peer_group, field("id", &PeerGroup::id, true),
               ref("training", &PeerGroup::training, Kind::training, clear),
               ref("members", &PeerGroup::members, Kind::person, clear, true),
               ref("mentors", &PeerGroup::mentors, Kind::person, clear))
LEVANDE_SCHEMA(PeerSession, Kind::peer_session, field("id", &PeerSession::id, true),
               ref("group", &PeerSession::group, Kind::peer_group, cascade),
               ref("ambassador", &PeerSession::ambassador, Kind::ambassador, cascade),
               field("date", &PeerSession::date, true),
               ref("attendees", &PeerSession::attendees, Kind::person, clear))
LEVANDE_SCHEMA(FeedbackSession, Kind::feedback_session, field("id", &FeedbackSession::id, true),
               ref("training", &FeedbackSession::training, Kind::training, cascade),
               ref("team", &FeedbackSession::team, Kind::team, cascade),
               field("date", &FeedbackSession::date, true),
               field("questions", &FeedbackSession::questions),
               field("open_to_all", &FeedbackSession::open_to_all))
LEVANDE_SCHEMA(Response, Kind::response,
               ref("session", &Response::session, Kind::feedback_session, cascade, true),
               ref("person", &Response::person, Kind::person, cascade, true),
               field("impact", &Response::impact, true), field("answers", &Response::answers),
               field("support_needed", &Response::support_needed))
LEVANDE_SCHEMA(Success, Kind::success, field("id", &Success::id, true),
               field("date", &Success::date, true), field("title", &Success::title, true),
               field("kind", &Success::kind), field("scale", &Success::scale),
               ref("goal", &Success::goal, Kind::goal, clear),
               ref("team", &Success::team, Kind::team, clear),
               ref("person", &Success::person, Kind::person, clear),
               field("celebrated", &Success::celebrated),
               field("celebrated_where", &Success::celebrated_where))
LEVANDE_SCHEMA(CompetencePlan, Kind::competence_plan, field("id", &CompetencePlan::id, true),
               ref("team", &CompetencePlan::team, Kind::team, cascade, true),
               field("year", &CompetencePlan::year, true))
LEVANDE_SCHEMA(Initiative, Kind::initiative, field("id", &Initiative::id, true),
               ref("plan", &Initiative::plan, Kind::competence_plan, cascade, true),
               field("quarter", &Initiative::quarter, true),
               field("skill", &Initiative::skill, true), field("hours", &Initiative::hours, true),
               ref("goal", &Initiative::goal, Kind::goal, clear))
LEVANDE_SCHEMA(LearningSlot, Kind::learning_slot, field("id", &LearningSlot::id, true),
               ref("team", &LearningSlot::team, Kind::team, cascade, true),
               field("rule", &LearningSlot::rule, true), field("start", &LearningSlot::start, true),
               field("hours", &LearningSlot::hours, true), field("kind", &LearningSlot::kind),
               field("title", &LearningSlot::title))
LEVANDE_SCHEMA(Activity, Kind::activity,
               ref("person", &Activity::person, Kind::person, cascade, true),
               field("date", &Activity::date, true), field("hours", &Activity::hours, true),
               field("kind", &Activity::kind), field("self_initiated", &Activity::self_initiated))
LEVANDE_SCHEMA(Policy, Kind::policy, field("id", &Policy::id, true),
               field("training_kind", &Policy::training_kind),
               field("plan_due_business_days", &Policy::plan_due_business_days),
               field("check_in_rule", &Policy::check_in_rule),
               field("check_in_weeks", &Policy::check_in_weeks),
               field("assignment_review_days", &Policy::assignment_review_days),
               field("peer_session_rule", &Policy::peer_session_rule),
               field("peer_session_weeks", &Policy::peer_session_weeks),
               field("feedback_offsets_days", &Policy::feedback_offsets_days),
               field("celebrate_at_plan_end", &Policy::celebrate_at_plan_end),
               field("retention_target", &Policy::retention_target),
               field("max_interval_days", &Policy::max_interval_days), field("roll", &Policy::roll),
               field("max_events_per_week", &Policy::max_events_per_week),
               field("max_events_per_manager_day", &Policy::max_events_per_manager_day),
               field("tolerance_days", &Policy::tolerance_days),
               field("horizon_days", &Policy::horizon_days),
               field("competence_review_month", &Policy::competence_review_month),
               field("personal_plans", &Policy::personal_plans),
               field("check_ins_until", &Policy::check_ins_until),
               field("ambassador_session_weeks", &Policy::ambassador_session_weeks))
LEVANDE_SCHEMA(Absence, Kind::absence, field("id", &Absence::id, true),
               ref("person", &Absence::person, Kind::person, cascade, true),
               field("first", &Absence::first, true), field("last", &Absence::last, true),
               field("reason", &Absence::reason))
#undef LEVANDE_SCHEMA

// The entity types in Kind order: std::variant_alternative_t<k, AnyEntity> is Kind k's struct.
using AnyEntity =
    std::variant<Team, Person, Training, Participation, ActionPlan, Task, Goal, Measurement,
                 CheckIn, Assignment, Ambassador, PeerGroup, PeerSession, FeedbackSession, Response,
                 Success, CompetencePlan, Initiative, LearningSlot, Activity, Policy, Absence>;
static_assert(std::variant_size_v<AnyEntity> == kind_count);

template <Kind K>
using EntityOf = std::variant_alternative_t<static_cast<std::size_t>(K), AnyEntity>;

template <class T>
inline constexpr bool has_id = requires(T t) {
  t.id;
};

// References are held in text fields or lists of text.
template <class M>
inline constexpr bool is_ref_type =
    std::is_same_v<M, std::string> || std::is_same_v<M, std::vector<std::string>>;

template <class F>
using member_t =
    std::remove_cvref_t<decltype(std::declval<typename F::owner>().*(std::declval<F>().member))>;

template <class T, class F>
constexpr void for_each_field(F &&f) {
  std::apply([&](const auto &...fs) { (f(fs), ...); }, Schema<T>::fields);
}

template <class F>
using KindResult = decltype(std::declval<F &>().template operator()<Team>());

namespace kind_dispatch {
template <std::size_t... I, class F>
KindResult<F> call(std::size_t k, F &&f, std::index_sequence<I...>) {
  using R = KindResult<F>;
  if constexpr (std::is_void_v<R>) {
    (void)((k == I ? (f.template operator()<std::variant_alternative_t<I, AnyEntity>>(), true)
                   : false) ||
           ...);
  } else {
    std::optional<R> result;
    (void)((k == I ? (result.emplace(
                          f.template operator()<std::variant_alternative_t<I, AnyEntity>>()),
                      true)
                   : false) ||
           ...);
    return std::move(*result);
  }
}
}  // namespace kind_dispatch

// Calls f(field) for the reference fields of T only.
template <class T, class F>
constexpr void for_each_ref(F &&f) {
  for_each_field<T>([&](const auto &field) {
    if constexpr (is_ref_type<typename std::remove_cvref_t<decltype(field)>::type>) {
      if (field.ref) f(field);
    }
  });
}

// Calls f.template operator()<T>() with the struct T of `kind`; the result
// type is the same for every kind.
template <class F>
KindResult<F> visit_kind(Kind kind, F &&f) {
  return kind_dispatch::call(static_cast<std::size_t>(kind), std::forward<F>(f),
                             std::make_index_sequence<kind_count>{});
}

// Kind order is dependency order: a kind references only kinds before it
// (and itself), so documents and loads go through kinds in Kind order.

}  // namespace levande::detail

#endif
