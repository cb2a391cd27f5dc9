// splitmix64: a small random generator that gives the same numbers on every
// platform (the distributions of <random> are implementation-defined), for
// the generated organisations (synthetic.cpp, demo.cpp).
#ifndef LEVANDE_SRC_CORE_SUPPORT_SPLITMIX_HPP
#define LEVANDE_SRC_CORE_SUPPORT_SPLITMIX_HPP

#include <cstdint>

namespace levande::detail {

class SplitMix {
 public:
  explicit SplitMix(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform integer in [0, n).
  std::uint32_t below(std::uint32_t n) {
    return static_cast<std::uint32_t>((next() >> 32) * n >> 32);
  }
  // Uniform double in [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  // Uniform double in [lo, hi).
  double between(double lo, double hi) { return lo + (hi - lo) * unit(); }
  // True with probability p.
  bool chance(double p) { return unit() < p; }

 private:
  std::uint64_t state_;
};

}  // namespace levande::detail

#endif
