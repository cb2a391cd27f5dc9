// Numbers, dates, money and sort order by language (src/core/i18n). The
// Swedish expectations are CLDR's conventions for sv: decimal comma, digits
// grouped by a no-break space (U+00A0), "%" and currency after a no-break
// space, "kr" as the symbol of SEK, abbreviated months with a full stop,
// and Å Ä Ö sorting after Z.
#include <gtest/gtest.h>

#include <cmath>

#include "i18n/language.hpp"
#include "levande/error.hpp"

namespace levande::i18n {
namespace {

const std::string nbsp = "\u00a0";

TEST(Language, SwedishNumbersFollowCldr) {
  const auto &sv = Language::of("sv");
  EXPECT_EQ(sv.integer(1748), "1" + nbsp + "748");
  EXPECT_EQ(sv.integer(-1748000),
            "\u2212"
            "1" +
                nbsp + "748" + nbsp + "000");
  EXPECT_EQ(sv.fixed(12.34, 1), "12,3");
  EXPECT_EQ(sv.percent(17.48), "1" + nbsp + "748" + nbsp + "%");
  EXPECT_EQ(sv.percent(0.425, 1), "42,5" + nbsp + "%");
  EXPECT_EQ(sv.money(12345.5, "SEK"), "12" + nbsp + "346" + nbsp + "kr");
  EXPECT_EQ(sv.money(1200, "EUR"), "1" + nbsp + "200" + nbsp + "\u20ac");
  EXPECT_EQ(sv.fixed(NAN, 1), "\u2013");
}

TEST(Language, SwedishDatesFollowCldr) {
  const auto &sv = Language::of("sv-SE");
  EXPECT_EQ(sv.tag(), "sv");
  EXPECT_EQ(sv.date(Date::parse("2026-12-07")), "7 dec. 2026");
  EXPECT_EQ(sv.date(Date::parse("2026-05-01")), "1 maj 2026");
  EXPECT_EQ(sv.date(Date::parse("1999-12-31")), "31 dec. 1999");
}

TEST(Language, EnglishKeepsTheHouseStyle) {
  const auto &en = Language::of("");
  EXPECT_EQ(en.tag(), "en");
  EXPECT_EQ(en.integer(1748), "1748");
  EXPECT_EQ(en.fixed(12.34, 1), "12.3");
  EXPECT_EQ(en.percent(0.42), "42 %");
  EXPECT_EQ(en.money(-12345.5, "SEK"),
            "\u2212"
            "12" +
                nbsp + "346 SEK");
  EXPECT_EQ(en.date(Date::parse("2026-12-07")), "7 Dec 2026");
  EXPECT_EQ(en.tr("What challenges did you meet applying it?"),
            "What challenges did you meet applying it?");
}

TEST(Language, PluralsAndContexts) {
  const auto &sv = Language::of("sv");
  // Not in the catalogue: the English text comes back, with the number.
  EXPECT_EQ(sv.trn("{1} unknown thing", "{1} unknown things", 1200),
            "1" + nbsp + "200 unknown things");
  EXPECT_EQ(Language::of("en").trn("{1} training", "{1} trainings", 1), "1 training");
  EXPECT_EQ(sv.tr("What challenges did you meet applying it?"),
            "Vilka utmaningar har du mött när du har tillämpat dem?");
}

TEST(Language, SwedishSortsÅÄÖAfterZ) {
  const auto &sv = Language::of("sv");
  EXPECT_TRUE(sv.before("Zeke", "Åsa"));
  EXPECT_TRUE(sv.before("Åsa", "Ärla"));
  EXPECT_TRUE(sv.before("Ärla", "Örjan"));
  EXPECT_TRUE(sv.before("anna", "Bertil"));  // letters first, case second
  // In English Å is an A with a ring: it sorts with the A's.
  EXPECT_TRUE(Language::of("en").before("Åsa", "Zeke"));
}

TEST(Language, AnUnknownLanguageIsRefusedByName) {
  try {
    Language::of("xx-YY", "options.language");
    FAIL() << "accepted";
  } catch (const Error &e) {
    EXPECT_EQ(e.code(), Errc::invalid_argument);
    EXPECT_EQ(e.field(), "options.language");
    EXPECT_EQ(e.value(), "xx-YY");
  }
  EXPECT_THROW(Language::of("sv").money(1, "kronor"), Error);
  EXPECT_EQ(Language::available(), (std::vector<std::string>{"en", "sv"}));
}

}  // namespace
}  // namespace levande::i18n
