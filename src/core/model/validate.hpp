// The rules one entity must follow on its own (fields, ranges, text), and
// how errors name an entity.
#ifndef LEVANDE_SRC_CORE_MODEL_VALIDATE_HPP
#define LEVANDE_SRC_CORE_MODEL_VALIDATE_HPP

#include <string>

#include "levande/model.hpp"

namespace levande::detail {

// "people[e17]" or "check_ins[plan=p1, scheduled=2026-03-02]": how errors name an entity.
template <class T>
std::string entity_path(const T &e);

// Applies the field and single-entity rules; throws naming the entity and field.
template <class T>
void check_entity(const T &e);

// A language levande writes (stored as its primary subtag: "sv-SE" is "sv")
// and a currency code of three capital letters; throws naming
// `settings.language` or `settings.currency`. Returns the settings as stored.
Settings checked_settings(const Settings &s);

}  // namespace levande::detail

#endif
