"""Progress metrics as of a date (docs/metrics.md): functions of a workspace
that return :class:`levande.Table` objects, for pandas (``.to_pandas()``)
and any Arrow consumer (``pyarrow.table(t)``, ``polars.DataFrame(t)``,
DuckDB). The DataFrame methods of :class:`levande.Workspace`
(``ws.goal_status(as_of)`` and friends) are conveniences over these.

>>> import datetime, levande
>>> from levande import metrics
>>> ws = levande.Workspace()
>>> ws.add(levande.Person(id="anna", name="Anna"),
...        levande.ActionPlan(id="p1", title="P", person="anna", created=datetime.date(2026, 1, 1),
...                           agreed_by=datetime.date(2026, 12, 31)),
...        levande.Goal(id="g", plan="p1", metric="lead time", baseline=20, target=17,
...                     direction="decrease", deadline=datetime.date(2026, 3, 31)),
...        levande.Measurement(goal="g", date=datetime.date(2026, 1, 11), value=19))
>>> t = metrics.goal_status(ws, datetime.date(2026, 1, 25))
>>> t.to_pandas()[["goal", "progress", "status"]].values.tolist()
[['g', 0.3333333333333333, 'on_track']]
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Optional

from . import _core
from .table import Table

if TYPE_CHECKING:  # pragma: no cover
    from .workspace import Workspace

__all__ = ["GOAL_STATUSES", "goal_status", "engagement", "feedback",
           "training_outcomes", "coverage", "retention", "cohort_curves", "goal_rollup",
           "metrics_pass"]

#: Goal statuses in the order of their codes (levande::GoalStatus).
GOAL_STATUSES: list[str] = _core.enum_names()["goal_status"]


def goal_status(workspace: "Workspace", as_of: datetime.date, *,
                at_risk_from: float = 0.8) -> Table:
    """Progress, forecast and status of every goal as of a date, one row per
    goal: ``goal``, ``current``, ``measured`` (date, null when none),
    ``count``, ``progress``, ``forecast``, ``forecast_progress`` and
    ``status`` (one of :data:`GOAL_STATUSES`)."""
    return Table(_core._goal_status(workspace._ws, as_of, at_risk_from))


def engagement(workspace: "Workspace", as_of: datetime.date, *, by: str = "team",
               tolerance_days: int = 3) -> Table:
    """Check-in adherence (step 1) and learning hours, 70-20-10 mix and
    budget (step 6) per ``"person"`` or ``"team"`` (teams count their
    sub-teams)."""
    return Table(_core._engagement(workspace._ws, as_of, by, tolerance_days))


def feedback(workspace: "Workspace", as_of: datetime.date, *, by: str = "team",
             min_respondents: int = 5) -> Table:
    """Step 4 per ``"team"`` (sub-teams included) or ``"training"``:
    response rate, mean impact and open support needs, with rows of fewer
    than ``min_respondents`` distinct respondents suppressed (NaN, never 0)
    and complementary suppression, so that no hidden row can be recovered by
    subtracting published ones."""
    return Table(_core._feedback(workspace._ws, as_of, by, min_respondents))


def training_outcomes(workspace: "Workspace", as_of: datetime.date, *,
                      application_days: int = 90, attribution: float = 1.0,
                      confidence: float = 1.0) -> Table:
    """Per training: Kirkpatrick L1-L4 (reaction, learning gain and
    normalised gain, application rate, goal progress) and Phillips ROI
    (benefits, costs, benefit-cost ratio, ROI %, payback months)."""
    return Table(_core._training_outcomes(workspace._ws, as_of, application_days, attribution,
                                          confidence))


def coverage(workspace: "Workspace", as_of: datetime.date) -> Table:
    """Which of the six steps have happened for each participation, and the
    coverage score (steps / 6); its mean per training or team is the
    retention health."""
    return Table(_core._coverage(workspace._ws, as_of))


def retention(workspace: "Workspace", as_of: datetime.date, *, target: float = 0.9,
              model: Optional[_core.MemoryModel] = None) -> Table:
    """Predicted retention per person and skill from the FSRS-6 memory model
    (``model``, the default parameters unless given): stability, difficulty,
    predicted recall on ``as_of`` and the last day retention stays at or
    above ``target``. The reviews are completing a training, check-ins held
    with an outcome and feedback responses."""
    return Table(_core._retention(workspace._ws, as_of, model or _core.MemoryModel(), target))


def cohort_curves(workspace: "Workspace", as_of: datetime.date, *, step_days: int = 30,
                  max_days: int = 360) -> Table:
    """Mean goal progress by days since the training (every ``step_days`` up
    to ``max_days``), per cohort month of the training's end."""
    return Table(_core._cohort_curves(workspace._ws, as_of, step_days, max_days))


def goal_rollup(workspace: "Workspace", as_of: datetime.date, *, by: str = "team",
                at_risk_from: float = 0.8, department_depth: int = 1) -> Table:
    """Goal progress and status counts per ``"person"``, ``"team"`` (with
    sub-teams), ``"department"`` (teams ``department_depth`` below the
    roots; each goal once), ``"training"``, ``"skill"`` or ``"cohort"``."""
    return Table(_core._goal_rollup(workspace._ws, as_of, by, at_risk_from, department_depth))


def metrics_pass(workspace: "Workspace", as_of: datetime.date, *, at_risk_from: float = 0.8,
                 tolerance_days: int = 3, min_respondents: int = 5, application_days: int = 90,
                 attribution: float = 1.0, confidence: float = 1.0, step_days: int = 30,
                 max_days: int = 360, department_depth: int = 1, retention: bool = True,
                 target: float = 0.9,
                 model: Optional[_core.MemoryModel] = None) -> dict[str, Table]:
    """Every metrics table as of one date, computed together: a dict from
    name to :class:`levande.Table` — ``goal_status``,
    ``engagement_by_person``, ``engagement_by_team``, ``feedback_by_team``,
    ``feedback_by_training``, ``training_outcomes``, ``coverage``,
    ``retention`` (unless ``retention=False``), ``cohort_curves`` and
    ``goals_by_person``, ``_team``, ``_department``, ``_training``,
    ``_skill``, ``_cohort``. Each equals the single
    function's result for the same options; goal statuses and six-step
    coverage are computed once for all of them (docs/metrics.md, "One
    pass")."""
    options = _core._MetricsPassOptions()
    options.at_risk_from = at_risk_from
    options.tolerance_days = tolerance_days
    options.min_respondents = min_respondents
    options.application_days = application_days
    options.attribution = attribution
    options.confidence = confidence
    options.step_days = step_days
    options.max_days = max_days
    options.department_depth = department_depth
    options.with_retention = retention
    options.target = target
    if model is not None:
        options.model = model
    return {name: Table(table)
            for name, table in _core._metrics_pass(workspace._ws, as_of, options)}
