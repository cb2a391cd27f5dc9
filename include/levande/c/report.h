/**
 * @file levande/c/report.h
 * @brief C API of the follow-up report, the xAPI statements and the demo
 *        organisation (see levande/report.hpp, levande/io/xapi.hpp and
 *        levande/fixtures/demo.hpp).
 */
#ifndef LEVANDE_C_REPORT_H
#define LEVANDE_C_REPORT_H

#include "levande/c/common.h"
#include "levande/c/workspace.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Output format of levande_report() (levande::ReportFormat). */
typedef enum levande_report_format {
  LEVANDE_REPORT_HTML = 0,    /**< One self-contained HTML page. */
  LEVANDE_REPORT_MARKDOWN = 1 /**< The same content as Markdown. */
} levande_report_format;

/**
 * @brief The follow-up report as of @p as_of (levande::report()).
 * @param title heading of the report, or NULL for "Follow-up report"
 * @param min_respondents feedback anonymity threshold, 1–1000 (5 in C++)
 * @param format a levande_report_format value
 * @param out receives UTF-8 text; free it with levande_free()
 */
LEVANDE_API levande_status levande_report(char **out, const levande_workspace *ws, int32_t as_of,
                                          const char *title, int32_t min_respondents,
                                          int32_t format, levande_error **out_err);

/**
 * @brief The follow-up as a JSON array of xAPI 1.0.3 statements
 *        (levande::xapi::statements(), docs/xapi.md).
 * @param base base IRI of activities and accounts, or NULL for the default
 * @param out receives UTF-8 JSON; free it with levande_free()
 */
LEVANDE_API levande_status levande_xapi_statements(char **out, const levande_workspace *ws,
                                                   int32_t as_of, const char *base,
                                                   levande_error **out_err);

/**
 * @brief A new in-memory workspace holding the demo organisation with its
 *        history simulated up to @p as_of (levande::demo_organisation()).
 * @param seed 2026 gives the documented demo
 * @param out receives the workspace; destroy it with levande_workspace_destroy()
 */
LEVANDE_API levande_status levande_demo_organisation(levande_workspace **out, int32_t as_of,
                                                     uint64_t seed, levande_error **out_err);

#ifdef __cplusplus
}
#endif

#endif /* LEVANDE_C_REPORT_H */
