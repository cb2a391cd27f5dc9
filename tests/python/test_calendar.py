"""Calendars from Python; expected dates worked out by hand (see the C++ tests)."""

import datetime

import numpy as np
import pytest

import levande
from levande import Calendar, HolidayRule, Roll, Weekday


@pytest.fixture
def se():
    return Calendar.sweden(de_facto=True)


def test_sweden_2026(se, d):
    names = dict((day.isoformat(), name) for day, name in se.holidays(2026))
    assert names["2026-06-19"] == "Midsommarafton"
    assert names["2026-06-20"] == "Midsommardagen"
    assert names["2026-10-31"] == "Alla helgons dag"
    assert len(se.holidays(2026)) == 16
    assert len(Calendar.sweden(de_facto=False).holidays(2026)) == 13
    assert se.holidays(2008)[5:7] == [
        (d("2008-05-01"), "Första maj"),
        (d("2008-05-01"), "Kristi himmelsfärdsdag"),
    ]


def test_business_day_arithmetic(se, d):
    assert se.is_business_day(d("2026-04-07"))
    assert not se.is_business_day(d("2026-04-03"))
    assert se.add_business_days(d("2026-04-02"), 1) == d("2026-04-07")
    assert se.add_business_days(d("2026-04-07"), -1) == d("2026-04-02")
    assert se.add_business_days(d("2026-12-30"), 3) == d("2027-01-07")
    assert se.business_days_between(d("2026-12-21"), d("2027-01-11")) == 10
    assert se.business_days_between(d("2027-01-11"), d("2026-12-21")) == -10
    assert se.next_business_day(d("2026-06-18")) == d("2026-06-22")
    assert se.previous_business_day(d("2026-06-22")) == d("2026-06-18")
    assert se.roll(d("2026-10-31"), Roll.MODIFIED_FOLLOWING) == d("2026-10-30")
    assert se.roll(d("2026-10-31")) == d("2026-11-02")


def test_rules_closures_and_composition(d):
    company = Calendar()
    company.add_rule(HolidayRule.nth_weekday("Company day", 9, Weekday.FRIDAY, -1))
    company.add_closure(d("2026-07-06"), d("2026-07-31"), "Summer shutdown")
    assert not company.is_business_day(d("2026-09-25"))
    assert company.add_business_days(d("2026-07-03"), 1) == d("2026-08-03")
    assert company.closures == [(d("2026-07-06"), d("2026-07-31"), "Summer shutdown")]
    both = Calendar.sweden() | company
    assert not both.is_business_day(d("2026-07-07"))
    assert not both.is_business_day(d("2026-04-03"))
    assert both.is_business_day(d("2026-08-03"))
    assert HolidayRule.weekday_in_window("Midsommardagen", Weekday.SATURDAY, 6, 20).date_in(2021) == d(
        "2021-06-26"
    )
    assert HolidayRule.fixed_date("Leap", 2, 29).date_in(2026) is None
    assert repr(HolidayRule.easter_offset("Långfredagen", -2).valid_until(2030)) == (
        "HolidayRule.easter_offset('Långfredagen', -2).valid_until(2030)"
    )


def test_custom_weekend(d):
    gulf = Calendar([Weekday.FRIDAY, Weekday.SATURDAY])
    assert gulf.weekend == (Weekday.FRIDAY, Weekday.SATURDAY)
    assert gulf.add_business_days(d("2026-11-26"), 1) == d("2026-11-29")
    assert "Weekday.FRIDAY" in repr(gulf)
    with pytest.raises(levande.InvalidArgumentError, match="weekend"):
        Calendar(range(1, 8))
    with pytest.raises(levande.InvalidArgumentError, match="weekend"):
        gulf.set_weekend([9])
    assert gulf.weekend == (Weekday.FRIDAY, Weekday.SATURDAY)


def test_bad_input_names_field_and_leaves_calendar_unchanged(d):
    cal = Calendar()
    with pytest.raises(levande.InvalidArgumentError) as info:
        cal.add_closure(d("2026-07-31"), d("2026-07-06"), "Backwards")
    assert info.value.field == "last"
    with pytest.raises(levande.InvalidArgumentError) as info:
        HolidayRule.fixed_date("x", 2, 30)
    assert info.value.field == "day"
    assert cal.closures == []


def test_vectorised_forms_match_scalar_forms(se):
    days = np.arange("2026-01-01", "2027-03-01", dtype="datetime64[D]")
    offsets = (np.arange(days.size) % 15) - 7
    shifted = se.add_business_days(days, offsets)
    assert shifted.dtype == np.dtype("datetime64[D]")
    for day, n, got in zip(days.tolist()[::17], offsets[::17], shifted[::17].tolist()):
        assert got == se.add_business_days(day, int(n))
    flags = se.is_business_day(days)
    assert flags.dtype == np.bool_
    assert flags.tolist() == [se.is_business_day(x) for x in days.tolist()]
    anchor = datetime.date(2026, 6, 1)
    counts = se.business_days_between(anchor, days)
    assert counts.dtype == np.int64
    assert counts.tolist()[::13] == [se.business_days_between(anchor, x) for x in days.tolist()[::13]]
    rolled = se.roll(days, Roll.MODIFIED_PRECEDING)
    assert rolled.tolist()[::11] == [se.roll(x, Roll.MODIFIED_PRECEDING) for x in days.tolist()[::11]]


def test_vectorised_shapes_broadcasting_and_nat(se):
    grid = np.array([["2026-04-02", "NaT"], ["2026-12-30", "2026-06-18"]], dtype="datetime64[D]")
    out = se.add_business_days(grid, np.array([1, 3]))
    assert out.shape == (2, 2)
    assert out[0, 0] == np.datetime64("2026-04-07")
    assert np.isnat(out[0, 1])
    assert out[1, 0] == np.datetime64("2027-01-04")
    assert out[1, 1] == np.datetime64("2026-06-24")
    # One date, many offsets.
    assert se.add_business_days(datetime.date(2026, 4, 2), [0, 1, 2]).tolist() == [
        datetime.date(2026, 4, 2),
        datetime.date(2026, 4, 7),
        datetime.date(2026, 4, 8),
    ]
    # Other datetime64 units and ISO strings are accepted when they hold whole days.
    ns = np.array(["2026-04-02T00:00:00"], dtype="datetime64[ns]")
    assert se.add_business_days(ns, 1)[0] == np.datetime64("2026-04-07")
    assert se.is_business_day(["2026-04-03", "2026-04-07"]).tolist() == [False, True]


def test_vectorised_errors_name_the_element(se):
    with pytest.raises(levande.InvalidArgumentError, match=r"dates\[1\].*time of day"):
        se.add_business_days(np.array(["2026-01-01T00:00", "2026-01-01T08:30"], dtype="M8[m]"), 1)
    with pytest.raises(levande.InvalidArgumentError, match=r"dates\[1\].*NaT"):
        se.is_business_day(np.array(["2026-01-01", "NaT"], dtype="M8[D]"))
    with pytest.raises(levande.OutOfRangeError, match=r"dates\[0\]"):
        se.is_business_day(np.array(["1200-01-01"], dtype="M8[D]"))
    with pytest.raises(levande.InvalidArgumentError, match="expected dates"):
        se.is_business_day(np.array([1, 2, 3]))
    with pytest.raises(levande.InvalidArgumentError, match="expected integers"):
        se.add_business_days(np.array(["2026-01-01"], dtype="M8[D]"), 1.5)
    with pytest.raises(ValueError):
        se.add_business_days(np.array(["2026-01-01", "2026-01-02"], dtype="M8[D]"), [1, 2, 3])


def test_rules_are_copies_that_outlive_changes():
    cal = Calendar.sweden()
    rules = cal.rules
    cal.add_rule(HolidayRule.fixed_date("Founders' Day", 11, 27))
    cal.set_weekend([Weekday.SUNDAY])
    assert rules[0].name == "Nyårsdagen"
    assert len(rules) == 17 and len(cal.rules) == 18


def test_empty_columns(se):
    empty = np.array([], dtype="datetime64[D]")
    assert se.add_business_days(empty, 1).shape == (0,)
    assert se.business_days_between(empty, datetime.date(2026, 1, 1)).shape == (0,)
    assert se.is_business_day(empty).shape == (0,)
    assert se.roll(empty).shape == (0,)


def test_nat_rows_are_never_computed(se):
    # A real date this far back would leave the supported range; NaT must stay NaT.
    out = se.add_business_days(np.array(["NaT", "2026-04-02"], dtype="datetime64[D]"), [-150_000, 1])
    assert np.isnat(out[0])
    assert out[1] == np.datetime64("2026-04-07")


def test_unsigned_offsets_do_not_wrap(se):
    with pytest.raises(levande.OutOfRangeError, match=r"n\[0\]"):
        se.add_business_days(np.array(["2026-04-02"], dtype="datetime64[D]"), np.array([2**64 - 5], dtype=np.uint64))
