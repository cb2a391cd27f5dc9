"""Writing .ics: levande.ical against the PyPI icalendar package, in one run.

Both write the same 100 000 follow-up events (all-day, with an RRULE, an
EXDATE, categories and a description that needs escaping and folding). Times
are for serialising prebuilt objects, and end to end (building the objects
too); ratios > 1 mean levande is faster. The output of levande is read back
by icalendar on a sample to make sure both wrote the same events.

    .venv/bin/python bench/ical_vs_icalendar.py [--events 100000]
"""

import argparse
import datetime as dt
import time

import icalendar

from levande import ical

STAMP = dt.date(2026, 5, 20)
DESCRIPTION = "How has the training affected your daily work? What challenges did you meet; what support, resources or time do you need next?"


def specs(n):
    base = dt.date(2026, 1, 5)
    for i in range(n):
        start = base + dt.timedelta(days=7 * (i % 50))
        yield dict(
            uid=f"followup-{i}@levande.example",
            summary=f"Check-in {i}: cloud security, team {i % 8}",
            date=start,
            rule="FREQ=WEEKLY;INTERVAL=2;COUNT=6",
            exdate=start + dt.timedelta(days=14),
        )


def build_levande(items):
    return [
        ical.Event(
            uid=s["uid"], summary=s["summary"], date=s["date"], description=DESCRIPTION,
            categories=["Step 1: action plan", "Check-in"], rule=s["rule"], exdates=[s["exdate"]],
        )
        for s in items
    ]


def build_icalendar(items):
    cal = icalendar.Calendar()
    cal.add("prodid", "-//bench//EN")
    cal.add("version", "2.0")
    for s in items:
        e = icalendar.Event()
        e.add("uid", s["uid"])
        e.add("dtstamp", dt.datetime(2026, 5, 20, tzinfo=dt.timezone.utc))
        e.add("dtstart", s["date"])
        e.add("dtend", s["date"] + dt.timedelta(days=1))
        e.add("summary", s["summary"])
        e.add("description", DESCRIPTION)
        e.add("categories", ["Step 1: action plan", "Check-in"])
        e.add("rrule", icalendar.vRecur.from_ical(s["rule"]))
        e.add("exdate", s["exdate"])
        cal.add_component(e)
    return cal


def timed(fn, *args):
    t0 = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - t0, result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    args = parser.parse_args()
    items = list(specs(args.events))

    t_build_lv, events = timed(build_levande, items)
    t_write_lv, text = timed(lambda: ical.write(events, stamp=STAMP))
    t_build_ic, cal = timed(build_icalendar, items)
    t_write_ic, data = timed(cal.to_ical)

    sample = icalendar.Calendar.from_ical(ical.write(events[:200], stamp=STAMP)).walk("VEVENT")
    assert [str(e["UID"]) for e in sample] == [s["uid"] for s in items[:200]]
    assert str(sample[0]["DESCRIPTION"]) == DESCRIPTION

    print(f"{args.events:,} events: levande {len(text.encode()) / 1e6:.1f} MB, icalendar {len(data) / 1e6:.1f} MB")
    print(f"serialise:  icalendar {t_write_ic:.2f} s, levande {t_write_lv:.3f} s -> {t_write_ic / t_write_lv:.0f}x")
    total_ic, total_lv = t_build_ic + t_write_ic, t_build_lv + t_write_lv
    print(f"end to end: icalendar {total_ic:.2f} s, levande {total_lv:.3f} s -> {total_ic / total_lv:.0f}x")


if __name__ == "__main__":
    main()
