#include "sqlite/lists.hpp"

#include <limits>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace levande::detail::sqlite {

namespace {

using json = nlohmann::json;

// Accepts exactly one flat array whose items are of type Item.
template <class Item>
class ListReader : public nlohmann::json_sax<json> {
 public:
  explicit ListReader(std::vector<Item> &out) : out_(out) {}

  bool start_array(std::size_t) override {
    if (depth_++ != 0) return refuse("a list inside the list");
    return true;
  }
  bool end_array() override {
    --depth_;
    return true;
  }
  bool string(string_t &value) override {
    if constexpr (std::is_same_v<Item, std::string>) {
      if (depth_ != 1) return refuse("a text outside a list");
      out_.push_back(std::move(value));
      return true;
    } else {
      return refuse("a text where a number belongs");
    }
  }
  bool number_integer(number_integer_t value) override { return integer(value); }
  bool number_unsigned(number_unsigned_t value) override {
    if (value > static_cast<number_unsigned_t>(std::numeric_limits<std::int32_t>::max()))
      return refuse("a number outside the 32-bit integers");
    return integer(static_cast<number_integer_t>(value));
  }
  bool number_float(number_float_t, const string_t &) override {
    return refuse("a fraction where a whole number or text belongs");
  }
  bool null() override { return refuse("null in a list"); }
  bool boolean(bool) override { return refuse("true or false in a list"); }
  bool binary(binary_t &) override { return refuse("binary data in a list"); }
  bool start_object(std::size_t) override { return refuse("an object where a list belongs"); }
  bool key(string_t &) override { return refuse("an object where a list belongs"); }
  bool end_object() override { return refuse("an object where a list belongs"); }
  bool parse_error(std::size_t position, const std::string &,
                   const nlohmann::detail::exception &) override {
    return refuse("not JSON (at byte " + std::to_string(position) + ")");
  }

  const std::string &why() const { return why_; }

 private:
  bool integer(number_integer_t value) {
    if constexpr (std::is_same_v<Item, std::int32_t>) {
      if (depth_ != 1) return refuse("a number outside a list");
      if (value < std::numeric_limits<std::int32_t>::min() ||
          value > std::numeric_limits<std::int32_t>::max())
        return refuse("a number outside the 32-bit integers");
      out_.push_back(static_cast<std::int32_t>(value));
      return true;
    } else {
      return refuse("a number where a text belongs");
    }
  }
  bool refuse(std::string why) {
    if (why_.empty()) why_ = std::move(why);
    return false;
  }

  std::vector<Item> &out_;
  int depth_ = 0;
  std::string why_;
};

template <class Item>
void decode(std::string_view text, std::vector<Item> &out) {
  out.clear();
  ListReader<Item> reader(out);
  // A document that is not an array at all reaches no start_array.
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || text[first] != '[')
    throw std::invalid_argument("is not a JSON list");
  if (!json::sax_parse(text, &reader)) {
    out.clear();
    throw std::invalid_argument("is not a JSON list: " + reader.why());
  }
}

}  // namespace

std::string encode_list(const std::vector<std::string> &items) {
  std::string out = "[";
  for (const auto &item : items) {
    if (out.size() > 1) out += ',';
    // A json string, unlike an array, frees nothing that allocates.
    out += json(item).dump(-1, ' ', false, json::error_handler_t::strict);
  }
  out += ']';
  return out;
}

std::string encode_list(const std::vector<std::int32_t> &items) {
  std::string out = "[";
  for (const auto item : items) {
    if (out.size() > 1) out += ',';
    out += std::to_string(item);
  }
  out += ']';
  return out;
}

void decode_list(std::string_view text, std::vector<std::string> &out) {
  decode(text, out);
}

void decode_list(std::string_view text, std::vector<std::int32_t> &out) {
  decode(text, out);
}

}  // namespace levande::detail::sqlite
