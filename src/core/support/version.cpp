#include "levande/version.hpp"

namespace levande {

const char *version() noexcept {
  return LEVANDE_VERSION_STRING;
}

}  // namespace levande
