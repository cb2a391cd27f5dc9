// levande.form_peer_groups / propose_ambassador: step 3 from Python.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "bind.hpp"
#include "levande/peers.hpp"

namespace levande::python {

namespace py = pybind11;

void bind_peers(py::module_ &m) {
  py::class_<PeerGrouping>(m, "PeerGrouping",
                           "Peer groups, their mentors and the objective reached.")
      .def_readonly("groups", &PeerGrouping::groups, "Person ids per group.")
      .def_readonly("mentors", &PeerGrouping::mentors,
                    "Mentor per group ('' when capacity ran out).")
      .def_readonly("objective", &PeerGrouping::objective)
      .def_readonly("repeats", &PeerGrouping::repeats,
                    "Pairs grouped before that are together again.")
      .def("__len__", [](const PeerGrouping &g) { return g.groups.size(); })
      .def("__repr__", [](const PeerGrouping &g) {
        return "<levande.PeerGrouping " + std::to_string(g.groups.size()) + " groups, objective " +
               std::to_string(g.objective) + ">";
      });

  m.def("_form_peer_groups",
        [](const std::vector<std::tuple<std::string, std::string, double>> &candidates,
           const std::vector<std::tuple<std::string, std::string, double, std::int32_t>> &mentors,
           std::int32_t group_size, std::uint64_t seed,
           const std::vector<std::pair<std::string, std::string>> &grouped_before,
           double team_mix_weight, double spread_weight, double repeat_penalty) {
          std::vector<PeerCandidate> c;
          for (const auto &[person, team, experience] : candidates)
            c.push_back({person, team, experience});
          std::vector<PeerMentor> ms;
          for (const auto &[person, team, experience, capacity] : mentors)
            ms.push_back({person, team, experience, capacity});
          const GroupingOptions options{group_size,      seed,          grouped_before,
                                        team_mix_weight, spread_weight, repeat_penalty};
          py::gil_scoped_release unlocked;
          return form_peer_groups(c, ms, options);
        });
  m.def("_grouping_objective",
        [](const std::vector<std::tuple<std::string, std::string, double>> &candidates,
           const std::vector<std::vector<std::string>> &groups,
           const std::vector<std::pair<std::string, std::string>> &grouped_before,
           double team_mix_weight, double spread_weight, double repeat_penalty) {
          std::vector<PeerCandidate> c;
          for (const auto &[person, team, experience] : candidates)
            c.push_back({person, team, experience});
          const GroupingOptions options{
              3, 1, grouped_before, team_mix_weight, spread_weight, repeat_penalty};
          return grouping_objective(c, groups, options);
        });
}

}  // namespace levande::python
