// A batch in progress: applies operations to the tables in order, records
// how to undo each one, and collects the changes for the database.
#ifndef LEVANDE_SRC_CORE_WORKSPACE_TXN_HPP
#define LEVANDE_SRC_CORE_WORKSPACE_TXN_HPP

#include <array>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "levande/workspace.hpp"
#include "workspace/invitations.hpp"
#include "workspace/store.hpp"
#include "workspace/tables.hpp"

namespace levande::detail {

struct Removal;

class Txn {
 public:
  // `record_changes`: keep the change list for a database (memory-only
  // workspaces skip it: it would hold a copy of every record).
  Txn(Tables &tables, bool record_changes) : t_(tables), record_changes_(record_changes) {}
  Txn(const Txn &) = delete;
  Txn &operator=(const Txn &) = delete;
  ~Txn() {
    if (!committed_) rollback_to(Mark{});
  }

  void run(const Batch::Op &op);
  void add(const Entity &entity);
  void update(const Entity &entity);
  void remove(const Key &key, bool cascade);
  // Removes many keys at once (one compaction per table); all or nothing with the batch.
  void remove(std::span<const Key> keys, bool cascade);
  // Renames a catalogue entity everywhere it is referenced (pseudonymisation).
  void rename(Kind kind, const std::string &from, const std::string &to);
  // Changes the workspace's settings (validated; the language kept as its
  // primary subtag). Later operations of the batch see them.
  void set_settings(const Settings &settings);

  // Checks that need the whole batch: references exist, no cycles, cross-entity
  // order, responses from people their session invites.
  void finish() {
    check_touched(0, touched_.size());
    check_dependants();
    check_invitations(0, responses_.size());
  }

  // A point to return to when one row of a lenient import fails.
  struct Mark {
    std::size_t undo = 0, changes = 0, touched = 0, updated = 0, responses = 0;
    std::array<bool, kind_count> appended{};
  };
  Mark mark() const {
    return {undo_.size(),    changes_.size(),   touched_.size(),
            updated_.size(), responses_.size(), appended_};
  }
  void rollback_to(const Mark &m);
  // What a batch checks across records, over every stored record: a file
  // another program edited must not reach code that trusts its references
  // (the single-record rules are checked as rows are read). Who may answer
  // a session is not re-checked: responses recorded before that rule stay.
  void check_stored();
  void check_touched(std::size_t from, std::size_t to);
  std::size_t touched_count() const { return touched_.size(); }
  // Whether the people of the responses added [from, to) are invited by
  // their sessions, as the tables stand (the whole batch applied).
  void check_invitations(std::size_t from, std::size_t to);
  std::size_t responses_count() const { return responses_.size(); }

  std::vector<Change> &changes() { return changes_; }
  // Whether the transaction changed the tables: every change keeps a way back.
  bool changed() const { return !undo_.empty(); }
  void commit() {
    committed_ = true;
    undo_.clear();
  }

 private:
  void mark_named(Removal &r, const Key &key, const std::string &where);
  void remove_marked(Removal &r, const Key &key, const std::string &where, bool cascade);
  template <class T>
  void add_one(T e);
  template <class T>
  void update_one(T e);
  void on_append(Kind kind);
  // Keeps a copy of `table` to restore on rollback.
  template <class Table>
  void snapshot(Table &table) {
    undo_.push_back([&table, copy = table]() mutable { table = std::move(copy); });
  }
  template <class T>
  void check_references(const T &e);
  // No cycle and no chain deeper than limits::hierarchy_depth through the
  // teams' parents or the people's managers, from the given ids.
  void check_chains(Kind kind, std::span<const std::string> ids);
  // Rules checked from the referencing side (completion after the training
  // starts, check-ins held after the plan was created, no more answers than
  // questions) re-checked for the referenced records a batch updated.
  void check_dependants();

  void record(Change &&c) {
    if (record_changes_) changes_.push_back(std::move(c));
  }

  Tables &t_;
  bool record_changes_;
  std::vector<std::function<void()>> undo_;
  std::array<bool, kind_count> appended_{};
  std::vector<Change> changes_;
  std::vector<std::pair<Kind, std::string>> touched_;
  std::vector<std::pair<Kind, std::string>> updated_;  // trainings, plans, sessions
  // Responses added: session and person ids, and the record's path.
  struct AddedResponse {
    std::string session, person, where;
  };
  std::vector<AddedResponse> responses_;
  // Who took part in what, built for the checks of invitations and dropped
  // on any change to the tables.
  std::unique_ptr<Invitations> invitations_;
  bool committed_ = false;
};

// Txn::check_stored() on tables just read from `location`; a problem is
// Errc::corrupt, saying the file is damaged and naming the record and field.
void check_stored(Tables &t, const std::string &location);

// The prefix of every error about a damaged workspace file.
std::string damaged(const std::string &location);

}  // namespace levande::detail

#endif
