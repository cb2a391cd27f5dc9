// Progress metrics from Python as numpy columns; python/levande/metrics.py
// shapes them into pandas.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include "bind.hpp"
#include "date_caster.hpp"
#include "levande/metrics.hpp"
#include "py_workspace.hpp"

namespace levande::python {

namespace py = pybind11;

void bind_metrics(py::module_ &m) {
  m.def(
      "_goal_status",
      [](const PyWorkspace &self, Date as_of, double at_risk_from) {
        GoalStatusTable t;
        {
          py::gil_scoped_release unlocked;
          std::shared_lock lock(self.mutex);
          t = goal_status(self.ws, as_of, {at_risk_from});
        }
        py::dict d;
        d["current"] = copy_column<double>(t.current);
        d["measured"] = date_column(t.measured, Date::min());
        d["count"] = copy_column<std::uint32_t>(t.count);
        d["progress"] = copy_column<double>(t.progress);
        d["forecast"] = copy_column<double>(t.forecast);
        d["forecast_progress"] = copy_column<double>(t.forecast_progress);
        py::array_t<std::uint8_t> status(static_cast<py::ssize_t>(t.size()));
        std::memcpy(status.mutable_data(), t.status.data(), t.size());
        d["status"] = status;
        return d;
      },
      py::arg("workspace"), py::arg("as_of"), py::arg("at_risk_from"));
}

}  // namespace levande::python
