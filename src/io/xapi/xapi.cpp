// xAPI statements of the follow-up (docs/xapi.md).
#include "levande/io/xapi.hpp"

#include <algorithm>
#include <boost/uuid/name_generator_sha1.hpp>
#include <boost/uuid/uuid_io.hpp>
#include <cctype>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "i18n/language.hpp"
#include "levande/error.hpp"

namespace levande::xapi {

namespace {

using json = nlohmann::ordered_json;

// Verbs: the ADL vocabulary (http://adlnet.gov/expapi/verbs/), and
// "mentored" from the xAPI registry, which ADL does not define.
struct Verb {
  const char *id, *display;  // display: the English msgid, context "xAPI verb"
};
constexpr Verb attended{"http://adlnet.gov/expapi/verbs/attended", "attended"};
constexpr Verb progressed{"http://adlnet.gov/expapi/verbs/progressed", "progressed"};
constexpr Verb completed{"http://adlnet.gov/expapi/verbs/completed", "completed"};
constexpr Verb responded{"http://adlnet.gov/expapi/verbs/responded", "responded"};
constexpr Verb mentored{"http://id.tincanapi.com/verb/mentored", "mentored"};
// For the catalogues (xgettext): the verbs' display names, translated where used.
[[maybe_unused]] constexpr const char *verb_names[] = {
    LEVANDE_NC_("xAPI verb", "attended"), LEVANDE_NC_("xAPI verb", "progressed"),
    LEVANDE_NC_("xAPI verb", "completed"), LEVANDE_NC_("xAPI verb", "responded"),
    LEVANDE_NC_("xAPI verb", "mentored")};

// A language map with a text levande writes, in every language it writes.
template <class Translate>
json in_every_language(Translate &&translate) {
  json map = json::object();
  for (const auto &tag : i18n::Language::available()) {
    const auto &lang = i18n::Language::of(tag);
    map[lang.regional_tag()] = translate(lang);
  }
  return map;
}

constexpr const char *course = "http://adlnet.gov/expapi/activities/course";
constexpr const char *meeting = "http://adlnet.gov/expapi/activities/meeting";
constexpr const char *objective = "http://adlnet.gov/expapi/activities/objective";
constexpr const char *assessment = "http://adlnet.gov/expapi/activities/assessment";

// Ids are IRIs: path segments keep letters, digits and -._~; anything else is
// percent-encoded, so no id can change the IRI's structure.
std::string segment(const std::string &id) {
  static const char *hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : id) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

class Writer {
 public:
  Writer(const Workspace &ws, const Options &o)
      : ws_(ws), o_(o), lang_(i18n::Language::chosen("", ws.settings().language)) {
    for (const auto &p : ws.people())
      people_[p.id] = &p;
    for (const auto &t : ws.trainings())
      trainings_[t.id] = &t;
    for (const auto &p : ws.action_plans())
      plans_[p.id] = &p;
  }

  json run() {
    participations();
    check_ins();
    goals();
    responses();
    mentors();
    std::stable_sort(out_.begin(), out_.end(), [](const json &a, const json &b) {
      return a["timestamp"].get<std::string>() < b["timestamp"].get<std::string>();
    });
    json array = json::array();
    for (auto &s : out_)
      array.push_back(std::move(s));
    return array;
  }

 private:
  // Whose statements a plan's facts are: its person, or every member of its
  // team (a team's check-in is attended by the team).
  const std::vector<std::string> &owners(const ActionPlan &plan) {
    auto &list = owners_[plan.person.empty() ? "team:" + plan.team : plan.person];
    if (list.empty()) {
      if (!plan.person.empty())
        list.push_back(plan.person);
      else
        for (const auto &p : ws_.people())
          if (p.team == plan.team) list.push_back(p.id);
    }
    return list;
  }

  json actor(const std::string &person) const {
    json a{{"objectType", "Agent"}};
    const auto it = people_.find(person);
    if (it != people_.end()) a["name"] = it->second->name;
    if (it != people_.end() && !it->second->email.empty())
      a["mbox"] = "mailto:" + it->second->email;
    else
      a["account"] = {{"homePage", o_.base}, {"name", person}};
    return a;
  }

  // `name`: a language map, or a text of the workspace (keyed by its language).
  json activity(const std::string &path, json name, const char *type) const {
    if (name.is_string()) name = json{{lang_.regional_tag(), std::move(name)}};
    return {{"objectType", "Activity"},
            {"id", o_.base + path},
            {"definition", {{"name", std::move(name)}, {"type", type}}}};
  }

  json training_activity(const std::string &training) const {
    const auto it = trainings_.find(training);
    return activity("/trainings/" + segment(training),
                    it == trainings_.end() ? training : it->second->title, course);
  }

  // A statement; `key` names the fact uniquely and gives the UUID.
  void add(const std::string &key, const std::string &person, const Verb &verb, json object,
           Date day, const std::string &training, json result = nullptr) {
    static const boost::uuids::uuid space =
        boost::uuids::name_generator_sha1(boost::uuids::ns::url())("https://levande.example/xapi");
    json s;
    s["id"] = boost::uuids::to_string(boost::uuids::name_generator_sha1(space)(key));
    s["actor"] = actor(person);
    s["verb"] = {{"id", verb.id}, {"display", in_every_language([&](const i18n::Language &l) {
                                     return l.trc("xAPI verb", verb.display);
                                   })}};
    s["object"] = std::move(object);
    if (!result.is_null()) s["result"] = std::move(result);
    json context = {{"platform", "levande"}, {"language", lang_.regional_tag()}};
    if (!training.empty())
      context["contextActivities"] = {{"parent", json::array({training_activity(training)})}};
    s["context"] = std::move(context);
    s["timestamp"] = day.to_string() + "T00:00:00Z";
    s["version"] = "1.0.3";
    out_.push_back(std::move(s));
  }

  void participations() {
    for (std::size_t i = 0; i < ws_.size(Kind::participation); ++i) {
      const auto p = std::get<Participation>(ws_.at(Kind::participation, i));
      const auto &training = *trainings_.at(p.training);
      const Date day = p.completed ? *p.completed : training.end;
      if (o_.as_of < day || (!p.completed && training.cancelled)) continue;
      json result = nullptr;
      if (p.post_score) {
        result = {
            {"score",
             {{"scaled", *p.post_score / 100}, {"raw", *p.post_score}, {"min", 0}, {"max", 100}}},
            {"completion", true}};
      }
      add("participation/" + p.id, p.person, attended, training_activity(p.training), day, "",
          std::move(result));
    }
  }

  void check_ins() {
    const auto c = ws_.check_ins();
    for (std::size_t r = 0; r < c.plan.size(); ++r) {
      if (c.status[r] != CheckInStatus::held || o_.as_of < c.held[r]) continue;
      const auto &plan = *plans_.at(ws_.id_at(Kind::action_plan, c.plan[r]));
      const auto object =
          activity("/action-plans/" + segment(plan.id) + "/check-ins/" + c.scheduled[r].to_string(),
                   in_every_language([&](const i18n::Language &l) {
                     return l.trf("Check-in: {1}", {plan.title});
                   }),
                   meeting);
      json result = nullptr;
      if (c.outcome[r] != Outcome::none) result = {{"response", to_string(c.outcome[r])}};
      for (const auto &person : owners(plan))
        add("check-in/" + plan.id + "/" + c.scheduled[r].to_string() + "/" + person, person,
            attended, object, c.held[r], plan.training, result);
    }
  }

  void goals() {
    const auto m = ws_.measurements();
    std::map<std::uint32_t, std::vector<std::size_t>> by_goal;
    for (std::size_t r = 0; r < m.goal.size(); ++r)
      if (!(o_.as_of < m.date[r])) by_goal[m.goal[r]].push_back(r);
    const auto goals = ws_.goals();
    for (auto &[g, rows] : by_goal) {
      std::stable_sort(rows.begin(), rows.end(),
                       [&](auto a, auto b) { return m.date[a] < m.date[b]; });
      const Goal &goal = goals[g];
      const auto &plan = *plans_.at(goal.plan);
      const auto &who = owners(plan);
      const auto object = activity("/goals/" + segment(goal.id), goal.metric, objective);
      bool done = false;
      Date previous = Date::min();
      int same_day = 0;  // the k-th measurement of a day: part of a stable key
      for (auto r : rows) {
        same_day = m.date[r] == previous ? same_day + 1 : 0;
        previous = m.date[r];
        const double progress = (m.value[r] - goal.baseline) / (goal.target - goal.baseline);
        json result = {{"score", {{"scaled", std::clamp(progress, -1.0, 1.0)}}},
                       {"extensions",
                        {{o_.base + "/extensions/value", m.value[r]},
                         {o_.base + "/extensions/progress", progress}}}};
        for (const auto &person : who)
          add("measurement/" + goal.id + "/" + m.date[r].to_string() + "#" +
                  std::to_string(same_day) + "/" + person,
              person, progressed, object, m.date[r], plan.training, result);
        if (!done && progress >= 1) {
          done = true;
          for (const auto &person : who)
            add("goal-completed/" + goal.id + "/" + person, person, completed, object, m.date[r],
                plan.training, {{"completion", true}, {"success", true}});
        }
      }
    }
  }

  void responses() {
    const auto r = ws_.responses();
    for (std::size_t i = 0; i < r.session.size(); ++i) {
      const auto session = std::get<FeedbackSession>(ws_.at(Kind::feedback_session, r.session[i]));
      if (o_.as_of < session.date) continue;
      const auto &person = ws_.id_at(Kind::person, r.person[i]);
      // Only that an answer was given: the answers themselves are reported
      // in aggregate, above the anonymity threshold, never per person.
      add("response/" + session.id + "/" + person, person, responded,
          activity(
              "/feedback-sessions/" + segment(session.id),
              in_every_language([](const i18n::Language &l) { return l.tr("Feedback session"); }),
              assessment),
          session.date, session.training);
    }
  }

  void mentors() {
    for (std::size_t i = 0; i < ws_.size(Kind::peer_session); ++i) {
      const auto session = std::get<PeerSession>(ws_.at(Kind::peer_session, i));
      // An ambassador's session has no mentors.
      if (o_.as_of < session.date || session.group.empty()) continue;
      const auto group = std::get<PeerGroup>(*ws_.find(Key(Kind::peer_group, session.group)));
      for (const auto &mentor : group.mentors) {
        if (std::find(session.attendees.begin(), session.attendees.end(), mentor) ==
            session.attendees.end())
          continue;
        add("mentored/" + session.id + "/" + mentor, mentor, mentored,
            activity("/peer-groups/" + segment(group.id),
                     in_every_language([&](const i18n::Language &l) {
                       return l.trf("Peer group {1}", {group.id});
                     }),
                     meeting),
            session.date, group.training);
      }
    }
  }

  const Workspace &ws_;
  const Options &o_;
  const i18n::Language &lang_;  // of the workspace's own texts (titles, metrics)
  std::map<std::string, const Person *> people_;
  std::map<std::string, const Training *> trainings_;
  std::map<std::string, const ActionPlan *> plans_;
  std::map<std::string, std::vector<std::string>> owners_;
  std::vector<json> out_;
};

}  // namespace

std::string statements(const Workspace &workspace, const Options &options) {
  if (!options.as_of.valid())
    throw Error(Errc::invalid_argument, "as_of", std::to_string(options.as_of.days()),
                "is not a valid date");
  const auto &b = options.base;
  if (!(b.rfind("https://", 0) == 0 || b.rfind("http://", 0) == 0) || b.back() == '/' ||
      b.find_first_of(" \"<>\\^`{|}") != std::string::npos)
    throw Error(Errc::invalid_argument, "base", b,
                "must be an http(s) IRI without spaces or a trailing slash");
  return Writer(workspace, options).run().dump(2, ' ', false, json::error_handler_t::replace) +
         "\n";
}

}  // namespace levande::xapi
