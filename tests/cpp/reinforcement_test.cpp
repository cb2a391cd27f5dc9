// The FSRS-6 memory model with values worked out by hand from the published
// formulas and default parameters; tests/python/test_reinforcement.py
// compares 10 000 random histories with the py-fsrs package.
#include <gtest/gtest.h>

#include <cmath>

#include "capi_helpers.hpp"
#include "levande.h"
#include "levande/calendar.hpp"
#include "levande/error.hpp"
#include "levande/reinforcement.hpp"
#include "test_helpers.hpp"

namespace levande {
namespace {

TEST(MemoryModel, FirstReviewAndSameDayReview) {
  const MemoryModel model;
  const auto first = model.review(std::nullopt, 0, Rating::good);
  EXPECT_EQ(first.stability, 2.3065);  // S0(good) = w2
  // D0(3) = w4 − e^(2·w5) + 1 = 7.4133 − e^1.6668 = 7.4133 − 5.29519 = 2.11811
  EXPECT_NEAR(first.difficulty, 2.11811, 1e-4);
  EXPECT_EQ(model.review(std::nullopt, 0, Rating::again).stability, 0.212);
  EXPECT_EQ(model.review(std::nullopt, 0, Rating::easy).stability, 8.2956);
  // D0(1) = 7.4133 − 1 = 6.4133; D0(4) = 7.4133 − e^2.5002 = 7.4133 − 12.1849 < 1, so clamped to 1.
  EXPECT_NEAR(model.review(std::nullopt, 0, Rating::again).difficulty, 6.4133, 1e-12);
  EXPECT_EQ(model.review(std::nullopt, 0, Rating::easy).difficulty, 1.0);

  // Same day, good: e^(w17·w18) · S^(−w19) = e^0.049476 · 2.3065^(−0.0658)
  // = e^(0.049476 − 0.054991) < 1, raised to 1: stability unchanged.
  const auto again_today = model.review(first, 0, Rating::good);
  EXPECT_EQ(again_today.stability, first.stability);
  // Difficulty after good: no change before mean reversion, then
  // 0.001·D0(4) + 0.999·D = 0.001·(−4.7716) + 0.999·2.11811 = 2.11122.
  EXPECT_NEAR(again_today.difficulty, 2.11122, 1e-4);
}

TEST(MemoryModel, RetrievabilityAndIntervals) {
  const MemoryModel model;
  const MemoryState s{12.0, 5.0};
  EXPECT_NEAR(model.retrievability(s, 12.0), 0.9, 1e-12);  // R(S, S) = 0.9 by construction
  EXPECT_EQ(model.retrievability(s, 0.0), 1.0);
  EXPECT_NEAR(model.next_interval(s, 0.9), 12.0, 1e-12);
  const double t = model.next_interval(s, 0.8);
  EXPECT_NEAR(model.retrievability(s, t), 0.8, 1e-12);
  EXPECT_GT(t, 12.0);
  const auto days = model.next_interval_days(s, 0.8);
  EXPECT_EQ(days, static_cast<std::int32_t>(std::floor(t)));
  EXPECT_EQ(model.next_interval_days({1e7, 5.0}, 0.9, 400), 400);
  EXPECT_EQ(model.next_interval_days({0.001, 5.0}, 0.9), 1);
}

TEST(MemoryModel, BadInput) {
  const MemoryModel model;
  const std::vector<double> short_list(20, 0.5);
  try {
    MemoryModel bad(short_list);
    FAIL();
  } catch (const Error &e) {
    EXPECT_EQ(e.field(), "parameters");
  }
  auto params = std::vector<double>(MemoryModel::default_parameters.begin(),
                                    MemoryModel::default_parameters.end());
  params[7] = 0.9;  // w7 is at most 0.75
  try {
    MemoryModel bad(params);
    FAIL();
  } catch (const Error &e) {
    EXPECT_EQ(e.code(), Errc::out_of_range);
    EXPECT_EQ(e.field(), "parameters[7]");
  }
  const MemoryState s{3.0, 4.0};
  EXPECT_EQ(test::code_of([&] { (void)model.review(s, -1, Rating::good); }),
            Errc::invalid_argument);
  EXPECT_EQ(test::code_of([&] { (void)model.review(s, NAN, Rating::good); }),
            Errc::invalid_argument);
  // A first review does not use the days, but a negative count is still refused.
  EXPECT_EQ(test::code_of([&] { (void)model.review(std::nullopt, -3, Rating::good); }),
            Errc::invalid_argument);
  EXPECT_EQ(test::code_of([&] { (void)model.review(s, 1, static_cast<Rating>(0)); }),
            Errc::invalid_argument);
  EXPECT_EQ(test::code_of([&] {
              (void)model.review(MemoryState{3.0, 11.0}, 1, Rating::good);
            }),
            Errc::invalid_argument);
  EXPECT_EQ(test::code_of([&] { (void)model.next_interval(s, 0.0); }), Errc::out_of_range);
  EXPECT_EQ(test::code_of([&] { (void)model.next_interval_days(s, 0.9, 0); }), Errc::out_of_range);
  const double stab[] = {1.0}, diff[] = {5.0}, elapsed[] = {-3.0};
  const Rating ratings[] = {Rating::good};
  double out_s[1], out_d[1];
  try {
    model.review_many(stab, diff, elapsed, ratings, out_s, out_d);
    FAIL();
  } catch (const Error &e) {
    EXPECT_EQ(e.field(), "elapsed_days[0]");
  }
}

TEST(MemoryModel, NextReinforcementLandsOnABusinessDay) {
  const MemoryModel model;
  const auto se = Calendar::sweden();
  // One good review on Wednesday 2026-06-17: S = w2 = 2.3065, and at a 0.9
  // target the interval is S itself, floor 2 days: Friday 2026-06-19 is
  // Midsommarafton, so following moves it to Monday 2026-06-22 and
  // preceding to Thursday 2026-06-18.
  const Date dates[] = {test::d("2026-06-17")};
  const Rating good[] = {Rating::good};
  EXPECT_EQ(model.next_reinforcement(dates, good, 0.9, 180, se), test::d("2026-06-22"));
  EXPECT_EQ(model.next_reinforcement(dates, good, 0.9, 180, se, Roll::preceding),
            test::d("2026-06-18"));
  EXPECT_EQ(model.next_reinforcement(dates, good, 0.9, 1, se),
            test::d("2026-06-18"));  // capped at 1 day
  // Again on Thu 2026-06-18: S = 0.212, one day at most, Fri 2026-06-19 is
  // Midsommarafton and preceding would land on the review day itself, so the
  // next business day after the review is taken: Mon 2026-06-22.
  const Date thursday[] = {test::d("2026-06-18")};
  const Rating again[] = {Rating::again};
  EXPECT_EQ(model.next_reinforcement(thursday, again, 0.9, 180, se, Roll::preceding),
            test::d("2026-06-22"));
  // Whole days where the exact interval is a whole number: R(S, S) = 0.9 exactly.
  for (const double s : {4.0, 8.0, 16.0, 256.0}) {
    EXPECT_EQ(model.next_interval_days({s, 5.0}, 0.9), static_cast<std::int32_t>(s)) << s;
  }
  EXPECT_EQ(rating_of(Outcome::applied), Rating::good);
  EXPECT_EQ(rating_of(Outcome::partly), Rating::hard);
  EXPECT_EQ(rating_of(Outcome::not_applied), Rating::again);
  EXPECT_EQ(rating_of(Outcome::none), std::nullopt);
  // replay equals review step by step.
  const Date two[] = {test::d("2026-06-01"), test::d("2026-06-15")};
  const Rating grades[] = {Rating::good, Rating::hard};
  EXPECT_EQ(model.replay(two, grades),
            model.review(model.review(std::nullopt, 0, Rating::good), 14, Rating::hard));
  const Date backwards[] = {test::d("2026-06-15"), test::d("2026-06-01")};
  try {
    (void)model.replay(backwards, grades);
    FAIL();
  } catch (const Error &e) {
    EXPECT_EQ(e.field(), "dates[1]");
  }
  EXPECT_EQ(test::code_of([&] { (void)model.replay({}, {}); }), Errc::invalid_argument);
}

TEST(CApiMemoryModel, ReviewsThroughC) {
  levande_memory_model *m = nullptr;
  ASSERT_EQ(levande_memory_model_create(&m, nullptr, 0, nullptr), LEVANDE_OK);
  double s = 0, d = 0, r = 0, t = 0;
  ASSERT_EQ(levande_memory_model_review(&s, &d, m, 0, 0, 0, 0, LEVANDE_RATING_GOOD, nullptr),
            LEVANDE_OK);
  EXPECT_EQ(s, 2.3065);
  ASSERT_EQ(levande_memory_model_retrievability(&r, m, s, d, s, nullptr), LEVANDE_OK);
  EXPECT_NEAR(r, 0.9, 1e-12);
  ASSERT_EQ(levande_memory_model_next_interval(&t, m, s, d, 0.9, nullptr), LEVANDE_OK);
  EXPECT_NEAR(t, s, 1e-12);
  const double stab[] = {0.0, s}, diff[] = {0.0, d}, elapsed[] = {0.0, 5.0};
  const uint8_t ratings[] = {3, 1};
  double out_s[2], out_d[2];
  ASSERT_EQ(
      levande_memory_model_review_many(out_s, out_d, m, stab, diff, elapsed, ratings, 2, nullptr),
      LEVANDE_OK);
  EXPECT_EQ(out_s[0], 2.3065);
  EXPECT_LT(out_s[1], s);  // a lapse
  levande_error *err = nullptr;
  EXPECT_EQ(levande_memory_model_review(&s, &d, m, 1, 2.0, 5.0, 1.0, 7, &err),
            LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_STREQ(levande_error_field(err), "rating");
  levande_error_destroy(&err);
  const double wrong[3] = {1, 2, 3};
  levande_memory_model *bad = nullptr;
  EXPECT_EQ(levande_memory_model_create(&bad, wrong, 3, nullptr), LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(bad, nullptr);
  EXPECT_EQ(levande_memory_model_create(nullptr, nullptr, 0, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_memory_model_review(nullptr, &d, m, 0, 0, 0, 0, 3, nullptr),
            LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_memory_model_review(&s, &d, nullptr, 0, 0, 0, 0, 3, nullptr),
            LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_memory_model_retrievability(nullptr, m, 1, 5, 1, nullptr), LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_memory_model_next_interval(&t, nullptr, 1, 5, 0.9, nullptr),
            LEVANDE_ERR_MISUSE);
  EXPECT_EQ(
      levande_memory_model_review_many(nullptr, out_d, m, stab, diff, elapsed, ratings, 2, nullptr),
      LEVANDE_ERR_MISUSE);
  EXPECT_EQ(levande_memory_model_review_many(nullptr, nullptr, m, nullptr, nullptr, nullptr,
                                             nullptr, 0, nullptr),
            LEVANDE_OK);
  levande_calendar *se = nullptr;
  ASSERT_EQ(levande_calendar_create_sweden(&se, 1, nullptr), LEVANDE_OK);
  const int32_t reviewed[] = {day("2026-06-17")};
  const uint8_t good[] = {LEVANDE_RATING_GOOD};
  int32_t next = 0;
  ASSERT_EQ(levande_memory_model_next_reinforcement(&next, m, reviewed, good, 1, 0.9, 180, se,
                                                    LEVANDE_ROLL_FOLLOWING, nullptr),
            LEVANDE_OK);
  EXPECT_EQ(next, day("2026-06-22"));  // past Midsommarafton, as in the C++ test
  EXPECT_EQ(levande_memory_model_next_reinforcement(&next, m, reviewed, good, 1, 0.9, 180, se, 9,
                                                    nullptr),
            LEVANDE_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(levande_memory_model_next_reinforcement(&next, m, reviewed, good, 1, 0.9, 180, nullptr,
                                                    0, nullptr),
            LEVANDE_ERR_MISUSE);
  levande_calendar_destroy(&se);
  levande_memory_model_destroy(&m);
  EXPECT_EQ(m, nullptr);
  levande_memory_model_destroy(nullptr);
}

}  // namespace
}  // namespace levande
