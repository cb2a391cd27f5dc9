// Predicted retention per person and skill from the FSRS-6 memory model
// (docs/metrics.md, "Predicted retention").
#include <algorithm>

#include "levande/error.hpp"
#include "levande/metrics.hpp"
#include "metrics/groups.hpp"
#include "workspace/links.hpp"
#include "workspace/model_view.hpp"

namespace levande {

namespace {

// The rating a feedback response's impact (1–5) counts as.
Rating rating_of_impact(std::uint8_t impact) {
  return impact <= 1   ? Rating::again
         : impact == 2 ? Rating::hard
         : impact <= 4 ? Rating::good
                       : Rating::easy;
}

struct Review {
  std::uint64_t key;  // person << 32 | skill
  Date date;
  std::uint8_t source;  // 0 learning (first on a day), 1 check-in, 2 feedback
  Rating rating;
};

}  // namespace

Table retention(const Workspace &workspace, Date as_of, const RetentionOptions &options) {
  detail::require_date(as_of);
  if (!(options.target > 0 && options.target < 1)) {
    throw Error(Errc::invalid_argument, "target", std::to_string(options.target),
                "must be between 0 and 1 (exclusive)");
  }
  const auto &t = detail::ModelView(workspace).tables();
  const MemoryModel &model = options.model;

  const auto links = detail::ModelView(workspace).links();
  const auto &skills = links->skills;  // in name order
  const auto &taught = links->training_skills;

  std::vector<Review> reviews;
  const auto add = [&](std::uint32_t person, std::uint32_t training, Date day, std::uint8_t source,
                       Rating rating) {
    for (auto s : taught[training])
      reviews.push_back({(std::uint64_t{person} << 32) | s, day, source, rating});
  };
  // Learning: completing the training (or, without a completion date, its
  // end unless cancelled) is the first review, rated good.
  for (std::size_t i = 0; i < t.participations.size(); ++i) {
    const auto &pa = t.participations.rows[i];
    const auto ti = links->participation_training[i];
    const auto &training = t.trainings.rows[ti];
    if (!pa.completed && training.cancelled) continue;
    const Date learnt = pa.completed ? *pa.completed : training.end;
    if (as_of < learnt) continue;
    add(links->participation_person[i], ti, learnt, 0, Rating::good);
  }
  // Check-ins held with an outcome, of the person's own plans for a training.
  const auto &plan_person = links->plan_person;
  const auto &plan_training = links->plan_training;
  const auto &c = t.check_ins;
  for (std::size_t r = 0; r < c.size(); ++r) {
    const auto plan = c.plan[r];
    if (plan_person[plan] == detail::no_entity || plan_training[plan] == detail::no_entity ||
        c.status[r] != CheckInStatus::held || as_of < c.held[r])
      continue;
    if (const auto rating = rating_of(c.outcome[r]))
      add(plan_person[plan], plan_training[plan], c.held[r], 1, *rating);
  }
  // Feedback responses about a training: the impact on daily work.
  const auto &resp = t.responses;
  for (std::size_t r = 0; r < resp.size(); ++r) {
    const auto &session = t.feedback_sessions.rows[resp.session[r]];
    const auto ti = links->session_training[resp.session[r]];
    if (ti == detail::no_entity || as_of < session.date) continue;
    add(resp.person[r], ti, session.date, 2, rating_of_impact(resp.impact[r]));
  }

  // Order by (person, skill, date, source), keeping log order on ties: a
  // stable counting sort by person, then a stable sort of each person's few.
  {
    std::vector<std::uint32_t> start(t.people.size() + 1, 0);
    for (const auto &r : reviews)
      ++start[(r.key >> 32) + 1];
    for (std::size_t p = 0; p < t.people.size(); ++p)
      start[p + 1] += start[p];
    std::vector<Review> sorted(reviews.size());
    auto fill = start;
    for (const auto &r : reviews)
      sorted[fill[r.key >> 32]++] = r;
    reviews.swap(sorted);
    for (std::size_t p = 0; p < t.people.size(); ++p)
      std::stable_sort(reviews.begin() + start[p], reviews.begin() + start[p + 1],
                       [](const Review &a, const Review &b) {
                         return std::tie(a.key, a.date, a.source) <
                                std::tie(b.key, b.date, b.source);
                       });
  }

  DictionaryColumn person_col, team_col, skill_col;
  person_col.words = links->person_id;
  for (const auto &team : t.teams.rows)
    team_col.words.push_back(team.id);
  skill_col.words = skills;
  std::vector<std::uint32_t> trainings, count;
  std::vector<Date> last, reinforce_by;
  std::vector<double> stability, difficulty, retrievability;
  const auto &tree = links->tree;

  for (std::size_t begin = 0; begin < reviews.size();) {
    std::size_t end = begin;
    while (end < reviews.size() && reviews[end].key == reviews[begin].key)
      ++end;
    // Only what was learnt counts: a pair starts with a learning review.
    std::uint32_t learnt = 0;
    for (std::size_t i = begin; i < end; ++i)
      learnt += reviews[i].source == 0;
    if (learnt == 0) {
      begin = end;
      continue;
    }
    // Reviews before the first learning are of something not yet learnt.
    while (reviews[begin].source != 0)
      ++begin;
    std::optional<MemoryState> state;
    Date previous = reviews[begin].date;
    for (std::size_t i = begin; i < end; ++i) {
      state = model.review(state, reviews[i].date.days() - previous.days(), reviews[i].rating);
      previous = reviews[i].date;
    }
    const auto person = static_cast<std::uint32_t>(reviews[begin].key >> 32);
    person_col.codes.push_back(static_cast<std::int32_t>(person));
    const auto team = tree.team_of[person];
    team_col.codes.push_back(team == detail::no_entity ? -1 : static_cast<std::int32_t>(team));
    skill_col.codes.push_back(static_cast<std::int32_t>(reviews[begin].key & 0xffffffffu));
    trainings.push_back(learnt);
    count.push_back(static_cast<std::uint32_t>(end - begin));
    last.push_back(previous);
    stability.push_back(state->stability);
    difficulty.push_back(state->difficulty);
    retrievability.push_back(model.retrievability(*state, as_of.days() - previous.days()));
    reinforce_by.push_back(
        Date(previous.days() + model.next_interval_days(*state, options.target)));
    begin = end;
  }

  Table out;
  out.add("person", std::move(person_col));
  out.add("team", std::move(team_col));
  out.add("skill", std::move(skill_col));
  out.add("trainings", std::move(trainings));
  out.add("reviews", std::move(count));
  out.add("last_review", std::move(last));
  out.add("stability", std::move(stability));
  out.add("difficulty", std::move(difficulty));
  out.add("retrievability", std::move(retrievability));
  out.add("reinforce_by", std::move(reinforce_by));
  return out;
}

}  // namespace levande
