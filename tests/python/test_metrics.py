"""Goal metrics against an independent pandas implementation of the
definitions in docs/metrics.md, on the synthetic organisation."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest

import levande


def pandas_goal_status(ws, as_of, at_risk_from=0.8):
    """The formulas of docs/metrics.md written with pandas, from the entity
    tables only (no levande metric code)."""
    goals = ws.table("goals").reset_index(drop=True)
    plans = ws.table("action_plans")[["id", "created"]].rename(columns={"id": "plan"})
    goals = goals.merge(plans, on="plan", how="left")
    m = ws.table("measurements")
    m["row"] = np.arange(len(m))
    m["goal"] = m["goal"].astype(str)
    m = m[m["date"] <= pd.Timestamp(as_of)]
    m = m.merge(goals[["id", "created"]].rename(columns={"id": "goal"}), on="goal")
    m["t"] = (m["date"] - m["created"]).dt.days.astype(float)
    latest = m.sort_values(["goal", "date", "row"]).groupby("goal").tail(1).set_index("goal")
    count = m.groupby("goal").size()
    # Least squares over the baseline point (t = 0) and the measurements.
    base = goals[["id", "baseline"]].rename(columns={"id": "goal", "baseline": "value"})
    base = base[base["goal"].isin(count.index)].assign(t=0.0)
    pts = pd.concat([base[["goal", "t", "value"]], m[["goal", "t", "value"]]])
    g = pts.groupby("goal")
    mean_t, mean_v = g["t"].transform("mean"), g["value"].transform("mean")
    pts = pts.assign(dt=pts["t"] - mean_t, dv=pts["value"] - mean_v)
    pts = pts.assign(xx=pts["dt"] ** 2, xy=pts["dt"] * pts["dv"])
    fit = pts.groupby("goal").agg(mt=("t", "mean"), mv=("value", "mean"), sxx=("xx", "sum"),
                                  sxy=("xy", "sum"))
    out = goals.set_index("id")
    out["current"] = latest["value"]
    out["count"] = count.reindex(out.index).fillna(0).astype(int)
    span = out["target"] - out["baseline"]
    out["progress"] = (out["current"] - out["baseline"]) / span
    deadline_t = (out["deadline"] - out["created"]).dt.days.astype(float)
    fit = fit.reindex(out.index)
    trend = fit["sxx"] > 0
    out["forecast"] = np.where(trend, fit["mv"] + fit["sxy"] / fit["sxx"] * (deadline_t - fit["mt"]),
                               np.nan)
    out["forecast_progress"] = (out["forecast"] - out["baseline"]) / span
    outlook = out["forecast_progress"].where(trend, out["progress"])
    status = np.select(
        [out["count"] == 0, out["progress"] >= 1, out["deadline"] < pd.Timestamp(as_of),
         outlook >= 1, outlook >= at_risk_from],
        ["no_data", "achieved", "missed", "on_track", "at_risk"], "off_track")
    out["status"] = status
    return out


@pytest.fixture(scope="module")
def organisation():
    return levande.synthetic_organisation(people=2000, seed=3)


@pytest.mark.parametrize("as_of", [dt.date(2026, 2, 1), dt.date(2026, 6, 30), dt.date(2026, 12, 31)])
def test_goal_status_equals_pandas(organisation, as_of):
    got = organisation.goal_status(as_of).set_index("goal")
    want = pandas_goal_status(organisation, as_of)
    assert list(got.index.astype(str)) == list(want.index)
    for column in ["current", "progress", "forecast", "forecast_progress"]:
        np.testing.assert_allclose(got[column].to_numpy(), want[column].to_numpy(dtype=float),
                                   rtol=1e-9, atol=1e-9, equal_nan=True, err_msg=column)
    assert (got["count"].to_numpy() == want["count"].to_numpy()).all()
    assert list(got["status"].astype(str)) == list(want["status"])
    # Every status but no_data occurs mid-year, so the comparison means something.
    if as_of == dt.date(2026, 6, 30):
        assert set(got["status"].astype(str)) >= {"achieved", "on_track", "at_risk", "off_track",
                                                 "missed", "no_data"}


def test_goal_status_by_hand_and_errors():
    ws = levande.Workspace()
    ws.add(levande.Person(id="anna", name="Anna"),
           levande.ActionPlan(id="p1", title="P", person="anna", created=dt.date(2026, 1, 1),
                              due=dt.date(2026, 12, 31)),
           levande.Goal(id="g", plan="p1", metric="m", baseline=10, target=20,
                        deadline=dt.date(2026, 1, 31)),
           levande.Measurement(goal="g", date=dt.date(2026, 1, 11), value=12),
           levande.Measurement(goal="g", date=dt.date(2026, 1, 21), value=16))
    row = ws.goal_status(dt.date(2026, 1, 25)).iloc[0]
    # Points (0, 10), (10, 12), (20, 16): slope 0.3, at day 30: 38/3 + 6.
    assert row["progress"] == pytest.approx(0.6)
    assert row["forecast"] == pytest.approx(38 / 3 + 6)
    assert row["status"] == "at_risk"
    assert row["measured"] == pd.Timestamp("2026-01-21")
    with pytest.raises(levande.InvalidArgumentError) as e:
        ws.goal_status(dt.date(2026, 1, 25), at_risk_from=1.0)
    assert e.value.field == "at_risk_from"
