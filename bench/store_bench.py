"""Workshop-file benchmark: what keeping the file complete after every gesture costs.

Run: .venv/bin/python bench/store_bench.py [--notes 5000] [--gestures 200] [--dir DIR]

Three writers do the same gestures on boards of the same size, interleaved one gesture each
in turn so the machine's noise falls on all of them alike:
- pofacil now: rollback journal, synchronous=EXTRA (the .pofacil alone is always complete);
- pofacil before: the same code with its connection switched to the previous main's WAL and
  synchronous=FULL (the edits sat in the -wal beside the file until a checkpoint);
- raw sqlite3: the same rows (the note and a history row) with the same journal and sync
  settings as pofacil now, and nothing around it.
A gesture is timed from the call to its return (model, history line, commit, fsyncs).
Then the same gestures while another process reads the whole board over and over (an export
or a read-only window): the longest a commit waited for it.
Run it on the disk a user has (ext4 here, not tmpfs, where fsync costs nothing): DIR defaults
to a folder beside this script. Prints medians and p95 and their ratios from this one run.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from pofacil.board import ops
from pofacil.board.session import Session

READER = r"""
import sys, time
from pofacil.board.storage.store import Store
store = Store.open(sys.argv[1], read_only=True)
print("ready", flush=True)
end, reads = time.monotonic() + float(sys.argv[2]), 0
while time.monotonic() < end:
    store.load()
    reads += 1
print(reads, flush=True)
"""


def big_session(path: Path, notes: int) -> Session:
    session = Session.create(path, boards=[("blank", "全體")])
    board = session.workshop.ordered_boards()[0].id
    session.do(
        ops.add_notes(
            session.workshop,
            board,
            [
                ops.NoteSpec(
                    f"第{i}則意見：業務單位很忙，協作會議要如何接地氣",
                    kind="problem",
                    author="王素琴",
                )
                for i in range(notes)
            ],
            label="import",
        )
    )
    return session


def gesture(session: Session, i: int) -> float:
    """Capture a note, or move one: what a scribe does all morning."""
    ws = session.workshop
    board = ws.ordered_boards()[0]
    start = time.perf_counter()
    if i % 2:
        session.do(
            ops.add_note(ws, board.id, f"即時記錄第{i}點", x=float(i % 900), y=float(i % 700))
        )
    else:
        note = next(iter(board.notes.values()))
        session.do(ops.move_notes(ws, {note.id: (note.x + 1, note.y)}))
    return time.perf_counter() - start


class Raw:
    """The same rows with raw sqlite3 and pofacil's durability settings."""

    def __init__(self, path: Path, notes: int) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode=DELETE")
        self.conn.execute("PRAGMA synchronous=EXTRA")
        self.conn.execute(
            "CREATE TABLE notes (id TEXT PRIMARY KEY, board TEXT, text TEXT, "
            "kind TEXT, x REAL, y REAL, author TEXT, created TEXT)"
        )
        self.conn.execute(
            "CREATE TABLE history (id INTEGER PRIMARY KEY, at TEXT, label TEXT, patches BLOB)"
        )
        self.conn.execute("BEGIN")
        self.conn.executemany(
            "INSERT INTO notes VALUES (?, 'b', ?, 'problem', ?, ?, ?, ?)",
            [
                (
                    f"n{i}",
                    f"第{i}則意見：業務單位很忙，協作會議要如何接地氣",
                    float(i),
                    0.0,
                    "王素琴",
                    "2026-11-20T09:00:00",
                )
                for i in range(notes)
            ],
        )
        self.conn.execute("COMMIT")

    def gesture(self, i: int) -> float:
        start = time.perf_counter()
        self.conn.execute("BEGIN")
        if i % 2:
            self.conn.execute(
                "INSERT INTO notes VALUES (?, 'b', ?, 'idea', ?, ?, '', ?)",
                (f"c{i}", f"即時記錄第{i}點", float(i), 0.0, "2026-11-20T09:00"),
            )
        else:
            self.conn.execute("UPDATE notes SET x = x + 1 WHERE id = 'n0'")
        self.conn.execute(
            "INSERT INTO history (at, label, patches) VALUES (?, ?, ?)",
            ("2026-11-20T09:00", "add note", b"x" * 200),
        )
        self.conn.execute("COMMIT")
        return time.perf_counter() - start


def p95(values: list[float]) -> float:
    return sorted(values)[int(0.95 * (len(values) - 1))]


def report(name: str, times: list[float], base: list[float] | None, base_name: str) -> None:
    med, tail = statistics.median(times) * 1000, p95(times) * 1000
    text = f"  {name:<22} median {med:7.2f} ms   p95 {tail:7.2f} ms"
    if base is not None:
        text += (
            f"   = {med / (statistics.median(base) * 1000):5.2f}x / "
            f"{tail / (p95(base) * 1000):5.2f}x {base_name}"
        )
    print(text)


def file_system(folder: Path) -> str:
    done = subprocess.run(
        ["stat", "-f", "-c", "%T", str(folder)], capture_output=True, text=True, check=False
    )
    return done.stdout.strip() or "unknown"


def interleaved(
    writers: dict[str, Callable[[int], float]], gestures: int
) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in writers}
    for i in range(gestures):
        for name, write in writers.items():
            times[name].append(write(i))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--notes", type=int, default=5000)
    parser.add_argument("--gestures", type=int, default=200)
    parser.add_argument("--dir", type=Path, default=Path(__file__).parent / ".bench-files")
    args = parser.parse_args()
    folder = args.dir
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    try:
        now = big_session(folder / "now.pofacil", args.notes)
        before = big_session(folder / "before.pofacil", args.notes)
        before.store.db.conn.execute("PRAGMA journal_mode=WAL")
        before.store.db.conn.execute("PRAGMA synchronous=FULL")
        raw = Raw(folder / "raw.sqlite", args.notes)
        print(
            f"{args.gestures} gestures each (a capture, then a move, in turn) on a "
            f"{args.notes}-note board, {file_system(folder)} at {folder}, interleaved:"
        )
        times = interleaved(
            {
                "now": lambda i: gesture(now, i),
                "before": lambda i: gesture(before, i),
                "raw": raw.gesture,
            },
            args.gestures,
        )
        report("raw sqlite3", times["raw"], None, "")
        report("pofacil before (WAL)", times["before"], times["raw"], "raw")
        report("pofacil now (complete)", times["now"], times["raw"], "raw")
        report("", times["now"], times["before"], "before")
        side = sorted(p.name for p in folder.iterdir() if p.name.startswith("now.pofacil-"))
        print(
            f"  files beside now.pofacil between gestures: {side or 'none'}; beside "
            f"before.pofacil: {sorted(p.name for p in folder.glob('before.pofacil-*'))}"
        )
        before.close()
        raw.conn.close()

        print(
            "the same gestures on two such files, interleaved, while another process reads "
            "the second one whole over and over (an export, a read-only window):"
        )
        alone = big_session(folder / "alone.pofacil", args.notes)
        reader = subprocess.Popen(
            [sys.executable, "-c", READER, str(now.path), "600"], stdout=subprocess.PIPE, text=True
        )
        assert reader.stdout is not None and reader.stdout.readline().strip() == "ready"
        try:
            times = interleaved(
                {"alone": lambda i: gesture(alone, i), "read": lambda i: gesture(now, i)},
                args.gestures,
            )
        finally:
            reader.kill()
            reader.wait()
        report("no reader", times["alone"], None, "")
        report("beside a reader", times["read"], times["alone"], "no reader")
        print(
            f"  longest commit beside the reader: {max(times['read']) * 1000:.1f} ms "
            f"(goal <= 100 ms); both still saved: {now.saved and alone.saved}"
        )
        alone.close()
        now.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
