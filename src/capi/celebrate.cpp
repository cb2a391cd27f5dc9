// The celebrations part of the C API: found successes as tables, the feed as text.
#include "levande/celebrate.hpp"
#include "guard.hpp"
#include "levande.h"
#include "structs.hpp"
#include "table_handle.hpp"
#include "workspace_handle.hpp"

using namespace levande;
using namespace levande::capi;

namespace {

CelebrationOptions options_from(const levande_celebration_options *given) {
  const auto o = read_struct(given);
  CelebrationOptions out;
  out.milestone_step_percent = o.milestone_step_percent;
  out.kpi_improvement_percent = o.kpi_improvement_percent;
  out.streak = o.streak;
  return out;
}

}  // namespace

extern "C" {

levande_status levande_celebration_options_init(levande_celebration_options *out,
                                                size_t struct_size) {
  return init_struct(out, struct_size);
}

levande_status levande_celebrations_find(levande_table **out, const levande_workspace *ws,
                                         int32_t as_of, const levande_celebration_options *options,
                                         levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(out, "out");
    *out = nullptr;
    make_table(out, successes_table(find_successes(ws->ws, Date(as_of), options_from(options))));
  });
}

levande_status levande_celebrations_record(levande_table **out, levande_workspace *ws,
                                           int32_t as_of,
                                           const levande_celebration_options *options,
                                           levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(out, "out");
    *out = nullptr;
    make_table(out, successes_table(record_successes(ws->ws, Date(as_of), options_from(options))));
  });
}

levande_status levande_celebration_feed(char **out, const levande_workspace *ws, int32_t from,
                                        int32_t to, const char *team, int32_t uncelebrated_only,
                                        int32_t format, levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(out, "out");
    *out = nullptr;
    if (format != LEVANDE_FEED_TEXT && format != LEVANDE_FEED_MARKDOWN &&
        format != LEVANDE_FEED_NEWSLETTER) {
      throw Error(Errc::invalid_argument, "format", std::to_string(format),
                  "is not a LEVANDE_FEED_* value");
    }
    FeedOptions o;
    o.from = Date(from);
    o.to = Date(to);
    if (team) o.team = team;
    o.uncelebrated_only = uncelebrated_only != 0;
    o.format = static_cast<FeedFormat>(format);
    *out = copy_out(celebration_feed(ws->ws, o));
  });
}

}  // extern "C"
