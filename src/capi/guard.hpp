// Shared machinery of the C API: the error object, exception-to-status
// translation, and argument checks. Nothing here is exported.
#ifndef LEVANDE_SRC_CAPI_GUARD_HPP
#define LEVANDE_SRC_CAPI_GUARD_HPP

#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <type_traits>

#include "levande.h"
#include "levande/calendar.hpp"
#include "levande/date.hpp"
#include "levande/error.hpp"

struct levande_error {
  levande_status code = LEVANDE_OK;
  std::string message;
  std::string field;
  std::string value;
};

namespace levande::capi {

static_assert(sizeof(Date) == sizeof(std::int32_t) && alignof(Date) == alignof(std::int32_t) &&
                  std::is_standard_layout_v<Date> && std::is_trivially_copyable_v<Date>,
              "levande::Date must be layout-compatible with int32_t for the C API");

// Records a failure in the thread's last error and, if asked, in *out_err.
levande_status fail(levande_error **out_err, levande_status code, const char *message,
                    const std::string &field = {}, const std::string &value = {}) noexcept;

// A non-NULL *out_err on entry holds an error the caller has not destroyed;
// writing over it would leak it, so the call is refused before it runs.
levande_status refuse_occupied_out_err(levande_error **out_err) noexcept;

// Runs `body`; any exception becomes a status. Never throws.
template <class Body>
levande_status guard(levande_error **out_err, Body &&body) noexcept {
  if (out_err != nullptr && *out_err != nullptr) return refuse_occupied_out_err(out_err);
  try {
    body();
    return LEVANDE_OK;
  } catch (const Error &e) {
    return fail(out_err, static_cast<levande_status>(e.code()), e.what(), e.field(), e.value());
  } catch (const std::bad_alloc &) {
    return fail(out_err, LEVANDE_ERR_OUT_OF_MEMORY, "out of memory");
  } catch (const std::exception &e) {
    return fail(out_err, LEVANDE_ERR_INTERNAL, e.what());
  } catch (...) {
    return fail(out_err, LEVANDE_ERR_INTERNAL, "unknown exception inside levande");
  }
}

// Throws a MISUSE error when a required pointer is NULL.
inline void require(const void *pointer, const char *name) {
  if (pointer == nullptr) {
    throw Error(Errc::misuse, name, "NULL", "must not be NULL");
  }
}

// The body of every levande_*_destroy(&handle): NULL-safe on both levels.
template <class Handle>
void destroy(Handle **handle) noexcept {
  if (handle == nullptr) return;
  delete *handle;
  *handle = nullptr;
}

// A caller's struct that starts with `size_t struct_size`, read as this
// version's: a caller built against an earlier levande passes a smaller
// struct, whose missing fields take this version's defaults. `first_size`
// is where the struct ended in the first release (the smallest a caller
// can have); a larger struct than this version's comes from a newer
// levande than the one running.
template <class T>
T struct_in(const T *given, const T &defaults, std::size_t first_size, const char *init) {
  static_assert(std::is_trivially_copyable_v<T> && std::is_standard_layout_v<T>);
  const std::size_t size = given->struct_size;
  if (size < first_size) {
    throw Error(Errc::misuse, "struct_size", std::to_string(size),
                "is smaller than any version of the struct (" + std::to_string(first_size) +
                    " bytes); initialise it with " + init);
  }
  if (size > sizeof(T)) {
    throw Error(Errc::unsupported, "struct_size", std::to_string(size),
                "is larger than this levande's struct (" + std::to_string(sizeof(T)) +
                    " bytes): the program was built against a newer levande");
  }
  T out = defaults;
  std::memcpy(static_cast<void *>(&out), static_cast<const void *>(given), size);
  out.struct_size = sizeof(T);
  return out;
}

// The body of levande_<struct>_init(out, struct_size): this version's
// defaults in the caller's struct, as much of it as the caller has.
template <class T>
levande_status struct_init(T *out, std::size_t struct_size, const T &defaults) noexcept {
  return guard(nullptr, [&] {
    require(out, "out");
    if (struct_size > sizeof(T)) {
      throw Error(Errc::unsupported, "struct_size", std::to_string(struct_size),
                  "is larger than this levande's struct (" + std::to_string(sizeof(T)) +
                      " bytes): the program was built against a newer levande");
    }
    if (struct_size < sizeof(std::size_t)) {
      throw Error(Errc::misuse, "struct_size", std::to_string(struct_size),
                  "is too small to hold struct_size; pass sizeof the struct");
    }
    std::memcpy(static_cast<void *>(out), static_cast<const void *>(&defaults), struct_size);
    out->struct_size = struct_size;
  });
}

// A roll convention from C; anything but a LEVANDE_ROLL_* value is an error.
inline Roll roll_from(levande_roll convention) {
  if (convention < LEVANDE_ROLL_FOLLOWING || convention > LEVANDE_ROLL_MODIFIED_PRECEDING) {
    throw Error(Errc::invalid_argument, "convention", std::to_string(convention),
                "not a LEVANDE_ROLL_* value");
  }
  return static_cast<Roll>(convention);
}

// A malloc'd NUL-terminated copy for the caller to levande_free().
inline char *copy_out(const std::string &text) {
  auto *block = static_cast<char *>(std::malloc(text.size() + 1));
  if (block == nullptr) throw std::bad_alloc();
  std::memcpy(block, text.data(), text.size() + 1);
  return block;
}

inline const Date *as_dates(const std::int32_t *days) {
  return reinterpret_cast<const Date *>(days);
}
inline Date *as_dates(std::int32_t *days) {
  return reinterpret_cast<Date *>(days);
}

}  // namespace levande::capi

#endif
