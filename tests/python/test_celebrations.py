"""Step 5: successes found in the data, against an independent pandas
implementation of the rules in docs/celebrations.md on the synthetic
organisation, plus a hand-worked case and the feed."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest

import levande


def pandas_successes(ws, as_of, step=25, kpi=10.0, streak=3):
    """The detection rules written with pandas from the entity tables: a set
    of (id, date) pairs."""
    goals = ws.table("goals").rename(columns={"id": "goal"})
    m = ws.table("measurements")
    m["goal"] = m["goal"].astype(str)
    m = m[m["date"] <= pd.Timestamp(as_of)].merge(goals, on="goal")
    m["progress"] = (m["value"] - m["baseline"]) / (m["target"] - m["baseline"])
    sign = np.where(m["direction"].astype(str) == "increase", 1.0, -1.0)
    m["gain"] = sign * (m["value"] - m["baseline"]) / m["baseline"].abs() * 100

    def first(mask):
        return m[mask].groupby("goal")["date"].min()

    out = set()
    achieved = first(m["progress"] >= 1)
    out |= {(f"{g}/achieved", d) for g, d in achieved.items()}
    levels = list(range(step, 100, step))
    for i, level in enumerate(levels):
        reached = first(m["progress"] >= level / 100)
        higher = achieved if i + 1 == len(levels) else first(m["progress"] >= levels[i + 1] / 100)
        higher = higher.reindex(reached.index)
        keep = reached[higher.isna() | (reached < higher)]
        out |= {(f"{g}/milestone-{level}", d) for g, d in keep.items()}
    k = first((m["baseline"] != 0) & (m["gain"] >= kpi * (1 - 1e-12)))
    out |= {(f"{g}/kpi", d) for g, d in k.items()}

    c = ws.table("check_ins")
    c["plan"] = c["plan"].astype(str)
    c["row"] = np.arange(len(c))
    c = c[c["scheduled"] <= pd.Timestamp(as_of)].sort_values(["plan", "scheduled", "row"])
    held = (c["status"].astype(str) == "held") & (c["held"] <= pd.Timestamp(as_of))
    # A run id that changes at every check-in not held; the position in the run.
    run = (~held).groupby(c["plan"]).cumsum()
    c = c.assign(ok=held, run=run)
    c["n"] = c.groupby(["plan", "run"])["ok"].cumsum()
    c["start"] = c.groupby("plan")["scheduled"].shift(streak - 1)
    hits = c[c["ok"] & (c["n"] == streak)]
    out |= {(f"{p}/streak-{s.date().isoformat()}", h) for p, s, h in
            zip(hits["plan"], hits["start"], hits["held"])}
    return {(i, pd.Timestamp(d)) for i, d in out}


@pytest.fixture(scope="module")
def organisation():
    return levande.synthetic_organisation(people=1000, seed=5)


@pytest.mark.parametrize("as_of", [dt.date(2026, 3, 1), dt.date(2026, 7, 1), dt.date(2026, 12, 31)])
def test_detection_equals_pandas(organisation, as_of):
    got = organisation.celebrations(as_of, record=False)
    want = pandas_successes(organisation, as_of)
    assert len(got) == len(want) > 0
    assert set(zip(got["success"].astype(str), got["date"])) == want
    assert got["date"].is_monotonic_increasing
    # Every kind occurs, so the comparison means something.
    if as_of == dt.date(2026, 12, 31):
        assert set(got["kind"].astype(str)) == {"goal_achieved", "milestone", "kpi_improved",
                                                "check_in_streak"}
    assert organisation.count("successes") == 0  # record=False only looks


def test_other_thresholds_equal_pandas(organisation):
    as_of = dt.date(2026, 9, 30)
    got = organisation.celebrations(as_of, record=False, milestone_step_percent=30,
                                    kpi_improvement_percent=12.5, streak=5)
    want = pandas_successes(organisation, as_of, step=30, kpi=12.5, streak=5)
    assert set(zip(got["success"].astype(str), got["date"])) == want


def test_recorded_once_on_a_copy(organisation, tmp_path):
    path = tmp_path / "org.levande"
    organisation.save_as(path)
    ws = levande.Workspace.open(path)
    first = ws.celebrations(dt.date(2026, 6, 30))
    assert len(first) == ws.count("successes") > 0
    assert len(ws.celebrations(dt.date(2026, 6, 30))) == 0
    later = ws.celebrations(dt.date(2026, 12, 31))
    assert not set(later["success"].astype(str)) & set(first["success"].astype(str))
    # Saved in the database: a reopened workspace finds nothing new either.
    again = levande.Workspace.open(path)
    assert len(again.celebrations(dt.date(2026, 12, 31), record=False)) == 0
    feed = again.celebration_feed(since=dt.date(2026, 6, 1), until=dt.date(2026, 6, 30))
    in_june = sum(1 for d in first["date"] if dt.date(2026, 6, 1) <= d.date() <= dt.date(2026, 6, 30))
    assert len(feed.splitlines()) == in_june > 0


def test_by_hand_and_feed():
    ws = levande.Workspace()
    ws.add(levande.Team(id="ops", name="Ops"),
           levande.Person(id="x", name="=HYPERLINK(\"http://e.vil\")<script>;\r\nX", team="ops"),
           levande.ActionPlan(id="p", title="P", person="x", created=dt.date(2026, 1, 5),
                              agreed_by=dt.date(2026, 6, 30)),
           levande.Goal(id="g", plan="p", metric="Incidents", unit="per month", baseline=20,
                        target=10, direction="decrease", deadline=dt.date(2026, 6, 30)),
           levande.Measurement(goal="g", date=dt.date(2026, 2, 1), value=17),
           levande.Measurement(goal="g", date=dt.date(2026, 3, 1), value=9))
    # 17: 30 % of the way (25 % milestone) and 15 % fewer (KPI);
    # 9: achieved (50 and 75 % crossed the same day).
    found = ws.celebrations(dt.date(2026, 3, 31))
    assert list(found["success"].astype(str)) == ["g/milestone-25", "g/kpi", "g/achieved"]
    assert list(found["date"]) == [pd.Timestamp("2026-02-01")] * 2 + [pd.Timestamp("2026-03-01")]
    assert found["title"].astype(str)[1] == "Incidents down 15 % from the baseline: 20 → 17 per month"
    assert list(found["scale"].astype(str)) == ["small", "small", "large"]
    assert found["celebrated"].isna().all()
    text = ws.celebration_feed(since=dt.date(2026, 3, 1))
    assert text == ('2026-03-01  =HYPERLINK("http://e.vil")<script>; X (Ops): Incidents reached its '
                    "target: 9 per month (baseline 20, target 10)\n")
    md = ws.celebration_feed(until=dt.date(2026, 2, 28), format="markdown", team="ops")
    assert md.splitlines()[0] == ('- **=HYPERLINK("http://e.vil")\\<script\\>; X** (Ops), '
                                  "2026-02-01: Incidents is 25 % of the way to its target: 17 per "
                                  "month (baseline 20, target 10)")
    with pytest.raises(levande.InvalidArgumentError, match="format"):
        ws.celebration_feed(format="html")
    with pytest.raises(levande.NotFoundError, match="team"):
        ws.celebration_feed(team="nope")
    with pytest.raises(levande.InvalidArgumentError, match="streak"):
        ws.celebrations(dt.date(2026, 3, 31), streak=1)
