// A language the library writes text in: its messages (gettext catalogues
// built into the library, src/core/i18n/po) and its numbers, dates, money
// and sort order (CLDR through ICU, by Boost.Locale). Nothing here touches
// the process's global locale.
//
// English is the language of the source: its messages are the msgids, and
// its numbers keep the report's house style (docs/i18n.md). Any other
// language with a catalogue formats by its CLDR locale.
#ifndef LEVANDE_SRC_CORE_I18N_LANGUAGE_HPP
#define LEVANDE_SRC_CORE_I18N_LANGUAGE_HPP

#include <cstdint>
#include <initializer_list>
#include <locale>
#include <string>
#include <string_view>
#include <vector>

#include "levande/date.hpp"

namespace levande::i18n {

// Marks a message for the catalogues without translating it (xgettext
// keyword): for tables of messages translated where they are used.
#define LEVANDE_N_(text) text
// The same for a message with a context (Language::trc()).
#define LEVANDE_NC_(context, text) text

class Language {
 public:
  // The language named by a tag: "sv", "sv-SE", "sv_SE" (the region is
  // ignored), "en"; "" is English. Built once per language and kept.
  // Throws Error(Errc::invalid_argument) naming `field` and the tag when
  // the library has no catalogue for it.
  static const Language &of(std::string_view tag, const char *field = "language");
  // The language a call writes in: `option` when given (refused by name
  // when unknown), else the workspace's when this build writes it, else
  // English.
  static const Language &chosen(std::string_view option, std::string_view workspace,
                                const char *field = "language");
  // "en" and the language of each built-in catalogue, sorted.
  static std::vector<std::string> available();
  // The same as a list for messages: "en, sv".
  static std::string available_list();
  // Whether of() knows the tag.
  static bool known(std::string_view tag);
  // The tag of() would keep: "sv-SE" → "sv".
  static std::string normalise(std::string_view tag);

  const std::string &tag() const noexcept { return tag_; }
  // The tag with the region the language is most used in (CLDR's likely
  // subtags): "sv-SE", "en-US"; what xAPI language maps are keyed by.
  std::string regional_tag() const;
  bool english() const noexcept { return tag_ == "en"; }

  // The message in this language (the msgid itself when the catalogue lacks it).
  std::string tr(const char *msgid) const;
  // The same, for a msgid that means different things in different places.
  std::string trc(const char *context, const char *msgid) const;
  // The singular or plural message for n, with "{1}" replaced by n
  // written as integer() writes it.
  std::string trn(const char *one, const char *many, std::int64_t n) const;
  // The message with "{1}", "{2}", ... replaced by the arguments, in order
  // (a translation may move them: "{2} för {1}").
  std::string trf(const char *msgid, std::initializer_list<std::string_view> args) const;

  // Whole numbers with the language's digit grouping: "1 748", "1748".
  std::string integer(std::int64_t n) const;
  // With this many decimals: "12,3"; NaN as "–".
  std::string fixed(double v, int decimals) const;
  // With at most this many decimals, trailing zeros dropped: "17,5", "2".
  std::string number(double v, int max_decimals) const;
  // A share 0..1 as percent: "42 %"; NaN as "–".
  std::string percent(double share, int decimals = 0) const;
  // Money rounded to whole units with its currency (ISO 4217 code):
  // "12 346 kr" (sv, SEK), "12 346 SEK"; NaN as "–".
  std::string money(double amount, std::string_view currency) const;
  // A date as people write it: "7 dec. 2026" (sv), "7 Dec 2026" (en).
  std::string date(Date d) const;

  // The decimal separator: "," in Swedish, "." in English.
  const std::string &decimal_separator() const noexcept { return decimal_; }

  // A decimal number as people of this language type it: its decimal
  // separator or a point, an optional sign ("-" or U+2212), no grouping.
  // Throws Error(invalid_argument) naming `field` and the text.
  double parse_number(std::string_view text, const char *field) const;

  // Whether a sorts before b in this language (Å Ä Ö after Z in Swedish).
  bool before(std::string_view a, std::string_view b) const;

 private:
  explicit Language(std::string tag);
  std::string tag_;
  std::locale locale_;
  std::string decimal_;  // the decimal separator: "," in Swedish
};

}  // namespace levande::i18n

#endif
