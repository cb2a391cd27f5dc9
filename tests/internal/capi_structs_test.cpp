// Reading the C API's versioned structs (src/capi/guard.hpp): a struct from
// an earlier version, shorter, keeps its own fields and takes this
// version's defaults for the rest. levande 0.1 is the first release, so the
// public structs cannot show it yet; two versions of a made-up struct do.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>

#include "guard.hpp"

namespace {

// Version 2 of a struct; version 1 ended after `a`.
struct Options {
  size_t struct_size;
  int32_t a;
  double b;  // added in version 2
};
struct OptionsV1 {
  size_t struct_size;
  int32_t a;
};
constexpr size_t first_size = offsetof(Options, a) + sizeof(int32_t);
const Options defaults{sizeof(Options), 7, 0.25};

TEST(CApiStructs, AnEarlierVersionTakesTheDefaultsOfWhatItLacks) {
  const OptionsV1 v1{sizeof(OptionsV1), 42};
  const auto read = levande::capi::struct_in(reinterpret_cast<const Options *>(&v1), defaults,
                                             first_size, "OPTIONS_INIT");
  EXPECT_EQ(read.a, 42);    // the caller's
  EXPECT_EQ(read.b, 0.25);  // this version's default
  EXPECT_EQ(read.struct_size, sizeof(Options));
}

TEST(CApiStructs, ThisVersionIsReadWhole) {
  const Options v2{sizeof(Options), 1, 2.5};
  const auto read = levande::capi::struct_in(&v2, defaults, first_size, "OPTIONS_INIT");
  EXPECT_EQ(read.a, 1);
  EXPECT_EQ(read.b, 2.5);
}

TEST(CApiStructs, NoVersionsSizeIsRefused) {
  Options bad{sizeof(size_t), 1, 2.5};
  try {
    (void)levande::capi::struct_in(&bad, defaults, first_size, "OPTIONS_INIT");
    FAIL();
  } catch (const levande::Error &e) {
    EXPECT_EQ(e.code(), levande::Errc::misuse);
    EXPECT_EQ(e.field(), "struct_size");
    EXPECT_NE(std::string(e.what()).find("OPTIONS_INIT"), std::string::npos);
  }
  bad.struct_size = sizeof(Options) + 8;  // a newer version's
  try {
    (void)levande::capi::struct_in(&bad, defaults, first_size, "OPTIONS_INIT");
    FAIL();
  } catch (const levande::Error &e) {
    EXPECT_EQ(e.code(), levande::Errc::unsupported);
  }
}

}  // namespace
