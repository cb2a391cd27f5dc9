#include "levande/error.hpp"

#include "support/text.hpp"

namespace levande {
namespace {

std::string compose(const std::string &field, const std::string &value, std::string_view reason) {
  std::string text;
  text.reserve(field.size() + value.size() + reason.size() + 12);
  text += field;
  text += ": ";
  text += reason;
  text += " (got \"";
  text += value;
  text += "\")";
  return text;
}

}  // namespace

// Errors often quote bad input; they are always valid UTF-8 (Python and JSON
// readers of a message must not fail on it) and of bounded size.
Error::Error(Errc code, std::string field, std::string value, std::string_view reason)
    : std::runtime_error(compose(detail::printable(field, 400), detail::printable(value, 200),
                                 detail::printable(reason, 2000))),
      code_(code),
      field_(detail::printable(field, 400)),
      value_(detail::printable(value, 200)) {}

Error::Error(Errc code, const std::string &message)
    : std::runtime_error(detail::printable(message, 4000)), code_(code) {}

Error Error::within(const std::string &where) const {
  Error located(code_, where + ": " + what());
  located.field_ = where;
  located.value_ = value_;
  return located;
}

Error Error::recoded(Errc code, const std::string &context) const {
  Error out(code, context + what());
  out.field_ = field_;
  out.value_ = value_;
  return out;
}

const char *errc_name(Errc code) noexcept {
  switch (code) {
    case Errc::ok:
      return "ok";
    case Errc::invalid_argument:
      return "invalid_argument";
    case Errc::parse_error:
      return "parse_error";
    case Errc::invalid_date:
      return "invalid_date";
    case Errc::out_of_range:
      return "out_of_range";
    case Errc::not_found:
      return "not_found";
    case Errc::already_exists:
      return "already_exists";
    case Errc::constraint:
      return "constraint";
    case Errc::io_error:
      return "io_error";
    case Errc::unsupported:
      return "unsupported";
    case Errc::out_of_memory:
      return "out_of_memory";
    case Errc::internal:
      return "internal";
    case Errc::misuse:
      return "misuse";
    case Errc::corrupt:
      return "corrupt";
    case Errc::conflict:
      return "conflict";
    case Errc::scrub_pending:
      return "scrub_pending";
  }
  return "unknown";
}

}  // namespace levande
