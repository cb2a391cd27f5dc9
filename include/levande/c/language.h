/**
 * @file levande/c/language.h
 * @brief C API for languages (docs/i18n.md): which ones levande writes, the
 *        feedback questions in each, and numbers as people of a language type them.
 */
#ifndef LEVANDE_C_LANGUAGE_H
#define LEVANDE_C_LANGUAGE_H

#include "levande/c/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief The languages levande writes, comma-separated ("en,sv"), into a
 *        NUL-terminated string the caller frees with levande_free().
 */
LEVANDE_API levande_status levande_languages(char **out, levande_error **out_err);

/**
 * @brief The three default feedback questions in @p language ("sv", "en"), as
 *        a JSON array of strings the caller frees with levande_free().
 * @return #LEVANDE_ERR_INVALID_ARGUMENT naming `language` when levande does not write it.
 */
LEVANDE_API levande_status levande_default_feedback_questions(char **out_json, const char *language,
                                                              levande_error **out_err);

/**
 * @brief Reads a decimal number as people of @p language type it ("8,4" or
 *        "8.4" in Swedish, "8.4" in English).
 * @param field names the input in the error ("value"); NULL for "text".
 * @return #LEVANDE_ERR_INVALID_ARGUMENT naming @p field and the text.
 */
LEVANDE_API levande_status levande_parse_number(double *out, const char *text, const char *language,
                                                const char *field, levande_error **out_err);

#ifdef __cplusplus
}
#endif

#endif
