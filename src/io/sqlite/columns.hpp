// How entity fields map to SQLite columns and back: statements, binding,
// and reading a column with the checks a value from another program needs.
// Shared by the store (sqlite_store.cpp) and the checker (salvage.cpp).
#ifndef LEVANDE_SRC_IO_SQLITE_COLUMNS_HPP
#define LEVANDE_SRC_IO_SQLITE_COLUMNS_HPP

#include <sqlite3.h>

#include <cstdint>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "levande/error.hpp"
#include "model/schema.hpp"
#include "sqlite/lists.hpp"

namespace levande::detail::sqlite {

constexpr const char *kFormat = "levande";

// A prepared statement that finalizes itself.
class Stmt {
 public:
  Stmt(sqlite3 *db, const std::string &sql) : db_(db) {
    const int rc = sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &s_, nullptr);
    if (rc == SQLITE_NOMEM) throw std::bad_alloc();
    if (rc != SQLITE_OK) {
      throw Error(Errc::io_error, std::string("database: ") + sqlite3_errmsg(db) + " in: " + sql);
    }
  }
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt(const Stmt &) = delete;
  Stmt &operator=(const Stmt &) = delete;
  sqlite3_stmt *get() const { return s_; }
  // Steps once; true while there is a row.
  bool step() {
    const int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    if (rc == SQLITE_NOMEM) throw std::bad_alloc();
    throw Error(Errc::io_error, std::string("database: ") + sqlite3_errmsg(db_));
  }
  void run() {
    step();
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }

 private:
  sqlite3 *db_;
  sqlite3_stmt *s_ = nullptr;
};

template <class M>
const char *sql_type() {
  if constexpr (std::is_same_v<M, double> || std::is_same_v<M, std::optional<double>>)
    return "REAL";
  else if constexpr (std::is_same_v<M, std::int32_t> || std::is_same_v<M, bool>)
    return "INTEGER";
  else
    return "TEXT";  // text, lists (JSON arrays), dates (ISO 8601), enums (names)
}

// A bind that failed leaves the parameter NULL: the row would be stored
// without the value, so the failure must stop the write.
inline void bound(sqlite3_stmt *s, int rc) {
  if (rc == SQLITE_OK) return;
  if (rc == SQLITE_NOMEM) throw std::bad_alloc();
  throw Error(Errc::io_error, std::string("database: cannot bind a value: ") + sqlite3_errstr(rc) +
                                  " in: " + sqlite3_sql(s));
}

inline void bind_text(sqlite3_stmt *s, int i, const std::string &v, bool null_if_empty) {
  if (v.empty() && null_if_empty)
    bound(s, sqlite3_bind_null(s, i));
  else
    bound(s, sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
}

template <class M>
void bind(sqlite3_stmt *s, int i, const M &v) {
  if constexpr (std::is_same_v<M, std::string>) {
    bind_text(s, i, v, true);
  } else if constexpr (std::is_same_v<M, std::vector<std::string>>) {
    if (v.empty())
      bound(s, sqlite3_bind_null(s, i));
    else
      bind_text(s, i, encode_list(v), false);
  } else if constexpr (std::is_same_v<M, std::vector<std::int32_t>>) {
    bind_text(s, i, encode_list(v), false);
  } else if constexpr (std::is_same_v<M, Date>) {
    bind_text(s, i, v.to_string(), false);
  } else if constexpr (std::is_same_v<M, std::optional<Date>>) {
    if (v)
      bind_text(s, i, v->to_string(), false);
    else
      bound(s, sqlite3_bind_null(s, i));
  } else if constexpr (std::is_same_v<M, double>) {
    bound(s, sqlite3_bind_double(s, i, v));
  } else if constexpr (std::is_same_v<M, std::optional<double>>) {
    if (v)
      bound(s, sqlite3_bind_double(s, i, *v));
    else
      bound(s, sqlite3_bind_null(s, i));
  } else if constexpr (std::is_same_v<M, std::int32_t> || std::is_same_v<M, bool>) {
    bound(s, sqlite3_bind_int(s, i, static_cast<int>(v)));
  } else {
    static_assert(NamedEnum<M>);
    bound(s, sqlite3_bind_text(s, i, enum_name(v), -1, SQLITE_STATIC));
  }
}

inline std::string_view column_text(sqlite3_stmt *s, int c) {
  const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(s, c));
  if (p == nullptr) {
    // Also what SQLite returns when it could not allocate the text.
    if (sqlite3_errcode(sqlite3_db_handle(s)) == SQLITE_NOMEM) throw std::bad_alloc();
    return {};
  }
  return std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(s, c)));
}

// `where` names the cell in errors and is only called then.
// Why a parser refused a stored value, without the field and value its
// message repeats ("date: day 30 does not exist ... (got "2026-02-30")").
inline std::string reason_of(const Error &e) {
  std::string_view what = e.what();
  const std::string head = e.field() + ": ", tail = " (got \"" + e.value() + "\")";
  if (!e.field().empty() && what.starts_with(head)) what.remove_prefix(head.size());
  if (what.ends_with(tail)) what.remove_suffix(tail.size());
  return std::string(what);
}

template <class M, class Where>
void read(sqlite3_stmt *s, int c, M &v, Where &&where) {
  const bool null = sqlite3_column_type(s, c) == SQLITE_NULL;
  try {
    if constexpr (std::is_same_v<M, std::string>) {
      v.assign(column_text(s, c));
    } else if constexpr (std::is_same_v<M, std::vector<std::string>>) {
      v.clear();
      if (!null) decode_list(column_text(s, c), v);
    } else if constexpr (std::is_same_v<M, std::vector<std::int32_t>>) {
      v.clear();
      if (!null) decode_list(column_text(s, c), v);
    } else if constexpr (std::is_same_v<M, Date>) {
      v = Date::parse(column_text(s, c));
    } else if constexpr (std::is_same_v<M, std::optional<Date>>) {
      if (null)
        v.reset();
      else
        v = Date::parse(column_text(s, c));
    } else if constexpr (std::is_same_v<M, double>) {
      v = sqlite3_column_double(s, c);
    } else if constexpr (std::is_same_v<M, std::optional<double>>) {
      if (null)
        v.reset();
      else
        v = sqlite3_column_double(s, c);
    } else if constexpr (std::is_same_v<M, std::int32_t> || std::is_same_v<M, bool>) {
      // Another program may have stored text or a wider number here.
      if (null) {
        v = M{};
      } else {
        if (sqlite3_column_type(s, c) != SQLITE_INTEGER)
          throw Error(Errc::corrupt, where(), std::string(column_text(s, c)), "is not an integer");
        const auto wide = sqlite3_column_int64(s, c);
        if constexpr (std::is_same_v<M, bool>) {
          if (wide != 0 && wide != 1)
            throw Error(Errc::corrupt, where(), std::to_string(wide), "is not 0 or 1");
          v = wide != 0;
        } else {
          if (wide < INT32_MIN || wide > INT32_MAX)
            throw Error(Errc::corrupt, where(), std::to_string(wide),
                        "is outside the 32-bit integers");
          v = static_cast<std::int32_t>(wide);
        }
      }
    } else {
      v = enum_from<M>(column_text(s, c), "value");
    }
  } catch (const Error &e) {
    if (e.code() == Errc::corrupt) throw;
    throw Error(Errc::corrupt, where(), e.value(), reason_of(e));
  } catch (const std::bad_alloc &) {
    throw;  // out of memory is not damage
  } catch (const std::exception &e) {
    throw Error(Errc::corrupt, where(), "", std::string("cannot be read: ") + e.what());
  }
}

template <class T>
std::vector<std::string> column_names() {
  std::vector<std::string> names;
  for_each_field<T>([&](const auto &f) { names.emplace_back(f.name); });
  return names;
}

inline std::string join(const std::vector<std::string> &parts, const std::string &sep,
                        const std::string &suffix = {}) {
  std::string out;
  for (const auto &p : parts) {
    if (!out.empty()) out += sep;
    out += '"' + p + '"' + suffix;
  }
  return out;
}

template <class T>
std::vector<std::string> key_columns() {
  if constexpr (has_id<T>)
    return {"id"};
  else if constexpr (std::is_same_v<T, CheckIn>)
    return {"plan", "scheduled"};
  else if constexpr (std::is_same_v<T, Response>)
    return {"session", "person"};
  else
    return {};
}

template <class T>
std::string insert_sql() {
  const auto cols = column_names<T>();
  std::string marks;
  for (std::size_t i = 0; i < cols.size(); ++i)
    marks += i ? ",?" : "?";
  return std::string("INSERT INTO ") + kind_name(Schema<T>::kind) + " (" + join(cols, ",") +
         ") VALUES (" + marks + ")";
}

template <class T>
void bind_all(sqlite3_stmt *s, const T &e, int first = 1) {
  int i = first;
  for_each_field<T>([&](const auto &f) { bind(s, i++, e.*(f.member)); });
}

}  // namespace levande::detail::sqlite

#endif
