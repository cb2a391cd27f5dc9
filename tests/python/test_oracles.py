"""levande against independent implementations: the PyPI `holidays` package
(Swedish holidays), dateutil (Easter) and numpy's busday functions
(business-day arithmetic with the same holiday list)."""

import datetime

import holidays
import numpy as np
import pytest
from dateutil import easter as dateutil_easter

import levande

# The one name that differs: the law says "Sveriges nationaldag", the
# holidays package uses the common "Nationaldagen".
ALIASES = {"Sveriges nationaldag": "Nationaldagen"}


def reference_sweden(year):
    ref = holidays.Sweden(years=year, categories=("public", "de_facto"), language="sv")
    out = set()
    for day, names in ref.items():
        for name in names.split("; "):
            out.add((day, name))
    return out


def test_sweden_equals_holidays_package_1990_2080():
    se = levande.Calendar.sweden(de_facto=True)
    for year in range(1990, 2081):
        ours = {(day, ALIASES.get(name, name)) for day, name in se.holidays(year)}
        assert ours == reference_sweden(year), year


def test_easter_equals_dateutil_1583_4099():
    for year in range(1583, 4100):
        assert levande.easter_sunday(year) == dateutil_easter.easter(year, dateutil_easter.EASTER_WESTERN), year


@pytest.fixture(scope="module")
def swedish_setup():
    se = levande.Calendar.sweden(de_facto=True)
    days_off = [day for year in range(1985, 2086) for day, _ in se.holidays(year)]
    numpy_cal = np.busdaycalendar(weekmask="1111100", holidays=np.array(days_off, dtype="M8[D]"))
    return se, numpy_cal


def test_business_days_equal_numpy(swedish_setup):
    se, numpy_cal = swedish_setup
    rng = np.random.default_rng(20261127)
    days = np.datetime64("1990-01-01") + rng.integers(0, 33000, size=100_000).astype("timedelta64[D]")
    offsets = rng.integers(-60, 61, size=days.size)

    # numpy rolls a non-business start first and then counts it; levande
    # never counts the start (WORKDAY semantics). On business days they agree;
    # elsewhere levande's d + n is numpy's forward roll + (n - 1) for n > 0,
    # and backward roll + (n + 1) for n < 0.
    is_open = np.is_busday(days, busdaycal=numpy_cal)
    np.testing.assert_array_equal(se.is_business_day(days), is_open)
    adjusted = np.where(is_open | (offsets == 0), offsets, np.where(offsets > 0, offsets - 1, offsets + 1))
    roll = np.where(offsets < 0, "backward", "forward")
    expected = np.empty_like(days)
    for direction in ("forward", "backward"):
        pick = roll == direction
        expected[pick] = np.busday_offset(days[pick], adjusted[pick], roll=direction, busdaycal=numpy_cal)
    np.testing.assert_array_equal(se.add_business_days(days, offsets), expected)

    ends = days + rng.integers(-400, 400, size=days.size).astype("timedelta64[D]")
    # Forwards both count [begin, end). Backwards levande stays antisymmetric
    # (-count of [end, begin)), while numpy >= 1.25 counts (end, begin], so the
    # reference for end < begin is numpy with the arguments swapped.
    forward = ends >= days
    expected = np.where(
        forward,
        np.busday_count(days, ends, busdaycal=numpy_cal),
        -np.busday_count(ends, days, busdaycal=numpy_cal),
    )
    np.testing.assert_array_equal(se.business_days_between(days, ends), expected)


def test_roll_equals_numpy(swedish_setup):
    se, numpy_cal = swedish_setup
    days = np.arange("2020-01-01", "2030-01-01", dtype="M8[D]")
    for ours, theirs in [
        (levande.Roll.FOLLOWING, "following"),
        (levande.Roll.PRECEDING, "preceding"),
        (levande.Roll.MODIFIED_FOLLOWING, "modifiedfollowing"),
        (levande.Roll.MODIFIED_PRECEDING, "modifiedpreceding"),
    ]:
        np.testing.assert_array_equal(
            se.roll(days, ours), np.busday_offset(days, 0, roll=theirs, busdaycal=numpy_cal)
        )
