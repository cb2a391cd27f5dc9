"""A workspace file edited by another program: refused on open with
CorruptError naming where, checked and repaired from Python and the CLI
(docs/reliability.md). The damage is done with Python's own sqlite3, as
any tool could."""

import datetime as dt
import sqlite3

import pytest

import levande
from test_cli import PROGRAMME, run


def damaged(tmp_path, *sql):
    path = tmp_path / "team.levande"
    ws = levande.Workspace()
    ws.import_json(PROGRAMME)
    ws.save_as(path)
    del ws
    with sqlite3.connect(path) as db:
        for statement in sql:
            db.execute(statement)
    return path


def test_opening_a_damaged_file_raises_corrupt_error_naming_the_field(tmp_path):
    path = damaged(tmp_path, "UPDATE participations SET training = 'ghost' WHERE rowid = 1")
    with pytest.raises(levande.CorruptError) as refused:
        levande.Workspace.open(path)
    assert refused.value.field == "participations[e101@t-devops].training"
    assert refused.value.value == "ghost"
    assert "is damaged" in str(refused.value) and "levande check" in str(refused.value)
    assert isinstance(refused.value, OSError)


@pytest.mark.parametrize("sql, field", [
    ("UPDATE people SET team = 'ghost' WHERE id = 'e101'", "people[e101].team"),
    ("UPDATE teams SET parent = 'ops' WHERE id = 'it'", "teams[it].parent"),
    ("UPDATE responses SET impact = -1 WHERE rowid = 1",
     "responses[session=fb-30, person=e101].impact"),
    ("UPDATE people SET name = CAST(x'c328' AS TEXT) WHERE id = 'e101'", "people[e101].name"),
])
def test_each_damage_that_crashed_or_loaded_silently_is_refused(tmp_path, sql, field):
    path = damaged(tmp_path, sql)
    with pytest.raises(levande.CorruptError) as refused:
        levande.Workspace.open(path).report(dt.date(2026, 6, 30))
    assert refused.value.field == field


def test_check_lists_and_repair_keeps_the_rest(tmp_path):
    path = damaged(tmp_path, "UPDATE people SET team = 'ghost' WHERE id = 'e102'",
                   "UPDATE responses SET impact = 9 WHERE rowid = 1")
    found = levande.check_workspace(path)
    # The example has 40 records: the response goes, the person stays without a team.
    assert (found.records, found.kept, found.backup) == (40, 39, "")
    assert [(p.action, p.field) for p in found.problems] == [
        ("removed", "responses[session=fb-30, person=e101].impact"),
        ("cleared", "people[e102].team")]
    repaired = levande.check_workspace(path, repair=True)
    assert repaired.backup == str(path) + ".damaged"
    ws = levande.Workspace.open(path)
    assert ws.get("people", "e102").team == ""
    assert ws.count("responses") == 1
    assert levande.check_workspace(path).problems == []


def test_the_command_line_check_and_repair(tmp_path):
    damaged(tmp_path, "UPDATE people SET manager = 'ghost' WHERE id = 'e101'")
    report = run("report", "team.levande", "-o", "out.html", cwd=tmp_path, ok=False)
    assert report.returncode == 3
    assert "people[e101].manager: no such person" in report.stderr
    assert "levande check" in report.stderr
    check = run("check", "team.levande", cwd=tmp_path, ok=False)
    assert check.returncode == 3
    assert check.stdout == 'people[e101].manager: no such person (got "ghost")\n'
    assert "a repair keeps 40 of 40 records" in check.stderr
    repair = run("check", "team.levande", "--repair", cwd=tmp_path)
    assert repair.stdout.startswith("cleared: people[e101].manager")
    assert (tmp_path / "team.levande.damaged").exists()
    clean = run("check", "team.levande", cwd=tmp_path)
    assert "no problems in 40 records" in clean.stderr
    run("report", "team.levande", "-o", "out.html", cwd=tmp_path)


def test_a_nan_from_python_names_the_field_not_the_json():
    ws = levande.Workspace()
    ws.import_json(PROGRAMME)
    with pytest.raises(levande.InvalidArgumentError) as refused:
        ws.add(levande.Measurement(goal="g-lead", date=dt.date(2026, 5, 1),
                                   value=float("nan")))
    assert refused.value.field == "measurements[0].value"
    assert refused.value.value == "nan"
    assert "operations" not in str(refused.value)


def test_a_number_beyond_double_is_a_parse_error_with_its_position(tmp_path):
    with pytest.raises(levande.ParseError) as refused:
        levande.Workspace().import_json_text('{"format":"levande","schema_version":1e999}')
    assert refused.value.field == "document"
    assert "line 1, column 38" in str(refused.value)
    (tmp_path / "big.json").write_text('{"format":"levande","schema_version":1e999}')
    run("init", "w.levande", cwd=tmp_path)
    done = run("import", "w.levande", "big.json", cwd=tmp_path, ok=False)
    assert done.returncode == 4 and "too large for a double" in done.stderr


def test_a_stale_writer_gets_conflict_error_and_succeeds_after_reload(tmp_path):
    path = damaged(tmp_path, "SELECT 1")  # the example, undamaged
    a = levande.Workspace.open(path)
    b = levande.Workspace.open(path)
    a.add(levande.Team(id="from-a", name="A"))
    with pytest.raises(levande.ConflictError) as refused:
        b.add(levande.Team(id="from-b", name="B"))
    assert "reload() and write again" in str(refused.value)
    assert b.get("teams", "from-b") is None
    b.reload()
    b.add(levande.Team(id="from-b", name="B"))
    assert levande.Workspace.open(path).count("teams") == 5
