// The synthetic organisation: catalogues through batches (validated like any
// write), logs through the bulk appends.
#include "levande/synthetic.hpp"

#include <algorithm>
#include <array>

#include "levande/error.hpp"
#include "support/splitmix.hpp"

namespace levande {
namespace {

using Rng = detail::SplitMix;

constexpr std::array<const char *, 5> kinds{"devops", "security", "agile", "itil", "awareness"};
constexpr std::array<const char *, 5> skills{"CI/CD", "cloud security", "agile delivery",
                                             "service management", "security awareness"};
constexpr std::array<const char *, 5> metrics{"release lead time", "security incidents",
                                              "cycle time", "ticket resolution time",
                                              "phishing click rate"};

std::string num(std::size_t i) {
  return std::to_string(i);
}

// Applies a batch once it has grown large, so memory stays bounded.
void flush(Workspace &ws, Batch &batch, bool force = false) {
  if (batch.empty() || (!force && batch.size() < 50000)) return;
  ws.apply(batch);
  batch = Batch();
}

}  // namespace

Workspace synthetic_organisation(const SyntheticOptions &options) {
  const std::size_t n = options.people;
  if (n < 10 || n > 10'000'000) {
    throw Error(Errc::invalid_argument, "people", std::to_string(n),
                "must be between 10 and 10000000");
  }
  Rng rng(options.seed);
  Workspace ws;
  Batch batch;
  const Date year_start = Date::from_ymd(2026, 1, 5);  // a Monday

  // Teams of 10 people, departments of 20 teams, one root.
  const std::size_t teams = (n + 9) / 10;
  const std::size_t departments = (teams + 19) / 20;
  batch.add(Team{"org", "Organisation", ""});
  for (std::size_t d = 0; d < departments; ++d)
    batch.add(Team{"d" + num(d), "Department " + num(d), "org"});
  for (std::size_t t = 0; t < teams; ++t)
    batch.add(Team{"t" + num(t), "Team " + num(t), "d" + num(t / 20)});
  flush(ws, batch, true);

  // The first person of a team leads it; team leads report to the lead of
  // their department's first team, who reports to nobody.
  for (std::size_t p = 0; p < n; ++p) {
    const std::size_t team = p / 10;
    const std::size_t lead = team * 10;
    const std::size_t head = (team / 20) * 200;
    std::string manager = p != lead ? "p" + num(lead) : (p != head ? "p" + num(head) : "");
    batch.add(Person{"p" + num(p), "Person " + num(p), "p" + num(p) + "@example.com",
                     "t" + num(team), std::move(manager), "SE"});
    flush(ws, batch);
  }
  flush(ws, batch, true);

  // Trainings on Mondays through the year, one to three days long.
  const std::size_t trainings = n / 500 + 5;
  std::vector<Date> training_end(trainings);
  for (std::size_t t = 0; t < trainings; ++t) {
    const Date start(year_start.days() + 7 * static_cast<std::int32_t>(rng.below(36)));
    training_end[t] = Date(start.days() + static_cast<std::int32_t>(rng.below(3)));
    batch.add(Training{"c" + num(t),
                       "Course " + num(t),
                       {skills[t % 5]},
                       kinds[t % 5],
                       "Academy",
                       start,
                       training_end[t],
                       1000.0 * (5 + rng.below(60)),
                       false});
  }
  flush(ws, batch, true);

  // Three trainings per person; per participation a plan with a goal and a task.
  std::vector<std::uint32_t> plan_training;  // training index per plan (plan index = order)
  std::vector<Date> plan_created;
  std::vector<std::vector<std::uint32_t>> participants(trainings);
  for (std::size_t p = 0; p < n; ++p) {
    std::array<std::uint32_t, 3> mine{};
    for (std::size_t k = 0; k < 3; ++k) {
      do {
        mine[k] = rng.below(static_cast<std::uint32_t>(trainings));
      } while (std::find(mine.begin(), mine.begin() + static_cast<std::ptrdiff_t>(k), mine[k]) !=
               mine.begin() + static_cast<std::ptrdiff_t>(k));
      const auto t = mine[k];
      participants[t].push_back(static_cast<std::uint32_t>(p));
      const double pre = 30 + rng.below(41);
      batch.add(Participation{"", "p" + num(p), "c" + num(t), training_end[t], pre,
                              std::min(100.0, pre + rng.below(31)), 3.0 + rng.below(5) * 0.5});
      const std::string plan = "ap" + num(plan_training.size());
      const Date created(training_end[t].days() + 3);
      batch.add(ActionPlan{plan, "Apply " + std::string(skills[t % 5]), "p" + num(p), "",
                           "c" + num(t), created, Date(created.days() + 90), PlanStatus::open});
      const double baseline = 10 + rng.below(91);
      const bool down = t % 2 == 0;
      batch.add(Goal{"g" + num(plan_training.size()), plan, metrics[t % 5], "units", baseline,
                     down ? baseline * 0.85 : baseline * 1.15,
                     down ? Direction::decrease : Direction::increase, Date(created.days() + 90),
                     100.0 + rng.below(900)});
      batch.add(Task{"k" + num(plan_training.size()), plan, "First application", "daily work",
                     Date(created.days() + 14), std::nullopt});
      plan_training.push_back(t);
      plan_created.push_back(created);
      flush(ws, batch);
    }
  }
  flush(ws, batch, true);

  // Feedback sessions at +30/+60/+90 days, an ambassador per training.
  for (std::size_t t = 0; t < trainings; ++t) {
    for (int s = 1; s <= 3; ++s) {
      batch.add(FeedbackSession{"f" + num(t) + "-" + num(static_cast<std::size_t>(s)),
                                "c" + num(t),
                                "",
                                Date(training_end[t].days() + 30 * s),
                                {}});
    }
    if (!participants[t].empty()) {
      batch.add(Ambassador{"", "p" + num(participants[t].front()), "c" + num(t), ""});
    }
  }
  flush(ws, batch, true);

  // The logs, column-wise. Goal i and plan i belong to participation i.
  const std::size_t plans = plan_training.size();
  {
    std::vector<std::uint32_t> goal;
    std::vector<Date> date;
    std::vector<double> value;
    goal.reserve(plans * 12);
    date.reserve(plans * 12);
    value.reserve(plans * 12);
    const auto goals = ws.goals();
    for (std::size_t g = 0; g < plans; ++g) {
      const double start = goals[g].baseline, end = goals[g].target;
      const double pace = 0.4 + 1.2 * rng.unit();  // how far towards the target by the deadline
      for (int w = 1; w <= 12; ++w) {
        goal.push_back(static_cast<std::uint32_t>(g));
        date.push_back(Date(plan_created[g].days() + 7 * w));
        const double noise = (rng.unit() - 0.5) * 0.04 * start;
        value.push_back(start + (end - start) * pace * w / 12.0 + noise);
      }
    }
    ws.append_measurements(goal, date, value);
  }
  {
    std::vector<std::uint32_t> plan;
    std::vector<Date> scheduled, held;
    std::vector<CheckInStatus> status;
    std::vector<Outcome> outcome;
    for (std::size_t p = 0; p < plans; ++p) {
      for (int w = 1; w <= 12; ++w) {
        const Date day(plan_created[p].days() + 7 * w);
        plan.push_back(static_cast<std::uint32_t>(p));
        scheduled.push_back(day);
        const auto roll = rng.below(100);
        if (roll < 80) {
          status.push_back(CheckInStatus::held);
          held.push_back(Date(day.days() + static_cast<std::int32_t>(rng.below(3))));
          outcome.push_back(static_cast<Outcome>(1 + rng.below(3)));
        } else {
          status.push_back(roll < 95 ? CheckInStatus::missed : CheckInStatus::scheduled);
          held.push_back(Date::min());
          outcome.push_back(Outcome::none);
        }
      }
    }
    ws.append_check_ins(plan, scheduled, status, held, outcome);
  }
  {
    std::vector<std::uint32_t> session, person;
    std::vector<std::uint8_t> impact;
    for (std::size_t t = 0; t < trainings; ++t) {
      for (std::uint32_t s = 0; s < 3; ++s) {
        const auto index = *ws.index_of(Kind::feedback_session, "f" + num(t) + "-" + num(s + 1));
        for (const auto p : participants[t]) {
          if (rng.below(2) == 0) continue;
          session.push_back(index);
          person.push_back(p);
          impact.push_back(static_cast<std::uint8_t>(1 + rng.below(5)));
        }
      }
    }
    ws.append_responses(session, person, impact);
  }
  {
    std::vector<std::uint32_t> person;
    std::vector<Date> date;
    std::vector<double> hours;
    std::vector<LearningKind> kind;
    std::vector<std::uint8_t> self;
    for (std::size_t p = 0; p < n; ++p) {
      for (int a = 0; a < 20; ++a) {
        person.push_back(static_cast<std::uint32_t>(p));
        date.push_back(Date(year_start.days() + static_cast<std::int32_t>(rng.below(360))));
        hours.push_back(0.5 * (1 + rng.below(8)));
        const auto r = rng.below(10);  // roughly 70-20-10
        kind.push_back(r < 7   ? LearningKind::on_the_job
                       : r < 9 ? LearningKind::social
                               : LearningKind::formal);
        self.push_back(rng.below(3) == 0);
      }
    }
    ws.append_activities(person, date, hours, kind, self);
  }
  return ws;
}

}  // namespace levande
