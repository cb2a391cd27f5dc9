// The workspace: its lifetime, its store, batches, and reading entities back.
#include "levande/workspace.hpp"

#include "levande/error.hpp"
#include "workspace/access.hpp"
#include "workspace/impl.hpp"
#include "workspace/rows.hpp"
#include "workspace/store.hpp"
#include "workspace/txn.hpp"

namespace levande {

Batch &Batch::add(Entity entity) {
  ops_.push_back({Op::Type::add, std::move(entity), {}, false});
  return *this;
}

Batch &Batch::update(Entity entity) {
  ops_.push_back({Op::Type::update, std::move(entity), {}, false});
  return *this;
}

Batch &Batch::remove(Key key, bool cascade) {
  ops_.push_back({Op::Type::remove, Team{}, std::move(key), cascade});
  return *this;
}

Workspace::Impl::Impl() = default;
Workspace::Impl::~Impl() = default;

detail::Txn Workspace::Impl::begin() {
  return detail::Txn(t, store != nullptr && store->wants_changes());
}

void Workspace::Impl::apply(const Batch &batch, std::vector<AuditRecord> new_audit,
                            const Settings *settings) {
  auto txn = begin();
  if (settings) txn.set_settings(*settings);
  for (const auto &op : batch.ops())
    txn.run(op);
  txn.finish();
  commit(txn, std::move(new_audit));
}

void Workspace::Impl::commit(detail::Txn &txn, std::vector<AuditRecord> new_audit) {
  // A batch that changed nothing leaves the state as it is; the store still
  // refuses it where it would refuse a write (read-only, stale), but does
  // not count it.
  const bool changed = txn.changed() || !new_audit.empty();
  // Room first: nothing may fail between the write and keeping the records.
  audit.reserve(audit.size() + new_audit.size());
  if (store) store->write(t, txn.changes(), new_audit);
  txn.commit();
  if (changed) t.generation = t.catalog_generation = detail::next_generation();
  for (auto &a : new_audit)
    audit.push_back(std::move(a));
}

Workspace::Workspace() : impl_(std::make_unique<Impl>()) {}
Workspace::~Workspace() = default;
Workspace::Workspace(Workspace &&other) noexcept : impl_(std::move(other.impl_)) {}
Workspace &Workspace::operator=(Workspace &&other) noexcept {
  if (this != &other) impl_ = std::move(other.impl_);
  return *this;
}

Workspace Workspace::open(const std::string &path, const OpenOptions &options) {
  return detail::WorkspaceAccess::open(detail::open_store(path, options));
}

void Workspace::save_as(const std::string &path) {
  auto store = detail::create_store(path);
  store->write_all(live_impl(impl_).t, live_impl(impl_).audit);
  live_impl(impl_).store = std::move(store);
}

void Workspace::reload() {
  if (!live_impl(impl_).store) return;
  detail::Tables fresh;
  std::vector<AuditRecord> audit;
  live_impl(impl_).store->load(fresh, audit);
  live_impl(impl_).t = std::move(fresh);
  live_impl(impl_).audit = std::move(audit);
}

const std::string &Workspace::path() const noexcept {
  static const std::string none;
  return live_impl(impl_).store ? live_impl(impl_).store->location() : none;
}

void Workspace::apply(const Batch &batch) {
  live_impl(impl_).apply(batch);
}

std::size_t Workspace::size(Kind kind) const noexcept {
  if (static_cast<std::size_t>(kind) >= kind_count) return 0;
  return detail::visit_kind(
      kind, [&]<class T>() { return detail::table_of<T>(live_impl(impl_).t).size(); });
}

std::optional<std::uint32_t> Workspace::index_of(Kind kind, std::string_view id) const noexcept {
  if (static_cast<std::size_t>(kind) >= kind_count) return std::nullopt;
  return detail::visit_kind(kind, [&]<class T>() -> std::optional<std::uint32_t> {
    if constexpr (detail::has_id<T>)
      return detail::table_of<T>(live_impl(impl_).t).index_of(id);
    else
      return std::nullopt;
  });
}

const std::string &Workspace::id_at(Kind kind, std::uint32_t index) const {
  if (static_cast<std::size_t>(kind) >= kind_count) {
    throw Error(Errc::invalid_argument, "kind", std::to_string(static_cast<int>(kind)),
                "is not a kind");
  }
  const std::string *id = detail::visit_kind(kind, [&]<class T>() -> const std::string * {
    if constexpr (detail::has_id<T>) {
      const auto &tab = detail::table_of<T>(live_impl(impl_).t);
      return index < tab.size() ? &tab.rows[index].id : nullptr;
    } else {
      return nullptr;
    }
  });
  if (id == nullptr) {
    throw Error(Errc::not_found, "index", std::to_string(index),
                std::string("no ") + kind_name(kind) + " entry at this index");
  }
  return *id;
}

Entity Workspace::at(Kind kind, std::size_t index) const {
  if (static_cast<std::size_t>(kind) >= kind_count || index >= size(kind)) {
    throw Error(Errc::not_found, "index", std::to_string(index),
                std::string("no ") + kind_name(kind) + " entry at this index");
  }
  return detail::visit_kind(kind, [&]<class T>() -> Entity {
    const auto &tab = detail::table_of<T>(live_impl(impl_).t);
    if constexpr (detail::has_id<T>)
      return tab.rows[index];
    else
      return detail::log_row(live_impl(impl_).t, tab, index);
  });
}

std::optional<Entity> Workspace::find(const Key &key) const {
  if (static_cast<std::size_t>(key.kind) >= kind_count) return std::nullopt;
  return detail::visit_kind(key.kind, [&]<class T>() -> std::optional<Entity> {
    const auto &tab = detail::table_of<T>(live_impl(impl_).t);
    if constexpr (detail::has_id<T>) {
      if (const T *e = tab.find(key.id)) return Entity(*e);
      return std::nullopt;
    } else {
      // Keys resolve to dense indices first, so no row is converted to find one.
      const auto &t = live_impl(impl_).t;
      std::vector<std::uint32_t> rows;
      try {
        rows = detail::log_rows_for_key(t, key);
      } catch (const Error &) {
        return std::nullopt;  // a malformed key finds nothing
      }
      std::optional<std::size_t> row;
      if (!rows.empty()) row = rows.front();
      if (row) return Entity(detail::log_row(t, tab, *row));
      return std::nullopt;
    }
  });
}

std::span<const Team> Workspace::teams() const noexcept {
  return live_impl(impl_).t.teams.rows;
}
std::span<const Person> Workspace::people() const noexcept {
  return live_impl(impl_).t.people.rows;
}
std::span<const Training> Workspace::trainings() const noexcept {
  return live_impl(impl_).t.trainings.rows;
}
std::span<const Goal> Workspace::goals() const noexcept {
  return live_impl(impl_).t.goals.rows;
}
std::span<const ActionPlan> Workspace::action_plans() const noexcept {
  return live_impl(impl_).t.action_plans.rows;
}

MeasurementColumns Workspace::measurements() const noexcept {
  const auto &m = live_impl(impl_).t.measurements;
  return {m.goal, m.date, m.value};
}
CheckInColumns Workspace::check_ins() const noexcept {
  const auto &c = live_impl(impl_).t.check_ins;
  return {c.plan, c.scheduled, c.held, c.status, c.outcome};
}
ResponseColumns Workspace::responses() const noexcept {
  const auto &r = live_impl(impl_).t.responses;
  return {r.session, r.person, r.impact, r.needs_support};
}
ActivityColumns Workspace::activities() const noexcept {
  const auto &a = live_impl(impl_).t.activities;
  return {a.person, a.date, a.hours, a.kind, a.self_initiated};
}

std::size_t Workspace::memory_bytes(Kind kind) const noexcept {
  if (static_cast<std::size_t>(kind) >= kind_count) return 0;
  return detail::visit_kind(
      kind, [&]<class T>() { return detail::table_of<T>(live_impl(impl_).t).memory_bytes(); });
}

bool Workspace::same_content(const Workspace &other) const {
  if (live_impl(impl_).audit != live_impl(other.impl_).audit) return false;
  if (live_impl(impl_).t.settings != live_impl(other.impl_).t.settings) return false;
  for (std::size_t k = 0; k < kind_count; ++k) {
    const Kind kind = static_cast<Kind>(k);
    if (size(kind) != other.size(kind)) return false;
    const bool equal = detail::visit_kind(kind, [&]<class T>() {
      const auto &a = detail::table_of<T>(live_impl(impl_).t);
      const auto &b = detail::table_of<T>(live_impl(other.impl_).t);
      if constexpr (detail::has_id<T>) {
        return a.rows == b.rows;
      } else {
        for (std::size_t i = 0; i < a.size(); ++i) {
          if (!(detail::log_row(live_impl(impl_).t, a, i) ==
                detail::log_row(live_impl(other.impl_).t, b, i))) {
            return false;
          }
        }
        return true;
      }
    });
    if (!equal) return false;
  }
  return true;
}

const Settings &Workspace::settings() const noexcept {
  return live_impl(impl_).t.settings;
}

void Workspace::set_settings(const Settings &settings) {
  live_impl(impl_).apply(Batch(), {}, &settings);
}

const std::vector<AuditRecord> &Workspace::audit_log() const noexcept {
  return live_impl(impl_).audit;
}

}  // namespace levande
