"""The demo organisation from Python: metrics as pandas DataFrames, the
celebration feed, and the report written to a file.

    .venv/bin/python examples/python/demo_to_pandas.py [OUT_DIR]
"""

import datetime as dt
import pathlib
import sys

import levande

out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "demo-python")
out.mkdir(parents=True, exist_ok=True)
as_of = dt.date(2026, 11, 30)
ws = levande.demo_organisation(as_of)

goals = ws.goal_rollup(as_of, by="team")                     # a pandas.DataFrame
teams = goals[goals["goals"] > 0].set_index("team")
print(teams[["goals", "achieved", "on_track", "at_risk", "off_track", "mean_progress"]]
      .round(2).to_string())

outcomes = ws.training_outcomes(as_of).set_index("training")
print()
print(outcomes[["participants", "application_rate", "goal_progress", "roi_percent"]]
      .round(2).to_string())

print()
print(ws.celebration_feed(since=as_of - dt.timedelta(days=7), until=as_of))

(out / "report.html").write_text(ws.report(as_of, title="Follow-up report"), encoding="utf-8")
print(f"wrote {out / 'report.html'}")
