"""Recurrence expansion against python-dateutil on seeded random rules.

Rules are drawn from the whole date-valued grammar (FREQ, INTERVAL, COUNT,
UNTIL, BYMONTH, BYWEEKNO, BYYEARDAY, BYMONTHDAY, BYDAY with ordinals,
BYSETPOS, WKST) and DTSTART is moved onto the rule's first date, so both
libraries answer the same, well-defined question. The two areas where
levande rules differently (information missing from the rule is taken from
DTSTART, RFC 5545 §3.3.10) have their own tests below.
"""

import datetime as dt
import random

import numpy as np
import pytest
from dateutil import rrule as du

import levande

DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
FREQS = ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]
WINDOW_DAYS = 800


def sample(rng, values, low=1, high=3):
    return sorted(set(rng.choice(values) for _ in range(rng.randint(low, high))))


def signed(rng, top):
    value = rng.randint(1, top)
    return value if rng.random() < 0.6 else -value


def random_rule(rng, start):
    freq = rng.choice(FREQS)
    parts = [f"FREQ={freq}"]
    if rng.random() < 0.4:
        parts.append(f"INTERVAL={rng.randint(2, 4)}")
    end = rng.random()
    if end < 0.4:
        parts.append(f"COUNT={rng.randint(1, 30)}")
    elif end < 0.7:
        until = start + dt.timedelta(days=rng.randint(0, 1500))
        parts.append(f"UNTIL={until:%Y%m%d}")
    by = {}
    if rng.random() < 0.3:
        by["BYMONTH"] = sample(rng, range(1, 13))
    if freq == "YEARLY" and rng.random() < 0.15:
        by["BYWEEKNO"] = sorted({signed(rng, 53) for _ in range(rng.randint(1, 3))})
    if freq == "YEARLY" and rng.random() < 0.15:
        by["BYYEARDAY"] = sorted({signed(rng, 366) for _ in range(rng.randint(1, 3))})
    if freq != "WEEKLY" and rng.random() < 0.3:
        by["BYMONTHDAY"] = sorted({signed(rng, 31) for _ in range(rng.randint(1, 3))})
    if rng.random() < 0.45:
        ordinals_ok = freq in ("MONTHLY", "YEARLY") and "BYWEEKNO" not in by
        in_month = freq == "MONTHLY" or "BYMONTH" in by
        # All entries with ordinals or none: dateutil intersects plain and
        # ordinal entries, see test_ruling_byday_list_is_a_union.
        with_ordinals = ordinals_ok and rng.random() < 0.4
        entries = set()
        for _ in range(rng.randint(1, 3)):
            day = rng.choice(DAYS)
            entries.add(f"{signed(rng, 5 if in_month else 53)}{day}" if with_ordinals else day)
        by["BYDAY"] = sorted(entries)
    # WEEKLY with BYSETPOS: dateutil counts positions in the part of the first
    # week from DTSTART on, see test_ruling_weekly_setpos_counts_the_whole_week.
    if by and freq != "WEEKLY" and rng.random() < 0.2:
        by["BYSETPOS"] = sorted({signed(rng, 10) for _ in range(rng.randint(1, 2))})
    if rng.random() < 0.2:
        by["WKST"] = [rng.choice(DAYS)]
    for name, values in by.items():
        parts.append(f"{name}={','.join(str(v) for v in values)}")
    return ";".join(parts), by


def takes_missing_from_dtstart(freq, by):
    """The two rulings where levande derives missing information from DTSTART."""
    yearly = freq == "YEARLY"
    weekno_alone = yearly and "BYWEEKNO" in by and not ({"BYDAY", "BYMONTHDAY", "BYYEARDAY"} & by.keys())
    monthday_alone = yearly and "BYMONTHDAY" in by and not ({"BYMONTH", "BYWEEKNO", "BYYEARDAY"} & by.keys())
    return weekno_alone or monthday_alone


def as_datetime(day):
    return dt.datetime(day.year, day.month, day.day)


def reference(rule, start, last):
    rr = du.rrulestr(rule, dtstart=as_datetime(start))
    if "COUNT=" in rule or "UNTIL=" in rule:
        return [d.date() for d in rr]
    return [d.date() for d in rr.between(as_datetime(start), as_datetime(last), inc=True)]


def first_date(rule, candidate):
    """dateutil's first date of the rule on or after candidate. Rules whose
    dates are rarer than one in 50 years are left out: dateutil searches up
    to year 9999 for them, which takes seconds each."""
    horizon = candidate + dt.timedelta(days=50 * 365)
    if levande.Recurrence(rule, candidate).between(candidate, horizon, inclusive=True).size == 0:
        return None
    return du.rrulestr(rule, dtstart=as_datetime(candidate)).after(as_datetime(candidate), inc=True)


def test_random_rules_match_dateutil():
    rng = random.Random(20261127)
    compared = skipped = 0
    while compared < int(__import__("os").environ.get("N_RULES", "10000")):
        candidate = dt.date(1990, 1, 1) + dt.timedelta(days=rng.randint(0, 40 * 365))
        rule, by = random_rule(rng, candidate)
        if takes_missing_from_dtstart(rule.split(";")[0][5:], by):
            continue
        first = first_date(rule, candidate)
        if first is None:
            skipped += 1
            continue
        start = first.date()
        ours = levande.Recurrence(rule, start)
        count = levande.RecurrenceRule.parse(rule).count
        if count is not None and ours.between(start, dt.date(9999, 12, 31), inclusive=True).size < count:
            skipped += 1  # fewer dates than COUNT: dateutil would search to 9999
            continue
        last = start + dt.timedelta(days=WINDOW_DAYS)
        expected = reference(rule, start, last)
        window_end = max([last] + expected)
        got = ours.between(start, window_end, inclusive=True)
        assert got.tolist() == expected, (rule, start)
        compared += 1
    assert skipped < compared // 3


def test_canonical_form_round_trips():
    rng = random.Random(7)
    for _ in range(2000):
        rule, _ = random_rule(rng, dt.date(2026, 1, 1))
        parsed = levande.RecurrenceRule.parse(rule)
        again = levande.RecurrenceRule.parse(str(parsed))
        assert again == parsed
        assert str(again) == str(parsed)


def test_ruling_weekno_without_byday_uses_dtstart_weekday():
    # dateutil returns all seven days of week 20; levande (like libical) takes
    # the weekday from DTSTART, as RFC 5545 says for information the rule lacks.
    start = dt.date(1997, 5, 12)  # a Monday in ISO week 20
    rule = "FREQ=YEARLY;BYWEEKNO=20;COUNT=3"
    dateutil_days = [d.date() for d in du.rrulestr("FREQ=YEARLY;BYWEEKNO=20", dtstart=as_datetime(start))[:21]]
    expected = [d for d in dateutil_days if d.weekday() == start.weekday()][:3]
    assert expected == [dt.date(1997, 5, 12), dt.date(1998, 5, 11), dt.date(1999, 5, 17)]
    got = levande.Recurrence(rule, start).between(start, dt.date(2000, 1, 1), inclusive=True)
    assert got.tolist() == expected


def test_ruling_yearly_monthday_without_bymonth_uses_dtstart_month():
    # dateutil repeats the 29th in every month; levande (like libical's vector
    # "yearly, by Feb 29th day of month") keeps DTSTART's month.
    start = dt.date(2024, 2, 29)
    got = levande.Recurrence("FREQ=YEARLY;BYMONTHDAY=29;COUNT=3", start)
    expected = [d.date() for d in du.rrulestr("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=3", dtstart=as_datetime(start))]
    assert got.between(start, dt.date(2040, 1, 1), inclusive=True).tolist() == expected
    assert expected == [dt.date(2024, 2, 29), dt.date(2028, 2, 29), dt.date(2032, 2, 29)]


def test_ruling_dtstart_not_matching_is_not_an_occurrence():
    # Like dateutil: DTSTART (a Monday) is not a Tuesday, so it is not listed.
    start = dt.date(2026, 6, 1)
    rule = "FREQ=WEEKLY;BYDAY=TU;COUNT=2"
    expected = [d.date() for d in du.rrulestr(rule, dtstart=as_datetime(start))]
    got = levande.Recurrence(rule, start).between(start, dt.date(2027, 1, 1), inclusive=True)
    assert got.tolist() == expected == [dt.date(2026, 6, 2), dt.date(2026, 6, 9)]


def test_ruling_byday_list_is_a_union():
    # RFC 5545: BYDAY lists days, each entry adds dates. dateutil keeps only
    # dates matching a plain AND an ordinal entry; levande follows the RFC.
    # March 2026: Saturdays 7, 14, 21, 28; Tuesdays 3, 10, 17, 24, 31.
    start = dt.date(2026, 3, 1)
    rec = levande.Recurrence("FREQ=MONTHLY;BYDAY=1SA,TU;COUNT=6", start)
    assert rec.between(start, dt.date(2026, 12, 31), inclusive=True).tolist() == [
        dt.date(2026, 3, 3),
        dt.date(2026, 3, 7),
        dt.date(2026, 3, 10),
        dt.date(2026, 3, 17),
        dt.date(2026, 3, 24),
        dt.date(2026, 3, 31),
    ]


def test_ruling_weekly_setpos_counts_the_whole_week():
    # RFC 5545: BYSETPOS picks from the set of the whole interval (the week).
    # Week of Monday 2026-06-01: WE 06-03, FR 06-05. With DTSTART on that
    # Friday, position 2 is still the Friday; dateutil starts counting at
    # DTSTART and so skips to the next week.
    start = dt.date(2026, 6, 5)
    rec = levande.Recurrence("FREQ=WEEKLY;BYDAY=WE,FR;BYSETPOS=2;COUNT=2", start)
    assert rec.between(start, dt.date(2026, 12, 31), inclusive=True).tolist() == [
        dt.date(2026, 6, 5),
        dt.date(2026, 6, 12),
    ]
