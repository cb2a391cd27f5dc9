"""Step 5, celebrating successes (docs/celebrations.md): successes found in
the data once, and a feed of them for a team meeting or a newsletter.

>>> import datetime, levande
>>> from levande import celebrate
>>> ws = levande.Workspace()
>>> ws.add(levande.Person(id="anna", name="Anna"),
...        levande.ActionPlan(id="p1", title="P", person="anna", created=datetime.date(2026, 1, 1),
...                           agreed_by=datetime.date(2026, 12, 31)),
...        levande.Goal(id="g", plan="p1", metric="lead time", baseline=20, target=17,
...                     direction="decrease", deadline=datetime.date(2026, 3, 31)),
...        levande.Measurement(goal="g", date=datetime.date(2026, 2, 2), value=17))
>>> found = celebrate.celebrations(ws, datetime.date(2026, 2, 28)).to_pandas()
>>> sorted(found["kind"])  # the target reached at once: no milestones that day; 15 % better
['goal_achieved', 'kpi_improved']
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Optional

from . import _core
from .table import Table

if TYPE_CHECKING:  # pragma: no cover
    from .workspace import Workspace

__all__ = ["celebrations", "celebration_feed"]


def celebrations(workspace: "Workspace", as_of: datetime.date, *, record: bool = True,
                 milestone_step_percent: int = 25, kpi_improvement_percent: float = 10,
                 streak: int = 3) -> Table:
    """The successes found in the data as of a date that the workspace does
    not hold yet: goals achieved, milestones (every
    ``milestone_step_percent`` of the way), KPIs ``kpi_improvement_percent``
    better than the baseline, and ``streak`` check-ins held in a row. With
    ``record=True`` (the default) they are added to the workspace, so each
    success is found once; ``record=False`` only looks. Columns:
    ``success``, ``date``, ``kind``, ``scale``, ``goal``, ``team``,
    ``person``, ``title``, ``celebrated``, ``celebrated_where``."""
    return Table(_core._celebrations(workspace._ws, as_of, record, milestone_step_percent,
                                     kpi_improvement_percent, streak))


def celebration_feed(workspace: "Workspace", *, since: Optional[datetime.date] = None,
                     until: Optional[datetime.date] = None, team: Optional[str] = None,
                     uncelebrated_only: bool = False, format: str = "text",
                     language: Optional[str] = None) -> str:
    """One short line per success dated in ``[since, until]`` (both
    optional), in date order: who, what and the number, for a team meeting
    (``format="text"``) or as a Markdown list (``"markdown"``, text
    escaped); ``"newsletter"`` groups and ranks them for a newsletter (team
    successes first, one line per goal, streaks counted per team).
    ``team`` keeps that team and its sub-teams. The newsletter's texts are
    in ``language`` (``"sv"``, ``"en"``; ``None``: the workspace's)."""
    lo = since if since is not None else datetime.date(1400, 1, 1)
    hi = until if until is not None else datetime.date(9999, 12, 31)
    return _core._celebration_feed(workspace._ws, lo, hi, team or "", uncelebrated_only, format,
                                   language or "")
