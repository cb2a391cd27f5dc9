#include "detail/text.hpp"

#include "levande/error.hpp"

namespace levande::detail {

// Checks UTF-8 and control characters of a value before it is written.
void require_text(const std::string &where, const std::string &value, bool allow_newlines) {
  auto bad = [&](const std::string &why) {
    throw Error(Errc::invalid_argument, where, value.substr(0, 60), why);
  };
  for (std::size_t i = 0; i < value.size();) {
    const auto c = static_cast<unsigned char>(value[i]);
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t' && !(allow_newlines && (c == '\n' || c == '\r'))) || c == 0x7F) {
        bad("contains a control character (code " + std::to_string(c) + ")");
      }
      ++i;
      continue;
    }
    const int extra = (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
    if (extra < 0 || i + static_cast<std::size_t>(extra) >= value.size()) bad("is not valid UTF-8");
    for (int k = 1; k <= extra; ++k) {
      if ((static_cast<unsigned char>(value[i + static_cast<std::size_t>(k)]) & 0xC0) != 0x80) {
        bad("is not valid UTF-8");
      }
    }
    i += static_cast<std::size_t>(extra) + 1;
  }
}

bool text_ok(const std::string &value, bool allow_newlines) noexcept {
  for (const char ch : value) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x20 && c < 0x7F) continue;
    if (c == '\t' || (allow_newlines && (c == '\n' || c == '\r'))) continue;
    // Anything else (control characters, multi-byte UTF-8): the full check decides.
    try {
      require_text(std::string(), value, allow_newlines);
      return true;
    } catch (...) {
      return false;
    }
  }
  return true;
}

void require_email(const std::string &where, const std::string &email) {
  const auto at = email.find('@');
  const bool ok = at != std::string::npos && at > 0 && at + 1 < email.size() &&
                  email.find('@', at + 1) == std::string::npos &&
                  email.find_first_of(" \t\r\n\":;,<>") == std::string::npos;
  if (!ok) throw Error(Errc::invalid_argument, where, email, "not an e-mail address");
  require_text(where, email, false);
}

}  // namespace levande::detail
