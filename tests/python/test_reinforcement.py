"""The FSRS-6 memory model against the PyPI `fsrs` package (py-fsrs 6.x) as
an oracle: 10 000 seeded random review histories, stability and difficulty
equal within 1e-6 relative after every review; plus properties that follow
from the formulas themselves."""

import datetime as dt
import math
import random

import numpy as np
import pytest

fsrs = pytest.importorskip("fsrs")

import levande
from levande import MemoryModel, MemoryState, Rating

START = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.timezone.utc)


def oracle_scheduler(parameters=None):
    # No learning steps and no fuzz: every review updates the memory state
    # with the FSRS formulas alone, on whole days as levande does.
    kwargs = dict(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
    if parameters is not None:
        kwargs["parameters"] = parameters
    return fsrs.Scheduler(**kwargs)


def random_history(rng):
    n = rng.randint(1, 12)
    gaps = [0] + [rng.choice([0, 0, 1, 2, 3, 5, 8, 13, 21, 30, 45, 60, 90, 180, 365]) for _ in range(n - 1)]
    ratings = [rng.choice([1, 2, 3, 3, 3, 4]) for _ in range(n)]
    return gaps, ratings


def close(a, b):
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=0)


def replay_and_compare(model, scheduler, gaps, ratings):
    card = fsrs.Card()
    when = START
    state = None
    for i, (gap, rating) in enumerate(zip(gaps, ratings)):
        when = when + dt.timedelta(days=gap)
        if state is not None:
            r_oracle = scheduler.get_card_retrievability(card, when)
            r_ours = model.retrievability(state, gap)
            assert close(r_ours, r_oracle), (i, gaps, ratings, r_ours, r_oracle)
        card, _ = scheduler.review_card(card, fsrs.Rating(rating), when)
        state = model.review(state, gap, Rating(rating))
        assert close(state.stability, card.stability), (i, gaps, ratings, state, card.stability)
        assert close(state.difficulty, card.difficulty), (i, gaps, ratings, state, card.difficulty)
    return state


def test_ten_thousand_random_histories_equal_py_fsrs():
    model, scheduler = MemoryModel(), oracle_scheduler()
    rng = random.Random(20261127)
    reviews = 0
    for _ in range(10_000):
        gaps, ratings = random_history(rng)
        replay_and_compare(model, scheduler, gaps, ratings)
        reviews += len(gaps)
    assert reviews > 50_000


def test_custom_parameters_equal_py_fsrs():
    rng = random.Random(7)
    for _ in range(20):
        # Random admissible parameters: inside FSRS-6's bounds.
        params = [rng.uniform(lo, hi) for lo, hi in zip(fsrs.scheduler.LOWER_BOUNDS_PARAMETERS,
                                                          fsrs.scheduler.UPPER_BOUNDS_PARAMETERS)]
        model, scheduler = MemoryModel(params), oracle_scheduler(params)
        assert model.parameters == pytest.approx(params, rel=0, abs=0)
        for _ in range(50):
            replay_and_compare(model, scheduler, *random_history(rng))


def test_defaults_are_the_published_fsrs6_parameters():
    assert MemoryModel().parameters == list(fsrs.scheduler.DEFAULT_PARAMETERS)


def test_properties_from_the_formulas():
    model = MemoryModel()
    w = model.parameters
    first = model.review(None, 0, Rating.Good)
    # S0(G) = w[G-1]; D0(G) = w4 - e^(w5 (G-1)) + 1.
    assert first.stability == w[2]
    assert first.difficulty == pytest.approx(w[4] - math.exp(w[5] * 2) + 1, rel=1e-15)
    # R(S, S) = 0.9 for any S, so the 0.9 interval is the stability itself.
    for s in (0.5, 3.0, 40.0):
        state = MemoryState(s, 5.0)
        assert model.retrievability(state, s) == pytest.approx(0.9, rel=1e-12)
        assert model.next_interval(state, 0.9) == pytest.approx(s, rel=1e-12)
        assert model.retrievability(state, model.next_interval(state, 0.8)) == pytest.approx(0.8, rel=1e-12)
        assert model.retrievability(state, 0) == 1.0
    # Whole days: the last day retention is still at least the target.
    state = MemoryState(10.0, 5.0)
    days = model.next_interval_days(state, 0.85)
    assert model.retrievability(state, days) >= 0.85 > model.retrievability(state, days + 1)
    assert model.next_interval_days(MemoryState(0.01, 5), 0.9) == 1
    assert model.next_interval_days(MemoryState(1e6, 5), 0.9, maximum_days=365) == 365
    # A pass never lowers stability; a lapse lowers it.
    s = model.review(first, 10, Rating.Again)
    assert s.stability < first.stability
    assert model.review(first, 10, Rating.Hard).stability > first.stability


def test_review_many_equals_single_reviews():
    model = MemoryModel()
    rng = np.random.default_rng(3)
    n = 1000
    stability = np.where(rng.random(n) < 0.2, 0.0, rng.uniform(0.1, 100, n))
    difficulty = rng.uniform(1, 10, n)
    elapsed = rng.integers(0, 100, n).astype(float)
    ratings = rng.integers(1, 5, n).astype(np.uint8)
    s, d = model.review_many(stability, difficulty, elapsed, ratings)
    for i in range(n):
        before = None if stability[i] == 0 else MemoryState(stability[i], difficulty[i])
        one = model.review(before, elapsed[i], Rating(int(ratings[i])))
        assert (s[i], d[i]) == (one.stability, one.difficulty)


def test_bad_input_names_the_field():
    model = MemoryModel()
    with pytest.raises(levande.InvalidArgumentError) as info:
        MemoryModel([0.1] * 20)
    assert info.value.field == "parameters"
    params = list(MemoryModel().parameters)
    params[20] = 0.95
    with pytest.raises(levande.OutOfRangeError) as info:
        MemoryModel(params)
    assert info.value.field == "parameters[20]"
    state = model.review(None, 0, Rating.Good)
    with pytest.raises(levande.InvalidArgumentError) as info:
        model.review(state, -1, Rating.Good)
    assert info.value.field == "elapsed_days"
    with pytest.raises(levande.InvalidArgumentError) as info:
        model.review(MemoryState(-2, 5), 1, Rating.Good)
    assert info.value.field == "state.stability"
    with pytest.raises(levande.OutOfRangeError):
        model.next_interval(state, 1.0)
    with pytest.raises(levande.InvalidArgumentError) as info:
        model.review_many([1.0, 1.0], [5.0, 5.0], [1.0, 1.0], np.array([3, 9], dtype=np.uint8))
    assert info.value.field == "ratings[1]"
    for wrapped in (np.array([259]), np.array([-253])):  # would wrap to 3 as uint8
        with pytest.raises(levande.InvalidArgumentError) as info:
            model.review_many([1.0], [5.0], [1.0], wrapped)
        assert info.value.field == "ratings[0]"
    with pytest.raises(levande.InvalidArgumentError) as info:
        model.review_many([1.0], [5.0], [1.0], np.array([2.9]))
    assert info.value.field == "ratings"
    assert repr(state).startswith("MemoryState(stability=2.3065, difficulty=2.118")


def test_next_reinforcement_on_the_swedish_calendar():
    model = MemoryModel()
    se = levande.Calendar.sweden()
    # Good on Wed 2026-06-17: S = 2.3065 days; at 0.9 the interval is S, floor 2:
    # Fri 2026-06-19 is Midsommarafton, so the touchpoint moves to Mon 2026-06-22.
    assert model.next_reinforcement([dt.date(2026, 6, 17)], [Rating.Good], se, target=0.9) == dt.date(2026, 6, 22)
    assert model.next_reinforcement([dt.date(2026, 6, 17)], [Rating.Good], se, target=0.9,
                                    roll=levande.Roll.PRECEDING) == dt.date(2026, 6, 18)
    assert levande.rating_of("partly") == Rating.Hard
    assert levande.rating_of("not_applied") == Rating.Again
    assert levande.rating_of("none") is None
    with pytest.raises(levande.InvalidArgumentError) as info:
        model.replay([dt.date(2026, 6, 2), dt.date(2026, 6, 1)], [Rating.Good, Rating.Good])
    assert info.value.field == "dates[1]"
