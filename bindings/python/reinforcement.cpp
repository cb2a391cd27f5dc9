// levande.MemoryModel / Rating / MemoryState: the FSRS-6 memory model.
#include <pybind11/numpy.h>
#include <pybind11/operators.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdio>

#include "bind.hpp"
#include "date_caster.hpp"
#include "levande/error.hpp"
#include "levande/reinforcement.hpp"

namespace levande::python {

namespace py = pybind11;

void bind_reinforcement(py::module_ &m) {
  m.def(
      "rating_of",
      [](const std::string &outcome) -> std::optional<Rating> {
        for (const auto o :
             {Outcome::none, Outcome::applied, Outcome::partly, Outcome::not_applied}) {
          if (outcome == to_string(o)) return rating_of(o);
        }
        throw Error(Errc::invalid_argument, "outcome", outcome,
                    "must be none, applied, partly or not_applied");
      },
      py::arg("outcome"), "The rating a check-in outcome counts as (None for 'none').");

  py::enum_<Rating>(m, "Rating", py::arithmetic(), "A review grade, 1 (Again) to 4 (Easy).")
      .value("Again", Rating::again, "Forgotten / not applied.")
      .value("Hard", Rating::hard, "Recalled with difficulty / partly applied.")
      .value("Good", Rating::good, "Recalled / applied.")
      .value("Easy", Rating::easy, "Recalled easily.");

  py::class_<MemoryState>(m, "MemoryState",
                          "Stability (days) and difficulty (1-10) after a review.")
      .def(py::init([](double stability, double difficulty) {
             return MemoryState{stability, difficulty};
           }),
           py::arg("stability"), py::arg("difficulty"))
      .def_readonly("stability", &MemoryState::stability)
      .def_readonly("difficulty", &MemoryState::difficulty)
      .def(py::self == py::self)
      .def("__hash__",
           [](const MemoryState &s) { return py::hash(py::make_tuple(s.stability, s.difficulty)); })
      .def("__repr__", [](const MemoryState &s) {
        char text[96];
        std::snprintf(text, sizeof text, "MemoryState(stability=%.6g, difficulty=%.6g)",
                      s.stability, s.difficulty);
        return std::string(text);
      });

  py::class_<MemoryModel>(
      m, "MemoryModel",
      "The FSRS-6 memory model with the 21 published default parameters or your own.")
      .def(py::init([](std::optional<std::vector<double>> parameters) {
             return parameters ? MemoryModel(*parameters) : MemoryModel();
           }),
           py::arg("parameters") = py::none())
      .def_property_readonly("parameters",
                             [](const MemoryModel &model) {
                               const auto &w = model.parameters();
                               return std::vector<double>(w.begin(), w.end());
                             })
      .def("review", &MemoryModel::review, py::arg("state"), py::arg("elapsed_days"),
           py::arg("rating"), "The state after a review; state None is a first review.")
      .def("retrievability", &MemoryModel::retrievability, py::arg("state"),
           py::arg("elapsed_days"))
      .def("next_interval", &MemoryModel::next_interval, py::arg("state"),
           py::arg("desired_retention") = 0.9,
           "Exact days until retrievability falls to desired_retention.")
      .def("next_interval_days", &MemoryModel::next_interval_days, py::arg("state"),
           py::arg("desired_retention") = 0.9, py::arg("maximum_days") = 36500,
           "Whole days: the last day retention is still >= desired_retention, 1..maximum_days.")
      .def(
          "review_many",
          [](const MemoryModel &model,
             py::array_t<double, py::array::c_style | py::array::forcecast> stability,
             py::array_t<double, py::array::c_style | py::array::forcecast> difficulty,
             py::array_t<double, py::array::c_style | py::array::forcecast> elapsed_days,
             py::array ratings_in) {
            // Ratings are checked as integers before narrowing, so 259 or 2.9
            // is an error, not Good or Hard.
            const auto kind = ratings_in.dtype().kind();
            if (kind != 'i' && kind != 'u') {
              throw Error(Errc::invalid_argument, "ratings", std::string(1, kind),
                          "must be an integer array (1-4)");
            }
            const auto wide =
                py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>::ensure(
                    ratings_in);
            py::array_t<std::uint8_t> ratings(wide.size());
            for (py::ssize_t i = 0; i < wide.size(); ++i) {
              const auto r = wide.data()[i];
              if (r < 1 || r > 4) {
                throw Error(Errc::invalid_argument, "ratings[" + std::to_string(i) + "]",
                            std::to_string(r), "must be 1 (again) to 4 (easy)");
              }
              ratings.mutable_data()[i] = static_cast<std::uint8_t>(r);
            }
            const auto n = static_cast<std::size_t>(stability.size());
            py::array_t<double> out_s(static_cast<py::ssize_t>(n)),
                out_d(static_cast<py::ssize_t>(n));
            {
              py::gil_scoped_release unlocked;
              model.review_many(
                  {stability.data(), n},
                  {difficulty.data(), static_cast<std::size_t>(difficulty.size())},
                  {elapsed_days.data(), static_cast<std::size_t>(elapsed_days.size())},
                  {reinterpret_cast<const Rating *>(ratings.data()),
                   static_cast<std::size_t>(ratings.size())},
                  {out_s.mutable_data(), n}, {out_d.mutable_data(), n});
            }
            return py::make_tuple(out_s, out_d);
          },
          py::arg("stability"), py::arg("difficulty"), py::arg("elapsed_days"), py::arg("ratings"),
          "Many reviews at once from numpy columns; stability 0 marks a first review. "
          "Returns (stability, difficulty) arrays.")
      .def(
          "replay",
          [](const MemoryModel &model, const std::vector<Date> &dates,
             const std::vector<Rating> &ratings) { return model.replay(dates, ratings); },
          py::arg("dates"), py::arg("ratings"), "The state after reviews on these days, in order.")
      .def(
          "next_reinforcement",
          [](const MemoryModel &model, const std::vector<Date> &dates,
             const std::vector<Rating> &ratings, const Calendar &calendar, double target,
             std::int32_t maximum_days, Roll roll) {
            return model.next_reinforcement(dates, ratings, target, maximum_days, calendar, roll);
          },
          py::arg("dates"), py::arg("ratings"), py::arg("calendar"), py::arg("target") = 0.85,
          py::arg("maximum_days") = 180, py::arg("roll") = Roll::following,
          "The business day of the next reinforcement: where predicted retention falls to target.")
      .def("__repr__", [](const MemoryModel &model) {
        return model.parameters() == MemoryModel::default_parameters
                   ? std::string("MemoryModel(FSRS-6 defaults)")
                   : std::string("MemoryModel(custom parameters)");
      });
}

}  // namespace levande::python
