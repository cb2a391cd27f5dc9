/**
 * @file levande/report.hpp
 * @brief The follow-up report: a section per step of the process, as one
 *        self-contained HTML page or as Markdown.
 */
#ifndef LEVANDE_REPORT_HPP
#define LEVANDE_REPORT_HPP

#include <cstdint>
#include <string>

#include "levande/date.hpp"
#include "levande/export.h"
#include "levande/workspace.hpp"

namespace levande {

/** @brief Output format of report(). */
enum class ReportFormat : std::uint8_t {
  html = 0,      ///< One HTML file: inline CSS and SVG charts, no scripts, nothing fetched.
  markdown = 1,  ///< The same content as text and tables (charts as their numbers).
};

/** @brief Options of report(). */
struct ReportOptions {
  Date as_of;                              ///< Every figure is as of this date; required.
  std::string title = "Follow-up report";  ///< Heading of the report.
  std::int32_t min_respondents = 5;        ///< Feedback anonymity threshold (see feedback()).
};

/**
 * @brief The report of a workspace as of a date (docs/reports.md): summary;
 *        goal progress by team and the cohort curves (step 1); check-in
 *        adherence month by month; on-the-job application (step 2); peer
 *        learning and ambassadors (step 3); feedback impact with suppressed
 *        cells marked (step 4); the celebration feed (step 5); learning hours,
 *        70-20-10 mix and budget (step 6); the six-step coverage heatmap;
 *        Phillips ROI per training. Every text from the workspace is escaped.
 * @throws Error Errc::invalid_argument naming `as_of` or `min_respondents`.
 */
LEVANDE_API std::string report(const Workspace &workspace, const ReportOptions &options,
                               ReportFormat format = ReportFormat::html);

}  // namespace levande

#endif  // LEVANDE_REPORT_HPP
