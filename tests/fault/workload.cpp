#include "workload.hpp"

#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <new>

#include "levande/error.hpp"
#include "levande/io/check.hpp"
#include "levande/io/json.hpp"

namespace levande::test::fault {

std::int64_t stride() {
  if (std::getenv("LEVANDE_FAULT_FULL") != nullptr) return 1;
#ifdef LEVANDE_SANITIZED
  return 8;
#else
  return 1;
#endif
}

std::vector<Step> steps() {
  std::vector<Step> s;
  s.emplace_back([](Workspace &ws) {
    ws.apply(Batch()
                 .add(Team{.id = "f-team", .name = "Fault team", .parent = "it"})
                 .add(Person{.id = "f1", .name = "First", .team = "f-team"})
                 .add(Person{.id = "f2", .name = "Second", .team = "f-team"}));
  });
  s.emplace_back([](Workspace &ws) {
    Batch b;
    for (int i = 0; i < 5; ++i) {
      b.add(Measurement{
          .goal = "g-lead", .date = Date(Date::parse("2026-03-02").days() + i), .value = 19.5 - i});
    }
    ws.apply(b);
  });
  s.emplace_back([](Workspace &ws) {
    const auto goal = *ws.index_of(Kind::goal, "g-lead");
    std::vector<std::uint32_t> goals(20, goal);
    std::vector<Date> dates;
    std::vector<double> values;
    for (int i = 0; i < 20; ++i) {
      dates.emplace_back(Date::parse("2026-04-01").days() + i);
      values.push_back(18.0 - 0.05 * i);
    }
    ws.append_measurements(goals, dates, values);
  });
  s.emplace_back([](Workspace &ws) {
    ws.apply(Batch().update(Person{.id = "f1", .name = "First Renamed", .team = "f-team"}));
  });
  s.emplace_back([](Workspace &ws) { ws.apply(Batch().remove({Kind::person, "f2", {}}, true)); });
  s.emplace_back([](Workspace &ws) {
    ws.erase_person("e101", Erasure::pseudonymise, Date::parse("2026-05-04"), "hr", "request");
  });
  s.emplace_back(
      [](Workspace &ws) { ws.apply(Batch().add(Team{.id = "f-last", .name = "Last"})); });
  return s;
}

std::string fingerprint(const Workspace &ws) {
  std::string text = export_json(ws);
  for (const auto &r : ws.audit_log()) {
    text += '\n' + r.date.to_string() + ' ' + r.action + ' ' + r.subject + ' ' + r.actor + ' ' +
            r.reason;
  }
  return text;
}

Outcome run(const std::string &path, const std::function<void()> &after_fault) {
  Outcome out;
  try {
    const auto all = steps();
    auto ws = Workspace::open(path);
    out.opened = true;
    try {
      for (const auto &step : all) {
        ++out.started;
        try {
          step(ws);
        } catch (const Error &e) {
          // Committed; only the scrub after it did not happen.
          if (e.code() != Errc::scrub_pending) throw;
        }
        ++out.acknowledged;
      }
    } catch (...) {
      // What the application still sees: a whole state, never half a step.
      if (after_fault) after_fault();
      out.view = fingerprint(ws);
      throw;
    }
  } catch (const Error &e) {
    out.failure = e.what();
    out.code = e.code();
    return out;
  } catch (const std::bad_alloc &) {
    out.failure = "std::bad_alloc";
    out.out_of_memory = true;
    return out;
  }
  out.closed = true;
  return out;
}

std::vector<std::string> expected_states(const std::string &template_path,
                                         const std::string &scratch) {
  restore(template_path, scratch);
  std::vector<std::string> states;
  auto ws = Workspace::open(scratch);
  states.push_back(fingerprint(ws));
  for (const auto &step : steps()) {
    step(ws);
    states.push_back(fingerprint(ws));
  }
  return states;
}

void restore(const std::string &template_path, const std::string &path) {
  for (const char *suffix : {"", "-wal", "-shm", "-journal"})
    std::filesystem::remove(path + suffix);
  std::filesystem::copy_file(template_path, path);
}

namespace {
std::string integrity(const std::string &path) {
  sqlite3 *db = nullptr;
  std::string result;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    result = std::string("cannot open: ") + (db ? sqlite3_errmsg(db) : "out of memory");
  } else {
    sqlite3_stmt *s = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, nullptr) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW) {
      result = reinterpret_cast<const char *>(sqlite3_column_text(s, 0));
    } else {
      result = sqlite3_errmsg(db);
    }
    sqlite3_finalize(s);
  }
  sqlite3_close(db);
  return result;
}
}  // namespace

std::string verify(const std::string &path, const Outcome &outcome,
                   const std::vector<std::string> &states) {
  std::string found;
  try {
    // Opened writable first, as an application would: that recovers the log.
    found = fingerprint(Workspace::open(path));
  } catch (const std::exception &e) {
    return std::string("the file does not open after the fault: ") + e.what();
  }
  if (const auto ok = integrity(path); ok != "ok") return "integrity_check: " + ok;
  if (const auto checked = check_workspace(path); !checked.problems.empty())
    return "levande check: " + checked.problems.front().message;
  const std::size_t a = outcome.acknowledged;
  const auto whole = [&](const std::string &state) {
    return state == states.at(a) || (outcome.started > a && state == states.at(outcome.started));
  };
  if (outcome.opened && !outcome.closed && !whole(outcome.view))
    return "after the fault the workspace in memory holds neither the acknowledged state "
           "nor that and the step in flight";
  if (found == states.at(a)) return {};
  if (outcome.started > a && found == states.at(outcome.started)) return {};  // the one in flight
  for (std::size_t k = 0; k < states.size(); ++k) {
    if (found == states[k]) {
      return "the file holds the state after step " + std::to_string(k) + ", but " +
             std::to_string(a) + " steps were acknowledged";
    }
  }
  if (const char *dir = std::getenv("LEVANDE_FAULT_DUMP")) {  // debugging: diff the files
    std::ofstream(std::string(dir) + "/found.txt") << found;
    for (std::size_t k = 0; k < states.size(); ++k)
      std::ofstream(std::string(dir) + "/state-" + std::to_string(k) + ".txt") << states[k];
  }
  return "the file holds a state no sequence of whole steps gives (a half step)";
}

}  // namespace levande::test::fault
