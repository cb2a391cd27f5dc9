"""The follow-up scheduler: plan the six steps of every training on each
person's business calendar, level the load, and read the result as pandas.

>>> import datetime, levande
>>> ws = levande.Workspace()
>>> ws.add(levande.Person(id="anna", name="Anna"),
...        levande.Training(id="T", title="Cloud security", kind="security",
...                         start=datetime.date(2026, 6, 8), end=datetime.date(2026, 6, 10)),
...        levande.Participation(person="anna", training="T"))
>>> s = levande.schedule.generate_follow_up(ws, as_of=datetime.date(2026, 6, 1),
...                                          until=datetime.date(2026, 12, 31))
>>> s.events().iloc[0][["person", "kind", "date"]].tolist()
['anna', 'plan_due', Timestamp('2026-06-17 00:00:00')]
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, Mapping, Optional, Sequence

import numpy as np

from . import _core
from .table import Table

if TYPE_CHECKING:  # pragma: no cover
    from .workspace import Workspace

__all__ = ["EVENT_KINDS", "Schedule", "apply_schedule", "calendar_for_code", "generate_follow_up",
           "overdue", "plan_follow_up"]

#: Event kinds in the order of their codes (levande::EventKind).
EVENT_KINDS: list[str] = _core.enum_names()["event_kind"]

calendar_for_code = _core.calendar_for_code


class Schedule:
    """A computed follow-up programme: the event table, what could not be
    placed, and the record changes (already written by
    :func:`generate_follow_up`, or written by :func:`apply_schedule`). It
    keeps the workspace it was planned on alive, for the ids and titles of
    its events."""

    def __init__(self, core_workspace: _core.Workspace, core: _core.Schedule) -> None:
        self._ws = core_workspace
        self._core = core

    def __len__(self) -> int:
        return len(self._core)

    def __repr__(self) -> str:
        records, added, removed = self._core.change_counts()
        return (f"<levande.Schedule {len(self)} events, {len(self._core.unplaced())} unplaced, "
                f"changes: {records} records, +{added}/-{removed} check-ins>")

    def change_counts(self) -> dict[str, int]:
        """How many record operations, check-ins to add and to remove the schedule holds."""
        records, added, removed = self._core.change_counts()
        return {"records": records, "add_check_ins": added, "remove_check_ins": removed}

    def events(self, rows: Optional[np.ndarray] = None, *, dtype_backend: str = "numpy"):
        """The event table as a ``pandas.DataFrame``, one row per person and
        event, sorted by date: ``date``, ``nominal`` (before roll and
        levelling), ``person``, ``step``, ``kind``, ``title``, ``record_kind``,
        ``record``, ``training``, ``rule`` (NaN for a series without one),
        ``rolled``, ``levelled``, ``held``, ``shared``. Text columns are
        Categoricals coded in the core once per series, so there is no
        Python object per row; flags and steps are views of the core's
        buffers. ``rows`` selects rows by position. ``dtype_backend`` is
        as for :meth:`levande.Table.to_pandas` (``"pyarrow"``: Arrow-backed
        columns without copying, the fast way for millions of rows)."""
        return self.events_table(rows).to_pandas(dtype_backend=dtype_backend)

    def events_table(self, rows: Optional[np.ndarray] = None) -> "_EventsTable":
        """:meth:`events` as a :class:`levande.Table` for Arrow consumers
        (the flags are uint8 0/1 there)."""
        if rows is not None:
            rows = np.asarray(rows, dtype=np.int64)
            if len(rows) and (rows.min() < 0 or rows.max() >= len(self)):
                raise IndexError(f"rows: {rows.min() if rows.min() < 0 else rows.max()} is outside "
                                 f"the {len(self)} events")
            rows = rows.astype(np.uint32)
        return _EventsTable(self._core.table(self._ws, rows))

    def unplaced(self):
        """Events that fit nowhere within the tolerance (never dropped silently), as a
        ``pandas.DataFrame`` with ``person``, ``nominal``, ``kind``, ``record`` and ``reason``."""
        import pandas as pd

        series = self._core.series(self._ws)
        people = self._ws.ids("people")
        rows = [{"person": people[p], "nominal": nominal, "kind": EVENT_KINDS[series["kind"][s]],
                 "record": series["record"][s], "reason": reason}
                for s, p, nominal, reason in self._core.unplaced()]
        return pd.DataFrame(rows, columns=["person", "nominal", "kind", "record", "reason"])

    def agenda(self, *, person: Optional[str] = None, team: Optional[str] = None,
               manager: Optional[str] = None, start: datetime.date, end: datetime.date):
        """The events of one person, a team (with sub-teams) or a manager and
        their direct reports, dated in [start, end], as :meth:`events` rows."""
        given = [(k, v) for k, v in (("person", person), ("team", team), ("manager", manager))
                 if v is not None]
        if len(given) != 1:
            raise TypeError("agenda() takes exactly one of person=, team= or manager=")
        of, id = given[0]
        rows = _core._agenda(self._ws, self._core, of, id, start, end)
        return self.events(rows)

    def to_ics(self, *, person: Optional[str] = None, team: Optional[str] = None,
               training: Optional[str] = None, stamp: datetime.date,
               time_zone: str = "Europe/Stockholm") -> str:
        """The events (all, or of a person, team or training) as an iCalendar
        file: recurring series as RRULE with EXDATE/RDATE for moved dates."""
        given = [(k, v) for k, v in (("person", person), ("team", team), ("training", training))
                 if v is not None]
        if len(given) > 1:
            raise TypeError("to_ics() takes at most one of person=, team= or training=")
        of, id = given[0] if given else ("all", "")
        return _core._schedule_to_ics(self._ws, self._core, of, id, stamp, time_zone)


def plan_follow_up(workspace: "Workspace", *, as_of: datetime.date, until: datetime.date,
                   training: Optional[str] = None, team: Optional[str] = None,
                   calendars: Optional[Mapping[str, Any]] = None,
                   default_calendar: str = "SE") -> Schedule:
    """Computes the follow-up programme over [as_of, until] without writing
    anything (see docs/schedule.md). ``calendars`` maps calendar codes to
    :class:`levande.Calendar` objects (e.g. with company closures);
    ``training=`` or ``team=`` limit the result to a part."""
    return _plan(workspace, as_of, until, training, team, calendars, default_calendar, False)


def generate_follow_up(workspace: "Workspace", *, as_of: datetime.date, until: datetime.date,
                       training: Optional[str] = None, team: Optional[str] = None,
                       calendars: Optional[Mapping[str, Any]] = None,
                       default_calendar: str = "SE") -> Schedule:
    """:func:`plan_follow_up`, then write its record changes in one
    transaction. Running it again changes nothing."""
    return _plan(workspace, as_of, until, training, team, calendars, default_calendar, True)


def apply_schedule(workspace: "Workspace", schedule: Schedule) -> None:
    """Writes the record changes of a schedule planned on this workspace, in
    one transaction. Raises :class:`levande.ConstraintError` (field
    ``schedule``) when the workspace was written to after the schedule was
    planned: plan again."""
    _core._apply_schedule(workspace._ws, schedule._core)


def record_attendance(workspace: "Workspace", slot: str, occurrence: datetime.date,
                      attendees: Sequence[str], *, held: Optional[datetime.date] = None) -> int:
    """Step 6: records that an occurrence of a learning slot took place. Each
    attendee gets a learning activity of the slot's hours and kind on the
    day it was held (``occurrence``, or ``held`` when it was moved); returns
    how many were added. All or nothing; recording an occurrence twice is
    refused (``AlreadyExistsError``), as is a day that is not one of the
    slot's (``InvalidArgumentError`` naming the nearest ones)."""
    return _core._record_attendance(workspace._ws, slot, occurrence, list(attendees), held)


def overdue(workspace: "Workspace", as_of: datetime.date):
    """What is overdue as of a date (scheduled check-ins, open tasks, empty
    open plans past due) as a ``pandas.DataFrame``."""
    import pandas as pd

    return pd.DataFrame(_core._overdue(workspace._ws, as_of),
                        columns=["kind", "record", "person", "team", "due", "days_overdue",
                                 "title"])


def _plan(workspace: "Workspace", as_of: datetime.date, until: datetime.date,
          training: Optional[str], team: Optional[str], calendars: Optional[Mapping[str, Any]],
          default_calendar: str, write: bool) -> Schedule:
    if training is not None and team is not None:
        raise TypeError("give at most one of training= or team=")
    scope, scope_id = ("training", training) if training is not None else (
        ("team", team) if team is not None else ("all", ""))
    core = _core._plan_follow_up(workspace._ws, as_of, until, scope, scope_id,
                                 dict(calendars or {}), default_calendar, write)
    return Schedule(workspace._ws, core)


class _EventsTable(Table):
    """The event table: a :class:`levande.Table` whose pandas form has
    boolean flags and an int8 step, as :meth:`Schedule.events` promises."""

    def to_pandas(self, *, dtype_backend: str = "numpy"):
        frame = super().to_pandas(dtype_backend=dtype_backend)
        flags = ("rolled", "levelled", "held", "shared")
        if dtype_backend == "pyarrow":
            import pandas as pd
            import pyarrow

            frame["step"] = frame["step"].astype(pd.ArrowDtype(pyarrow.int8()))
            for flag in flags:
                frame[flag] = frame[flag].astype(pd.ArrowDtype(pyarrow.bool_()))
            return frame
        # Zero-copy reinterpretations of the core's uint8 0/1 columns.
        frame["step"] = frame["step"].to_numpy().view(np.int8)
        for flag in flags:
            frame[flag] = frame[flag].to_numpy().view(bool)
        return frame

