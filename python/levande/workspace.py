"""The workspace: every entity of a follow-up programme, validated on every
write and kept in an embedded SQLite database.

>>> import levande
>>> ws = levande.Workspace()                      # in memory; Workspace.open(path) for a file
>>> with ws.batch() as b:                         # all or nothing
...     b.add(levande.Team(id="ops", name="Operations"),
...           levande.Person(id="e1", name="Karin", team="ops"))
<levande.Batch of 2 operations>
>>> ws.person("e1").team
'ops'
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import math
import os
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Iterator, Mapping, NamedTuple, Optional, Sequence, Union

import numpy as np

from . import _core
from . import celebrate as _celebrate
from . import metrics as _metrics
from . import report as _report
from . import schedule as _schedule
from .model import Entity, entity_class, from_dict, to_dict
from .schedule import Schedule
from .table import Table

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["Batch", "CsvReport", "SkippedRow", "AuditRecord", "Workspace", "demo_organisation", "schema",
           "synthetic_organisation"]

PathLike = Union[str, "os.PathLike[str]"]
KindLike = Union[str, type]

# Enum columns of the log tables: their values' names by code, from the core.
_ENUM_NAMES = {column: _core.enum_names()[enum] for column, enum in
               (("status", "check_in_status"), ("outcome", "outcome"), ("kind", "learning_kind"))}
# Which catalogue each reference column of a log table points into.
_LOG_REFS = {
    "measurements": {"goal": "goals"},
    "check_ins": {"plan": "action_plans"},
    "responses": {"session": "feedback_sessions", "person": "people"},
    "activities": {"person": "people"},
}


class SkippedRow(NamedTuple):
    """A CSV row that was not imported, and why."""

    row: int
    field: str
    value: str
    message: str


class CsvReport(NamedTuple):
    """What :meth:`Workspace.import_csv` did."""

    imported: int
    skipped: list[SkippedRow]


class StoredProblem(NamedTuple):
    """A problem :func:`check_workspace` found in a stored workspace.

    ``action`` says what a repair does: ``"removed"`` (the record, with what
    depends on it), ``"cleared"`` (a reference to a missing record),
    ``"mended"`` (text that is not UTF-8) or ``"file"`` (SQLite's own check
    of the file's structure; a repair rewrites the file)."""

    action: str
    field: str
    value: str
    message: str
    code: int


class CheckResult(NamedTuple):
    """What :func:`check_workspace` found and did."""

    records: int  #: rows stored in the file
    kept: int  #: records a repair keeps
    backup: str  #: with ``repair``: where the damaged file was moved
    problems: list[StoredProblem]


class Settings(NamedTuple):
    """A workspace's settings (docs/i18n.md)."""

    language: str  #: language of the texts written from it: "en", "sv", ...
    currency: str  #: ISO 4217 code of every amount of money: "SEK", "EUR", ...


class AuditRecord(NamedTuple):
    """A data-protection operation recorded in the workspace."""

    date: datetime.date
    action: str
    subject: str
    actor: str
    reason: str


def _kind_name(kind: KindLike) -> str:
    return entity_class(kind).KIND


class Batch:
    """Writes collected by :meth:`Workspace.batch` and applied together."""

    def __init__(self) -> None:
        self._ops: list[dict[str, Any]] = []

    def add(self, *entities: Entity) -> "Batch":
        """Adds new entities; their keys must not exist yet."""
        for e in entities:
            self._ops.append({"op": "add", "kind": _kind_name(type(e)), "value": self._value(e)})
        return self

    def update(self, *entities: Entity) -> "Batch":
        """Replaces the entities with the same keys; they must exist."""
        for e in entities:
            self._ops.append({"op": "update", "kind": _kind_name(type(e)),
                              "value": self._value(e)})
        return self

    def _value(self, entity: Entity) -> dict[str, Any]:
        # JSON has no NaN or infinity: refuse them here, naming the field of
        # the entity the caller wrote, not the JSON it never saw.
        value = to_dict(entity)
        for name, v in value.items():
            if isinstance(v, float) and not math.isfinite(v):
                field = f"{_kind_name(type(entity))}[{len(self._ops)}].{name}"
                error = _core.InvalidArgumentError(
                    f'{field}: must be a finite number (got "{v}")')
                error.code, error.field, error.value = -1, field, str(v)
                raise error
        return value

    def remove(self, kind: KindLike, id: str, second: Union[str, datetime.date] = "", *,
               cascade: bool = False) -> "Batch":
        """Removes an entity by id, or a log record by its two-part key
        (plan + scheduled date, session + person, goal/person + date).
        Unless ``cascade``, an entity still referenced is an error."""
        if isinstance(second, datetime.date):
            second = second.isoformat()
        self._ops.append({"op": "remove", "kind": _kind_name(kind), "id": id,
                          "second": second, "cascade": cascade})
        return self

    def __len__(self) -> int:
        return len(self._ops)

    def __repr__(self) -> str:
        return f"<levande.Batch of {len(self._ops)} operations>"


class Workspace:
    """Owns all entities of a programme and keeps them valid.

    Every write is validated as a whole (references, unique keys, date
    order, ranges); a failed write raises a :class:`levande.Error` subclass
    naming the entity, key, field and value, and changes nothing.
    """

    def __init__(self, _core_workspace: Optional[_core.Workspace] = None) -> None:
        self._ws = _core_workspace if _core_workspace is not None else _core.Workspace()

    # ---- files -------------------------------------------------------------

    @classmethod
    def open(cls, path: PathLike, *, read_only: bool = False) -> "Workspace":
        """Opens or creates a SQLite workspace (``":memory:"`` for a private one)."""
        return cls(_core.Workspace.open(os.fspath(path), read_only))

    def save_as(self, path: PathLike) -> None:
        """Writes everything into a new database file; later writes go there."""
        self._ws.save_as(os.fspath(path))

    def reload(self) -> None:
        """Re-reads the database (another process may have written)."""
        self._ws.reload()

    @property
    def path(self) -> str:
        """The database path, or ``""`` for a memory-only workspace."""
        return self._ws.path

    # ---- writes -------------------------------------------------------------

    @contextmanager
    def batch(self) -> Iterator[Batch]:
        """Collects writes and applies them when the block ends without an exception."""
        b = Batch()
        yield b
        self.apply(b)

    def apply(self, batch: Batch) -> None:
        """Applies a :class:`Batch`: all of it or nothing."""
        self._ws.apply_json(json.dumps(batch._ops))

    def add(self, *entities: Entity) -> None:
        """Adds entities in one batch."""
        self.apply(Batch().add(*entities))

    def update(self, *entities: Entity) -> None:
        """Replaces entities in one batch."""
        self.apply(Batch().update(*entities))

    def remove(self, kind: KindLike, id: str, second: Union[str, datetime.date] = "", *,
               cascade: bool = False) -> None:
        """Removes one entity (see :meth:`Batch.remove`)."""
        self.apply(Batch().remove(kind, id, second, cascade=cascade))

    # ---- reads -------------------------------------------------------------

    def get(self, kind: KindLike, id: str, second: Union[str, datetime.date] = "") -> Optional[Entity]:
        """The entity with that key, or ``None``."""
        if isinstance(second, datetime.date):
            second = second.isoformat()
        name = _kind_name(kind)
        text = self._ws.get_json(name, id, second)
        return None if text is None else from_dict(name, json.loads(text))

    def entities(self, kind: KindLike) -> list[Entity]:
        """All entities of a kind, in order (index = dense index)."""
        name = _kind_name(kind)
        return [from_dict(name, d) for d in json.loads(self._ws.all_json(name))]

    def person(self, id: str):  # -> Person
        """The person with that id, or ``None``."""
        return self.get("people", id)

    def team(self, id: str):  # -> Team
        """The team with that id, or ``None``."""
        return self.get("teams", id)

    def training(self, id: str):  # -> Training
        """The training with that id, or ``None``."""
        return self.get("trainings", id)

    def goal(self, id: str):  # -> Goal
        """The goal with that id, or ``None``."""
        return self.get("goals", id)

    def action_plan(self, id: str):  # -> ActionPlan
        """The action plan with that id, or ``None``."""
        return self.get("action_plans", id)

    def count(self, kind: KindLike) -> int:
        """Number of entities of a kind."""
        return self._ws.size(_kind_name(kind))

    def counts(self) -> dict[str, int]:
        """Number of entities of every kind."""
        return {k: self._ws.size(k) for k in _core.kind_names()}

    def ids(self, kind: KindLike) -> list[str]:
        """The ids of a catalogue kind in dense-index order."""
        return self._ws.ids(_kind_name(kind))

    def table(self, kind: KindLike):
        """A kind as a ``pandas.DataFrame``.

        Log kinds (measurements, check_ins, responses, activities) are built
        from numpy columns without per-row Python objects: dates are
        ``datetime64[D]`` (``NaT`` where absent), references and enums are
        ``Categorical`` columns whose codes are the dense indices. Other kinds
        are built from their records. Free texts of log records (notes,
        answers) are not in the table; use :meth:`get`.
        """
        import pandas as pd

        name = _kind_name(kind)
        if name not in _LOG_REFS:
            rows = [dataclasses.asdict(e) for e in self.entities(name)]
            columns = [f.name for f in dataclasses.fields(entity_class(name))]
            frame = pd.DataFrame.from_records(rows, columns=columns)
            for f in dataclasses.fields(entity_class(name)):
                if "date" in str(f.type):
                    # Through numpy days: pandas' own parser stops at 2262.
                    days = np.array([np.datetime64(v, "D") if v is not None else np.datetime64("NaT")
                                     for v in frame[f.name]], dtype="datetime64[D]")
                    frame[f.name] = days.astype("datetime64[s]")
            return frame
        columns = self._ws.log_columns(name)
        data: dict[str, Any] = {}
        for column, values in columns.items():
            if column in _LOG_REFS[name]:
                data[column] = pd.Categorical.from_codes(
                    values, categories=self._ws.ids(_LOG_REFS[name][column]))
            elif column in _ENUM_NAMES:
                data[column] = pd.Categorical.from_codes(values.astype("int8"), categories=_ENUM_NAMES[column])
            elif column in ("self_initiated", "needs_support"):
                data[column] = values.astype(bool)
            else:
                data[column] = values
        return pd.DataFrame(data, copy=False)

    # ---- bulk appends to the logs ------------------------------------------

    def append_measurements(self, goal, date, value) -> None:
        """Appends measurements from columns (array-likes of equal length):
        ``goal`` as dense indices (see :meth:`ids`), ``date`` as dates or
        ``datetime64``, ``value`` as floats. Validated and stored all or nothing."""
        self._ws.append_measurements(goal, date, value)

    def append_check_ins(self, plan, scheduled, status, held, outcome) -> None:
        """Appends check-ins from columns; ``status`` codes 0 scheduled, 1 held,
        2 missed; ``held`` NaT where not held; ``outcome`` codes 0 none,
        1 applied, 2 partly, 3 not applied."""
        self._ws.append_check_ins(plan, scheduled, status, held, outcome)

    def append_responses(self, session, person, impact) -> None:
        """Appends feedback responses (impact 1–5) from columns of dense indices."""
        self._ws.append_responses(session, person, impact)

    def append_activities(self, person, date, hours, kind, self_initiated) -> None:
        """Appends learning activities; ``kind`` codes 0 formal, 1 social, 2 on the job."""
        self._ws.append_activities(person, date, hours, kind, self_initiated)

    def columns(self, kind: KindLike) -> dict[str, Any]:
        """The numpy columns of a log kind (references as dense int32 indices)."""
        return dict(self._ws.log_columns(_kind_name(kind)))

    def memory_bytes(self, kind: KindLike) -> int:
        """Bytes the C++ core holds for a kind."""
        return self._ws.memory_bytes(_kind_name(kind))

    def same_content(self, other: "Workspace") -> bool:
        """True when both hold the same entities in the same order."""
        return self._ws.same_content(other._ws)

    # ---- documents ----------------------------------------------------------

    def import_json(self, path: PathLike) -> None:
        """Adds every entity of a levande JSON document file (one batch)."""
        with open(path, encoding="utf-8") as f:
            self._ws.import_json(f.read())

    def import_json_text(self, text: str) -> None:
        """Adds every entity of a levande JSON document given as text."""
        self._ws.import_json(text)

    def export_json(self, path: Optional[PathLike] = None, *, training: Optional[str] = None,
                    team: Optional[str] = None) -> Optional[str]:
        """The workspace (or the part about one training or team) as a JSON
        document; written to ``path`` if given, else returned."""
        if training is not None and team is not None:
            raise ValueError("scope: give training or team, not both")
        if training is not None:
            text = self._ws.export_json("training", training)
        elif team is not None:
            text = self._ws.export_json("team", team)
        else:
            text = self._ws.export_json("all", "")
        if path is None:
            return text
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return None

    def import_csv(self, kind: KindLike, path: PathLike, mapping: Optional[Mapping[str, str]] = None, *,
                   delimiter: str = ",", skip_bad_rows: bool = False,
                   ignore_unknown_columns: bool = False, encoding: str = "utf-8-sig",
                   language: Optional[str] = None) -> CsvReport:
        """Imports entities from a CSV file with a header row.

        ``mapping`` renames headers to fields (``{"Anställningsnummer": "id"}``).
        Numbers are read as people of ``language`` write them (``"sv"``:
        ``8,4`` or ``8.4``); ``None`` means the workspace's language.
        Any error names the file and row and imports nothing, unless
        ``skip_bad_rows``: then the good rows are imported and every skipped
        row is listed in the report.
        """
        with open(path, encoding=encoding, newline="") as f:
            text = f.read()
        imported, skipped = self._ws.import_csv(
            _kind_name(kind), text, dict(mapping or {}), delimiter, skip_bad_rows,
            ignore_unknown_columns, os.path.basename(os.fspath(path)), language or "")
        return CsvReport(imported, [SkippedRow(*s) for s in skipped])

    # ---- personal data ------------------------------------------------------

    def export_person_json(self, person_id: str) -> str:
        """Everything about one person as a JSON document (a GDPR access request)."""
        return self._ws.export_person_json(person_id)

    def erase_person(self, person_id: str, *, date: datetime.date, actor: str, reason: str,
                     mode: str = "remove") -> str:
        """Erases (``mode="remove"``) or pseudonymises (``"pseudonymise"``) a
        person, scrubs the database file and records an audit entry; returns
        the pseudonym used in the audit log."""
        return self._ws.erase_person(person_id, mode, date, actor, reason)

    def scrub(self) -> None:
        """Leaves no copy of deleted content in the database files; finishes an
        erasure that another connection kept from being scrubbed."""
        self._ws.scrub()

    # ---- conveniences: metrics, celebrations, reports, scheduling -----------
    # Each is a function of its module (levande.metrics, .celebrate, .report,
    # .schedule) on this workspace; the metrics as a DataFrame here, as a
    # levande.Table from the *_table variant or the module function.

    def goal_status(self, as_of: datetime.date, *, at_risk_from: float = 0.8) -> "pd.DataFrame":
        """:func:`levande.metrics.goal_status` as a ``pandas.DataFrame``."""
        return self.goal_status_table(as_of, at_risk_from=at_risk_from).to_pandas()

    def goal_status_table(self, as_of: datetime.date, *, at_risk_from: float = 0.8) -> Table:
        """:func:`levande.metrics.goal_status`."""
        return _metrics.goal_status(self, as_of, at_risk_from=at_risk_from)

    def metrics(self, as_of: datetime.date, *, by: str = "team",
                tolerance_days: int = 3) -> "pd.DataFrame":
        """:func:`levande.metrics.engagement` as a ``pandas.DataFrame``."""
        return self.metrics_table(as_of, by=by, tolerance_days=tolerance_days).to_pandas()

    def metrics_table(self, as_of: datetime.date, *, by: str = "team",
                      tolerance_days: int = 3) -> Table:
        """:func:`levande.metrics.engagement`."""
        return _metrics.engagement(self, as_of, by=by, tolerance_days=tolerance_days)

    def feedback_metrics(self, as_of: datetime.date, *, by: str = "team",
                         min_respondents: int = 5) -> "pd.DataFrame":
        """:func:`levande.metrics.feedback` as a ``pandas.DataFrame``."""
        return self.feedback_metrics_table(as_of, by=by, min_respondents=min_respondents).to_pandas()

    def feedback_metrics_table(self, as_of: datetime.date, *, by: str = "team",
                               min_respondents: int = 5) -> Table:
        """:func:`levande.metrics.feedback`."""
        return _metrics.feedback(self, as_of, by=by, min_respondents=min_respondents)

    def training_outcomes(self, as_of: datetime.date, *, application_days: int = 90,
                          attribution: float = 1.0, confidence: float = 1.0) -> "pd.DataFrame":
        """:func:`levande.metrics.training_outcomes` as a ``pandas.DataFrame``."""
        return self.training_outcomes_table(as_of, application_days=application_days,
                                            attribution=attribution,
                                            confidence=confidence).to_pandas()

    def training_outcomes_table(self, as_of: datetime.date, *, application_days: int = 90,
                                attribution: float = 1.0, confidence: float = 1.0) -> Table:
        """:func:`levande.metrics.training_outcomes`."""
        return _metrics.training_outcomes(self, as_of, application_days=application_days,
                                          attribution=attribution, confidence=confidence)

    def coverage(self, as_of: datetime.date) -> "pd.DataFrame":
        """:func:`levande.metrics.coverage` as a ``pandas.DataFrame``."""
        return self.coverage_table(as_of).to_pandas()

    def coverage_table(self, as_of: datetime.date) -> Table:
        """:func:`levande.metrics.coverage`."""
        return _metrics.coverage(self, as_of)

    def retention(self, as_of: datetime.date, *, target: float = 0.9,
                  model: Optional[_core.MemoryModel] = None) -> "pd.DataFrame":
        """:func:`levande.metrics.retention` as a ``pandas.DataFrame``."""
        return self.retention_table(as_of, target=target, model=model).to_pandas()

    def retention_table(self, as_of: datetime.date, *, target: float = 0.9,
                        model: Optional[_core.MemoryModel] = None) -> Table:
        """:func:`levande.metrics.retention`."""
        return _metrics.retention(self, as_of, target=target, model=model)

    def cohort_curves(self, as_of: datetime.date, *, step_days: int = 30,
                      max_days: int = 360) -> "pd.DataFrame":
        """:func:`levande.metrics.cohort_curves` as a ``pandas.DataFrame``."""
        return self.cohort_curves_table(as_of, step_days=step_days, max_days=max_days).to_pandas()

    def cohort_curves_table(self, as_of: datetime.date, *, step_days: int = 30,
                            max_days: int = 360) -> Table:
        """:func:`levande.metrics.cohort_curves`."""
        return _metrics.cohort_curves(self, as_of, step_days=step_days, max_days=max_days)

    def goal_rollup(self, as_of: datetime.date, *, by: str = "team", at_risk_from: float = 0.8,
                    department_depth: int = 1) -> "pd.DataFrame":
        """:func:`levande.metrics.goal_rollup` as a ``pandas.DataFrame``."""
        return self.goal_rollup_table(as_of, by=by, at_risk_from=at_risk_from,
                                      department_depth=department_depth).to_pandas()

    def goal_rollup_table(self, as_of: datetime.date, *, by: str = "team",
                          at_risk_from: float = 0.8, department_depth: int = 1) -> Table:
        """:func:`levande.metrics.goal_rollup`."""
        return _metrics.goal_rollup(self, as_of, by=by, at_risk_from=at_risk_from,
                                    department_depth=department_depth)

    def metrics_pass(self, as_of: datetime.date, **options: Any) -> dict[str, Table]:
        """:func:`levande.metrics.metrics_pass`: every metrics table as of one date."""
        return _metrics.metrics_pass(self, as_of, **options)

    def report(self, as_of: datetime.date, *, format: str = "html",
               title: str = "Follow-up report", min_respondents: int = 5) -> str:
        """:func:`levande.report.report`."""
        return _report.report(self, as_of, format=format, title=title,
                              min_respondents=min_respondents)

    def xapi_statements(self, as_of: datetime.date, *,
                        base: str = "https://levande.example/xapi") -> list[dict[str, Any]]:
        """:func:`levande.report.xapi_statements`."""
        return _report.xapi_statements(self, as_of, base=base)

    def celebrations(self, as_of: datetime.date, *, record: bool = True,
                     milestone_step_percent: int = 25, kpi_improvement_percent: float = 10,
                     streak: int = 3) -> "pd.DataFrame":
        """:func:`levande.celebrate.celebrations` as a ``pandas.DataFrame``."""
        return self.celebrations_table(
            as_of, record=record, milestone_step_percent=milestone_step_percent,
            kpi_improvement_percent=kpi_improvement_percent, streak=streak).to_pandas()

    def celebrations_table(self, as_of: datetime.date, *, record: bool = True,
                           milestone_step_percent: int = 25, kpi_improvement_percent: float = 10,
                           streak: int = 3) -> Table:
        """:func:`levande.celebrate.celebrations`."""
        return _celebrate.celebrations(self, as_of, record=record,
                                       milestone_step_percent=milestone_step_percent,
                                       kpi_improvement_percent=kpi_improvement_percent,
                                       streak=streak)

    def celebration_feed(self, *, since: Optional[datetime.date] = None,
                         until: Optional[datetime.date] = None, team: Optional[str] = None,
                         uncelebrated_only: bool = False, format: str = "text") -> str:
        """:func:`levande.celebrate.celebration_feed`."""
        return _celebrate.celebration_feed(self, since=since, until=until, team=team,
                                           uncelebrated_only=uncelebrated_only, format=format)

    def plan_follow_up(self, *, as_of: datetime.date, until: datetime.date,
                       training: Optional[str] = None, team: Optional[str] = None,
                       calendars: Optional[Mapping[str, Any]] = None,
                       default_calendar: str = "SE") -> Schedule:
        """:func:`levande.schedule.plan_follow_up`."""
        return _schedule.plan_follow_up(self, as_of=as_of, until=until, training=training,
                                        team=team, calendars=calendars,
                                        default_calendar=default_calendar)

    def generate_follow_up(self, *, as_of: datetime.date, until: datetime.date,
                           training: Optional[str] = None, team: Optional[str] = None,
                           calendars: Optional[Mapping[str, Any]] = None,
                           default_calendar: str = "SE") -> Schedule:
        """:func:`levande.schedule.generate_follow_up`."""
        return _schedule.generate_follow_up(self, as_of=as_of, until=until, training=training,
                                            team=team, calendars=calendars,
                                            default_calendar=default_calendar)

    def apply_schedule(self, schedule: Schedule) -> None:
        """:func:`levande.schedule.apply_schedule`."""
        _schedule.apply_schedule(self, schedule)

    def overdue(self, as_of: datetime.date) -> "pd.DataFrame":
        """:func:`levande.schedule.overdue`."""
        return _schedule.overdue(self, as_of)

    def record_attendance(self, slot: str, occurrence: datetime.date, attendees: Sequence[str], *,
                          held: Optional[datetime.date] = None) -> int:
        """:func:`levande.schedule.record_attendance`."""
        return _schedule.record_attendance(self, slot, occurrence, attendees, held=held)

    @property
    def settings(self) -> Settings:
        """The workspace's language and currency."""
        return Settings(*self._ws.settings())

    def set_settings(self, *, language: Optional[str] = None,
                     currency: Optional[str] = None) -> Settings:
        """Changes the language (``"sv"``, ``"en"``) and/or the currency (ISO
        4217, ``"SEK"``) in one transaction; returns the settings now. A bad
        value raises :class:`levande.InvalidArgumentError` naming
        ``settings.language`` or ``settings.currency`` and changes nothing."""
        now = self.settings
        self._ws.set_settings(now.language if language is None else language,
                              now.currency if currency is None else currency)
        return self.settings

    @property
    def audit_log(self) -> list[AuditRecord]:
        """The data-protection audit records, oldest first."""
        return [AuditRecord(*r) for r in self._ws.audit_log()]

    def __repr__(self) -> str:
        where = self.path or "memory"
        n = sum(self.counts().values())
        return f"<levande.Workspace {where}: {n} entities>"


def demo_organisation(as_of: Optional[datetime.date] = None, seed: int = 2026) -> Workspace:
    """The demo organisation (docs/reports.md): a Swedish IT department of
    81 people in 8 teams, its five 2026 trainings and a year of follow-up
    simulated up to ``as_of`` (default 2026-11-30), in memory. The same
    arguments give the same workspace on every platform."""
    return Workspace(_core.demo_organisation(as_of or datetime.date(2026, 11, 30), seed))


def synthetic_organisation(people: int = 1000, seed: int = 1) -> Workspace:
    """A deterministic synthetic organisation with a year of follow-up history
    (teams of 10, three trainings per person, ~97 log records per person);
    the same for the same size and seed on every platform."""
    return Workspace(_core.synthetic_organisation(people, seed))


def check_workspace(path: "str | os.PathLike[str]", repair: bool = False) -> CheckResult:
    """Reads a workspace file that may be damaged (edited outside levande)
    and lists every problem, where :meth:`Workspace.open` refuses it at the
    first with :class:`CorruptError`. With ``repair`` the records that can be
    kept are written back and the damaged file is moved to
    ``<path>.damaged`` (docs/reliability.md). Without it the file is not
    changed."""
    records, kept, backup, problems = _core._check_workspace(os.fspath(path), repair)
    return CheckResult(records, kept, backup, [StoredProblem(*p) for p in problems])


def languages() -> list[str]:
    """The languages levande writes: ``["en", "sv"]`` (docs/i18n.md)."""
    return _core.languages()


def default_feedback_questions(language: str = "en") -> list[str]:
    """The three feedback questions of the process in ``language``."""
    return _core.default_feedback_questions(language)


def parse_number(text: str, language: str, field: str = "text") -> float:
    """Reads a number as people of ``language`` type it: ``"8,4"`` or
    ``"8.4"`` in Swedish, ``"8.4"`` in English. Raises
    :class:`levande.InvalidArgumentError` naming ``field`` otherwise."""
    return _core.parse_number(text, language, field)


def schema() -> dict[str, Any]:
    """The JSON Schema of the workspace document (as in docs/workspace.schema.json)."""
    return json.loads(_core.workspace_schema())
