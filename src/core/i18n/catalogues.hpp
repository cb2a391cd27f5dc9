// The compiled message catalogues built into the library: one .mo file per
// language in src/core/i18n/po, embedded at build time
// (cmake/EmbedCatalogues.cmake).
#ifndef LEVANDE_SRC_CORE_I18N_CATALOGUES_HPP
#define LEVANDE_SRC_CORE_I18N_CATALOGUES_HPP

#include <cstddef>
#include <span>

namespace levande::i18n {

struct Catalogue {
  const char *language;  // "sv": the .po file's name
  const unsigned char *data;
  std::size_t size;
};

extern const std::span<const Catalogue> catalogues;

}  // namespace levande::i18n

#endif
