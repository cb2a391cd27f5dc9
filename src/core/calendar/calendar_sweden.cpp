// The Swedish preset. Facts from the Act on public holidays (lag (1989:253)
// om allmänna helgdagar), its 2004 amendment (Sveriges nationaldag replaces
// Annandag pingst from 2005), the 1952 reform (lag 1952:48) that moved
// Midsommardagen and Alla helgons dag to Saturdays from 1953, and the Annual
// Leave Act (semesterlag 1977:480, 7 §), which treats Midsommarafton,
// Julafton and Nyårsafton as Sundays.
#include "levande/calendar.hpp"

namespace levande {

Calendar Calendar::sweden(bool de_facto) {
  using R = HolidayRule;
  Calendar cal;
  cal.add_rule(R::fixed_date("Nyårsdagen", 1, 1));
  cal.add_rule(R::fixed_date("Trettondedag jul", 1, 6));
  cal.add_rule(R::easter_offset("Långfredagen", -2));
  cal.add_rule(R::easter_offset("Påskdagen", 0));
  cal.add_rule(R::easter_offset("Annandag påsk", 1));
  cal.add_rule(R::fixed_date("Första maj", 5, 1));
  cal.add_rule(R::easter_offset("Kristi himmelsfärdsdag", 39));
  cal.add_rule(R::fixed_date("Sveriges nationaldag", 6, 6).valid_from(2005));
  cal.add_rule(R::easter_offset("Pingstdagen", 49));
  cal.add_rule(R::easter_offset("Annandag pingst", 50).valid_until(2004));
  cal.add_rule(R::weekday_in_window("Midsommardagen", Weekday::saturday, 6, 20));
  cal.add_rule(R::weekday_in_window("Alla helgons dag", Weekday::saturday, 10, 31));
  cal.add_rule(R::fixed_date("Juldagen", 12, 25));
  cal.add_rule(R::fixed_date("Annandag jul", 12, 26));
  if (de_facto) {
    cal.add_rule(R::weekday_in_window("Midsommarafton", Weekday::friday, 6, 19));
    cal.add_rule(R::fixed_date("Julafton", 12, 24));
    cal.add_rule(R::fixed_date("Nyårsafton", 12, 31));
  }
  return cal;
}

}  // namespace levande
