"""Dot-voting benchmark: what votes cost in the real window of a 300-note camp table.

Run: .venv/bin/python bench/votes_bench.py [--rounds 9]

Offscreen, the bundled font installed, a MainWindow at 1024x768 on the camp table (300 notes,
tests/camp.py) zoomed to 100 % on its busiest corner. Two cases, each beside a baseline that
does the same work without votes:

- repaint: the whole viewport repainted after every note's cache was dropped (what a zoom or
  a reveal costs), with a revealed round of 900 votes from 300 devices, against the same
  window with no round;
- click: a lead's vote by a mouse click on a note in vote mode (the change, its history line
  committed to disk, the note repainted), against a plain click that selects the note.

Pofacil and baseline alternate, which goes first flipping each round. Medians and p95 over
the rounds, and their ratios; nothing asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGraphicsItem

from pofacil.board.model import Patch, to_row
from pofacil.board.model.votes import Vote
from pofacil.board.ops import votes
from pofacil.board.session import Session
from pofacil.ui.fonts import install_app_font
from pofacil.ui.main_window import MainWindow
from tests.camp import TABLE, write_camp


def window(path: Path) -> MainWindow:
    win = MainWindow(Session.open(path))
    win.resize(1024, 768)
    win.show()
    QApplication.processEvents()
    win.view.resetTransform()
    board = win.document.workshop.find_board(TABLE)
    first = sorted(board.notes_in("role/now"), key=lambda n: n.seq)[0]
    win.view.centerOn(win.scene.notes[first.id])
    QApplication.processEvents()
    return win


def repaint(win: MainWindow) -> float:
    for item in win.scene.notes.values():  # as after a zoom: every note paints again
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    start = time.perf_counter()
    win.view.viewport().repaint()
    return time.perf_counter() - start


def click(win: MainWindow, note_id: str) -> float:
    item = win.scene.notes[note_id]
    spot = win.view.mapFromScene(item.sceneBoundingRect().center())
    start = time.perf_counter()
    QTest.mouseClick(win.view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    QApplication.processEvents()
    win.view.viewport().repaint()
    return time.perf_counter() - start


def report(name: str, ours: list[float], base: list[float]) -> None:
    def p95(xs: list[float]) -> float:
        return sorted(xs)[min(len(xs) - 1, round(0.95 * (len(xs) - 1)))]

    m, b = statistics.median(ours), statistics.median(base)
    print(
        f"{name:8} votes median {m * 1000:7.2f} ms p95 {p95(ours) * 1000:7.2f} ms | "
        f"baseline median {b * 1000:7.2f} ms p95 {p95(base) * 1000:7.2f} ms | "
        f"ratio median {m / b:4.2f} p95 {p95(ours) / p95(base):4.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    app = QApplication(sys.argv)
    QStandardPaths.setTestModeEnabled(True)
    install_app_font(app)
    tmp = Path(tempfile.mkdtemp(prefix="pofacil-votes-bench-"))
    voted_win = window(write_camp(tmp / "voted.pofacil"))
    plain_win = window(write_camp(tmp / "plain.pofacil"))
    ws = voted_win.document.workshop
    board = ws.find_board(TABLE)
    notes = sorted(board.live_notes(), key=lambda n: n.seq)
    rnd = voted_win.document.apply(votes.open_round, board.id, "board", (), 3, False)
    assert rnd is not None
    rnd_id = rnd.patches[0].id
    # 300 phones' votes, loaded at once: the repaint is measured, not the casting.
    ws.apply_all(
        Patch(
            "vote",
            f"b{i}",
            None,
            to_row(Vote(f"b{i}", board.id, rnd_id, notes[i * 7 % 300].id, f"device:{i // 3}")),
        )
        for i in range(900)
    )
    voted_win.vote_mode.set_active(True)
    target = sorted(board.notes_in("role/now"), key=lambda n: n.seq)[0].id
    plain_target = sorted(
        plain_win.document.workshop.find_board(TABLE).notes_in("role/now"), key=lambda n: n.seq
    )[0].id
    cases: dict[str, tuple[Callable[[], float], Callable[[], float]]] = {
        "repaint": (lambda: repaint(voted_win), lambda: repaint(plain_win)),
        "click": (lambda: click(voted_win, target), lambda: click(plain_win, plain_target)),
    }
    print(f"camp table, 300 notes; {len(board.votes)} votes; {args.rounds} rounds interleaved")
    for name, (ours, base) in cases.items():
        mine: list[float] = []
        theirs: list[float] = []
        for r in range(args.rounds):
            order = [(ours, mine), (base, theirs)]
            for run, out in order if r % 2 == 0 else order[::-1]:
                out.append(run())
        report(name, mine, theirs)
    voted_win.close()
    plain_win.close()


if __name__ == "__main__":
    main()
