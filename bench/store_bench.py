"""Workshop-file benchmark: pofacil's store beside raw sqlite3 doing the same work, in one run.

Run: .venv/bin/python bench/store_bench.py [--notes 5000]
Prints each figure beside raw sqlite3 doing the same inserts, updates and reads with the same
durability settings, and their ratio (pofacil's cost / raw cost, so 1.0x means no overhead).
Machines here are noisy: read ratios from one run, not absolute times.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from pofacil.board import ops
from pofacil.board.model import NOTE_H, NOTE_W
from pofacil.board.session import Session
from pofacil.board.store import Store

COLUMNS = ("id TEXT PRIMARY KEY, board TEXT, text TEXT, kind TEXT, x REAL, y REAL, w REAL, "
           "h REAL, cell TEXT, cluster TEXT, author TEXT, created TEXT, updated TEXT, "
           "deleted INTEGER, votes INTEGER")


def raw_db(path: Path) -> sqlite3.Connection:
    """The same table and durability settings as the store, with nothing else around it."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute(f"CREATE TABLE notes ({COLUMNS})")
    conn.execute("CREATE INDEX notes_board ON notes(board)")
    return conn


def raw_row(i: int) -> tuple:
    return (f"n{i:08d}", "b", f"第{i}則意見：業務單位很忙", "problem", 40.0 + i % 40 * 180,
            40.0 + i // 40 * 120, NOTE_W, NOTE_H, None, None, "王素琴",
            "2026-11-23T10:00:00+08:00", "2026-11-23T10:00:00+08:00", 0, 0)


def bench_adds(folder: Path, count: int) -> tuple[list[float], list[float]]:
    session = Session.create(folder / "adds.pofacil", boards=[("blank", "全體")])
    board = session.workshop.ordered_boards()[0].id
    ours = []
    for i in range(count):
        start = time.perf_counter()
        session.do(ops.add_note(session.workshop, board, f"第{i}則意見：業務單位很忙",
                                author="王素琴", kind="problem"))
        ours.append(time.perf_counter() - start)
    session.close()
    conn = raw_db(folder / "adds.raw")
    raw = []
    for i in range(count):
        start = time.perf_counter()
        conn.execute("BEGIN")
        conn.execute(f"INSERT INTO notes VALUES ({','.join('?' * 15)})", raw_row(i))
        conn.execute("COMMIT")
        raw.append(time.perf_counter() - start)
    conn.close()
    return ours, raw


def build_big(folder: Path, notes: int) -> Path:
    """A workshop with ``notes`` notes written as one import-like step."""
    session = Session.create(folder / "big.pofacil", boards=[("blank", "全體")])
    board = session.workshop.ordered_boards()[0].id
    specs = [ops.NoteSpec(f"第{i}則意見：業務單位很忙", kind="problem", author="王素琴")
             for i in range(notes)]
    session.do(ops.add_notes(session.workshop, board, specs, label="import"))
    session.close()
    return folder / "big.pofacil"


def build_big_raw(folder: Path, notes: int) -> Path:
    path = folder / "big.raw"
    conn = raw_db(path)
    conn.execute("BEGIN")
    conn.executemany(f"INSERT INTO notes VALUES ({','.join('?' * 15)})",
                     (raw_row(i) for i in range(notes)))
    conn.execute("COMMIT")
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    return path


def best_of(times: int, work) -> float:
    best = float("inf")
    for _ in range(times):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def open_ours(path: Path) -> None:
    store = Store.open(path)
    store.load()
    store.close()


def open_raw(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    [dict(r) for r in conn.execute("SELECT * FROM notes")]
    conn.close()


def bench_move(path: Path, raw_path: Path, moved: int) -> tuple[float, float, float]:
    """Best of 5 moves: the whole gesture (build, model, file) and the file write alone."""
    session = Session.open(path)
    notes = session.workshop.ordered_boards()[0].live_notes()[:moved]
    whole = write = float("inf")
    for k in range(1, 6):
        start = time.perf_counter()
        change = ops.move_notes(session.workshop, {n.id: (n.x + k, n.y + k) for n in notes})
        for patch in change.patches:
            session.workshop.apply(patch)
        middle = time.perf_counter()
        session.store.commit(change, session.actor)
        end = time.perf_counter()
        whole, write = min(whole, end - start), min(write, end - middle)
    session.close()
    conn = sqlite3.connect(raw_path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    ids = [r[0] for r in conn.execute(f"SELECT id FROM notes LIMIT {moved}")]
    raw = float("inf")
    for k in range(1, 6):
        start = time.perf_counter()
        conn.execute("BEGIN")
        conn.executemany("UPDATE notes SET x = x + ?, y = y + ? WHERE id = ?",
                         [(k, k, i) for i in ids])
        conn.execute("COMMIT")
        raw = min(raw, time.perf_counter() - start)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    return whole, write, raw


def line(what: str, ours: float, raw: float, unit: str, goal: str) -> None:
    print(f"{what:<38} pofacil {ours:>10.3f} {unit:<6} raw sqlite3 {raw:>10.3f} {unit:<6} "
          f"ratio {ours / raw:>5.2f}x   goal {goal}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--notes", type=int, default=5000)
    parser.add_argument("--adds", type=int, default=300)
    parser.add_argument("--moved", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ours, raw = bench_adds(folder, args.adds)
        print(f"single-note adds, {args.adds} commits each (WAL, synchronous=FULL):")
        print(f"  commits per second                   pofacil {1 / statistics.mean(ours):>10.1f} /s"
              f"     raw sqlite3 {1 / statistics.mean(raw):>10.1f} /s")
        line("  mean time per commit", statistics.mean(ours) * 1000,
             statistics.mean(raw) * 1000, "ms", "store overhead <= 2x")
        line("  median gesture commit", statistics.median(ours) * 1000,
             statistics.median(raw) * 1000, "ms", "<= 10 ms")
        big, big_raw = build_big(folder, args.notes), build_big_raw(folder, args.notes)
        print(f"a workshop of {args.notes} notes:")
        line("  open into the model (best of 5)", best_of(5, lambda: open_ours(big)),
             best_of(5, lambda: open_raw(big_raw)), "s", "<= 0.5 s")
        whole, write, move_raw = bench_move(big, big_raw, args.moved)
        line(f"  move {args.moved} notes: file write", write * 1000, move_raw * 1000, "ms",
             "<= 2x raw")
        line(f"  move {args.moved} notes: whole gesture", whole * 1000, move_raw * 1000, "ms",
             "<= 10 ms")
        size, raw_size = big.stat().st_size, big_raw.stat().st_size
        line("  bytes on disk per 1,000 notes", size / args.notes * 1000,
             raw_size / args.notes * 1000, "B", "<= 2x raw")


if __name__ == "__main__":
    main()
