// Prints the follow-up programme for one training on the Swedish calendar:
// the action plan, fortnightly check-ins for three months, feedback sessions
// at +30/+60/+90 days, the celebration review at the end of the plan and the
// yearly competence-plan review. Every date lands on a Swedish business day;
// a date that had to move says why.
//
//   next_followups --title "Cloud security" --finished 2026-05-20 [--as-of 2026-06-01]
#include <levande/levande.hpp>

#include <algorithm>
#include <cstring>
#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

namespace {

struct Followup {
  levande::Date planned;  // before rolling onto a business day
  levande::Date date;
  std::string what;
};

std::string day_off_name(const levande::Calendar &cal, levande::Date d) {
  for (const auto &h : cal.holidays(d.year())) {
    if (h.date == d) return h.name;
  }
  return levande::weekday_name(d.weekday());
}

int usage() {
  std::cerr << "usage: next_followups --finished YYYY-MM-DD [--title TEXT] [--as-of YYYY-MM-DD]\n";
  return 2;
}

}  // namespace

int main(int argc, char **argv) {
  std::string title = "Training";
  std::string finished_text, as_of_text;
  for (int i = 1; i < argc; ++i) {
    const bool has_value = i + 1 < argc;
    if (std::strcmp(argv[i], "--title") == 0 && has_value) {
      title = argv[++i];
    } else if (std::strcmp(argv[i], "--finished") == 0 && has_value) {
      finished_text = argv[++i];
    } else if (std::strcmp(argv[i], "--as-of") == 0 && has_value) {
      as_of_text = argv[++i];
    } else {
      return usage();
    }
  }
  if (finished_text.empty()) return usage();

  try {
    using levande::Date;
    using levande::MonthEnd;
    using levande::Roll;
    const auto se = levande::Calendar::sweden();
    const Date finished = Date::parse(finished_text);
    const Date as_of = as_of_text.empty() ? Date::min() : Date::parse(as_of_text);
    const Date plan_end = finished.add_months(3, MonthEnd::clamp);

    std::vector<Followup> plan;
    auto add = [&](Date planned, Roll roll, std::string what) {
      plan.push_back({planned, se.roll(planned, roll), std::move(what)});
    };
    const Date plan_due = se.add_business_days(finished, 5);
    plan.push_back({plan_due, plan_due, "Step 1: action plan due (5 business days)"});

    // Check-ins every second Tuesday after the plan is due, for three months.
    const auto tuesday = static_cast<int>(levande::Weekday::tuesday);
    const int ahead = (tuesday - static_cast<int>(plan_due.weekday()) + 7) % 7;
    int n = 1;
    for (Date d = plan_due.add_days(ahead == 0 ? 7 : ahead); d <= plan_end; d = d.add_days(14)) {
      add(d, Roll::modified_following, "Step 1: check-in #" + std::to_string(n++));
    }
    for (int offset : {30, 60, 90}) {
      add(finished.add_days(offset), Roll::modified_following,
          "Step 4: feedback session (+" + std::to_string(offset) + " days)");
    }
    add(plan_end, Roll::preceding, "Step 5: celebrate successes at plan end");
    add(finished.add_years(1, MonthEnd::clamp), Roll::modified_following,
        "Step 6: annual competence-plan review");
    std::stable_sort(plan.begin(), plan.end(),
                     [](const Followup &a, const Followup &b) { return a.date < b.date; });

    std::cout << "Follow-up for \"" << title << "\", finished " << finished
              << " (Swedish calendar, de facto days off included)\n\n";
    for (const Followup &f : plan) {
      if (f.date < as_of) continue;
      std::cout << "  " << f.date << "  " << std::left << std::setw(10)
                << levande::weekday_name(f.date.weekday()) << f.what;
      if (f.date != f.planned) {
        std::cout << "  [moved from " << f.planned << ", " << day_off_name(se, f.planned) << "]";
      }
      std::cout << '\n';
    }
    return 0;
  } catch (const levande::Error &e) {
    std::cerr << "next_followups: " << e.what() << '\n';
    return 1;
  }
}
