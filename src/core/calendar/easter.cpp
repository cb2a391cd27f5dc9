#include "levande/calendar.hpp"
#include "levande/error.hpp"

namespace levande {

Date easter_sunday(std::int32_t year) {
  if (year < 1400 || year > 9999) {
    throw Error(Errc::out_of_range, "year", std::to_string(year),
                "outside the supported range 1400..9999");
  }
  // The "anonymous Gregorian algorithm" (Meeus, Astronomical Algorithms, ch. 8).
  const std::int32_t a = year % 19;
  const std::int32_t b = year / 100;
  const std::int32_t c = year % 100;
  const std::int32_t d = b / 4;
  const std::int32_t e = b % 4;
  const std::int32_t f = (b + 8) / 25;
  const std::int32_t g = (b - f + 1) / 3;
  const std::int32_t h = (19 * a + b - d - g + 15) % 30;
  const std::int32_t i = c / 4;
  const std::int32_t k = c % 4;
  const std::int32_t l = (32 + 2 * e + 2 * i - h - k) % 7;
  const std::int32_t m = (a + 11 * h + 22 * l) / 451;
  const std::int32_t month = (h + l - 7 * m + 114) / 31;
  const std::int32_t day = (h + l - 7 * m + 114) % 31 + 1;
  return Date::from_ymd(year, month, day);
}

}  // namespace levande
