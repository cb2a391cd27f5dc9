/**
 * @file levande/c/date.h
 * @brief C API for dates: `int32_t` days since 1970-01-01.
 */
#ifndef LEVANDE_C_DATE_H
#define LEVANDE_C_DATE_H

#include "levande/c/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Day count of 1400-01-01, the first supported date. */
#define LEVANDE_DATE_MIN (-208188)
/** @brief Day count of 9999-12-31, the last supported date. */
#define LEVANDE_DATE_MAX 2932896
/** @brief Buffer size that holds any formatted date, "YYYY-MM-DD" plus NUL. */
#define LEVANDE_DATE_STRING_SIZE 11

/** @brief What month arithmetic does when the day is missing in the target month. */
typedef int32_t levande_month_end;
/** @brief Use the last day of the target month (31 Jan + 1 month = 28/29 Feb). */
#define LEVANDE_MONTH_END_CLAMP 0
/** @brief Use the first day of the following month (31 Jan + 1 month = 1 Mar). */
#define LEVANDE_MONTH_END_NEXT_MONTH_START 1
/** @brief Fail with #LEVANDE_ERR_INVALID_DATE. */
#define LEVANDE_MONTH_END_ERROR 2

/**
 * @brief The date of a year, month and day.
 * @return #LEVANDE_ERR_INVALID_DATE for a day that does not exist,
 *         #LEVANDE_ERR_OUT_OF_RANGE for a year outside 1400..9999.
 */
LEVANDE_API levande_status levande_date_from_ymd(int32_t *out, int32_t year, int32_t month,
                                                 int32_t day, levande_error **out_err);

/**
 * @brief Parses exactly `YYYY-MM-DD` (ISO 8601 extended form; NUL-terminated).
 * @return #LEVANDE_ERR_PARSE for another shape, #LEVANDE_ERR_INVALID_DATE for a
 *         day that does not exist, #LEVANDE_ERR_OUT_OF_RANGE for years before 1400.
 */
LEVANDE_API levande_status levande_date_parse(int32_t *out, const char *text,
                                              levande_error **out_err);

/**
 * @brief Writes `YYYY-MM-DD` and a NUL into @p out.
 * @param out_size must be at least #LEVANDE_DATE_STRING_SIZE, else #LEVANDE_ERR_INVALID_ARGUMENT.
 */
LEVANDE_API levande_status levande_date_format(char *out, size_t out_size, int32_t date,
                                               levande_error **out_err);

/** @brief Year, month (1..12) and day (1..31) of a date. */
LEVANDE_API levande_status levande_date_to_ymd(int32_t *out_year, int32_t *out_month,
                                               int32_t *out_day, int32_t date,
                                               levande_error **out_err);

/** @brief ISO weekday of a date: 1 = Monday ... 7 = Sunday. */
LEVANDE_API levande_status levande_date_weekday(int32_t *out, int32_t date,
                                                levande_error **out_err);

/** @brief ISO 8601 week-numbering year and week (1..53) of a date. */
LEVANDE_API levande_status levande_date_iso_week(int32_t *out_year, int32_t *out_week, int32_t date,
                                                 levande_error **out_err);

/** @brief @p date moved by @p n days; #LEVANDE_ERR_OUT_OF_RANGE past the supported range. */
LEVANDE_API levande_status levande_date_add_days(int32_t *out, int32_t date, int32_t n,
                                                 levande_error **out_err);

/**
 * @brief @p date moved by @p n months, keeping the day; @p policy decides when
 *        the day does not exist in the target month (one of `LEVANDE_MONTH_END_*`).
 */
LEVANDE_API levande_status levande_date_add_months(int32_t *out, int32_t date, int32_t n,
                                                   levande_month_end policy,
                                                   levande_error **out_err);

/** @brief @p date moved by @p n years; @p policy decides for 29 February. */
LEVANDE_API levande_status levande_date_add_years(int32_t *out, int32_t date, int32_t n,
                                                  levande_month_end policy,
                                                  levande_error **out_err);

#ifdef __cplusplus
}
#endif

#endif /* LEVANDE_C_DATE_H */
