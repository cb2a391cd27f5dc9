"""The workspace from Python: the bundled example programme (written by hand)
loads, validates against the JSON Schema in docs/, round-trips through JSON
and SQLite, refuses bad writes by field without changing anything, imports
CSV and hands the logs to pandas."""

import dataclasses
import datetime as dt
import json
import pathlib
import sqlite3

import jsonschema
import pandas as pd
import pytest

import levande

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "data" / "programme.json"
SCHEMA = ROOT / "docs" / "workspace.schema.json"


@pytest.fixture
def ws(example_programme):
    return example_programme


def test_example_loads_with_typed_entities(ws, d):
    counts = ws.counts()
    # Counted by hand in programme.json.
    assert counts["people"] == 6 and counts["teams"] == 3 and counts["check_ins"] == 3
    assert counts["measurements"] == 3 and counts["activities"] == 3 and counts["responses"] == 2
    assert ws.person("e105") == levande.Person(
        id="e105", name="Mikael Öberg", email="mikael.oberg@example.se", team="dev", manager="e103")
    goal = ws.goal("g-lead")
    assert isinstance(goal, levande.Goal)
    assert (goal.baseline, goal.target, goal.direction, goal.deadline) == (20, 17, "decrease", d("2026-06-12"))
    assert goal.value_per_unit == 12000
    assert ws.get("participation", "e101@t-devops").post_score == 81
    ci = ws.get(levande.CheckIn, "ap-ops", d("2026-03-24"))
    assert (ci.status, ci.held, ci.outcome) == ("held", d("2026-03-24"), "partly")
    assert ws.get("feedback_sessions", "fb-30").questions[0] == "How has the new knowledge affected your daily work?"
    assert ws.get("people", "nobody") is None
    assert [p.id for p in ws.entities("people")] == ["e100", "e101", "e102", "e103", "e104", "e105"]
    assert repr(ws) == "<levande.Workspace memory: 40 entities>"


def test_example_and_exports_follow_the_schema(ws):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert levande.schema() == schema
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    validator.validate(json.loads(EXAMPLE.read_text(encoding="utf-8")))
    validator.validate(json.loads(ws.export_json()))
    validator.validate(json.loads(ws.export_json(training="t-sec")))
    # The schema catches what the library refuses, too.
    bad = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    bad["people"][0]["nmae"] = "typo"
    assert not validator.is_valid(bad)


def test_dataclasses_mirror_the_schema():
    defs = levande.schema()["$defs"]
    for kind in levande.schema()["properties"]:
        if kind in ("format", "schema_version", "subject", "audit_log", "settings"):
            continue
        cls = levande.model.entity_class(kind)
        fields = {f.name: f for f in dataclasses.fields(cls)}
        assert set(fields) == set(defs[kind]["properties"]), kind
        no_default = {n for n, f in fields.items()
                      if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING}
        assert no_default == set(defs[kind]["required"]), kind


def test_json_round_trip(ws, tmp_path):
    path = tmp_path / "programme.json"
    ws.export_json(path)
    again = levande.Workspace()
    again.import_json(path)
    assert again.same_content(ws)
    assert again.export_json() == ws.export_json()


def test_sqlite_round_trip_and_python_sqlite_reads_it(ws, tmp_path, d):
    path = tmp_path / "programme.db"
    ws.save_as(path)
    assert ws.path == str(path)
    ws.add(levande.Measurement(goal="g-lead", date=d("2026-06-01"), value=16.5))
    loaded = levande.Workspace.open(path)
    assert loaded.same_content(ws)
    # The file is an ordinary SQLite database: dates ISO text, ids text.
    with sqlite3.connect(path) as con:
        rows = con.execute("SELECT goal, date, value FROM measurements ORDER BY rowid").fetchall()
    assert rows[-1] == ("g-lead", "2026-06-01", 16.5)
    reader = levande.Workspace.open(path, read_only=True)
    with pytest.raises(levande.MisuseError):
        reader.add(levande.Team(id="x", name="X"))


@pytest.mark.parametrize(
    "entity, error, field",
    [
        (levande.Person(id="e101", name="Dup"), levande.AlreadyExistsError, "people[e101].id"),
        (levande.Person(id="e9", name="X", team="nope"), levande.NotFoundError, "people[e9].team"),
        (levande.Person(id="e9", name="X", email="no-at-sign"), levande.InvalidArgumentError, "people[e9].email"),
        (levande.Goal(id="g9", plan="ap-ops", metric="m", baseline=5, target=5, deadline=dt.date(2026, 6, 1)),
         levande.ConstraintError, "goals[g9].target"),
        (levande.Response(session="fb-30", person="e103", impact=9), levande.OutOfRangeError,
         "responses[session=fb-30, person=e103].impact"),
        (levande.Training(id="t9", title="T", start=dt.date(2026, 3, 2), end=dt.date(2026, 3, 1)),
         levande.ConstraintError, "trainings[t9].end"),
    ],
)
def test_bad_writes_name_the_field_and_change_nothing(ws, entity, error, field):
    before = ws.export_json()
    with pytest.raises(error) as info:
        with ws.batch() as b:
            b.add(levande.Team(id="t-new", name="New"))  # would be fine on its own
            b.add(entity)
    assert info.value.field == field
    assert ws.export_json() == before


def test_removal_needs_cascade(ws):
    with pytest.raises(levande.ConstraintError):
        ws.remove("teams", "ops")
    ws.remove("teams", "ops", cascade=True)
    assert ws.team("ops") is None
    assert ws.person("e101").team == ""
    assert ws.count("check_ins") == 0


def test_csv_import_with_mapping_and_skipped_rows(tmp_path):
    ws = levande.Workspace()
    ws.add(levande.Team(id="ops", name="Operations"))
    csv = tmp_path / "personal.csv"
    csv.write_text("Nr;Namn;Avdelning\r\ne1;Karin;ops\r\ne2;;ops\r\ne3;\"Ek; Johan\";nowhere\r\ne4;Sara;ops\r\n",
                   encoding="utf-8-sig")
    mapping = {"Nr": "id", "Namn": "name", "Avdelning": "team"}
    with pytest.raises(levande.InvalidArgumentError) as info:
        ws.import_csv("people", csv, mapping, delimiter=";")
    assert info.value.field == "personal.csv:3"
    assert ws.count("people") == 0
    report = ws.import_csv("people", csv, mapping, delimiter=";", skip_bad_rows=True)
    assert report.imported == 2
    assert sorted(s.row for s in report.skipped) == [3, 4]
    assert [p.id for p in ws.entities("people")] == ["e1", "e4"]


def test_log_tables_as_dataframes(ws):
    m = ws.table("measurements")
    expected = pd.DataFrame({
        "goal": pd.Categorical(["g-lead", "g-lead", "g-findings"], categories=["g-lead", "g-findings"]),
        "date": pd.to_datetime(["2026-04-01", "2026-05-04", "2026-04-20"]).astype("datetime64[s]"),
        "value": [19.0, 17.5, 22.0],
    })
    pd.testing.assert_frame_equal(m, expected)
    c = ws.table("check_ins")
    assert list(c["status"]) == ["held", "missed", "scheduled"]
    assert c["held"].isna().tolist() == [False, True, True]
    assert list(c["outcome"]) == ["partly", "none", "none"]
    a = ws.table("activities")
    assert a["hours"].sum() == 9.0
    assert a["self_initiated"].tolist() == [True, False, False]
    assert list(a["kind"]) == ["formal", "on_the_job", "social"]
    r = ws.table("responses")
    assert r["impact"].tolist() == [4, 3]
    assert r["needs_support"].tolist() == [True, False]
    people = ws.table("people")
    assert people.loc[people.id == "e104", "email"].item() == ""
    trainings = ws.table("trainings")
    assert trainings["start"].dtype == "datetime64[s]"


def test_parts_and_personal_data(ws, tmp_path, d):
    part = levande.Workspace()
    part.import_json_text(ws.export_json(training="t-sec"))
    assert part.count("trainings") == 1 and part.count("goals") == 1
    doc = json.loads(ws.export_person_json("e104"))
    assert doc["subject"] == "e104"
    assert [p["name"] for p in doc["people"]] == ["Emma Berg"]
    path = tmp_path / "erase.db"
    ws.save_as(path)
    pseudonym = ws.erase_person("e104", date=d("2026-11-27"), actor="hr", reason="request", mode="pseudonymise")
    assert pseudonym == "anon-1"
    assert b"Emma Berg" not in path.read_bytes()
    ws.scrub()  # nothing left to do, and harmless
    assert ws.audit_log == [levande.AuditRecord(d("2026-11-27"), "pseudonymise", "anon-1", "hr", "request")]
    assert levande.Workspace.open(path).audit_log == ws.audit_log
    with pytest.raises(levande.InvalidArgumentError):
        ws.erase_person("e105", date=d("2026-11-27"), actor="hr", reason="x", mode="shred")


def test_synthetic_organisation_and_bulk_appends(d):
    ws = levande.synthetic_organisation(100, seed=7)
    # 300 plans x 12 weekly measurements; 100 people x 20 activities.
    assert ws.count("measurements") == 3600 and ws.count("activities") == 2000
    assert levande.synthetic_organisation(100, seed=7).export_json() == ws.export_json()
    goal = ws.ids("goals").index("g5")
    ws.append_measurements([goal, goal], ["2026-12-01", d("2026-12-02")], [1.5, 2.5])
    m = ws.table("measurements")
    assert m["goal"].iloc[-1] == "g5" and m["value"].iloc[-2:].tolist() == [1.5, 2.5]
    with pytest.raises(levande.NotFoundError) as info:
        ws.append_measurements([goal, 10**6], ["2026-12-01", "2026-12-02"], [1, 2])
    assert info.value.field == "measurements[1].goal"
    with pytest.raises(levande.InvalidArgumentError):
        ws.append_measurements([goal], ["NaT"], [1.0])
    assert ws.count("measurements") == 3602
    ws.append_check_ins([0], ["2026-12-24"], [1], ["2026-12-23"], [1])
    assert ws.get("check_ins", "ap0", "2026-12-24").outcome == "applied"
    ws.append_activities([0], ["2026-12-01"], [2.0], [2], [1])
    assert ws.table("activities")["kind"].iloc[-1] == "on_the_job"


def test_threads_never_see_half_a_write(d):
    import threading

    ws = levande.synthetic_organisation(50, seed=3)
    before = ws.count("measurements")
    errors = []

    def writer():
        try:
            for i in range(200):
                ws.append_measurements([0] * 10, [d("2027-01-01")] * 10, [float(i)] * 10)
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    def reader():
        try:
            for _ in range(200):
                n = len(ws.table("measurements"))
                assert (n - before) % 10 == 0, n  # whole appends only
                ws.entities("teams")
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=writer), threading.Thread(target=reader)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert ws.count("measurements") == before + 2000


def test_bad_columns_and_far_dates(d):
    ws = levande.synthetic_organisation(20, seed=1)
    with pytest.raises(levande.InvalidArgumentError) as info:
        ws.append_measurements([[0], [0, 1]], ["2026-12-01", "2026-12-02"], [1.0, 2.0])
    assert info.value.field == "goal"
    ws.add(levande.Training(id="t-far", title="Far future", start=d("2300-01-01"), end=d("2300-01-02")))
    trainings = ws.table("trainings")
    assert trainings.loc[trainings.id == "t-far", "start"].item() == pd.Timestamp("2300-01-01")


def test_policies(ws):
    devops = levande.Policy(id="devops", training_kind="devops", feedback_offsets_days=[], roll="modified_following")
    ws.add(levande.default_policy(), devops)
    assert ws.get("policies", "devops") == devops
    assert ws.get("policy", "default").feedback_offsets_days == [30, 60, 90]
    again = levande.Workspace()
    again.import_json_text(ws.export_json())
    assert again.get("policies", "devops").feedback_offsets_days == []
    with pytest.raises(levande.OutOfRangeError) as info:
        ws.add(levande.Policy(id="bad", training_kind="x", check_in_weeks=0))
    assert info.value.field == "policies[bad].check_in_weeks"
    with pytest.raises(levande.AlreadyExistsError):
        ws.add(levande.Policy(id="another-default"))
    with pytest.raises(levande.ParseError) as info:  # an empty rule is refused, not defaulted
        ws.add(levande.Policy(id="no-rule", training_kind="y", check_in_rule=""))
    assert info.value.field == "policies[no-rule].check_in_rule"
    with pytest.raises(levande.ConstraintError) as info:  # 400 days > the 365-day horizon
        ws.add(levande.Policy(id="late", training_kind="z", feedback_offsets_days=[30, 400]))
    assert (info.value.field, info.value.value) == ("policies[late].feedback_offsets_days[1]", "400")
    assert "past the policy horizon of 365 days" in str(info.value)
    with pytest.raises(levande.OutOfRangeError) as info:
        ws.add(levande.Policy(id="month", training_kind="z", competence_review_month=13))
    assert info.value.field == "policies[month].competence_review_month"
    late = levande.Policy(id="late", training_kind="z", feedback_offsets_days=[30, 400], horizon_days=730,
                          competence_review_month=2)
    ws.add(late)
    assert ws.get("policies", "late") == late


def test_absences_round_trip_and_go_with_the_person(ws, tmp_path, d):
    vacation = levande.Absence(id="vac-1", person="e101", first=d("2026-07-06"), last=d("2026-07-31"),
                               reason="vacation")
    leave = levande.Absence(id="leave-1", person="e102", first=d("2026-09-01"), last=d("2027-02-26"))
    ws.add(vacation, leave)
    assert ws.get("absences", "vac-1") == vacation
    assert ws.get("absence", "leave-1").reason == ""
    again = levande.Workspace()
    again.import_json_text(ws.export_json())
    assert again.get("absences", "vac-1") == vacation and again.same_content(ws)
    path = tmp_path / "absences.db"
    ws.save_as(path)
    loaded = levande.Workspace.open(path)
    assert loaded.get("absences", "vac-1") == vacation
    assert loaded.get("absences", "leave-1") == leave
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT person, first, last FROM absences WHERE id = 'vac-1'").fetchone() == (
            "e101", "2026-07-06", "2026-07-31")
    with pytest.raises(levande.ConstraintError) as info:
        ws.add(levande.Absence(id="bad", person="e101", first=d("2026-07-06"), last=d("2026-07-01")))
    assert (info.value.field, info.value.value) == ("absences[bad].last", "2026-07-01")
    assert "vac-1" in ws.export_person_json("e101")
    ws.erase_person("e101", date=d("2026-11-27"), actor="hr", reason="request")
    assert ws.get("absences", "vac-1") is None
    assert levande.Workspace.open(path).get("absences", "leave-1") == leave
