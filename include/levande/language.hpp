/**
 * @file levande/language.hpp
 * @brief The languages levande writes, and numbers as people of a language
 *        type them (docs/i18n.md).
 */
#ifndef LEVANDE_LANGUAGE_HPP
#define LEVANDE_LANGUAGE_HPP

#include <string>
#include <string_view>
#include <vector>

#include "levande/export.h"

namespace levande {

/** @brief The languages levande writes texts in: "en" (the source's) and one
 *         per message catalogue built into the library ("sv"), sorted. */
LEVANDE_API std::vector<std::string> languages();

/**
 * @brief Reads a decimal number as people of @p language type it: "8,4" or
 *        "8.4" in Swedish (a decimal comma, and the point that is always
 *        accepted), "8.4" in English; an optional sign, no digit grouping.
 * @param field names the input in errors ("--value", "measurements[3].value").
 * @throws Error Errc::invalid_argument naming @p field and the text when it
 *         is not a finite number written that way (in English a comma is
 *         refused, with a hint), or when levande does not write @p language.
 */
LEVANDE_API double parse_number(std::string_view text, std::string_view language,
                                const char *field);

}  // namespace levande

#endif
