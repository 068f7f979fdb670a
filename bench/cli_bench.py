"""Command-line benchmark: whole ``pofacil info`` and ``pofacil check`` processes beside a bare
Python script reading the same rows with sqlite3.

Run: .venv/bin/python bench/cli_bench.py [--notes 5000] [--runs 15]

It writes one workshop file of ``--notes`` notes the way a camp fills it (an issue-context
table with a fifth of the notes in its cells, the rest on a free board, some in groups, and a
history of imports and moves), then times each command as the user runs it: a new process of
the installed ``pofacil`` script, from exec to exit, imports included. The baselines are new
``python`` processes too:

- beside ``info``: a script that opens the file with sqlite3, reads the boards, notes and
  groups, counts live notes per board, cell and group, and prints the same kind of lines;
- beside ``check``: the same script plus SQLite's ``PRAGMA integrity_check`` and every history
  line inflated once (what a check of the file has to do at the least).

Every process runs without ``PYTHONDONTWRITEBYTECODE``, so the warm-up writes the bytecode cache
a user's installed pofacil has from its install: with it set, each run compiled again every
pofacil module changed since its cache was last written (15-30 ms of a 150 ms ``info`` after a
day's edits), while the baseline has no module to compile.

Runs are interleaved (pofacil, baseline, pofacil, ...) so a busy machine slows both alike;
the figures are medians and 95th percentiles, and each ratio compares the medians of one run.
Goal: ``info`` <= 2x its baseline. Nothing is asserted; the script prints its figures.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from workshop_texts import AUTHORS, CLUSTER_NAMES, KINDS, make_text

INFO_GOAL = 2.0

BASELINE_INFO = r"""
import json, sqlite3, sys
from collections import Counter
conn = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
title, date, venue = conn.execute("SELECT title, date, venue FROM workshop").fetchone()
boards = conn.execute("SELECT id, name, template, cells FROM boards WHERE NOT deleted "
                      "ORDER BY position, name").fetchall()
notes = conn.execute("SELECT board, cell, cluster, deleted FROM notes").fetchall()
clusters = conn.execute("SELECT id, board, name FROM clusters").fetchall()
live = [n for n in notes if not n[3]]
per_board = Counter(n[0] for n in live)
per_cell = Counter((n[0], n[1]) for n in live)
per_cluster = Counter((n[0], n[2]) for n in live)
print(f"{title}  {date}  {venue}")
for board_id, name, template, cells in boards:
    print(f"  {name} [{template}]: {per_board[board_id]} notes")
    for cell in json.loads(cells or "[]"):
        print(f"    {cell['row']} / {cell['column']}: {per_cell[board_id, cell['id']]}")
    for cluster_id, board, cname in clusters:
        if board == board_id:
            print(f"    [{cname}]: {per_cluster[board_id, cluster_id]}")
"""

BASELINE_CHECK = (
    BASELINE_INFO
    + r"""
import zlib
assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
for (blob,) in conn.execute("SELECT patches FROM history"):
    json.loads(zlib.decompress(blob))
"""
)


def build_file(path: Path, notes: int) -> Path:
    """The workshop file: the same one for the same size (seeded)."""
    from pofacil.board import ops
    from pofacil.board.session import Session

    rng = random.Random(notes)
    session = Session.create(
        path, title="效能測試營", boards=[("issue-context", "議題脈絡"), ("blank", "全體")]
    )
    ws = session.workshop
    table, free = ws.find_board("議題脈絡"), ws.find_board("全體")
    in_cells = notes // 5
    cells = [c.id for c in table.cells]
    session.do(
        ops.add_notes(
            ws,
            table.id,
            [
                ops.NoteSpec(make_text(rng), author=rng.choice(AUTHORS), cell=rng.choice(cells))
                for _ in range(in_cells)
            ],
            label="import",
        )
    )
    cols = math.ceil(math.sqrt(notes - in_cells))
    specs = [
        ops.NoteSpec(
            make_text(rng),
            kind=rng.choice(KINDS),
            author=rng.choice(AUTHORS),
            x=(i % cols) * 180.0,
            y=(i // cols) * 120.0,
        )
        for i in range(notes - in_cells)
    ]
    session.do(ops.add_notes(ws, free.id, specs, label="import"))
    ids = [s.id for s in specs]
    for start in range(0, min(len(ids), 1000), 10):
        session.do(
            ops.cluster_notes(ws, ids[start : start + 5], CLUSTER_NAMES[start % len(CLUSTER_NAMES)])
        )
    for step in range(100):  # a morning of drags
        moved = rng.sample(ids, 5)
        session.do(
            ops.move_notes(ws, {i: (ws.note(i).x + 20, ws.note(i).y + step % 7) for i in moved})
        )
    session.close()
    return path


# What a user's shell gives: bytecode written and read (see the module's docstring).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_once(command: Sequence[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=ENV)
    return time.perf_counter() - start


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]


def interleaved(commands: dict[str, Sequence[str]], runs: int) -> dict[str, list[float]]:
    """Each command ``runs`` times, taking turns; one untimed warm-up each fills the disk
    cache and Python's bytecode cache, as a user's second command finds them."""
    for command in commands.values():
        run_once(command)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(run_once(command))
    return times


def report(
    name: str, ours: list[float], base: list[float], base_name: str, goal: float | None
) -> None:
    ratio = statistics.median(ours) / statistics.median(base)
    verdict = "" if goal is None else ("ok" if ratio <= goal else "MISSED") + f" (<= {goal}x)"
    print(
        f"{name:<28} median {statistics.median(ours) * 1000:7.0f} ms  p95 "
        f"{p95(ours) * 1000:7.0f} ms"
    )
    print(
        f"{base_name:<28} median {statistics.median(base) * 1000:7.0f} ms  p95 "
        f"{p95(base) * 1000:7.0f} ms   ratio {ratio:5.2f}x  {verdict}"
    )


def pofacil_script() -> str:
    """The installed console script beside this Python: what a user types."""
    return str(Path(sys.executable).with_name("pofacil"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    print(
        f"Python {platform.python_version()}, {platform.machine()}; whole processes, "
        f"{args.runs} interleaved runs each after one warm-up"
    )
    with tempfile.TemporaryDirectory(prefix="pofacil-cli-bench-") as folder:
        path = build_file(Path(folder) / "camp.pofacil", args.notes)
        print(f"{args.notes} notes, {path.stat().st_size / 1e6:.1f} MB")
        py, script = sys.executable, pofacil_script()
        times = interleaved(
            {
                "info": [script, "info", str(path)],
                "info-baseline": [py, "-c", BASELINE_INFO, str(path)],
                "check": [script, "check", str(path)],
                "check-baseline": [py, "-c", BASELINE_CHECK, str(path)],
            },
            args.runs,
        )
    report("pofacil info", times["info"], times["info-baseline"], "sqlite3 script", INFO_GOAL)
    report("pofacil check", times["check"], times["check-baseline"], "sqlite3 script + check", None)


if __name__ == "__main__":
    main()
