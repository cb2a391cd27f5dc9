"""Recurrence expansion: levande against python-dateutil, in one run.

100 000 mixed follow-up rules (weekly and bi-weekly check-ins, monthly
"last weekday" and "n-th weekday", quarterly and yearly reviews, daily with
BYDAY) are expanded over one year. dateutil is timed on a random sample of
them (it takes minutes for all), levande on the same sample and on all of
them; the ratio compares the same rules. Both must return identical dates
on the sample.

    .venv/bin/python bench/recurrence_vs_dateutil.py [--rules 100000] [--sample 3000]
"""

import argparse
import datetime as dt
import random
import time

import numpy as np
from dateutil import rrule as du

import levande

DAYS = ["MO", "TU", "WE", "TH", "FR"]


def mixed_rules(n, rng):
    rules = []
    for _ in range(n):
        kind = rng.randrange(7)
        day = rng.choice(DAYS)
        if kind == 0:
            rule = f"FREQ=WEEKLY;BYDAY={day}"
        elif kind == 1:
            rule = f"FREQ=WEEKLY;INTERVAL=2;BYDAY={day}"
        elif kind == 2:
            rule = "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"
        elif kind == 3:
            rule = f"FREQ=MONTHLY;BYDAY={rng.choice(['1', '2', '3', '-1'])}{day}"
        elif kind == 4:
            rule = f"FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY={rng.randint(1, 28)}"
        elif kind == 5:
            rule = f"FREQ=YEARLY;BYMONTH={rng.randint(1, 12)};BYMONTHDAY={rng.randint(1, 28)}"
        else:
            rule = "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR"
        start = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 364))
        rules.append((rule, start))
    return rules


def run_levande(rules, first, last):
    total = 0
    for rule, start in rules:
        total += levande.Recurrence(rule, start).between(first, last, inclusive=True).size
    return total


def run_dateutil(rules, first, last):
    total = 0
    a, b = dt.datetime(first.year, first.month, first.day), dt.datetime(last.year, last.month, last.day)
    for rule, start in rules:
        rr = du.rrulestr(rule, dtstart=dt.datetime(start.year, start.month, start.day))
        total += len(rr.between(a, b, inc=True))
    return total


def timed(fn, *args):
    t0 = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - t0, result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rules", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=3_000)
    args = parser.parse_args()
    rng = random.Random(20261127)
    rules = mixed_rules(args.rules, rng)
    sample = rng.sample(rules, min(args.sample, len(rules)))
    first, last = dt.date(2026, 1, 1), dt.date(2026, 12, 31)

    for rule, start in sample[:200]:
        ours = levande.Recurrence(rule, start).between(first, last, inclusive=True).tolist()
        rr = du.rrulestr(rule, dtstart=dt.datetime(start.year, start.month, start.day))
        theirs = [d.date() for d in rr.between(dt.datetime(2026, 1, 1), dt.datetime(2026, 12, 31), inc=True)]
        assert ours == theirs, (rule, start)

    t_du, n_du = timed(run_dateutil, sample, first, last)
    t_lv, n_lv = timed(run_levande, sample, first, last)
    assert n_du == n_lv
    t_all, n_all = timed(run_levande, rules, first, last)
    # expand_many takes columns: the starts as a datetime64[D] array, built
    # before timing just as dateutil's datetime objects are.
    texts = [r for r, _ in sample]
    starts = np.array([s for _, s in sample], dtype="datetime64[D]")
    t_bulk_sample, (bulk_dates, _) = timed(levande.expand_many, texts, starts, first, last, True)
    assert bulk_dates.size == n_lv
    all_texts = [r for r, _ in rules]
    all_starts = np.array([s for _, s in rules], dtype="datetime64[D]")
    t_bulk, (all_dates, offsets) = timed(levande.expand_many, all_texts, all_starts, first, last, True)
    assert all_dates.size == n_all
    print(f"{len(sample):,} sampled rules over 2026: dateutil {t_du:.2f} s, levande {t_lv:.3f} s "
          f"({n_lv:,} dates) -> levande is {t_du / t_lv:.0f}x dateutil")
    print(f"all {len(rules):,} rules with levande: {t_all:.2f} s, {n_all:,} dates "
          f"({t_all / len(rules) * 1e6:.1f} us per rule-year)")
    print(f"bulk levande.expand_many: sample {t_bulk_sample:.4f} s -> {t_du / t_bulk_sample:.0f}x dateutil; "
          f"all {len(rules):,} rules {t_bulk:.2f} s ({t_bulk / len(rules) * 1e6:.1f} us per rule-year)")


if __name__ == "__main__":
    main()
