"""Progress metrics as of a date (docs/metrics.md).

>>> import datetime, levande
>>> ws = levande.Workspace()
>>> ws.add(levande.Person(id="anna", name="Anna"),
...        levande.ActionPlan(id="p1", title="P", person="anna", created=datetime.date(2026, 1, 1),
...                           due=datetime.date(2026, 12, 31)),
...        levande.Goal(id="g", plan="p1", metric="lead time", baseline=20, target=17,
...                     direction="decrease", deadline=datetime.date(2026, 3, 31)),
...        levande.Measurement(goal="g", date=datetime.date(2026, 1, 11), value=19))
>>> ws.goal_status(datetime.date(2026, 1, 25))[["goal", "progress", "status"]].values.tolist()
[['g', 0.3333333333333333, 'on_track']]
"""

__all__ = ["GOAL_STATUSES"]

#: Goal statuses in the order of their codes (levande::GoalStatus).
GOAL_STATUSES = ["no_data", "achieved", "on_track", "at_risk", "off_track", "missed"]
