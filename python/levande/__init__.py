"""levande — keep competence development alive after a training.

The Python face of the levande C++ library: business calendars, dates and
RFC 5545 recurrence rules today; follow-up scheduling and progress metrics as they land. Dates are
``datetime.date`` for single values and numpy ``datetime64[D]`` for columns.

>>> import datetime, levande
>>> se = levande.Calendar.sweden()
>>> se.add_business_days(datetime.date(2026, 4, 2), 1)  # skips Easter
datetime.date(2026, 4, 7)
"""

from . import ical
from ._core import (
    MAX_DATE,
    MIN_DATE,
    AdjustedRecurrence,
    Adjustment,
    AlreadyExistsError,
    Calendar,
    ConstraintError,
    Error,
    Frequency,
    HolidayRule,
    InternalError,
    InvalidArgumentError,
    InvalidDateError,
    IOError,
    MisuseError,
    MonthEnd,
    NotFoundError,
    OutOfRangeError,
    ParseError,
    Recurrence,
    RecurrenceRule,
    Roll,
    UnsupportedError,
    Weekday,
    __version__,
    add_months,
    add_years,
    easter_sunday,
    expand_many,
    library_version,
    parse_date,
)

__all__ = [
    "MAX_DATE",
    "MIN_DATE",
    "AdjustedRecurrence",
    "Adjustment",
    "AlreadyExistsError",
    "Calendar",
    "ConstraintError",
    "Error",
    "Frequency",
    "HolidayRule",
    "IOError",
    "InternalError",
    "InvalidArgumentError",
    "InvalidDateError",
    "MisuseError",
    "MonthEnd",
    "NotFoundError",
    "OutOfRangeError",
    "ParseError",
    "Recurrence",
    "RecurrenceRule",
    "Roll",
    "UnsupportedError",
    "Weekday",
    "__version__",
    "add_months",
    "add_years",
    "easter_sunday",
    "expand_many",
    "ical",
    "library_version",
    "parse_date",
]
