"""FSRS-6 reviews: levande.MemoryModel against the PyPI fsrs package (py-fsrs), in one run.

Both replay the same seeded review histories (10 reviews each, whole-day
gaps): py-fsrs through Scheduler.review_card (no learning steps, no fuzz),
levande through MemoryModel.review one call at a time and through
review_many, one call per review round over all histories as numpy columns.
The states are compared before any time is reported; ratios > 1 mean
levande is faster.

    .venv/bin/python bench/fsrs_vs_pyfsrs.py [--histories 20000]
"""

import argparse
import datetime as dt
import math
import time

import fsrs
import numpy as np

import levande

START = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.timezone.utc)
ROUNDS = 10


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--histories", type=int, default=20000)
    args = parser.parse_args()
    n = args.histories
    rng = np.random.default_rng(1)
    gaps = rng.choice([0, 1, 2, 3, 5, 8, 13, 21, 30, 60, 90], size=(ROUNDS, n)).astype(float)
    gaps[0] = 0
    ratings = rng.choice([1, 2, 3, 3, 3, 4], size=(ROUNDS, n)).astype(np.uint8)

    # py-fsrs: datetimes and Rating objects built before timing.
    scheduler = fsrs.Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
    days = np.cumsum(gaps, axis=0)
    whens = [[START + dt.timedelta(days=float(days[r, i])) for i in range(n)] for r in range(ROUNDS)]
    grades = [[fsrs.Rating(int(ratings[r, i])) for i in range(n)] for r in range(ROUNDS)]
    cards = [fsrs.Card() for _ in range(n)]
    t = time.perf_counter()
    for r in range(ROUNDS):
        for i in range(n):
            cards[i], _ = scheduler.review_card(cards[i], grades[r][i], whens[r][i])
    py_fsrs = time.perf_counter() - t

    model = levande.MemoryModel()
    levande_ratings = [[levande.Rating(int(ratings[r, i])) for i in range(n)] for r in range(ROUNDS)]
    gap_lists = gaps.tolist()
    states = [None] * n
    t = time.perf_counter()
    for r in range(ROUNDS):
        row_g, row_r = gap_lists[r], levande_ratings[r]
        for i in range(n):
            states[i] = model.review(states[i], row_g[i], row_r[i])
    single = time.perf_counter() - t

    stability = np.zeros(n)
    difficulty = np.zeros(n)
    t = time.perf_counter()
    for r in range(ROUNDS):
        stability, difficulty = model.review_many(stability, difficulty, gaps[r], ratings[r])
    bulk = time.perf_counter() - t

    for i in range(n):
        assert math.isclose(states[i].stability, cards[i].stability, rel_tol=1e-6)
        assert math.isclose(difficulty[i], cards[i].difficulty, rel_tol=1e-6)
        assert stability[i] == states[i].stability

    reviews = ROUNDS * n
    print(f"{reviews} reviews; per review: py-fsrs {py_fsrs / reviews * 1e9:,.0f} ns, "
          f"levande.review {single / reviews * 1e9:,.0f} ns, review_many {bulk / reviews * 1e9:,.1f} ns")
    print(f"py-fsrs / levande: one call per review {py_fsrs / single:.1f}x, review_many {py_fsrs / bulk:.0f}x")


if __name__ == "__main__":
    main()
