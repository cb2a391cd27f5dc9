// The lazily built business-day bitmap behind levande::Calendar.
//
// The supported date range is cut into blocks of 4096 days (about eleven
// years). A block holds one bit per day (1 = business day) and the running
// count of business days before each 64-day word, so that "is it a business
// day", "count business days in [a, b)" and "the n-th business day after d"
// are a few word operations instead of a walk over the rules.
//
// Blocks are built on first use and published with a compare-and-swap, so
// concurrent readers of a const Calendar need no lock; a thread that loses
// the race frees its copy and uses the winner's.
#ifndef LEVANDE_SRC_CORE_CALENDAR_BUSINESS_DAY_INDEX_HPP
#define LEVANDE_SRC_CORE_CALENDAR_BUSINESS_DAY_INDEX_HPP

#include <array>
#include <atomic>
#include <bit>
#include <cstdint>
#include <memory>

#include "levande/date.hpp"

namespace levande::detail {

inline constexpr int kBlockShift = 12;
inline constexpr std::int32_t kBlockDays = 1 << kBlockShift;
inline constexpr int kWordsPerBlock = kBlockDays / 64;
// Day index = days - Date::min_days; the last valid index and block:
inline constexpr std::int32_t kLastIndex = Date::max_days - Date::min_days;
inline constexpr std::int32_t kBlockCount = (kLastIndex >> kBlockShift) + 1;

// Bits set in x. Without a POPCNT instruction in the target (baseline
// x86-64), std::popcount becomes a call into libgcc; the inline SWAR form is
// several times faster there.
inline int popcount64(std::uint64_t x) noexcept {
#if defined(__POPCNT__) || !(defined(__x86_64__) || defined(_M_X64))
  return std::popcount(x);
#else
  x = x - ((x >> 1) & 0x5555555555555555u);
  x = (x & 0x3333333333333333u) + ((x >> 2) & 0x3333333333333333u);
  x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Fu;
  return static_cast<int>((x * 0x0101010101010101u) >> 56);
#endif
}

struct Block {
  std::array<std::uint64_t, kWordsPerBlock> bits{};
  // prefix[w] = business days in words [0, w); prefix[kWordsPerBlock] = block total.
  std::array<std::uint16_t, kWordsPerBlock + 1> prefix{};

  int total() const noexcept { return prefix[kWordsPerBlock]; }
  bool test(std::int32_t offset) const noexcept {
    return (bits[offset >> 6] >> (offset & 63)) & 1u;
  }
  // Business days in [block start, block start + offset).
  int rank(std::int32_t offset) const noexcept {
    const int w = offset >> 6;
    const std::uint64_t below = (std::uint64_t{1} << (offset & 63)) - 1;
    return prefix[w] + popcount64(bits[w] & below);
  }
  void finish() noexcept {
    for (int w = 0; w < kWordsPerBlock; ++w) {
      prefix[w + 1] = static_cast<std::uint16_t>(prefix[w] + popcount64(bits[w]));
    }
  }
};

// Position (0..63) of the k-th (0-based) set bit of x; requires k < popcount(x).
// Broadword: per-byte counts, their running sums in one multiply, then a
// short scan for the byte and within it.
inline int select_bit(std::uint64_t x, int k) noexcept {
  std::uint64_t c = x - ((x >> 1) & 0x5555555555555555u);
  c = (c & 0x3333333333333333u) + ((c >> 2) & 0x3333333333333333u);
  c = (c + (c >> 4)) & 0x0F0F0F0F0F0F0F0Fu;
  const std::uint64_t running = c * 0x0101010101010101u;  // byte i: set bits in bytes 0..i
  int byte = 0;
  while (static_cast<int>((running >> (8 * byte)) & 0xFFu) <= k)
    ++byte;
  if (byte > 0) k -= static_cast<int>((running >> (8 * (byte - 1))) & 0xFFu);
  std::uint64_t bits = (x >> (8 * byte)) & 0xFFu;
  while (k-- > 0)
    bits &= bits - 1;
  return 8 * byte + std::countr_zero(bits);
}

// Blocks of one calendar. `Build` is called as build(block_index, Block&).
class BlockCache {
 public:
  BlockCache() : slots_(new std::atomic<Block *>[kBlockCount]) {
    for (std::int32_t i = 0; i < kBlockCount; ++i)
      slots_[i].store(nullptr, std::memory_order_relaxed);
  }
  ~BlockCache() {
    for (std::int32_t i = 0; i < kBlockCount; ++i)
      delete slots_[i].load(std::memory_order_relaxed);
  }
  BlockCache(const BlockCache &) = delete;
  BlockCache &operator=(const BlockCache &) = delete;

  template <class Build>
  const Block &get(std::int32_t index, Build &&build) const {
    if (Block *b = slots_[index].load(std::memory_order_acquire)) return *b;
    auto fresh = std::make_unique<Block>();
    build(index, *fresh);
    Block *expected = nullptr;
    if (slots_[index].compare_exchange_strong(expected, fresh.get(), std::memory_order_acq_rel,
                                              std::memory_order_acquire)) {
      return *fresh.release();
    }
    return *expected;
  }

 private:
  std::unique_ptr<std::atomic<Block *>[]> slots_;
};

}  // namespace levande::detail

#endif
