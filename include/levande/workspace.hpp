/**
 * @file levande/workspace.hpp
 * @brief The workspace: owns every entity of a follow-up programme, validates
 *        every write, and keeps it in a store (an embedded SQLite database;
 *        JSON documents and CSV import are in levande/io/).
 */
#ifndef LEVANDE_WORKSPACE_HPP
#define LEVANDE_WORKSPACE_HPP

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "levande/date.hpp"
#include "levande/export.h"
#include "levande/model.hpp"

namespace levande {

class Workspace;
/** @cond internal */
namespace detail {
class ModelView;         // what the rest of the library reads
struct WorkspaceAccess;  // how the rest of the library writes
}  // namespace detail
/** @endcond */

/** @brief Any entity, as one value; the alternative's index is its Kind. */
using Entity =
    std::variant<Team, Person, Training, Participation, ActionPlan, Task, Goal, Measurement,
                 CheckIn, Assignment, Ambassador, PeerGroup, PeerSession, FeedbackSession, Response,
                 Success, CompetencePlan, Initiative, LearningSlot, Activity, Policy, Absence>;

/** @brief The Kind of an entity value. */
inline Kind kind_of(const Entity &entity) noexcept {
  return static_cast<Kind>(entity.index());
}

/**
 * @brief Identifies one entity: its kind and key.
 *
 * For kinds with an `id` the key is that id. Check-ins are keyed by
 * (plan id, scheduled date), responses by (session id, person id); a key for
 * measurements (goal id, date) or activities (person id, date) selects every
 * record of that goal or person on that date.
 */
struct Key {
  /** @brief An empty key (a person with no id). */
  Key() = default;
  /** @brief The key of kind @p k with id (or first part) @p i and optional second part @p s. */
  Key(Kind k, std::string i, std::string s = {})
      : kind(k), id(std::move(i)), second(std::move(s)) {}
  Kind kind = Kind::person;  ///< Kind of the entity.
  std::string id;            ///< The id, or the first part of a two-part key.
  std::string second;        ///< Second part: a date (YYYY-MM-DD) or person id; empty for id kinds.
  bool operator==(const Key &) const = default;  ///< Field-wise equality.
};

/**
 * @brief A list of writes applied together by Workspace::apply(): all of them
 *        or none.
 *
 * Operations run in order, so a batch may add a team and then people in it.
 * References are checked when the whole batch has run, so within one batch
 * the order of additions does not matter (a team may name a parent added
 * later in the same batch).
 */
class LEVANDE_API Batch {
 public:
  /** @brief Adds a new entity; its key must not exist yet. */
  Batch &add(Entity entity);
  /** @brief Replaces the entity with the same key; it must exist. */
  Batch &update(Entity entity);
  /**
   * @brief Removes an entity. Unless @p cascade, it is an error when others
   *        still reference it. With @p cascade, entities that need it are
   *        removed as well and optional references to it are cleared.
   */
  Batch &remove(Key key, bool cascade = false);
  /**
   * @brief Makes room for @p operations operations in all, so that a large
   *        batch is built without regrowing (each regrowth copies every
   *        operation so far into fresh memory).
   */
  void reserve(std::size_t operations) { ops_.reserve(operations); }

  /** @brief One operation of a batch. */
  struct Op {
    /** @brief What the operation does. */
    enum class Type : std::uint8_t {
      add,     ///< Add a new entity.
      update,  ///< Replace an existing entity.
      remove,  ///< Remove an entity.
    };
    Type type = Type::add;  ///< What to do.
    Entity entity;          ///< The entity for add/update.
    Key key;                ///< The key for remove.
    bool cascade = false;   ///< Cascade for remove.
  };
  /** @brief The operations in order. */
  const std::vector<Op> &ops() const noexcept { return ops_; }
  /** @brief Number of operations. */
  std::size_t size() const noexcept { return ops_.size(); }
  /** @brief True when there is nothing to apply. */
  bool empty() const noexcept { return ops_.empty(); }

 private:
  std::vector<Op> ops_;
};

/** @brief Column views of the measurement log; valid until the next write. */
struct MeasurementColumns {
  std::span<const std::uint32_t> goal;  ///< Dense goal index (see Workspace::id_at()).
  std::span<const Date> date;           ///< Date of each measurement.
  std::span<const double> value;        ///< Measured value.
};

/** @brief Column views of the check-in log; valid until the next write. */
struct CheckInColumns {
  std::span<const std::uint32_t> plan;    ///< Dense action-plan index.
  std::span<const Date> scheduled;        ///< Scheduled date.
  std::span<const Date> held;             ///< Date held; Date::min() when not held.
  std::span<const CheckInStatus> status;  ///< State.
  std::span<const Outcome> outcome;       ///< Application outcome.
};

/** @brief Column views of the response log; valid until the next write. */
struct ResponseColumns {
  std::span<const std::uint32_t> session;       ///< Dense feedback-session index.
  std::span<const std::uint32_t> person;        ///< Dense person index.
  std::span<const std::uint8_t> impact;         ///< Impact score 1–5.
  std::span<const std::uint8_t> needs_support;  ///< 1 when support_needed is not empty.
};

/** @brief Column views of the learning-activity log; valid until the next write. */
struct ActivityColumns {
  std::span<const std::uint32_t> person;         ///< Dense person index.
  std::span<const Date> date;                    ///< Date.
  std::span<const double> hours;                 ///< Hours.
  std::span<const LearningKind> kind;            ///< 70-20-10 category.
  std::span<const std::uint8_t> self_initiated;  ///< 1 when self-initiated.
};

/** @brief A part of a workspace: what a JSON export or a schedule covers. */
struct Scope {
  /** @brief What the part is rooted at. */
  enum class Type : std::uint8_t {
    all,       ///< The whole workspace.
    training,  ///< One training and everything about it.
    team,      ///< One team, its sub-teams, their people and everything about them.
  };
  Type type = Type::all;  ///< What the part is.
  std::string id;         ///< The training or team id for a part.
};

/** @brief How Workspace::erase_person() removes a person. */
enum class Erasure : std::uint8_t {
  remove = 0,        ///< Delete the person and everything only about them (cascade).
  pseudonymise = 1,  ///< Replace identity by a pseudonym, keep records for aggregates.
};

/** @brief An audit record written by data-protection operations. */
struct AuditRecord {
  Date date;            ///< Date the caller gave.
  std::string action;   ///< "erase" or "pseudonymise".
  std::string subject;  ///< A pseudonym of the person (never the erased id or name).
  std::string actor;    ///< Who asked, as the caller gave it.
  std::string reason;   ///< Why, as the caller gave it.
  bool operator==(const AuditRecord &) const = default;  ///< Field-wise equality.
};

/** @brief Options of Workspace::open(). */
struct OpenOptions {
  bool read_only = false;  ///< Open an existing database for reading only.
  bool create = true;      ///< Create the file when it does not exist (ignored when read_only).
};

/**
 * @brief Owns all entities of a programme and keeps them valid.
 *
 * Every write goes through apply() and is validated as a whole: referential
 * integrity, unique keys, date order, ranges; an error names the entity, key,
 * field and value and leaves the workspace unchanged. A workspace opened on a
 * database writes every batch there in one transaction.
 *
 * Catalogue kinds are held as vectors of structs with an id → index hash map;
 * the four log kinds are held column-wise with dense indices (see
 * measurements() etc.), so metrics are single passes over arrays.
 *
 * Thread safety: const members may be called from many threads at once;
 * apply(), import and erase need exclusive access. Move-only.
 */
class LEVANDE_API Workspace {
 public:
  /** @brief An empty workspace held in memory only. */
  Workspace();
  /** @brief Closes the database, if any. */
  ~Workspace();
  /** @brief Moves; the source becomes an empty in-memory workspace. */
  Workspace(Workspace &&) noexcept;
  /** @brief Moves; the source becomes an empty in-memory workspace. */
  Workspace &operator=(Workspace &&) noexcept;
  Workspace(const Workspace &) = delete;
  Workspace &operator=(const Workspace &) = delete;

  /**
   * @brief Opens (or creates) a SQLite database and loads it.
   *
   * @p path ":memory:" gives a private in-memory database. Files use WAL
   * journaling, so other processes can load while this one writes; each
   * load reads one consistent snapshot. A database from an older schema
   * version is migrated forward.
   * @throws Error Errc::io_error when the file cannot be opened or is not a
   *         levande database; Errc::unsupported for a newer schema version.
   */
  static Workspace open(const std::string &path, const OpenOptions &options = {});

  /**
   * @brief Writes the whole workspace into a new database file and attaches
   *        to it: later batches go there.
   * @throws Error Errc::already_exists when @p path exists; Errc::io_error.
   */
  void save_as(const std::string &path);

  /** @brief Re-reads everything from the database (another process may have written). */
  void reload();

  /** @brief The database path, or empty for a memory-only workspace. */
  const std::string &path() const noexcept;

  /** @brief The schema version this library writes. */
  static constexpr std::int32_t schema_version = 4;

  /**
   * @brief Applies a batch: all of it or nothing.
   * @throws Error naming the entity, key, field and value (Errc::not_found for
   *         unknown references, Errc::already_exists for duplicate keys,
   *         Errc::constraint for referenced removals and cycles,
   *         Errc::invalid_argument / invalid_date for bad values,
   *         Errc::io_error when the database write fails).
   */
  void apply(const Batch &batch);

  /**
   * @name Bulk appends to the logs
   * Column-wise appends for high-volume feeds (KPI exports, LMS logs):
   * references are dense indices (see index_of()), all columns have the same
   * length, every row is validated as by apply() and the whole call is one
   * transaction, all or nothing. Errors name the row, e.g.
   * `measurements[17].goal`. Texts (notes, answers) are not part of the
   * bulk form; use apply() for records that carry them.
   */
  ///@{
  /** @brief Appends measurements. */
  void append_measurements(std::span<const std::uint32_t> goal, std::span<const Date> date,
                           std::span<const double> value);
  /** @brief Appends check-ins; `held` is ignored (use Date::min()) unless status is held. */
  void append_check_ins(std::span<const std::uint32_t> plan, std::span<const Date> scheduled,
                        std::span<const CheckInStatus> status, std::span<const Date> held,
                        std::span<const Outcome> outcome);
  /** @brief Appends feedback responses (impact scores only). */
  void append_responses(std::span<const std::uint32_t> session,
                        std::span<const std::uint32_t> person,
                        std::span<const std::uint8_t> impact);
  /** @brief Appends learning activities. */
  void append_activities(std::span<const std::uint32_t> person, std::span<const Date> date,
                         std::span<const double> hours, std::span<const LearningKind> kind,
                         std::span<const std::uint8_t> self_initiated);
  ///@}

  /** @brief Number of entities of a kind. */
  std::size_t size(Kind kind) const noexcept;

  /** @brief Dense index of an id (catalogue kinds), O(1); nullopt when unknown. */
  std::optional<std::uint32_t> index_of(Kind kind, std::string_view id) const noexcept;
  /** @brief The id at a dense index of a catalogue kind; @throws Error not_found when out of range.
   */
  const std::string &id_at(Kind kind, std::uint32_t index) const;

  /** @brief The entity with that key; nullopt when there is none (for log kinds: the first match).
   */
  std::optional<Entity> find(const Key &key) const;
  /** @brief The entity at a dense index; @throws Error not_found when out of range. */
  Entity at(Kind kind, std::size_t index) const;

  /** @brief All teams, in insertion order (index = dense index). */
  std::span<const Team> teams() const noexcept;
  /** @brief All people. */
  std::span<const Person> people() const noexcept;
  /** @brief All trainings. */
  std::span<const Training> trainings() const noexcept;
  /** @brief All goals. */
  std::span<const Goal> goals() const noexcept;
  /** @brief All action plans. */
  std::span<const ActionPlan> action_plans() const noexcept;

  /** @brief The measurement log as columns. */
  MeasurementColumns measurements() const noexcept;
  /** @brief The check-in log as columns. */
  CheckInColumns check_ins() const noexcept;
  /** @brief The response log as columns. */
  ResponseColumns responses() const noexcept;
  /** @brief The activity log as columns. */
  ActivityColumns activities() const noexcept;

  /** @brief Bytes held for the entities of a kind (columns, strings, indices). */
  std::size_t memory_bytes(Kind kind) const noexcept;

  /** @brief True when both hold the same entities in the same order (the audit log included). */
  bool same_content(const Workspace &other) const;

  /**
   * @brief Erases a person (GDPR): removes them with everything that only
   *        concerns them, or pseudonymises them keeping the records for
   *        aggregates. The database is then scrubbed (secure_delete,
   *        checkpoint and VACUUM), so no copy of the erased values remains
   *        in the file, and an audit record is appended.
   * @param person_id the person
   * @param mode      remove or pseudonymise
   * @param date      the date of the erasure (recorded in the audit log)
   * @param actor     who asked (recorded)
   * @param reason    why (recorded)
   * @return the pseudonym used in the audit record (and as the new id when pseudonymising)
   * @throws Error Errc::scrub_pending when the erasure is committed and
   *         audited but another connection kept the file from being
   *         scrubbed: value() is the pseudonym; call scrub() later. Any other
   *         error means nothing was erased.
   */
  std::string erase_person(std::string_view person_id, Erasure mode, Date date,
                           std::string_view actor, std::string_view reason);

  /**
   * @brief Leaves no copy of deleted content in the database files:
   *        checkpoints the write-ahead log, VACUUMs and truncates the log.
   *        erase_person() does this itself; call it again when that reported
   *        that other connections kept it from finishing. No-op in memory.
   * @throws Error Errc::io_error while another connection reads the file.
   */
  void scrub();

  /** @brief The workspace's settings: language and currency. */
  const Settings &settings() const noexcept;
  /**
   * @brief Changes the settings, in one transaction.
   * @throws Error Errc::invalid_argument naming `settings.language` (not one of
   *         languages()) or `settings.currency` (not three capital letters of
   *         ISO 4217); the refusals of apply() (read-only, another writer).
   */
  void set_settings(const Settings &settings);

  /** @brief The audit records, oldest first. */
  const std::vector<AuditRecord> &audit_log() const noexcept;

 private:
  friend class detail::ModelView;
  friend struct detail::WorkspaceAccess;
  struct LEVANDE_LOCAL Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace levande

#endif  // LEVANDE_WORKSPACE_HPP
