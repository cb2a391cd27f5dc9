// Step 5: the celebrations of a period arranged for a newsletter or a team
// meeting (docs/celebrations.md, "The newsletter"): team successes first,
// then each team's people, one line per goal (its most significant success
// of the period), hand-recorded successes always, check-in streaks counted
// per team instead of listed.
#ifndef LEVANDE_SRC_CORE_CELEBRATE_NEWSLETTER_HPP
#define LEVANDE_SRC_CORE_CELEBRATE_NEWSLETTER_HPP

#include <cstddef>
#include <string>
#include <vector>

#include "levande/celebrate.hpp"
#include "workspace/tables.hpp"

namespace levande::detail {

struct NewsItem {
  std::string who;   // the team, or the person
  std::string what;  // what they did
  Date date;
  int weight = 0;  // ranks items: higher first
};

struct TeamNews {
  std::string team;  // the team's name; empty for people without a team
  std::vector<NewsItem> items;
};

struct Newsletter {
  std::vector<NewsItem> teams;   // successes of teams, ranked
  std::vector<TeamNews> people;  // successes of people, by team, teams in workspace order
  std::vector<std::pair<std::string, std::size_t>> streaks;  // team name, streaks
  std::string language = "en";  // of the texts: what newsletter_markdown() writes in
  std::size_t successes = 0;    // in the period, before grouping
};

// A success of the feed with whom it is about: the person and their team,
// or the team; for a success that only names a goal, its plan's owner.
struct FeedRow {
  const Success *success;
  const Person *person;  // or nullptr
  const Team *team;      // or nullptr
};

// The successes of `options`' period, team and uncelebrated_only, in date
// order. @throws the errors of celebration_feed().
std::vector<FeedRow> feed_rows(const Tables &t, const FeedOptions &options);

// One line whatever the text holds (control characters become spaces); in
// Markdown, the characters that could start markup are escaped.
std::string clean(const std::string &text, FeedFormat format);

// The successes of `options`' period and team (its format is not read).
// In options.language (the workspace's when empty).
Newsletter newsletter(const Tables &t, const FeedOptions &options);

// The newsletter as Markdown, names and titles escaped.
std::string newsletter_markdown(const Newsletter &n);

}  // namespace levande::detail

#endif
