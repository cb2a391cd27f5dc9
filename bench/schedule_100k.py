"""Scheduling the synthetic organisation for one year, with the FSRS
comparison against py-fsrs in the same run.

The synthetic organisation (levande.synthetic_organisation: 100 000 people,
three trainings each, plans with a goal and a task, a year of weekly
check-ins already recorded) is planned for 2026 with the default policy:
all six steps, the Swedish calendar, levelling (2 per person per week).
Reported: the time of plan_follow_up (pure: event table, unplaced list and
the record diff), the time to write the changes, a re-plan (which must find
nothing to change), the event count and the memory of the event table.
Then bench/fsrs_vs_pyfsrs.py runs in the same process, so its ratio is
measured under the same load.

    .venv/bin/python bench/schedule_100k.py [--people 100000]
"""

import argparse
import datetime as dt
import resource
import sys
import time

import levande


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--histories", type=int, default=20_000)
    args = parser.parse_args()

    ws = levande.synthetic_organisation(people=args.people)
    horizon = {"as_of": dt.date(2026, 1, 1), "until": dt.date(2026, 12, 31)}
    before = rss_mb()
    t = time.perf_counter()
    s = ws.plan_follow_up(**horizon)
    plan = time.perf_counter() - t
    grown = rss_mb() - before
    n = len(s)
    counts = s.change_counts()
    t = time.perf_counter()
    ws.apply_schedule(s)
    write = time.perf_counter() - t
    t = time.perf_counter()
    again = ws.plan_follow_up(**horizon)
    replan = time.perf_counter() - t
    assert again.change_counts() == {"records": 0, "add_check_ins": 0, "remove_check_ins": 0}
    table_bytes = n * (4 + 4 + 4 + 4 + 1)
    print(f"people {args.people}: {n} events, {len(s.unplaced())} unplaced, changes {counts}")
    print(f"plan_follow_up {plan:.2f} s ({plan / n * 1e9:.0f} ns per event), write {write:.2f} s, "
          f"re-plan {replan:.2f} s (no changes)")
    print(f"event table columns {table_bytes / 2**20:.0f} MiB; peak RSS grew {grown:.0f} MiB "
          f"while planning (series, pending events, record diff)")
    print("target: plan <= 2 s on one core")
    sys.argv = [sys.argv[0], "--histories", str(args.histories)]
    import fsrs_vs_pyfsrs

    fsrs_vs_pyfsrs.main()


if __name__ == "__main__":
    main()
