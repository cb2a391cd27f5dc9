"""The full metrics pass over the synthetic organisation against the same
computations in pandas, a memory-bandwidth floor and the pandas handover,
all in one run.

The synthetic organisation (levande.synthetic_organisation: 100 000 people,
about 9.7 million log records) is measured as of one date by every metric
levande has, as levande.Table (no pandas conversion): goal status,
engagement per person and per team, feedback per team and per training,
training outcomes, six-step coverage, cohort curves and goal roll-ups by
team, department, skill and cohort — once metric by metric (each call
computes the goal status or coverage it needs), and as the full pass,
ws.metrics_pass(retention=False), which computes those once and also
rolls goals up by person and training. Then
  * pandas computes the same tables from the workspace's data already loaded
    into DataFrames (ws.table; the load is reported, not counted): goal
    status and engagement are the oracles of tests/python/test_metrics.py,
    feedback, coverage and training outcomes are written below. Training
    outcomes and roll-ups reuse pandas' goal status and coverage. Every
    column of both levande runs is compared (1e-9) before any ratio is shown.
  * the floor: the bytes of the log columns the pass reads (each once, at
    the core's widths) divided by the single-thread read bandwidth, the best
    of numpy sum, max and bitwise-or over a 512 MiB array.
  * the handover: the 2026 schedule's event table (plan_follow_up; 6.7 M
    rows at 100 000 people, the largest table levande offers) as a
    levande.Table turned into a pandas DataFrame, Arrow-backed and numpy,
    against the metrics pass time.
Times are the best of --repeat runs (pandas: --pandas-repeat).

    .venv/bin/python bench/metrics_100k.py [--people 100000] [--as-of 2026-09-30] [--date-order]
"""

import argparse
import datetime as dt
import os
import resource
import sys
import time

import numpy as np
import pandas as pd
import pyarrow

import levande

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "python"))
from test_metrics import pandas_engagement, pandas_goal_status  # noqa: E402  (the test oracles)
from test_metrics_rollups import pandas_cohort_curves, pandas_rollup  # noqa: E402

LOGS = ["measurements", "check_ins", "responses", "activities"]
CATALOGUE = ["teams", "people", "trainings", "participations", "action_plans", "goals", "assignments",
             "ambassadors", "peer_groups", "peer_sessions", "feedback_sessions", "successes"]
# The log columns the pass reads; dates are int32 days in the core (numpy shows datetime64[D]).
READ = {"measurements": ["goal", "date", "value"], "check_ins": ["plan", "scheduled", "status", "held"],
        "responses": ["session", "person", "impact", "needs_support"],
        "activities": ["person", "date", "hours", "kind", "self_initiated"]}
DATE_BYTES = 4
APPLYING = ["active", "completed"]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Frames:
    """The workspace's kinds loaded once as DataFrames, handed out like
    Workspace.table (a shallow copy each time, so callers may add columns)."""

    def __init__(self, ws):
        self.frames = {kind: ws.table(kind) for kind in LOGS + CATALOGUE}
        self.sizes = ws.counts()

    def table(self, kind):
        return self.frames[kind].copy(deep=False)

    def count(self, kind):
        return self.sizes[kind]


# ---- pandas: feedback, coverage, training outcomes (docs/metrics.md) --------

def team_ancestors(f):
    """(team, group) for every team and each team above it, itself included."""
    teams = f.table("teams")
    parent = teams.set_index("id")["parent"]
    level = pd.DataFrame({"team": teams["id"], "group": teams["id"]})
    out = []
    while len(level):
        out.append(level)
        up = level["group"].map(parent)
        level = pd.DataFrame({"team": level["team"], "group": up})[up.notna() & (up != "")]
    return pd.concat(out, ignore_index=True)


def complementary_suppression(f, respondents, suppressed, k):
    """Suppresses the published descendant with the fewest respondents while
    a published team's respondents not covered by its nearest published
    descendants number 1..k-1; returns the rows suppressed for that reason."""
    parent = f.table("teams")["parent"].tolist()
    index = {t: i for i, t in enumerate(f.table("teams")["id"])}
    children = [[] for _ in parent]
    for i, p in enumerate(parent):
        if p:
            children[index[p]].append(i)
    protect = np.zeros(len(parent), dtype=np.uint8)

    def nearest_published(g):
        out, stack = [], list(children[g])
        while stack:
            c = stack.pop()
            if suppressed[c]:
                stack.extend(children[c])
            else:
                out.append(c)
        return out

    changed = True
    while changed:
        changed = False
        for g in range(len(parent)):
            while not suppressed[g]:
                frontier = nearest_published(g)
                rest = respondents[g] - sum(respondents[c] for c in frontier)
                if rest == 0 or rest >= k or not frontier:
                    break
                smallest = min(frontier, key=lambda c: (respondents[c], c))
                suppressed[smallest] = protect[smallest] = 1
                changed = True
    return protect


def pandas_feedback(f, as_of, by, k=5):
    ts = pd.Timestamp(as_of)
    people = f.table("people")[["id", "team"]].rename(columns={"id": "person"})
    sessions = f.table("feedback_sessions")[["id", "date", "training", "team"]].rename(
        columns={"id": "session"})
    held = sessions[sessions["date"] <= ts]
    # Invitations (session, person, training): a training's participants, or a team's members.
    participants = f.table("participations")[["person", "training"]].drop_duplicates()
    on_training = held[held["training"] != ""][["session", "training"]].merge(participants, on="training")
    on_team = held[held["training"] == ""][["session", "team"]].merge(people, on="team")
    invited = pd.concat([on_training, on_team.drop(columns="team").assign(training="")],
                        ignore_index=True)
    r = f.table("responses")
    r = pd.DataFrame({"session": r["session"].astype(str), "person": r["person"].astype(str),
                      "impact": r["impact"].astype(float), "needs": r["needs_support"]})
    r = r.merge(held[["session", "training"]], on="session")
    if by == "training":
        keys = f.table("trainings")["id"]
        invited = invited[invited["training"] != ""].assign(group=lambda d: d["training"])
        r = r[r["training"] != ""].assign(group=lambda d: d["training"])
    else:
        keys = f.table("teams")["id"]
        up = team_ancestors(f)
        invited = invited.merge(people, on="person").merge(up, on="team")
        r = r.merge(people, on="person").merge(up, on="team")
    out = pd.DataFrame(index=pd.Index(keys, name=by))
    g = invited.groupby("group")
    out["sessions"], out["invited"] = g["session"].nunique(), g.size()
    g = r.groupby("group")
    out["respondents"], out["responses"] = g["person"].nunique(), g.size()
    out["impact"], out["needs"] = g["impact"].sum(), g["needs"].sum()
    out = out.fillna(0)
    respondents = out["respondents"].to_numpy(dtype=np.int64)
    suppressed = (respondents < k).astype(np.uint8)
    protect = (complementary_suppression(f, respondents, suppressed, k) if by == "team"
               else np.zeros(len(out), dtype=np.uint8))
    hide = suppressed.astype(bool)
    responses, invited_n = out["responses"].to_numpy(float), out["invited"].to_numpy(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        out["response_rate"] = np.where(hide | (invited_n == 0), np.nan, responses / invited_n)
        out["mean_impact"] = np.where(hide | (responses == 0), np.nan, out["impact"] / responses)
    for column, shown in (("respondents", "respondents"), ("responses", "responses"),
                          ("needs", "support_needs")):
        out[shown] = np.where(hide, np.nan, out[column])
    out["suppressed"], out["suppressed_to_protect_others"] = suppressed, protect
    return out


def pandas_coverage(f, as_of):
    ts = pd.Timestamp(as_of)
    pa = f.table("participations")[["id", "person", "training"]]
    ends = f.table("trainings").set_index("id")["end"]

    def has(pairs):  # per participation: is its (person, training) among the pairs?
        pairs = pairs[["person", "training"]].drop_duplicates()
        found = pa[["person", "training"]].merge(pairs, how="left", indicator=True)
        return (found["_merge"] == "both").to_numpy()

    plans = f.table("action_plans")[["id", "person", "training"]]
    c = f.table("check_ins")
    held = c.loc[(c["status"] == "held") & (c["held"] <= ts), "plan"].astype(str).unique()
    plans = plans[plans["id"].isin(held) & (plans["person"] != "") & (plans["training"] != "")]
    out = pd.DataFrame({"participation": pa["id"]})
    out["action_plan"] = has(plans)
    # 2. Assignments for the training, or without one for one of its skills.
    a = f.table("assignments")
    a = a[(a["person"] != "") & a["status"].isin(APPLYING) & (a["start"] <= ts)]
    skills = f.table("trainings")[["id", "skills"]].explode("skills").rename(
        columns={"id": "training", "skills": "skill"})
    by_skill = a[a["training"] == ""][["person", "skill"]].merge(skills, on="skill")
    out["on_the_job"] = has(pd.concat([a[a["training"] != ""], by_skill]))
    # 3. Attended a peer session of the training's groups, or is its ambassador.
    groups = f.table("peer_groups")[["id", "training"]].rename(columns={"id": "group"})
    ps = f.table("peer_sessions")
    ps = ps[ps["date"] <= ts].merge(groups[groups["training"] != ""], on="group")
    attended = ps.explode("attendees").dropna(subset=["attendees"]).rename(columns={"attendees": "person"})
    amb = f.table("ambassadors")
    out["peer_learning"] = has(pd.concat([attended, amb[amb["training"] != ""]]))
    # 4. Answered a session about the training.
    fs = f.table("feedback_sessions")[["id", "date", "training"]].rename(columns={"id": "session"})
    fs = fs[(fs["date"] <= ts) & (fs["training"] != "")]
    r = f.table("responses")
    r = pd.DataFrame({"session": r["session"].astype(str), "person": r["person"].astype(str)})
    out["feedback"] = has(r.merge(fs, on="session"))
    # 5. A success on a goal of their plan, or their own success after the training's end.
    s = f.table("successes")
    s = s[s["date"] <= ts]
    goal_plans = f.table("goals")[["id", "plan"]].rename(columns={"id": "goal"}).merge(
        f.table("action_plans")[["id", "person", "training"]].rename(columns={"id": "plan"}), on="plan")
    on_goal = s[s["goal"] != ""][["goal"]].merge(goal_plans, on="goal")
    on_goal = on_goal[(on_goal["person"] != "") & (on_goal["training"] != "")]
    own = s[(s["goal"] == "") & (s["person"] != "")][["person", "date"]].merge(
        pa.assign(end=pa["training"].map(ends)), on="person")
    out["celebration"] = has(on_goal) | pa["id"].isin(own.loc[own["date"] >= own["end"], "id"]).to_numpy()
    # 6. A learning activity after the training's end.
    act = f.table("activities")
    last = act[act["date"] <= ts].groupby(act["person"].astype(str), observed=True)["date"].max()
    out["continuous_learning"] = (pa["person"].map(last) > pa["training"].map(ends)).to_numpy()
    out["training"] = pa["training"].to_numpy()
    steps = ["action_plan", "on_the_job", "peer_learning", "feedback", "celebration", "continuous_learning"]
    out["steps"] = out[steps].sum(axis=1)
    out["coverage"] = out["steps"] / 6
    return out


def pandas_training_outcomes(f, as_of, goal_status, coverage, application_days=90, attribution=1.0,
                             confidence=1.0):
    ts = pd.Timestamp(as_of)
    tr = f.table("trainings").set_index("id")
    pa = f.table("participations")
    g = pa.groupby("training")
    out = pd.DataFrame(index=pd.Index(tr.index, name="training"))
    out["participants"] = g.size()
    out["reaction"] = g["reaction"].mean()
    both = pa.dropna(subset=["pre_score", "post_score"])
    out["pre_score"] = both.groupby("training")["pre_score"].mean()
    out["post_score"] = both.groupby("training")["post_score"].mean()
    out["learning_gain"] = out["post_score"] - out["pre_score"]
    below = both[both["pre_score"] < 100]
    out["normalised_gain"] = ((below["post_score"] - below["pre_score"]) / (100 - below["pre_score"])
                              ).groupby(below["training"]).mean()
    # L3: distinct participants with an applying assignment by end + N days and by as_of.
    people = pa[["person", "training"]].drop_duplicates()
    a = f.table("assignments")
    a = a[(a["person"] != "") & a["status"].isin(APPLYING) & (a["start"] <= ts)]
    a = a[["person", "training", "skill", "start"]].rename(columns={"training": "for"})
    cand = people.merge(a, on="person")
    skills = tr["skills"].explode().reset_index().rename(columns={"id": "training", "skills": "skill"})
    by_skill = cand.merge(skills, on=["training", "skill"], how="left", indicator=True)["_merge"] == "both"
    linked = (cand["for"] == cand["training"]) | ((cand["for"] == "") & by_skill.to_numpy())
    window = cand["training"].map(tr["end"]) + pd.Timedelta(days=application_days)
    applying = cand[linked & (cand["start"] <= window)].drop_duplicates(["person", "training"])
    out["application_rate"] = applying.groupby("training").size().reindex(out.index).fillna(0) / out[
        "participants"]
    # L4 and Phillips from the goals of plans that follow the training.
    plans = f.table("action_plans")[["id", "training"]].rename(columns={"id": "plan"})
    goals = goal_status.reset_index().merge(plans, on="plan")
    goals = goals[(goals["training"] != "") & goals["progress"].notna()]
    out["goal_progress"] = goals.groupby("training")["progress"].mean()
    valued = goals[goals["value_per_unit"].notna()]
    sign = np.where(valued["direction"] == "increase", 1.0, -1.0)
    change = sign * (valued["current"] - valued["baseline"])
    benefit = (change * valued["value_per_unit"] * attribution * confidence).groupby(valued["training"]).sum()
    out["benefits"] = benefit
    cost = tr["cost"].where(tr["cost"] > 0)
    out["costs"] = tr["cost"]
    out["benefit_cost_ratio"] = out["benefits"] / cost
    out["roi_percent"] = (out["benefits"] - cost) / cost * 100
    out["payback_months"] = cost / out["benefits"].where(out["benefits"] > 0) * 12
    # Step 3: participants in the training's peer groups, its sessions by as_of.
    pg = f.table("peer_groups")
    members = pg[pg["training"] != ""][["training", "members"]].explode("members").dropna()
    members = members.rename(columns={"members": "person"}).drop_duplicates()
    grouped = people.merge(members, on=["person", "training"])
    out["peer_participation"] = grouped.groupby("training").size().reindex(out.index).fillna(0) / out[
        "participants"]
    ps = f.table("peer_sessions")
    ps = ps[ps["date"] <= ts].merge(pg[["id", "training"]].rename(columns={"id": "group"}), on="group")
    ps = ps[ps["training"] != ""]
    out["peer_sessions_planned"] = ps.groupby("training").size()
    out["peer_sessions_held"] = ps[ps["attendees"].map(len) > 0].groupby("training").size()
    # Step 5: successes on goals of those plans.
    s = f.table("successes")
    s = s[(s["goal"] != "") & (s["date"] <= ts)].merge(
        f.table("goals")[["id", "plan"]].rename(columns={"id": "goal"}), on="goal").merge(plans, on="plan")
    s = s[s["training"] != ""]
    out["successes"] = s.groupby("training").size()
    out["successes_celebrated"] = s[s["celebrated"] <= ts].groupby("training").size()
    for column in ("participants", "peer_sessions_planned", "peer_sessions_held", "successes",
                   "successes_celebrated"):
        out[column] = out[column].fillna(0)
    out["retention_health"] = coverage.groupby("training")["coverage"].mean()
    return out


# ---- the two passes ---------------------------------------------------------

def levande_pass(ws, as_of):
    return [
        ("goal_status", lambda: ws.goal_status_table(as_of)),
        ("metrics by person", lambda: ws.metrics_table(as_of, by="person")),
        ("metrics by team", lambda: ws.metrics_table(as_of, by="team")),
        ("feedback by team", lambda: ws.feedback_metrics_table(as_of, by="team")),
        ("feedback by training", lambda: ws.feedback_metrics_table(as_of, by="training")),
        ("training_outcomes", lambda: ws.training_outcomes_table(as_of)),
        ("coverage", lambda: ws.coverage_table(as_of)),
        ("cohort curves", lambda: ws.cohort_curves_table(as_of)),
        ("goals by team", lambda: ws.goal_rollup_table(as_of, by="team")),
        ("goals by department", lambda: ws.goal_rollup_table(as_of, by="department")),
        ("goals by skill", lambda: ws.goal_rollup_table(as_of, by="skill")),
        ("goals by cohort", lambda: ws.goal_rollup_table(as_of, by="cohort")),
    ]


# The bench's names -> metrics_pass names.
PASS_NAMES = {"goal_status": "goal_status", "metrics by person": "engagement_by_person",
              "metrics by team": "engagement_by_team", "feedback by team": "feedback_by_team",
              "feedback by training": "feedback_by_training", "training_outcomes": "training_outcomes",
              "coverage": "coverage", "cohort curves": "cohort_curves",
              "goals by team": "goals_by_team", "goals by department": "goals_by_department",
              "goals by skill": "goals_by_skill", "goals by cohort": "goals_by_cohort"}


def timed_metrics_pass(ws, as_of, repeat):
    """Best time of `repeat` calls of ws.metrics_pass (every metric but
    retention, in one call), and its tables under the bench's names."""
    best, tables = float("inf"), {}
    for _ in range(repeat):
        t = time.perf_counter()
        tables = ws.metrics_pass(as_of, retention=False)
        best = min(best, time.perf_counter() - t)
    return best, {ours: tables[theirs] for ours, theirs in PASS_NAMES.items()}


def pandas_pass(f, as_of):
    done = {}
    return [
        ("goal_status", lambda: done.setdefault("goals", pandas_goal_status(f, as_of))),
        ("metrics by person", lambda: pandas_engagement(f, as_of, "person")),
        ("metrics by team", lambda: pandas_engagement(f, as_of, "team")),
        ("feedback by team", lambda: pandas_feedback(f, as_of, "team")),
        ("feedback by training", lambda: pandas_feedback(f, as_of, "training")),
        ("coverage", lambda: done.setdefault("coverage", pandas_coverage(f, as_of))),
        ("training_outcomes", lambda: pandas_training_outcomes(f, as_of, done["goals"], done["coverage"])),
        ("cohort curves", lambda: pandas_cohort_curves(f, as_of)),
        ("goals by team", lambda: pandas_rollup(f, as_of, "team", status=status_frame(done))),
        ("goals by department", lambda: pandas_rollup(f, as_of, "department", status=status_frame(done))),
        ("goals by skill", lambda: pandas_rollup(f, as_of, "skill", status=status_frame(done))),
        ("goals by cohort", lambda: pandas_rollup(f, as_of, "cohort", status=status_frame(done))),
    ]


def status_frame(done):
    """pandas' own goal status as the roll-up oracle takes it."""
    return done["goals"].rename_axis("goal").reset_index()


def timed_pass(steps_of, repeat):
    """Best total of `repeat` passes, the best time of each step, the last results."""
    best_total, best_step, results = float("inf"), {}, {}
    for _ in range(repeat):
        total = 0.0
        for name, run in steps_of():
            t = time.perf_counter()
            results[name] = run()
            spent = time.perf_counter() - t
            total += spent
            best_step[name] = min(best_step.get(name, float("inf")), spent)
        best_total = min(best_total, total)
    return best_total, best_step, results


# Levande column -> pandas column, per metric (the key column is compared first).
COLUMNS = {
    "goal_status": ("goal", {c: c for c in ["current", "count", "progress", "forecast", "forecast_progress",
                                            "status"]}),
    "metrics by person": ("person", {
        "people": "people", "check_ins_due": "due", "check_ins_on_time": "on_time",
        "check_ins_overdue": "overdue", "check_ins_missed": "missed", "learning_hours": "hours",
        "adherence": "adherence", "on_the_job_share": "on_the_job_share", "social_share": "social_share",
        "formal_share": "formal_share", "self_initiated_share": "self_initiated_share"}),
    "feedback by team": ("team", {c: c for c in [
        "sessions", "invited", "respondents", "responses", "response_rate", "mean_impact", "support_needs",
        "suppressed", "suppressed_to_protect_others"]}),
    "training_outcomes": ("training", {c: c for c in [
        "participants", "reaction", "pre_score", "post_score", "learning_gain", "normalised_gain",
        "application_rate", "goal_progress", "benefits", "costs", "benefit_cost_ratio", "roi_percent",
        "payback_months", "peer_participation", "peer_sessions_planned", "peer_sessions_held", "successes",
        "successes_celebrated", "retention_health"]}),
    "coverage": ("participation", {c: c for c in [
        "action_plan", "on_the_job", "peer_learning", "feedback", "celebration", "continuous_learning",
        "steps", "coverage"]}),
}
ROLLUP = {c: c for c in ["goals", "measured", "mean_progress", "on_track_share", "no_data", "achieved",
                          "on_track", "at_risk", "off_track", "missed"]}
for by in ["team", "department", "skill", "cohort"]:
    COLUMNS[f"goals by {by}"] = (by, ROLLUP)
COLUMNS["cohort curves"] = ("cohort", {c: c for c in ["day", "goals", "mean_progress", "achieved_share"]})
COLUMNS["metrics by team"] = ("team", COLUMNS["metrics by person"][1])
COLUMNS["feedback by training"] = ("training", COLUMNS["feedback by team"][1])


def differences(name, table, want):
    """What differs between a levande table and the pandas result ([] when equal)."""
    got = table.to_pandas()
    key, pairs = COLUMNS[name]
    wanted_keys = want[key] if key in want.columns else want.index.to_series()
    if list(got[key].astype(str)) != list(wanted_keys.astype(str)):
        return [f"{name}: rows differ"]
    out = []
    for ours, theirs in pairs.items():
        a, b = got[ours], want[theirs]
        if ours == "status":
            bad = np.asarray(a.astype(str)) != np.asarray(b.astype(str))
        else:
            a, b = a.to_numpy(dtype=float), b.to_numpy(dtype=float)
            bad = ~np.isclose(a, b, rtol=1e-9, atol=1e-9, equal_nan=True)
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            out.append(f"{name}.{ours}: {int(bad.sum())} of {len(bad)} rows differ, first "
                       f"{got[key].iloc[i]}: levande {a[i]} pandas {b[i]}")
    return out


def timed(run):
    t = time.perf_counter()
    run()
    return time.perf_counter() - t


def read_bandwidth(repeat=5):
    """Single-thread read bandwidth (bytes/s): the best of numpy reductions over 512 MiB."""
    a = np.ones(64 * 2**20)
    kernels = {"sum": a.sum, "max": a.max, "bitwise_or": lambda: np.bitwise_or.reduce(a.view(np.int64))}
    best = {}
    for name, run in kernels.items():
        run()
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            run()
            times.append(time.perf_counter() - t)
        best[name] = a.nbytes / min(times)
    return max(best.values()), best


def read_bytes(ws):
    """Bytes of the log columns the pass reads, once each, at the core's widths."""
    total = 0
    for kind, names in READ.items():
        columns = ws.columns(kind)
        for name in names:
            values = columns[name]
            width = DATE_BYTES if values.dtype.kind == "M" else values.dtype.itemsize
            total += width * len(values)
    return total


def in_date_order(ws):
    """The workspace with its logs in date order, as a workspace in use
    appends them (the synthetic organisation writes them grouped by owner,
    the friendliest order for a pass): saved to SQLite, the log tables
    rewritten in date order, opened again."""
    import sqlite3
    import tempfile

    path = os.path.join(tempfile.mkdtemp(prefix="levande-bench-"), "org.levande")
    ws.save_as(path)
    con = sqlite3.connect(path)
    for table, key in [("measurements", "date"), ("check_ins", "scheduled"),
                       ("activities", "date")]:
        con.execute(f"CREATE TEMP TABLE ordered AS SELECT * FROM {table} ORDER BY {key}, rowid")
        con.execute(f"DELETE FROM {table}")
        con.execute(f"INSERT INTO {table} SELECT * FROM ordered")
        con.execute("DROP TABLE ordered")
    con.commit()
    con.close()
    return levande.Workspace.open(path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=dt.date(2026, 9, 30))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pandas-repeat", type=int, default=2)
    parser.add_argument("--date-order", action="store_true",
                        help="measure with the logs in date order instead of grouped by owner")
    args = parser.parse_args()
    as_of = args.as_of

    t = time.perf_counter()
    ws = levande.synthetic_organisation(people=args.people)
    made = time.perf_counter() - t
    if args.date_order:
        ws = in_date_order(ws)
        print("logs rewritten in date order (as they are appended in use), reloaded")
    counts = ws.counts()
    logs = {k: counts[k] for k in LOGS}
    print(f"people {args.people}: {sum(counts.values())} entities in {made:.1f} s, "
          f"{sum(logs.values())} log records: " + ", ".join(f"{k} {v}" for k, v in logs.items()))

    t = time.perf_counter()
    frames = Frames(ws)
    load = time.perf_counter() - t
    print(f"pandas DataFrames of every kind used loaded in {load:.1f} s (ws.table, not counted)")

    singles_total, lv_step, lv_out = timed_pass(lambda: levande_pass(ws, as_of), args.repeat)
    lv_total, pass_out = timed_metrics_pass(ws, as_of, args.repeat)
    pd_total, pd_step, pd_out = timed_pass(lambda: pandas_pass(frames, as_of), args.pandas_repeat)
    problems = [p for name in lv_out for p in differences(name, lv_out[name], pd_out[name])]
    problems += [p for name in pass_out for p in differences(name, pass_out[name], pd_out[name])]
    for p in problems:
        print("MISMATCH", p)
    if not problems:
        print(f"all {sum(len(c[1]) for c in COLUMNS.values())} compared columns of the "
              f"{len(COLUMNS)} tables equal (1e-9) as of {as_of}")

    print(f"\n{'metric':22} {'rows':>8} {'levande':>10} {'pandas':>10} {'pandas ÷ levande':>17}")
    for name, _ in levande_pass(ws, as_of):
        print(f"{name:22} {len(lv_out[name]):8d} {lv_step[name] * 1e3:8.1f} ms {pd_step[name] * 1e3:8.0f} ms "
              f"{pd_step[name] / lv_step[name]:16.1f}×")
    print(f"{'sum of the above':22} {'':8} {singles_total * 1e3:8.1f} ms {pd_total * 1e3:8.0f} ms "
          f"{pd_total / singles_total:16.1f}×")
    print("(each single levande call computes the goal status or coverage it needs; pandas' reuse its own)")
    print(f"{'full pass':22} {'':8} {lv_total * 1e3:8.1f} ms {pd_total * 1e3:8.0f} ms "
          f"{pd_total / lv_total:16.1f}×   (target ≥ 20×)")
    print("(ws.metrics_pass(retention=False): the 12 tables and goal roll-ups by person and training, "
          "goal status and coverage computed once)")

    bandwidth, kernels = read_bandwidth()
    needed = read_bytes(ws)
    held = sum(ws.memory_bytes(k) for k in LOGS)
    floor = needed / bandwidth
    print(f"\nread bandwidth {bandwidth / 1e9:.1f} GB/s single thread ("
          + ", ".join(f"{k} {v / 1e9:.1f}" for k, v in kernels.items()) + ")")
    print(f"log columns read {needed / 2**20:.0f} MiB (core holds {held / 2**20:.0f} MiB for the logs): "
          f"floor {floor * 1e3:.1f} ms; levande ÷ floor {lv_total / floor:.1f}   (target ≤ 10)")

    t = time.perf_counter()
    retention = ws.retention_table(as_of)
    print(f"\npredicted retention (FSRS-6 over every review, {len(retention)} person × skill rows): "
          f"{(time.perf_counter() - t) * 1e3:.0f} ms, outside the pass (no pandas equivalent here; "
          f"bench/fsrs_vs_pyfsrs.py compares the model with py-fsrs)")

    s = ws.plan_follow_up(as_of=dt.date(2026, 1, 1), until=dt.date(2026, 12, 31))
    build = min(timed(s.events_table) for _ in range(3))
    events = s.events_table()
    numpy_frame = min(timed(events.to_pandas) for _ in range(3))
    # The table as it is (generic Table.to_pandas), and with the event table's
    # own schema (flags cast to bool, step to int8) as Schedule.events gives it.
    arrow_frame = min(timed(lambda: levande.Table.to_pandas(events, dtype_backend="pyarrow"))
                      for _ in range(3))
    arrow_events = min(timed(lambda: events.to_pandas(dtype_backend="pyarrow")) for _ in range(3))
    widest = max(lv_out.values(), key=len)
    small = min(timed(widest.to_pandas) for _ in range(3))
    words = sum(len(events._core.column(c)[1]) for c in events.column_names
                if isinstance(events._core.column(c), tuple))
    print(f"\nhandover: the 2026 schedule's event table, {len(events)} rows × {len(events.column_names)} "
          f"columns, {words} distinct words (built in C++ in {build * 1e3:.0f} ms, Schedule.events_table)")
    print(f"          to pandas, Arrow-backed (Table.to_pandas(dtype_backend='pyarrow')): "
          f"{arrow_frame * 1e3:.1f} ms = {arrow_frame / lv_total * 100:.2f} % of the metrics pass "
          f"(target < 5 %)")
    print(f"          the same with Schedule.events' bool/int8 flags: {arrow_events * 1e3:.0f} ms = "
          f"{arrow_events / lv_total * 100:.1f} %")
    print(f"          to pandas, numpy (to_pandas()): {numpy_frame * 1e3:.0f} ms = "
          f"{numpy_frame / lv_total * 100:.1f} % (a Python string per distinct word for the categories)")
    print(f"          largest metrics Table, {len(widest)} rows × {len(widest.column_names)} columns: "
          f"to_pandas {small * 1e3:.1f} ms")
    print(f"peak RSS {rss_mb():.0f} MiB")
    if problems:
        sys.exit(1)


if __name__ == "__main__":
    main()
