// How records relate to a training beyond a plain reference.
#ifndef LEVANDE_SRC_CORE_MODEL_RELATIONS_HPP
#define LEVANDE_SRC_CORE_MODEL_RELATIONS_HPP

#include <algorithm>

#include "levande/model.hpp"

namespace levande::detail {

// Whether a record that names a training or a skill (an assignment, an
// ambassador) is about `training`: it names the training, or names none and
// one of the training's skills.
template <class T>
bool is_about(const T &record, const Training &training) {
  return record.training == training.id ||
         (record.training.empty() && std::find(training.skills.begin(), training.skills.end(),
                                               record.skill) != training.skills.end());
}

}  // namespace levande::detail

#endif
