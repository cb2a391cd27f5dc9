// The report, xAPI and demo part of the C API.
#include "levande/report.hpp"
#include "guard.hpp"
#include "levande.h"
#include "levande/fixtures/demo.hpp"
#include "levande/io/xapi.hpp"
#include "workspace_handle.hpp"

using namespace levande;
using namespace levande::capi;

extern "C" {

levande_status levande_report(char **out, const levande_workspace *ws, int32_t as_of,
                              const char *title, int32_t min_respondents, int32_t format,
                              levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(out, "out");
    *out = nullptr;
    if (format != LEVANDE_REPORT_HTML && format != LEVANDE_REPORT_MARKDOWN)
      throw Error(Errc::invalid_argument, "format", std::to_string(format),
                  "is not a LEVANDE_REPORT_* value");
    ReportOptions o;
    o.as_of = Date(as_of);
    if (title) o.title = title;
    o.min_respondents = min_respondents;
    *out = copy_out(report(ws->ws, o, static_cast<ReportFormat>(format)));
  });
}

levande_status levande_xapi_statements(char **out, const levande_workspace *ws, int32_t as_of,
                                       const char *base, levande_error **out_err) {
  return on(ws, out_err, [&] {
    require(out, "out");
    *out = nullptr;
    xapi::Options o;
    o.as_of = Date(as_of);
    if (base) o.base = base;
    *out = copy_out(xapi::statements(ws->ws, o));
  });
}

levande_status levande_demo_organisation(levande_workspace **out, int32_t as_of, uint64_t seed,
                                         levande_error **out_err) {
  return guard(out_err, [&] {
    require(out, "out");
    *out = nullptr;
    auto ws = demo_organisation({Date(as_of), seed});
    *out = new levande_workspace{std::move(ws), {}, false};
  });
}

}  // extern "C"
