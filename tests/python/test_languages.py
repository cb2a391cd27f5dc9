"""Languages and workspace settings (docs/i18n.md): the feedback questions in
the workspace's language, decimal commas in Swedish, settings stored with the
workspace, from Python and from the command line."""
import datetime as dt
import json

import pytest

import levande
from test_cli import PROGRAMME, run, workspace  # noqa: F401  (the CLI fixture)

SWEDISH_QUESTIONS = [
    "Hur har de nya kunskaperna påverkat ditt dagliga arbete?",
    "Vilka utmaningar har du mött när du har tillämpat dem?",
    "Vilket ytterligare stöd eller vilka resurser behöver du?",
]


def test_languages_and_questions():
    assert levande.languages() == ["en", "sv"]
    assert levande.default_feedback_questions("sv") == SWEDISH_QUESTIONS
    assert levande.default_feedback_questions("sv-SE") == SWEDISH_QUESTIONS
    assert levande.default_feedback_questions()[0] == \
        "How has the new knowledge affected your daily work?"
    with pytest.raises(levande.InvalidArgumentError) as e:
        levande.default_feedback_questions("fi")
    assert e.value.field == "language" and e.value.value == "fi"


def test_numbers_as_swedes_type_them():
    assert levande.parse_number("8,4", "sv") == 8.4
    assert levande.parse_number("8.4", "sv") == 8.4
    assert levande.parse_number("−2,5", "sv") == -2.5  # a true minus sign
    assert levande.parse_number("8.4", "en") == 8.4
    with pytest.raises(levande.InvalidArgumentError) as e:
        levande.parse_number("8,4", "en", "value")
    assert e.value.field == "value" and "decimal point" in str(e.value)
    for bad in ["", "8,4,1", "1 748", "nan", "8,4.1"]:
        with pytest.raises(levande.InvalidArgumentError):
            levande.parse_number(bad, "sv")


def test_settings_are_stored_and_set_the_questions(tmp_path):
    path = tmp_path / "w.levande"
    ws = levande.Workspace.open(path)
    assert ws.settings == levande.Settings("en", "SEK")
    ws.import_json(PROGRAMME)
    assert ws.set_settings(language="sv") == levande.Settings("sv", "SEK")
    ws.add(levande.FeedbackSession(id="fb", training="t-devops", date=dt.date(2026, 4, 1)))
    assert ws.get("feedback_sessions", "fb").questions == SWEDISH_QUESTIONS
    with pytest.raises(levande.InvalidArgumentError) as e:
        ws.set_settings(currency="kronor")
    assert e.value.field == "settings.currency"
    assert ws.settings.currency == "SEK"
    del ws
    again = levande.Workspace.open(path)
    assert again.settings == levande.Settings("sv", "SEK")
    assert json.loads(again.export_json())["settings"] == {"language": "sv", "currency": "SEK"}


def test_settings_and_decimal_commas_from_the_command_line(workspace):  # noqa: F811
    shown = run("settings", "team.levande", cwd=workspace)
    assert shown.stdout == "language=en\ncurrency=SEK\n"
    # In English a comma is refused, with a hint; --lang sv reads it.
    refused = run("record", "team.levande", "measurement", "--goal", "g-lead", "--date",
                  "2026-05-04", "--value", "8,4", cwd=workspace, ok=False)
    assert refused.returncode == 4 and "decimal point" in refused.stderr
    run("record", "team.levande", "measurement", "--goal", "g-lead", "--date", "2026-05-04",
        "--value", "8,4", "--lang", "sv", cwd=workspace)
    # A Swedish workspace reads commas without --lang.
    changed = run("settings", "team.levande", "language=sv", "currency=EUR", cwd=workspace)
    assert changed.stdout == "language=sv\ncurrency=EUR\n"
    run("record", "team.levande", "activity", "--person", "e101", "--date", "2026-05-05",
        "--hours", "1,5", cwd=workspace)
    ws = levande.Workspace.open(workspace / "team.levande", read_only=True)
    doc = json.loads(ws.export_json())
    assert {"goal": "g-lead", "date": "2026-05-04", "value": 8.4} in doc["measurements"]
    assert any(a["hours"] == 1.5 and a["date"] == "2026-05-05" for a in doc["activities"])
    bad = run("settings", "team.levande", "language=xx", cwd=workspace, ok=False)
    assert bad.returncode == 4 and "settings.language" in bad.stderr


def test_excel_csv_in_swedish_reads_as_the_plain_csv(workspace):  # noqa: F811
    """pandas reads the Swedish Excel file (';', decimal comma, BOM) to the
    same frame as the RFC 4180 file: the same numbers, nothing shifted."""
    import io
    import pandas as pd
    run("settings", "team.levande", "language=sv", cwd=workspace)
    args = ("metrics", "team.levande", "--as-of", "2026-06-30", "--table", "goals")
    plain = run(*args, "--format", "csv", cwd=workspace).stdout
    excel = run(*args, "--format", "excel", "-o", "goals-excel.csv", cwd=workspace)
    raw = (workspace / "goals-excel.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b";" in raw.splitlines()[0]
    a = pd.read_csv(io.StringIO(plain))
    b = pd.read_csv(workspace / "goals-excel.csv", sep=";", decimal=",", encoding="utf-8-sig")
    pd.testing.assert_frame_equal(a, b)
    assert a["progress"].dtype == float and excel.returncode == 0


def test_csv_import_reads_decimal_commas_by_language(tmp_path):
    ws = levande.Workspace()
    ws.import_json(PROGRAMME)
    path = tmp_path / "kpi.csv"
    path.write_text("goal;date;value\ng-lead;2026-06-01;16,5\n", encoding="utf-8")
    with pytest.raises(levande.InvalidArgumentError):
        ws.import_csv("measurements", path, delimiter=";")  # an English workspace
    report = ws.import_csv("measurements", path, delimiter=";", language="sv")
    assert report.imported == 1
    assert 16.5 in list(ws.table("measurements")["value"])


def test_the_newsletter_in_swedish():
    ws = levande.Workspace()
    ws.import_json(PROGRAMME)
    levande.celebrate.celebrations(ws, dt.date(2026, 6, 30), record=True)
    text = levande.celebrate.celebration_feed(ws, since=dt.date(2026, 1, 1),
                                              until=dt.date(2026, 6, 30),
                                              format="newsletter", language="sv")
    assert text.startswith("### Teamens framgångar\n\n")
    assert "minskade release lead time med 13\u00a0% (20 → 17,5 days)" in text
    english = levande.celebrate.celebration_feed(ws, since=dt.date(2026, 1, 1),
                                                 until=dt.date(2026, 6, 30), format="newsletter")
    assert english.startswith("### Team successes\n\n")


def test_xapi_language_maps(workspace):  # noqa: F811
    """Verbs and levande's own names in every language; the workspace's own
    texts keyed by its language."""
    run("settings", "team.levande", "language=sv", cwd=workspace)
    out = run("export", "team.levande", "xapi", "--as-of", "2026-06-30", cwd=workspace).stdout
    statements = json.loads(out)
    verbs = {s["verb"]["id"].rsplit("/", 1)[1]: s["verb"]["display"] for s in statements}
    assert verbs["attended"] == {"en-US": "attended", "sv-SE": "deltog"}
    assert verbs["progressed"] == {"en-US": "progressed", "sv-SE": "gjorde framsteg"}
    assert all(s["context"]["language"] == "sv-SE" for s in statements)
    names = [s["object"]["definition"]["name"] for s in statements
             if s["object"].get("objectType") == "Activity"]
    check_ins = [n for n in names if "en-US" in n and n["en-US"].startswith("Check-in: ")]
    assert check_ins and all(n["sv-SE"] == "Avstämning: " + n["en-US"][len("Check-in: "):]
                             for n in check_ins)
    trainings = [s["context"]["contextActivities"]["parent"][0]["definition"]["name"]
                 for s in statements if "contextActivities" in s["context"]]
    assert trainings and all(list(n) == ["sv-SE"] for n in trainings)
