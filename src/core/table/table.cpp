// Table and its export through the Arrow C Data / C Stream Interface.
//
// Every ArrowSchema / ArrowArray node owns its children through its
// private_data; arrays also hold the table (shared), so the column buffers
// the consumer sees are the table's own vectors. Validity bitmaps, string
// offsets and the dictionary bytes are built at export.
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <limits>
#include <mutex>
#include <set>

#include "levande/error.hpp"
#include "levande/table.hpp"

namespace levande {

std::size_t Table::rows() const noexcept {
  if (columns_.empty()) return 0;
  return std::visit(
      [](const auto &v) {
        if constexpr (std::is_same_v<std::decay_t<decltype(v)>, DictionaryColumn>)
          return v.codes.size();
        else
          return v.size();
      },
      columns_.front().data);
}

namespace {

// A validity bitmap (bit set = valid) from a per-row null test, and the null
// count; no bitmap when there are no nulls, which is most columns: a counting
// pass (it vectorises) finds that out before any bitmap is made.
template <class IsNull>
std::int64_t fill_validity(std::vector<std::uint8_t> &validity, std::size_t n, IsNull &&is_null) {
  std::size_t nulls = 0;
  for (std::size_t i = 0; i < n; ++i)
    nulls += is_null(i) ? 1 : 0;
  if (nulls == 0) return 0;
  validity.resize((n + 7) / 8);
  const std::size_t whole = n / 8;  // bytes of eight rows: a fixed count the compiler unrolls
  for (std::size_t byte = 0; byte < whole; ++byte) {
    unsigned bits = 0;
    for (unsigned k = 0; k < 8; ++k)
      bits |= static_cast<unsigned>(!is_null(byte * 8 + k)) << k;
    validity[byte] = static_cast<std::uint8_t>(bits);
  }
  if (whole < validity.size()) {
    unsigned bits = 0;
    for (std::size_t i = whole * 8; i < n; ++i)
      bits |= static_cast<unsigned>(!is_null(i)) << (i - whole * 8);
    validity[whole] = static_cast<std::uint8_t>(bits);
  }
  return static_cast<std::int64_t>(nulls);
}

}  // namespace

// ---- dictionary words ------------------------------------------------------------

struct DictionaryWords::Shared {
  std::vector<std::string> words;
  std::once_flag arrow_made;
  std::vector<std::int32_t> offsets;
  std::string bytes;

  explicit Shared(std::vector<std::string> w) : words(std::move(w)) {}
  void make_arrow() {
    std::call_once(arrow_made, [&] {
      std::size_t total = 0;
      for (const auto &w : words)
        total += w.size();
      if (total > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max())) {
        throw Error(Errc::invalid_argument, "words", std::to_string(total),
                    "bytes of text exceed Arrow utf8's 2 GiB");
      }
      bytes.reserve(total);
      offsets.reserve(words.size() + 1);
      offsets.push_back(0);
      for (const auto &w : words) {
        bytes += w;
        offsets.push_back(static_cast<std::int32_t>(bytes.size()));
      }
    });
  }
};

namespace {
const std::vector<std::string> no_words;
const std::vector<std::int32_t> no_offsets{0};
const std::string no_bytes;
}  // namespace

DictionaryWords::DictionaryWords(std::vector<std::string> words)
    : shared_(std::make_shared<Shared>(std::move(words))) {}

DictionaryWords::DictionaryWords(std::initializer_list<std::string> words)
    : shared_(std::make_shared<Shared>(std::vector<std::string>(words))) {}

const std::vector<std::string> &DictionaryWords::list() const noexcept {
  return shared_ ? shared_->words : no_words;
}

std::vector<std::string> &DictionaryWords::own() {
  // A list others share is copied first; one with its Arrow form made gets a
  // fresh holder (the form would no longer match).
  if (!shared_)
    shared_ = std::make_shared<Shared>(std::vector<std::string>{});
  else if (shared_.use_count() > 1)
    shared_ = std::make_shared<Shared>(shared_->words);
  else if (!shared_->offsets.empty())
    shared_ = std::make_shared<Shared>(std::move(shared_->words));
  return shared_->words;
}

void DictionaryWords::push_back(std::string word) {
  own().push_back(std::move(word));
}

void DictionaryWords::reserve(std::size_t n) {
  own().reserve(n);
}

const std::vector<std::int32_t> &DictionaryWords::arrow_offsets() const {
  if (!shared_) return no_offsets;
  shared_->make_arrow();
  return shared_->offsets;
}

const std::string &DictionaryWords::arrow_bytes() const {
  if (!shared_) return no_bytes;
  shared_->make_arrow();
  return shared_->bytes;
}

// ---- tables ---------------------------------------------------------------------

void Table::add(std::string name, ColumnData data) {
  const auto size = std::visit(
      [](const auto &v) {
        if constexpr (std::is_same_v<std::decay_t<decltype(v)>, DictionaryColumn>)
          return v.codes.size();
        else
          return v.size();
      },
      data);
  if (name.empty()) throw Error(Errc::invalid_argument, "name", "", "a column needs a name");
  for (const auto &c : columns_) {
    if (c.name == name)
      throw Error(Errc::invalid_argument, name, name, "the table already has this column");
  }
  if (!columns_.empty() && size != rows()) {
    throw Error(Errc::invalid_argument, name, std::to_string(size),
                "has a different length from the table's " + std::to_string(rows()));
  }
  if (const auto *d = std::get_if<DictionaryColumn>(&data)) {
    // One test per code, without an early exit (it vectorises); the search
    // for the bad code only runs when there is one.
    const auto words = static_cast<std::uint32_t>(d->words.size());
    unsigned bad = 0;
    for (auto code : d->codes)
      bad |= static_cast<unsigned>(static_cast<std::uint32_t>(code) + 1u > words);
    if (bad) {
      for (auto code : d->codes) {
        if (code < -1 || code >= static_cast<std::int64_t>(words))
          throw Error(Errc::invalid_argument, name, std::to_string(code),
                      "is not a code of the column's words");
      }
    }
  }
  ArrowExtras extras;
  std::visit(
      [&](const auto &v) {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, std::vector<double>>) {
          extras.nulls = fill_validity(extras.validity, v.size(),
                                       [&](std::size_t i) { return std::isnan(v[i]); });
        } else if constexpr (std::is_same_v<V, std::vector<Date>>) {
          extras.nulls = fill_validity(extras.validity, v.size(),
                                       [&](std::size_t i) { return v[i] == Date::min(); });
        } else if constexpr (std::is_same_v<V, DictionaryColumn>) {
          extras.nulls = fill_validity(extras.validity, v.codes.size(),
                                       [&](std::size_t i) { return v.codes[i] < 0; });
          v.words.arrow_offsets();  // made now (once per shared list), so export only hands out
                                    // pointers
        }
      },
      data);
  columns_.push_back({std::move(name), std::move(data)});
  extras_.push_back(std::move(extras));
}

const ColumnData &Table::operator[](const std::string &name) const {
  for (const auto &c : columns_)
    if (c.name == name) return c.data;
  throw Error(Errc::not_found, "column", name, "the table has no such column");
}

namespace {

// ---- schemas ------------------------------------------------------------------

struct SchemaNode {
  std::string format, name;
  std::vector<ArrowSchema> children;
  std::vector<ArrowSchema *> child_ptrs;
  ArrowSchema dictionary{};
};

void release_schema(ArrowSchema *s) {
  auto *node = static_cast<SchemaNode *>(s->private_data);
  for (auto &c : node->children)
    if (c.release) c.release(&c);
  if (node->dictionary.release) node->dictionary.release(&node->dictionary);
  delete node;
  s->release = nullptr;
}

void make_schema(ArrowSchema *out, std::string format, std::string name, std::int64_t flags,
                 std::size_t children = 0) {
  auto *node = new SchemaNode{std::move(format), std::move(name), {}, {}, {}};
  node->children.resize(children);
  for (auto &c : node->children)
    node->child_ptrs.push_back(&c);
  *out = ArrowSchema{node->format.c_str(),
                     node->name.c_str(),
                     nullptr,
                     flags,
                     static_cast<std::int64_t>(children),
                     children ? node->child_ptrs.data() : nullptr,
                     nullptr,
                     &release_schema,
                     node};
}

const char *format_of(const ColumnData &data) {
  switch (data.index()) {
    case 0:
      return "i";
    case 1:
      return "I";
    case 2:
      return "g";
    case 3:
      return "tdD";
    case 4:
      return "C";
    default:
      return "i";  // dictionary indices
  }
}

void table_schema(const Table &t, ArrowSchema *out) {
  make_schema(out, "+s", "", 0, t.columns().size());
  auto *node = static_cast<SchemaNode *>(out->private_data);
  for (std::size_t i = 0; i < t.columns().size(); ++i) {
    const auto &col = t.columns()[i];
    make_schema(&node->children[i], format_of(col.data), col.name, ARROW_FLAG_NULLABLE);
    if (std::holds_alternative<DictionaryColumn>(col.data)) {
      auto *child = static_cast<SchemaNode *>(node->children[i].private_data);
      make_schema(&child->dictionary, "u", "", 0);
      node->children[i].dictionary = &child->dictionary;
    }
  }
}

// ---- arrays -------------------------------------------------------------------

struct ArrayNode {
  std::shared_ptr<const Table> table;  // keeps the column buffers alive
  std::vector<const void *> buffers;
  std::vector<ArrowArray> children;
  std::vector<ArrowArray *> child_ptrs;
  ArrowArray dictionary{};
};

void release_array(ArrowArray *a) {
  auto *node = static_cast<ArrayNode *>(a->private_data);
  for (auto &c : node->children)
    if (c.release) c.release(&c);
  if (node->dictionary.release) node->dictionary.release(&node->dictionary);
  delete node;
  a->release = nullptr;
}

ArrayNode *make_array(ArrowArray *out, std::shared_ptr<const Table> table, std::int64_t length,
                      std::size_t children = 0) {
  auto *node = new ArrayNode{};
  node->table = std::move(table);
  node->children.resize(children);
  for (auto &c : node->children)
    node->child_ptrs.push_back(&c);
  *out = ArrowArray{length,  0,       0,       0,       static_cast<std::int64_t>(children),
                    nullptr, nullptr, nullptr, nullptr, node};
  out->children = children ? node->child_ptrs.data() : nullptr;
  out->release = &release_array;
  return node;
}

// A column as an Arrow array: every buffer is the table's own (values) or
// was made when the column was added (validity, dictionary strings).
void column_array(const std::shared_ptr<const Table> &t, std::size_t column, ArrowArray *out) {
  const auto n = static_cast<std::int64_t>(t->rows());
  const auto &data = t->columns()[column].data;
  const auto &extras = t->arrow_extras(column);
  auto *node = make_array(out, t, n);
  const void *values = nullptr;
  std::visit(
      [&](const auto &v) {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, DictionaryColumn>) {
          values = v.codes.data();
          auto *dict = make_array(&node->dictionary, t, static_cast<std::int64_t>(v.words.size()));
          dict->buffers = {nullptr, v.words.arrow_offsets().data(), v.words.arrow_bytes().data()};
          node->dictionary.n_buffers = 3;
          node->dictionary.buffers = dict->buffers.data();
          out->dictionary = &node->dictionary;
        } else {
          values = v.data();  // Date is an int32 day count since 1970-01-01: date32
        }
      },
      data);
  node->buffers = {extras.nulls ? extras.validity.data() : nullptr, values};
  out->null_count = extras.nulls;
  out->n_buffers = 2;
  out->buffers = node->buffers.data();
}

// ---- the stream ---------------------------------------------------------------

struct StreamState {
  std::shared_ptr<const Table> table;
  bool done = false;
  std::string error;
};

int stream_schema(ArrowArrayStream *s, ArrowSchema *out) {
  auto *state = static_cast<StreamState *>(s->private_data);
  try {
    table_schema(*state->table, out);
    return 0;
  } catch (const std::exception &e) {
    state->error = e.what();
    return ENOMEM;
  }
}

int stream_next(ArrowArrayStream *s, ArrowArray *out) {
  auto *state = static_cast<StreamState *>(s->private_data);
  try {
    if (state->done) {
      out->release = nullptr;  // end of stream
      return 0;
    }
    const auto &t = state->table;
    auto *node = make_array(out, t, static_cast<std::int64_t>(t->rows()), t->columns().size());
    node->buffers = {nullptr};
    out->n_buffers = 1;
    out->buffers = node->buffers.data();
    for (std::size_t i = 0; i < t->columns().size(); ++i)
      column_array(t, i, &node->children[i]);
    state->done = true;
    return 0;
  } catch (const std::exception &e) {
    state->error = e.what();
    return ENOMEM;
  }
}

const char *stream_error(ArrowArrayStream *s) {
  auto *state = static_cast<StreamState *>(s->private_data);
  return state->error.empty() ? nullptr : state->error.c_str();
}

void stream_release(ArrowArrayStream *s) {
  delete static_cast<StreamState *>(s->private_data);
  s->release = nullptr;
}

}  // namespace

void export_arrow(std::shared_ptr<const Table> table, ArrowArrayStream *out) {
  if (!table) throw Error(Errc::misuse, "table", "NULL", "must not be NULL");
  if (!out) throw Error(Errc::misuse, "out", "NULL", "must not be NULL");
  *out = ArrowArrayStream{&stream_schema, &stream_next, &stream_error, &stream_release,
                          new StreamState{std::move(table), false, {}}};
}

}  // namespace levande
