// CSV import of HR exports: RFC 4180 quoting, header mapping, row-numbered
// errors, all-or-nothing unless bad rows are skipped (and then reported).
#include <gtest/gtest.h>

#include "levande/error.hpp"
#include "levande/io/csv.hpp"
#include "levande/io/files.hpp"
#include "levande/io/json.hpp"
#include "levande/workspace.hpp"
#include "test_helpers.hpp"

namespace levande {
namespace {

using test::d;

Workspace with_teams() {
  Workspace ws;
  ws.apply(Batch()
               .add(Team{.id = "it", .name = "IT"})
               .add(Team{.id = "ops", .name = "Operations", .parent = "it"}));
  return ws;
}

TEST(Csv, SwedishHrExportWithMapping) {
  auto ws = with_teams();
  // A typical export: BOM, semicolons, CRLF, Swedish headers, a quoted name
  // holding the delimiter, a doubled quote and a line break.
  const std::string text =
      "\xEF\xBB\xBF"
      "Anst\xC3\xA4llningsnummer;Namn;E-post;Avdelning;Chef;Kostnadsst\xC3\xA4lle\r\n"
      "e1;\"Lindqvist; Karin\";karin@example.se;it;;4410\r\n"
      "e2;\"Johan \"\"JJ\"\" Ek\";;ops;e1;4410\r\n"
      "e3;\"Sara\nNilsson\";sara@example.se;ops;e2;4420\r\n";
  CsvOptions options;
  options.delimiter = ';';
  options.mapping = {{"Anställningsnummer", "id"},
                     {"Namn", "name"},
                     {"E-post", "email"},
                     {"Avdelning", "team"},
                     {"Chef", "manager"}};
  options.ignore_unknown_columns = true;  // Kostnadsställe
  const auto report = import_csv(ws, Kind::person, text, options);
  EXPECT_EQ(report.imported, 3u);
  EXPECT_TRUE(report.skipped.empty());
  const auto p = ws.people();
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0].name, "Lindqvist; Karin");
  EXPECT_EQ(p[0].manager, "");
  EXPECT_EQ(p[1].name, "Johan \"JJ\" Ek");
  EXPECT_EQ(p[1].email, "");
  EXPECT_EQ(p[2].name, "Sara\nNilsson");
  EXPECT_EQ(p[2].manager, "e2");
}

TEST(Csv, ParentsMayComeLaterInTheFile) {
  Workspace ws;
  import_csv(ws, Kind::team, "id,name,parent\nops,Operations,it\nit,IT,\n");
  EXPECT_EQ(ws.teams()[0].parent, "it");
}

TEST(Csv, TypedColumns) {
  auto ws = with_teams();
  import_csv(ws, Kind::training,
             "id,title,skills,start,end,cost,cancelled\n"
             "t1,DevOps,CI/CD|IaC,2026-03-09,2026-03-11,84000.50,no\n");
  const auto t = ws.trainings()[0];
  EXPECT_EQ(t.skills, (std::vector<std::string>{"CI/CD", "IaC"}));
  EXPECT_EQ(t.start, d("2026-03-09"));
  EXPECT_EQ(t.cost, 84000.5);
  EXPECT_FALSE(t.cancelled);
}

const char *people_with_errors =
    "id,name,email,team\n"            // line 1
    "e1,Karin,karin@example.se,it\n"  // 2 ok
    "e2,Johan,not-an-address,ops\n"   // 3 bad e-mail
    "e3,Sara,,nowhere\n"              // 4 unknown team (found when all rows are in)
    "e4,Ali,ali@example.se\n"         // 5 three fields
    "e1,Karin again,,it\n"            // 6 duplicate id
    "e5,Emma,,ops\n";                 // 7 ok

TEST(Csv, AnErrorNamesFileRowAndFieldAndImportsNothing) {
  auto ws = with_teams();
  CsvOptions options;
  options.source = "people.csv";
  try {
    import_csv(ws, Kind::person, people_with_errors, options);
    FAIL();
  } catch (const Error &e) {
    EXPECT_EQ(e.code(), Errc::invalid_argument);
    EXPECT_EQ(e.field(), "people.csv:3");
    EXPECT_EQ(e.value(), "not-an-address");
    EXPECT_NE(std::string(e.what()).find("people[e2].email"), std::string::npos) << e.what();
  }
  EXPECT_EQ(ws.size(Kind::person), 0u);
}

TEST(Csv, SkippingBadRowsReportsEveryOne) {
  auto ws = with_teams();
  CsvOptions options;
  options.source = "people.csv";
  options.skip_bad_rows = true;
  const auto report = import_csv(ws, Kind::person, people_with_errors, options);
  EXPECT_EQ(report.imported, 2u);
  ASSERT_EQ(report.skipped.size(), 4u);
  std::vector<std::size_t> rows;
  for (const auto &s : report.skipped)
    rows.push_back(s.row);
  std::sort(rows.begin(), rows.end());
  EXPECT_EQ(rows, (std::vector<std::size_t>{3, 4, 5, 6}));
  for (const auto &s : report.skipped) {
    EXPECT_NE(s.message.find("people.csv:" + std::to_string(s.row)), std::string::npos)
        << s.message;
  }
  EXPECT_TRUE(ws.find({Kind::person, "e1"}));
  EXPECT_TRUE(ws.find({Kind::person, "e5"}));
  EXPECT_EQ(std::get<Person>(*ws.find({Kind::person, "e1"})).name, "Karin");
}

TEST(Csv, MalformedRecordsAreSkippableAndDelimiterOnlyRowsAreBlank) {
  auto ws = with_teams();
  CsvOptions options;
  options.skip_bad_rows = true;
  // Line 3 has a stray quote (a common hand-edited export); line 4 is what
  // spreadsheets write for an empty row; line 5 is fine.
  const auto report =
      import_csv(ws, Kind::team, "id,name\nx,X\ny,Anna \"Nisse\" Berg\n,\nz,Z\n", options);
  EXPECT_EQ(report.imported, 2u);
  ASSERT_EQ(report.skipped.size(), 1u);
  EXPECT_EQ(report.skipped[0].row, 3u);
  EXPECT_NE(report.skipped[0].message.find("quote"), std::string::npos);
  EXPECT_TRUE(ws.find({Kind::team, "z"}));
}

TEST(Csv, MalformedFiles) {
  auto ws = with_teams();
  auto code_and_field = [&](const std::string &text, const CsvOptions &o = {}) {
    try {
      import_csv(ws, Kind::team, text, o);
    } catch (const Error &e) {
      return std::pair{e.code(), e.field()};
    }
    return std::pair{Errc::ok, std::string()};
  };
  EXPECT_EQ(code_and_field("id,name\nx,\"open\nquote\n"),
            std::pair(Errc::parse_error, std::string("<csv>:2")));
  EXPECT_EQ(code_and_field("id,name\nx,a\"b\n"),
            std::pair(Errc::parse_error, std::string("<csv>:2")));
  EXPECT_EQ(code_and_field("id,name\nx,\"a\"b\n"),
            std::pair(Errc::parse_error, std::string("<csv>:2")));
  EXPECT_EQ(code_and_field("id,name,colour\nx,y,red\n"),
            std::pair(Errc::invalid_argument, std::string("<csv>:1")));
  EXPECT_EQ(code_and_field("id,name,id\nx,y,z\n"),
            std::pair(Errc::invalid_argument, std::string("<csv>:1")));
  EXPECT_EQ(code_and_field(""), std::pair(Errc::parse_error, std::string("<csv>")));
  CsvOptions bad_mapping;
  bad_mapping.mapping = {{"Namn", "nmae"}};
  EXPECT_EQ(code_and_field("id,Namn\nx,y\n", bad_mapping),
            std::pair(Errc::invalid_argument, std::string("mapping[Namn]")));
  CsvOptions pipe;
  pipe.delimiter = '|';
  EXPECT_EQ(code_and_field("id|name\n", pipe),
            std::pair(Errc::invalid_argument, std::string("delimiter")));
  EXPECT_EQ(ws.size(Kind::team), 2u);
}

TEST(Csv, Measurements) {
  auto ws = test::example_programme();
  CsvOptions options;
  options.mapping = {{"kpi", "goal"}, {"day", "date"}, {"val", "value"}};
  import_csv(ws, Kind::measurement, "kpi,day,val\ng-lead,2026-06-01,16.5\ng-lead,2026-06-02,16\n",
             options);
  EXPECT_EQ(ws.size(Kind::measurement), 5u);
  EXPECT_EQ(ws.measurements().value[4], 16.0);
  EXPECT_EQ(test::code_of([&] {
              import_csv(ws, Kind::measurement, "goal,date,value\ng-lead,2026-06-03,fast\n");
            }),
            Errc::invalid_argument);
  EXPECT_EQ(ws.size(Kind::measurement), 5u);
}

// Numbers as the workspace's language writes them: a Swedish export has ';'
// between fields and decimal commas.
TEST(Csv, DecimalCommasInASwedishWorkspace) {
  auto ws = test::example_programme();
  ws.set_settings({.language = "sv", .currency = "SEK"});
  const std::string text = "goal;date;value\ng-lead;2026-06-01;16,5\ng-lead;2026-06-08;16.25\n";
  const auto before = ws.size(Kind::measurement);
  const auto report = import_csv(ws, Kind::measurement, text, {.delimiter = ';'});
  EXPECT_EQ(report.imported, 2u);
  const auto m = ws.measurements();
  EXPECT_DOUBLE_EQ(m.value[before], 16.5);
  EXPECT_DOUBLE_EQ(m.value[before + 1], 16.25);

  // Read as English, the comma is refused, naming the file, row and field.
  Workspace en = test::example_programme();
  try {
    import_csv(en, Kind::measurement, text,
               {.delimiter = ';', .source = "kpi.csv", .language = "en"});
    FAIL() << "accepted";
  } catch (const Error &e) {
    EXPECT_EQ(e.field(), "kpi.csv:2");
    EXPECT_EQ(e.value(), "16,5");
    EXPECT_NE(std::string(e.what()).find("value"), std::string::npos) << e.what();
  }
  EXPECT_EQ(test::code_of([&] {
              import_csv(en, Kind::measurement, text, {.delimiter = ';', .language = "xx"});
            }),
            Errc::invalid_argument);
}

}  // namespace
}  // namespace levande
