// Progress metrics from Python as numpy columns; python/levande/metrics.py
// shapes them into pandas.
#include <algorithm>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include "bind.hpp"
#include "date_caster.hpp"
#include "levande/error.hpp"
#include "levande/metrics.hpp"
#include "py_table.hpp"
#include "py_workspace.hpp"

namespace levande::python {

namespace py = pybind11;

void bind_metrics(py::module_ &m) {
  m.def(
      "_goal_status",
      [](const PyWorkspace &self, Date as_of, double at_risk_from) {
        py::gil_scoped_release unlocked;
        std::shared_lock lock(self.mutex);
        return PyTable{std::make_shared<const Table>(
            to_table(self.ws, goal_status(self.ws, as_of, {at_risk_from})))};
      },
      py::arg("workspace"), py::arg("as_of"), py::arg("at_risk_from"));
  m.def(
      "_engagement",
      [](const PyWorkspace &self, Date as_of, const std::string &by, std::int32_t tolerance_days) {
        GroupBy group = GroupBy::person;
        if (by == "team")
          group = GroupBy::team;
        else if (by != "person")
          throw Error(Errc::invalid_argument, "by", by, "must be \"person\" or \"team\"");
        py::gil_scoped_release unlocked;
        std::shared_lock lock(self.mutex);
        return PyTable{
            std::make_shared<const Table>(engagement(self.ws, as_of, group, {tolerance_days}))};
      },
      py::arg("workspace"), py::arg("as_of"), py::arg("by"), py::arg("tolerance_days"));
  m.def(
      "_feedback",
      [](const PyWorkspace &self, Date as_of, const std::string &by, std::int32_t min_respondents) {
        FeedbackBy group = FeedbackBy::team;
        if (by == "training")
          group = FeedbackBy::training;
        else if (by != "team")
          throw Error(Errc::invalid_argument, "by", by, "must be \"team\" or \"training\"");
        py::gil_scoped_release unlocked;
        std::shared_lock lock(self.mutex);
        return PyTable{
            std::make_shared<const Table>(feedback(self.ws, as_of, group, {min_respondents}))};
      },
      py::arg("workspace"), py::arg("as_of"), py::arg("by"), py::arg("min_respondents"));
  m.def(
      "_training_outcomes",
      [](const PyWorkspace &self, Date as_of, std::int32_t application_days, double attribution,
         double confidence) {
        py::gil_scoped_release unlocked;
        std::shared_lock lock(self.mutex);
        return PyTable{std::make_shared<const Table>(
            training_outcomes(self.ws, as_of, {application_days, attribution, confidence}))};
      },
      py::arg("workspace"), py::arg("as_of"), py::arg("application_days"), py::arg("attribution"),
      py::arg("confidence"));
  m.def(
      "_coverage",
      [](const PyWorkspace &self, Date as_of) {
        py::gil_scoped_release unlocked;
        std::shared_lock lock(self.mutex);
        return PyTable{std::make_shared<const Table>(coverage(self.ws, as_of))};
      },
      py::arg("workspace"), py::arg("as_of"));
  m.def(
      "_retention",
      [](const PyWorkspace &self, Date as_of, const MemoryModel &model, double target) {
        py::gil_scoped_release unlocked;
        std::shared_lock lock(self.mutex);
        return PyTable{std::make_shared<const Table>(retention(self.ws, as_of, {model, target}))};
      },
      py::arg("workspace"), py::arg("as_of"), py::arg("model"), py::arg("target"));
  m.def(
      "_cohort_curves",
      [](const PyWorkspace &self, Date as_of, std::int32_t step_days, std::int32_t max_days) {
        py::gil_scoped_release unlocked;
        std::shared_lock lock(self.mutex);
        return PyTable{
            std::make_shared<const Table>(cohort_curves(self.ws, as_of, {step_days, max_days}))};
      },
      py::arg("workspace"), py::arg("as_of"), py::arg("step_days"), py::arg("max_days"));
  m.def(
      "_goal_rollup",
      [](const PyWorkspace &self, Date as_of, const std::string &by, double at_risk_from,
         std::int32_t department_depth) {
        static const std::pair<const char *, RollupBy> names[] = {
            {"person", RollupBy::person},         {"team", RollupBy::team},
            {"department", RollupBy::department}, {"training", RollupBy::training},
            {"skill", RollupBy::skill},           {"cohort", RollupBy::cohort}};
        const auto *found = std::find_if(std::begin(names), std::end(names),
                                         [&](const auto &n) { return by == n.first; });
        if (found == std::end(names)) {
          throw Error(Errc::invalid_argument, "by", by,
                      "must be \"person\", \"team\", \"department\", \"training\", "
                      "\"skill\" or \"cohort\"");
        }
        py::gil_scoped_release unlocked;
        std::shared_lock lock(self.mutex);
        return PyTable{std::make_shared<const Table>(
            goal_rollup(self.ws, as_of, found->second, {{at_risk_from}, department_depth}))};
      },
      py::arg("workspace"), py::arg("as_of"), py::arg("by"), py::arg("at_risk_from"),
      py::arg("department_depth"));
  m.def(
      "_metrics_pass",
      [](const PyWorkspace &self, Date as_of, const MetricsPassOptions &options) {
        std::vector<std::pair<std::string, PyTable>> out;
        {
          py::gil_scoped_release unlocked;
          std::shared_lock lock(self.mutex);
          auto pass = metrics_pass(self.ws, as_of, options);
          for (const auto &[name, table] : pass.tables()) {
            if (table->columns().empty()) continue;  // retention when not asked for
            out.emplace_back(name, PyTable{std::make_shared<const Table>(std::move(*table))});
          }
        }
        py::list named;
        for (auto &[name, table] : out)
          named.append(py::make_tuple(name, std::move(table)));
        return named;
      },
      py::arg("workspace"), py::arg("as_of"), py::arg("options"));
  py::class_<MetricsPassOptions>(m, "_MetricsPassOptions")
      .def(py::init<>())
      .def_property(
          "at_risk_from", [](const MetricsPassOptions &o) { return o.status.at_risk_from; },
          [](MetricsPassOptions &o, double v) { o.status.at_risk_from = v; })
      .def_property(
          "tolerance_days", [](const MetricsPassOptions &o) { return o.engagement.tolerance_days; },
          [](MetricsPassOptions &o, std::int32_t v) { o.engagement.tolerance_days = v; })
      .def_property(
          "min_respondents", [](const MetricsPassOptions &o) { return o.feedback.min_respondents; },
          [](MetricsPassOptions &o, std::int32_t v) { o.feedback.min_respondents = v; })
      .def_property(
          "application_days",
          [](const MetricsPassOptions &o) { return o.outcomes.application_days; },
          [](MetricsPassOptions &o, std::int32_t v) { o.outcomes.application_days = v; })
      .def_property(
          "attribution", [](const MetricsPassOptions &o) { return o.outcomes.attribution; },
          [](MetricsPassOptions &o, double v) { o.outcomes.attribution = v; })
      .def_property(
          "confidence", [](const MetricsPassOptions &o) { return o.outcomes.confidence; },
          [](MetricsPassOptions &o, double v) { o.outcomes.confidence = v; })
      .def_property(
          "step_days", [](const MetricsPassOptions &o) { return o.cohorts.step_days; },
          [](MetricsPassOptions &o, std::int32_t v) { o.cohorts.step_days = v; })
      .def_property(
          "max_days", [](const MetricsPassOptions &o) { return o.cohorts.max_days; },
          [](MetricsPassOptions &o, std::int32_t v) { o.cohorts.max_days = v; })
      .def_readwrite("department_depth", &MetricsPassOptions::department_depth)
      .def_readwrite("with_retention", &MetricsPassOptions::with_retention)
      .def_property(
          "model", [](const MetricsPassOptions &o) { return o.retention.model; },
          [](MetricsPassOptions &o, const MemoryModel &v) { o.retention.model = v; })
      .def_property(
          "target", [](const MetricsPassOptions &o) { return o.retention.target; },
          [](MetricsPassOptions &o, double v) { o.retention.target = v; });
}

}  // namespace levande::python
