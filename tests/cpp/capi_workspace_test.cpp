// The workspace through the C API only: round trips, bad input, columns,
// CSV, personal data, and NULL/misuse on every function.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "capi_helpers.hpp"
#include "levande.h"
#include "sqlite_helpers.hpp"
#include "test_helpers.hpp"

namespace {

std::string sample_json() {
  return levande::test::example_programme_json();
}

std::string take(char *text) {
  std::string copy = text ? text : "";
  levande_free(text);
  return copy;
}

std::string export_all(const levande_workspace *ws) {
  char *out = nullptr;
  EXPECT_EQ(levande_workspace_export_json(&out, ws, LEVANDE_SCOPE_ALL, nullptr, nullptr),
            LEVANDE_OK);
  return take(out);
}

std::string temp_path(const char *name) {
  const auto dir = std::filesystem::temp_directory_path() / "levande-capi-test";
  std::filesystem::create_directories(dir);
  const auto path = (dir / name).string();
  for (const char *suffix : {"", "-wal", "-shm"})
    std::filesystem::remove(path + suffix);
  return path;
}

TEST(CApiWorkspace, RoundTripsThroughSqliteAndJson) {
  levande_workspace *a = nullptr;
  ASSERT_EQ(levande_workspace_create(&a, nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_workspace_import_json(a, sample_json().c_str(), nullptr), LEVANDE_OK);
  size_t n = 0;
  ASSERT_EQ(levande_workspace_count(&n, a, LEVANDE_KIND_PERSON, nullptr), LEVANDE_OK);
  EXPECT_EQ(n, 6u);  // counted by hand in programme.json

  const auto path = temp_path("capi.db");
  ASSERT_EQ(levande_workspace_save_as(a, path.c_str(), nullptr), LEVANDE_OK);
  levande_workspace *b = nullptr;
  ASSERT_EQ(levande_workspace_open(&b, path.c_str(), 0, nullptr), LEVANDE_OK);
  EXPECT_EQ(export_all(a), export_all(b));

  levande_workspace *c = nullptr;
  ASSERT_EQ(levande_workspace_create(&c, nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_workspace_import_json(c, export_all(a).c_str(), nullptr), LEVANDE_OK);
  EXPECT_EQ(export_all(a), export_all(c));

  // A batch written through b is in the file; a reload of a read-only view sees it.
  ASSERT_EQ(
      levande_workspace_apply_json(
          b,
          R"([{"op":"add","kind":"measurements","value":{"goal":"g-lead","date":"2026-06-01","value":16}}])",
          nullptr),
      LEVANDE_OK);
  levande_workspace *r = nullptr;
  ASSERT_EQ(levande_workspace_open(&r, path.c_str(), 1, nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_workspace_count(&n, r, LEVANDE_KIND_MEASUREMENT, nullptr), LEVANDE_OK);
  EXPECT_EQ(n, 4u);
  EXPECT_EQ(levande_workspace_apply_json(r, "[]", nullptr), LEVANDE_ERR_MISUSE);

  // Entities by key and by index.
  char *out = nullptr;
  ASSERT_EQ(
      levande_workspace_get_json(&out, b, LEVANDE_KIND_CHECK_IN, "ap-ops", "2026-03-24", nullptr),
      LEVANDE_OK);
  EXPECT_NE(take(out).find("\"outcome\":\"partly\""), std::string::npos);
  ASSERT_EQ(levande_workspace_at_json(&out, b, LEVANDE_KIND_TEAM, 1, nullptr), LEVANDE_OK);
  EXPECT_EQ(take(out), R"({"id":"ops","name":"Operations","parent":"it"})");
  uint32_t index = 0;
  ASSERT_EQ(levande_workspace_index_of(&index, b, LEVANDE_KIND_PERSON, "e103", nullptr),
            LEVANDE_OK);
  EXPECT_EQ(index, 3u);
  const char *id = nullptr;
  ASSERT_EQ(levande_workspace_id_at(&id, b, LEVANDE_KIND_PERSON, 3, nullptr), LEVANDE_OK);
  EXPECT_STREQ(id, "e103");

  levande_workspace_destroy(&a);
  levande_workspace_destroy(&b);
  levande_workspace_destroy(&c);
  levande_workspace_destroy(&r);
  EXPECT_EQ(a, nullptr);
}

TEST(CApiWorkspace, ColumnsAreTheLogs) {
  levande_workspace *ws = nullptr;
  ASSERT_EQ(levande_workspace_create(&ws, nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_workspace_import_json(ws, sample_json().c_str(), nullptr), LEVANDE_OK);
  levande_measurement_columns m{};
  ASSERT_EQ(levande_workspace_measurements(&m, ws, nullptr), LEVANDE_OK);
  ASSERT_EQ(m.size, 3u);
  EXPECT_EQ(m.date[2], day("2026-04-20"));
  EXPECT_EQ(m.value[2], 22.0);
  levande_check_in_columns c{};
  ASSERT_EQ(levande_workspace_check_ins(&c, ws, nullptr), LEVANDE_OK);
  ASSERT_EQ(c.size, 3u);
  EXPECT_EQ(c.held[0], day("2026-03-24"));
  EXPECT_EQ(c.held[1], LEVANDE_NOT_HELD);
  EXPECT_EQ(c.status[1], 2);   // missed
  EXPECT_EQ(c.outcome[0], 2);  // partly
  levande_response_columns r{};
  ASSERT_EQ(levande_workspace_responses(&r, ws, nullptr), LEVANDE_OK);
  EXPECT_EQ(r.size, 2u);
  EXPECT_EQ(r.impact[0], 4);
  levande_activity_columns a{};
  ASSERT_EQ(levande_workspace_activities(&a, ws, nullptr), LEVANDE_OK);
  EXPECT_EQ(a.size, 3u);
  EXPECT_EQ(a.kind[1], 2);  // on the job
  EXPECT_EQ(a.hours[1], 6.0);
  levande_workspace_destroy(&ws);
}

TEST(CApiWorkspace, BadInputIsRefusedByFieldAndChangesNothing) {
  levande_workspace *ws = nullptr;
  ASSERT_EQ(levande_workspace_create(&ws, nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_workspace_import_json(ws, sample_json().c_str(), nullptr), LEVANDE_OK);
  const auto before = export_all(ws);
  struct Case {
    const char *ops;
    levande_status code;
    const char *field;
  } cases[] = {
      {R"([{"op":"add","kind":"goals","value":{"id":"g9","plan":"ap-ops","metric":"m","baseline":5,"target":5,"deadline":"2026-06-01"}}])",
       LEVANDE_ERR_CONSTRAINT, "goals[g9].target"},
      {R"([{"op":"add","kind":"people","value":{"id":"e9","name":"X","team":"nope"}}])",
       LEVANDE_ERR_NOT_FOUND, "people[e9].team"},
      {R"([{"op":"add","kind":"people","value":{"id":"e101","name":"X"}}])",
       LEVANDE_ERR_ALREADY_EXISTS, "people[e101].id"},
      {R"([{"op":"remove","kind":"goals","id":"g-lead"}])", LEVANDE_ERR_CONSTRAINT,
       "goals[g-lead]"},
      {R"([{"op":"add","kind":"trainings","value":{"id":"t","title":"T","start":"2026-02-30","end":"2026-03-01"}}])",
       LEVANDE_ERR_INVALID_DATE, "operations[0].value.start"},
      {"not json", LEVANDE_ERR_PARSE, "operations"},
  };
  for (const auto &c : cases) {
    levande_error *err = nullptr;
    EXPECT_EQ(levande_workspace_apply_json(ws, c.ops, &err), c.code) << c.ops;
    EXPECT_STREQ(levande_error_field(err), c.field);
    EXPECT_EQ(levande_error_code(levande_workspace_last_error(ws)), c.code);
    levande_error_destroy(&err);
    EXPECT_EQ(export_all(ws), before);
  }
  // Reads leave the handle's error alone; the next successful write clears it.
  size_t n = 0;
  EXPECT_EQ(levande_workspace_count(&n, ws, 99, nullptr), LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(levande_error_code(levande_workspace_last_error(ws)), LEVANDE_ERR_PARSE);
  ASSERT_EQ(levande_workspace_apply_json(ws, "[]", nullptr), LEVANDE_OK);
  EXPECT_EQ(levande_workspace_last_error(ws), nullptr);
  levande_workspace_destroy(&ws);
}

TEST(CApiWorkspace, CsvWithMappingAndSkippedRows) {
  levande_workspace *ws = nullptr;
  ASSERT_EQ(levande_workspace_create(&ws, nullptr), LEVANDE_OK);
  const char *from[] = {"Nr", "Namn"};
  const char *to[] = {"id", "name"};
  levande_csv_options o = LEVANDE_CSV_OPTIONS_INIT;
  o.source = "people.csv";
  o.delimiter = ';';
  o.skip_bad_rows = 1;
  o.mapping_from = from;
  o.mapping_to = to;
  o.mapping_count = 2;
  size_t imported = 0;
  char *skipped = nullptr;
  ASSERT_EQ(
      levande_workspace_import_csv(&imported, &skipped, ws, LEVANDE_KIND_PERSON,
                                   "Nr;Namn;email\ne1;Karin;\ne2;;x@y\ne3;Ali;bad\n", &o, nullptr),
      LEVANDE_OK);
  EXPECT_EQ(imported, 1u);
  const auto report = take(skipped);
  EXPECT_NE(report.find("\"row\":3"), std::string::npos) << report;
  EXPECT_NE(report.find("\"row\":4"), std::string::npos) << report;
  o.struct_size = 3;
  EXPECT_EQ(levande_workspace_import_csv(nullptr, nullptr, ws, LEVANDE_KIND_PERSON, "id,name\n", &o,
                                         nullptr),
            LEVANDE_ERR_MISUSE);
  levande_error *err = nullptr;
  EXPECT_EQ(levande_workspace_import_csv(nullptr, nullptr, ws, LEVANDE_KIND_PERSON,
                                         "id,name\ne5,\n", nullptr, &err),
            LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_STREQ(levande_error_field(err), "<csv>:2");
  levande_error_destroy(&err);
  levande_workspace_destroy(&ws);
}

TEST(CApiWorkspace, PersonalData) {
  levande_workspace *ws = nullptr;
  ASSERT_EQ(levande_workspace_create(&ws, nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_workspace_import_json(ws, sample_json().c_str(), nullptr), LEVANDE_OK);
  char *doc = nullptr;
  ASSERT_EQ(levande_workspace_export_person_json(&doc, ws, "e104", nullptr), LEVANDE_OK);
  EXPECT_NE(take(doc).find("Emma Berg"), std::string::npos);
  char *pseudonym = nullptr;
  ASSERT_EQ(levande_workspace_erase_person(&pseudonym, ws, "e104", LEVANDE_ERASE_PSEUDONYMISE,
                                           day("2026-11-27"), "hr", "request", nullptr),
            LEVANDE_OK);
  EXPECT_EQ(take(pseudonym), "anon-1");
  EXPECT_EQ(export_all(ws).find("Emma Berg"), std::string::npos);
  EXPECT_EQ(levande_workspace_scrub(ws, nullptr), LEVANDE_OK);  // memory only: nothing to scrub
  EXPECT_EQ(levande_workspace_scrub(nullptr, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_workspace_erase_person(nullptr, ws, "e104", 7, day("2026-11-27"), nullptr,
                                           nullptr, nullptr),
            LEVANDE_ERR_INVALID_ARGUMENT);
  levande_workspace_destroy(&ws);
}

TEST(CApiWorkspace, BulkAppendsAndSyntheticOrganisation) {
  levande_workspace *ws = nullptr;
  ASSERT_EQ(levande_workspace_synthetic(&ws, 100, 7, nullptr), LEVANDE_OK);
  size_t n = 0;
  ASSERT_EQ(levande_workspace_count(&n, ws, LEVANDE_KIND_MEASUREMENT, nullptr), LEVANDE_OK);
  EXPECT_EQ(n, 3600u);  // 300 plans x 12 weeks
  const uint32_t goal[] = {0, 1};
  const int32_t date[] = {day("2026-12-01"), day("2026-12-02")};
  const double value[] = {1.0, 2.0};
  ASSERT_EQ(levande_workspace_append_measurements(ws, goal, date, value, 2, nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_workspace_count(&n, ws, LEVANDE_KIND_MEASUREMENT, nullptr), LEVANDE_OK);
  EXPECT_EQ(n, 3602u);
  const uint32_t person[] = {0, 100};  // 100 is past the last person
  const double hours[] = {1.0, 1.0};
  const uint8_t kind[] = {0, 1};
  const uint8_t self[] = {1, 0};
  levande_error *err = nullptr;
  EXPECT_EQ(levande_workspace_append_activities(ws, person, date, hours, kind, self, 2, &err),
            LEVANDE_ERR_NOT_FOUND);
  EXPECT_STREQ(levande_error_field(err), "activities[1].person");
  levande_error_destroy(&err);
  const uint32_t session[] = {0};
  const uint8_t impact[] = {6};
  EXPECT_EQ(levande_workspace_append_responses(ws, session, person, impact, 1, nullptr),
            LEVANDE_ERR_OUT_OF_RANGE);
  const uint32_t plan[] = {0};
  const int32_t scheduled[] = {day("2026-12-24")};
  const uint8_t status[] = {1};
  const int32_t held[] = {day("2026-12-23")};
  const uint8_t outcome[] = {1};
  EXPECT_EQ(
      levande_workspace_append_check_ins(ws, plan, scheduled, status, held, outcome, 1, nullptr),
      LEVANDE_OK);
  EXPECT_EQ(levande_workspace_append_measurements(ws, nullptr, nullptr, nullptr, 0, nullptr),
            LEVANDE_OK);
  EXPECT_EQ(levande_workspace_append_measurements(ws, nullptr, date, value, 1, nullptr),
            LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_workspace_synthetic(nullptr, 100, 1, nullptr), LEVANDE_ERR_MISUSE);
  levande_workspace *small = nullptr;
  EXPECT_EQ(levande_workspace_synthetic(&small, 3, 1, nullptr), LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(small, nullptr);
  levande_workspace_destroy(&ws);
}

TEST(CApiWorkspace, KindsAndSchema) {
  EXPECT_STREQ(levande_kind_name(LEVANDE_KIND_CHECK_IN), "check_ins");
  EXPECT_STREQ(levande_kind_name(99), "?");
  EXPECT_STREQ(levande_kind_name(-1), "?");
  int32_t kind = -1;
  ASSERT_EQ(levande_kind_from_name(&kind, "person", nullptr), LEVANDE_OK);
  EXPECT_EQ(kind, LEVANDE_KIND_PERSON);
  EXPECT_EQ(levande_kind_from_name(&kind, "robots", nullptr), LEVANDE_ERR_INVALID_ARGUMENT);
  char *schema = nullptr;
  ASSERT_EQ(levande_workspace_json_schema(&schema, nullptr), LEVANDE_OK);
  EXPECT_NE(take(schema).find("\"check_ins\""), std::string::npos);
}

TEST(CApiWorkspace, Absences) {
  EXPECT_STREQ(levande_kind_name(LEVANDE_KIND_ABSENCE), "absences");
  EXPECT_STREQ(levande_kind_name(LEVANDE_KIND_COUNT), "?");
  int32_t kind = -1;
  ASSERT_EQ(levande_kind_from_name(&kind, "absence", nullptr), LEVANDE_OK);
  EXPECT_EQ(kind, LEVANDE_KIND_ABSENCE);
  levande_workspace *ws = nullptr;
  ASSERT_EQ(levande_workspace_create(&ws, nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_workspace_import_json(ws, sample_json().c_str(), nullptr), LEVANDE_OK);
  size_t n = 99;
  ASSERT_EQ(levande_workspace_count(&n, ws, LEVANDE_KIND_ABSENCE, nullptr), LEVANDE_OK);
  EXPECT_EQ(n, 0u);
  ASSERT_EQ(
      levande_workspace_apply_json(
          ws,
          R"([{"op":"add","kind":"absences","value":{"id":"vac","person":"e104","first":"2026-07-06","last":"2026-07-31","reason":"vacation"}}])",
          nullptr),
      LEVANDE_OK);
  ASSERT_EQ(levande_workspace_count(&n, ws, LEVANDE_KIND_ABSENCE, nullptr), LEVANDE_OK);
  EXPECT_EQ(n, 1u);
  char *out = nullptr;
  ASSERT_EQ(levande_workspace_get_json(&out, ws, LEVANDE_KIND_ABSENCE, "vac", nullptr, nullptr),
            LEVANDE_OK);
  EXPECT_EQ(
      take(out),
      R"({"first":"2026-07-06","id":"vac","last":"2026-07-31","person":"e104","reason":"vacation"})");
  levande_error *err = nullptr;
  EXPECT_EQ(
      levande_workspace_apply_json(
          ws,
          R"([{"op":"add","kind":"absences","value":{"id":"bad","person":"e104","first":"2026-07-06","last":"2026-07-01"}}])",
          &err),
      LEVANDE_ERR_CONSTRAINT);
  EXPECT_STREQ(levande_error_field(err), "absences[bad].last");
  levande_error_destroy(&err);
  ASSERT_EQ(levande_workspace_erase_person(nullptr, ws, "e104", LEVANDE_ERASE_REMOVE,
                                           day("2026-11-27"), "hr", "request", nullptr),
            LEVANDE_OK);
  ASSERT_EQ(levande_workspace_count(&n, ws, LEVANDE_KIND_ABSENCE, nullptr), LEVANDE_OK);
  EXPECT_EQ(n, 0u);  // the absence went with the person
  levande_workspace_destroy(&ws);
}

TEST(CApiWorkspace, ADamagedFileIsRefusedThenCheckedAndRepaired) {
  levande_workspace *a = nullptr;
  ASSERT_EQ(levande_workspace_create(&a, nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_workspace_import_json(a, sample_json().c_str(), nullptr), LEVANDE_OK);
  const auto path = temp_path("damaged.db");
  std::filesystem::remove(path + ".damaged");
  ASSERT_EQ(levande_workspace_save_as(a, path.c_str(), nullptr), LEVANDE_OK);
  levande_workspace_destroy(&a);
  levande::test::exec_sql(path, "UPDATE people SET team = 'ghost' WHERE id = 'e102'");

  levande_workspace *b = nullptr;
  levande_error *err = nullptr;
  EXPECT_EQ(levande_workspace_open(&b, path.c_str(), 1, &err), LEVANDE_ERR_CORRUPT);
  EXPECT_EQ(b, nullptr);
  EXPECT_STREQ(levande_error_field(err), "people[e102].team");
  EXPECT_STREQ(levande_error_value(err), "ghost");
  levande_error_destroy(&err);

  char *out = nullptr;
  ASSERT_EQ(levande_workspace_check(&out, path.c_str(), 0, nullptr), LEVANDE_OK);
  // 40 records in the example; the person stays, without the team.
  EXPECT_EQ(take(out),
            R"j({"backup":"","kept":40,"problems":[{"action":"cleared","code":-5,)j"
            R"j("field":"people[e102].team","message":"people[e102].team: no such team )j"
            R"j((got \"ghost\")","value":"ghost"}],"records":40})j");
  ASSERT_EQ(levande_workspace_check(&out, path.c_str(), 1, nullptr), LEVANDE_OK);
  EXPECT_NE(take(out).find("\"backup\":\"" + path + ".damaged\""), std::string::npos);
  ASSERT_EQ(levande_workspace_open(&b, path.c_str(), 1, nullptr), LEVANDE_OK);
  levande_workspace_destroy(&b);
  EXPECT_EQ(levande_workspace_check(nullptr, path.c_str(), 0, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_workspace_check(&out, nullptr, 0, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_workspace_check(&out, (path + ".none").c_str(), 0, nullptr), LEVANDE_ERR_IO);
}

TEST(CApiWorkspace, AnErasureBlockedFromScrubbingSaysSoAndGivesThePseudonym) {
  levande_workspace *ws = nullptr;
  ASSERT_EQ(levande_workspace_create(&ws, nullptr), LEVANDE_OK);
  ASSERT_EQ(levande_workspace_import_json(ws, sample_json().c_str(), nullptr), LEVANDE_OK);
  const auto path = temp_path("scrub.db");
  ASSERT_EQ(levande_workspace_save_as(ws, path.c_str(), nullptr), LEVANDE_OK);
  // Another connection holds a read transaction: the WAL cannot be emptied.
  sqlite3 *reader = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &reader), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(reader, "BEGIN; SELECT count(*) FROM people;", nullptr, nullptr, nullptr),
            SQLITE_OK);
  char *pseudonym = nullptr;
  levande_error *err = nullptr;
  EXPECT_EQ(levande_workspace_erase_person(&pseudonym, ws, "e105", LEVANDE_ERASE_REMOVE,
                                           day("2026-11-27"), "hr", "request", &err),
            LEVANDE_ERR_SCRUB_PENDING);
  // Erased and audited: the pseudonym is there, and the error carries it too.
  ASSERT_NE(pseudonym, nullptr);
  EXPECT_EQ(std::string(pseudonym).rfind("anon-", 0), 0u) << pseudonym;
  EXPECT_STREQ(levande_error_value(err), pseudonym);
  levande_free(pseudonym);
  levande_error_destroy(&err);
  uint32_t index = 0;
  EXPECT_EQ(levande_workspace_index_of(&index, ws, LEVANDE_KIND_PERSON, "e105", nullptr),
            LEVANDE_ERR_NOT_FOUND);
  sqlite3_exec(reader, "COMMIT;", nullptr, nullptr, nullptr);
  sqlite3_close(reader);
  EXPECT_EQ(levande_workspace_scrub(ws, nullptr), LEVANDE_OK);
  levande_workspace_destroy(&ws);
}

TEST(CApiWorkspace, NullAndMisuse) {
  levande_workspace *ws = nullptr;
  ASSERT_EQ(levande_workspace_create(&ws, nullptr), LEVANDE_OK);
  char *text = nullptr;
  size_t n = 0;
  uint32_t index = 0;
  const char *id = nullptr;
  int32_t kind = 0;
  levande_measurement_columns m{};
  levande_check_in_columns c{};
  levande_response_columns r{};
  levande_activity_columns a{};
  const levande_status misuse = LEVANDE_ERR_MISUSE;
  EXPECT_EQ(levande_workspace_create(nullptr, nullptr), misuse);
  EXPECT_EQ(levande_workspace_open(nullptr, ":memory:", 0, nullptr), misuse);
  levande_workspace *opened = ws;
  EXPECT_EQ(levande_workspace_open(&opened, nullptr, 0, nullptr), misuse);
  EXPECT_EQ(opened, nullptr);
  EXPECT_EQ(levande_workspace_open(&opened, temp_path("nope.db").c_str(), 1, nullptr),
            LEVANDE_ERR_IO);
  EXPECT_EQ(levande_workspace_save_as(nullptr, "x", nullptr), misuse);
  EXPECT_EQ(levande_workspace_save_as(ws, nullptr, nullptr), misuse);
  EXPECT_EQ(levande_workspace_reload(nullptr, nullptr), misuse);
  EXPECT_EQ(levande_workspace_reload(ws, nullptr), LEVANDE_OK);  // no database: nothing to do
  EXPECT_EQ(levande_workspace_apply_json(ws, nullptr, nullptr), misuse);
  EXPECT_EQ(levande_workspace_import_json(ws, nullptr, nullptr), misuse);
  EXPECT_EQ(levande_workspace_export_json(nullptr, ws, 0, nullptr, nullptr), misuse);
  EXPECT_EQ(levande_workspace_export_json(&text, ws, LEVANDE_SCOPE_TEAM, nullptr, nullptr), misuse);
  EXPECT_EQ(levande_workspace_export_json(&text, ws, 9, nullptr, nullptr),
            LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(levande_workspace_export_json(&text, ws, LEVANDE_SCOPE_TEAM, "nope", nullptr),
            LEVANDE_ERR_NOT_FOUND);
  EXPECT_EQ(levande_workspace_import_csv(nullptr, nullptr, ws, 0, nullptr, nullptr, nullptr),
            misuse);
  EXPECT_EQ(levande_workspace_import_csv(nullptr, nullptr, ws, 42, "id\n", nullptr, nullptr),
            LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(levande_workspace_count(nullptr, ws, 0, nullptr), misuse);
  EXPECT_EQ(levande_workspace_count(&n, nullptr, 0, nullptr), misuse);
  EXPECT_EQ(levande_workspace_count(&n, ws, -1, nullptr), LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(levande_workspace_get_json(&text, ws, 0, nullptr, nullptr, nullptr), misuse);
  EXPECT_EQ(levande_workspace_get_json(&text, ws, 0, "t", nullptr, nullptr), LEVANDE_ERR_NOT_FOUND);
  EXPECT_EQ(levande_workspace_at_json(&text, ws, 0, 0, nullptr), LEVANDE_ERR_NOT_FOUND);
  EXPECT_EQ(levande_workspace_at_json(nullptr, ws, 0, 0, nullptr), misuse);
  EXPECT_EQ(levande_workspace_index_of(&index, ws, 0, nullptr, nullptr), misuse);
  EXPECT_EQ(levande_workspace_index_of(&index, ws, 0, "t", nullptr), LEVANDE_ERR_NOT_FOUND);
  EXPECT_EQ(levande_workspace_id_at(&id, ws, 0, 0, nullptr), LEVANDE_ERR_NOT_FOUND);
  EXPECT_EQ(levande_workspace_id_at(nullptr, ws, 0, 0, nullptr), misuse);
  EXPECT_EQ(levande_workspace_measurements(nullptr, ws, nullptr), misuse);
  EXPECT_EQ(levande_workspace_check_ins(&c, nullptr, nullptr), misuse);
  EXPECT_EQ(levande_workspace_responses(&r, nullptr, nullptr), misuse);
  EXPECT_EQ(levande_workspace_activities(&a, nullptr, nullptr), misuse);
  ASSERT_EQ(levande_workspace_measurements(&m, ws, nullptr), LEVANDE_OK);
  EXPECT_EQ(m.size, 0u);
  EXPECT_EQ(levande_workspace_export_person_json(&text, ws, nullptr, nullptr), misuse);
  EXPECT_EQ(levande_workspace_export_person_json(&text, ws, "e1", nullptr), LEVANDE_ERR_NOT_FOUND);
  EXPECT_EQ(levande_workspace_erase_person(nullptr, ws, nullptr, 0, 0, nullptr, nullptr, nullptr),
            misuse);
  EXPECT_EQ(levande_workspace_erase_person(nullptr, nullptr, "e1", 0, 0, nullptr, nullptr, nullptr),
            misuse);
  EXPECT_EQ(levande_workspace_json_schema(nullptr, nullptr), misuse);
  EXPECT_EQ(levande_kind_from_name(nullptr, "people", nullptr), misuse);
  EXPECT_EQ(levande_kind_from_name(&kind, nullptr, nullptr), misuse);
  EXPECT_EQ(levande_workspace_last_error(nullptr), nullptr);
  levande_workspace_destroy(&ws);
  levande_workspace_destroy(&ws);  // NULL-safe
  levande_workspace_destroy(nullptr);
}

}  // namespace
