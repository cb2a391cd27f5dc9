// Checks of user text shared by every writer: UTF-8, control characters, e-mail.
#ifndef LEVANDE_SRC_CORE_SUPPORT_TEXT_HPP
#define LEVANDE_SRC_CORE_SUPPORT_TEXT_HPP

#include <string>
#include <string_view>

namespace levande::detail {

// `value` as valid UTF-8 on one line for messages: malformed bytes become
// U+FFFD, control characters are escaped (\t, \n, \x01), and the text is cut
// (at a character boundary, marked "...") after `max_bytes`.
std::string printable(std::string_view value, std::size_t max_bytes);

// `value` made acceptable text: malformed bytes become U+FFFD, control
// characters a space (what the checker does to text another program wrote).
std::string mend_text(std::string_view value, bool allow_newlines);

// Throws Errc::invalid_argument naming `where` unless `value` is valid UTF-8
// without control characters (tab always allowed, CR/LF when asked).
void require_text(const std::string &where, const std::string &value, bool allow_newlines);

// The test of require_text() without building an error: true when `value`
// would pass. Plain ASCII text is checked in one tight loop.
bool text_ok(const std::string &value, bool allow_newlines) noexcept;

// Throws Errc::invalid_argument naming `where` unless `email` looks like local@domain.
void require_email(const std::string &where, const std::string &email);

}  // namespace levande::detail

#endif
