// A workspace file edited by another program (any SQLite tool can) is
// refused with Errc::corrupt naming the table, row or record and field; it
// never reaches code that trusts its references, and never crashes.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "levande/error.hpp"
#include "levande/io/check.hpp"
#include "levande/io/files.hpp"
#include "levande/metrics.hpp"
#include "levande/report.hpp"
#include "levande/schedule.hpp"
#include "levande/workspace.hpp"
#include "sqlite_helpers.hpp"
#include "test_helpers.hpp"

namespace levande {
namespace {

using test::exec_sql;
using test::temp_db;

struct Damage {
  const char *sql;
  const char *field;                // the error's field()
  std::vector<const char *> words;  // what the message must say
};

// The example programme (examples/data/programme.json) saved, then edited.
std::string damaged_copy(const std::string &name, const char *sql) {
  const auto path = temp_db(name);
  auto ws = test::example_programme();
  ws.save_as(path);
  exec_sql(path, sql);
  return path;
}

class DamagedFile : public ::testing::TestWithParam<Damage> {};

TEST_P(DamagedFile, IsRefusedNamingWhereItIsDamaged) {
  const auto &damage = GetParam();
  const auto path = damaged_copy("damaged.levande", damage.sql);
  for (const bool read_only : {false, true}) {
    try {
      (void)Workspace::open(path, {.read_only = read_only});
      ADD_FAILURE() << "opened after: " << damage.sql;
    } catch (const Error &e) {
      EXPECT_EQ(e.code(), Errc::corrupt) << e.what();
      EXPECT_EQ(e.field(), damage.field) << e.what();
      const std::string what = e.what();
      EXPECT_NE(what.find("is damaged"), std::string::npos) << what;
      EXPECT_NE(what.find("levande check"), std::string::npos) << what;
      for (const char *word : damage.words)
        EXPECT_NE(what.find(word), std::string::npos) << "missing '" << word << "' in " << what;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    Edits, DamagedFile,
    ::testing::Values(
        // References to records that do not exist.
        Damage{"UPDATE participations SET training = 'ghost' WHERE rowid = 1",
               "participations[e101@t-devops].training",
               {"ghost"}},
        Damage{
            "UPDATE people SET team = 'ghost' WHERE id = 'e101'", "people[e101].team", {"ghost"}},
        Damage{"UPDATE peer_groups SET members = '[\"e101\",\"ghost\"]' WHERE id = 'pg-1'",
               "peer_groups[pg-1].members[1]",
               {"ghost"}},
        Damage{"UPDATE check_ins SET plan = 'ghost' WHERE rowid = 1",
               "check_ins[plan=ghost, scheduled=2026-03-24].plan",
               {"check_ins row 1", "ghost"}},
        // Hierarchies that loop.
        Damage{"UPDATE teams SET parent = 'ops' WHERE id = 'it'", "teams[it].parent", {"cycle"}},
        Damage{"UPDATE people SET manager = 'e101' WHERE id = 'e100'",
               "people[e100].manager",
               {"cycle"}},
        // Values out of range, of the wrong type, or not UTF-8.
        Damage{"UPDATE participations SET post_score = 1000 WHERE rowid = 1",
               "participations[e101@t-devops].post_score",
               {"participations row 1", "between 0 and 100"}},
        Damage{"UPDATE responses SET impact = -1 WHERE rowid = 1",
               "responses[session=fb-30, person=e101].impact",
               {"between 1 and 5"}},
        Damage{"UPDATE responses SET impact = 5000000000 WHERE rowid = 1",
               "responses row 1 column impact",
               {"32-bit"}},
        Damage{"UPDATE responses SET impact = 'four' WHERE rowid = 1",
               "responses row 1 column impact",
               {"not an integer", "four"}},
        Damage{"UPDATE people SET name = CAST(x'c328' AS TEXT) WHERE id = 'e101'",
               "people[e101].name",
               {"UTF-8"}},
        Damage{"UPDATE check_ins SET status = 'maybe' WHERE rowid = 2",
               "check_ins row 2 column status",
               {"maybe"}},
        Damage{"UPDATE trainings SET \"end\" = '2026-02-30' WHERE rowid = 1",
               "trainings row 1 column end",
               {"2026-02-30"}},
        // A record stored twice where the keys must be unique.
        Damage{"INSERT INTO check_ins SELECT * FROM check_ins WHERE rowid = 1",
               "check_ins[plan=ap-ops, scheduled=2026-03-24]",
               {"stored twice", "check_ins row 4"}},
        // Records that contradict each other.
        Damage{"UPDATE check_ins SET held = '2026-01-02' WHERE rowid = 1",
               "check_ins[plan=ap-ops, scheduled=2026-03-24].held",
               {"before the plan was created"}}));

TEST(DamagedFile, AnUndamagedFileOpensAndTheDamagedOneIsLeftAsItWas) {
  const auto good = damaged_copy("good.levande", "SELECT 1");
  EXPECT_TRUE(Workspace::open(good).same_content(test::example_programme()));
  // Refusing does not touch the file: repairing it by SQL makes it open.
  const auto path = damaged_copy("fixable.levande",
                                 "UPDATE participations SET training = 'ghost' WHERE rowid = 1");
  EXPECT_EQ(test::code_of([&] { (void)Workspace::open(path); }), Errc::corrupt);
  exec_sql(path, "UPDATE participations SET training = 't-devops' WHERE rowid = 1");
  EXPECT_TRUE(Workspace::open(path).same_content(test::example_programme()));
}

TEST(DamagedFile, AReloadOfAFileDamagedMeanwhileKeepsTheViewItHad) {
  const auto path = damaged_copy("reload.levande", "SELECT 1");
  auto ws = Workspace::open(path);
  exec_sql(path, "UPDATE people SET team = 'ghost' WHERE id = 'e101'");
  EXPECT_EQ(test::code_of([&] { ws.reload(); }), Errc::corrupt);
  // The workspace still holds what it read before, and reports on it.
  EXPECT_TRUE(ws.same_content(test::example_programme()));
  EXPECT_FALSE(report(ws, {test::d("2026-06-30"), "Example", 5}, ReportFormat::markdown).empty());
}

// Four kinds of damage at once, worked by hand against the example: a
// participation of a training that does not exist (removed), a person in a
// team that does not exist (team cleared), a response with impact 9
// (removed) and a name that is not UTF-8 (mended). The example has 40
// records; a repair keeps 38.
TEST(CheckWorkspace, ListsEveryProblemAndTheRepairKeepsTheRest) {
  const auto path =
      damaged_copy("check.levande",
                   "UPDATE participations SET training = 'ghost' WHERE rowid = 1;"
                   "UPDATE people SET team = 'ghost' WHERE id = 'e102';"
                   "UPDATE responses SET impact = 9 WHERE rowid = 1;"
                   "UPDATE people SET name = CAST(x'c328' AS TEXT) WHERE id = 'e103';");
  const auto before = read_file(path);
  const auto found = check_workspace(path);
  EXPECT_EQ(read_file(path), before);  // a check changes nothing
  EXPECT_EQ(found.records, 40u);
  EXPECT_EQ(found.kept, 38u);
  EXPECT_TRUE(found.backup.empty());
  std::vector<std::pair<std::string, std::string>> got;
  for (const auto &p : found.problems)
    got.emplace_back(p.action, p.field);
  // In table order: rows that cannot be kept as read, then references to
  // records that are not there, then what the checks of a write refuse.
  EXPECT_EQ(got, (std::vector<std::pair<std::string, std::string>>{
                     {"mended", "people[e103].name"},
                     {"removed", "responses[session=fb-30, person=e101].impact"},
                     {"cleared", "people[e102].team"},
                     {"removed", "participations[e101@t-devops].training"}}));

  const auto repaired = check_workspace(path, true);
  EXPECT_EQ(repaired.problems.size(), 4u);
  EXPECT_EQ(repaired.backup, path + ".damaged");
  EXPECT_EQ(read_file(repaired.backup), before);
  auto expected = test::example_programme();
  auto bo = std::get<Person>(*expected.find(Key(Kind::person, "e102")));
  bo.team.clear();
  auto e103 = std::get<Person>(*expected.find(Key(Kind::person, "e103")));
  e103.name = "\xEF\xBF\xBD(";
  expected.apply(Batch()
                     .remove(Key(Kind::participation, "e101@t-devops"))
                     .remove(Key(Kind::response, "fb-30", "e101"))
                     .update(bo)
                     .update(e103));
  EXPECT_TRUE(Workspace::open(path).same_content(expected));
  EXPECT_TRUE(check_workspace(path).problems.empty());
  // A second repair keeps the first backup.
  exec_sql(path, "UPDATE people SET team = 'ghost' WHERE id = 'e101'");
  EXPECT_EQ(check_workspace(path, true).backup, path + ".damaged.2");
}

TEST(CheckWorkspace, CutsATeamLoopAndKeepsEveryone) {
  // it -> ops -> it: walking up from the first team read (it), the loop
  // closes at ops, whose parent is cleared; it stays under ops.
  const auto path = damaged_copy("loop.levande", "UPDATE teams SET parent = 'ops' WHERE id = 'it'");
  const auto result = check_workspace(path, true);
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].action, "cleared");
  EXPECT_EQ(result.problems[0].field, "teams[ops].parent");
  EXPECT_EQ(result.kept, result.records);
  const auto ws = Workspace::open(path);
  EXPECT_EQ(std::get<Team>(*ws.find(Key(Kind::team, "ops"))).parent, "");
  EXPECT_EQ(std::get<Team>(*ws.find(Key(Kind::team, "it"))).parent, "ops");
}

}  // namespace
}  // namespace levande
