#include "support/text.hpp"

#include <algorithm>

#include "levande/error.hpp"

namespace levande::detail {

namespace {

// Length of the well-formed UTF-8 sequence at value[i] (RFC 3629: no
// overlong forms, no surrogates, nothing above U+10FFFF), or 0.
std::size_t sequence_length(std::string_view value, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(value[i + k]); };
  const auto c = b(0);
  if (c < 0x80) return 1;
  std::size_t n;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + n > value.size() || b(1) < lo || b(1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k) {
    if ((b(k) & 0xC0) != 0x80) return 0;
  }
  return n;
}

}  // namespace

std::string printable(std::string_view value, std::size_t max_bytes) {
  std::string out;
  out.reserve(std::min(value.size(), max_bytes + 3));
  char escaped[5];
  for (std::size_t i = 0; i < value.size();) {
    const auto n = sequence_length(value, i);
    std::string_view piece = n ? value.substr(i, n) : std::string_view("\xEF\xBF\xBD");
    // A message is one line: control characters are shown, not obeyed.
    if (const auto c = static_cast<unsigned char>(value[i]); n == 1 && (c < 0x20 || c == 0x7F)) {
      if (c == '\t' || c == '\n' || c == '\r') {
        escaped[0] = '\\';
        escaped[1] = c == '\t' ? 't' : c == '\n' ? 'n' : 'r';
        piece = std::string_view(escaped, 2);
      } else {
        static constexpr char hex[] = "0123456789abcdef";
        escaped[0] = '\\';
        escaped[1] = 'x';
        escaped[2] = hex[c >> 4];
        escaped[3] = hex[c & 15];
        piece = std::string_view(escaped, 4);
      }
    }
    if (out.size() + piece.size() > max_bytes) {
      out += "...";
      break;
    }
    out += piece;
    i += n ? n : 1;
  }
  return out;
}

// Checks UTF-8 and control characters of a value before it is written.
void require_text(const std::string &where, const std::string &value, bool allow_newlines) {
  auto bad = [&](const std::string &why) {
    throw Error(Errc::invalid_argument, where, printable(value, 60), why);
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
    const auto n = sequence_length(value, i);
    if (n == 0) bad("is not valid UTF-8");
    if (c == 0xC2 && static_cast<unsigned char>(value[i + 1]) < 0xA0) {
      bad("contains a control character (U+0080..U+009F)");
    }
    i += n;
  }
}

std::string mend_text(std::string_view value, bool allow_newlines) {
  std::string out;
  out.reserve(value.size());
  for (std::size_t i = 0; i < value.size();) {
    const auto c = static_cast<unsigned char>(value[i]);
    const auto n = sequence_length(value, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else if ((n == 1 && (c < 0x20 || c == 0x7F) && c != '\t' &&
                !(allow_newlines && (c == '\n' || c == '\r'))) ||
               (c == 0xC2 && static_cast<unsigned char>(value[i + 1]) < 0xA0)) {
      out += ' ';
      i += n;
    } else {
      out.append(value.substr(i, n));
      i += n;
    }
  }
  return out;
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
