/**
 * @file levande/c/calendar.h
 * @brief C API for business calendars (`levande_calendar` handles).
 *
 * A calendar handle may be read (every function taking `const
 * levande_calendar *`) from many threads at once; changing it needs
 * exclusive access.
 */
#ifndef LEVANDE_C_CALENDAR_H
#define LEVANDE_C_CALENDAR_H

#include "levande/c/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A business calendar. Opaque; see levande::Calendar. */
typedef struct levande_calendar levande_calendar;

/** @brief The mask bit of an ISO weekday (1 = Monday ... 7 = Sunday). */
#define LEVANDE_WEEKDAY_BIT(iso_day) (1u << ((iso_day)-1))
/** @brief Saturday and Sunday. */
#define LEVANDE_WEEKEND_SAT_SUN (LEVANDE_WEEKDAY_BIT(6) | LEVANDE_WEEKDAY_BIT(7))

/** @brief For rule year limits: no limit. */
#define LEVANDE_ANY_YEAR 0

/** @brief A roll convention, one of `LEVANDE_ROLL_*`. */
typedef int32_t levande_roll;
/** @brief First business day on or after. */
#define LEVANDE_ROLL_FOLLOWING 0
/** @brief Last business day on or before. */
#define LEVANDE_ROLL_PRECEDING 1
/** @brief Following, unless the month changes: then preceding. */
#define LEVANDE_ROLL_MODIFIED_FOLLOWING 2
/** @brief Preceding, unless the month changes: then following. */
#define LEVANDE_ROLL_MODIFIED_PRECEDING 3

/** @brief A named day off, as returned by levande_calendar_holidays(). */
typedef struct levande_holiday {
  int32_t date;     /**< Days since 1970-01-01. */
  const char *name; /**< UTF-8 name, stored in the same allocation as the array. */
} levande_holiday;

/**
 * @brief A calendar with the given weekend and no holidays.
 * @param weekend_mask `LEVANDE_WEEKDAY_BIT(d)` for each weekend day, e.g.
 *        #LEVANDE_WEEKEND_SAT_SUN. All seven days (or bits above 7) are
 *        #LEVANDE_ERR_INVALID_ARGUMENT.
 */
LEVANDE_API levande_status levande_calendar_create(levande_calendar **out, uint32_t weekend_mask,
                                                   levande_error **out_err);

/**
 * @brief The Swedish calendar (see levande::Calendar::sweden()).
 * @param de_facto nonzero to include Midsommarafton, Julafton and Nyårsafton.
 */
LEVANDE_API levande_status levande_calendar_create_sweden(levande_calendar **out, int32_t de_facto,
                                                          levande_error **out_err);

/** @brief An independent copy of @p cal. */
LEVANDE_API levande_status levande_calendar_clone(levande_calendar **out,
                                                  const levande_calendar *cal,
                                                  levande_error **out_err);

/** @brief Frees a calendar and sets `*cal` to NULL. NULL-safe on both levels. */
LEVANDE_API void levande_calendar_destroy(levande_calendar **cal);

/** @brief Replaces the weekend (see levande_calendar_create() for the mask). */
LEVANDE_API levande_status levande_calendar_set_weekend(levande_calendar *cal,
                                                        uint32_t weekend_mask,
                                                        levande_error **out_err);

/** @brief The weekend mask. */
LEVANDE_API levande_status levande_calendar_weekend(uint32_t *out, const levande_calendar *cal,
                                                    levande_error **out_err);

/**
 * @brief Adds a holiday on the same month and day every year.
 * @param first_year,last_year years the rule applies (inclusive), or #LEVANDE_ANY_YEAR.
 */
LEVANDE_API levande_status levande_calendar_add_fixed_holiday(levande_calendar *cal,
                                                              const char *name, int32_t month,
                                                              int32_t day, int32_t first_year,
                                                              int32_t last_year,
                                                              levande_error **out_err);

/**
 * @brief Adds the n-th (n = 1..5) or n-th last (n = -1..-5) @p weekday (1..7) of a month.
 * @param first_year,last_year years the rule applies (inclusive), or #LEVANDE_ANY_YEAR.
 */
LEVANDE_API levande_status levande_calendar_add_nth_weekday_holiday(
    levande_calendar *cal, const char *name, int32_t month, int32_t weekday, int32_t n,
    int32_t first_year, int32_t last_year, levande_error **out_err);

/**
 * @brief Adds Easter Sunday + @p offset_days (e.g. -2 Good Friday).
 * @param first_year,last_year years the rule applies (inclusive), or #LEVANDE_ANY_YEAR.
 */
LEVANDE_API levande_status
levande_calendar_add_easter_holiday(levande_calendar *cal, const char *name, int32_t offset_days,
                                    int32_t first_year, int32_t last_year, levande_error **out_err);

/**
 * @brief Adds the first @p weekday (1..7) on or after @p month / @p day within
 *        @p length_days days (Midsommardagen: Saturday, 6, 20, 7).
 * @param first_year,last_year years the rule applies (inclusive), or #LEVANDE_ANY_YEAR.
 */
LEVANDE_API levande_status levande_calendar_add_window_holiday(
    levande_calendar *cal, const char *name, int32_t weekday, int32_t month, int32_t day,
    int32_t length_days, int32_t first_year, int32_t last_year, levande_error **out_err);

/** @brief Adds a closed period [first, last], both inclusive (a shutdown or an absence). */
LEVANDE_API levande_status levande_calendar_add_closure(levande_calendar *cal, const char *name,
                                                        int32_t first, int32_t last,
                                                        levande_error **out_err);

/** @brief Adds @p other's weekend, rules and closures to @p cal (union of days off). */
LEVANDE_API levande_status levande_calendar_merge(levande_calendar *cal,
                                                  const levande_calendar *other,
                                                  levande_error **out_err);

/** @brief `*out` = 1 if @p date is a business day, else 0. */
LEVANDE_API levande_status levande_calendar_is_business_day(int32_t *out,
                                                            const levande_calendar *cal,
                                                            int32_t date, levande_error **out_err);

/** @brief The first business day strictly after @p date. */
LEVANDE_API levande_status levande_calendar_next_business_day(int32_t *out,
                                                              const levande_calendar *cal,
                                                              int32_t date,
                                                              levande_error **out_err);

/** @brief The last business day strictly before @p date. */
LEVANDE_API levande_status levande_calendar_previous_business_day(int32_t *out,
                                                                  const levande_calendar *cal,
                                                                  int32_t date,
                                                                  levande_error **out_err);

/**
 * @brief The n-th business day after (n > 0) or before (n < 0) @p date; for
 *        n = 0, @p date or the next business day. The start is never counted.
 */
LEVANDE_API levande_status levande_calendar_add_business_days(int32_t *out,
                                                              const levande_calendar *cal,
                                                              int32_t date, int32_t n,
                                                              levande_error **out_err);

/** @brief Business days in [from, to); when to < from, minus those in [to, from). */
LEVANDE_API levande_status levande_calendar_business_days_between(int32_t *out,
                                                                  const levande_calendar *cal,
                                                                  int32_t from, int32_t to,
                                                                  levande_error **out_err);

/** @brief @p date moved onto a business day by @p convention (`LEVANDE_ROLL_*`). */
LEVANDE_API levande_status levande_calendar_roll(int32_t *out, const levande_calendar *cal,
                                                 int32_t date, levande_roll convention,
                                                 levande_error **out_err);

/**
 * @brief The named days off of @p year, sorted by date (holidays, also on
 *        weekends, and each closure day).
 *
 * `*out` is one allocation holding the array and its names: free it with
 * levande_free(). With no days off, `*out` is NULL and `*out_count` 0.
 */
LEVANDE_API levande_status levande_calendar_holidays(levande_holiday **out, size_t *out_count,
                                                     const levande_calendar *cal, int32_t year,
                                                     levande_error **out_err);

/**
 * @name Bulk forms
 * Caller-owned arrays; on error the output's contents are unspecified and
 * the error names the first bad element's index.
 * @{
 */
/** @brief out[i] = 1 if dates[i] is a business day, else 0; @p out has @p count elements. */
LEVANDE_API levande_status levande_calendar_is_business_day_n(uint8_t *out,
                                                              const levande_calendar *cal,
                                                              const int32_t *dates, size_t count,
                                                              levande_error **out_err);

/**
 * @brief out[i] = dates[i] plus offsets[i] business days (see
 *        levande_calendar_add_business_days()); @p offsets_count is 1 (broadcast) or @p count.
 */
LEVANDE_API levande_status levande_calendar_add_business_days_n(
    int32_t *out, const levande_calendar *cal, const int32_t *dates, size_t count,
    const int32_t *offsets, size_t offsets_count, levande_error **out_err);

/**
 * @brief out[i] = business days in [from[i], to[i]); either count may be 1
 *        (broadcast); @p out has max(from_count, to_count) elements.
 */
LEVANDE_API levande_status levande_calendar_business_days_between_n(
    int32_t *out, const levande_calendar *cal, const int32_t *from, size_t from_count,
    const int32_t *to, size_t to_count, levande_error **out_err);

/** @brief out[i] = dates[i] rolled by @p convention; @p out has @p count elements. */
LEVANDE_API levande_status levande_calendar_roll_n(int32_t *out, const levande_calendar *cal,
                                                   const int32_t *dates, size_t count,
                                                   levande_roll convention,
                                                   levande_error **out_err);
/** @} */

#ifdef __cplusplus
}
#endif

#endif /* LEVANDE_C_CALENDAR_H */
