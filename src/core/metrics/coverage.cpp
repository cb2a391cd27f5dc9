// Six-step coverage per participation (docs/metrics.md).
#include <algorithm>
#include <array>

#include "levande/error.hpp"
#include "levande/metrics.hpp"
#include "metrics/basis.hpp"
#include "metrics/groups.hpp"
#include "names/enum_names.hpp"
#include "workspace/links.hpp"
#include "workspace/model_view.hpp"

namespace levande {

Table detail::coverage(Basis &basis) {
  const auto &t = basis.tables();
  const auto &links = basis.links();
  const std::size_t n = t.participations.size();
  const auto &person = links.participation_person;
  const auto &training = links.participation_training;
  auto step = basis.coverage_steps();  // a copy: the table owns its columns

  Table out;
  DictionaryColumn ids, people, trainings;
  ids.codes.resize(n);
  people.codes.resize(n);
  trainings.codes.resize(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    ids.codes[i] = static_cast<std::int32_t>(i);
    people.codes[i] = static_cast<std::int32_t>(person[i]);
    trainings.codes[i] = static_cast<std::int32_t>(training[i]);
  }
  ids.words = links.participation_id;
  people.words = links.person_id;
  for (const auto &tr : t.trainings.rows)
    trainings.words.push_back(tr.id);
  std::vector<std::uint32_t> steps(n, 0);
  for (std::uint32_t i = 0; i < n; ++i)
    for (const auto &s : step)
      steps[i] += s[i];
  auto score = basis.coverage_scores();  // steps ÷ 6, as the other metrics read it
  out.add("participation", std::move(ids));
  out.add("person", std::move(people));
  out.add("training", std::move(trainings));
  for (std::size_t s = 0; s < 6; ++s)
    out.add(detail::step_names[s], std::move(step[s]));
  out.add("steps", std::move(steps));
  out.add("coverage", std::move(score));
  return out;
}

Table coverage(const Workspace &workspace, Date as_of) {
  detail::Basis basis(workspace, as_of);
  return detail::coverage(basis);
}

}  // namespace levande
