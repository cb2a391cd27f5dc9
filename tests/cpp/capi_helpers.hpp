// Helpers shared by the C API tests; they go through the C API only.
#ifndef LEVANDE_TESTS_CPP_CAPI_HELPERS_HPP
#define LEVANDE_TESTS_CPP_CAPI_HELPERS_HPP

#include <gtest/gtest.h>

#include "levande.h"

// A date from ISO text, parsed by the C API itself.
inline int32_t day(const char *text) {
  int32_t out = 0;
  EXPECT_EQ(levande_date_parse(&out, text, nullptr), LEVANDE_OK) << text;
  return out;
}

#endif
