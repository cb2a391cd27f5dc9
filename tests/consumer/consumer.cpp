// Links the installed library from C++; prints the first business day after
// Midsommarafton 2026 (Friday 19 June, a de facto day off): Monday 22 June.
#include <levande/levande.hpp>

#include <iostream>

int main() {
  const auto se = levande::Calendar::sweden();
  const auto next = se.add_business_days(levande::Date::parse("2026-06-18"), 1);
  std::cout << next << '\n';
  return next == levande::Date::parse("2026-06-22") ? 0 : 1;
}
