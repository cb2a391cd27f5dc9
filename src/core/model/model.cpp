#include "levande/model.hpp"

#include <array>
#include <string>

#include "i18n/language.hpp"
#include "levande/error.hpp"
#include "levande/language.hpp"
#include "model/schema.hpp"

namespace levande {
namespace {

constexpr std::array<const char *, kind_count> plural{"teams",
                                                      "people",
                                                      "trainings",
                                                      "participations",
                                                      "action_plans",
                                                      "tasks",
                                                      "goals",
                                                      "measurements",
                                                      "check_ins",
                                                      "assignments",
                                                      "ambassadors",
                                                      "peer_groups",
                                                      "peer_sessions",
                                                      "feedback_sessions",
                                                      "responses",
                                                      "successes",
                                                      "competence_plans",
                                                      "initiatives",
                                                      "learning_slots",
                                                      "activities",
                                                      "policies",
                                                      "absences"};
constexpr std::array<const char *, kind_count> singular{
    "team",          "person",           "training",
    "participation", "action_plan",      "task",
    "goal",          "measurement",      "check_in",
    "assignment",    "ambassador",       "peer_group",
    "peer_session",  "feedback_session", "response",
    "success",       "competence_plan",  "initiative",
    "learning_slot", "activity",         "policy",
    "absence"};

}  // namespace

const char *kind_name(Kind kind) noexcept {
  const auto i = static_cast<std::size_t>(kind);
  return i < kind_count ? plural[i] : "?";
}

Kind kind_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kind_count; ++i) {
    if (name == plural[i] || name == singular[i]) return static_cast<Kind>(i);
  }
  throw Error(Errc::invalid_argument, "kind", std::string(name),
              "is not a kind of entity (people, teams, trainings, participations, goals, ...)");
}

bool is_log_kind(Kind kind) noexcept {
  return kind == Kind::measurement || kind == Kind::check_in || kind == Kind::response ||
         kind == Kind::activity;
}

namespace {
// The three questions of step 4 (DESIGN §1), as the catalogues' msgids.
constexpr std::array<const char *, 3> kQuestions{
    LEVANDE_N_("How has the new knowledge affected your daily work?"),
    LEVANDE_N_("What challenges did you meet applying it?"),
    LEVANDE_N_("What further support or resources do you need?")};
}  // namespace

const std::vector<std::string> &default_feedback_questions() {
  static const std::vector<std::string> questions(kQuestions.begin(), kQuestions.end());
  return questions;
}

std::vector<std::string> default_feedback_questions(std::string_view language) {
  const auto &lang = i18n::Language::of(language);
  std::vector<std::string> questions;
  for (const char *q : kQuestions)
    questions.push_back(lang.tr(q));
  return questions;
}

std::vector<std::string> languages() {
  return i18n::Language::available();
}

double parse_number(std::string_view text, std::string_view language, const char *field) {
  return i18n::Language::of(language).parse_number(text, field);
}

Policy default_policy() {
  Policy p;  // the member defaults are the process of DESIGN §1
  p.id = "default";
  return p;
}

}  // namespace levande
