// The demo organisation (docs/demo.md): a Swedish IT department, its 2026
// trainings and a simulated year of follow-up.
#include "levande/demo.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "levande/celebrate.hpp"
#include "levande/error.hpp"
#include "levande/schedule.hpp"
#include "support/splitmix.hpp"

namespace levande {
namespace {

using detail::SplitMix;

struct TeamSpec {
  const char *id, *name;
};
constexpr std::array<TeamSpec, 8> teams{{{"drift", "Drift och infrastruktur"},
                                         {"utv-betalning", "Utveckling Betalning"},
                                         {"utv-kundportal", "Utveckling Kundportal"},
                                         {"sakerhet", "Informationssäkerhet"},
                                         {"servicedesk", "Servicedesk"},
                                         {"data", "Data och analys"},
                                         {"arkitektur", "Arkitektur"},
                                         {"pmo", "Projektkontoret"}}};

constexpr std::array<const char *, 20> first_names{
    "Anna", "Erik",  "Maria",  "Lars", "Karin",  "Johan", "Sara", "Anders", "Emma",  "Mikael",
    "Elin", "Ahmed", "Linnea", "Per",  "Fatima", "Oskar", "Ida",  "Nils",   "Sofia", "Jonas"};
constexpr std::array<const char *, 20> last_names{
    "Andersson", "Johansson", "Karlsson",   "Nilsson",    "Eriksson", "Larsson",  "Olsson",
    "Persson",   "Svensson",  "Gustafsson", "Pettersson", "Jonsson",  "Lindberg", "Haddad",
    "Lindqvist", "Berg",      "Holm",       "Ek",         "Öberg",    "Sandberg"};

// A training: who takes it and the goal each participant sets.
struct TrainingSpec {
  const char *id, *title, *kind, *provider;
  std::array<const char *, 2> skills;
  int month, day, days;  // first day and length (business days in one week)
  double cost;
  std::array<const char *, 4> teams;  // participating teams; nullptr: unused
  const char *metric, *unit;
  double baseline_low, baseline_high, change;  // target = baseline * (1 + change)
  double value_per_unit;                       // SEK per unit of improvement per year
};
constexpr std::array<TrainingSpec, 4> trainings{{
    {"devops",
     "DevOps foundations",
     "devops",
     "Nordic DevOps Academy",
     {"CI/CD", "infrastructure as code"},
     2,
     9,
     3,
     180000,
     {"drift", "utv-betalning", "utv-kundportal", nullptr},
     "Release lead time",
     "days",
     8,
     14,
     -0.15,
     9000},
    {"cloudsec",
     "Cloud security",
     "security",
     "Säkerhetsinstitutet",
     {"cloud security", nullptr},
     3,
     16,
     2,
     120000,
     {"sakerhet", "arkitektur", "drift", nullptr},
     "Security incidents",
     "per quarter",
     6,
     15,
     -0.4,
     20000},
    {"agile",
     "Agile project management",
     "agile",
     "Projektakademin",
     {"agile delivery", nullptr},
     4,
     20,
     3,
     95000,
     {"pmo", "data", nullptr, nullptr},
     "On-time delivery",
     "%",
     55,
     70,
     0.2,
     2500},
    {"itil",
     "ITIL 4 Foundation",
     "itil",
     "Nordic Service Academy",
     {"service management", nullptr},
     9,
     14,
     3,
     110000,
     {"servicedesk", "drift", nullptr, nullptr},
     "Ticket resolution time",
     "hours",
     10,
     20,
     -0.2,
     4000},
}};

// A name as the local part of an address: lower case, å ä ö as a a o.
std::string mail_name(const std::string &name) {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    if (c == 0xC3 && i + 1 < name.size()) {  // two-byte Latin-1 letters
      const auto d = static_cast<unsigned char>(name[++i]);
      out += (d == 0x96 || d == 0xB6) ? 'o' : 'a';  // Ö ö; Å å Ä ä
    } else {
      out += static_cast<char>(std::tolower(c));
    }
  }
  return out;
}

// Rounded to one decimal, as people report measurements.
double tenth(double v) {
  return std::round(v * 10) / 10;
}

class Builder {
 public:
  explicit Builder(const DemoOptions &o) : o_(o), rng_(o.seed) {}

  Workspace build() {
    organisation();
    trainings_and_plans();
    awareness();
    step3_and_6();
    ScheduleOptions s;
    s.as_of = Date::from_ymd(2026, 1, 1);
    s.until = Date::from_ymd(2026, 12, 31);
    generate_follow_up(ws_, s);
    history();
    return std::move(ws_);
  }

 private:
  void apply() {
    ws_.apply(batch_);
    batch_ = Batch();
  }

  void organisation() {
    batch_.add(Team{"it", "IT-avdelningen", ""});
    for (const auto &t : teams)
      batch_.add(Team{t.id, t.name, "it"});
    batch_.add(Person{"e100", "Birgitta Wallin", "birgitta.wallin@example.se", "it", "", "SE"});
    for (std::size_t k = 0; k < teams.size() * 10; ++k) {
      const std::size_t team = k / 10;
      const std::string first = first_names[k % 20];
      const std::string last = last_names[(k / 20 * 5 + k) % 20];
      const std::string id = "e" + std::to_string(101 + k);
      const std::string lead = "e" + std::to_string(101 + team * 10);
      const std::string email = mail_name(first) + "." + mail_name(last);
      batch_.add(Person{id, first + " " + last, email + "@example.se", teams[team].id,
                        id == lead ? "e100" : lead, "SE"});
      people_.push_back({id, team});
    }
    apply();
  }

  void trainings_and_plans() {
    for (const auto &spec : trainings) {
      const Date start = Date::from_ymd(2026, spec.month, spec.day);
      const Date end(start.days() + spec.days - 1);
      std::vector<std::string> skills;
      for (const char *s : spec.skills)
        if (s) skills.push_back(s);
      batch_.add(Training{spec.id, spec.title, skills, spec.kind, spec.provider, start, end,
                          spec.cost, false});
      auto &who = participants_[spec.id];
      std::string best;
      double best_score = -1;
      for (const auto &[id, team] : people_) {
        const bool in = std::any_of(spec.teams.begin(), spec.teams.end(), [&](const char *t) {
          return t && std::string(t) == teams[team].id;
        });
        // Operations sends half its people to cloud security.
        if (!in || (std::string(spec.id) == "cloudsec" && teams[team].id == std::string("drift") &&
                    id.back() % 2 == 0))
          continue;
        who.push_back(id);
        const double pre = 35 + rng_.below(36);
        Participation p;
        p.person = id;
        p.training = spec.id;
        p.completed = end;
        p.pre_score = pre;
        p.post_score = std::min(100.0, pre + 10 + rng_.below(31));
        if (*p.post_score > best_score) {
          best_score = *p.post_score;
          best = id;
        }
        p.reaction = 3 + rng_.below(5) * 0.5;
        batch_.add(p);
        const std::string plan = id + "@" + spec.id + "/plan";
        const Date created(end.days() + 3);
        batch_.add(ActionPlan{plan, "Apply " + std::string(spec.title), id, "", spec.id, created,
                              Date(created.days() + 90), PlanStatus::open});
        const double baseline = tenth(rng_.between(spec.baseline_low, spec.baseline_high));
        Goal g;
        g.id = id + "@" + spec.id + "/goal";
        g.plan = plan;
        g.metric = spec.metric;
        g.unit = spec.unit;
        g.baseline = baseline;
        g.target = tenth(baseline * (1 + spec.change));
        g.direction = spec.change < 0 ? Direction::decrease : Direction::increase;
        g.deadline = Date(created.days() + 90);
        g.value_per_unit = spec.value_per_unit;
        batch_.add(g);
        goals_.push_back({g.id, created, g.deadline, g.baseline, g.target});
      }
      // The best post-assessment champions the training, and mentors its
      // peer groups.
      batch_.add(Ambassador{"", best, spec.id, ""});
      champion_[spec.id] = best;
    }
    apply();
  }

  // IT-security awareness for everyone, followed up by team goals.
  void awareness() {
    const Date start = Date::from_ymd(2026, 5, 18);
    batch_.add(Training{"awareness",
                        "IT security awareness",
                        {"security awareness"},
                        "awareness",
                        "Informationssäkerhet",
                        start,
                        start,
                        40000,
                        false});
    for (const auto &[id, team] : people_) {
      Participation p;
      p.person = id;
      p.training = "awareness";
      p.completed = start;
      p.reaction = 3 + rng_.below(5) * 0.5;
      batch_.add(p);
      participants_["awareness"].push_back(id);
    }
    for (const auto &t : teams) {
      const std::string plan = std::string(t.id) + "/awareness";
      const Date created(start.days() + 4);
      batch_.add(ActionPlan{plan, "Fewer phishing clicks in " + std::string(t.name), "", t.id,
                            "awareness", created, Date(created.days() + 120), PlanStatus::open});
      Goal g;
      g.id = std::string(t.id) + "/phishing";
      g.plan = plan;
      g.metric = "Phishing click rate";
      g.unit = "%";
      g.baseline = tenth(rng_.between(8, 16));
      g.target = tenth(g.baseline / 2);
      g.direction = Direction::decrease;
      g.deadline = Date(created.days() + 120);
      g.value_per_unit = 5000;
      batch_.add(g);
      goals_.push_back({g.id, created, g.deadline, g.baseline, g.target});
    }
    apply();
  }

  // Peer groups of three across teams, on-the-job assignments, competence plans.
  void step3_and_6() {
    for (const auto &spec : trainings) {
      auto who = participants_[spec.id];
      // Interleave teams so that consecutive people come from different teams.
      std::stable_sort(who.begin(), who.end(), [](const std::string &a, const std::string &b) {
        return a.back() < b.back();
      });
      for (std::size_t g = 0; g + 3 <= who.size(); g += 3) {
        std::vector<std::string> members{who[g], who[g + 1], who[g + 2]}, mentors;
        const auto &champion = champion_[spec.id];
        if (std::find(members.begin(), members.end(), champion) == members.end())
          mentors.push_back(champion);
        batch_.add(PeerGroup{std::string(spec.id) + "/peers-" + std::to_string(g / 3 + 1), spec.id,
                             members, mentors});
      }
      for (const auto &id : participants_[spec.id]) {
        if (!rng_.chance(0.6)) continue;
        const auto &t = *std::find_if(trainings.begin(), trainings.end(),
                                      [&](const auto &x) { return x.id == spec.id; });
        const Date end = Date(Date::from_ymd(2026, t.month, t.day).days() + t.days - 1);
        const Date start(end.days() + 10 + static_cast<std::int32_t>(rng_.below(30)));
        if (o_.as_of < start) continue;
        Assignment a;
        a.id = id + "@" + spec.id + "/assignment";
        a.person = id;
        a.training = spec.id;
        a.project = std::string("Pilot: ") + spec.metric;
        a.role = rng_.chance(0.3) ? Role::lead : Role::member;
        a.start = start;
        a.status = rng_.chance(0.5) ? AssignmentStatus::completed : AssignmentStatus::active;
        if (a.status == AssignmentStatus::completed) {
          a.end = Date(std::min(o_.as_of.days(), start.days() + 45));
          a.outcome = "Applied in daily work";
        }
        batch_.add(a);
      }
    }
    for (const auto &t : teams) {
      const std::string plan = std::string("cp-") + t.id + "-2026";
      batch_.add(CompetencePlan{plan, t.id, 2026});
      batch_.add(Initiative{plan + "/awareness", plan, 2, "security awareness", 16,
                            std::string(t.id) + "/phishing"});
      batch_.add(Initiative{plan + "/lunch", plan, 3, "lunch lectures", 40, ""});
      batch_.add(Initiative{plan + "/courses", plan, 4, "courses", 80 + 10.0 * rng_.below(5), ""});
    }
    apply();
  }

  void history() {
    // Check-ins: most held (a day or two late at times), some missed.
    const auto c = ws_.check_ins();
    for (std::size_t r = 0; r < c.plan.size(); ++r) {
      if (o_.as_of < c.scheduled[r]) continue;
      CheckIn ci;
      ci.plan = ws_.id_at(Kind::action_plan, c.plan[r]);
      ci.scheduled = c.scheduled[r];
      if (rng_.chance(0.8)) {
        ci.status = CheckInStatus::held;
        ci.held = Date(std::min(o_.as_of.days(),
                                c.scheduled[r].days() + static_cast<std::int32_t>(rng_.below(3))));
        const auto roll = rng_.below(100);
        ci.outcome = roll < 50   ? Outcome::applied
                     : roll < 85 ? Outcome::partly
                                 : Outcome::not_applied;
      } else {
        ci.status = CheckInStatus::missed;
      }
      batch_.update(ci);
    }
    apply();
    // Measurements every two weeks from the plan's start, towards the target
    // at each goal's own pace.
    for (const auto &g : goals_) {
      const double pace = rng_.between(0.6, 1.4);
      const std::int32_t span = g.deadline.days() - g.created.days();
      for (std::int32_t day = 14; day <= span + 28; day += 14) {
        const Date when(g.created.days() + day);
        if (o_.as_of < when) break;
        const double share = std::min(1.0, static_cast<double>(day) / span) * pace;
        const double noise = rng_.between(-0.04, 0.04) * g.baseline;
        batch_.add(
            Measurement{g.id, when, tenth(g.baseline + (g.target - g.baseline) * share + noise)});
      }
    }
    // Feedback: three in four answer; a few ask for support.
    static constexpr std::array<const char *, 4> support{
        "More time in the sprint for the new practices", "A mentor for the first weeks",
        "Access to a test environment", "A follow-up workshop with the team"};
    for (std::size_t s = 0; s < ws_.size(Kind::feedback_session); ++s) {
      const auto session = std::get<FeedbackSession>(ws_.at(Kind::feedback_session, s));
      if (o_.as_of < session.date || session.training.empty()) continue;
      for (const auto &id : participants_[session.training]) {
        if (!rng_.chance(0.75)) continue;
        Response r;
        r.session = session.id;
        r.person = id;
        r.impact = static_cast<std::int32_t>(2 + rng_.below(4));
        if (rng_.chance(0.15)) r.support_needed = support[rng_.below(4)];
        batch_.add(r);
      }
    }
    // Peer sessions: two or three of the group attend.
    for (std::size_t s = 0; s < ws_.size(Kind::peer_session); ++s) {
      auto session = std::get<PeerSession>(ws_.at(Kind::peer_session, s));
      if (o_.as_of < session.date) continue;
      const auto group = std::get<PeerGroup>(*ws_.find(Key(Kind::peer_group, session.group)));
      session.attendees.clear();
      for (const auto &m : group.members)
        if (rng_.chance(0.8)) session.attendees.push_back(m);
      for (const auto &m : group.mentors)
        if (rng_.chance(0.5)) session.attendees.push_back(m);
      batch_.update(session);
    }
    // Learning activities: about two a month each, 70-20-10.
    for (const auto &[id, team] : people_) {
      for (int k = 0; k < 24; ++k) {
        const Date day(Date::from_ymd(2026, 1, 5).days() +
                       static_cast<std::int32_t>(rng_.below(360)));
        if (o_.as_of < day) continue;
        const auto roll = rng_.below(10);
        batch_.add(Activity{id, day, 0.5 * (1 + rng_.below(6)),
                            roll < 7   ? LearningKind::on_the_job
                            : roll < 9 ? LearningKind::social
                                       : LearningKind::formal,
                            rng_.chance(0.3)});
      }
    }
    apply();
    // Successes found in the data; those older than two weeks mostly celebrated.
    const auto found = record_successes(ws_, o_.as_of);
    for (auto s : found) {
      if (o_.as_of.days() - s.date.days() < 14 || !rng_.chance(0.7)) continue;
      s.celebrated = Date(s.date.days() + 7);
      s.celebrated_where = rng_.chance(0.5) ? "Team meeting" : "IT newsletter";
      batch_.update(s);
    }
    apply();
  }

  struct GoalRow {
    std::string id;
    Date created, deadline;
    double baseline, target;
  };
  struct PersonRow {
    std::string id;
    std::size_t team;
  };

  const DemoOptions &o_;
  SplitMix rng_;
  Workspace ws_;
  Batch batch_;
  std::vector<PersonRow> people_;
  std::vector<GoalRow> goals_;
  std::map<std::string, std::vector<std::string>> participants_;
  std::map<std::string, std::string> champion_;  // ambassador per training
};

}  // namespace

Workspace demo_organisation(const DemoOptions &options) {
  if (options.as_of < Date::from_ymd(2026, 6, 1) || Date::from_ymd(2026, 12, 31) < options.as_of) {
    throw Error(Errc::invalid_argument, "as_of", options.as_of.to_string(),
                "must be between 2026-06-01 and 2026-12-31 (the demo's year)");
  }
  return Builder(options).build();
}

}  // namespace levande
