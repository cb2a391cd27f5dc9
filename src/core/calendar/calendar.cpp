#include "levande/calendar.hpp"

#include <algorithm>
#include <optional>

#include "calendar/business_day_index.hpp"
#include "date/date_range.hpp"
#include "levande/error.hpp"

namespace levande {
namespace detail {

struct CalendarData {
  WeekdaySet weekend{Weekday::saturday, Weekday::sunday};
  std::vector<HolidayRule> rules;
  std::vector<Closure> closures;
  BlockCache cache;  // derived from the three fields above; never copied

  CalendarData() = default;
  CalendarData(const CalendarData &o) : weekend(o.weekend), rules(o.rules), closures(o.closures) {}

  void build(std::int32_t index, Block &block) const {
    const std::int32_t start = Date::min_days + (index << kBlockShift);
    const std::int32_t end = std::min(start + kBlockDays, Date::max_days + 1);  // exclusive
    for (std::int32_t d = start; d < end; ++d) {
      if (!weekend.contains(Date(d).weekday())) {
        const std::int32_t off = d - start;
        block.bits[off >> 6] |= std::uint64_t{1} << (off & 63);
      }
    }
    auto clear = [&](std::int32_t d) {
      const std::int32_t off = d - start;
      block.bits[off >> 6] &= ~(std::uint64_t{1} << (off & 63));
    };
    // A rule's date can fall outside its own year (an Easter offset of up to
    // a year, a window that crosses new year), so ask the neighbours too.
    const std::int32_t first_year = std::max(Date(start).year() - 1, 1400);
    const std::int32_t last_year = std::min(Date(end - 1).year() + 1, 9999);
    for (std::int32_t y = first_year; y <= last_year; ++y) {
      for (const HolidayRule &rule : rules) {
        const auto day = rule.date_in(y);
        if (day && day->days() >= start && day->days() < end) clear(day->days());
      }
    }
    for (const Closure &c : closures) {
      const std::int32_t lo = std::max(c.first.days(), start);
      const std::int32_t hi = std::min(c.last.days(), end - 1);
      for (std::int32_t d = lo; d <= hi; ++d)
        clear(d);
    }
    block.finish();
  }

  const Block &block(std::int32_t index) const {
    return cache.get(index, [this](std::int32_t i, Block &b) { build(i, b); });
  }
};

}  // namespace detail

namespace {

using detail::Block;
using detail::kBlockDays;
using detail::kBlockShift;
using detail::kLastIndex;
using detail::kWordsPerBlock;

std::shared_ptr<const detail::CalendarData> default_data() {
  static const auto shared = std::make_shared<const detail::CalendarData>();
  return shared;
}

void require_weekend(WeekdaySet weekend) {
  if (weekend.bits() == 0x7F) {
    throw Error(Errc::invalid_argument, "weekend", "all seven days",
                "a calendar needs at least one working weekday");
  }
}

std::int32_t index_of(Date d, const char *field) {
  detail::require_supported(d, field);
  return d.days() - Date::min_days;
}

[[noreturn]] void throw_no_business_day(Date from, std::int64_t n) {
  throw Error(Errc::out_of_range, "n", std::to_string(n),
              "no such business day from " + from.to_string() +
                  " within the supported range 1400-01-01..9999-12-31");
}

Date at(std::int32_t block, int word, int bit) {
  return Date(Date::min_days + (block << kBlockShift) + (word << 6) + bit);
}

// The n-th (n >= 1) business day strictly after `from`, if the supported
// range has one.
std::optional<Date> try_forward(const detail::CalendarData &data, Date from, std::int64_t n) {
  std::int64_t pos = static_cast<std::int64_t>(index_of(from, "date")) + 1;
  while (pos <= kLastIndex) {
    const auto bi = static_cast<std::int32_t>(pos >> kBlockShift);
    const Block &b = data.block(bi);
    const auto off = static_cast<std::int32_t>(pos & (kBlockDays - 1));
    if (off == 0 && b.total() < n) {
      n -= b.total();
      pos += kBlockDays;
      continue;
    }
    const int w = off >> 6;
    const std::uint64_t word = b.bits[w] & (~std::uint64_t{0} << (off & 63));
    const int here = detail::popcount64(word);
    if (here >= n) return at(bi, w, detail::select_bit(word, static_cast<int>(n - 1)));
    n -= here;
    const int base = b.prefix[w + 1];
    if (b.total() - base < n) {
      n -= b.total() - base;
      pos = static_cast<std::int64_t>(bi + 1) << kBlockShift;
      continue;
    }
    int w2 = w + 1;
    while (b.prefix[w2 + 1] - base < n)
      ++w2;
    return at(bi, w2,
              detail::select_bit(b.bits[w2], static_cast<int>(n - (b.prefix[w2] - base) - 1)));
  }
  return std::nullopt;
}

Date forward(const detail::CalendarData &data, Date from, std::int64_t n) {
  if (const auto d = try_forward(data, from, n)) return *d;
  throw_no_business_day(from, n);
}

// The n-th (n >= 1) business day strictly before `from`, if the supported
// range has one.
std::optional<Date> try_backward(const detail::CalendarData &data, Date from, std::int64_t n) {
  std::int64_t pos = static_cast<std::int64_t>(index_of(from, "date")) - 1;
  while (pos >= 0) {
    const auto bi = static_cast<std::int32_t>(pos >> kBlockShift);
    const Block &b = data.block(bi);
    const auto off = static_cast<std::int32_t>(pos & (kBlockDays - 1));
    if (off == kBlockDays - 1 && b.total() < n) {
      n -= b.total();
      pos -= kBlockDays;
      continue;
    }
    const int w = off >> 6;
    const int bit = off & 63;
    const std::uint64_t mask = bit == 63 ? ~std::uint64_t{0} : (std::uint64_t{1} << (bit + 1)) - 1;
    const std::uint64_t word = b.bits[w] & mask;
    const int here = detail::popcount64(word);
    if (here >= n) return at(bi, w, detail::select_bit(word, static_cast<int>(here - n)));
    n -= here;
    const int top = b.prefix[w];  // business days in words [0, w)
    if (top < n) {
      n -= top;
      pos = (static_cast<std::int64_t>(bi) << kBlockShift) - 1;
      continue;
    }
    int w2 = w - 1;
    while (top - b.prefix[w2] < n)
      --w2;
    const int after = top - b.prefix[w2 + 1];  // business days in words (w2, w)
    const int in_word = detail::popcount64(b.bits[w2]);
    return at(bi, w2, detail::select_bit(b.bits[w2], static_cast<int>(in_word - (n - after))));
  }
  return std::nullopt;
}

Date backward(const detail::CalendarData &data, Date from, std::int64_t n) {
  if (const auto d = try_backward(data, from, n)) return *d;
  throw_no_business_day(from, -n);
}

bool test(const detail::CalendarData &data, Date d, const char *field) {
  const std::int32_t i = index_of(d, field);
  return data.block(i >> kBlockShift).test(i & (kBlockDays - 1));
}

Date add(const detail::CalendarData &data, Date d, std::int32_t n) {
  if (n > 0) return forward(data, d, n);
  if (n < 0) return backward(data, d, -static_cast<std::int64_t>(n));
  return test(data, d, "date") ? d : forward(data, d, 1);
}

std::int32_t count(const detail::CalendarData &data, Date from, Date to) {
  const std::int32_t a = index_of(from, "from");
  const std::int32_t b = index_of(to, "to");
  if (b < a) return -count(data, to, from);
  const std::int32_t ba = a >> kBlockShift, bb = b >> kBlockShift;
  const std::int32_t oa = a & (kBlockDays - 1), ob = b & (kBlockDays - 1);
  if (ba == bb) {
    const Block &blk = data.block(ba);
    return blk.rank(ob) - blk.rank(oa);
  }
  const Block &first = data.block(ba);
  std::int32_t total = first.total() - first.rank(oa);
  for (std::int32_t k = ba + 1; k < bb; ++k)
    total += data.block(k).total();
  return total + data.block(bb).rank(ob);
}

Date roll_one(const detail::CalendarData &data, Date d, Roll convention) {
  if (test(data, d, "date")) return d;
  switch (convention) {
    case Roll::following:
      return forward(data, d, 1);
    case Roll::preceding:
      return backward(data, d, 1);
    case Roll::modified_following: {
      // Falls back to preceding when following changes the month or has no
      // answer (the last days of 9999).
      const auto f = try_forward(data, d, 1);
      return f && f->month() == d.month() ? *f : backward(data, d, 1);
    }
    case Roll::modified_preceding: {
      const auto p = try_backward(data, d, 1);
      return p && p->month() == d.month() ? *p : forward(data, d, 1);
    }
  }
  throw Error(Errc::invalid_argument, "convention",
              std::to_string(static_cast<unsigned>(convention)), "not a known roll convention");
}

// Runs `one(i)` for every element, prefixing an error with the element's index.
template <class Fn>
void for_each_index(std::size_t n, const char *what, Fn &&one) {
  for (std::size_t i = 0; i < n; ++i) {
    try {
      one(i);
    } catch (const Error &e) {
      throw e.within(std::string(what) + "[" + std::to_string(i) + "]");
    }
  }
}

void require_sizes(std::size_t first, std::size_t second, std::size_t out,
                   const char *second_name) {
  if (second != first && second != 1) {
    throw Error(
        Errc::invalid_argument, second_name, std::to_string(second) + " elements",
        "must have 1 element or as many as the first input (" + std::to_string(first) + ")");
  }
  if (out != first) {
    throw Error(Errc::invalid_argument, "out", std::to_string(out) + " elements",
                "must have as many elements as the input (" + std::to_string(first) + ")");
  }
}

}  // namespace

Calendar::Calendar() : data_(default_data()) {}

Calendar::Calendar(WeekdaySet weekend) : Calendar() {
  set_weekend(weekend);
}

Calendar::Calendar(std::shared_ptr<const detail::CalendarData> data) : data_(std::move(data)) {}

Calendar::Calendar(const Calendar &) = default;
Calendar::Calendar(Calendar &&other) noexcept : data_(std::move(other.data_)) {
  other.data_ = default_data();
}
Calendar &Calendar::operator=(const Calendar &) = default;
Calendar &Calendar::operator=(Calendar &&other) noexcept {
  if (this != &other) {
    data_ = std::move(other.data_);
    other.data_ = default_data();
  }
  return *this;
}
Calendar::~Calendar() = default;

Calendar Calendar::weekends_only() {
  return Calendar();
}

void Calendar::set_weekend(WeekdaySet weekend) {
  require_weekend(weekend);
  auto next = std::make_shared<detail::CalendarData>(*data_);
  next->weekend = weekend;
  data_ = std::move(next);
}

void Calendar::add_rule(HolidayRule rule) {
  auto next = std::make_shared<detail::CalendarData>(*data_);
  next->rules.push_back(std::move(rule));
  data_ = std::move(next);
}

void Calendar::add_closure(Date first, Date last, std::string name) {
  index_of(first, "first");
  index_of(last, "last");
  if (last < first) {
    throw Error(Errc::invalid_argument, "last", last.to_string(),
                "a closure cannot end before it starts (" + first.to_string() + ")");
  }
  if (name.empty()) {
    throw Error(Errc::invalid_argument, "name", name, "a closure needs a non-empty name");
  }
  auto next = std::make_shared<detail::CalendarData>(*data_);
  next->closures.push_back({first, last, std::move(name)});
  data_ = std::move(next);
}

void Calendar::merge(const Calendar &other) {
  const WeekdaySet weekend = data_->weekend | other.data_->weekend;
  require_weekend(weekend);
  auto next = std::make_shared<detail::CalendarData>(*data_);
  next->weekend = weekend;
  // Merging a calendar twice (or two calendars built on the same preset)
  // must not list a holiday twice.
  for (const HolidayRule &r : other.data_->rules) {
    if (std::find(next->rules.begin(), next->rules.end(), r) == next->rules.end()) {
      next->rules.push_back(r);
    }
  }
  for (const Closure &c : other.data_->closures) {
    if (std::find(next->closures.begin(), next->closures.end(), c) == next->closures.end()) {
      next->closures.push_back(c);
    }
  }
  data_ = std::move(next);
}

Calendar Calendar::combined(const Calendar &other) const {
  Calendar result = *this;
  result.merge(other);
  return result;
}

WeekdaySet Calendar::weekend() const noexcept {
  return data_->weekend;
}
const std::vector<HolidayRule> &Calendar::rules() const noexcept {
  return data_->rules;
}
const std::vector<Closure> &Calendar::closures() const noexcept {
  return data_->closures;
}

bool Calendar::is_business_day(Date date) const {
  return test(*data_, date, "date");
}

Date Calendar::next_business_day(Date date) const {
  return forward(*data_, date, 1);
}

Date Calendar::previous_business_day(Date date) const {
  return backward(*data_, date, 1);
}

Date Calendar::add_business_days(Date date, std::int32_t n) const {
  return add(*data_, date, n);
}

std::int32_t Calendar::business_days_between(Date from, Date to) const {
  return count(*data_, from, to);
}

Date Calendar::roll(Date date, Roll convention) const {
  return roll_one(*data_, date, convention);
}

std::vector<Holiday> Calendar::holidays(std::int32_t year) const {
  if (year < 1400 || year > 9999) {
    throw Error(Errc::out_of_range, "year", std::to_string(year),
                "outside the supported range 1400..9999");
  }
  std::vector<Holiday> out;
  const Date jan1 = Date::from_ymd(year, 1, 1);
  const Date dec31 = Date::from_ymd(year, 12, 31);
  // The days off that fall in this calendar year, whichever year's rule
  // produced them (an Easter offset or a window can cross new year).
  for (std::int32_t y = std::max(year - 1, 1400); y <= std::min(year + 1, 9999); ++y) {
    for (const HolidayRule &rule : data_->rules) {
      const auto d = rule.date_in(y);
      if (d && jan1 <= *d && *d <= dec31) out.push_back({*d, rule.name()});
    }
  }
  for (const Closure &c : data_->closures) {
    const Date lo = std::max(c.first, jan1);
    const Date hi = std::min(c.last, dec31);
    for (std::int32_t d = lo.days(); d <= hi.days(); ++d)
      out.push_back({Date(d), c.name});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Holiday &a, const Holiday &b) { return a.date < b.date; });
  return out;
}

void Calendar::is_business_day(std::span<const Date> dates, std::span<std::uint8_t> out) const {
  require_sizes(dates.size(), dates.size(), out.size(), "dates");
  for_each_index(dates.size(), "dates",
                 [&](std::size_t i) { out[i] = test(*data_, dates[i], "date") ? 1 : 0; });
}

void Calendar::add_business_days(std::span<const Date> dates, std::span<const std::int32_t> offsets,
                                 std::span<Date> out) const {
  require_sizes(dates.size(), offsets.size(), out.size(), "offsets");
  const bool broadcast = offsets.size() == 1 && dates.size() != 1;
  for_each_index(dates.size(), "dates", [&](std::size_t i) {
    out[i] = add(*data_, dates[i], offsets[broadcast ? 0 : i]);
  });
}

void Calendar::business_days_between(std::span<const Date> from, std::span<const Date> to,
                                     std::span<std::int32_t> out) const {
  // Either side may be the broadcast one (size 1); the other decides the length.
  const std::size_t n = from.size() == 1 ? to.size() : from.size();
  require_sizes(n, from.size(), out.size(), "from");
  require_sizes(n, to.size(), out.size(), "to");
  const bool one_from = from.size() == 1, one_to = to.size() == 1;
  for_each_index(n, "dates", [&](std::size_t i) {
    out[i] = count(*data_, from[one_from ? 0 : i], to[one_to ? 0 : i]);
  });
}

void Calendar::roll(std::span<const Date> dates, Roll convention, std::span<Date> out) const {
  require_sizes(dates.size(), dates.size(), out.size(), "dates");
  for_each_index(dates.size(), "dates",
                 [&](std::size_t i) { out[i] = roll_one(*data_, dates[i], convention); });
}

}  // namespace levande
