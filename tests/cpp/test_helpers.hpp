// Small helpers shared by the C++ tests.
#ifndef LEVANDE_TESTS_CPP_TEST_HELPERS_HPP
#define LEVANDE_TESTS_CPP_TEST_HELPERS_HPP

#include "levande/date.hpp"
#include "levande/error.hpp"

namespace levande::test {

// A date from ISO text, for readable expectations.
inline Date d(const char *text) {
  return Date::parse(text);
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

}  // namespace levande::test

#endif
