"""Peer-group formation from Python: it beats random groupings of the same
cohort by the documented objective, avoids repeated pairs, and takes
DataFrames."""

import random

import pandas as pd
import pytest

import levande


def cohort(n=60, teams=6, seed=5):
    rng = random.Random(seed)
    return [(f"p{i}", f"t{rng.randrange(teams)}", rng.uniform(0, 20)) for i in range(n)]


def random_grouping(people, sizes, rng):
    ids = [p[0] for p in people]
    rng.shuffle(ids)
    groups, at = [], 0
    for s in sizes:
        groups.append(ids[at:at + s])
        at += s
    return groups


def test_beats_random_groupings_of_the_same_cohort():
    people = cohort()
    result = levande.form_peer_groups(people, group_size=3, seed=11)
    sizes = [len(g) for g in result.groups]
    assert sorted(sizes) == [3] * 20
    assert sorted(p for g in result.groups for p in g) == sorted(p[0] for p in people)
    assert levande.grouping_objective(people, result.groups) == pytest.approx(result.objective, abs=1e-12)
    rng = random.Random(1)
    random_scores = [levande.grouping_objective(people, random_grouping(people, sizes, rng)) for _ in range(500)]
    assert result.objective > max(random_scores)
    assert result.objective > sum(random_scores) / len(random_scores) * 1.2


def test_history_is_avoided_and_seed_is_deterministic():
    people = cohort(24)
    first = levande.form_peer_groups(people, group_size=2, seed=3)
    history = [(g[0], g[1]) for g in first.groups]
    second = levande.form_peer_groups(people, group_size=2, seed=3, grouped_before=history)
    assert second.repeats == 0
    pairs = {frozenset(g) for g in second.groups}
    assert not pairs & {frozenset(h) for h in history}
    assert levande.form_peer_groups(people, group_size=2, seed=3).groups == first.groups


def test_dataframe_input_mentors_and_errors():
    frame = pd.DataFrame(cohort(9), columns=["person", "team", "experience"])
    result = levande.form_peer_groups(frame, mentors=[("m1", "t9", 30.0, 2)], group_size=3)
    assert len(result) == 3
    assert result.mentors.count("m1") == 2 and result.mentors.count("") == 1
    # Missing teams (NaN in a DataFrame) are a team of one each, not a team "nan".
    gaps = pd.DataFrame({"person": ["a", "b", "c", "d"], "team": [None, None, "x", "x"],
                         "experience": [1.0, 1.0, 1.0, 1.0]})
    pairs = levande.form_peer_groups(gaps, group_size=2)
    assert levande.grouping_objective(gaps, [["a", "b"], ["c", "d"]]) == 1.0  # only a-b is cross-team
    assert pairs.objective == 2.0  # a and b each paired across teams
    with pytest.raises(levande.InvalidArgumentError) as info:
        levande.form_peer_groups([("a", "x", 1.0)])
    assert info.value.field == "candidates"
    with pytest.raises(levande.InvalidArgumentError) as info:
        levande.form_peer_groups(cohort(6), group_size=7)
    assert info.value.field == "group_size"


def test_ambassador_proposal(example_programme):
    ws = example_programme
    assert levande.propose_ambassador(ws, "t-devops") == "e101"  # post score 81 beats 78
    with pytest.raises(levande.NotFoundError):
        levande.propose_ambassador(ws, "nope")
