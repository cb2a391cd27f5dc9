// Expansion of recurrence sets. Each period of the rule (a year, month, week
// or day, stepped by INTERVAL) is walked day by day; a day is a candidate when
// it passes every BYxxx filter (the "limit" and "expand" rows of RFC 5545's
// table both come down to that), BYSETPOS then picks from the period's
// candidates. A rule without COUNT jumps straight to the period of the first
// date asked for; a rule with COUNT is expanded once, from DTSTART.
#include <algorithm>
#include <bitset>
#include <unordered_map>

#include "date/date_range.hpp"
#include "levande/error.hpp"
#include "levande/recurrence.hpp"

namespace levande {

struct detail::RecurrenceFilters {
  Frequency freq = Frequency::daily;
  std::int32_t interval = 1;
  std::optional<std::int32_t> count;
  std::optional<Date> until;
  Weekday wkst = Weekday::monday;

  bool has_months = false, has_weekno = false, has_yday = false, has_mday = false,
       has_weekday = false;
  std::uint16_t months = 0;                  // bit m for month m
  std::uint32_t mday_pos = 0, mday_neg = 0;  // bit k: day k / day -k of the month
  std::bitset<367> yday_pos, yday_neg;       // bit k: day k / day -k of the year
  std::uint64_t weekno_pos = 0, weekno_neg = 0;
  std::uint8_t weekdays = 0;    // plain BYDAY, bit (ISO day - 1)
  std::vector<WeekdayNum> nth;  // BYDAY with ordinals
  bool nth_in_month = false;    // ordinals count within the month, else the year
  std::vector<std::int32_t> setpos;
};

namespace {

constexpr std::int32_t kMinYear = 1400;
constexpr std::int32_t kMaxYear = 9999;

// Days of a year before the 1st of each month, in a common year.
constexpr std::int32_t kDaysBeforeMonth[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

std::int32_t year_length(std::int32_t y) {
  return is_leap_year(y) ? 366 : 365;
}

// One day with the calendar facts the filters need, advanced by one day at a
// time so that walking a period costs no date conversions.
struct Day {
  std::int32_t days, y, m, d, dim, yday, ylen, wd;

  static Day at(Date date) {
    const auto p = date.ymd();
    Day x{date.days(),
          p.year,
          p.month,
          p.day,
          days_in_month(p.year, p.month),
          0,
          year_length(p.year),
          static_cast<std::int32_t>(date.weekday())};
    x.yday = kDaysBeforeMonth[p.month - 1] + p.day + (p.month > 2 && x.ylen == 366 ? 1 : 0);
    return x;
  }
  // The 1st of month m of year y, which is day number `days`: no date conversion.
  static Day first_of(std::int32_t y, std::int32_t m, std::int32_t days) {
    const std::int32_t ylen = year_length(y);
    return Day{days,
               y,
               m,
               1,
               days_in_month(y, m),
               kDaysBeforeMonth[m - 1] + 1 + (m > 2 && ylen == 366 ? 1 : 0),
               ylen,
               static_cast<std::int32_t>(Date(days).weekday())};
  }
  // To the first day of the next month.
  void next_month() {
    const std::int32_t step = dim - d + 1;
    days += step;
    yday += step;
    wd = (wd - 1 + step) % 7 + 1;
    begin_next_month();
  }
  void advance() {
    ++days;
    wd = wd == 7 ? 1 : wd + 1;
    ++yday;
    if (++d > dim) begin_next_month();
  }

 private:
  // Month, year and their lengths for a `days` that has just moved onto the 1st.
  void begin_next_month() {
    d = 1;
    if (++m > 12) {
      m = 1;
      ++y;
      yday = 1;
      ylen = year_length(y);
    }
    dim = days_in_month(y, m);
  }
};

// First day of week 1 of year y for weeks starting on `wkst`: the week that
// holds at least four days of the year (RFC 5545 BYWEEKNO, ISO 8601 for Monday).
std::int32_t week1_start(std::int32_t y, Weekday wkst) {
  // 1 January of y; the years just outside the supported range (asked about
  // for the weeks at its ends) are 365 days from their neighbours.
  const Date jan1(y > kMaxYear   ? Date::from_ymd(kMaxYear, 1, 1).days() + 365
                  : y < kMinYear ? Date::from_ymd(kMinYear, 1, 1).days() - 365
                                 : Date::from_ymd(y, 1, 1).days());
  const std::int32_t into_week =
      (static_cast<std::int32_t>(jan1.weekday()) - static_cast<std::int32_t>(wkst) + 7) % 7;
  return into_week <= 3 ? jan1.days() - into_week : jan1.days() + (7 - into_week);
}

bool matches(const detail::RecurrenceFilters &f, const Day &x) {
  if (f.has_months && !((f.months >> x.m) & 1u)) return false;
  if (f.has_mday && !((f.mday_pos >> x.d) & 1u) && !((f.mday_neg >> (x.dim - x.d + 1)) & 1u)) {
    return false;
  }
  if (f.has_yday && !f.yday_pos[static_cast<std::size_t>(x.yday)] &&
      !f.yday_neg[static_cast<std::size_t>(x.ylen - x.yday + 1)]) {
    return false;
  }
  if (f.has_weekno) {
    std::int32_t start = week1_start(x.y, f.wkst);
    std::int32_t wy = x.y;
    if (x.days < start) {
      wy = x.y - 1;
      start = week1_start(wy, f.wkst);
    } else if (const std::int32_t next = week1_start(x.y + 1, f.wkst); x.days >= next) {
      wy = x.y + 1;
      start = next;
    }
    const std::int32_t week = (x.days - start) / 7 + 1;
    const std::int32_t weeks = (week1_start(wy + 1, f.wkst) - start) / 7;
    if (!((f.weekno_pos >> week) & 1u) && !((f.weekno_neg >> (weeks - week + 1)) & 1u))
      return false;
  }
  if (f.has_weekday) {
    bool ok = (f.weekdays >> (x.wd - 1)) & 1u;
    if (!ok && !f.nth.empty()) {
      const std::int32_t pos = f.nth_in_month ? x.d - 1 : x.yday - 1;  // 0-based in scope
      const std::int32_t len = f.nth_in_month ? x.dim : x.ylen;
      const std::int32_t from_start = pos / 7 + 1, from_end = -((len - 1 - pos) / 7 + 1);
      for (const WeekdayNum &n : f.nth) {
        if (static_cast<std::int32_t>(n.weekday) == x.wd &&
            (n.ordinal == from_start || n.ordinal == from_end)) {
          ok = true;
          break;
        }
      }
    }
    if (!ok) return false;
  }
  return true;
}

struct Period {
  Date first;
  std::int32_t length;        // days
  std::int32_t y = 0, m = 0;  // year and month of `first` when it is the 1st of a month
};

}  // namespace

namespace {

std::shared_ptr<const detail::RecurrenceFilters> make_filters(const RecurrenceRule &r, Date start) {
  auto f = std::make_shared<detail::RecurrenceFilters>();
  f->freq = r.frequency();
  f->interval = r.interval();
  f->count = r.count();
  f->until = r.until();
  f->wkst = r.week_start();
  std::vector<std::int32_t> months = r.by_month(), mdays = r.by_month_day();
  std::vector<WeekdayNum> days = r.by_day();
  const bool has_weekno = !r.by_week_no().empty(), has_yday = !r.by_year_day().empty();
  const auto s = start.ymd();
  // Information the rule leaves out comes from DTSTART (RFC 5545 §3.3.10).
  if (!has_weekno && !has_yday && mdays.empty() && days.empty()) {
    if (r.frequency() == Frequency::yearly) {
      mdays = {s.day};
      if (months.empty()) months = {s.month};
    } else if (r.frequency() == Frequency::monthly) {
      mdays = {s.day};
    } else if (r.frequency() == Frequency::weekly) {
      days = {WeekdayNum{0, start.weekday()}};
    }
  }
  if (r.frequency() == Frequency::yearly && has_weekno && days.empty() && mdays.empty() &&
      !has_yday) {
    days = {WeekdayNum{0, start.weekday()}};
  }
  if (r.frequency() == Frequency::yearly && !mdays.empty() && months.empty() && !has_weekno &&
      !has_yday) {
    months = {s.month};
  }
  for (std::int32_t m : months)
    f->months |= static_cast<std::uint16_t>(1u << m);
  f->has_months = !months.empty();
  for (std::int32_t d : mdays)
    (d > 0 ? f->mday_pos : f->mday_neg) |= 1u << (d > 0 ? d : -d);
  f->has_mday = !mdays.empty();
  for (std::int32_t d : r.by_year_day())
    (d > 0 ? f->yday_pos : f->yday_neg).set(static_cast<std::size_t>(d > 0 ? d : -d));
  f->has_yday = has_yday;
  for (std::int32_t w : r.by_week_no()) {
    (w > 0 ? f->weekno_pos : f->weekno_neg) |= std::uint64_t{1} << (w > 0 ? w : -w);
  }
  f->has_weekno = has_weekno;
  for (const WeekdayNum &d : days) {
    if (d.ordinal == 0) {
      f->weekdays |= static_cast<std::uint8_t>(1u << (static_cast<unsigned>(d.weekday) - 1));
    } else {
      f->nth.push_back(d);
    }
  }
  f->has_weekday = !days.empty();
  f->nth_in_month = r.frequency() == Frequency::monthly || !months.empty();
  f->setpos = r.by_set_pos();
  return f;
}

// The k-th period of the rule (k = 0 holds DTSTART), or nothing past 9999.
std::optional<Period> period(const detail::RecurrenceFilters &f, Date start, std::int64_t k) {
  const std::int64_t step = k * f.interval;
  switch (f.freq) {
    case Frequency::daily: {
      const std::int64_t d = start.days() + step;
      if (d > Date::max_days) return std::nullopt;
      return Period{Date(static_cast<std::int32_t>(d)), 1};
    }
    case Frequency::weekly: {
      const std::int32_t back =
          (static_cast<std::int32_t>(start.weekday()) - static_cast<std::int32_t>(f.wkst) + 7) % 7;
      const std::int64_t d = static_cast<std::int64_t>(start.days()) - back + 7 * step;
      if (d > Date::max_days) return std::nullopt;
      const std::int64_t first = std::max<std::int64_t>(d, Date::min_days);
      return Period{
          Date(static_cast<std::int32_t>(first)),
          static_cast<std::int32_t>(std::min<std::int64_t>(d + 7, Date::max_days + 1) - first)};
    }
    case Frequency::monthly: {
      const auto s = start.ymd();
      const std::int64_t index = static_cast<std::int64_t>(s.year) * 12 + (s.month - 1) + step;
      const std::int64_t y = index / 12, m = index % 12 + 1;
      if (y > kMaxYear) return std::nullopt;
      const auto yy = static_cast<std::int32_t>(y), mm = static_cast<std::int32_t>(m);
      return Period{Date::from_ymd(yy, mm, 1), days_in_month(yy, mm), yy, mm};
    }
    case Frequency::yearly: {
      const std::int64_t y = start.year() + step;
      if (y > kMaxYear) return std::nullopt;
      const auto yy = static_cast<std::int32_t>(y);
      return Period{Date::from_ymd(yy, 1, 1), year_length(yy), yy, 1};
    }
  }
  return std::nullopt;
}

// The period INTERVAL periods after `p` (the k+1-th after the k-th), computed
// by day arithmetic instead of date conversions; nothing past 9999.
std::optional<Period> next_period(const detail::RecurrenceFilters &f, const Period &p) {
  std::int64_t first = p.first.days();
  switch (f.freq) {
    case Frequency::daily:
    case Frequency::weekly: {
      // Weekly periods are 7 days from their week start; the first may have
      // been cut at 1400-01-01, so step from the full week's start.
      const std::int64_t step = (f.freq == Frequency::daily ? 1 : 7) * std::int64_t{f.interval};
      if (f.freq == Frequency::weekly && p.length < 7 && p.first == Date::min()) {
        first = first + p.length - 7;
      }
      first += step;
      if (first > Date::max_days) return std::nullopt;
      const auto length = static_cast<std::int32_t>(
          std::min<std::int64_t>(f.freq == Frequency::daily ? 1 : 7, Date::max_days + 1 - first));
      return Period{Date(static_cast<std::int32_t>(first)), length};
    }
    case Frequency::monthly: {
      std::int32_t y = p.y, m = p.m;
      for (std::int32_t i = 0; i < f.interval; ++i) {
        first += days_in_month(y, m);
        if (++m > 12) {
          m = 1;
          if (++y > kMaxYear) return std::nullopt;
        }
      }
      return Period{Date(static_cast<std::int32_t>(first)), days_in_month(y, m), y, m};
    }
    case Frequency::yearly: {
      std::int32_t y = p.y;
      for (std::int32_t i = 0; i < f.interval; ++i) {
        first += year_length(y);
        if (++y > kMaxYear) return std::nullopt;
      }
      return Period{Date(static_cast<std::int32_t>(first)), year_length(y), y, 1};
    }
  }
  return std::nullopt;
}

// Index of the first period that can hold a date on or after `from`.
std::int64_t first_period_from(const detail::RecurrenceFilters &f, Date start, Date from) {
  if (from <= start) return 0;
  std::int64_t diff = 0;
  switch (f.freq) {
    case Frequency::daily:
      diff = from - start;
      break;
    case Frequency::weekly: {
      const auto back = [&](Date d) {
        return (static_cast<std::int32_t>(d.weekday()) - static_cast<std::int32_t>(f.wkst) + 7) % 7;
      };
      diff = ((from.days() - back(from)) - (start.days() - back(start))) / 7;
      break;
    }
    case Frequency::monthly: {
      const auto a = start.ymd(), b = from.ymd();
      diff = (static_cast<std::int64_t>(b.year) - a.year) * 12 + (b.month - a.month);
      break;
    }
    case Frequency::yearly:
      diff = from.year() - start.year();
      break;
  }
  return (diff + f.interval - 1) / f.interval;
}

// The rule's dates in one period, in order, after BYSETPOS.
// `walker` carries the calendar facts of the last day looked at from one
// period to the next: periods a few weeks apart are reached by stepping day by
// day, which is cheaper than converting a date (daily and weekly rules).
void expand_period(const detail::RecurrenceFilters &f, const Period &p, std::optional<Day> &walker,
                   std::vector<Date> &candidates, std::vector<Date> &out) {
  candidates.clear();
  const std::int32_t gap = walker ? p.first.days() - walker->days : -1;
  if (gap < 0 || gap > 62) {
    walker = p.y != 0 ? Day::first_of(p.y, p.m, p.first.days()) : Day::at(p.first);
  } else {
    for (std::int32_t i = 0; i < gap; ++i)
      walker->advance();
  }
  Day &x = *walker;
  for (std::int32_t i = 0; i < p.length;) {
    // A month BYMONTH leaves out is skipped whole (yearly rules walk 12 months).
    if (f.has_months && x.d == 1 && !((f.months >> x.m) & 1u) && i + x.dim <= p.length) {
      i += x.dim;
      if (i < p.length) x.next_month();
      continue;
    }
    if (matches(f, x)) candidates.emplace_back(x.days);
    if (++i < p.length) x.advance();
  }
  if (f.setpos.empty()) {
    out.insert(out.end(), candidates.begin(), candidates.end());
    return;
  }
  const std::size_t before = out.size();
  const auto n = static_cast<std::int32_t>(candidates.size());
  for (std::int32_t pos : f.setpos) {
    const std::int32_t i = pos > 0 ? pos - 1 : n + pos;
    if (i >= 0 && i < n) out.push_back(candidates[static_cast<std::size_t>(i)]);
  }
  std::sort(out.begin() + static_cast<std::ptrdiff_t>(before), out.end());
  out.erase(std::unique(out.begin() + static_cast<std::ptrdiff_t>(before), out.end()), out.end());
}

[[noreturn]] void throw_limit(std::size_t limit) {
  throw Error(Errc::out_of_range, "limit", std::to_string(limit),
              "more occurrences in the window than the limit allows; ask for a shorter window or "
              "pass a larger limit");
}

}  // namespace

Recurrence::Recurrence(RecurrenceRule rule, Date start) : start_(start), rule_(std::move(rule)) {
  detail::require_supported(start, "start");
  rebuild();
}

Recurrence::Recurrence(std::string_view rule, Date start)
    : Recurrence(RecurrenceRule::parse(rule), start) {}

Recurrence::Recurrence(Date start) : start_(start) {
  detail::require_supported(start, "start");
}

void Recurrence::rebuild() {
  filters_ = make_filters(*rule_, start_);
  if (filters_->count) {
    auto all = std::make_shared<std::vector<Date>>();
    expand_rule(start_, Date::max(), static_cast<std::size_t>(*filters_->count), *all);
    all_ = std::move(all);
  }
}

void Recurrence::add_rdate(Date date) {
  detail::require_supported(date, "rdate");
  const auto it = std::lower_bound(rdates_.begin(), rdates_.end(), date);
  if (it == rdates_.end() || *it != date) rdates_.insert(it, date);
}

void Recurrence::add_exdate(Date date) {
  detail::require_supported(date, "exdate");
  const auto it = std::lower_bound(exdates_.begin(), exdates_.end(), date);
  if (it == exdates_.end() || *it != date) exdates_.insert(it, date);
}

bool Recurrence::is_finite() const noexcept {
  return !rule_ || rule_->count() || rule_->until();
}

// Rule dates in [first, last]; with COUNT, `limit` is the count itself when
// called from rebuild(). Throws when more than `limit` dates are found.
void Recurrence::expand_rule(Date first, Date last, std::size_t limit,
                             std::vector<Date> &out) const {
  const detail::RecurrenceFilters &f = *filters_;
  if (f.count && all_) {
    const auto lo = std::lower_bound(all_->begin(), all_->end(), first);
    const auto hi = std::upper_bound(lo, all_->end(), last);
    if (static_cast<std::size_t>(hi - lo) > limit) throw_limit(limit);
    out.insert(out.end(), lo, hi);
    return;
  }
  const bool counting = f.count.has_value();  // only from rebuild(): expand from DTSTART
  const Date from = std::max(first, start_);
  Date to = last;
  if (f.until && *f.until < to) to = *f.until;
  if (to < from) return;
  // The Gregorian calendar repeats every 400 years (146097 days, a whole
  // number of weeks), and so does a rule's pattern after this many periods.
  // A rule that finds nothing for a whole cycle never finds anything again,
  // which ends the search for COUNT dates a rule cannot reach.
  const std::int64_t cycle = f.freq == Frequency::yearly    ? 400
                             : f.freq == Frequency::monthly ? 4800
                             : f.freq == Frequency::weekly  ? 20871
                                                            : 146097;
  std::int64_t empty_run = 0;
  std::optional<Day> walker;
  std::vector<Date> candidates, chunk;
  for (auto p = period(f, start_, counting ? 0 : first_period_from(f, start_, from)); p;
       p = next_period(f, *p)) {
    if (p->first > to) break;
    chunk.clear();
    expand_period(f, *p, walker, candidates, chunk);
    empty_run = chunk.empty() ? empty_run + 1 : 0;
    if (empty_run > cycle) break;
    for (Date d : chunk) {
      if (d < from || d > to) continue;
      out.push_back(d);
      if (out.size() >= limit) {
        if (counting) return;
        if (out.size() > limit) throw_limit(limit);
      }
    }
  }
}

std::vector<Date> Recurrence::between(Date first, Date last, std::size_t limit) const {
  detail::require_supported(first, "first");
  detail::require_supported(last, "last");
  std::vector<Date> dates;
  if (last < first) return dates;
  const auto ex_lo = std::lower_bound(exdates_.begin(), exdates_.end(), first);
  const auto ex_hi = std::upper_bound(ex_lo, exdates_.end(), last);
  if (rule_) expand_rule(first, last, limit + static_cast<std::size_t>(ex_hi - ex_lo), dates);
  const auto rd_lo = std::lower_bound(rdates_.begin(), rdates_.end(), first);
  const auto rd_hi = std::upper_bound(rd_lo, rdates_.end(), last);
  if (rd_lo != rd_hi) {
    std::vector<Date> merged;
    merged.reserve(dates.size() + static_cast<std::size_t>(rd_hi - rd_lo));
    std::set_union(dates.begin(), dates.end(), rd_lo, rd_hi, std::back_inserter(merged));
    dates.swap(merged);
  }
  if (ex_lo != ex_hi) {
    dates.erase(std::remove_if(dates.begin(), dates.end(),
                               [&](Date d) { return std::binary_search(ex_lo, ex_hi, d); }),
                dates.end());
  }
  if (dates.size() > limit) throw_limit(limit);
  return dates;
}

std::optional<Date> Recurrence::next_after(Date date) const {
  detail::require_supported(date, "date");
  if (date == Date::max()) return std::nullopt;
  return occurrences_from(Date(date.days() + 1)).next();
}

RecurrenceCursor Recurrence::occurrences_from(Date from) const {
  return RecurrenceCursor(*this, from);
}

RecurrenceCursor::RecurrenceCursor(Recurrence recurrence, Date from)
    : source_(std::move(recurrence)), from_(from) {
  detail::require_supported(from, "from");
}

std::optional<Date> RecurrenceCursor::next() {
  while (at_ == buffer_.size()) {
    if (done_) return std::nullopt;
    // The next stretch: short at first (the common "next few dates"), then
    // longer while stretches come back empty, so sparse rules stay cheap.
    const std::int64_t end =
        std::min<std::int64_t>(std::int64_t{from_.days()} + stretch_ - 1, Date::max_days);
    buffer_ = source_.between(from_, Date(static_cast<std::int32_t>(end)));
    at_ = 0;
    if (end == Date::max_days) {
      done_ = true;
    } else {
      from_ = Date(static_cast<std::int32_t>(end + 1));
      if (buffer_.empty() && stretch_ < (1 << 16)) stretch_ *= 2;
    }
    // A finite set past its last date has nothing more to give.
    if (buffer_.empty() && source_.is_finite()) {
      const auto &rd = source_.rdates();
      const bool rdates_left = !rd.empty() && rd.back() >= from_;
      const auto &rule = source_.rule();
      bool rule_left = false;
      if (rule) {
        if (rule->until()) rule_left = *rule->until() >= from_;
        if (rule->count()) {
          const auto all = source_.between(from_, Date::max(), RecurrenceRule::max_count);
          rule_left = !all.empty();
        }
      }
      if (!rdates_left && !rule_left) done_ = true;
    }
  }
  return buffer_[at_++];
}

ExpandedColumn expand_many(std::span<const std::string> rules, std::span<const Date> starts,
                           Date first, Date last, std::size_t limit) {
  if (starts.size() != rules.size() && starts.size() != 1) {
    throw Error(Errc::invalid_argument, "starts", std::to_string(starts.size()) + " dates",
                "must have 1 date or one per rule (" + std::to_string(rules.size()) + ")");
  }
  ExpandedColumn out;
  out.offsets.reserve(rules.size() + 1);
  out.offsets.push_back(0);
  std::unordered_map<std::string_view, RecurrenceRule> parsed;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    try {
      auto it = parsed.find(rules[i]);
      if (it == parsed.end()) it = parsed.emplace(rules[i], RecurrenceRule::parse(rules[i])).first;
      const Recurrence rec(it->second, starts[starts.size() == 1 ? 0 : i]);
      const auto dates = rec.between(first, last, limit);
      out.dates.insert(out.dates.end(), dates.begin(), dates.end());
    } catch (const Error &e) {
      throw e.within("rules[" + std::to_string(i) + "]");
    }
    out.offsets.push_back(static_cast<std::int64_t>(out.dates.size()));
  }
  return out;
}

std::vector<Date> adjust_to_business_days(std::span<const Date> dates, const Calendar &calendar,
                                          Adjustment how) {
  std::vector<Date> out;
  out.reserve(dates.size());
  for (Date d : dates) {
    if (calendar.is_business_day(d)) {
      out.push_back(d);
      continue;
    }
    switch (how) {
      case Adjustment::skip:
        break;
      case Adjustment::following:
        out.push_back(calendar.roll(d, Roll::following));
        break;
      case Adjustment::preceding:
        out.push_back(calendar.roll(d, Roll::preceding));
        break;
      case Adjustment::modified_following:
        out.push_back(calendar.roll(d, Roll::modified_following));
        break;
      case Adjustment::modified_preceding:
        out.push_back(calendar.roll(d, Roll::modified_preceding));
        break;
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<Date> adjusted_between(const Recurrence &recurrence, const Calendar &calendar,
                                   Adjustment how, Date first, Date last, std::size_t limit) {
  detail::require_supported(first, "first");
  detail::require_supported(last, "last");
  if (last < first) return {};
  // A date in the run of non-business days just before `first` (or after
  // `last`) can roll into the window: widen the expansion by those runs.
  Date lo = first, hi = last;
  while (lo > Date::min() && !calendar.is_business_day(Date(lo.days() - 1)))
    lo = Date(lo.days() - 1);
  while (hi < Date::max() && !calendar.is_business_day(Date(hi.days() + 1)))
    hi = Date(hi.days() + 1);
  const auto source =
      recurrence.between(lo, hi, limit + static_cast<std::size_t>((first - lo) + (hi - last)));
  auto adjusted = adjust_to_business_days(source, calendar, how);
  adjusted.erase(std::remove_if(adjusted.begin(), adjusted.end(),
                                [&](Date d) { return d < first || d > last; }),
                 adjusted.end());
  if (adjusted.size() > limit) throw_limit(limit);
  return adjusted;
}

}  // namespace levande
