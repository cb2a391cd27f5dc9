#include <cstdlib>
#include <cstring>

#include "guard.hpp"
#include "handles.hpp"
#include "recurrence_helpers.hpp"

using levande::Date;
using levande::Errc;
using levande::Error;
using levande::Recurrence;
using levande::capi::adjustment_from;
using levande::capi::give;
using levande::capi::guard;
using levande::capi::require;

namespace {

std::size_t limit_or_default(size_t limit) {
  return limit == LEVANDE_DEFAULT_LIMIT ? Recurrence::default_limit : limit;
}

}  // namespace

extern "C" {

levande_status levande_recurrence_create(levande_recurrence **out, const char *rule, int32_t start,
                                         levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    *out = rule == nullptr
               ? new levande_recurrence{Recurrence(Date(start))}
               : new levande_recurrence{Recurrence(std::string_view(rule), Date(start))};
  });
}

void levande_recurrence_destroy(levande_recurrence **rec) {
  levande::capi::destroy(rec);
}

levande_status levande_recurrence_add_rdate(levande_recurrence *rec, int32_t date,
                                            levande_error **out_err) {
  return guard(out_err, [&] {
    require(rec, "rec");
    rec->rec.add_rdate(Date(date));
  });
}

levande_status levande_recurrence_add_exdate(levande_recurrence *rec, int32_t date,
                                             levande_error **out_err) {
  return guard(out_err, [&] {
    require(rec, "rec");
    rec->rec.add_exdate(Date(date));
  });
}

levande_status levande_recurrence_rule_string(char **out, const levande_recurrence *rec,
                                              levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    require(rec, "rec");
    const std::string text = rec->rec.rule() ? rec->rec.rule()->to_string() : std::string();
    auto *block = static_cast<char *>(std::malloc(text.size() + 1));
    if (block == nullptr) throw std::bad_alloc();
    std::memcpy(block, text.c_str(), text.size() + 1);
    *out = block;
  });
}

levande_status levande_recurrence_between(int32_t **out, size_t *out_count,
                                          const levande_recurrence *rec, int32_t first,
                                          int32_t last, size_t limit, levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    require(out_count, "out_count");
    require(rec, "rec");
    give(rec->rec.between(Date(first), Date(last), limit_or_default(limit)), out, out_count);
  });
}

levande_status levande_recurrence_next_after(int32_t *out, int32_t *out_found,
                                             const levande_recurrence *rec, int32_t date,
                                             levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    require(out_found, "out_found");
    require(rec, "rec");
    const auto next = rec->rec.next_after(Date(date));
    *out_found = next ? 1 : 0;
    if (next) *out = next->days();
  });
}

levande_status levande_recurrence_adjusted_between(
    int32_t **out, size_t *out_count, const levande_recurrence *rec, const levande_calendar *cal,
    levande_adjustment how, int32_t first, int32_t last, size_t limit, levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    require(out_count, "out_count");
    require(rec, "rec");
    require(cal, "cal");
    give(levande::adjusted_between(rec->rec, cal->cal, adjustment_from(how), Date(first),
                                   Date(last), limit_or_default(limit)),
         out, out_count);
  });
}

}  // extern "C"
