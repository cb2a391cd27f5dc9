// CSV for spreadsheets: RFC 4180 and the dialect Excel reads by double-click
// in a language's regional settings (levande/io/table_export.hpp).
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "levande/error.hpp"
#include "levande/io/table_export.hpp"
#include "test_helpers.hpp"

namespace levande {
namespace {

Table sample() {
  Table t;
  t.add("name", DictionaryColumn{{0, 1}, {"Åsa; Berg", "=SUM(A1)"}});
  t.add("value", std::vector<double>{8.4, NAN});
  t.add("count", std::vector<std::int32_t>{3, 4});
  t.add("date", std::vector<Date>{Date::parse("2026-12-07"), Date::min()});
  return t;
}

std::string csv(const Table &t, const CsvDialect &d) {
  std::ostringstream out;
  write_csv(out, t, d);
  return out.str();
}

const std::string bom = "\xEF\xBB\xBF";

TEST(TableExport, SwedishExcelGetsSemicolonsDecimalCommasAndABom) {
  const auto sv = excel_csv_dialect("sv");
  EXPECT_EQ(sv.delimiter, ';');
  EXPECT_EQ(sv.decimal, ',');
  EXPECT_TRUE(sv.byte_order_mark);
  EXPECT_EQ(csv(sample(), sv), bom +
                                   "name;value;count;date\r\n"
                                   "\"Åsa; Berg\";8,4;3;2026-12-07\r\n"
                                   "'=SUM(A1);;4;\r\n");
}

TEST(TableExport, EnglishExcelKeepsCommasAndPoints) {
  EXPECT_EQ(csv(sample(), excel_csv_dialect("en")), bom +
                                                        "name,value,count,date\r\n"
                                                        "Åsa; Berg,8.4,3,2026-12-07\r\n"
                                                        "'=SUM(A1),,4,\r\n");
  // The default dialect is RFC 4180: no mark.
  std::ostringstream plain;
  write_csv(plain, sample());
  EXPECT_EQ(plain.str(), csv(sample(), CsvDialect{}));
  EXPECT_EQ(plain.str().substr(0, 4), "name");
  EXPECT_EQ(test::code_of([] { excel_csv_dialect("tlh"); }), Errc::invalid_argument);
}

}  // namespace
}  // namespace levande
