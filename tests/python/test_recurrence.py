"""levande.Recurrence from Python: the API shape, errors, laziness, adjustment."""

import datetime as dt
import itertools

import numpy as np
import pytest

import levande
from levande import Adjustment, Recurrence, RecurrenceRule


def test_between_follows_dateutil_conventions(d):
    rec = Recurrence("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", d("2026-05-26"))
    got = rec.between(d("2026-05-26"), d("2026-06-23"))
    assert got.dtype == np.dtype("datetime64[D]")
    assert got.tolist() == [d("2026-06-09")]  # both ends excluded by default
    assert rec.between(d("2026-05-26"), d("2026-06-23"), inclusive=True).tolist() == [
        d("2026-05-26"),
        d("2026-06-09"),
        d("2026-06-23"),
    ]
    assert str(rec) == "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"
    assert rec.after(d("2026-06-09")) == d("2026-06-23")
    assert not rec.is_finite


def test_iteration_is_lazy_and_endless_rules_work(d):
    rec = Recurrence("FREQ=YEARLY;BYMONTH=6;BYDAY=-1FR", d("2026-06-26"))
    assert list(itertools.islice(rec.iter_occurrences(d("2030-01-01")), 2)) == [d("2030-06-28"), d("2031-06-27")]
    finite = Recurrence("FREQ=DAILY;COUNT=3", d("2026-01-01"))
    assert list(finite.iter_occurrences()) == [d("2026-01-01"), d("2026-01-02"), d("2026-01-03")]


def test_rdates_exdates_and_rule_object(d):
    rule = RecurrenceRule.parse("FREQ=WEEKLY;BYDAY=MO")
    rec = Recurrence(rule, d("2026-06-01"), rdates=[d("2026-06-04")], exdates=[d("2026-06-08")])
    assert rec.between(d("2026-06-01"), d("2026-06-15"), inclusive=True).tolist() == [
        d("2026-06-01"),
        d("2026-06-04"),
        d("2026-06-15"),
    ]
    assert rec.rule == rule
    assert rule.by_day == [(0, levande.Weekday.MONDAY)]
    assert repr(rule) == "RecurrenceRule.parse('FREQ=WEEKLY;BYDAY=MO')"


def test_adjusted_onto_swedish_business_days(d):
    se = levande.Calendar.sweden()
    fridays = Recurrence("FREQ=WEEKLY;BYDAY=FR", d("2026-06-12"))
    got = fridays.adjusted(se, Adjustment.FOLLOWING).between(d("2026-06-12"), d("2026-06-26"), inclusive=True)
    assert got.tolist() == [d("2026-06-12"), d("2026-06-22"), d("2026-06-26")]
    skipped = fridays.adjusted(se, Adjustment.SKIP).between(d("2026-06-12"), d("2026-06-26"), inclusive=True)
    assert skipped.tolist() == [d("2026-06-12"), d("2026-06-26")]


@pytest.mark.parametrize(
    "rule, error, field",
    [
        ("FREQ=WEEKLY;BYDAY=9MO", levande.ParseError, "BYDAY"),
        ("FREQ=DAILY;COUNT=3;UNTIL=20270101", levande.ParseError, "COUNT"),
        ("FREQ=DAILY;BYSETPOS=1", levande.ParseError, "BYSETPOS"),
        ("FREQ=DAILY;NOPE=1", levande.ParseError, "NOPE"),
        ("FREQ=DAILY;INTERVAL=99999999999", levande.ParseError, "INTERVAL"),
        ("FREQ=MINUTELY", levande.UnsupportedError, "FREQ"),
        ("FREQ=DAILY;UNTIL=20260230", levande.InvalidDateError, "UNTIL"),
    ],
)
def test_bad_rules_raise_naming_the_part(d, rule, error, field):
    with pytest.raises(error) as info:
        Recurrence(rule, d("2026-01-01"))
    assert info.value.field == field
    assert "position" in str(info.value)


def test_the_cap_is_a_clear_error(d):
    rec = Recurrence("FREQ=DAILY", d("2026-01-01"))
    with pytest.raises(levande.OutOfRangeError, match="limit"):
        rec.between(d("2026-01-01"), d("2030-01-01"), limit=100)
    assert rec.between(d("2026-01-01"), d("2026-04-11"), limit=100).size == 99


def test_garbage_never_crashes(d):
    import random

    rng = random.Random(5)
    alphabet = "FREQ=DAILYWEKMONTHYRBYDAMSETPOUNICV0123456789;,-+:"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        try:
            Recurrence(text, d("2026-01-01")).between(d("2026-01-01"), d("2026-03-01"))
        except levande.Error:
            pass


def test_expand_many_equals_one_by_one(d):
    rules = ["FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "FREQ=MONTHLY;BYDAY=-1FR", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"]
    starts = [d("2026-05-26"), d("2026-01-30"), d("2026-06-02")]
    dates, offsets = levande.expand_many(rules, starts, d("2026-06-01"), d("2026-09-30"), inclusive=True)
    assert offsets.tolist()[0] == 0 and offsets.size == 4
    for i, (rule, start) in enumerate(zip(rules, starts)):
        one = Recurrence(rule, start).between(d("2026-06-01"), d("2026-09-30"), inclusive=True)
        assert dates[offsets[i] : offsets[i + 1]].tolist() == one.tolist()
    with pytest.raises(levande.ParseError) as info:
        levande.expand_many(["FREQ=DAILY", "FREQ=NEVER"], [d("2026-01-01")], d("2026-01-01"), d("2026-02-01"))
    assert info.value.field == "rules[1]"


@pytest.mark.parametrize("year", [1400, 1401, 2026, 2027, 9998, 9999])
def test_week_numbers_match_iso_8601_up_to_the_range_ends(year):
    # Python's date.isocalendar() is the oracle for Monday-based week numbers.
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]

    def last_week(iso_year):
        return dt.date(iso_year, 12, 28).isocalendar()[1]

    expected = [
        x for x in days
        if x.isoweekday() in (1, 7)
        and (x.isocalendar()[1] == 1 or x.isocalendar()[1] == last_week(x.isocalendar()[0]))
    ]
    start = next(x for x in expected)
    rec = Recurrence("FREQ=YEARLY;BYWEEKNO=1,-1;BYDAY=MO,SU", start)
    assert rec.between(first, last, inclusive=True).tolist() == [x for x in expected if x >= start]


def test_weekly_periods_at_the_range_ends(d):
    # 1400-01-01 is a Wednesday: the first week is cut at the start of the range.
    rec = Recurrence("FREQ=WEEKLY;BYDAY=MO,FR", d("1400-01-03"))
    assert rec.between(d("1400-01-01"), d("1400-01-14"), inclusive=True).tolist() == [
        d("1400-01-03"),
        d("1400-01-06"),
        d("1400-01-10"),
        d("1400-01-13"),
    ]
    # 9999-12-31 is a Friday: the last week ends there.
    last = Recurrence("FREQ=WEEKLY;BYDAY=MO,FR", d("9999-12-20"))
    assert list(last.iter_occurrences()) == [d("9999-12-20"), d("9999-12-24"), d("9999-12-27"), d("9999-12-31")]
