"""The levande command line, run as a program: every subcommand, bad input
with its exit code and message, piping, and inert output for hostile text.

The binary is $LEVANDE_CLI, or build/release/apps/levande (scripts/test.sh
builds it before the Python tests)."""

import csv
import io
import json
import os
import select
import threading
import pathlib
import re
import shutil
import subprocess

import pytest

import levande

ROOT = pathlib.Path(__file__).resolve().parents[2]
CLI = pathlib.Path(os.environ.get("LEVANDE_CLI", ROOT / "build" / "release" / "apps" / "levande"))
PROGRAMME = ROOT / "examples" / "data" / "programme.json"


def run(*args, cwd, ok=True):
    assert CLI.exists(), f"{CLI} is missing: build it (scripts/test.sh does) or set LEVANDE_CLI"
    done = subprocess.run([str(CLI), *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          timeout=120)
    if ok:
        assert done.returncode == 0, (args, done.returncode, done.stderr)
    return done


@pytest.fixture
def workspace(tmp_path):
    run("init", "team.levande", cwd=tmp_path)
    run("import", "team.levande", PROGRAMME, cwd=tmp_path)
    return tmp_path


def test_init_import_plan_and_metrics(workspace):
    planned = run("plan", "team.levande", "--as-of", "2026-03-01", "--until", "2026-12-31",
                  cwd=workspace)
    assert planned.stdout.startswith("planned ")
    again = run("plan", "team.levande", "--as-of", "2026-03-01", "--until", "2026-12-31",
                "--dry-run", cwd=workspace)
    # Planning is idempotent: nothing is left to change the second time.
    assert "0 check-ins to add, 0 to remove, 0 record changes" in again.stdout
    goals = run("metrics", "team.levande", "--as-of", "2026-04-30", "--table", "goals",
                "--format", "csv", cwd=workspace).stdout
    rows = list(csv.DictReader(io.StringIO(goals)))
    # g-lead: baseline 20, target 17 (days, decrease); measured values by hand below.
    lead = next(r for r in rows if r["goal"] == "g-lead")
    assert lead["status"] in {"on_track", "at_risk", "off_track", "achieved", "no_data"}
    as_json = json.loads(run("metrics", "team.levande", "--as-of", "2026-04-30", "--table",
                             "rollup", "--by", "department", "--format", "json",
                             cwd=workspace).stdout)
    assert [r["department"] for r in as_json] == ["it", "ops", "dev"]
    assert sum(r["goals"] for r in as_json) == 2
    text = run("metrics", "team.levande", "--as-of", "2026-04-30", cwd=workspace).stdout
    assert text.splitlines()[0].split()[:3] == ["team", "people", "check_ins_due"]


def test_every_metric_table_as_files(workspace):
    listed = run("metrics", "team.levande", "--as-of", "2026-04-30", "--table", "all",
                 "--format", "csv", "--out", "m", cwd=workspace).stdout.split()
    names = ["goal_status", "engagement_by_person", "engagement_by_team", "feedback_by_team",
             "feedback_by_training", "training_outcomes", "coverage", "retention",
             "cohort_curves", "goals_by_person", "goals_by_team", "goals_by_department",
             "goals_by_training", "goals_by_skill", "goals_by_cohort"]
    assert listed == [str(pathlib.Path("m") / f"{n}.csv") for n in names]
    # The same tables as one at a time.
    for name, args in [("goal_status", ["--table", "goals"]),
                       ("goals_by_department", ["--table", "rollup", "--by", "department"]),
                       ("engagement_by_team", [])]:
        single = run("metrics", "team.levande", "--as-of", "2026-04-30", *args, "--format", "csv",
                     cwd=workspace).stdout
        assert (workspace / "m" / f"{name}.csv").read_text() == single, name
    run("metrics", "team.levande", "--as-of", "2026-04-30", "--table", "all", "--format", "json",
        "--out", "j", cwd=workspace)
    assert json.loads((workspace / "j" / "goals_by_department.json").read_text())[0]["department"] == "it"
    # Files need a directory and a file format; --out belongs to --table all.
    for args, word in [(["--format", "csv"], "--out"), (["--out", "x"], "--format"),
                       (["--out", "x", "--format", "csv", "--by", "team"], "--by")]:
        bad = run("metrics", "team.levande", "--table", "all", *args, cwd=workspace, ok=False)
        assert bad.returncode == 2 and word in bad.stderr, args
    stray = run("metrics", "team.levande", "--out", "x", cwd=workspace, ok=False)
    assert stray.returncode == 2 and "--out" in stray.stderr


def test_record_then_metrics_see_it(workspace):
    run("record", "team.levande", "measurement", "--goal", "g-findings", "--date", "2026-05-20",
        "--value", "10", cwd=workspace)
    rows = json.loads(run("metrics", "team.levande", "--as-of", "2026-05-21", "--table", "goals",
                          "--format", "json", cwd=workspace).stdout)
    findings = next(r for r in rows if r["goal"] == "g-findings")
    # Baseline 40, target 10: measuring 10 is 100 % of the way.
    assert findings["current"] == 10 and findings["progress"] == 1.0
    assert findings["status"] == "achieved"
    run("record", "team.levande", "check-in", "--plan", "ap-ops", "--scheduled", "2026-04-21",
        "--held", "2026-04-22", "--outcome", "applied", cwd=workspace)
    exported = json.loads(run("export", "team.levande", "json", cwd=workspace).stdout)
    held = [c for c in exported["check_ins"] if c["scheduled"] == "2026-04-21"]
    assert held == [{"plan": "ap-ops", "scheduled": "2026-04-21", "status": "held",
                     "held": "2026-04-22", "outcome": "applied"}]
    run("record", "team.levande", "activity", "--person", "e101", "--date", "2026-05-04",
        "--hours", "1.5", "--kind", "social", cwd=workspace)
    # e103 mentors the DevOps group but did not take the course: fb-30 (about
    # the course) did not invite him. Nothing is written.
    refused = run("record", "team.levande", "response", "--session", "fb-30", "--person", "e103",
                  "--impact", "4", cwd=workspace, ok=False)
    assert refused.returncode == 4
    assert "responses[session=fb-30, person=e103].person" in refused.stderr
    assert "was not invited" in refused.stderr and "open_to_all" in refused.stderr
    # A check-in on a day the plan never scheduled is usually a typo: refused,
    # naming the nearest scheduled days, unless --unscheduled says it is meant.
    typo = run("record", "team.levande", "check-in", "--plan", "ap-ops", "--scheduled",
               "2026-04-12", "--held", "2026-04-12", cwd=workspace, ok=False)
    assert typo.returncode == 5
    assert "--scheduled" in typo.stderr and "2026-04-07" in typo.stderr
    assert "--unscheduled" in typo.stderr
    run("record", "team.levande", "check-in", "--plan", "ap-ops", "--scheduled", "2026-04-12",
        "--held", "2026-04-12", "--unscheduled", cwd=workspace)
    exported = json.loads(run("export", "team.levande", "json", cwd=workspace).stdout)
    assert {"plan": "ap-ops", "scheduled": "2026-04-12", "status": "held", "held": "2026-04-12",
            "outcome": "none"} in exported["check_ins"]
    assert not any(r["person"] == "e103" for r in exported["responses"])
    found = run("record", "team.levande", "successes", "--as-of", "2026-05-21", cwd=workspace)
    assert "g-findings/achieved" in found.stdout
    # Found once: running it again records nothing new.
    assert run("record", "team.levande", "successes", "--as-of", "2026-05-21",
               cwd=workspace).stdout == ""


def test_agenda_and_exports(workspace):
    icalendar = pytest.importorskip("icalendar")
    agenda = run("agenda", "team.levande", "--person", "e102", "--as-of", "2026-03-01", "--from",
                 "2026-03-01", "--to", "2026-06-30", "--format", "csv", cwd=workspace).stdout
    rows = list(csv.DictReader(io.StringIO(agenda)))
    assert rows and {r["person"] for r in rows} == {"e102"}
    assert all("2026-03-01" <= r["date"] <= "2026-06-30" for r in rows)
    run("export", "team.levande", "ics", "--person", "e102", "--as-of", "2026-03-01", "-o",
        "e102.ics", cwd=workspace)
    calendar = icalendar.Calendar.from_ical((workspace / "e102.ics").read_bytes())
    assert len(calendar.walk("VEVENT")) > 0
    events = run("export", "team.levande", "csv", "--as-of", "2026-03-01", "--until",
                 "2026-12-31", cwd=workspace).stdout
    assert events.splitlines()[0].startswith("date,nominal,person,step,kind,title")
    overdue = run("agenda", "team.levande", "--overdue", "--as-of", "2026-07-01", "--format",
                  "json", cwd=workspace).stdout
    assert all(item["days_overdue"] > 0 for item in json.loads(overdue))


def test_bad_input_names_the_problem(workspace, tmp_path):
    missing = run("import", "team.levande", "nowhere.json", cwd=workspace, ok=False)
    assert missing.returncode == 3 and "nowhere.json" in missing.stderr
    no_workspace = run("metrics", "other.levande", cwd=workspace, ok=False)
    assert no_workspace.returncode == 3 and "levande init other.levande" in no_workspace.stderr
    (workspace / "people.csv").write_text("id,name,team\np1,Per,ops\np2,Pia,no-such-team\n")
    bad_row = run("import", "team.levande", "people.csv", "--kind", "people", cwd=workspace,
                  ok=False)
    # The row refers to a team that does not exist: an unknown id (5), named
    # with the file, line and field.
    assert bad_row.returncode == 5
    assert "people.csv:3" in bad_row.stderr and "team" in bad_row.stderr
    bad_date = run("metrics", "team.levande", "--as-of", "2026-02-30", cwd=workspace, ok=False)
    assert bad_date.returncode == 2 and "--as-of" in bad_date.stderr and "2026-02-30" in bad_date.stderr
    unknown = run("agenda", "team.levande", "--person", "nobody", "--as-of", "2026-03-01",
                  cwd=workspace, ok=False)
    assert unknown.returncode == 5 and "nobody" in unknown.stderr
    exists = run("init", "team.levande", cwd=workspace, ok=False)
    assert exists.returncode == 4 and "exists" in exists.stderr
    usage = run("metrics", cwd=workspace, ok=False)
    assert usage.returncode == 2
    wrong_by = run("metrics", "team.levande", "--table", "rollup", "--by", "division",
                   cwd=workspace, ok=False)
    assert wrong_by.returncode == 2 and "division" in wrong_by.stderr
    refused = run("record", "team.levande", "response", "--session", "fb-30", "--person", "e103",
                  "--impact", "9", cwd=workspace, ok=False)
    assert refused.returncode == 4 and "impact" in refused.stderr
    # Nothing was half-written by the refused commands.
    assert json.loads(run("export", "team.levande", "json", cwd=workspace).stdout)["people"] == \
        json.loads(PROGRAMME.read_text())["people"]


def test_help_per_command_has_examples(tmp_path):
    for command in ["init", "import", "plan", "agenda", "record", "metrics", "export"]:
        shown = run(command, "--help", cwd=tmp_path)
        assert "Examples:" in shown.stdout and f"levande {command}" in shown.stdout, command


def test_piped_output_is_data_only(workspace):
    # stdout carries the table only; notes go to stderr, so a pipe gets clean CSV.
    done = subprocess.run(f"'{CLI}' metrics team.levande --as-of 2026-04-30 --table goals "
                          f"--format csv | head -1", shell=True, cwd=workspace,
                          capture_output=True, text=True, timeout=60)
    assert done.stdout == "goal,current,measured,count,progress,forecast,forecast_progress,status\n"


def test_hostile_text_comes_out_inert(tmp_path):
    ws = tmp_path
    run("init", "evil.levande", cwd=ws)
    (ws / "evil.json").write_text(json.dumps({
        "format": "levande", "schema_version": 3,
        "teams": [{"id": "t", "name": "T"}],
        "people": [{"id": "@SUM(A1)", "name": "=HYPERLINK(\"http://x\")", "team": "t"},
                   {"id": "p2", "name": "<script>alert(1)</script>;\r\nX", "team": "t"}],
        "trainings": [{"id": "=cmd", "title": "Sec;\r\nSUMMARY:pwn", "start": "2026-03-02",
                       "end": "2026-03-02"}],
        "participations": [{"person": "@SUM(A1)", "training": "=cmd"},
                           {"person": "p2", "training": "=cmd"}],
    }))
    run("import", "evil.levande", "evil.json", cwd=ws)
    events = run("export", "evil.levande", "csv", "--as-of", "2026-03-01", "--until",
                 "2026-06-30", cwd=ws).stdout
    cells = [c for row in csv.reader(io.StringIO(events)) for c in row]
    assert "'@SUM(A1)" in cells and "'=cmd" in cells
    assert not any(c[:1] in ("=", "+", "@") for c in cells)
    ics = run("export", "evil.levande", "ics", "--as-of", "2026-03-01", "--until", "2026-06-30",
              cwd=ws).stdout
    # The title's CRLF and ';' are escaped: no injected property line.
    assert "\r\nSUMMARY:pwn" not in ics and "\nSUMMARY:pwn" not in ics
    text = run("metrics", "evil.levande", "--as-of", "2026-06-30", "--table", "coverage",
               cwd=ws).stdout
    assert "\r" not in text
    markdown = run("report", "evil.levande", "--as-of", "2026-06-30", "--format", "markdown",
                   cwd=ws).stdout
    # The CRLF in the title cannot start a line of its own (no injected heading or field).
    assert "\r" not in markdown and "\nSUMMARY:pwn" not in markdown
    statements = json.loads(run("export", "evil.levande", "xapi", "--as-of", "2026-06-30",
                                cwd=ws).stdout)
    assert statements
    for st in statements:
        check_statement(st)  # ids like "=cmd" are percent-encoded into valid IRIs
    assert statements[0]["object"]["id"].endswith("/trainings/%3Dcmd")
    report = run("report", "evil.levande", "--as-of", "2026-06-30", cwd=ws).stdout
    assert "<script" not in report  # the C++ tests check the escaped form where names show


def test_demo_writes_every_file(tmp_path):
    icalendar = pytest.importorskip("icalendar")
    done = run("demo", "--out", "demo", cwd=tmp_path)
    assert "81 people in 8 teams, 5 trainings" in done.stdout
    out = tmp_path / "demo"
    for name in ["demo.levande", "report.html", "report.md", "newsletter.md", "followup.ics",
                 "metrics.csv", "statements.json"]:
        assert (out / name).stat().st_size > 0, name
    # The newsletter: team successes first, a heading per team, streaks
    # counted, and far fewer lines than successes.
    news = (out / "newsletter.md").read_text(encoding="utf-8")
    assert news.index("### Team successes") < news.index("### Drift och infrastruktur")
    assert "### Check-ins kept up" in news
    assert "**Servicedesk** cut ticket resolution time by " in news
    lines = [line for line in news.splitlines() if line.startswith("- ")]
    successes = json.loads(run("export", "demo/demo.levande", "json",
                               cwd=tmp_path).stdout)["successes"]
    assert 10 < len(lines) < len(successes) / 3
    calendar = icalendar.Calendar.from_ical((out / "followup.ics").read_bytes())
    assert len(calendar.walk("VEVENT")) > 10
    rows = list(csv.DictReader(io.StringIO((out / "metrics.csv").read_text())))
    assert {r["team"] for r in rows} >= {"it", "drift", "servicedesk"}
    # Running it again gives the same files (deterministic, and it replaces the old ones).
    first = (out / "report.md").read_text()
    run("demo", "--out", "demo", cwd=tmp_path)
    assert (out / "report.md").read_text() == first
    # The workspace it saved opens with the other commands.
    text = run("metrics", "demo/demo.levande", "--as-of", "2026-11-30", "--table", "training",
               cwd=tmp_path).stdout
    assert "devops" in text and "cloudsec" in text
    markdown = run("report", "demo/demo.levande", "--as-of", "2026-11-30", "--format", "markdown",
                   cwd=tmp_path).stdout
    assert markdown == first.replace("Follow-up report — IT-avdelningen", "Follow-up report")


SECTIONS = ["Summary", "Step 1 — Action plans and goals", "Check-in adherence over time",
            "Step 2 — Learning on the job", "Step 3 — Mentoring and peer learning",
            "Step 4 — Feedback", "Step 5 — Celebrating successes", "Step 6 — Continuous learning",
            "Six-step coverage", "Return on investment (Phillips)"]


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    pytest.fail("no chromium: scripts/install-deps.sh installs Debian's chromium")


def test_report_renders_in_headless_chromium(tmp_path):
    run("demo", "--out", "demo", cwd=tmp_path)
    page = (tmp_path / "demo" / "report.html").as_uri()
    flags = ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             f"--user-data-dir={tmp_path / 'profile'}"]
    shot = tmp_path / "report.png"
    subprocess.run([chromium(), *flags, "--window-size=1100,3000", f"--screenshot={shot}", page],
                   capture_output=True, timeout=180, check=True)
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    # A blank page compresses to a few kilobytes; text, tables and charts do not.
    assert len(png) > 100_000
    dom = subprocess.run([chromium(), *flags, "--dump-dom", page], capture_output=True, text=True,
                         timeout=180, check=True).stdout
    for title in SECTIONS:
        assert f">{title}</h2>" in dom, title
    assert dom.count("<svg") >= 6 and "<script" not in dom


UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
IRI = re.compile(r"^https?://[^\s\"<>\\^`{|}]+$")
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Z]{2})?$")
VERBS = {"attended": "http://adlnet.gov/expapi/verbs/attended",
         "progressed": "http://adlnet.gov/expapi/verbs/progressed",
         "completed": "http://adlnet.gov/expapi/verbs/completed",
         "responded": "http://adlnet.gov/expapi/verbs/responded",
         "mentored": "http://id.tincanapi.com/verb/mentored"}


def check_language_map(value, where):
    assert isinstance(value, dict) and value, where
    for tag, text in value.items():
        assert LANGUAGE.match(tag) and isinstance(text, str), where


def check_activity(activity, where):
    assert activity.get("objectType", "Activity") == "Activity", where
    assert IRI.match(activity["id"]), where
    definition = activity.get("definition", {})
    if "name" in definition:
        check_language_map(definition["name"], where)
    if "type" in definition:
        assert IRI.match(definition["type"]), where


def check_statement(s):
    """The rules of the xAPI 1.0.3 statement structure (Data, section 2.4)
    that these statements use, checked field by field."""
    where = s.get("id")
    assert set(s) <= {"id", "actor", "verb", "object", "result", "context", "timestamp", "version"}
    assert UUID.match(s["id"]), where
    actor = s["actor"]
    assert actor["objectType"] == "Agent"
    ifis = [k for k in ("mbox", "mbox_sha1sum", "openid", "account") if k in actor]
    assert len(ifis) == 1, where  # exactly one inverse functional identifier
    if "mbox" in actor:
        assert re.match(r"^mailto:[^@\s]+@[^@\s]+$", actor["mbox"]), where
    else:
        assert IRI.match(actor["account"]["homePage"]) and actor["account"]["name"], where
    verb = s["verb"]
    assert verb["id"] == VERBS[verb["display"]["en-US"]], where
    check_language_map(verb["display"], where)
    check_activity(s["object"], where)
    if "result" in s:
        result = s["result"]
        score = result.get("score", {})
        if "scaled" in score:
            assert -1 <= score["scaled"] <= 1, where
        if "raw" in score:
            assert score.get("min", score["raw"]) <= score["raw"] <= score.get("max", score["raw"])
        for flag in ("completion", "success"):
            assert isinstance(result.get(flag, True), bool), where
        for key in result.get("extensions", {}):
            assert IRI.match(key), where
    context = s["context"]
    assert LANGUAGE.match(context["language"]) and isinstance(context["platform"], str)
    for parent in context.get("contextActivities", {}).get("parent", []):
        check_activity(parent, where)
    assert TIMESTAMP.match(s["timestamp"]), where
    assert s["version"] == "1.0.3"


def test_xapi_statements_follow_the_statement_structure(tmp_path):
    run("demo", "--out", "demo", cwd=tmp_path)
    statements = json.loads((tmp_path / "demo" / "statements.json").read_text())
    for s in statements:
        check_statement(s)
    verbs = {s["verb"]["display"]["en-US"] for s in statements}
    assert verbs == set(VERBS)  # every kind of fact occurs in the demo
    assert len({s["id"] for s in statements}) == len(statements)
    # Feedback stays anonymous: a "responded" statement says no more than that.
    assert all("result" not in s for s in statements
               if s["verb"]["display"]["en-US"] == "responded")
    # Stable ids: exporting the saved workspace again gives the same statements.
    again = json.loads(run("export", "demo/demo.levande", "xapi", "--as-of", "2026-11-30",
                           cwd=tmp_path).stdout)
    assert again == statements
    based = json.loads(run("export", "demo/demo.levande", "xapi", "--as-of", "2026-11-30",
                           "--base", "https://hr.example.se/levande", cwd=tmp_path).stdout)
    assert based[0]["object"]["id"].startswith("https://hr.example.se/levande/")
    bad = run("export", "demo/demo.levande", "xapi", "--base", "hr example", cwd=tmp_path,
              ok=False)
    assert bad.returncode == 4 and "base" in bad.stderr


def test_progress_only_on_a_terminal(tmp_path):
    import pty

    env = dict(os.environ, LEVANDE_PROGRESS_AFTER_MS="0")  # show it at once, not after 1 s
    # Piped stderr: no progress at all.
    piped = subprocess.run([str(CLI), "demo", "--out", "a"], cwd=tmp_path, env=env,
                           capture_output=True, text=True, timeout=120)
    assert piped.returncode == 0 and "\r" not in piped.stderr and "[" not in piped.stderr
    # A terminal on stderr: a progress line that is erased at the end.
    main, secondary = pty.openpty()
    proc = subprocess.Popen([str(CLI), "demo", "--out", "b"], cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=secondary)
    # Drain the terminal while the child runs (a full pty buffer would stall it) and
    # keep our copy of the secondary open until the end: once every secondary is
    # closed, Linux may answer reads on the main side with EIO even if bytes remain.
    seen = b""
    stdout_reader = threading.Thread(target=lambda: setattr(proc, "captured", proc.stdout.read()))
    stdout_reader.start()
    while True:
        ready, _, _ = select.select([main], [], [], 0.05)
        if ready:
            seen += os.read(main, 65536)
        elif proc.poll() is not None:
            break
    stdout_reader.join(timeout=120)
    proc.wait(timeout=120)
    os.close(secondary)
    os.close(main)
    done = subprocess.CompletedProcess(proc.args, proc.returncode, proc.captured)
    assert done.returncode == 0
    assert b"levande demo [" in seen and b"/7" in seen
    assert seen.endswith(b"\r\x1b[K")
    # The data on stdout is the same either way.
    assert done.stdout.decode() == piped.stdout.replace("a/", "b/")


def test_record_success_by_hand(workspace):
    run("record", "team.levande", "success", "--id", "s-ops", "--date", "2026-05-04", "--team",
        "ops", "--title", "First release without manual steps", "--large", "--celebrated",
        "2026-05-08", "--where", "Team meeting", cwd=workspace)
    exported = json.loads(run("export", "team.levande", "json", cwd=workspace).stdout)
    mine = next(s for s in exported["successes"] if s["id"] == "s-ops")
    assert mine["team"] == "ops" and mine["scale"] == "large"
    assert mine["celebrated"] == "2026-05-08" and mine["celebrated_where"] == "Team meeting"
    bad = run("record", "team.levande", "success", "--id", "s2", "--date", "2026-05-04",
              "--title", "x", "--celebrated", "2026-05-01", cwd=workspace, ok=False)
    assert bad.returncode == 4 and "celebrated" in bad.stderr


TEAM_SCENARIO = {
    # docs/metrics.md "Who a record covers": a team plan for a DevOps course.
    "format": "levande", "schema_version": 4,
    "teams": [{"id": "it", "name": "IT"}, {"id": "ops", "name": "Drift", "parent": "it"},
              {"id": "ops-net", "name": "Nätverk", "parent": "ops"}],
    "people": [{"id": f"o{i}", "name": f"o{i}", "team": "ops"} for i in range(1, 6)]
    + [{"id": "o6", "name": "o6", "team": "ops-net"}, {"id": "o7", "name": "o7", "team": "ops"},
       {"id": "vera", "name": "Vera", "team": "it"}],
    "trainings": [{"id": "devops", "title": "DevOps", "skills": ["ci/cd"], "start": "2026-02-26",
                   "end": "2026-03-02"}],
    "participations": [{"person": f"o{i}", "training": "devops"} for i in range(1, 7)],
    "action_plans": [{"id": "ops/release", "title": "Cut release time 15 %", "team": "ops",
                      "training": "devops", "created": "2026-03-02", "agreed_by": "2026-03-09"}],
    "goals": [{"id": "release-days", "plan": "ops/release", "metric": "release lead time",
               "unit": "days", "baseline": 10, "target": 8.5, "direction": "decrease",
               "deadline": "2026-06-02"}],
    "assignments": [{"id": "pipeline", "team": "ops", "training": "devops",
                     "project": "release pipeline", "role": "lead", "start": "2026-03-16",
                     "status": "active"}],
}


def test_team_follow_up_from_the_command_line(tmp_path):
    (tmp_path / "team.json").write_text(json.dumps(TEAM_SCENARIO), encoding="utf-8")
    run("init", "team.levande", cwd=tmp_path)
    run("import", "team.levande", "team.json", cwd=tmp_path)
    run("plan", "team.levande", "--as-of", "2026-03-02", "--until", "2026-09-30", cwd=tmp_path)
    exported = json.loads(run("export", "team.levande", "json", cwd=tmp_path).stdout)
    assert [p["id"] for p in exported["action_plans"]] == ["ops/release"]  # no personal plans
    assert [c["scheduled"] for c in exported["check_ins"]] == [
        "2026-03-10", "2026-03-24", "2026-04-07", "2026-04-21", "2026-05-05", "2026-05-19",
        "2026-06-02"]
    for day, held in [("2026-03-10", "2026-03-10"), ("2026-03-24", "2026-03-24"),
                      ("2026-04-07", "2026-04-08"), ("2026-05-05", "2026-05-05"),
                      ("2026-05-19", "2026-05-19")]:
        run("record", "team.levande", "check-in", "--plan", "ops/release", "--scheduled", day,
            "--held", held, "--outcome", "applied", cwd=tmp_path)
    run("record", "team.levande", "check-in", "--plan", "ops/release", "--scheduled",
        "2026-04-21", "--missed", cwd=tmp_path)
    for day, value in [("2026-03-31", "9.6"), ("2026-04-30", "9.0"), ("2026-05-22", "8.4")]:
        run("record", "team.levande", "measurement", "--goal", "release-days", "--date", day,
            "--value", value, cwd=tmp_path)
    run("record", "team.levande", "successes", "--as-of", "2026-05-25", cwd=tmp_path)
    coverage = json.loads(run("metrics", "team.levande", "--as-of", "2026-05-25", "--table",
                              "coverage", "--format", "json", cwd=tmp_path).stdout)
    # Steps 1, 2 and 5 for each of the six through the team's records (worked
    # by hand in docs/metrics.md); nobody answered feedback or met a peer here.
    assert [r["person"] for r in coverage] == [f"o{i}" for i in range(1, 7)]
    for r in coverage:
        assert (r["action_plan"], r["on_the_job"], r["celebration"]) == (1, 1, 1), r
        assert (r["peer_learning"], r["feedback"], r["continuous_learning"]) == (0, 0, 0), r
    people = json.loads(run("metrics", "team.levande", "--as-of", "2026-05-25", "--table",
                            "engagement", "--by", "person", "--format", "json",
                            cwd=tmp_path).stdout)
    by_id = {r["person"]: r for r in people}
    for who in ("o1", "o6"):
        assert (by_id[who]["check_ins_due"], by_id[who]["check_ins_on_time"]) == (6, 5)
        assert by_id[who]["adherence"] == pytest.approx(5 / 6)
    assert by_id["o7"]["check_ins_due"] == 0 and by_id["vera"]["check_ins_due"] == 0


def test_the_ambassadors_session_from_the_command_line(tmp_path):
    scenario = dict(TEAM_SCENARIO, ambassadors=[{"id": "amb", "person": "o1",
                                                 "training": "devops"}])
    (tmp_path / "team.json").write_text(json.dumps(scenario), encoding="utf-8")
    run("init", "team.levande", cwd=tmp_path)
    run("import", "team.levande", "team.json", cwd=tmp_path)
    run("plan", "team.levande", "--as-of", "2026-03-02", "--until", "2026-09-30", cwd=tmp_path)
    # Four weeks after Monday 2 March: Monday 30 March, written as a session
    # of the ambassador.
    exported = json.loads(run("export", "team.levande", "json", cwd=tmp_path).stdout)
    assert exported["peer_sessions"] == [{"id": "amb/2026-03-30", "ambassador": "amb",
                                          "date": "2026-03-30"}]
    done = run("record", "team.levande", "attendance", "--session", "amb/2026-03-30",
               "--person", "o1", "--person", "o2", "--person", "o7", cwd=tmp_path)
    assert "attendance of 3 at amb/2026-03-30" in done.stderr
    again = run("record", "team.levande", "attendance", "--session", "amb/2026-03-30",
                "--person", "o2", cwd=tmp_path, ok=False)
    assert again.returncode == 4 and "already recorded as attending" in again.stderr
    missing = run("record", "team.levande", "attendance", "--session", "amb/2026-04-01",
                  "--person", "o2", cwd=tmp_path, ok=False)
    assert "--session" in missing.stderr and "amb/2026-04-01" in missing.stderr
    both = run("record", "team.levande", "attendance", "--session", "amb/2026-03-30",
               "--slot", "x", "--person", "o3", cwd=tmp_path, ok=False)
    assert both.returncode == 2
    training = json.loads(run("metrics", "team.levande", "--as-of", "2026-04-30", "--table",
                              "training", "--format", "json", cwd=tmp_path).stdout)
    # o2 and o7 reached (o1 is the ambassador); o7 never took the course.
    assert (training[0]["ambassadors"], training[0]["ambassador_reach"]) == (1, 2)
    coverage = json.loads(run("metrics", "team.levande", "--as-of", "2026-04-30", "--table",
                              "coverage", "--format", "json", cwd=tmp_path).stdout)
    assert [r["peer_learning"] for r in coverage] == [1, 1, 0, 0, 0, 0]


def test_record_attendance(workspace):
    # The example's learning slot: its rule and start from the programme.
    slot = json.loads(PROGRAMME.read_text(encoding="utf-8"))["learning_slots"][0]
    day = slot["start"]  # 2026-01-08, a Thursday of its rule: the first occurrence
    done = run("record", "team.levande", "attendance", "--slot", slot["id"], "--occurrence", day,
               "--person", "e101", "--person", "e102", cwd=workspace)
    assert "recorded 2 learning activities" in done.stderr
    again = run("record", "team.levande", "attendance", "--slot", slot["id"], "--occurrence", day,
                "--person", "e101", cwd=workspace, ok=False)
    assert again.returncode == 4 and "attendees[0]" in again.stderr


def test_an_output_path_that_is_the_workspace_is_refused(workspace):
    before = (workspace / "team.levande").read_bytes()
    for target in ("team.levande", "./team.levande", "team.levande-wal"):
        done = run("report", "team.levande", "-o", target, cwd=workspace, ok=False)
        assert done.returncode == 2, target
        assert "that is the workspace file" in done.stderr
    done = run("export", "team.levande", "json", "-o", "team.levande", cwd=workspace, ok=False)
    assert done.returncode == 2
    assert (workspace / "team.levande").read_bytes() == before
    run("report", "team.levande", "-o", "report.html", cwd=workspace)


def test_commands_writing_at_the_same_time_all_land(workspace):
    # Eight processes record at once: one that loaded before another wrote
    # is refused by the workspace and runs again on fresh data.
    people = ["e100", "e101", "e102", "e103", "e104", "e105"]
    procs = [subprocess.Popen([str(CLI), "record", "team.levande", "activity", "--person",
                               people[i % len(people)], "--date", f"2026-05-{10 + i:02d}",
                               "--hours", "1"], cwd=workspace, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for i in range(8)]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    ws = levande.Workspace.open(workspace / "team.levande")
    days = ws.table("activities")["date"].dt.date.astype(str).tolist()
    assert sorted(d for d in days if d.startswith("2026-05-1")) == [
        f"2026-05-{10 + i:02d}" for i in range(8)]
