// Small helpers shared by the C++ tests.
#ifndef LEVANDE_TESTS_CPP_TEST_HELPERS_HPP
#define LEVANDE_TESTS_CPP_TEST_HELPERS_HPP

#include <cstdint>
#include <string>
#include <vector>

#include "levande/date.hpp"
#include "levande/error.hpp"
#include "levande/io/files.hpp"
#include "levande/io/json.hpp"
#include "levande/table.hpp"
#include "levande/workspace.hpp"

namespace levande::test {

// A date from ISO text, for readable expectations.
inline Date d(const char *text) {
  return Date::parse(text);
}

// A date from its parts.
inline Date d(int y, int m, int day) {
  return Date::from_ymd(y, m, day);
}

// One value of a typed table column: cell<double>(t, "adherence", row).
template <class T>
T cell(const Table &t, const char *column, std::size_t row) {
  return std::get<std::vector<T>>(t[column])[row];
}

// The code of the levande::Error that fn throws, or Errc::ok if it throws none.
template <class Fn>
Errc code_of(Fn &&fn) {
  try {
    fn();
  } catch (const Error &e) {
    return e.code();
  }
  return Errc::ok;
}

// The bundled example programme (examples/data/programme.json), the sample
// the workspace, CSV, peer and C API tests count by hand.
inline std::string example_programme_path() {
  return std::string(LEVANDE_SOURCE_DIR) + "/examples/data/programme.json";
}
inline std::string example_programme_json() {
  return read_file(example_programme_path());
}
inline Workspace example_programme() {
  Workspace ws;
  import_json(ws, example_programme_json());
  return ws;
}

}  // namespace levande::test

#endif
