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
#ifndef LEVANDE_SRC_DETAIL_BUSINESS_DAY_INDEX_HPP
#define LEVANDE_SRC_DETAIL_BUSINESS_DAY_INDEX_HPP

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

struct Block {
  std::array<std::uint64_t, kWordsPerBlock> bits{};
  // prefix[w] = business days in words [0, w); prefix[kWordsPerBlock] = block total.
  std::array<std::uint16_t, kWordsPerBlock + 1> prefix{};

  int total() const noexcept { return prefix[kWordsPerBlock]; }
  bool test(std::int32_t offset) const noexcept { return (bits[offset >> 6] >> (offset & 63)) & 1u; }
  // Business days in [block start, block start + offset).
  int rank(std::int32_t offset) const noexcept {
    const int w = offset >> 6;
    const std::uint64_t below = (std::uint64_t{1} << (offset & 63)) - 1;
    return prefix[w] + std::popcount(bits[w] & below);
  }
  void finish() noexcept {
    for (int w = 0; w < kWordsPerBlock; ++w) {
      prefix[w + 1] = static_cast<std::uint16_t>(prefix[w] + std::popcount(bits[w]));
    }
  }
};

// Position (0..63) of the k-th (0-based) set bit of x; requires k < popcount(x).
inline int select_bit(std::uint64_t x, int k) noexcept {
  int base = 0;
  for (;;) {
    const int c = std::popcount(x & 0xFFu);
    if (k < c) break;
    k -= c;
    x >>= 8;
    base += 8;
  }
  std::uint64_t byte = x & 0xFFu;
  while (k-- > 0) byte &= byte - 1;
  return base + std::countr_zero(byte);
}

// Blocks of one calendar. `Build` is called as build(block_index, Block&).
class BlockCache {
 public:
  BlockCache() : slots_(new std::atomic<Block *>[kBlockCount]) {
    for (std::int32_t i = 0; i < kBlockCount; ++i) slots_[i].store(nullptr, std::memory_order_relaxed);
  }
  ~BlockCache() {
    for (std::int32_t i = 0; i < kBlockCount; ++i) delete slots_[i].load(std::memory_order_relaxed);
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
