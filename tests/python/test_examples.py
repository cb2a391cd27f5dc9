"""The Python examples run: the script writes its report, and the notebook
executes top to bottom and draws the cohort curves."""

import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_python_example_script(tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "examples" / "python" / "demo_to_pandas.py"),
                           str(tmp_path / "out")], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "mean_progress" in done.stdout and "roi_percent" in done.stdout
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "Step 6" in html


def test_notebook_executes_and_plots(tmp_path):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    notebook = nbformat.read(ROOT / "examples" / "notebook" / "follow_up.ipynb", as_version=4)
    client = nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    # The cohort curves cell drew a figure.
    assert any("image/png" in o.get("data", {}) for o in outputs)
    # The status table shows real statuses of the demo.
    text = " ".join(str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    assert "achieved" in text and "on_track" in text


def test_demo_report_and_statements_from_python():
    import datetime as dt

    import levande

    as_of = dt.date(2026, 9, 30)
    ws = levande.demo_organisation(as_of)
    assert ws.count("people") == 81 and ws.count("trainings") == 5
    markdown = ws.report(as_of, format="markdown", title="T")
    assert markdown.startswith("# T\n") and "## Step 4 — Feedback" in markdown
    statements = ws.xapi_statements(as_of)
    assert {s["verb"]["display"]["en-US"] for s in statements} >= {"attended", "progressed"}
    assert all(s["timestamp"] <= "2026-09-30T00:00:00Z" for s in statements)
    with pytest.raises(levande.InvalidArgumentError) as e:
        ws.report(as_of, format="pdf")
    assert e.value.field == "format"
    with pytest.raises(levande.InvalidArgumentError) as e:
        levande.demo_organisation(dt.date(2025, 1, 1))
    assert e.value.field == "as_of"
