#include <cstdlib>

#include "guard.hpp"
#include "levande/version.hpp"

namespace levande::capi {
namespace {
thread_local levande_error last_error;
thread_local bool has_last_error = false;
}  // namespace

levande_status fail(levande_error **out_err, levande_status code, const char *message,
                    const std::string &field, const std::string &value) noexcept {
  last_error.code = code;
  has_last_error = true;
  try {
    last_error.message = message;
    last_error.field = field;
    last_error.value = value;
  } catch (...) {
    // Out of memory while recording: keep the code, drop the text.
    last_error.message.clear();
  }
  if (out_err != nullptr) {
    *out_err = new (std::nothrow) levande_error;
    if (*out_err != nullptr) {
      try {
        **out_err = last_error;
      } catch (...) {
        (*out_err)->code = code;
      }
    }
  }
  return code;
}

levande_status refuse_occupied_out_err(levande_error **out_err) noexcept {
  // Recorded as the thread's last error only: *out_err stays the caller's.
  (void)out_err;
  return fail(nullptr, LEVANDE_ERR_MISUSE,
              "out_err: *out_err holds an earlier error; destroy it "
              "(levande_error_destroy) or pass a pointer to NULL",
              "out_err", "not NULL");
}

}  // namespace levande::capi

extern "C" {

const char *levande_version(void) {
  return levande::version();
}

int32_t levande_version_number(void) {
  return LEVANDE_VERSION_NUMBER;
}

const char *levande_status_name(levande_status status) {
  return levande::errc_name(static_cast<levande::Errc>(status));
}

levande_status levande_error_code(const levande_error *err) {
  return err != nullptr ? err->code : LEVANDE_ERR_MISUSE;
}

const char *levande_error_message(const levande_error *err) {
  return err != nullptr ? err->message.c_str() : "";
}

const char *levande_error_field(const levande_error *err) {
  return err != nullptr ? err->field.c_str() : "";
}

const char *levande_error_value(const levande_error *err) {
  return err != nullptr ? err->value.c_str() : "";
}

void levande_error_destroy(levande_error **err) {
  levande::capi::destroy(err);
}

const levande_error *levande_last_error(void) {
  return levande::capi::has_last_error ? &levande::capi::last_error : nullptr;
}

void levande_free(void *ptr) {
  std::free(ptr);
}

}  // extern "C"
