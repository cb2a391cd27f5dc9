// A writer process killed with SIGKILL at any point loses no batch it had
// acknowledged, leaves no half batch, and leaves a file that opens and
// passes levande check (docs/reliability.md).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <random>
#include <string>

#include "levande/io/check.hpp"
#include "levande/workspace.hpp"
#include "sqlite_helpers.hpp"
#include "test_helpers.hpp"

namespace levande {
namespace {

// "k<run>-<i>", the team of batch i of a run (built by appending: GCC 12
// warns falsely about chains of + on temporary strings).
std::string team_id(int run, int i) {
  std::string id = "k";
  id += std::to_string(run);
  id += '-';
  id += std::to_string(i);
  return id;
}

// Each batch adds a team and a person in it: a half batch would show as a
// team without its person.
Batch numbered(int run, int i) {
  const auto id = team_id(run, i);
  Batch b;
  b.add(Team{.id = id, .name = "Killed", .parent = "it"});
  b.add(Person{.id = id + "p", .name = "P", .team = id});
  return b;
}

TEST(Kill, AWriterKilledAtAnyPointLosesNoAcknowledgedBatch) {
  const auto path = test::temp_db("killed.levande");
  test::example_programme().save_as(path);
  std::mt19937 rng(20261208);  // fixed: the same kill points on every run of the suite
  constexpr int runs = 25;
  std::int64_t written = 0;  // acknowledged batches over all runs
  for (int run = 0; run < runs; ++run) {
    int fds[2];
    ASSERT_EQ(::pipe(fds), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      ::close(fds[0]);
      try {
        auto ws = Workspace::open(path);
        for (std::int32_t i = 0;; ++i) {
          ws.apply(numbered(run, i));
          // Acknowledged: apply() returned, so the batch must survive.
          if (::write(fds[1], &i, sizeof i) != sizeof i) ::_exit(2);
        }
      } catch (...) {
        ::_exit(1);
      }
    }
    ::close(fds[1]);
    ::usleep(std::uniform_int_distribution<useconds_t>(2'000, 60'000)(rng));
    ::kill(child, SIGKILL);
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the writer stopped before it was killed: " << status;
    std::int32_t acknowledged = -1, i = 0;
    while (::read(fds[0], &i, sizeof i) == sizeof i)
      acknowledged = i;
    ::close(fds[0]);
    written += acknowledged + 1;

    const auto ws = Workspace::open(path, {.read_only = true});
    for (std::int32_t k = 0; k <= acknowledged; ++k) {
      const auto id = team_id(run, k);
      ASSERT_TRUE(ws.find(Key(Kind::team, id)).has_value()) << "lost acknowledged batch " << id;
    }
    // At most the one batch in flight got in beyond those, and whole.
    const auto next = team_id(run, acknowledged + 1);
    const bool in_flight = ws.find(Key(Kind::team, next)).has_value();
    EXPECT_EQ(in_flight, ws.find(Key(Kind::person, next + "p")).has_value()) << "half batch";
    EXPECT_FALSE(ws.find(Key(Kind::team, team_id(run, acknowledged + 2))).has_value());
  }
  // The kills came while batches were being written, not before the first.
  EXPECT_GT(written, 2 * runs);
  EXPECT_TRUE(check_workspace(path).problems.empty());
}

}  // namespace
}  // namespace levande
