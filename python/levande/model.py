"""The entities of a follow-up programme as typed dataclasses.

They mirror ``include/levande/model.hpp`` field for field (a test checks them
against the JSON Schema the C++ library generates). All fields are keyword
arguments; references to other entities are their ids, ``""`` meaning none.
Dates are ``datetime.date``; enum values are their names, e.g. ``"not_applied"``.

>>> Person(id="e1", name="Karin Lindqvist", team="ops")
Person(id='e1', name='Karin Lindqvist', email='', team='ops', manager='', calendar='')
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass, field
from typing import Any, Literal, Optional, Union

__all__ = [
    "Absence",
    "ActionPlan",
    "Activity",
    "Ambassador",
    "Assignment",
    "CheckIn",
    "CompetencePlan",
    "Entity",
    "FeedbackSession",
    "Goal",
    "Initiative",
    "LearningSlot",
    "Measurement",
    "Participation",
    "PeerGroup",
    "PeerSession",
    "Person",
    "Policy",
    "Response",
    "Success",
    "Task",
    "Team",
    "Training",
    "default_policy",
    "entity_class",
    "from_dict",
    "to_dict",
]

Direction = Literal["increase", "decrease"]
PlanStatus = Literal["open", "done", "cancelled"]
CheckInStatus = Literal["scheduled", "held", "missed"]
Outcome = Literal["none", "applied", "partly", "not_applied"]
Role = Literal["member", "lead"]
AssignmentStatus = Literal["planned", "active", "completed", "cancelled"]
Scale = Literal["small", "large"]
LearningKind = Literal["formal", "social", "on_the_job"]

_EPOCH = datetime.date(1970, 1, 1)


def _list() -> Any:
    return field(default_factory=list)


@dataclass(kw_only=True)
class Team:
    """A team; teams form a hierarchy through ``parent``."""

    KIND = "teams"
    id: str
    name: str
    parent: str = ""


@dataclass(kw_only=True)
class Person:
    """A person from the HR system."""

    KIND = "people"
    id: str
    name: str
    email: str = ""
    team: str = ""
    manager: str = ""
    calendar: str = ""


@dataclass(kw_only=True)
class Training:
    """A training: course, certification or workshop."""

    KIND = "trainings"
    id: str
    title: str
    start: datetime.date
    end: datetime.date
    skills: list[str] = _list()
    kind: str = ""
    provider: str = ""
    cost: float = 0.0
    cancelled: bool = False


@dataclass(kw_only=True)
class Participation:
    """A person's participation in a training; ``id`` defaults to ``person@training``."""

    KIND = "participations"
    person: str
    training: str
    id: str = ""
    completed: Optional[datetime.date] = None
    pre_score: Optional[float] = None
    post_score: Optional[float] = None
    reaction: Optional[float] = None


@dataclass(kw_only=True)
class ActionPlan:
    """Step 1: an action plan owned by exactly one person or team.

    ``agreed_by`` is when the plan is to be agreed; ``ends`` is the last day
    of its follow-up (check-ins run until then); without it the policy's
    ``check_ins_until`` decides. A team's plan covers the team's people, with
    sub-teams, who took part in its training."""

    KIND = "action_plans"
    id: str
    title: str
    created: datetime.date
    agreed_by: datetime.date
    person: str = ""
    team: str = ""
    training: str = ""
    status: PlanStatus = "open"
    ends: Optional[datetime.date] = None


@dataclass(kw_only=True)
class Task:
    """Step 1: a task of a plan: where the knowledge applies."""

    KIND = "tasks"
    id: str
    plan: str
    title: str
    due: datetime.date
    applies_to: str = ""
    done: Optional[datetime.date] = None


@dataclass(kw_only=True)
class Goal:
    """Step 1: a measurable goal (metric, baseline, target, direction, deadline)."""

    KIND = "goals"
    id: str
    plan: str
    metric: str
    baseline: float
    target: float
    deadline: datetime.date
    unit: str = ""
    direction: Direction = "increase"
    value_per_unit: Optional[float] = None


@dataclass(kw_only=True)
class Measurement:
    """Step 1: a goal's value on a date (a log record)."""

    KIND = "measurements"
    goal: str
    date: datetime.date
    value: float


@dataclass(kw_only=True)
class CheckIn:
    """Step 1: a check-in of a plan, keyed by (plan, scheduled)."""

    KIND = "check_ins"
    plan: str
    scheduled: datetime.date
    status: CheckInStatus = "scheduled"
    held: Optional[datetime.date] = None
    outcome: Outcome = "none"
    note: str = ""


@dataclass(kw_only=True)
class Assignment:
    """Step 2: an on-the-job assignment of a person or a team."""

    KIND = "assignments"
    id: str
    project: str
    start: datetime.date
    person: str = ""
    team: str = ""
    skill: str = ""
    training: str = ""
    role: Role = "member"
    end: Optional[datetime.date] = None
    status: AssignmentStatus = "planned"
    outcome: str = ""


@dataclass(kw_only=True)
class Ambassador:
    """Step 3: a person who champions a training or skill; ``id`` defaults to ``person@training``."""

    KIND = "ambassadors"
    person: str
    id: str = ""
    training: str = ""
    skill: str = ""


@dataclass(kw_only=True)
class PeerGroup:
    """Step 3: a pair or small group learning together."""

    KIND = "peer_groups"
    id: str
    members: list[str]
    training: str = ""
    mentors: list[str] = _list()


@dataclass(kw_only=True)
class PeerSession:
    """Step 3: a session of a peer group, or one an ambassador holds with their team.

    Exactly one of ``group`` and ``ambassador`` is set.
    """

    KIND = "peer_sessions"
    id: str
    date: datetime.date
    group: str = ""
    ambassador: str = ""
    attendees: list[str] = _list()


@dataclass(kw_only=True)
class FeedbackSession:
    """Step 4: a feedback session; no questions means the three default ones.

    It invites the training's participants, the team's people (with
    sub-teams), or both at once the participants in the team; a response
    from anyone else is refused unless ``open_to_all``."""

    KIND = "feedback_sessions"
    id: str
    date: datetime.date
    training: str = ""
    team: str = ""
    questions: list[str] = _list()
    open_to_all: bool = False


@dataclass(kw_only=True)
class Response:
    """Step 4: one person's response, keyed by (session, person)."""

    KIND = "responses"
    session: str
    person: str
    impact: int
    answers: list[str] = _list()
    support_needed: str = ""


@dataclass(kw_only=True)
class Success:
    """Step 5: a success worth celebrating."""

    KIND = "successes"
    id: str
    date: datetime.date
    title: str
    kind: str = ""
    scale: Scale = "small"
    goal: str = ""
    team: str = ""
    person: str = ""
    celebrated: Optional[datetime.date] = None
    celebrated_where: str = ""


@dataclass(kw_only=True)
class CompetencePlan:
    """Step 6: a team's annual competence plan."""

    KIND = "competence_plans"
    id: str
    team: str
    year: int


@dataclass(kw_only=True)
class Initiative:
    """Step 6: an initiative of a competence plan."""

    KIND = "initiatives"
    id: str
    plan: str
    quarter: int
    skill: str
    hours: float
    goal: str = ""


@dataclass(kw_only=True)
class LearningSlot:
    """Step 6: recurring learning time of a team (an RRULE from ``start``)."""

    KIND = "learning_slots"
    id: str
    team: str
    rule: str
    start: datetime.date
    hours: float
    kind: LearningKind = "formal"
    title: str = ""


@dataclass(kw_only=True)
class Activity:
    """Step 6: one learning activity (a log record)."""

    KIND = "activities"
    person: str
    date: datetime.date
    hours: float
    kind: LearningKind = "formal"
    self_initiated: bool = False


Roll = Literal["following", "preceding", "modified_following", "modified_preceding"]
PersonalPlans = Literal["always", "unless_team_plan", "never"]
CheckInsUntil = Literal["goal_deadline", "weeks"]


@dataclass(kw_only=True)
class Policy:
    """What the scheduler plans after a training, per step; an empty
    ``training_kind`` is the default policy for every other kind."""

    KIND = "policies"
    id: str
    training_kind: str = ""
    plan_due_business_days: int = 5
    check_in_rule: str = "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"
    check_in_weeks: int = 12
    assignment_review_days: int = 30
    peer_session_rule: str = "FREQ=MONTHLY;BYDAY=2TH"
    peer_session_weeks: int = 12
    feedback_offsets_days: list[int] = field(default_factory=lambda: [30, 60, 90])
    celebrate_at_plan_end: bool = True
    retention_target: float = 0.85
    max_interval_days: int = 180
    roll: Roll = "following"
    max_events_per_week: int = 2
    max_events_per_manager_day: int = 0
    tolerance_days: int = 10
    horizon_days: int = 365
    competence_review_month: int = 11
    personal_plans: PersonalPlans = "unless_team_plan"
    check_ins_until: CheckInsUntil = "goal_deadline"
    ambassador_session_weeks: int = 4


@dataclass(kw_only=True)
class Absence:
    """A person's absence (vacation, leave): the scheduler places nothing in it."""

    KIND = "absences"
    id: str
    person: str
    first: datetime.date
    last: datetime.date
    reason: str = ""


def default_policy() -> Policy:
    """The default policy of the six-step process (DESIGN §1)."""
    return Policy(id="default")


Entity = Union[
    Team, Person, Training, Participation, ActionPlan, Task, Goal, Measurement, CheckIn,
    Assignment, Ambassador, PeerGroup, PeerSession, FeedbackSession, Response, Success,
    CompetencePlan, Initiative, LearningSlot, Activity, Policy, Absence,
]

_CLASSES: dict[str, type] = {
    cls.KIND: cls
    for cls in (
        Team, Person, Training, Participation, ActionPlan, Task, Goal, Measurement, CheckIn,
        Assignment, Ambassador, PeerGroup, PeerSession, FeedbackSession, Response, Success,
        CompetencePlan, Initiative, LearningSlot, Activity, Policy, Absence,
    )
}
_SINGULAR = {
    "team": "teams", "person": "people", "training": "trainings", "participation": "participations",
    "action_plan": "action_plans", "task": "tasks", "goal": "goals", "measurement": "measurements",
    "check_in": "check_ins", "assignment": "assignments", "ambassador": "ambassadors",
    "peer_group": "peer_groups", "peer_session": "peer_sessions",
    "feedback_session": "feedback_sessions", "response": "responses", "success": "successes",
    "competence_plan": "competence_plans", "initiative": "initiatives",
    "learning_slot": "learning_slots", "activity": "activities", "policy": "policies",
    "absence": "absences",
}
_DATE_FIELDS = {
    kind: {f.name for f in dataclasses.fields(cls) if "date" in str(f.type)}
    for kind, cls in _CLASSES.items()
}


def entity_class(kind: Union[str, type]) -> type:
    """The dataclass of a kind given by name ("people", "person") or class."""
    if isinstance(kind, type) and getattr(kind, "KIND", None) in _CLASSES:
        return kind
    if isinstance(kind, str):
        name = _SINGULAR.get(kind, kind)
        if name in _CLASSES:
            return _CLASSES[name]
    raise ValueError(f"kind: {kind!r} is not a kind of entity (people, teams, goals, ...)")


def to_dict(entity: Entity) -> dict[str, Any]:
    """The JSON form of an entity: ISO dates; absent values and empty texts
    left out (lists are kept even when empty: an empty offset list is not
    the default one)."""
    out: dict[str, Any] = {}
    for f in dataclasses.fields(entity):
        value = getattr(entity, f.name)
        # "" is left out only where it is the default: an empty policy rule
        # must reach the core (and be refused), not become the default rule.
        if value is None or (value == "" and f.default == ""):
            continue
        if isinstance(value, datetime.date):
            value = value.isoformat()
        out[f.name] = value
    return out


def from_dict(kind: str, data: dict[str, Any]) -> Entity:
    """An entity of ``kind`` from its JSON form."""
    cls = entity_class(kind)
    dates = _DATE_FIELDS[cls.KIND]
    values = {
        k: (datetime.date.fromisoformat(v) if k in dates and isinstance(v, str) else v)
        for k, v in data.items()
    }
    return cls(**values)
