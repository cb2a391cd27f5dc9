// Data-protection operations: erase or pseudonymise one person.
#include "levande/error.hpp"
#include "workspace/impl.hpp"
#include "workspace/rows.hpp"
#include "workspace/txn.hpp"

namespace levande {

std::string Workspace::erase_person(std::string_view person_id, Erasure mode, Date date,
                                    std::string_view actor, std::string_view reason) {
  auto &t = live_impl(impl_).t;
  const std::string id(person_id);
  const auto index = t.people.index_of(id);
  if (!index) throw Error(Errc::not_found, "person", id, "no such person");
  if (mode != Erasure::remove && mode != Erasure::pseudonymise) {
    throw Error(Errc::invalid_argument, "mode", std::to_string(static_cast<int>(mode)),
                "must be remove or pseudonymise");
  }
  if (!date.valid())
    throw Error(Errc::out_of_range, "date", std::to_string(date.days()), "is not a supported date");

  // The pseudonym is a counter, not derived from the id: a hash of an
  // employee number could be reversed by trying every number.
  std::string pseudonym;
  for (std::size_t n = live_impl(impl_).audit.size() + 1;; ++n) {
    pseudonym = "anon-" + std::to_string(n);
    bool used = false;
    for (std::size_t k = 0; k < kind_count && !used; ++k)
      used = index_of(static_cast<Kind>(k), pseudonym).has_value();
    if (!used) break;
  }

  auto txn = live_impl(impl_).begin();
  if (mode == Erasure::remove) {
    // Groups that would shrink below two members go with the person
    // (collected first: each removal compacts the table).
    std::vector<std::string> groups;
    for (const auto &g : t.peer_groups.rows) {
      const bool member = std::find(g.members.begin(), g.members.end(), id) != g.members.end();
      if (member && g.members.size() <= 2) groups.push_back(g.id);
    }
    for (const auto &g : groups)
      txn.remove({Kind::peer_group, g, {}}, true);
    txn.remove({Kind::person, id, {}}, true);
  } else {
    // Ids made from the person id would still reveal it.
    std::vector<std::pair<Kind, std::string>> derived;
    for (const auto &p : t.participations.rows) {
      if (p.person == id && p.id.starts_with(id + "@"))
        derived.emplace_back(Kind::participation, p.id);
    }
    for (const auto &a : t.ambassadors.rows) {
      if (a.person == id && a.id.starts_with(id + "@"))
        derived.emplace_back(Kind::ambassador, a.id);
    }
    txn.rename(Kind::person, id, pseudonym);
    for (const auto &[kind, old] : derived) {
      txn.rename(kind, old, pseudonym + old.substr(id.size()));
    }
    Person p = t.people.rows[*index];
    p.name = pseudonym;
    p.email.clear();
    p.manager.clear();
    txn.update(p);
    // Free text the person wrote may name them; scores and dates stay for aggregates.
    for (std::size_t i = 0; i < t.responses.size(); ++i) {
      if (t.responses.person[i] != *index) continue;
      Response r = detail::log_row(t, t.responses, i);
      if (r.answers.empty() && r.support_needed.empty()) continue;
      const bool needed = !r.support_needed.empty();
      r.answers.assign(r.answers.size(), std::string());
      r.support_needed = needed ? "(erased)" : "";
      txn.update(r);
    }
    for (std::size_t i = 0; i < t.check_ins.size(); ++i) {
      const auto &plan = t.action_plans.rows[t.check_ins.plan[i]];
      if (plan.person != pseudonym || t.check_ins.note[i] == 0) continue;
      CheckIn c = detail::log_row(t, t.check_ins, i);
      c.note.clear();
      txn.update(c);
    }
    // An absence's reason may be health data (sick leave); its dates stay for the scheduler.
    std::vector<Absence> absences;
    for (const auto &a : t.absences.rows) {
      if (a.person == pseudonym && !a.reason.empty()) absences.push_back(a);
    }
    for (auto &a : absences) {
      a.reason.clear();
      txn.update(a);
    }
  }
  txn.finish();
  AuditRecord record{date, mode == Erasure::remove ? "erase" : "pseudonymise", pseudonym,
                     std::string(actor), std::string(reason)};
  live_impl(impl_).commit(txn, {record});
  try {
    scrub();
  } catch (const Error &e) {
    throw Error(Errc::scrub_pending, "erase_person", pseudonym,
                "the person is erased and audited as this pseudonym, but the database file is "
                "not scrubbed yet (" +
                    std::string(e.what()) + "); call scrub() when no other connection reads it");
  }
  return pseudonym;
}

void Workspace::scrub() {
  if (live_impl(impl_).store) live_impl(impl_).store->scrub();
}

}  // namespace levande
