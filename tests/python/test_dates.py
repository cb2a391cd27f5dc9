"""Dates from Python: strict parsing, month arithmetic, the date caster."""

import datetime

import pytest

import levande
from levande import MonthEnd


def test_parse_date(d):
    assert levande.parse_date("2026-11-27") == d("2026-11-27")
    assert levande.parse_date("1400-01-01") == levande.MIN_DATE
    assert levande.MAX_DATE == d("9999-12-31")


@pytest.mark.parametrize(
    "text, error",
    [
        ("2026-02-30", levande.InvalidDateError),
        ("2026-13-01", levande.InvalidDateError),
        ("26-1-1", levande.ParseError),
        ("2026-1-01", levande.ParseError),
        ("20260101", levande.ParseError),
        ("2026-01-01 ", levande.ParseError),
        ("1399-12-31", levande.OutOfRangeError),
    ],
)
def test_parse_date_is_strict_and_names_the_input(text, error):
    with pytest.raises(error) as info:
        levande.parse_date(text)
    assert text.strip() in str(info.value)
    assert info.value.field == "date"
    assert info.value.value == text


def test_add_months_policies(d):
    jan31 = d("2026-01-31")
    assert levande.add_months(jan31, 1, MonthEnd.CLAMP) == d("2026-02-28")
    assert levande.add_months(jan31, 1, MonthEnd.NEXT_MONTH_START) == d("2026-03-01")
    with pytest.raises(levande.InvalidDateError, match="February 2026"):
        levande.add_months(jan31, 1, MonthEnd.ERROR)
    # No snapping: 30 April + 1 month is 30 May.
    assert levande.add_months(d("2026-04-30"), 1, MonthEnd.ERROR) == d("2026-05-30")
    assert levande.add_months(d("2026-01-15"), -13, MonthEnd.ERROR) == d("2024-12-15")


def test_month_end_has_no_default(d):
    with pytest.raises(TypeError):
        levande.add_months(d("2026-01-31"), 1)  # type: ignore[call-arg]


def test_add_years_on_leap_day(d):
    assert levande.add_years(d("2024-02-29"), 1, MonthEnd.CLAMP) == d("2025-02-28")
    assert levande.add_years(d("2024-02-29"), 1, MonthEnd.NEXT_MONTH_START) == d("2025-03-01")
    assert levande.add_years(d("2024-02-29"), 4, MonthEnd.ERROR) == d("2028-02-29")
    with pytest.raises(levande.OutOfRangeError):
        levande.add_years(d("2024-02-29"), 9000, MonthEnd.CLAMP)


def test_caster_rejects_datetimes_and_early_dates(d):
    cal = levande.Calendar()
    # A datetime is not a date: its time of day would be lost.
    with pytest.raises(levande.InvalidArgumentError, match="time of day"):
        cal.is_business_day(datetime.datetime(2026, 1, 1, 12, 0))
    with pytest.raises(levande.OutOfRangeError, match="1300-01-01"):
        cal.is_business_day(datetime.date(1300, 1, 1))
    # Round trip through the caster at the ends of the range.
    assert cal.roll(d("9999-12-31"), levande.Roll.PRECEDING) == d("9999-12-31")
    assert cal.roll(d("1400-01-01"), levande.Roll.FOLLOWING) == d("1400-01-01")


def test_weekday_is_iso_numbered(d):
    assert levande.Weekday.MONDAY == 1 == d("2026-11-23").isoweekday()
    assert levande.Weekday(d("2026-11-29").isoweekday()) is levande.Weekday.SUNDAY
