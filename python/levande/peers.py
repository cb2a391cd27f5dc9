"""Step 3, mentoring and peer learning: peer groups that mix teams and
experience, and an ambassador proposal.

>>> import levande
>>> people = [("e1", "ops", 1.0), ("e2", "ops", 5.0), ("e3", "dev", 1.0), ("e4", "dev", 5.0)]
>>> levande.form_peer_groups(people, group_size=2).groups
[['e1', 'e4'], ['e2', 'e3']]
"""

from __future__ import annotations

from typing import Iterable, Optional, Sequence

from . import _core

__all__ = ["form_peer_groups", "grouping_objective", "propose_ambassador"]


def _team(value) -> str:
    """A team id; missing values (None, NaN, pandas.NA) mean no team."""
    if value is None:
        return ""
    try:
        if value != value:  # NaN
            return ""
    except (TypeError, ValueError):  # pandas.NA and friends refuse comparison
        return ""
    return str(value)


def _candidates(candidates) -> list[tuple[str, str, float]]:
    """Rows of (person, team, experience) from tuples, dicts or a DataFrame."""
    if hasattr(candidates, "itertuples"):  # pandas.DataFrame with person, team, experience columns
        return [(str(r.person), _team(r.team), float(r.experience)) for r in candidates.itertuples(index=False)]
    rows = []
    for c in candidates:
        if isinstance(c, dict):
            rows.append((c["person"], _team(c.get("team")), float(c.get("experience", 0.0))))
        else:
            person, team, experience = c
            rows.append((person, _team(team), float(experience)))
    return rows


def form_peer_groups(candidates, mentors: Iterable[Sequence] = (), *, group_size: int = 3, seed: int = 1,
                     grouped_before: Iterable[tuple[str, str]] = (), team_mix_weight: float = 1.0,
                     spread_weight: float = 1.0, repeat_penalty: float = 10.0) -> "_core.PeerGrouping":
    """Groups of 2–4 people maximising cross-team mix and experience spread,
    avoiding pairs grouped before; each group then gets a mentor while
    capacity lasts. ``candidates``: (person, team, experience) rows, dicts or
    a DataFrame; ``mentors``: (person, team, experience, capacity) rows.
    Deterministic for a seed. See docs/peers.md for the objective."""
    return _core._form_peer_groups(
        _candidates(candidates), [(m[0], _team(m[1]), float(m[2]), int(m[3])) for m in mentors], group_size, seed,
        list(grouped_before), team_mix_weight, spread_weight, repeat_penalty)


def grouping_objective(candidates, groups: Sequence[Sequence[str]], *, grouped_before=(),
                       team_mix_weight: float = 1.0, spread_weight: float = 1.0,
                       repeat_penalty: float = 10.0) -> float:
    """The objective of any grouping of the same candidates (to compare)."""
    return _core._grouping_objective(_candidates(candidates), [list(g) for g in groups], list(grouped_before),
                                     team_mix_weight, spread_weight, repeat_penalty)


def propose_ambassador(workspace, training: str) -> Optional[str]:
    """The participant with the best post-assessment score (ties: more
    completed trainings, then id), or None when nobody has a score."""
    return workspace._ws.propose_ambassador(training)
