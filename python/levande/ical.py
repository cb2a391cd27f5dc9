"""iCalendar (RFC 5545) export: follow-ups as VEVENTs, action-plan tasks as VTODOs.

>>> import datetime, levande
>>> text = levande.ical.write(
...     [levande.ical.Event(uid="checkin-1@example.org", summary="Check-in", date=datetime.date(2026, 6, 2))],
...     stamp=datetime.date(2026, 5, 20))
>>> text.startswith("BEGIN:VCALENDAR\\r\\n")
True
"""

from ._core import ical as _ical

Alarm = _ical.Alarm
Event = _ical.Event
Person = _ical.Person
Todo = _ical.Todo
TodoStatus = _ical.TodoStatus
business_day_exceptions = _ical.business_day_exceptions
escape_text = _ical.escape_text
fold_line = _ical.fold_line
supported_time_zones = _ical.supported_time_zones
write = _ical.write

__all__ = [
    "Alarm",
    "Event",
    "Person",
    "Todo",
    "TodoStatus",
    "business_day_exceptions",
    "escape_text",
    "fold_line",
    "supported_time_zones",
    "write",
]
