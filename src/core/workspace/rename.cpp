// Renaming an entity everywhere it is referenced (txn.hpp), for
// pseudonymisation.
#include "levande/error.hpp"
#include "workspace/txn.hpp"

namespace levande::detail {

void Txn::rename(Kind kind, const std::string &from, const std::string &to) {
  invitations_.reset();
  visit_kind(kind, [&]<class U>() {
    if constexpr (has_id<U>) {
      auto &tab = table_of<U>(t_);
      const auto i = tab.index_of(from);
      if (!i) throw Error(Errc::not_found, kind_name(kind), from, "no such entity");
      if (tab.find(to)) throw Error(Errc::already_exists, kind_name(kind), to, "id already in use");
      snapshot(tab);
      tab.rows[*i].id = to;
      tab.index.erase(from);
      tab.index.emplace(to, *i);
    }
  });
  for (std::size_t k = 0; k < kind_count; ++k) {
    visit_kind(static_cast<Kind>(k), [&]<class T>() {
      if constexpr (has_id<T>) {
        auto &tab = table_of<T>(t_);
        for (std::uint32_t i = 0; i < tab.size(); ++i) {
          T &row = tab.rows[i];
          bool saved = false;
          for_each_ref<T>([&](const auto &f) {
            if (f.ref != kind) return;
            auto &v = row.*(f.member);
            auto fix = [&](std::string &s) {
              if (s != from) return;
              if (!saved) {
                undo_.push_back([&tab, i, old = row] { tab.rows[i] = old; });
                saved = true;
              }
              s = to;
            };
            if constexpr (std::is_same_v<std::remove_cvref_t<decltype(v)>, std::string>)
              fix(v);
            else
              for (auto &s : v)
                fix(s);
          });
        }
      }
    });
  }
  record({Change::Type::rename, kind, {}, {{"id", from}, {"to", to}}});
}

}  // namespace levande::detail
