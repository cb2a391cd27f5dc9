// The storage port (src/core/workspace/store.hpp): what the workspace needs
// from every store, checked against each store the library has. Two
// holders of one store stand for two processes sharing it.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <memory>

#include "levande/error.hpp"
#include "levande/workspace.hpp"
#include "workspace/access.hpp"
#include "workspace/memory_store.hpp"
#include "workspace/model_view.hpp"
#include "workspace/store.hpp"

namespace levande {
namespace {

using detail::Store;
using detail::WorkspaceAccess;

// Opens two holders of one new, empty store.
struct StoreKind {
  const char *name;
  std::function<std::pair<std::unique_ptr<Store>, std::unique_ptr<Store>>()> open_two;
};

std::string fresh_file(const std::string &name) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("levande-internal-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = (dir / name).string();
  for (const char *suffix : {"", "-wal", "-shm"})
    std::filesystem::remove(path + suffix);
  return path;
}

const StoreKind kinds[] = {
    {"memory",
     [] {
       auto first = std::make_unique<detail::MemoryStore>();
       auto second = first->connect();
       return std::pair<std::unique_ptr<Store>, std::unique_ptr<Store>>{std::move(first),
                                                                        std::move(second)};
     }},
    {"sqlite",
     [] {
       const auto path = fresh_file("port.levande");
       auto first = detail::open_store(path, {});
       auto second = detail::open_store(path, {});
       return std::pair{std::move(first), std::move(second)};
     }},
};

void PrintTo(const StoreKind &kind, std::ostream *out) {
  *out << kind.name;
}

class StorePort : public ::testing::TestWithParam<StoreKind> {};

Batch team_and_person(const std::string &team, const std::string &person) {
  return Batch()
      .add(Team{.id = team, .name = team})
      .add(Person{.id = person, .name = person, .team = team});
}

TEST_P(StorePort, BatchesReachTheOtherHolder) {
  auto [first, second] = GetParam().open_two();
  Store *a_store = first.get();
  EXPECT_EQ(a_store->schema_version(), 4);  // Workspace::schema_version, written on creation
  auto a = WorkspaceAccess::open(std::move(first));
  EXPECT_EQ(a_store->sequence(), 0u);
  a.apply(team_and_person("ops", "e1"));
  a.apply(Batch().add(Person{.id = "e2", .name = "e2", .team = "ops"}));
  EXPECT_EQ(a_store->sequence(), 2u);  // two committed writes

  Store *b_store = second.get();
  auto b = WorkspaceAccess::open(std::move(second));
  EXPECT_EQ(b_store->sequence(), 2u);
  EXPECT_EQ(b.size(Kind::team), 1u);
  EXPECT_EQ(b.size(Kind::person), 2u);
  EXPECT_TRUE(a.same_content(b));
}

TEST_P(StorePort, ABatchThatChangesNothingIsNoWrite) {
  auto [first, second] = GetParam().open_two();
  Store *a_store = first.get();
  auto a = WorkspaceAccess::open(std::move(first));
  auto b = WorkspaceAccess::open(std::move(second));
  a.apply(Batch());
  EXPECT_EQ(a_store->sequence(), 0u);
  b.apply(team_and_person("ops", "e1"));  // not refused: a wrote nothing
  a.reload();
  EXPECT_EQ(a_store->sequence(), 1u);
}

TEST_P(StorePort, AStaleWriterIsRefusedAndSucceedsAfterReloading) {
  auto [first, second] = GetParam().open_two();
  auto a = WorkspaceAccess::open(std::move(first));
  Store *b_store = second.get();
  auto b = WorkspaceAccess::open(std::move(second));  // loads the empty store

  a.apply(team_and_person("ops", "e1"));
  try {
    b.apply(team_and_person("dev", "e2"));
    FAIL() << "a writer that has not seen the latest write must be refused";
  } catch (const Error &e) {
    EXPECT_EQ(e.code(), Errc::conflict);
    EXPECT_NE(std::string(e.what()).find("reload"), std::string::npos) << e.what();
  }
  EXPECT_EQ(b.size(Kind::team), 0u);  // its own tables are as before the refused batch
  EXPECT_EQ(b_store->sequence(), 0u);

  b.reload();
  EXPECT_EQ(b.size(Kind::team), 1u);
  b.apply(team_and_person("dev", "e2"));
  EXPECT_EQ(b_store->sequence(), 2u);
  a.reload();
  EXPECT_EQ(a.size(Kind::person), 2u);
}

TEST_P(StorePort, BulkAppendsAreWritesToo) {
  auto [first, second] = GetParam().open_two();
  Store *a_store = first.get();
  auto a = WorkspaceAccess::open(std::move(first));
  a.apply(Batch()
              .add(Team{.id = "ops", .name = "Ops"})
              .add(Person{.id = "e1", .name = "Eva", .team = "ops"}));
  const std::uint32_t person[] = {0, 0};
  const Date date[] = {Date::from_ymd(2026, 3, 2), Date::from_ymd(2026, 3, 3)};
  const double hours[] = {1.5, 2};
  const LearningKind kind[] = {LearningKind::formal, LearningKind::social};
  const std::uint8_t self[] = {1, 0};
  a.append_activities(person, date, hours, kind, self);
  EXPECT_EQ(a_store->sequence(), 2u);
  auto b = WorkspaceAccess::open(std::move(second));
  EXPECT_EQ(b.activities().hours.size(), 2u);
  EXPECT_EQ(b.activities().hours[1], 2.0);
}

INSTANTIATE_TEST_SUITE_P(Stores, StorePort, ::testing::ValuesIn(kinds),
                         [](const auto &kind) { return std::string(kind.param.name); });

// A store that fails to write leaves the workspace as it was before the
// batch, whatever the batch did to the tables first.
TEST(MemoryStore, AFailedWriteLeavesTheWorkspaceUnchanged) {
  auto store = std::make_unique<detail::MemoryStore>();
  auto *holder = store.get();
  auto ws = WorkspaceAccess::open(std::move(store));
  ws.apply(team_and_person("ops", "e1"));

  holder->fail_next_write(Error(Errc::io_error, "disk", "full", "no space left"));
  EXPECT_THROW(ws.apply(Batch()
                            .add(Person{.id = "e2", .name = "Sara", .team = "ops"})
                            .remove({Kind::person, "e1"})
                            .update(Team{.id = "ops", .name = "Operations"})),
               Error);
  EXPECT_EQ(ws.size(Kind::person), 1u);
  EXPECT_TRUE(ws.find({Kind::person, "e1"}).has_value());
  EXPECT_EQ(std::get<Team>(*ws.find({Kind::team, "ops"})).name, "ops");
  EXPECT_EQ(holder->committed(), 1u);

  // The next write goes through; appends are refused the same way.
  holder->fail_next_write(Error(Errc::io_error, "disk", "full", "no space left"));
  const std::uint32_t person[] = {0};
  const Date date[] = {Date::from_ymd(2026, 3, 2)};
  const double hours[] = {1};
  const LearningKind kind[] = {LearningKind::formal};
  const std::uint8_t self[] = {0};
  EXPECT_THROW(ws.append_activities(person, date, hours, kind, self), Error);
  EXPECT_EQ(ws.activities().hours.size(), 0u);
  ws.append_activities(person, date, hours, kind, self);
  EXPECT_EQ(ws.activities().hours.size(), 1u);
  EXPECT_EQ(holder->committed(), 2u);
}

TEST(ModelView, GenerationAndLinksFollowEveryWrite) {
  Workspace ws;
  ws.apply(team_and_person("ops", "e1"));
  const detail::ModelView view(ws);
  const auto g1 = view.generation();
  const auto links1 = view.links();
  EXPECT_EQ(view.links(), links1);  // no write in between: the same links

  const std::uint32_t person[] = {0};
  const Date date[] = {Date::from_ymd(2026, 3, 2)};
  const double hours[] = {1};
  const LearningKind kind[] = {LearningKind::formal};
  const std::uint8_t self[] = {0};
  ws.append_activities(person, date, hours, kind, self);
  EXPECT_NE(view.generation(), g1);
  EXPECT_EQ(view.links(), links1);  // a bulk append adds log rows only: the same links

  const auto g2 = view.generation();
  ws.apply(Batch());  // nothing to change: no write
  EXPECT_EQ(view.generation(), g2);
  ws.apply(Batch().add(Person{.id = "e2", .name = "e2", .team = "ops"}));
  EXPECT_NE(view.generation(), g2);
  EXPECT_NE(view.links(), links1);
  EXPECT_EQ(view.tables().people.size(), 2u);
}

}  // namespace
}  // namespace levande
