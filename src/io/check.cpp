// Checking and repairing a workspace file (levande/io/check.hpp): read every
// row that can be read, settle references to missing records the way a
// removal would, cut loops, then add everything through the checks of a
// write, leaving out what fails.
#include "levande/io/check.hpp"

#include <array>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "levande/workspace.hpp"
#include "model/chains.hpp"
#include "model/schema.hpp"
#include "model/validate.hpp"
#include "sqlite/sqlite_store.hpp"
#include "workspace/access.hpp"
#include "workspace/errors.hpp"

namespace levande {
namespace {

using detail::OnDelete;
using detail::problem;

// Optional references (and list elements) to records that are not there
// are cleared, as removing those records would have done.
void clear_dangling(std::vector<Entity> &records, std::vector<StoredProblem> &problems) {
  std::array<std::unordered_set<std::string>, kind_count> ids;
  for (const auto &r : records)
    std::visit(
        [&]<class T>(const T &e) {
          if constexpr (detail::has_id<T>)
            ids[static_cast<std::size_t>(detail::Schema<T>::kind)].insert(e.id);
        },
        r);
  for (auto &r : records)
    std::visit(
        [&]<class T>(T &e) {
          detail::for_each_ref<T>([&](const auto &f) {
            if (f.on_delete != OnDelete::clear) return;
            const auto &known = ids[static_cast<std::size_t>(*f.ref)];
            auto &v = e.*(f.member);
            const auto where = detail::entity_path(e) + "." + std::string(f.name);
            if constexpr (std::is_same_v<std::remove_cvref_t<decltype(v)>, std::string>) {
              if (!v.empty() && !known.contains(v)) {
                problems.push_back(problem(detail::unknown(where, *f.ref, v), "cleared"));
                v.clear();
              }
            } else {
              for (std::size_t i = v.size(); i-- > 0;)
                if (!known.contains(v[i])) {
                  problems.push_back(
                      problem(detail::unknown(where + "[" + std::to_string(i) + "]", *f.ref, v[i]),
                              "cleared"));
                  v.erase(v.begin() + static_cast<std::ptrdiff_t>(i));
                }
            }
          });
        },
        r);
}

// Cuts a team or manager chain that loops or runs deeper than the limit, at
// the record where that was found (model/chains.hpp).
template <class T>
void cut_loops(std::vector<Entity> &records, std::vector<StoredProblem> &problems) {
  std::vector<std::size_t> record;  // per node, its index in `records`
  std::unordered_map<std::string_view, std::uint32_t> node;
  for (std::size_t i = 0; i < records.size(); ++i)
    if (const auto *e = std::get_if<T>(&records[i]))
      if (node.emplace(e->id, static_cast<std::uint32_t>(record.size())).second)
        record.push_back(i);
  std::vector<std::uint32_t> parent(record.size(), detail::no_parent);
  for (std::uint32_t n = 0; n < record.size(); ++n)
    if (const auto at = node.find(detail::up(std::get<T>(records[record[n]]))); at != node.end())
      parent[n] = at->second;
  const char *link = std::is_same_v<T, Team> ? ".parent" : ".manager";
  detail::walk_chains(parent, limits::hierarchy_depth, [&](std::uint32_t n, bool cycle) {
    auto &e = std::get<T>(records[record[n]]);
    problems.push_back(
        problem(Error(Errc::constraint, detail::entity_path(e) + link, detail::up(e),
                      cycle ? "makes a cycle" : "makes a chain deeper than the limit"),
                "cleared"));
    detail::up(e).clear();
  });
}

std::string free_path(const std::string &base) {
  std::string candidate = base;
  for (int n = 2; std::filesystem::exists(candidate); ++n)
    candidate = base + "." + std::to_string(n);
  return candidate;
}

void move_with_wal(const std::string &from, const std::string &to) {
  std::filesystem::rename(from, to);
  for (const char *suffix : {"-wal", "-shm"})
    if (std::filesystem::exists(from + suffix))
      std::filesystem::rename(from + suffix, std::string(to) + suffix);
}

}  // namespace

CheckResult check_workspace(const std::string &path, bool repair) {
  CheckResult out;
  std::vector<Entity> records;
  std::vector<AuditRecord> audit;
  Settings settings;
  {
    detail::SqliteStore store(path, OpenOptions{.read_only = !repair});
    for (auto &line : store.integrity_check())
      out.problems.push_back(
          {Errc::corrupt, "file", "", "SQLite's integrity check: " + line, "file"});
    out.records = store.salvage(records, audit, settings, out.problems);
  }
  clear_dangling(records, out.problems);
  cut_loops<Team>(records, out.problems);
  cut_loops<Person>(records, out.problems);
  Workspace kept;
  out.kept = detail::WorkspaceAccess::add_each(
      kept, records.size(), [&](std::size_t i) { return records[i]; },
      [&](std::size_t, const Error &e) { out.problems.push_back(problem(e, "removed")); }, false);
  if (!repair || out.problems.empty()) return out;

  detail::WorkspaceAccess::set_audit(kept, std::move(audit));
  // As read: a language this build does not write was kept as stored, and
  // the repaired file keeps it too (set_settings() would refuse it).
  detail::WorkspaceAccess::set_stored_settings(kept, settings);
  const auto temp = free_path(path + ".repairing");
  try {
    kept.save_as(temp);
    kept = Workspace();  // closes the new file
    out.backup = free_path(path + ".damaged");
    move_with_wal(path, out.backup);
    move_with_wal(temp, path);
  } catch (const std::filesystem::filesystem_error &e) {
    throw Error(Errc::io_error, "path", path, std::string("cannot be replaced: ") + e.what());
  }
  return out;
}

}  // namespace levande
