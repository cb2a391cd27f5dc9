// The event table as a column Table with dictionary-coded text, so that
// pandas and Arrow get it without a Python object or string per row.
#include <array>
#include <deque>
#include <iterator>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>
#include <unordered_map>

#include "levande/error.hpp"
#include "levande/schedule.hpp"
#include "workspace/model_view.hpp"

namespace levande {

namespace {

// A dictionary column whose codes come per series: `code_of_series(s)` for
// each series the rows use, computed once, in series order (the series
// records are large; visiting them in row order would miss the cache).
template <class CodeOf>
DictionaryColumn per_series(const std::vector<std::uint32_t> &series,
                            const std::vector<std::uint8_t> &used, std::vector<std::string> words,
                            CodeOf &&code_of_series) {
  std::vector<std::int32_t> code(used.size(), -1);
  for (std::uint32_t s = 0; s < used.size(); ++s)
    if (used[s]) code[s] = code_of_series(s);
  DictionaryColumn c;
  c.codes.resize(series.size());
  for (std::size_t r = 0; r < series.size(); ++r)
    c.codes[r] = code[series[r]];
  c.words = std::move(words);
  return c;
}

// Distinct texts numbered in order of first appearance. Looking up a text
// already seen allocates nothing; the words live in a deque so that the
// views the index holds stay valid.
class Words {
 public:
  std::int32_t code(std::string_view text) {
    if (text.empty()) return -1;
    if (auto it = seen_.find(text); it != seen_.end()) return it->second;
    const auto code = static_cast<std::int32_t>(words_.size());
    words_.emplace_back(text);
    seen_.emplace(words_.back(), code);
    return code;
  }
  std::vector<std::string> take() {
    seen_.clear();
    return {std::make_move_iterator(words_.begin()), std::make_move_iterator(words_.end())};
  }

 private:
  std::unordered_map<std::string_view, std::int32_t> seen_;
  std::deque<std::string> words_;
};

}  // namespace

Table event_table(const Workspace &workspace, const EventTable &events,
                  std::optional<std::span<const std::uint32_t>> rows) {
  const auto &t = detail::ModelView(workspace).tables();
  const auto &list = events.series_list;
  const auto n = rows ? rows->size() : events.size();
  const auto row = [&](std::size_t i) -> std::size_t { return rows ? (*rows)[i] : i; };
  for (std::size_t i = 0; i < n; ++i) {
    const auto r = row(i);
    if (r >= events.size()) {
      throw Error(Errc::out_of_range, "rows", std::to_string(r),
                  "is past the " + std::to_string(events.size()) + " events");
    }
    if (events.series[r] >= list.size() || events.person[r] >= t.people.size()) {
      throw Error(Errc::invalid_argument, "events", std::to_string(r),
                  "refers to a series or person this workspace does not have");
    }
  }
  // The selected rows' series, and a column of the selected rows.
  std::vector<std::uint32_t> series(n);
  for (std::size_t i = 0; i < n; ++i)
    series[i] = events.series[row(i)];
  std::vector<std::uint8_t> used(list.size(), 0);
  for (auto x : series)
    used[x] = 1;
  const auto pick = [&](const auto &column) {
    std::vector<typename std::decay_t<decltype(column)>::value_type> out(n);
    for (std::size_t i = 0; i < n; ++i)
      out[i] = column[row(i)];
    return out;
  };
  Table out;
  out.add("date", pick(events.date));
  out.add("nominal", pick(events.nominal));
  DictionaryColumn person;
  person.codes.resize(n);
  for (std::size_t i = 0; i < n; ++i)
    person.codes[i] = static_cast<std::int32_t>(events.person[row(i)]);
  person.words.reserve(t.people.size());
  for (const auto &p : t.people.rows)
    person.words.push_back(p.id);
  out.add("person", std::move(person));

  // Per series first: the series records are large and rows visit them in
  // date order, so reading them per row would miss the cache on every row.
  std::vector<std::uint8_t> step_of_series(list.size()), kind_of_series(list.size());
  std::vector<std::int32_t> training_of_series(list.size());
  for (std::size_t s = 0; s < list.size(); ++s) {
    kind_of_series[s] = static_cast<std::uint8_t>(list[s].kind);
    const auto ti = list[s].training;
    training_of_series[s] =
        ti == no_index || ti >= t.trainings.size() ? -1 : static_cast<std::int32_t>(ti);
  }
  DictionaryColumn kind;
  for (std::size_t k = 0; k < event_kind_count; ++k)
    kind.words.emplace_back(to_string(static_cast<EventKind>(k)));
  for (std::size_t s = 0; s < list.size(); ++s)
    step_of_series[s] = static_cast<std::uint8_t>(step_of(list[s].kind));
  std::vector<std::uint8_t> step(n);
  kind.codes.resize(n);
  for (std::size_t r = 0; r < n; ++r) {
    step[r] = step_of_series[series[r]];
    kind.codes[r] = kind_of_series[series[r]];
  }
  out.add("step", std::move(step));
  out.add("kind", std::move(kind));
  {
    // Most titles depend on the kind and the training only: made once per pair.
    Words words;
    std::unordered_map<std::uint64_t, std::int32_t> by_kind_training;
    std::unordered_map<std::string_view, std::uint64_t> metric_ids;
    auto column = per_series(series, used, {}, [&](std::uint32_t s) {
      const auto &x = list[s];
      // Kinds whose title also names the record: learning slots and
      // competence plans (few), goals (many, but few metrics per training).
      std::uint64_t detail = 0;
      if (x.kind == EventKind::learning_slot || x.kind == EventKind::competence_review)
        return words.code(series_title(workspace, x));
      if (x.kind == EventKind::celebration_review && x.record_kind == Kind::goal) {
        const auto *goal = t.goals.find(x.record);
        if (!goal) return words.code(series_title(workspace, x));
        detail = metric_ids.try_emplace(goal->metric, metric_ids.size() + 1).first->second;
      }
      const auto key =
          (detail << 40) | (std::uint64_t{static_cast<std::uint8_t>(x.kind)} << 32) | x.training;
      auto it = by_kind_training.find(key);
      if (it == by_kind_training.end())
        it = by_kind_training.emplace(key, words.code(series_title(workspace, x))).first;
      return it->second;
    });
    column.words = words.take();
    out.add("title", std::move(column));
  }
  {
    std::vector<std::string> kinds;
    for (std::size_t k = 0; k < kind_count; ++k)
      kinds.emplace_back(kind_name(static_cast<Kind>(k)));
    out.add("record_kind", per_series(series, used, std::move(kinds), [&](std::uint32_t s) {
              return static_cast<std::int32_t>(list[s].record_kind);
            }));
  }
  {
    // A record is an entity of its kind: its dense index there finds the
    // word already given to it, without hashing the id into a new index.
    std::vector<std::string> words;
    std::array<std::vector<std::int32_t>, kind_count> of_entity;
    Words others;  // ids that are not (or no longer) entities: kept apart
    std::vector<std::int32_t> other_code;
    auto column = per_series(series, used, {}, [&](std::uint32_t s) -> std::int32_t {
      const auto &x = list[s];
      const auto of_kind = static_cast<std::size_t>(x.record_kind);
      if (x.record.empty()) return -1;
      if (const auto i = workspace.index_of(x.record_kind, x.record)) {
        auto &codes = of_entity[of_kind];
        if (codes.empty()) codes.assign(workspace.size(x.record_kind), -1);
        if (codes[*i] == -1) {
          codes[*i] = static_cast<std::int32_t>(words.size());
          words.push_back(x.record);
        }
        return codes[*i];
      }
      const auto code = others.code(x.record);
      if (static_cast<std::size_t>(code) == other_code.size()) {
        other_code.push_back(static_cast<std::int32_t>(words.size()));
        words.push_back(x.record);
      }
      return other_code[static_cast<std::size_t>(code)];
    });
    column.words = std::move(words);
    out.add("record", std::move(column));
  }
  DictionaryColumn training;
  training.codes.resize(n);
  for (std::size_t r = 0; r < n; ++r)
    training.codes[r] = training_of_series[series[r]];
  for (const auto &tr : t.trainings.rows)
    training.words.push_back(tr.id);
  out.add("training", std::move(training));
  {
    Words words;
    std::vector<std::int32_t> rule_code(events.rules.size(), -2);
    auto column = per_series(series, used, {}, [&](std::uint32_t s) {
      const auto rule = list[s].rule;
      if (rule == no_index || rule >= events.rules.size()) return -1;
      if (rule_code[rule] == -2) rule_code[rule] = words.code(events.rules[rule]);
      return rule_code[rule];
    });
    column.words = words.take();
    out.add("rule", std::move(column));
  }
  const std::pair<const char *, std::uint8_t> flags[] = {{"rolled", event_rolled},
                                                         {"levelled", event_levelled},
                                                         {"held", event_held},
                                                         {"shared", event_shared}};
  for (const auto &[name, bit] : flags) {
    std::vector<std::uint8_t> column(n);
    for (std::size_t r = 0; r < n; ++r)
      column[r] = (events.flags[row(r)] & bit) != 0;
    out.add(name, std::move(column));
  }
  return out;
}

}  // namespace levande
