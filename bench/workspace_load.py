"""Loading a workspace database: levande against Python's sqlite3 + pandas, in one run.

For each size the synthetic organisation (levande.synthetic_organisation,
deterministic) is generated and saved to a fresh SQLite file. Then the same
file is loaded
  * by levande.Workspace.open (read-only): every table into typed columns,
    references resolved to dense indices, dates parsed;
  * by sqlite3 + pandas.read_sql of every table, with the date columns
    parsed to datetime64 (what levande hands over), references left as text.
Times are the best of --repeat runs; the ratio is pandas ÷ levande (above 1
means levande is faster). Memory is what the C++ core holds per log record.

    .venv/bin/python bench/workspace_load.py [--sizes 1000,10000,100000] [--repeat 3]
"""

import argparse
import os
import sqlite3
import tempfile
import time

import pandas as pd

import levande

DATE_COLUMNS = {
    "trainings": ["start", "end"], "participations": ["completed"], "action_plans": ["created", "agreed_by", "ends"],
    "tasks": ["due", "done"], "goals": ["deadline"], "measurements": ["date"],
    "check_ins": ["scheduled", "held"], "assignments": ["start", "end"], "peer_sessions": ["date"],
    "feedback_sessions": ["date"], "successes": ["date", "celebrated"], "learning_slots": ["start"],
    "activities": ["date"],
}
LOGS = ["measurements", "check_ins", "responses", "activities"]


def load_levande(path):
    return levande.Workspace.open(path, read_only=True)


def load_pandas(path):
    tables = {}
    with sqlite3.connect(path) as con:
        for kind in levande._core.kind_names():
            frame = pd.read_sql(f"SELECT * FROM {kind}", con)
            for column in DATE_COLUMNS.get(kind, []):
                frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d")
            tables[kind] = frame
    return tables


def best(fn, repeat):
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return min(times), result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    print(f"{'people':>8} {'records':>11} {'generate':>9} {'save':>8} {'levande':>9} {'pandas':>9}"
          f" {'ratio':>6}  bytes/record (measurement, check-in, response, activity)")
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            t = time.perf_counter()
            ws = levande.synthetic_organisation(n, seed=1)
            generate = time.perf_counter() - t
            path = os.path.join(tmp, f"org-{n}.db")
            t = time.perf_counter()
            ws.save_as(path)
            save = time.perf_counter() - t
            records = sum(ws.counts().values())
            ours, loaded = best(lambda: load_levande(path), args.repeat)
            theirs, frames = best(lambda: load_pandas(path), args.repeat)
            # Same content on both sides before any figure is trusted.
            assert loaded.same_content(ws)
            assert sum(len(f) for f in frames.values()) == records
            assert frames["measurements"]["value"].sum() == loaded.table("measurements")["value"].sum()
            per_record = [loaded.memory_bytes(k) / max(1, loaded.count(k)) for k in LOGS]
            print(f"{n:>8} {records:>11} {generate:>8.2f}s {save:>7.2f}s {ours:>8.3f}s {theirs:>8.3f}s"
                  f" {theirs / ours:>5.1f}x  " + ", ".join(f"{b:.1f}" for b in per_record))
            del ws, loaded, frames


if __name__ == "__main__":
    main()
