"""Business-day arithmetic: levande against numpy's busday functions, in one run.

Both sides use the same calendar (Swedish holidays incl. de facto days,
Saturday/Sunday weekend) on the same 10 million random dates in 1990-2080.
Three figures per operation, each the best of several repeats:

  numpy     numpy.busday_offset / busday_count with a busdaycalendar
  python    levande's vectorised Python API (numpy in, numpy out, incl. conversion)
  core      levande's C++ bulk API alone (bench_business_days, same machine, same run)

and the ratios numpy/python and numpy/core (> 1 means levande is faster).

    .venv/bin/python bench/compare_numpy.py [--n 10000000] [--core build/release/bench/bench_business_days]
"""

import argparse
import subprocess
import time

import numpy as np

import levande


def best_ns_per_item(fn, items, repeats):
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best * 1e9 / items


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=10_000_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--core", default="build/release/bench/bench_business_days")
    args = parser.parse_args()

    se = levande.Calendar.sweden(de_facto=True)
    days_off = [day for year in range(1985, 2086) for day, _ in se.holidays(year)]
    numpy_cal = np.busdaycalendar(weekmask="1111100", holidays=np.array(days_off, dtype="M8[D]"))

    rng = np.random.default_rng(20261127)
    start = np.datetime64("1990-01-01")
    span_days = (np.datetime64("2080-12-31") - start).astype(int)
    # numpy's busday_offset insists on business-day starts unless told how to roll;
    # start from business days so both libraries answer the same question.
    days = np.busday_offset(
        start + rng.integers(0, span_days, size=args.n).astype("timedelta64[D]"), 0, roll="forward", busdaycal=numpy_cal
    )
    offsets = rng.integers(-20, 21, size=args.n)
    ends = days + rng.integers(0, 366, size=args.n).astype("timedelta64[D]")

    ours = se.add_business_days(days, offsets)
    theirs = np.busday_offset(days, offsets, busdaycal=numpy_cal)
    assert np.array_equal(ours, theirs), "levande and numpy disagree on add_business_days"
    assert np.array_equal(se.business_days_between(days, ends), np.busday_count(days, ends, busdaycal=numpy_cal))

    rows = []
    for name, numpy_fn, levande_fn in [
        ("add_business_days", lambda: np.busday_offset(days, offsets, busdaycal=numpy_cal), lambda: se.add_business_days(days, offsets)),
        ("business_days_between", lambda: np.busday_count(days, ends, busdaycal=numpy_cal), lambda: se.business_days_between(days, ends)),
        ("is_business_day", lambda: np.is_busday(days, busdaycal=numpy_cal), lambda: se.is_business_day(days)),
    ]:
        rows.append((name, best_ns_per_item(numpy_fn, args.n, args.repeats), best_ns_per_item(levande_fn, args.n, args.repeats)))

    core = {}
    try:
        out = subprocess.run([args.core, str(args.n), str(args.repeats)], check=True, capture_output=True, text=True).stdout
        core = {name: float(value) for name, value in (line.split() for line in out.splitlines()) if name != "checksum"}
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"(core benchmark not run: {exc}; build it with cmake --build build/release)")

    print(f"{args.n:,} dates, Swedish calendar, best of {args.repeats}; ns per date")
    print(f"{'operation':<24}{'numpy':>8}{'python':>8}{'core':>8}{'numpy/python':>14}{'numpy/core':>12}")
    for name, numpy_ns, python_ns in rows:
        core_ns = core.get(name)
        core_txt = f"{core_ns:8.1f}" if core_ns else f"{'-':>8}"
        ratio_core = f"{numpy_ns / core_ns:11.1f}x" if core_ns else f"{'-':>12}"
        print(f"{name:<24}{numpy_ns:8.1f}{python_ns:8.1f}{core_txt}{numpy_ns / python_ns:13.1f}x{ratio_core}")


if __name__ == "__main__":
    main()
