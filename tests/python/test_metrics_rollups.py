"""Predicted retention, cohort curves, goal roll-ups, ambassador reach and
team goal coverage against independent implementations of docs/metrics.md:
pandas for the grouping and the py-fsrs package for the memory model, on the
synthetic organisation with peer learning, team goals and competence plans
added."""

import datetime as dt
import math
import random

import numpy as np
import pandas as pd
import pytest

import levande

fsrs = pytest.importorskip("fsrs")

AS_OF = dt.date(2026, 9, 30)


@pytest.fixture(scope="module")
def organisation():
    ws = levande.synthetic_organisation(people=600, seed=11)
    rng = random.Random(20261128)
    trainings = ws.table("trainings")
    parts = ws.table("participations")
    people = ws.table("people")
    teams = ws.table("teams")
    ambassadors = ws.table("ambassadors")
    add = []
    # Step 3: groups of four participants per training with sessions, the
    # ambassador joining some of them.
    for tid, end in zip(trainings["id"], trainings["end"]):
        members = sorted(parts.loc[parts["training"] == tid, "person"].astype(str))
        champion = str(ambassadors.loc[ambassadors["training"] == tid, "person"].iloc[0])
        for k in range(0, min(len(members), 24) - 3, 4):
            group = members[k:k + 4]
            gid = f"pg-{tid}-{k}"
            add.append(levande.PeerGroup(id=gid, training=tid, members=group))
            for s in range(3):
                day = end.date() + dt.timedelta(days=20 + 30 * s)
                attendees = [m for m in group if rng.random() < 0.7]
                if champion not in group and rng.random() < 0.4:
                    attendees.append(champion)
                add.append(levande.PeerSession(id=f"{gid}-{s}", group=gid, date=day,
                                               attendees=attendees))
    # An ambassador for a skill, reaching through other trainings' sessions.
    add.append(levande.Ambassador(person=str(people["id"].iloc[7]), skill="CI/CD"))
    # Step 6: team goals (some due next year) and competence plans linking
    # some of them, a department's plan covering goals of its teams too.
    leaf = [t for t in teams["id"] if t.startswith("t")]
    for i, team in enumerate(leaf):
        plan = f"tp-{team}"
        add.append(levande.ActionPlan(id=plan, title="Team plan", team=team,
                                      created=dt.date(2026, 1, 10), agreed_by=dt.date(2026, 12, 31)))
        for j in range(2):
            deadline = dt.date(2026 + (i + j) % 4 // 3, 6 + j, 30)
            add.append(levande.Goal(id=f"tg-{team}-{j}", plan=plan, metric="Tickets", baseline=100,
                                    target=80, direction="decrease", deadline=deadline))
            for w in range(1, 4):
                add.append(levande.Measurement(goal=f"tg-{team}-{j}",
                                               date=dt.date(2026, 1, 10) + dt.timedelta(days=60 * w),
                                               value=100 - rng.uniform(0, 12) * w))
        add.append(levande.CompetencePlan(id=f"cp-{team}", team=team, year=2026))
        for j in range(2):
            if rng.random() < 0.5:
                add.append(levande.Initiative(id=f"in-{team}-{j}", plan=f"cp-{team}", quarter=2,
                                              skill="CI/CD", hours=10, goal=f"tg-{team}-{j}"))
    add.append(levande.CompetencePlan(id="cp-d0", team="d0", year=2026))
    add.append(levande.Initiative(id="in-d0", plan="cp-d0", quarter=1, skill="ITIL", hours=5,
                                  goal="tg-t1-1"))
    add.append(levande.CompetencePlan(id="cp-old", team="t2", year=2025))
    add.append(levande.Initiative(id="in-old", plan="cp-old", quarter=1, skill="ITIL", hours=5,
                                  goal="tg-t2-0"))
    ws.add(*add)
    return ws


def ancestors_of(ws):
    teams = ws.table("teams")
    parent = dict(zip(teams["id"], teams["parent"]))

    def up(team):
        out = []
        while team:
            out.append(team)
            team = parent.get(team) or ""
        return out
    return up


# ---- predicted retention ------------------------------------------------------

IMPACT = {1: 1, 2: 2, 3: 3, 4: 3, 5: 4}
OUTCOME = {"applied": 3, "partly": 2, "not_applied": 1}


def reviews_frame(ws, as_of):
    ts = pd.Timestamp(as_of)
    tr = ws.table("trainings")[["id", "end", "cancelled", "skills"]].rename(columns={"id": "training"})
    skills = tr[["training", "skills"]].explode("skills").rename(columns={"skills": "skill"})
    p = ws.table("participations").astype({"person": str, "training": str})
    p = p.merge(tr, on="training")
    p["date"] = p["completed"].fillna(p["end"].where(~p["cancelled"]))
    learn = p[p["date"] <= ts].assign(source=0, rating=3)[["person", "training", "date", "source",
                                                           "rating"]]
    plans = ws.table("action_plans")
    plans = plans[(plans["person"].fillna("") != "") & (plans["training"].fillna("") != "")]
    c = ws.table("check_ins").astype({"plan": str, "status": str, "outcome": str})
    c = c.merge(plans[["id", "person", "training"]], left_on="plan", right_on="id")
    c = c[(c["status"] == "held") & (c["held"] <= ts) & c["outcome"].isin(list(OUTCOME))]
    checks = pd.DataFrame({"person": c["person"], "training": c["training"], "date": c["held"],
                           "source": 1, "rating": c["outcome"].map(OUTCOME)})
    s = ws.table("feedback_sessions")[["id", "date", "training"]].rename(columns={"id": "session"})
    r = ws.table("responses").astype({"session": str, "person": str}).merge(s, on="session")
    r = r[(r["training"].fillna("") != "") & (r["date"] <= ts)]
    answers = pd.DataFrame({"person": r["person"], "training": r["training"], "date": r["date"],
                            "source": 2, "rating": r["impact"].astype(int).map(IMPACT)})
    reviews = pd.concat([learn, checks, answers]).merge(skills, on="training")
    return reviews.sort_values(["person", "skill", "date", "source"], kind="stable")


def test_retention_equals_py_fsrs(organisation):
    ws = organisation
    got = ws.retention(AS_OF, target=0.85)
    reviews = reviews_frame(ws, AS_OF)
    scheduler = fsrs.Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
    w = list(fsrs.scheduler.DEFAULT_PARAMETERS)
    factor = 0.9 ** (-1 / w[20]) - 1
    rows = []
    for (person, skill), h in reviews.groupby(["person", "skill"], sort=False):
        first = np.flatnonzero(h["source"].to_numpy() == 0)
        if len(first) == 0:
            continue
        h = h.iloc[first[0]:]
        card = fsrs.Card()
        for day, rating in zip(h["date"], h["rating"]):
            when = dt.datetime.combine(day.date(), dt.time(9), tzinfo=dt.timezone.utc)
            card, _ = scheduler.review_card(card, fsrs.Rating(int(rating)), when)
        recall = scheduler.get_card_retrievability(
            card, dt.datetime.combine(AS_OF, dt.time(9), tzinfo=dt.timezone.utc))
        interval = card.stability / factor * (0.85 ** (-1 / w[20]) - 1)
        last = h["date"].iloc[-1]
        rows.append((person, skill, int((h["source"] == 0).sum()), len(h), last, card.stability,
                     card.difficulty, recall,
                     last + pd.Timedelta(days=min(max(math.floor(interval), 1), 36500))))
    want = pd.DataFrame(rows, columns=["person", "skill", "trainings", "reviews", "last_review",
                                       "stability", "difficulty", "retrievability",
                                       "reinforce_by"])
    key = lambda f: f.assign(person=f["person"].astype(str), skill=f["skill"].astype(str)) \
        .sort_values(["person", "skill"]).reset_index(drop=True)
    got, want = key(got), key(want)
    assert len(got) == len(want) > 1000
    assert (got[["person", "skill"]] == want[["person", "skill"]]).all().all()
    for column in ["trainings", "reviews"]:
        assert (got[column].to_numpy() == want[column].to_numpy()).all(), column
    for column in ["last_review", "reinforce_by"]:
        assert (got[column].to_numpy() == want[column].to_numpy().astype(got[column].dtype)).all()
    for column in ["stability", "difficulty", "retrievability"]:
        np.testing.assert_allclose(got[column], want[column], rtol=1e-9, err_msg=column)
    teams = ws.table("people").set_index("id")["team"]
    assert (got["team"].astype(str) == teams.loc[got["person"]].to_numpy()).all()


def test_retention_by_hand_and_errors():
    ws = levande.Workspace()
    d = dt.date
    ws.add(levande.Person(id="anna", name="Anna"),
           levande.Training(id="sec", title="Security", skills=["security", "risk"],
                            start=d(2026, 3, 2), end=d(2026, 3, 3)),
           levande.Participation(person="anna", training="sec", completed=d(2026, 3, 3)),
           levande.ActionPlan(id="p", title="P", person="anna", training="sec",
                              created=d(2026, 3, 4), agreed_by=d(2026, 6, 1)),
           levande.CheckIn(plan="p", scheduled=d(2026, 3, 13), status="held", held=d(2026, 3, 13),
                           outcome="applied"))
    frame = ws.retention(d(2026, 3, 23))
    assert list(frame["skill"].astype(str)) == ["risk", "security"]
    row = frame.iloc[1]
    # FSRS-6 by hand: a first Good gives S0 = w2 = 2.3065 and D0 = w4 − e^(2·w5) + 1;
    # ten days later R = (1 + F·10/S)^(−w20).
    w = levande.MemoryModel().parameters
    s0, d0 = w[2], w[4] - math.exp(2 * w[5]) + 1
    f = 0.9 ** (-1 / w[20]) - 1
    r = (1 + f * 10 / s0) ** -w[20]
    s1 = s0 * (math.exp(w[8]) * (11 - d0) * s0 ** -w[9] * (math.exp(w[10] * (1 - r)) - 1) + 1)
    assert row["reviews"] == 2 and row["trainings"] == 1
    assert row["stability"] == pytest.approx(s1, rel=1e-12)
    assert row["last_review"] == pd.Timestamp("2026-03-13")
    assert row["retrievability"] == pytest.approx((1 + f * 10 / s1) ** -w[20], rel=1e-12)
    # Before the training ends nothing was learnt.
    assert len(ws.retention(d(2026, 3, 2))) == 0
    with pytest.raises(levande.InvalidArgumentError) as e:
        ws.retention(d(2026, 3, 23), target=1.0)
    assert e.value.field == "target"


# ---- cohort curves --------------------------------------------------------------

def pandas_cohort_curves(ws, as_of, step=30, max_days=360):
    goals = ws.table("goals")[["id", "plan", "baseline", "target"]]
    plans = ws.table("action_plans")[["id", "training"]].rename(columns={"id": "plan"})
    tr = ws.table("trainings")[["id", "end"]].rename(columns={"id": "training"})
    g = goals.merge(plans, on="plan").merge(tr, on="training")
    g = g[g["end"] <= pd.Timestamp(as_of)]
    m = ws.table("measurements").astype({"goal": str})
    m["row"] = np.arange(len(m))
    rows = []
    for k in range(max_days // step + 1):
        x = g.assign(day=g["end"] + pd.Timedelta(days=k * step))
        x = x[x["day"] <= pd.Timestamp(as_of)]
        if x.empty:
            break
        mm = m.merge(x[["id", "day"]], left_on="goal", right_on="id")
        mm = mm[mm["date"] <= mm["day"]].sort_values(["goal", "date", "row"]).groupby("goal").tail(1)
        value = x["id"].map(mm.set_index("goal")["value"])
        progress = ((value - x["baseline"]) / (x["target"] - x["baseline"])).fillna(0.0)
        x = x.assign(progress=progress, achieved=progress >= 1, k=k * step,
                     cohort=x["end"].dt.strftime("%Y-%m"))
        rows.append(x.groupby("cohort").agg(goals=("id", "size"), mean_progress=("progress", "mean"),
                                            achieved_share=("achieved", "mean"))
                    .reset_index().assign(day=k * step))
    return pd.concat(rows).sort_values(["cohort", "day"]).reset_index(drop=True)


@pytest.mark.parametrize("step", [30, 7])
def test_cohort_curves_equal_pandas(organisation, step):
    got = organisation.cohort_curves(AS_OF, step_days=step, max_days=200)
    want = pandas_cohort_curves(organisation, AS_OF, step, 200)
    assert list(got["cohort"].astype(str)) == list(want["cohort"])
    assert (got["day"].to_numpy() == want["day"].to_numpy()).all()
    assert (got["goals"].to_numpy() == want["goals"].to_numpy()).all()
    for column in ["mean_progress", "achieved_share"]:
        np.testing.assert_allclose(got[column], want[column], rtol=1e-9, atol=1e-12)
    assert got["cohort"].nunique() >= 3  # several cohorts, so grouping is exercised


# A log grouped by goal in goal order is walked in place (sorting a goal's
# rows by date where needed: [1, 0, 2]); any other order is gathered per goal
# first. All must give the same curve.
@pytest.mark.parametrize("order", [[0, 1, 2], [1, 0, 2], [1, 2, 0], [2, 0, 1]])
def test_cohort_curve_by_hand(order):
    d = dt.date
    ws = levande.Workspace()
    measurements = [levande.Measurement(goal="g", date=d(2026, 2, 20), value=4),
                    levande.Measurement(goal="g", date=d(2026, 3, 2), value=12),
                    levande.Measurement(goal="h", date=d(2026, 3, 1), value=5)]
    ws.add(levande.Person(id="a", name="A"),
           levande.Training(id="t", title="T", start=d(2026, 1, 30), end=d(2026, 1, 31)),
           levande.ActionPlan(id="p", title="P", person="a", training="t", created=d(2026, 2, 1),
                              agreed_by=d(2026, 6, 1)),
           levande.Goal(id="g", plan="p", metric="m", baseline=0, target=10, deadline=d(2026, 6, 1)),
           levande.Goal(id="h", plan="p", metric="m", baseline=10, target=0, direction="decrease",
                        deadline=d(2026, 6, 1)),
           *[measurements[i] for i in order])
    frame = ws.cohort_curves(d(2026, 3, 15), step_days=10, max_days=100)
    # Days 0..40 reach 2026-03-12; day 40 would be 03-12, day 50 is past the date.
    assert list(frame["day"]) == [0, 10, 20, 30, 40]
    assert list(frame["cohort"].astype(str)) == ["2026-01"] * 5
    # g: 0, 0, 0.4 (02-20), 1.2 (03-02), 1.2; h: 0, 0, 0, 0.5 (03-01 by 03-02), 0.5.
    assert list(frame["mean_progress"]) == pytest.approx([0, 0, 0.2, 0.85, 0.85])
    assert list(frame["achieved_share"]) == [0, 0, 0, 0.5, 0.5]


# ---- roll-ups -------------------------------------------------------------------

def pandas_rollup(ws, as_of, by, department_depth=1, status=None):
    """docs/metrics.md's roll-ups with pandas, over a goal status frame (goal,
    progress, status): levande's (checked in test_metrics.py) unless given."""
    if status is None:
        status = ws.goal_status(as_of)
    status = status[["goal", "progress", "status"]].astype({"goal": str, "status": str})
    goals = ws.table("goals")[["id", "plan"]].rename(columns={"id": "goal"})
    plans = ws.table("action_plans")[["id", "person", "team", "training"]].rename(
        columns={"id": "plan", "team": "plan_team"})
    people = ws.table("people")[["id", "team"]].rename(columns={"id": "person"})
    tr = ws.table("trainings")[["id", "end", "skills"]].rename(columns={"id": "training"})
    g = status.merge(goals, on="goal").merge(plans, on="plan").merge(people, on="person",
                                                                      how="left")
    g["owner"] = g["plan_team"].where(g["plan_team"].fillna("") != "", g["team"]).fillna("")
    up = ancestors_of(ws)
    if by == "person":
        keys = list(ws.table("people")["id"])
        pairs = g[g["person"].fillna("") != ""].assign(key=lambda f: f["person"])
    elif by == "team":
        keys = list(ws.table("teams")["id"])
        pairs = g.assign(key=g["owner"].map(up)).explode("key").dropna(subset=["key"])
    elif by == "department":
        def dept(team):
            path = up(team)[::-1]  # root first
            return path[min(len(path) - 1, department_depth)] if path else None
        keys = [t for t in ws.table("teams")["id"] if dept(t) == t]
        pairs = g.assign(key=g["owner"].map(dept)).dropna(subset=["key"])
    elif by == "training":
        keys = list(tr["training"])
        pairs = g[g["training"].fillna("") != ""].assign(key=lambda f: f["training"])
    elif by == "skill":
        pairs = g.merge(tr, on="training").explode("skills").rename(columns={"skills": "key"})
        keys = sorted(pairs["key"].unique())
    else:
        pairs = g.merge(tr, on="training").assign(key=lambda f: f["end"].dt.strftime("%Y-%m"))
        keys = sorted(pairs["key"].unique())
    counts = pd.crosstab(pairs["key"], pairs["status"]).reindex(index=keys, fill_value=0)
    out = pd.DataFrame(index=pd.Index(keys))
    out["goals"] = pairs.groupby("key").size().reindex(keys, fill_value=0)
    measured = pairs[pairs["progress"].notna()]
    out["measured"] = measured.groupby("key").size().reindex(keys, fill_value=0)
    out["mean_progress"] = measured.groupby("key")["progress"].mean().reindex(keys)
    for s in ["no_data", "achieved", "on_track", "at_risk", "off_track", "missed"]:
        out[s] = counts[s] if s in counts else 0
    out["on_track_share"] = (out["achieved"] + out["on_track"]) / out["measured"].where(
        out["measured"] > 0)
    return out


@pytest.mark.parametrize("by", ["person", "team", "department", "training", "skill", "cohort"])
def test_goal_rollup_equals_pandas(organisation, by):
    got = organisation.goal_rollup(AS_OF, by=by)
    want = pandas_rollup(organisation, AS_OF, by)
    assert list(got[by].astype(str)) == list(want.index)
    for column in ["goals", "measured", "no_data", "achieved", "on_track", "at_risk", "off_track",
                   "missed"]:
        assert (got[column].to_numpy() == want[column].to_numpy()).all(), column
    for column in ["mean_progress", "on_track_share"]:
        np.testing.assert_allclose(got[column], want[column], rtol=1e-9, equal_nan=True)
    if by == "department":
        # Departments partition the goals that have an owning team.
        assert got["goals"].sum() == organisation.count("goals")


def test_department_depth_and_errors(organisation):
    roots = organisation.goal_rollup(AS_OF, by="department", department_depth=0)
    assert list(roots["department"].astype(str)) == ["org"]
    assert roots["goals"].iloc[0] == organisation.count("goals")
    leaves = organisation.goal_rollup(AS_OF, by="department", department_depth=5)
    assert len(leaves) == organisation.count("teams")
    with pytest.raises(levande.InvalidArgumentError) as e:
        organisation.goal_rollup(AS_OF, by="division")
    assert e.value.field == "by"
    with pytest.raises(levande.InvalidArgumentError) as e:
        organisation.goal_rollup(AS_OF, by="team", department_depth=-1)
    assert e.value.field == "department_depth"


# ---- ambassador reach, team goal coverage, retention health per team ------------

def test_ambassador_reach_equals_pandas(organisation):
    ws = organisation
    got = ws.training_outcomes(AS_OF).set_index("training")
    tr = ws.table("trainings")
    amb = ws.table("ambassadors")
    sessions = ws.table("peer_sessions")
    sessions = sessions[sessions["date"] <= pd.Timestamp(AS_OF)]
    for tid, skills in zip(tr["id"], tr["skills"]):
        champions = set(amb.loc[(amb["training"] == tid) |
                                ((amb["training"].fillna("") == "") & amb["skill"].isin(skills)),
                                "person"])
        reached = set()
        for attendees in sessions["attendees"]:
            if champions & set(attendees):
                reached |= set(attendees) - champions
        assert got.loc[tid, "ambassadors"] == len(champions), tid
        assert got.loc[tid, "ambassador_reach"] == len(reached), tid
    assert got["ambassador_reach"].sum() > 0


def test_team_goal_coverage_and_retention_health_equal_pandas(organisation):
    ws = organisation
    got = ws.metrics(AS_OF, by="team").set_index("team")
    up = ancestors_of(ws)
    goals = ws.table("goals").merge(ws.table("action_plans")[["id", "team"]].rename(
        columns={"id": "plan"}), on="plan")
    goals = goals[(goals["team"].fillna("") != "") & (goals["deadline"].dt.year == AS_OF.year)]
    init = ws.table("initiatives").merge(ws.table("competence_plans").rename(
        columns={"id": "plan", "team": "planner"}), on="plan")
    init = init[(init["year"] == AS_OF.year) & (init["goal"].fillna("") != "")]
    planners = init.groupby("goal")["planner"].apply(set)
    goals["covered"] = [bool(set(up(team)) & planners.get(goal, set()))
                        for goal, team in zip(goals["id"], goals["team"])]
    per = goals.assign(group=goals["team"].map(up)).explode("group").groupby("group")
    want_goals = per.size().reindex(got.index, fill_value=0)
    want_planned = per["covered"].sum().reindex(got.index, fill_value=0)
    assert (got["team_goals"].to_numpy() == want_goals.to_numpy()).all()
    assert (got["team_goals_planned"].to_numpy() == want_planned.to_numpy()).all()
    np.testing.assert_allclose(got["goal_plan_coverage"],
                               (want_planned / want_goals.where(want_goals > 0)).to_numpy(),
                               rtol=1e-12, equal_nan=True)
    assert 0 < want_planned.loc["org"] < want_goals.loc["org"]
    # Retention health: mean coverage of the participations of the team's people
    # (coverage itself is checked against pandas in test_metrics.py).
    cov = ws.coverage(AS_OF).astype({"person": str})
    team_of = ws.table("people").set_index("id")["team"]
    cov["group"] = cov["person"].map(team_of).map(up)
    health = cov.explode("group").groupby("group")["coverage"].mean().reindex(got.index)
    np.testing.assert_allclose(got["retention_health"], health, rtol=1e-12, equal_nan=True)
    person = ws.metrics(AS_OF, by="person")
    assert person["goal_plan_coverage"].isna().all()
