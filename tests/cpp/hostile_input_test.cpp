// Hostile documents cost bounded time and memory and get clear errors:
// numbers beyond double, hierarchies that are too deep, oversized text and
// documents, and control characters in ids (docs/reliability.md, "Limits").
#include <gtest/gtest.h>
#include <sys/mman.h>

#include <functional>
#include <string>

#include "levande/error.hpp"
#include "levande/io/json.hpp"
#include "levande/workspace.hpp"
#include "test_helpers.hpp"

namespace levande {
namespace {

Error refused(const std::function<void()> &fn) {
  try {
    fn();
  } catch (const Error &e) {
    return e;
  }
  ADD_FAILURE() << "accepted";
  return Error(Errc::ok, "");
}

TEST(HostileInput, ANumberBeyondDoubleIsAParseErrorNamingWhereItIs) {
  Workspace ws;
  const auto e =
      refused([&] { import_json(ws, "{\"format\":\"levande\",\n \"schema_version\":1e999}"); });
  EXPECT_EQ(e.code(), Errc::parse_error) << e.what();
  EXPECT_EQ(e.field(), "document");
  EXPECT_EQ(e.value(), "1e999");
  // Line 2, column 19: the 1 of 1e999 (counted by hand).
  EXPECT_NE(std::string(e.what()).find("line 2, column 19"), std::string::npos) << e.what();
  const auto op = refused([&] {
    ws.apply(json::batch_from_json(
        R"([{"op":"add","kind":"measurements","value":{"goal":"g","date":"2026-01-01","value":-2e400}}])"));
  });
  EXPECT_EQ(op.code(), Errc::parse_error) << op.what();
}

// A chain of teams, each under the one before: t0 <- t1 <- ... <- t(n-1).
std::string team_chain(int n) {
  std::string doc = R"({"format":"levande","schema_version":4,"teams":[)";
  for (int i = 0; i < n; ++i) {
    doc += i ? "," : "";
    doc += R"({"id":"t)" + std::to_string(i) + R"(","name":"T")";
    if (i) doc += R"(,"parent":"t)" + std::to_string(i - 1) + "\"";
    doc += "}";
  }
  return doc + "]}";
}

TEST(HostileInput, HierarchiesDeeperThanTheLimitAreRefused) {
  // 101 teams: the last has 100 above it, the most allowed.
  Workspace ok;
  import_json(ok, team_chain(101));
  EXPECT_EQ(ok.size(Kind::team), 101u);
  // 8 000 teams (the chain that took seconds when every team walked up to
  // the root): refused at t101, the first with 101 above it.
  Workspace deep;
  const auto e = refused([&] { import_json(deep, team_chain(8000)); });
  EXPECT_EQ(e.code(), Errc::constraint) << e.what();
  EXPECT_EQ(e.field(), "teams[t101].parent");
  EXPECT_NE(std::string(e.what()).find("more than 100 teams"), std::string::npos) << e.what();
  EXPECT_EQ(deep.size(Kind::team), 0u);
  // One team added under the deepest allowed is refused the same way.
  Batch one;
  one.add(Team{.id = "t101", .name = "T", .parent = "t100"});
  EXPECT_EQ(test::code_of([&] { ok.apply(one); }), Errc::constraint);
}

TEST(HostileInput, OversizedTextAndListsAreRefusedNamingTheField) {
  Workspace ws;
  Batch name;
  name.add(Team{.id = "t", .name = std::string(64 * 1024 + 1, 'x')});
  auto e = refused([&] { ws.apply(name); });
  EXPECT_EQ(e.code(), Errc::out_of_range);
  EXPECT_EQ(e.field(), "teams[t].name");
  EXPECT_NE(std::string(e.what()).find("65537 bytes long; at most 65536"), std::string::npos);
  Batch id;
  id.add(Team{.id = std::string(257, 'i'), .name = "T"});
  EXPECT_EQ(refused([&] { ws.apply(id); }).code(), Errc::out_of_range);
  Batch fits;
  fits.add(Team{.id = std::string(256, 'i'), .name = std::string(64 * 1024, 'x')});
  ws.apply(fits);
  EXPECT_EQ(ws.size(Kind::team), 1u);
}

TEST(HostileInput, ADocumentLargerThanTheLimitIsRefusedBeforeItIsRead) {
  // Address space only: the pages are never touched, so nothing is used.
  const std::size_t size = limits::document_bytes + 1;
  void *p = mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  ASSERT_NE(p, MAP_FAILED);
  Workspace ws;
  const auto e = refused([&] { import_json(ws, std::string_view(static_cast<char *>(p), size)); });
  munmap(p, size);
  EXPECT_EQ(e.code(), Errc::out_of_range);
  EXPECT_EQ(e.value(), "1073741825 bytes");
}

TEST(HostileInput, ControlCharactersInAnErrorAreShownEscaped) {
  Workspace ws;
  Batch b;
  b.add(Team{.id = "a\nb\x01", .name = "T"});
  const auto e = refused([&] { ws.apply(b); });
  EXPECT_EQ(e.field(), "teams[a\\nb\\x01].id");
  EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << e.what();
}

}  // namespace
}  // namespace levande
