// The workspace: the bundled example programme (examples/data/programme.json,
// written by hand) is loaded, round-tripped through JSON and SQLite, and
// every kind of bad write is refused without changing anything.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "levande/error.hpp"
#include "levande/fixtures/synthetic.hpp"
#include "levande/io/files.hpp"
#include "levande/io/json.hpp"
#include "levande/workspace.hpp"
#include "sqlite_helpers.hpp"
#include "test_helpers.hpp"

namespace levande {
namespace {

using test::d;

using test::example_programme;
using test::exec_sql;
using test::temp_db;

template <class T>
T get(const Workspace &ws, Kind kind, const std::string &id, const std::string &second = {}) {
  auto e = ws.find({kind, id, second});
  if (!e) throw std::runtime_error("missing " + id);
  return std::get<T>(*e);
}

TEST(Workspace, LoadsTheExampleProgramme) {
  const auto ws = example_programme();
  // Counted by hand in examples/data/programme.json.
  const std::pair<Kind, std::size_t> expected[] = {
      {Kind::team, 3},          {Kind::person, 6},           {Kind::training, 2},
      {Kind::participation, 3}, {Kind::action_plan, 2},      {Kind::task, 2},
      {Kind::goal, 2},          {Kind::measurement, 3},      {Kind::check_in, 3},
      {Kind::assignment, 1},    {Kind::ambassador, 1},       {Kind::peer_group, 1},
      {Kind::peer_session, 1},  {Kind::feedback_session, 1}, {Kind::response, 2},
      {Kind::success, 1},       {Kind::competence_plan, 1},  {Kind::initiative, 1},
      {Kind::learning_slot, 1}, {Kind::activity, 3}};
  for (const auto &[kind, n] : expected)
    EXPECT_EQ(ws.size(kind), n) << kind_name(kind);

  // Derived ids, default questions, enums and optional values as written.
  EXPECT_TRUE(ws.find({Kind::participation, "e101@t-devops"}));
  EXPECT_TRUE(ws.find({Kind::ambassador, "e101@t-devops"}));
  EXPECT_EQ(get<FeedbackSession>(ws, Kind::feedback_session, "fb-30").questions,
            default_feedback_questions());
  const auto goal = get<Goal>(ws, Kind::goal, "g-lead");
  EXPECT_EQ(goal.direction, Direction::decrease);
  EXPECT_EQ(goal.value_per_unit, 12000.0);
  EXPECT_FALSE(get<Goal>(ws, Kind::goal, "g-findings").value_per_unit.has_value());
  const auto ci = get<CheckIn>(ws, Kind::check_in, "ap-ops", "2026-03-24");
  EXPECT_EQ(ci.held, d("2026-03-24"));
  EXPECT_EQ(ci.outcome, Outcome::partly);
  EXPECT_EQ(ci.note, "Pipeline draft; \"approval\" step still manual");
  EXPECT_EQ(get<Person>(ws, Kind::person, "e105").name, "Mikael Öberg");

  // Column views hold dense indices into the catalogues.
  const auto m = ws.measurements();
  ASSERT_EQ(m.goal.size(), 3u);
  EXPECT_EQ(ws.id_at(Kind::goal, m.goal[2]), "g-findings");
  EXPECT_EQ(m.date[1], d("2026-05-04"));
  EXPECT_EQ(m.value[1], 17.5);
  const auto r = ws.responses();
  EXPECT_EQ(ws.id_at(Kind::person, r.person[0]), "e101");
  EXPECT_EQ(r.needs_support[0], 1);
  EXPECT_EQ(r.needs_support[1], 0);
  EXPECT_EQ(ws.check_ins().held[1], Date::min());
  EXPECT_EQ(ws.activities().self_initiated[0], 1);
  EXPECT_EQ(ws.index_of(Kind::person, "e103"), 3u);
  EXPECT_FALSE(ws.index_of(Kind::person, "nobody"));
}

TEST(Workspace, JsonRoundTripIsLossless) {
  const auto a = example_programme();
  Workspace b;
  import_json(b, export_json(a));
  EXPECT_TRUE(a.same_content(b));
  EXPECT_EQ(export_json(a), export_json(b));
}

TEST(Workspace, SqliteRoundTripIsLossless) {
  const auto path = temp_db("roundtrip.db");
  auto a = example_programme();
  a.save_as(path);
  EXPECT_EQ(a.path(), path);
  {
    const auto b = Workspace::open(path);
    EXPECT_TRUE(a.same_content(b));
  }
  // Later batches land in the database too.
  Batch batch;
  batch.add(Measurement{.goal = "g-lead", .date = d("2026-06-01"), .value = 16.5})
      .update(CheckIn{.plan = "ap-ops",
                      .scheduled = d("2026-04-21"),
                      .status = CheckInStatus::held,
                      .held = d("2026-04-22"),
                      .outcome = Outcome::applied,
                      .note = "ok"});
  a.apply(batch);
  const auto c = Workspace::open(path);
  EXPECT_TRUE(a.same_content(c));
  EXPECT_EQ(c.size(Kind::measurement), 4u);
  EXPECT_EQ(get<CheckIn>(c, Kind::check_in, "ap-ops", "2026-04-21").outcome, Outcome::applied);
  EXPECT_THROW(a.save_as(path), Error);
}

TEST(Workspace, MemoryDatabase) {
  auto ws = Workspace::open(":memory:");
  import_json(ws, test::example_programme_json());
  EXPECT_TRUE(ws.same_content(example_programme()));
}

TEST(Workspace, SchemaFileMatchesTheLibrary) {
  const auto file = read_file(std::string(LEVANDE_SOURCE_DIR) + "/docs/workspace.schema.json");
  EXPECT_EQ(file, json::schema())
      << "regenerate docs/workspace.schema.json with levande::json::schema()";
}

// ---- bad input -------------------------------------------------------------

struct BadCase {
  const char *name;
  const char *ops;  // a JSON batch
  Errc code;
  const char *field;            // expected Error::field()
  const char *value = nullptr;  // expected Error::value(), where given
};

const BadCase bad_cases[] = {
    {"duplicate person", R"([{"op":"add","kind":"people","value":{"id":"e101","name":"X"}}])",
     Errc::already_exists, "people[e101].id"},
    {"duplicate in one batch",
     R"([{"op":"add","kind":"teams","value":{"id":"t9","name":"A"}},{"op":"add","kind":"teams","value":{"id":"t9","name":"B"}}])",
     Errc::already_exists, "teams[t9].id"},
    {"unknown team",
     R"([{"op":"add","kind":"people","value":{"id":"e9","name":"X","team":"nope"}}])",
     Errc::not_found, "people[e9].team"},
    {"unknown manager",
     R"([{"op":"add","kind":"people","value":{"id":"e9","name":"X","manager":"e999"}}])",
     Errc::not_found, "people[e9].manager"},
    {"missing name", R"([{"op":"add","kind":"people","value":{"id":"e9"}}])",
     Errc::invalid_argument, "operations[0].value.name"},
    {"empty name", R"([{"op":"add","kind":"people","value":{"id":"e9","name":""}}])",
     Errc::invalid_argument, "people[e9].name"},
    {"bad email",
     R"([{"op":"add","kind":"people","value":{"id":"e9","name":"X","email":"x.example.se"}}])",
     Errc::invalid_argument, "people[e9].email"},
    {"own manager",
     R"([{"op":"add","kind":"people","value":{"id":"e9","name":"X","manager":"e9"}}])",
     Errc::constraint, "people[e9].manager"},
    {"manager cycle",
     R"([{"op":"update","kind":"people","value":{"id":"e100","name":"K","manager":"e102"}}])",
     Errc::constraint, "people[e100].manager"},
    {"team cycle",
     R"([{"op":"update","kind":"teams","value":{"id":"it","name":"IT","parent":"ops"}}])",
     Errc::constraint, "teams[it].parent"},
    {"unknown field", R"([{"op":"add","kind":"people","value":{"id":"e9","name":"X","nmae":"Y"}}])",
     Errc::invalid_argument, "operations[0].value.nmae"},
    {"wrong type",
     R"([{"op":"add","kind":"trainings","value":{"id":"t9","title":"T","start":"2026-01-01","end":"2026-01-02","cost":"a lot"}}])",
     Errc::invalid_argument, "operations[0].value.cost"},
    {"impossible date",
     R"([{"op":"add","kind":"trainings","value":{"id":"t9","title":"T","start":"2026-02-30","end":"2026-03-02"}}])",
     Errc::invalid_date, "operations[0].value.start"},
    {"end before start",
     R"([{"op":"add","kind":"trainings","value":{"id":"t9","title":"T","start":"2026-03-02","end":"2026-03-01"}}])",
     Errc::constraint, "trainings[t9].end"},
    {"negative cost",
     R"([{"op":"add","kind":"trainings","value":{"id":"t9","title":"T","start":"2026-03-02","end":"2026-03-02","cost":-1}}])",
     Errc::out_of_range, "trainings[t9].cost"},
    {"duplicate skill",
     R"([{"op":"add","kind":"trainings","value":{"id":"t9","title":"T","skills":["a","a"],"start":"2026-03-02","end":"2026-03-02"}}])",
     Errc::already_exists, "trainings[t9].skills[1]"},
    {"score above 100",
     R"([{"op":"add","kind":"participations","value":{"person":"e103","training":"t-sec","post_score":101}}])",
     Errc::out_of_range, "participations[e103@t-sec].post_score"},
    {"reaction 0",
     R"([{"op":"add","kind":"participations","value":{"person":"e103","training":"t-sec","reaction":0}}])",
     Errc::out_of_range, "participations[e103@t-sec].reaction"},
    {"completed before training",
     R"([{"op":"add","kind":"participations","value":{"person":"e103","training":"t-sec","completed":"2026-03-01"}}])",
     Errc::constraint, "participations[e103@t-sec].completed"},
    {"plan with two owners",
     R"([{"op":"add","kind":"action_plans","value":{"id":"ap9","title":"P","person":"e101","team":"ops","created":"2026-03-01","agreed_by":"2026-04-01"}}])",
     Errc::constraint, "action_plans[ap9].person"},
    {"plan without owner",
     R"([{"op":"add","kind":"action_plans","value":{"id":"ap9","title":"P","created":"2026-03-01","agreed_by":"2026-04-01"}}])",
     Errc::constraint, "action_plans[ap9].person"},
    {"plan due before created",
     R"([{"op":"add","kind":"action_plans","value":{"id":"ap9","title":"P","team":"ops","created":"2026-03-01","agreed_by":"2026-02-01"}}])",
     Errc::constraint, "action_plans[ap9].agreed_by"},
    {"target equals baseline",
     R"([{"op":"add","kind":"goals","value":{"id":"g9","plan":"ap-ops","metric":"m","baseline":5,"target":5,"deadline":"2026-06-01"}}])",
     Errc::constraint, "goals[g9].target"},
    {"direction contradicts",
     R"([{"op":"add","kind":"goals","value":{"id":"g9","plan":"ap-ops","metric":"m","baseline":5,"target":3,"direction":"increase","deadline":"2026-06-01"}}])",
     Errc::constraint, "goals[g9].direction"},
    {"unknown direction",
     R"([{"op":"add","kind":"goals","value":{"id":"g9","plan":"ap-ops","metric":"m","baseline":5,"target":3,"direction":"down","deadline":"2026-06-01"}}])",
     Errc::invalid_argument, "operations[0].value.direction"},
    {"goal of unknown plan",
     R"([{"op":"add","kind":"goals","value":{"id":"g9","plan":"nope","metric":"m","baseline":5,"target":6,"deadline":"2026-06-01"}}])",
     Errc::not_found, "goals[g9].plan"},
    {"measurement of unknown goal",
     R"([{"op":"add","kind":"measurements","value":{"goal":"nope","date":"2026-05-01","value":1}}])",
     Errc::not_found, "measurements[goal=nope, date=2026-05-01].goal"},
    {"duplicate check-in",
     R"([{"op":"add","kind":"check_ins","value":{"plan":"ap-ops","scheduled":"2026-04-07"}}])",
     Errc::already_exists, "check_ins[plan=ap-ops, scheduled=2026-04-07].scheduled"},
    {"held without date",
     R"([{"op":"add","kind":"check_ins","value":{"plan":"ap-ops","scheduled":"2026-05-05","status":"held"}}])",
     Errc::constraint, "check_ins[plan=ap-ops, scheduled=2026-05-05].held"},
    {"outcome on missed",
     R"([{"op":"add","kind":"check_ins","value":{"plan":"ap-ops","scheduled":"2026-05-05","status":"missed","outcome":"applied"}}])",
     Errc::constraint, "check_ins[plan=ap-ops, scheduled=2026-05-05].outcome"},
    {"held before plan",
     R"([{"op":"add","kind":"check_ins","value":{"plan":"ap-ops","scheduled":"2026-05-05","status":"held","held":"2026-03-01"}}])",
     Errc::constraint, "check_ins[plan=ap-ops, scheduled=2026-05-05].held"},
    {"update unknown check-in",
     R"([{"op":"update","kind":"check_ins","value":{"plan":"ap-ops","scheduled":"2026-05-05"}}])",
     Errc::not_found, "check_ins[plan=ap-ops, scheduled=2026-05-05]"},
    {"assignment without skill",
     R"([{"op":"add","kind":"assignments","value":{"id":"as9","person":"e101","project":"P","start":"2026-04-01"}}])",
     Errc::constraint, "assignments[as9].skill"},
    {"ambassador of nothing",
     R"([{"op":"add","kind":"ambassadors","value":{"id":"a9","person":"e101"}}])", Errc::constraint,
     "ambassadors[a9].training"},
    {"group of one",
     R"([{"op":"add","kind":"peer_groups","value":{"id":"pg9","members":["e101"]}}])",
     Errc::constraint, "peer_groups[pg9].members"},
    {"mentor is member",
     R"([{"op":"add","kind":"peer_groups","value":{"id":"pg9","members":["e101","e102"],"mentors":["e102"]}}])",
     Errc::constraint, "peer_groups[pg9].mentors"},
    {"unknown attendee",
     R"([{"op":"add","kind":"peer_sessions","value":{"id":"ps9","group":"pg-1","date":"2026-05-01","attendees":["e101","x"]}}])",
     Errc::not_found, "peer_sessions[ps9].attendees[1]"},
    {"impact 6",
     R"([{"op":"add","kind":"responses","value":{"session":"fb-30","person":"e103","impact":6}}])",
     Errc::out_of_range, "responses[session=fb-30, person=e103].impact"},
    {"second response",
     R"([{"op":"add","kind":"responses","value":{"session":"fb-30","person":"e101","impact":2}}])",
     Errc::already_exists, "responses[session=fb-30, person=e101]"},
    {"too many answers",
     R"([{"op":"add","kind":"responses","value":{"session":"fb-30","person":"e103","impact":2,"answers":["a","b","c","d"]}}])",
     Errc::constraint, "responses[session=fb-30, person=e103].answers"},
    {"celebrated before success",
     R"([{"op":"add","kind":"successes","value":{"id":"s9","date":"2026-05-04","title":"T","celebrated":"2026-05-01"}}])",
     Errc::constraint, "successes[s9].celebrated"},
    {"quarter 5",
     R"([{"op":"add","kind":"initiatives","value":{"id":"in9","plan":"cp-dev-2026","quarter":5,"skill":"s","hours":1}}])",
     Errc::out_of_range, "initiatives[in9].quarter"},
    {"negative budget",
     R"([{"op":"add","kind":"initiatives","value":{"id":"in9","plan":"cp-dev-2026","quarter":1,"skill":"s","hours":-2}}])",
     Errc::out_of_range, "initiatives[in9].hours"},
    {"bad rule",
     R"([{"op":"add","kind":"learning_slots","value":{"id":"ls9","team":"dev","rule":"FREQ=FORTNIGHTLY","start":"2026-01-01","hours":1}}])",
     Errc::parse_error, "learning_slots[ls9].rule"},
    {"zero hours",
     R"([{"op":"add","kind":"activities","value":{"person":"e101","date":"2026-05-01","hours":0}}])",
     Errc::out_of_range, "activities[person=e101, date=2026-05-01].hours"},
    {"year 99999",
     R"([{"op":"add","kind":"competence_plans","value":{"id":"cp9","team":"dev","year":99999}}])",
     Errc::out_of_range, "competence_plans[cp9].year"},
    {"invalid UTF-8",
     "[{\"op\":\"add\",\"kind\":\"teams\",\"value\":{\"id\":\"t9\",\"name\":\"\xC3\"}}]",
     Errc::parse_error, "operations"},
    {"control character", R"([{"op":"add","kind":"teams","value":{"id":"t9","name":"a\u0001b"}}])",
     Errc::invalid_argument, "teams[t9].name"},
    {"remove referenced team", R"([{"op":"remove","kind":"teams","id":"ops"}])", Errc::constraint,
     "teams[ops]"},
    {"remove referenced goal", R"([{"op":"remove","kind":"goals","id":"g-lead"}])",
     Errc::constraint, "goals[g-lead]"},
    {"remove unknown", R"([{"op":"remove","kind":"people","id":"e999"}])", Errc::not_found,
     "people[e999]"},
    {"update unknown", R"([{"op":"update","kind":"teams","value":{"id":"t9","name":"N"}}])",
     Errc::not_found, "teams[t9].id"},
    {"update a log",
     R"([{"op":"update","kind":"measurements","value":{"goal":"g-lead","date":"2026-04-01","value":3}}])",
     Errc::unsupported, "measurements[goal=g-lead, date=2026-04-01]"},
    {"good then bad",
     R"([{"op":"add","kind":"teams","value":{"id":"t9","name":"A"}},{"op":"add","kind":"measurements","value":{"goal":"g-lead","date":"2026-06-01","value":1}},{"op":"remove","kind":"teams","id":"dev","cascade":true},{"op":"add","kind":"people","value":{"id":"e9","name":"X","team":"gone"}}])",
     Errc::not_found, "people[e9].team"},
    {"reference to a removed entity",
     R"([{"op":"remove","kind":"teams","id":"dev","cascade":true},{"op":"add","kind":"people","value":{"id":"e9","name":"X","team":"dev"}}])",
     Errc::not_found, "people[e9].team"},
    {"training start moved past a completion",
     R"([{"op":"update","kind":"trainings","value":{"id":"t-devops","title":"DevOps","start":"2026-03-12","end":"2026-03-12"}}])",
     Errc::constraint, "participations[e101@t-devops].completed"},
    {"plan created after a held check-in",
     R"([{"op":"update","kind":"action_plans","value":{"id":"ap-ops","title":"P","team":"ops","created":"2026-03-25","agreed_by":"2026-06-30"}}])",
     Errc::constraint, "check_ins[plan=ap-ops, scheduled=2026-03-24].held"},
    {"session with fewer questions than answers",
     R"([{"op":"update","kind":"feedback_sessions","value":{"id":"fb-30","training":"t-devops","date":"2026-04-10","questions":["One?"]}}])",
     Errc::constraint, "feedback_sessions[fb-30].questions"},
    {"tab in an id",
     "[{\"op\":\"add\",\"kind\":\"teams\",\"value\":{\"id\":\"a\\tb\",\"name\":\"A\"}}]",
     // The field names the id with its tab escaped: an error is one line.
     Errc::invalid_argument, "teams[a\\tb].id"},
    {"held on the first supported day",
     R"([{"op":"add","kind":"check_ins","value":{"plan":"ap-ops","scheduled":"2026-05-05","status":"held","held":"1400-01-01"}}])",
     Errc::out_of_range, "check_ins[plan=ap-ops, scheduled=2026-05-05].held"},
    {"numeric id in a removal", R"([{"op":"remove","kind":"teams","id":1}])",
     Errc::invalid_argument, "operations[0].id"},
    {"cascade not a boolean", R"([{"op":"remove","kind":"teams","id":"ops","cascade":1}])",
     Errc::invalid_argument, "operations[0].cascade"},
    {"malformed UTF-8 (surrogate)",
     "[{\"op\":\"add\",\"kind\":\"teams\",\"value\":{\"id\":\"t9\",\"name\":\"\xED\xA0\x80\"}}]",
     Errc::parse_error, "operations"},
    {"policy with no check-in weeks",
     R"([{"op":"add","kind":"policies","value":{"id":"p9","training_kind":"x","check_in_rule":"FREQ=WEEKLY","peer_session_rule":"FREQ=MONTHLY","check_in_weeks":0}}])",
     Errc::out_of_range, "policies[p9].check_in_weeks"},
    {"policy offsets not increasing",
     R"([{"op":"add","kind":"policies","value":{"id":"p9","check_in_rule":"FREQ=WEEKLY","peer_session_rule":"FREQ=MONTHLY","feedback_offsets_days":[30,30]}}])",
     Errc::constraint, "policies[p9].feedback_offsets_days[1]"},
    {"policy with a bad rule",
     R"([{"op":"add","kind":"policies","value":{"id":"p9","check_in_rule":"FREQ=SOMETIMES","peer_session_rule":"FREQ=MONTHLY"}}])",
     Errc::parse_error, "policies[p9].check_in_rule"},
    {"policy retention above 0.99",
     R"([{"op":"add","kind":"policies","value":{"id":"p9","check_in_rule":"FREQ=WEEKLY","peer_session_rule":"FREQ=MONTHLY","retention_target":1.2}}])",
     Errc::out_of_range, "policies[p9].retention_target"},
    {"second default policy",
     R"([{"op":"add","kind":"policies","value":{"id":"p8","check_in_rule":"FREQ=WEEKLY","peer_session_rule":"FREQ=MONTHLY"}},{"op":"add","kind":"policies","value":{"id":"p9","check_in_rule":"FREQ=WEEKLY","peer_session_rule":"FREQ=MONTHLY"}}])",
     Errc::already_exists, "policies[p9].training_kind"},
    {"policy feedback offset past the horizon",
     R"([{"op":"add","kind":"policies","value":{"id":"p9","training_kind":"x","feedback_offsets_days":[30,400]}}])",
     Errc::constraint, "policies[p9].feedback_offsets_days[1]", "400"},
    {"policy check-ins past the horizon",
     R"([{"op":"add","kind":"policies","value":{"id":"p9","training_kind":"x","check_in_weeks":60}}])",
     Errc::constraint, "policies[p9].check_in_weeks", "60"},
    {"policy horizon too short",
     R"([{"op":"add","kind":"policies","value":{"id":"p9","training_kind":"x","horizon_days":10}}])",
     Errc::out_of_range, "policies[p9].horizon_days", "10"},
    {"policy review month 13",
     R"([{"op":"add","kind":"policies","value":{"id":"p9","training_kind":"x","competence_review_month":13}}])",
     Errc::out_of_range, "policies[p9].competence_review_month", "13"},
    {"absence ending before it starts",
     R"([{"op":"add","kind":"absences","value":{"id":"a1","person":"e101","first":"2026-07-10","last":"2026-07-01"}}])",
     Errc::constraint, "absences[a1].last", "2026-07-01"},
    {"absence of an unknown person",
     R"([{"op":"add","kind":"absences","value":{"id":"a1","person":"nobody","first":"2026-07-01","last":"2026-07-10"}}])",
     Errc::not_found, "absences[a1].person", "nobody"},
    {"malformed JSON", R"([{"op":"add",)", Errc::parse_error, "operations"},
    {"unknown kind", R"([{"op":"add","kind":"robots","value":{}}])", Errc::invalid_argument,
     "operations[0]"},
};

void PrintTo(const BadCase &c, std::ostream *out) {
  *out << c.name;
}

class BadInput : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadInput, IsRefusedAndChangesNothing) {
  const auto &c = GetParam();
  const auto path = temp_db("bad.db");
  auto ws = example_programme();
  ws.save_as(path);
  const auto before = export_json(ws);
  try {
    ws.apply(json::batch_from_json(c.ops));
    FAIL() << c.name << ": no error";
  } catch (const Error &e) {
    EXPECT_EQ(e.code(), c.code) << c.name << ": " << e.what();
    EXPECT_EQ(e.field(), c.field) << c.name << ": " << e.what();
    if (c.value) {
      EXPECT_EQ(e.value(), c.value) << c.name << ": " << e.what();
    }
    EXPECT_NE(std::string(e.what()).find(e.field()), std::string::npos);
  }
  EXPECT_EQ(export_json(ws), before) << c.name;
  // The database is untouched too, and the workspace still takes writes.
  EXPECT_TRUE(Workspace::open(path).same_content(ws)) << c.name;
  ws.apply(Batch().add(Team{.id = "t-after", .name = "After"}));
  EXPECT_TRUE(Workspace::open(path).same_content(ws)) << c.name;
}

INSTANTIATE_TEST_SUITE_P(Table, BadInput, ::testing::ValuesIn(bad_cases),
                         [](const auto &param_info) {
                           std::string name = param_info.param.name;
                           for (char &ch : name) {
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           }
                           return name;
                         });

// ---- removal ------------------------------------------------------------------

TEST(Workspace, CascadeRemovesDependentsAndClearsOptionalReferences) {
  const auto path = temp_db("cascade.db");
  auto ws = example_programme();
  ws.save_as(path);
  ws.apply(Batch().remove({Kind::team, "ops"}, true));
  // ops owned ap-ops: its task, goal g-lead, 2 measurements and 3 check-ins go.
  EXPECT_EQ(ws.size(Kind::action_plan), 1u);
  EXPECT_FALSE(ws.find({Kind::goal, "g-lead"}));
  EXPECT_EQ(ws.size(Kind::measurement), 1u);
  EXPECT_EQ(ws.size(Kind::check_in), 0u);
  EXPECT_EQ(ws.size(Kind::task), 1u);
  // People of ops stay, without a team; the success loses its goal and team.
  EXPECT_EQ(get<Person>(ws, Kind::person, "e101").team, "");
  const auto s = get<Success>(ws, Kind::success, "s-1");
  EXPECT_EQ(s.goal, "");
  EXPECT_EQ(s.team, "");
  // Dense indices of the surviving measurement were remapped.
  EXPECT_EQ(ws.id_at(Kind::goal, ws.measurements().goal[0]), "g-findings");
  EXPECT_TRUE(Workspace::open(path).same_content(ws));

  // A person in a peer group: the list loses them, the group would fall below two.
  EXPECT_EQ(test::code_of([&] {
              ws.apply(Batch().remove({Kind::person, "e102"}, true));
            }),
            Errc::constraint);
  ws.apply(Batch().remove({Kind::person, "e105"}, true));
  EXPECT_FALSE(ws.find({Kind::person, "e105"}));
  EXPECT_TRUE(Workspace::open(path).same_content(ws));
}

TEST(Workspace, KeyedLogLookupsFollowRemovals) {
  auto ws = example_programme();
  // e100 is dense index 0: removing it shifts e101 and e102, whose responses
  // must still be found by key and still count as given.
  ws.apply(Batch().remove({Kind::person, "e100"}, true));
  EXPECT_TRUE(ws.find({Kind::response, "fb-30", "e101"}));
  EXPECT_EQ(test::code_of([&] {
              ws.apply(Batch().add(Response{.session = "fb-30", .person = "e101", .impact = 2}));
            }),
            Errc::already_exists);
  ws.apply(Batch()
               .add(Person{.id = "e200", .name = "New"})
               .add(Participation{.person = "e200", .training = "t-devops"})
               .add(Response{.session = "fb-30", .person = "e200", .impact = 5}));
  EXPECT_EQ(ws.size(Kind::response), 3u);
  // The same for check-ins after an earlier plan goes.
  ws.apply(Batch().remove({Kind::action_plan, "ap-e104"}, true));
  EXPECT_TRUE(ws.find({Kind::check_in, "ap-ops", "2026-04-07"}));
  EXPECT_EQ(
      test::code_of([&] {
        ws.apply(Batch().add(CheckIn{
            .plan = "ap-ops", .scheduled = d("2026-04-07"), .status = CheckInStatus::missed}));
      }),
      Errc::already_exists);
}

TEST(Workspace, RemovesLogRecordsByKey) {
  auto ws = example_programme();
  ws.apply(Batch()
               .remove({Kind::check_in, "ap-ops", "2026-04-07"})
               .remove({Kind::response, "fb-30", "e102"})
               .remove({Kind::measurement, "g-lead", "2026-04-01"})
               .remove({Kind::activity, "e104", "2026-03-20"}));
  EXPECT_EQ(ws.size(Kind::check_in), 2u);
  EXPECT_EQ(ws.size(Kind::response), 1u);
  EXPECT_EQ(ws.size(Kind::measurement), 2u);
  EXPECT_EQ(ws.size(Kind::activity), 2u);
  EXPECT_FALSE(ws.find({Kind::check_in, "ap-ops", "2026-04-07"}));
  EXPECT_TRUE(ws.find({Kind::check_in, "ap-ops", "2026-04-21"}));
  // A second add of the removed check-in works: the key index followed.
  ws.apply(Batch().add(
      CheckIn{.plan = "ap-ops", .scheduled = d("2026-04-07"), .status = CheckInStatus::missed}));
  EXPECT_EQ(ws.size(Kind::check_in), 3u);
}

// ---- parts and personal data -------------------------------------------------

TEST(Workspace, TrainingPartCarriesWhatItReferences) {
  const auto ws = example_programme();
  Workspace part;
  import_json(part, export_json(ws, {Scope::Type::training, "t-sec"}));
  // Worked out by hand from programme.json: what points at t-sec (directly
  // or through its plan and goal) and what those records reference.
  const std::pair<Kind, std::size_t> expected[] = {
      {Kind::training, 1},    {Kind::participation, 1},
      {Kind::action_plan, 1}, {Kind::task, 1},
      {Kind::goal, 1},        {Kind::measurement, 1},
      {Kind::check_in, 0},    {Kind::assignment, 1},
      {Kind::initiative, 1},  {Kind::competence_plan, 1},
      {Kind::person, 3},      {Kind::team, 2},
      {Kind::peer_group, 0},  {Kind::response, 0},
      {Kind::activity, 0},    {Kind::success, 0}};
  for (const auto &[kind, n] : expected)
    EXPECT_EQ(part.size(kind), n) << kind_name(kind);
  for (const char *id : {"e100", "e103", "e104"})
    EXPECT_TRUE(part.find({Kind::person, id})) << id;
  EXPECT_EQ(test::code_of([&] {
              (void)export_json(ws, {Scope::Type::training, "nope"});
            }),
            Errc::not_found);
}

TEST(Workspace, TeamPartIncludesSubTeamsAndTheirPeople) {
  const auto ws = example_programme();
  Workspace part;
  import_json(part, export_json(ws, {Scope::Type::team, "dev"}));
  // dev; e103 of dev mentors pg-1, whose members e101/e102 bring ops, and
  // both teams bring their parent it.
  EXPECT_EQ(part.size(Kind::team), 3u);
  EXPECT_TRUE(part.find({Kind::peer_group, "pg-1"}));
  EXPECT_TRUE(part.find({Kind::person, "e105"}));
  EXPECT_TRUE(part.find({Kind::learning_slot, "ls-lunch"}));
  EXPECT_EQ(part.size(Kind::activity), 2u);  // e104's two
  EXPECT_FALSE(part.find({Kind::action_plan, "ap-ops"}));
}

TEST(Workspace, PersonalDataExport) {
  const auto ws = example_programme();
  const auto doc = export_person_json(ws, "e101");
  for (const char *expected : {"\"subject\": \"e101\"", "Johan Ek", "We deploy twice a week now",
                               "e101@t-devops", "pg-1", "ps-1"}) {
    EXPECT_NE(doc.find(expected), std::string::npos) << expected;
  }
  // Other people are referenced by id only.
  EXPECT_EQ(doc.find("Sara Nilsson"), std::string::npos);
  EXPECT_EQ(doc.find("Karin Lindqvist"), std::string::npos);
}

bool file_contains(const std::string &path, const std::string &needle) {
  if (!std::filesystem::exists(path)) return false;
  const auto bytes = read_file(path);
  return bytes.find(needle) != std::string::npos;
}

TEST(Workspace, ErasureLeavesNoCopyInTheFile) {
  for (const auto mode : {Erasure::remove, Erasure::pseudonymise}) {
    const auto path = temp_db("erase.db");
    auto ws = example_programme();
    ws.save_as(path);
    ws.apply(Batch().update(Person{.id = "e101",
                                   .name = "Johan Ek",
                                   .email = "johan.ek@example.se",
                                   .team = "ops",
                                   .manager = "e100",
                                   .calendar = "SE"}));
    ASSERT_TRUE(file_contains(path, "johan.ek@example.se") ||
                file_contains(path + "-wal", "johan.ek@example.se"));
    const auto pseudonym =
        ws.erase_person("e101", mode, d("2026-11-27"), "hr-admin", "GDPR art. 17 request");
    EXPECT_EQ(pseudonym, "anon-1");
    for (const char *secret :
         {"Johan Ek", "johan.ek@example.se", "e101@t-devops", "We deploy twice a week now"}) {
      EXPECT_FALSE(file_contains(path, secret)) << secret;
      EXPECT_FALSE(file_contains(path + "-wal", secret)) << secret;
    }
    ASSERT_EQ(ws.audit_log().size(), 1u);
    EXPECT_EQ(ws.audit_log()[0].action, mode == Erasure::remove ? "erase" : "pseudonymise");
    EXPECT_EQ(ws.audit_log()[0].subject, "anon-1");
    const auto reopened = Workspace::open(path);
    EXPECT_TRUE(reopened.same_content(ws));
    if (mode == Erasure::remove) {
      EXPECT_FALSE(ws.find({Kind::person, "e101"}));
      EXPECT_EQ(ws.size(Kind::response), 1u);
      EXPECT_EQ(ws.size(Kind::ambassador), 0u);
      EXPECT_EQ(ws.size(Kind::peer_group), 0u);  // both pairs lost their second member
    } else {
      // Aggregates keep their inputs: the response and its score stay.
      const auto p = get<Person>(ws, Kind::person, "anon-1");
      EXPECT_EQ(p.team, "ops");
      EXPECT_EQ(p.email, "");
      EXPECT_EQ(get<Response>(ws, Kind::response, "fb-30", "anon-1").impact, 4);
      EXPECT_TRUE(ws.find({Kind::participation, "anon-1@t-devops"}));
      EXPECT_EQ(get<Person>(ws, Kind::person, "e102").manager, "anon-1");
    }
  }
}

TEST(Workspace, ErasureReportsAScrubThatReadersBlocked) {
  const auto path = temp_db("erase-blocked.db");
  auto ws = example_programme();
  ws.save_as(path);
  sqlite3 *reader = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &reader), SQLITE_OK);
  // An open read transaction pins the WAL, so it cannot be emptied.
  ASSERT_EQ(sqlite3_exec(reader, "BEGIN; SELECT count(*) FROM people;", nullptr, nullptr, nullptr),
            SQLITE_OK);
  try {
    (void)ws.erase_person("e105", Erasure::remove, d("2026-11-27"), "hr", "request");
    FAIL() << "the scrub cannot succeed while a reader holds a snapshot";
  } catch (const Error &e) {
    // A status of its own: erased and audited, only the scrub is pending.
    EXPECT_EQ(e.code(), Errc::scrub_pending);
    EXPECT_EQ(e.value().rfind("anon-", 0), 0u) << e.value();
    EXPECT_NE(std::string(e.what()).find("not scrubbed yet"), std::string::npos) << e.what();
  }
  // The erasure itself is committed.
  EXPECT_FALSE(ws.find({Kind::person, "e105"}));
  EXPECT_EQ(ws.audit_log().size(), 1u);
  sqlite3_exec(reader, "COMMIT;", nullptr, nullptr, nullptr);
  sqlite3_close(reader);
  ws.scrub();
  EXPECT_FALSE(file_contains(path, "mikael.oberg@example.se"));
  EXPECT_FALSE(file_contains(path + "-wal", "mikael.oberg@example.se"));
  EXPECT_TRUE(Workspace::open(path).same_content(ws));
}

// ---- the database file ----------------------------------------------------------

TEST(Workspace, PoliciesRoundTripAndDefaults) {
  const auto path = temp_db("policies.db");
  auto ws = example_programme();
  Policy devops = default_policy();
  devops.id = "devops";
  devops.training_kind = "devops";
  devops.feedback_offsets_days = {14, 45};
  devops.roll = Roll::modified_following;
  devops.check_in_rule = "FREQ=WEEKLY;BYDAY=MO";
  Policy silent = default_policy();
  silent.id = "awareness";
  silent.training_kind = "awareness";
  silent.feedback_offsets_days = {};  // no feedback sessions at all
  ws.apply(Batch().add(default_policy()).add(devops).add(silent));
  ws.save_as(path);
  EXPECT_TRUE(Workspace::open(path).same_content(ws));
  Workspace again;
  import_json(again, export_json(ws));
  EXPECT_TRUE(again.same_content(ws));  // an empty offset list stays empty
  EXPECT_EQ(std::get<Policy>(*again.find({Kind::policy, "devops"})).roll, Roll::modified_following);
  // The default policy is the process of DESIGN §1.
  const auto p = default_policy();
  EXPECT_EQ(p.plan_due_business_days, 5);
  EXPECT_EQ(p.feedback_offsets_days, (std::vector<std::int32_t>{30, 60, 90}));
  EXPECT_EQ(p.max_events_per_week, 2);
  EXPECT_EQ(p.retention_target, 0.85);
}

TEST(Workspace, PolicyStepsMustFitTheHorizon) {
  auto ws = example_programme();
  auto refused = [&](const Policy &p) {
    try {
      ws.apply(Batch().add(p));
    } catch (const Error &e) {
      EXPECT_EQ(e.code(), Errc::constraint) << e.what();
      return e;
    }
    ADD_FAILURE() << "no error for policy " << p.id;
    return Error(Errc::internal, "none");
  };
  Policy p = default_policy();
  p.id = "short";
  p.training_kind = "short";
  p.peer_session_weeks = 53;  // 371 days
  auto e = refused(p);
  EXPECT_EQ(e.field(), "policies[short].peer_session_weeks");
  EXPECT_EQ(e.value(), "53");
  EXPECT_NE(std::string(e.what()).find("past the policy horizon of 365 days"), std::string::npos)
      << e.what();
  p.peer_session_weeks = 12;
  p.assignment_review_days = 366;
  e = refused(p);
  EXPECT_EQ(e.field(), "policies[short].assignment_review_days");
  EXPECT_EQ(e.value(), "366");
  // A shorter horizon refuses what the default one allows.
  p.assignment_review_days = 30;
  p.horizon_days = 60;
  e = refused(p);
  EXPECT_EQ(e.field(), "policies[short].check_in_weeks");  // 12 weeks = 84 days
  EXPECT_NE(std::string(e.what()).find("past the policy horizon of 60 days"), std::string::npos)
      << e.what();
  // A longer one allows a late feedback session; both new fields are stored.
  p = default_policy();
  p.id = "long";
  p.training_kind = "long";
  p.horizon_days = 730;
  p.feedback_offsets_days = {30, 400, 700};
  p.competence_review_month = 2;
  ws.apply(Batch().add(p));
  const auto path = temp_db("horizon.db");
  ws.save_as(path);
  EXPECT_EQ(get<Policy>(Workspace::open(path), Kind::policy, "long"), p);
  Workspace again;
  import_json(again, export_json(ws));
  EXPECT_EQ(get<Policy>(again, Kind::policy, "long"), p);
  // Left out of JSON, the new fields take their defaults.
  again.apply(json::batch_from_json(
      R"([{"op":"add","kind":"policies","value":{"id":"plain","training_kind":"plain"}}])"));
  EXPECT_EQ(get<Policy>(again, Kind::policy, "plain").horizon_days, 365);
  EXPECT_EQ(get<Policy>(again, Kind::policy, "plain").competence_review_month, 11);
}

TEST(Workspace, AbsencesRoundTripAndGoWithThePerson) {
  const auto path = temp_db("absences.db");
  auto ws = example_programme();
  const Absence vacation{"vac-1", "e101", d("2026-07-06"), d("2026-07-31"), "vacation"};
  const Absence sick{"sick-1", "e101", d("2026-10-05"), d("2026-10-05"), "sick leave"};  // one day
  const Absence leave{"leave-1", "e102", d("2026-09-01"), d("2027-02-26"), ""};
  ws.apply(Batch().add(vacation).add(sick).add(leave));
  EXPECT_EQ(ws.size(Kind::absence), 3u);

  // JSON and SQLite keep every field (an empty reason stays empty).
  Workspace again;
  import_json(again, export_json(ws));
  EXPECT_TRUE(again.same_content(ws));
  EXPECT_EQ(get<Absence>(again, Kind::absence, "vac-1"), vacation);
  EXPECT_EQ(get<Absence>(again, Kind::absence, "leave-1"), leave);
  ws.save_as(path);
  {
    const auto reopened = Workspace::open(path);
    EXPECT_TRUE(reopened.same_content(ws));
    EXPECT_EQ(get<Absence>(reopened, Kind::absence, "sick-1"), sick);
  }
  ws.apply(Batch().update(Absence{.id = "vac-1",
                                  .person = "e101",
                                  .first = d("2026-07-06"),
                                  .last = d("2026-08-07"),
                                  .reason = "vacation"}));
  EXPECT_EQ(get<Absence>(Workspace::open(path), Kind::absence, "vac-1").last, d("2026-08-07"));

  // Personal data: the export has the person's absences and no one else's.
  const auto doc = export_person_json(ws, "e101");
  for (const char *expected : {"\"absences\"", "vac-1", "sick-1", "sick leave"})
    EXPECT_NE(doc.find(expected), std::string::npos) << expected;
  EXPECT_EQ(doc.find("leave-1"), std::string::npos);

  // Pseudonymising keeps the dates for the scheduler but not the free text.
  {
    auto copy = Workspace::open(":memory:");
    import_json(copy, export_json(ws));
    const auto pseudonym =
        copy.erase_person("e101", Erasure::pseudonymise, d("2026-11-27"), "hr", "request");
    const auto kept = get<Absence>(copy, Kind::absence, "sick-1");
    EXPECT_EQ(kept.person, pseudonym);
    EXPECT_EQ(kept.first, sick.first);
    EXPECT_EQ(kept.reason, "");
    EXPECT_EQ(get<Absence>(copy, Kind::absence, "leave-1"), leave);
  }

  // Erasure removes them (cascade) from the workspace and the file.
  (void)ws.erase_person("e101", Erasure::remove, d("2026-11-27"), "hr", "request");
  EXPECT_FALSE(ws.find({Kind::absence, "vac-1"}));
  EXPECT_FALSE(ws.find({Kind::absence, "sick-1"}));
  EXPECT_EQ(get<Absence>(ws, Kind::absence, "leave-1"), leave);
  for (const char *secret : {"vac-1", "sick-1", "sick leave"}) {
    EXPECT_FALSE(file_contains(path, secret)) << secret;
    EXPECT_FALSE(file_contains(path + "-wal", secret)) << secret;
  }
  EXPECT_TRUE(Workspace::open(path).same_content(ws));
  // So does removing the person with cascade.
  ws.apply(Batch().remove({Kind::person, "e102"}, true));
  EXPECT_EQ(ws.size(Kind::absence), 0u);
}

namespace {

int user_version(const std::string &file) {
  sqlite3 *db = nullptr;
  sqlite3_open(file.c_str(), &db);
  sqlite3_stmt *q = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &q, nullptr);
  const int v = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int(q, 0) : -1;
  sqlite3_finalize(q);
  sqlite3_close(db);
  return v;
}

// "name TYPE NOTNULL" per column: what a migrated and a new table must share.
std::vector<std::string> table_columns(const std::string &file, const std::string &table) {
  sqlite3 *db = nullptr;
  sqlite3_open(file.c_str(), &db);
  sqlite3_stmt *s = nullptr;
  sqlite3_prepare_v2(db, ("PRAGMA table_info(" + table + ")").c_str(), -1, &s, nullptr);
  std::vector<std::string> out;
  while (sqlite3_step(s) == SQLITE_ROW) {
    out.push_back(std::string(reinterpret_cast<const char *>(sqlite3_column_text(s, 1))) + " " +
                  reinterpret_cast<const char *>(sqlite3_column_text(s, 2)) + " " +
                  std::to_string(sqlite3_column_int(s, 3)));
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  return out;
}

// The CREATE statement SQLite keeps for a table.
std::string master_sql(const std::string &file, const std::string &table) {
  sqlite3 *db = nullptr;
  sqlite3_open(file.c_str(), &db);
  sqlite3_stmt *s = nullptr;
  sqlite3_prepare_v2(db, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", -1, &s,
                     nullptr);
  sqlite3_bind_text(s, 1, table.c_str(), -1, SQLITE_TRANSIENT);
  std::string sql = sqlite3_step(s) == SQLITE_ROW
                        ? reinterpret_cast<const char *>(sqlite3_column_text(s, 0))
                        : "";
  sqlite3_finalize(s);
  sqlite3_close(db);
  return sql;
}

// The example as files before version 4 could hold it: its plans without
// an end date (version 4 added `ends`).
Workspace example_before_version_4() {
  auto ws = example_programme();
  Batch b;
  for (std::size_t i = 0; i < ws.size(Kind::action_plan); ++i) {
    auto plan = std::get<ActionPlan>(ws.at(Kind::action_plan, i));
    plan.ends.reset();
    b.update(plan);
  }
  ws.apply(b);
  return ws;
}

}  // namespace

TEST(Workspace, MigratesAVersionOneDatabase) {
  const auto path = temp_db("v1.db");
  example_before_version_4().save_as(path);
  // Turn the file into what version 1 wrote: no policies, no absences.
  exec_sql(path,
           "DROP TABLE policies; DROP TABLE absences;"
           "ALTER TABLE action_plans RENAME COLUMN agreed_by TO due;"
           "ALTER TABLE action_plans DROP COLUMN ends;"
           "ALTER TABLE feedback_sessions DROP COLUMN open_to_all; PRAGMA user_version = 1;");
  EXPECT_EQ(test::code_of([&] { (void)Workspace::open(path, {.read_only = true}); }),
            Errc::unsupported);
  auto ws = Workspace::open(path);  // migrates 1 -> 2 -> 3 -> 4
  EXPECT_TRUE(ws.same_content(example_before_version_4()));
  ws.apply(Batch().add(default_policy()));
  const auto reopened = Workspace::open(path, {.read_only = true});
  EXPECT_EQ(reopened.size(Kind::policy), 1u);
  EXPECT_EQ(user_version(path), Workspace::schema_version);
  // The frozen migrations create the columns a new database has.
  const auto fresh = temp_db("v3.db");
  example_before_version_4().save_as(fresh);
  for (const char *table : {"policies", "absences", "action_plans"}) {
    EXPECT_EQ(table_columns(path, table), table_columns(fresh, table)) << table;
    EXPECT_FALSE(table_columns(fresh, table).empty());
  }
  EXPECT_EQ(master_sql(path, "absences"), master_sql(fresh, "absences"));
  ws.apply(Batch().add(Absence{.id = "vac",
                               .person = "e101",
                               .first = d("2026-07-01"),
                               .last = d("2026-07-31"),
                               .reason = "vacation"}));
  EXPECT_TRUE(Workspace::open(path, {.read_only = true}).same_content(ws));
}

TEST(Workspace, MigratesAVersionTwoDatabase) {
  const auto path = temp_db("v2.db");
  example_before_version_4().save_as(path);
  // Turn the file into what version 2 wrote: its policies table (the frozen
  // 1 -> 2 SQL) with a row as version 2 stored it, and no absences.
  exec_sql(path,
           "DROP TABLE policies; DROP TABLE absences;"
           "ALTER TABLE action_plans RENAME COLUMN agreed_by TO due;"
           "ALTER TABLE action_plans DROP COLUMN ends;"
           "ALTER TABLE feedback_sessions DROP COLUMN open_to_all;"
           "CREATE TABLE policies (\"id\" TEXT NOT NULL UNIQUE, \"training_kind\" TEXT, "
           "\"plan_due_business_days\" INTEGER, \"check_in_rule\" TEXT, \"check_in_weeks\" "
           "INTEGER, \"assignment_review_days\" INTEGER, \"peer_session_rule\" TEXT, "
           "\"peer_session_weeks\" INTEGER, \"feedback_offsets_days\" TEXT, "
           "\"celebrate_at_plan_end\" INTEGER, \"retention_target\" REAL, "
           "\"max_interval_days\" INTEGER, \"roll\" TEXT, \"max_events_per_week\" INTEGER, "
           "\"max_events_per_manager_day\" INTEGER, \"tolerance_days\" INTEGER);"
           "INSERT INTO policies VALUES ('devops', 'devops', 5, "
           "'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', 12, 30, 'FREQ=MONTHLY;BYDAY=2TH', 12, '[14,45]', 1, "
           "0.85, 180, 'modified_following', 2, 0, 10);"
           "PRAGMA user_version = 2;");
  EXPECT_EQ(test::code_of([&] { (void)Workspace::open(path, {.read_only = true}); }),
            Errc::unsupported);
  auto ws = Workspace::open(path);  // migrates 2 -> 3 -> 4
  EXPECT_EQ(user_version(path), Workspace::schema_version);
  Policy expected = default_policy();
  expected.id = "devops";
  expected.training_kind = "devops";
  expected.feedback_offsets_days = {14, 45};
  expected.roll = Roll::modified_following;
  const auto p = get<Policy>(ws, Kind::policy, "devops");
  EXPECT_EQ(p.horizon_days, 365);
  EXPECT_EQ(p.competence_review_month, 11);
  EXPECT_EQ(p, expected);
  // It loads like a new file with the same content.
  auto fresh_ws = example_before_version_4();
  fresh_ws.apply(Batch().add(expected));
  EXPECT_TRUE(ws.same_content(fresh_ws));
  const auto fresh = temp_db("v3-fresh.db");
  fresh_ws.save_as(fresh);
  EXPECT_EQ(table_columns(path, "policies"), table_columns(fresh, "policies"));
  // The frozen absences table is exactly what a new database creates.
  EXPECT_EQ(master_sql(path, "absences"), master_sql(fresh, "absences"));
  EXPECT_FALSE(master_sql(fresh, "absences").empty());
  // Absences can be added, and are there after a reload.
  const Absence vacation{"vac", "e101", d("2026-07-01"), d("2026-07-31"), "vacation"};
  ws.apply(Batch().add(vacation));
  const auto reopened = Workspace::open(path, {.read_only = true});
  EXPECT_EQ(get<Absence>(reopened, Kind::absence, "vac"), vacation);
  EXPECT_TRUE(reopened.same_content(ws));
}

// tests/data/programme-v3.levande was written by levande 0.1.0 (schema
// version 3) from examples/data/programme.json plus a policy "devops" with
// check_in_weeks 10: a file as users have them, not one made by SQL.
TEST(Workspace, MigratesAVersionThreeFile) {
  const auto path = temp_db("v3-file.db");
  write_file(path, read_file(std::string(LEVANDE_SOURCE_DIR) + "/tests/data/programme-v3.levande"));
  EXPECT_EQ(user_version(path), 3);
  EXPECT_EQ(test::code_of([&] { (void)Workspace::open(path, {.read_only = true}); }),
            Errc::unsupported);
  auto ws = Workspace::open(path);  // migrates 3 -> 4
  EXPECT_EQ(user_version(path), 4);
  // Version 3's "due" was when the plan is to be agreed: it is agreed_by
  // now, and no plan has an end date of its own.
  const auto team_plan = get<ActionPlan>(ws, Kind::action_plan, "ap-ops");
  EXPECT_EQ(team_plan.agreed_by, d("2026-06-30"));
  EXPECT_EQ(team_plan.ends, std::nullopt);
  const auto done = get<ActionPlan>(ws, Kind::action_plan, "ap-e104");
  EXPECT_EQ(done.agreed_by, d("2026-05-29"));
  EXPECT_EQ(done.status, PlanStatus::done);
  // The policy keeps its values and gets the new fields' defaults.
  const auto p = get<Policy>(ws, Kind::policy, "devops");
  EXPECT_EQ(p.check_in_weeks, 10);
  EXPECT_EQ(p.personal_plans, PersonalPlans::unless_team_plan);
  EXPECT_EQ(p.check_ins_until, CheckInsUntil::goal_deadline);
  // Everything else is what the version 3 file held: the example as
  // imported (whose plans now say when they are agreed and when they end).
  auto expected = example_programme();
  expected.apply(Batch().update(team_plan).update(done));
  Policy devops = default_policy();
  devops.id = "devops";
  devops.training_kind = "devops";
  devops.check_in_weeks = 10;
  expected.apply(Batch().add(devops));
  EXPECT_TRUE(ws.same_content(expected));
  // The migrated tables have the columns a new file has, and take the new fields.
  const auto fresh = temp_db("v4-fresh.db");
  expected.save_as(fresh);
  for (const char *table : {"action_plans", "policies", "feedback_sessions", "peer_sessions"})
    EXPECT_EQ(table_columns(path, table), table_columns(fresh, table)) << table;
  auto plan = team_plan;
  plan.agreed_by = d("2026-03-20");
  plan.ends = d("2026-06-30");
  // A peer session without a group (an ambassador's) fits the rebuilt table.
  const PeerSession shared{
      .id = "share", .ambassador = "e101@t-devops", .date = d("2026-04-01"), .attendees = {"e102"}};
  ws.apply(Batch().update(plan).add(shared));
  const auto reread = Workspace::open(path, {.read_only = true});
  EXPECT_EQ(get<ActionPlan>(reread, Kind::action_plan, "ap-ops"), plan);
  EXPECT_EQ(get<PeerSession>(reread, Kind::peer_session, "share"), shared);
  EXPECT_EQ(get<PeerSession>(reread, Kind::peer_session, "ps-1").group, "pg-1");
}

TEST(Workspace, JsonOfOlderVersionsReadsDueAsAgreedBy) {
  const std::string plan =
      R"({"id":"p","title":"P","team":"ops","created":"2026-03-01","due":"2026-03-09"})";
  const std::string head = R"({"format":"levande","teams":[{"id":"ops","name":"Ops"}],)";
  Workspace old;
  import_json(old, head + R"("schema_version":3,"action_plans":[)" + plan + "]}");
  const auto read = get<ActionPlan>(old, Kind::action_plan, "p");
  EXPECT_EQ(read.agreed_by, d("2026-03-09"));
  EXPECT_EQ(read.ends, std::nullopt);
  // In a version 4 document "due" is refused, naming the two fields that replace it.
  Workspace now;
  try {
    import_json(now, head + R"("schema_version":4,"action_plans":[)" + plan + "]}");
    ADD_FAILURE() << "due was accepted";
  } catch (const Error &e) {
    EXPECT_EQ(e.code(), Errc::invalid_argument);
    EXPECT_NE(std::string(e.what()).find("action_plans[0].due"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("agreed_by"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("ends"), std::string::npos) << e.what();
  }
  EXPECT_EQ(now.size(Kind::team), 0u);
}

TEST(Workspace, RefusesForeignAndNewerFiles) {
  const auto garbage = temp_db("garbage.db");
  write_file(garbage, std::string(4096, 'x'));
  EXPECT_EQ(test::code_of([&] { (void)Workspace::open(garbage); }), Errc::io_error);

  const auto foreign = temp_db("foreign.db");
  sqlite3 *db = nullptr;
  ASSERT_EQ(sqlite3_open(foreign.c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, "CREATE TABLE t (x); PRAGMA user_version = 1;", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  EXPECT_EQ(test::code_of([&] { (void)Workspace::open(foreign); }), Errc::io_error);

  const auto newer = temp_db("newer.db");
  example_programme().save_as(newer);
  ASSERT_EQ(sqlite3_open(newer.c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, "PRAGMA user_version = 99;", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  try {
    (void)Workspace::open(newer);
    FAIL();
  } catch (const Error &e) {
    EXPECT_EQ(e.code(), Errc::unsupported);
    EXPECT_EQ(e.field(), "schema_version");
    EXPECT_EQ(e.value(), "99");
  }
  EXPECT_EQ(
      test::code_of([&] { (void)Workspace::open(temp_db("missing.db"), {.read_only = true}); }),
      Errc::io_error);
}

// Moving allocates nothing (it is noexcept), yet the source stays usable: it
// reads as an empty in-memory workspace and takes writes of its own.
TEST(Workspace, AMovedFromWorkspaceIsEmptyAndWritable) {
  auto a = example_programme();
  const auto teams = a.size(Kind::team);
  Workspace b(std::move(a));
  EXPECT_EQ(b.size(Kind::team), teams);
  EXPECT_EQ(a.size(Kind::team), 0u);  // NOLINT(bugprone-use-after-move): the documented state
  EXPECT_TRUE(a.people().empty());
  EXPECT_FALSE(a.find({Kind::team, "it"}));
  EXPECT_EQ(a.path(), "");
  a.apply(Batch().add(Team{.id = "new", .name = "New"}));
  EXPECT_EQ(a.size(Kind::team), 1u);
  Workspace c;
  c = std::move(b);
  EXPECT_EQ(c.size(Kind::team), teams);
  EXPECT_EQ(b.size(Kind::team), 0u);  // NOLINT(bugprone-use-after-move)
  EXPECT_TRUE(b.same_content(Workspace()));
}

TEST(Workspace, ReadOnlyAndStaleWriters) {
  const auto path = temp_db("shared.db");
  auto a = example_programme();
  a.save_as(path);
  auto reader = Workspace::open(path, {.read_only = true});
  EXPECT_EQ(test::code_of([&] { reader.apply(Batch().add(Team{.id = "x", .name = "X"})); }),
            Errc::misuse);
  EXPECT_EQ(reader.size(Kind::team), 3u);

  auto b = Workspace::open(path);
  a.apply(Batch().add(Team{.id = "from-a", .name = "A"}));
  // b loaded before a wrote: its write is refused instead of overwriting blindly.
  EXPECT_EQ(test::code_of([&] { b.apply(Batch().add(Team{.id = "from-b", .name = "B"})); }),
            Errc::conflict);
  EXPECT_FALSE(b.find({Kind::team, "from-b"}));
  b.reload();
  b.apply(Batch().add(Team{.id = "from-b", .name = "B"}));
  reader.reload();
  EXPECT_EQ(reader.size(Kind::team), 5u);
}

// A writer process appends batches of one goal with ten measurements; the
// reader keeps loading and must never see a goal with fewer than ten.
TEST(Workspace, ReadersSeeWholeBatchesOnly) {
  const auto path = temp_db("concurrent.db");
  example_programme().save_as(path);
  constexpr int batches = 40;
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    int status = 0;
    try {
      auto writer = Workspace::open(path);
      for (int b = 0; b < batches; ++b) {
        Batch batch;
        const std::string goal = "cg" + std::to_string(b);
        batch.add(Goal{.id = goal,
                       .plan = "ap-ops",
                       .metric = "m",
                       .target = 10,
                       .deadline = d("2026-12-31")});
        for (int i = 0; i < 10; ++i)
          batch.add(Measurement{
              .goal = goal, .date = Date(d("2026-05-01").days() + i), .value = double(i)});
        writer.apply(batch);
      }
    } catch (...) {
      status = 1;
    }
    ::_exit(status);
  }
  int loads = 0, torn = 0;
  std::size_t last_goals = 0;
  for (;;) {
    int status = 0;
    const bool done = ::waitpid(child, &status, WNOHANG) == child;
    const auto ws = Workspace::open(path, {.read_only = true});
    ++loads;
    std::vector<int> per_goal(ws.size(Kind::goal), 0);
    for (auto g : ws.measurements().goal)
      ++per_goal[g];
    for (std::size_t g = 0; g < per_goal.size(); ++g) {
      if (ws.id_at(Kind::goal, static_cast<std::uint32_t>(g)).starts_with("cg") &&
          per_goal[g] != 10)
        ++torn;
    }
    EXPECT_GE(ws.size(Kind::goal), last_goals);
    last_goals = ws.size(Kind::goal);
    if (done) {
      EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
      break;
    }
  }
  EXPECT_EQ(torn, 0);
  EXPECT_EQ(last_goals, 2u + batches);
  EXPECT_GT(loads, 1);
}

}  // namespace
}  // namespace levande

namespace levande {
namespace {

// ---- bulk appends and the synthetic organisation ------------------------------

TEST(Workspace, BulkAppendsAreValidatedPerRowAndAllOrNothing) {
  const auto path = temp_db("bulk.db");
  auto ws = example_programme();
  ws.save_as(path);
  const auto lead = *ws.index_of(Kind::goal, "g-lead");
  const std::uint32_t goals[] = {lead, 99};
  const Date dates[] = {d("2026-06-01"), d("2026-06-02")};
  const double values[] = {16.0, 15.0};
  try {
    ws.append_measurements(goals, dates, values);
    FAIL();
  } catch (const Error &e) {
    EXPECT_EQ(e.code(), Errc::not_found);
    EXPECT_EQ(e.field(), "measurements[1].goal");
  }
  EXPECT_EQ(ws.size(Kind::measurement), 3u);
  EXPECT_EQ(test::code_of([&] { ws.append_measurements(goals, dates, std::span(values, 1)); }),
            Errc::invalid_argument);

  const auto plan = *ws.index_of(Kind::action_plan, "ap-ops");
  const std::uint32_t plans[] = {plan, plan};
  const Date days[] = {d("2026-05-05"), d("2026-05-05")};
  const CheckInStatus status[] = {CheckInStatus::held, CheckInStatus::missed};
  const Date held[] = {d("2026-05-06"), Date::min()};
  const Outcome outcome[] = {Outcome::applied, Outcome::none};
  try {
    ws.append_check_ins(plans, days, status, held, outcome);
    FAIL();
  } catch (const Error &e) {
    EXPECT_EQ(e.code(), Errc::already_exists);
    EXPECT_EQ(e.field(), "check_ins[1].scheduled");
  }
  const Date other_days[] = {d("2026-05-05"), d("2026-05-19")};
  ws.append_check_ins(plans, other_days, status, held, outcome);
  ws.append_measurements(std::span(goals, 1), std::span(dates, 1), std::span(values, 1));
  const auto reopened = Workspace::open(path);
  EXPECT_TRUE(reopened.same_content(ws));
  EXPECT_EQ(get<CheckIn>(reopened, Kind::check_in, "ap-ops", "2026-05-05").held, d("2026-05-06"));
  EXPECT_EQ(reopened.size(Kind::measurement), 4u);
}

TEST(Workspace, SyntheticOrganisationHasTheDocumentedShape) {
  const auto ws = synthetic_organisation({100, 7});
  // From the recipe in synthetic.hpp: 10 teams of 10, 1 department, 1 root;
  // 100/500 + 5 = 5 trainings; 3 participations, plans, goals and tasks per
  // person; 12 measurements and check-ins per plan; 20 activities per person.
  EXPECT_EQ(ws.size(Kind::team), 12u);
  EXPECT_EQ(ws.size(Kind::person), 100u);
  EXPECT_EQ(ws.size(Kind::training), 5u);
  for (auto k : {Kind::participation, Kind::action_plan, Kind::goal, Kind::task}) {
    EXPECT_EQ(ws.size(k), 300u) << kind_name(k);
  }
  EXPECT_EQ(ws.size(Kind::measurement), 3600u);
  EXPECT_EQ(ws.size(Kind::check_in), 3600u);
  EXPECT_EQ(ws.size(Kind::activity), 2000u);
  EXPECT_EQ(ws.size(Kind::feedback_session), 15u);
  EXPECT_GT(ws.size(Kind::response), 300u);  // about half of 900
  EXPECT_LT(ws.size(Kind::response), 600u);
  EXPECT_EQ(get<Person>(ws, Kind::person, "p0").manager, "");
  EXPECT_EQ(get<Person>(ws, Kind::person, "p10").manager, "p0");
  EXPECT_EQ(get<Person>(ws, Kind::person, "p11").manager, "p10");
  EXPECT_EQ(get<Team>(ws, Kind::team, "t9").parent, "d0");
  // Deterministic for a seed, different for another.
  EXPECT_EQ(export_json(synthetic_organisation({100, 7})), export_json(ws));
  EXPECT_NE(export_json(synthetic_organisation({100, 8})), export_json(ws));
  // What it holds survives a database round trip, at the documented memory cost.
  const auto path = temp_db("synthetic.db");
  synthetic_organisation({100, 7}).save_as(path);
  EXPECT_TRUE(Workspace::open(path).same_content(ws));
  EXPECT_LE(ws.memory_bytes(Kind::measurement), 16u * 3600u);
  EXPECT_LE(ws.memory_bytes(Kind::check_in), 18u * 3600u);
  EXPECT_EQ(test::code_of([] { (void)synthetic_organisation({5, 1}); }), Errc::invalid_argument);
}

}  // namespace
}  // namespace levande
