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
                              agreed_by=dt.date(2026, 12, 31)),
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


def test_goal_status_through_arrow(organisation):
    pa = pytest.importorskip("pyarrow")
    as_of = dt.date(2026, 6, 30)
    table = organisation.goal_status_table(as_of)
    arrow = pa.table(table)  # the PyCapsule stream protocol
    assert arrow.schema.field("measured").type == pa.date32()
    assert arrow.schema.field("status").type == pa.dictionary(pa.int32(), pa.string())
    assert arrow.num_rows == len(table) == organisation.count("goals")
    frame = organisation.goal_status(as_of)
    np.testing.assert_array_equal(arrow.column("forecast").to_numpy(zero_copy_only=False),
                                  frame["forecast"].to_numpy())
    # NaN became null in Arrow: goals without data have no progress.
    assert arrow.column("progress").null_count == int((frame["status"] == "no_data").sum())
    assert arrow.column("status").to_pylist() == list(frame["status"].astype(str))
    assert [str(d) if d else "NaT" for d in arrow.column("measured").to_pylist()][:5] == [
        str(x.date()) if not pd.isna(x) else "NaT" for x in frame["measured"][:5]]
    # The numpy columns are read-only views of the core's buffers.
    progress = table._core.column("progress")
    assert not progress.flags.writeable
    # A stream nobody reads is released by its capsule.
    capsule = table.__arrow_c_stream__()
    del capsule


def pandas_engagement(ws, as_of, by, tolerance=3):
    """docs/metrics.md's step 1 and step 6 definitions with pandas."""
    people = ws.table("people")[["id", "team"]].rename(columns={"id": "person"})
    teams = ws.table("teams")[["id", "parent"]]
    parent = dict(zip(teams["id"], teams["parent"]))

    def ancestors(team):  # the team and every team above it
        out = []
        while team:
            out.append(team)
            team = parent.get(team) or ""
        return out

    if by == "person":
        groups = people["person"].tolist()
        member = pd.DataFrame({"person": groups, "group": groups})
    else:
        groups = teams["id"].tolist()
        member = pd.DataFrame([(p, g) for p, t in zip(people["person"], people["team"])
                               for g in ancestors(t or "")], columns=["person", "group"])
    ts = pd.Timestamp(as_of)
    plans = ws.table("action_plans")[["id", "person"]].rename(columns={"id": "plan"})
    c = ws.table("check_ins")
    c["plan"] = c["plan"].astype(str)
    c = c.merge(plans, on="plan")
    status = c["status"].astype(str)
    late = (c["held"] - c["scheduled"]).dt.days.abs()
    c["on_time"] = (status == "held") & (c["held"] <= ts) & (late <= tolerance)
    c["due"] = (c["scheduled"] <= ts - pd.Timedelta(days=tolerance)) | c["on_time"]
    c["overdue"] = (status == "scheduled") & (c["scheduled"] < ts)
    c["missed"] = (status == "missed") & (c["scheduled"] <= ts)
    ci = c.merge(member, on="person").groupby("group")[["due", "on_time", "overdue", "missed"]].sum()
    a = ws.table("activities")
    a["person"] = a["person"].astype(str)
    a = a[(a["date"] >= pd.Timestamp(as_of.year, 1, 1)) & (a["date"] <= ts)]
    for kind in ("on_the_job", "social", "formal"):
        a[kind] = np.where(a["kind"].astype(str) == kind, a["hours"], 0.0)
    a["self"] = np.where(a["self_initiated"], a["hours"], 0.0)
    act = a.merge(member, on="person").groupby("group")[["hours", "on_the_job", "social", "formal",
                                                         "self"]].sum()
    out = pd.DataFrame(index=pd.Index(groups, name="group"))
    out["people"] = member.groupby("group").size().reindex(out.index).fillna(0)
    out = out.join(ci).join(act).fillna(0.0)
    out["adherence"] = out["on_time"] / out["due"].where(out["due"] > 0)
    hours = out["hours"].where(out["hours"] > 0)
    for kind in ("on_the_job", "social", "formal"):
        out[kind + "_share"] = out[kind] / hours
    out["self_initiated_share"] = out["self"] / hours
    return out


@pytest.mark.parametrize("by", ["person", "team"])
def test_engagement_equals_pandas(organisation, by):
    as_of = dt.date(2026, 6, 30)
    got = organisation.metrics(as_of, by=by).set_index(by)
    want = pandas_engagement(organisation, as_of, by)
    assert list(got.index.astype(str)) == list(want.index)
    pairs = {"people": "people", "check_ins_due": "due", "check_ins_on_time": "on_time",
             "check_ins_overdue": "overdue", "check_ins_missed": "missed",
             "learning_hours": "hours", "adherence": "adherence",
             "on_the_job_share": "on_the_job_share", "social_share": "social_share",
             "formal_share": "formal_share", "self_initiated_share": "self_initiated_share"}
    for ours, theirs in pairs.items():
        np.testing.assert_allclose(got[ours].to_numpy(dtype=float), want[theirs].to_numpy(dtype=float),
                                   rtol=1e-9, atol=1e-9, equal_nan=True, err_msg=ours)
    assert got["check_ins_due"].sum() > 0 and got["learning_hours"].sum() > 0
    if by == "team":  # the root counts everyone
        assert got.loc["org", "people"] == organisation.count("people")


def test_feedback_anonymity_on_the_synthetic_organisation():
    ws = levande.synthetic_organisation(people=3000, seed=5)
    # Teams have 10 people, so a threshold of 10 hides some of them.
    as_of, k = dt.date(2026, 9, 30), 10
    got = ws.feedback_metrics(as_of, by="team", min_respondents=k).set_index("team")
    # Respondents per team from the raw responses, rolled up with pandas.
    people = ws.table("people")[["id", "team"]].rename(columns={"id": "person"})
    teams = ws.table("teams")[["id", "parent"]]
    parent = dict(zip(teams["id"], teams["parent"]))
    sessions = ws.table("feedback_sessions")[["id", "date"]].rename(columns={"id": "session"})
    r = ws.table("responses")
    r["session"], r["person"] = r["session"].astype(str), r["person"].astype(str)
    r = r.merge(sessions, on="session")
    r = r[r["date"] <= pd.Timestamp(as_of)].merge(people, on="person")
    rows = []
    for person, team, impact in zip(r["person"], r["team"], r["impact"]):
        while team:
            rows.append((team, person, impact))
            team = parent.get(team) or ""
    up = pd.DataFrame(rows, columns=["team", "person", "impact"])
    respondents = up.groupby("team")["person"].nunique().reindex(got.index).fillna(0)
    mean = up.groupby("team")["impact"].mean().reindex(got.index)

    published = got["suppressed"] == 0
    # 1. Every published row has at least k respondents, with the right numbers.
    assert (respondents[published] >= k).all()
    np.testing.assert_allclose(got.loc[published, "respondents"], respondents[published])
    np.testing.assert_allclose(got.loc[published, "mean_impact"], mean[published], rtol=1e-12)
    # 2. Suppressed rows show null, never 0.
    assert got.loc[~published, ["respondents", "mean_impact", "support_needs"]].isna().all().all()
    # 3. No differencing: below each published team, the respondents its nearest
    #    published descendants do not cover are 0 or at least k.
    children = {}
    for team, up_team in parent.items():
        if up_team:
            children.setdefault(up_team, []).append(team)

    def nearest_published(team):
        out = []
        for c in children.get(team, []):
            out += [c] if published[c] else nearest_published(c)
        return out

    checked = 0
    for team in got.index[published]:
        rest = respondents[team] - sum(respondents[c] for c in nearest_published(team))
        assert rest == 0 or rest >= k, (team, rest)
        checked += 1
    assert checked > 50 and published.sum() < len(got)  # both kinds of rows occur


@pytest.mark.parametrize("by", ["team", "training"])
def test_feedback_counts_equal_pandas(by):
    """Sessions, invitations, responses and their rates against pandas, with
    sessions about a training and sessions of a team (members only)."""
    ws = levande.synthetic_organisation(people=1000, seed=4)
    as_of = dt.date(2026, 9, 30)
    people = ws.table("people")[["id", "team"]].rename(columns={"id": "person"})
    leaf, department = people["team"].iloc[0], ws.table("teams")["id"].iloc[1]
    ws.add(levande.FeedbackSession(id="leaf-1", team=leaf, date=dt.date(2026, 5, 4)),
           levande.FeedbackSession(id="leaf-2", team=leaf, date=dt.date(2026, 10, 5)),  # after as_of
           levande.FeedbackSession(id="dept-1", team=department, date=dt.date(2026, 6, 1)))
    for i, person in enumerate(people.loc[people["team"] == leaf, "person"].iloc[:6]):
        ws.add(levande.Response(session="leaf-1", person=person, impact=1 + i % 5,
                                support_needed="time to practise" if i % 2 == 0 else ""))
    # Three more answers to the first training session, after every other
    # training's in the log (so the log is not grouped by training), from
    # participants who have not answered that session yet.
    first = ws.table("feedback_sessions").iloc[0]
    answered = ws.table("responses")
    answered = set(answered.loc[answered["session"].astype(str) == first["id"], "person"].astype(str))
    pa = ws.table("participations")
    late = [p for p in pa.loc[pa["training"].astype(str) == str(first["training"]), "person"].astype(str)
            if p not in answered][:3]
    assert len(late) == 3
    for person in late:
        ws.add(levande.Response(session=str(first["id"]), person=person, impact=5))
    got = ws.feedback_metrics(as_of, by=by, min_respondents=1).set_index(by)

    ts = pd.Timestamp(as_of)
    sessions = ws.table("feedback_sessions")[["id", "date", "training", "team"]].rename(
        columns={"id": "session"})
    for column in ["session", "training", "team"]:
        sessions[column] = sessions[column].astype(str)
    held = sessions[sessions["date"] <= ts]
    people = people.astype(str)
    pa = ws.table("participations")[["person", "training"]].astype(str).drop_duplicates()
    on_training = held[held["training"] != ""][["session", "training"]].merge(pa, on="training")
    on_team = held[held["training"] == ""][["session", "team"]].merge(people, on="team")
    invited = pd.concat([on_training, on_team.drop(columns="team").assign(training="")])
    r = ws.table("responses")
    r = pd.DataFrame({"session": r["session"].astype(str), "person": r["person"].astype(str),
                      "impact": r["impact"].astype(float), "needs": r["needs_support"].astype(int)})
    r = r.merge(held[["session", "training"]], on="session")
    if by == "training":
        invited = invited[invited["training"] != ""].assign(group=lambda d: d["training"])
        r = r[r["training"] != ""].assign(group=lambda d: d["training"])
    else:
        teams = ws.table("teams")[["id", "parent"]].astype(str)
        parent = dict(zip(teams["id"], teams["parent"]))
        pairs = []
        for team in teams["id"]:
            above = team
            while above:
                pairs.append((team, above))
                above = parent[above]
        up = pd.DataFrame(pairs, columns=["team", "group"])
        invited = invited.merge(people, on="person").merge(up, on="team")
        r = r.merge(people, on="person").merge(up, on="team")
    want = pd.DataFrame(index=got.index.astype(str))
    g = invited.groupby("group")
    want["sessions"], want["invited"] = g["session"].nunique(), g.size()
    g = r.groupby("group")
    want["respondents"], want["responses"] = g["person"].nunique(), g.size()
    want["impact"], want["support_needs"] = g["impact"].sum(), g["needs"].sum()
    want = want.fillna(0)
    got.index = got.index.astype(str)
    assert (got["sessions"].to_numpy() == want["sessions"].to_numpy()).all()
    assert (got["invited"].to_numpy() == want["invited"].to_numpy()).all()
    shown = got["suppressed"] == 0
    assert (want.loc[~shown, "respondents"] == 0).all()  # k = 1 hides only groups without answers
    for column in ["respondents", "responses", "support_needs"]:
        np.testing.assert_array_equal(got.loc[shown, column], want.loc[shown, column], err_msg=column)
    np.testing.assert_allclose(got.loc[shown, "response_rate"],
                               want.loc[shown, "responses"] / want.loc[shown, "invited"], rtol=1e-12)
    np.testing.assert_allclose(got.loc[shown, "mean_impact"],
                               want.loc[shown, "impact"] / want.loc[shown, "responses"], rtol=1e-12)
    if by == "team":  # the leaf team's session held by the date takes part (the department
        # has no members of its own, so its session invites nobody)
        assert "leaf-1" in set(invited["session"]) and not {"leaf-2", "dept-1"} & set(invited["session"])
        assert want.loc[leaf, "responses"] >= 6


def test_feedback_a_team_and_the_same_team_minus_one_person():
    # org = team a (6 respondents) + Xavier, who reports to org directly.
    # Publishing org (7) and a (6) would give Xavier's answer by subtraction.
    ws = levande.Workspace()
    ws.add(levande.Team(id="org", name="Org"), levande.Team(id="a", name="A", parent="org"),
           levande.Training(id="T", title="T", start=dt.date(2026, 1, 12), end=dt.date(2026, 1, 12)),
           levande.FeedbackSession(id="s", training="T", date=dt.date(2026, 2, 1)))
    for i, (team, impact) in enumerate([("a", 4)] * 6 + [("org", 1)]):
        ws.add(levande.Person(id=f"p{i}", name=f"P{i}", team=team),
               levande.Participation(person=f"p{i}", training="T"),
               levande.Response(session="s", person=f"p{i}", impact=impact))
    got = ws.feedback_metrics(dt.date(2026, 3, 1), by="team", min_respondents=5).set_index("team")
    assert got.loc["org", "suppressed"] == 0 and got.loc["org", "mean_impact"] == pytest.approx(25 / 7)
    assert got.loc["a", "suppressed"] == 1 and got.loc["a", "suppressed_to_protect_others"] == 1
    assert np.isnan(got.loc["a", "mean_impact"])
    by_training = ws.feedback_metrics(dt.date(2026, 3, 1), by="training", min_respondents=8)
    assert by_training["suppressed"].tolist() == [1]  # 7 respondents < 8


def test_training_outcomes_equal_pandas(organisation):
    as_of = dt.date(2026, 9, 30)
    got = organisation.training_outcomes(as_of, attribution=0.5, confidence=0.8).set_index("training")
    pa = organisation.table("participations")
    pa["training"] = pa["training"].astype(str)
    g = pa.groupby("training")
    want = pd.DataFrame({"participants": g.size(), "reaction": g["reaction"].mean()})
    both = pa.dropna(subset=["pre_score", "post_score"])
    want["pre_score"] = both.groupby("training")["pre_score"].mean()
    want["post_score"] = both.groupby("training")["post_score"].mean()
    ok = both[both["pre_score"] < 100]
    want["normalised_gain"] = ((ok["post_score"] - ok["pre_score"]) / (100 - ok["pre_score"])).groupby(
        ok["training"]).mean()
    # Level 4 and Phillips from the pandas goal status of the test above.
    goals = pandas_goal_status(organisation, as_of)
    plans = organisation.table("action_plans")[["id", "training"]].rename(columns={"id": "plan"})
    goals = goals.reset_index().merge(plans, on="plan")
    goals = goals[goals["progress"].notna()]
    goals["training"] = goals["training"].astype(str)
    sign = np.where(goals["direction"].astype(str) == "increase", 1.0, -1.0)
    goals["benefit"] = sign * (goals["current"] - goals["baseline"]) * goals["value_per_unit"] * 0.5 * 0.8
    want["goal_progress"] = goals.groupby("training")["progress"].mean()
    want["benefits"] = goals.groupby("training")["benefit"].sum()
    cost = organisation.table("trainings").set_index("id")["cost"]
    want["roi_percent"] = (want["benefits"] - cost) / cost * 100
    want = want.reindex(got.index.astype(str))
    for column in want.columns:
        np.testing.assert_allclose(got[column].to_numpy(dtype=float), want[column].to_numpy(dtype=float),
                                   rtol=1e-9, atol=1e-9, equal_nan=True, err_msg=column)
    assert got["application_rate"].fillna(0).eq(0).all()  # the synthetic organisation has no assignments


def test_coverage_equals_pandas(organisation):
    as_of = dt.date(2026, 9, 30)
    got = organisation.coverage(as_of).set_index("participation")
    ts = pd.Timestamp(as_of)
    pa = organisation.table("participations")
    pa["person"], pa["training"] = pa["person"].astype(str), pa["training"].astype(str)
    key = pa["person"] + "|" + pa["training"]
    trainings = organisation.table("trainings").set_index("id")
    # 1. A plan for the training with a check-in held by the date.
    plans = organisation.table("action_plans")[["id", "person", "training"]]
    c = organisation.table("check_ins")
    held = c[(c["status"].astype(str) == "held") & (c["held"] <= ts)]["plan"].astype(str).unique()
    plans = plans[plans["id"].isin(held)]
    step1 = set(plans["person"].astype(str) + "|" + plans["training"].astype(str))
    # 3. Ambassadors (the synthetic organisation has no peer groups).
    amb = organisation.table("ambassadors")
    step3 = set(amb["person"].astype(str) + "|" + amb["training"].astype(str))
    # 4. Answered a session about the training by the date.
    fs = organisation.table("feedback_sessions")[["id", "training", "date"]].rename(columns={"id": "session"})
    r = organisation.table("responses")
    r["session"] = r["session"].astype(str)
    r = r.merge(fs, on="session")
    r = r[r["date"] <= ts]
    step4 = set(r["person"].astype(str) + "|" + r["training"].astype(str))
    # 6. An activity after the training's end, by the date.
    a = organisation.table("activities")
    a = a[a["date"] <= ts].groupby(a["person"].astype(str))["date"].max()
    last = pa["person"].map(a)
    step6 = last > pa["training"].map(trainings["end"])
    want = pd.DataFrame({
        "action_plan": key.isin(step1).to_numpy(), "on_the_job": False, "peer_learning": key.isin(step3).to_numpy(),
        "feedback": key.isin(step4).to_numpy(), "celebration": False, "continuous_learning": step6.to_numpy()},
        index=pa["id"].to_numpy())
    for column in want.columns:
        assert (got[column].to_numpy() == want[column].to_numpy().astype(int)).all(), column
    np.testing.assert_allclose(got["coverage"], want.sum(axis=1) / 6, rtol=1e-12)
    assert got["steps"].max() >= 3
    # Retention health per training is the mean coverage of its participations.
    health = organisation.training_outcomes(as_of).set_index("training")["retention_health"]
    mean = got.groupby(got["training"].astype(str))["coverage"].mean()
    np.testing.assert_allclose(health.reindex(mean.index), mean, rtol=1e-12)


def test_metrics_pass_equals_the_single_metrics_and_pandas(organisation):
    as_of = dt.date(2026, 6, 30)
    tables = organisation.metrics_pass(as_of, at_risk_from=0.7, tolerance_days=2)
    assert list(tables) == [
        "goal_status", "engagement_by_person", "engagement_by_team", "feedback_by_team",
        "feedback_by_training", "training_outcomes", "coverage", "retention", "cohort_curves",
        "goals_by_person", "goals_by_team", "goals_by_department", "goals_by_training",
        "goals_by_skill", "goals_by_cohort"]
    # The pandas oracle for goal status, with the pass's threshold.
    got = tables["goal_status"].to_pandas().set_index("goal")
    want = pandas_goal_status(organisation, as_of, at_risk_from=0.7)
    np.testing.assert_allclose(got["forecast"].to_numpy(), want["forecast"].to_numpy(dtype=float),
                               rtol=1e-9, atol=1e-9, equal_nan=True)
    assert list(got["status"].astype(str)) == list(want["status"])
    # Every table as the single method gives it for the same options.
    singles = {
        "engagement_by_person": organisation.metrics_table(as_of, by="person", tolerance_days=2),
        "engagement_by_team": organisation.metrics_table(as_of, by="team", tolerance_days=2),
        "feedback_by_team": organisation.feedback_metrics_table(as_of, by="team"),
        "training_outcomes": organisation.training_outcomes_table(as_of),
        "coverage": organisation.coverage_table(as_of),
        "retention": organisation.retention_table(as_of),
        "cohort_curves": organisation.cohort_curves_table(as_of),
    }
    for by in ["person", "team", "department", "training", "skill", "cohort"]:
        singles[f"goals_by_{by}"] = organisation.goal_rollup_table(as_of, by=by, at_risk_from=0.7)
    for name, single in singles.items():
        pd.testing.assert_frame_equal(tables[name].to_pandas(), single.to_pandas(), obj=name)
    # By training: the single table when no team x training cell holds 1-4
    # people (pandas, from the records); otherwise every row is suppressed.
    single = organisation.feedback_metrics_table(as_of, by="training").to_pandas()
    together = tables["feedback_by_training"].to_pandas()
    responses = organisation.table("responses")
    sessions = organisation.table("feedback_sessions").set_index("id")
    people = organisation.table("people").set_index("id")
    responses = responses[sessions.loc[responses["session"].astype(str), "date"].dt.date.to_numpy()
                          <= as_of]
    cells = pd.DataFrame({
        "team": people.loc[responses["person"].astype(str), "team"].astype(str).to_numpy(),
        "column": sessions.loc[responses["session"].astype(str), "training"].astype(str).to_numpy(),
        "person": responses["person"].astype(str).to_numpy()})
    sizes = cells.drop_duplicates().groupby(["team", "column"]).size()
    if (sizes >= 5).all():
        pd.testing.assert_frame_equal(together, single, obj="feedback_by_training")
    else:
        assert together["suppressed"].astype(bool).all()
        assert together["mean_impact"].isna().all()
        assert (together["suppressed_to_protect_others"].astype(bool)
                == ~single["suppressed"].astype(bool)).all()
    # Without retention, that table is left out.
    assert "retention" not in organisation.metrics_pass(as_of, retention=False)
    with pytest.raises(levande.InvalidArgumentError, match="at_risk_from"):
        organisation.metrics_pass(as_of, at_risk_from=1.0)
