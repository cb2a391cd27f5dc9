// Step 5 from Python: found successes as tables, the feed as text.
#include <pybind11/pybind11.h>

#include "bind.hpp"
#include "date_caster.hpp"
#include "levande/celebrate.hpp"
#include "levande/error.hpp"
#include "py_table.hpp"
#include "py_workspace.hpp"

namespace levande::python {

namespace py = pybind11;

void bind_celebrate(py::module_ &m) {
  m.def(
      "_celebrations",
      [](PyWorkspace &self, Date as_of, bool record, std::int32_t milestone_step_percent,
         double kpi_improvement_percent, std::int32_t streak) {
        const CelebrationOptions o{milestone_step_percent, kpi_improvement_percent, streak};
        py::gil_scoped_release unlocked;
        std::vector<Success> found;
        if (record) {
          std::unique_lock lock(self.mutex);
          found = record_successes(self.ws, as_of, o);
        } else {
          std::shared_lock lock(self.mutex);
          found = find_successes(self.ws, as_of, o);
        }
        return PyTable{std::make_shared<const Table>(successes_table(found))};
      },
      py::arg("workspace"), py::arg("as_of"), py::arg("record"), py::arg("milestone_step_percent"),
      py::arg("kpi_improvement_percent"), py::arg("streak"));
  m.def(
      "_celebration_feed",
      [](const PyWorkspace &self, Date from, Date to, const std::string &team,
         bool uncelebrated_only, const std::string &format, const std::string &language) {
        FeedOptions o;
        o.language = language;
        o.from = from;
        o.to = to;
        o.team = team;
        o.uncelebrated_only = uncelebrated_only;
        if (format == "markdown")
          o.format = FeedFormat::markdown;
        else if (format == "newsletter")
          o.format = FeedFormat::newsletter;
        else if (format != "text")
          throw Error(Errc::invalid_argument, "format", format,
                      "must be \"text\", \"markdown\" or \"newsletter\"");
        py::gil_scoped_release unlocked;
        std::shared_lock lock(self.mutex);
        return celebration_feed(self.ws, o);
      },
      py::arg("workspace"), py::arg("from"), py::arg("to"), py::arg("team"),
      py::arg("uncelebrated_only"), py::arg("format"), py::arg("language") = "");
}

}  // namespace levande::python
