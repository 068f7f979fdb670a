"""Board-window benchmark: pofacil's scene and view beside a bare Qt scene doing the same work.

Run: .venv/bin/python bench/board_bench.py [--sizes 1000 5000] [--frames 40]

Offscreen (QT_QPA_PLATFORM=offscreen unless set), with the bundled font installed. For each
board size it builds a workshop in a temporary folder (realistic Traditional Chinese notes on
a 180 x 120 grid, ~5% of them in clusters, ~5% with a link), shows it in the real
``BoardScene``/``BoardView`` at a projector size with every note in view, and measures:

1. pan frames: scroll the view a few screen px and repaint the whole viewport synchronously
   (``viewport().repaint()``); median and p95 of the frame (events left over from a frame
   run untimed before the next, so no frame pays for two paints);
2. drag frames: 50 selected notes ``moveBy`` a few px per frame (what Qt does in a mouse
   drag; NoteItem.itemChange makes frames and links follow), then the same repaint; and the
   release, the one ``ops.move_notes`` step through ``Document.apply``;
3. capture-to-paint: ``MainWindow.capture_note`` until the viewport has been repainted;
4. resident memory (VmRSS) with the largest board loaded: pofacil and the baseline each in a
   fresh subprocess of this script (``--memory-probe``), so they share no heap.

The baseline is a bare QGraphicsScene/QGraphicsView in the same process and run: per note a
QGraphicsRectItem (kind color, 1 px pen) with a word-wrapped QGraphicsTextItem child holding
the same text, at the same positions and size, same view size, render hints and transform,
timed with the same procedure, interleaved in small chunks with pofacil's frames so machine
noise hits both alike. Where pofacil writes the workshop file (release, capture) the baseline
does the same write with raw sqlite3 (WAL, synchronous=FULL, one transaction).

Machines here are noisy: read the ratios (pofacil / baseline) from one run, not absolute times.
Nothing is asserted; ``--profile`` adds a cProfile of pofacil's pan and drag frames.
"""

from __future__ import annotations

import argparse
import atexit
import cProfile
import gc
import io
import json
import math
import os
import platform
import pstats
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# MainWindow remembers recent files in QSettings: keep the benchmark's out of the user's.
_SETTINGS_DIR = tempfile.mkdtemp(prefix="pofacil-bench-settings-")
os.environ["XDG_CONFIG_HOME"] = _SETTINGS_DIR
atexit.register(shutil.rmtree, _SETTINGS_DIR, ignore_errors=True)

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import QRectF, Qt, qInstallMessageHandler, qVersion
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsTextItem,
    QGraphicsView,
)
from workshop_texts import AUTHORS, CLUSTER_NAMES, KINDS, make_text

from pofacil.board import ops
from pofacil.board.formats.fonts import missing_glyphs
from pofacil.board.model import NOTE_H, NOTE_W
from pofacil.board.model.kinds import KIND_BY_ID
from pofacil.board.session import Session
from pofacil.ui.document import Document
from pofacil.ui.fonts import install_app_font
from pofacil.ui.main_window import MainWindow
from pofacil.ui.scene import BoardScene
from pofacil.ui.view import BoardView

VIEW_W, VIEW_H = 1280, 800
STEP_X, STEP_Y = 180.0, 120.0  # grid spacing; notes are NOTE_W x NOTE_H (160 x 100)
ORIGIN = 40.0
DRAGGED = 50
DRAG_ROUNDS = 3
CAPTURES = 30
MIN_CAPTURES = 8
PAN_STEP_PX = 4  # screen px per pan frame
PAN_SPAN_PX = 64  # the pan goes back and forth over this many screen px
DRAG_STEP_PX = 4  # screen px per drag frame
CHUNK = 5  # frames of one rig before switching to the other
BG = QColor("#F8F9FA")

CAPTURE_TEXTS = ["志工保險要補足", "晚上也要有窗口", "表單改成一張就好", "公車班次太少",
                 "長輩不會用手機預約", "里民大會可以先說明"]


# -- the board -------------------------------------------------------------------------------
@dataclass
class Layout:
    cols: int
    rows: int
    texts: list[str]
    authors: list[str]
    kinds: list[str]
    clusters: list[list[int]]  # note indexes per cluster: 5 side by side in a row
    links: list[tuple[int, int]]  # (source, target) note indexes

    def pos(self, i: int) -> tuple[float, float]:
        return ORIGIN + (i % self.cols) * STEP_X, ORIGIN + (i // self.cols) * STEP_Y


def make_layout(n: int) -> Layout:
    """The same board for the same n, in every process (seeded)."""
    rng = random.Random(n)
    # The grid's aspect is the view's, so a fitted view shows it edge to edge.
    cols = math.ceil(math.sqrt(n * (VIEW_W / VIEW_H) * STEP_Y / STEP_X))
    rows = math.ceil(n / cols)
    texts = [make_text(rng) for _ in range(n)]
    authors = [rng.choice(AUTHORS) for _ in range(n)]
    kinds = [rng.choice(KINDS) for _ in range(n)]
    clusters = []
    for r in range(0, rows, 4):  # every 4th row, a cluster of 5 every 25 columns: 5%
        for c in range((r * 7) % 25, cols - 4, 25):
            members = [r * cols + c + k for k in range(5)]
            if members[-1] < n:
                clusters.append(members)
    links = [(i, i + cols + 1) for i in range(7, n, 20)
             if i + cols + 1 < n and (i % cols) + 1 < cols]
    return Layout(cols, rows, texts, authors, kinds, clusters, links)


@dataclass
class Built:
    session: Session
    board_id: str
    note_ids: list[str]
    seconds: float


def build_workshop(folder: Path, layout: Layout) -> Built:
    start = time.perf_counter()
    session = Session.create(folder / f"bench-{len(layout.texts)}.pofacil",
                             boards=[("blank", "全體")])
    board_id = session.workshop.ordered_boards()[0].id
    specs = []
    for i, text in enumerate(layout.texts):
        x, y = layout.pos(i)
        specs.append(ops.NoteSpec(text, kind=layout.kinds[i], author=layout.authors[i], x=x, y=y))
    session.do(ops.add_notes(session.workshop, board_id, specs, label="import"))
    ids = [s.id for s in specs]
    for k, members in enumerate(layout.clusters):
        session.do(ops.cluster_notes(session.workshop, [ids[m] for m in members],
                                     CLUSTER_NAMES[k % len(CLUSTER_NAMES)]))
    for source, target in layout.links:
        session.do(ops.link_notes(session.workshop, ids[source], ids[target],
                                  "child" if source % 40 == 7 else "link"))
    return Built(session, board_id, ids, time.perf_counter() - start)


def raw_db(path: Path, layout: Layout) -> sqlite3.Connection:
    """What the baseline writes: the same notes in one plain table, same durability."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE notes (id TEXT PRIMARY KEY, text TEXT, kind TEXT, author TEXT, "
                 "x REAL, y REAL, w REAL, h REAL)")
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO notes VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     ((f"n{i}", t, layout.kinds[i], layout.authors[i], *layout.pos(i),
                       NOTE_W, NOTE_H) for i, t in enumerate(layout.texts)))
    conn.execute("COMMIT")
    return conn


# -- the two rigs ------------------------------------------------------------------------------
def rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # peak, not current


def text_font() -> QFont:
    font = QFont(QApplication.font())
    font.setPixelSize(16)
    return font


class BareView(QGraphicsView):
    """A plain view with the same render hints, update mode and background as BoardView."""

    def __init__(self) -> None:
        super().__init__()
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)


def bare_note(x: float, y: float, text: str, kind: str, font: QFont) -> QGraphicsRectItem:
    rect = QGraphicsRectItem(0, 0, NOTE_W, NOTE_H)
    rect.setPos(x, y)
    rect.setBrush(QColor(KIND_BY_ID[kind].color))
    rect.setPen(QPen(QColor(0, 0, 0, 90), 1))
    rect.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsMovable
                  | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
    rect.setZValue(10)
    label = QGraphicsTextItem(text, rect)
    label.setFont(font)
    label.setTextWidth(NOTE_W - 8)
    label.setPos(4, 4)
    return rect


class Rig:
    name = ""
    scene: QGraphicsScene
    view: QGraphicsView
    movable: list[QGraphicsItem]  # note items, in the layout's order

    def release(self, items: list[QGraphicsItem]) -> float:
        """Commit a drag of ``items``; return the seconds it took."""
        raise NotImplementedError

    def settle(self) -> None:
        QApplication.processEvents()

    def frame(self, action: Callable[[], None]) -> tuple[float, float]:
        """One frame: the input's work, then a synchronous repaint of the whole viewport.

        Events left by the previous frame (Qt's own deferred partial update) run first,
        untimed, so no frame pays for two paints."""
        QApplication.processEvents()
        start = time.perf_counter()
        action()
        middle = time.perf_counter()
        self.view.viewport().repaint()
        end = time.perf_counter()
        return end - start, end - middle


def show_view(view: QGraphicsView, fit: Callable[[], None]) -> None:
    view.resize(VIEW_W, VIEW_H)
    view.show()
    QApplication.processEvents()
    fit()
    # Let the view scroll a little around the fitted board, as it can on a real, larger board.
    bounds = view.scene().itemsBoundingRect()
    scale = view.transform().m11()
    margin = 2 * PAN_SPAN_PX / scale
    view.setSceneRect(bounds.adjusted(-margin, -margin, margin, margin))
    view.centerOn(bounds.center())
    QApplication.processEvents()


class PofacilRig(Rig):
    name = "pofacil"
    scene: BoardScene
    view: BoardView

    def __init__(self, built: Built, layout: Layout) -> None:
        self.document = Document(built.session)
        self.scene = BoardScene(self.document)
        self.scene.set_board(built.board_id)
        self.view = BoardView()
        self.view.setScene(self.scene)
        self.movable = [self.scene.notes[i] for i in built.note_ids]
        self.fit_note = ""

        def fit() -> None:
            self.view.fit()
            if visible_count(self.view, self.movable) < len(self.movable):
                # BoardView.fit() stops zooming out at MIN_SCALE; show all, as asked.
                self.fit_note = (f"view.fit() stops at scale {self.view.scale_factor():.3f} "
                                 f"(MIN_SCALE), which shows "
                                 f"{visible_count(self.view, self.movable)} of "
                                 f"{len(self.movable)} notes; fitInView() used instead")
                rect = self.scene.itemsBoundingRect().adjusted(-40, -40, 40, 40)
                self.view.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)

        show_view(self.view, fit)

    def release(self, items: list[QGraphicsItem]) -> float:
        positions = {i.note.id: (i.pos().x(), i.pos().y()) for i in items}  # type: ignore
        start = time.perf_counter()
        change = self.document.apply(ops.move_notes, positions)
        end = time.perf_counter()
        assert change is not None, "the move was refused"
        return end - start

    def detach(self) -> None:
        self.view.hide()
        self.view.setScene(None)  # type: ignore[arg-type]
        self.scene.detach()


class BaselineRig(Rig):
    name = "baseline"

    def __init__(self, layout: Layout, conn: sqlite3.Connection | None,
                 transform_from: QGraphicsView | None) -> None:
        self.conn = conn
        self.font = text_font()
        self.scene = QGraphicsScene()
        self.scene.setBackgroundBrush(BG)
        self.movable = []
        for i, text in enumerate(layout.texts):
            item = bare_note(*layout.pos(i), text, layout.kinds[i], self.font)
            self.scene.addItem(item)
            self.movable.append(item)
        self.view = BareView()
        self.view.setScene(self.scene)
        self.added = 0

        def fit() -> None:
            if transform_from is not None:  # exactly pofacil's zoom
                self.view.setTransform(transform_from.transform())
            else:
                rect = self.scene.itemsBoundingRect().adjusted(-40, -40, 40, 40)
                self.view.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)

        show_view(self.view, fit)

    def release(self, items: list[QGraphicsItem]) -> float:
        assert self.conn is not None
        rows = [(i.pos().x(), i.pos().y(), f"n{self.movable.index(i)}") for i in items]
        start = time.perf_counter()
        self.conn.execute("BEGIN")
        self.conn.executemany("UPDATE notes SET x = ?, y = ? WHERE id = ?", rows)
        self.conn.execute("COMMIT")
        return time.perf_counter() - start

    def capture(self, text: str, author: str, x: float, y: float) -> None:
        assert self.conn is not None
        self.added += 1
        self.conn.execute("BEGIN")
        self.conn.execute("INSERT INTO notes VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                          (f"c{self.added}", text, "idea", author, x, y, NOTE_W, NOTE_H))
        self.conn.execute("COMMIT")
        item = bare_note(x, y, text, "idea", self.font)
        self.scene.addItem(item)
        self.view.ensureVisible(item, 40, 40)


def visible_count(view: QGraphicsView, notes: list[QGraphicsItem]) -> int:
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    return sum(shown.contains(n.sceneBoundingRect().adjusted(2, 2, -8, -8)) for n in notes)


# -- measuring ------------------------------------------------------------------------------
@dataclass
class Frames:
    total: list[float]
    paint: list[float]

    @classmethod
    def empty(cls) -> Frames:
        return cls([], [])


def interleaved(rigs: list[Rig], make_action: Callable[[Rig, int], Callable[[], None]],
                frames: int, budget: float = math.inf) -> dict[str, Frames]:
    """``frames`` frames per rig, CHUNK at a time, alternating which rig goes first; fewer
    (whole chunks, at least one) when ``budget`` seconds run out."""
    out = {r.name: Frames.empty() for r in rigs}
    done = 0
    flip = False
    began = time.perf_counter()
    while done < frames and (done == 0 or time.perf_counter() - began < budget):
        n = min(CHUNK, frames - done)
        for rig in (rigs[::-1] if flip else rigs):
            for k in range(done, done + n):
                total, paint = rig.frame(make_action(rig, k))
                out[rig.name].total.append(total)
                out[rig.name].paint.append(paint)
        done += n
        flip = not flip
    return out


def pan_action(rig: Rig, k: int) -> Callable[[], None]:
    """Back and forth over PAN_SPAN_PX screen px, horizontally and a little vertically."""
    span = PAN_SPAN_PX // PAN_STEP_PX
    phase = k % (2 * span)
    sign = 1 if phase < span else -1
    h, v = rig.view.horizontalScrollBar(), rig.view.verticalScrollBar()

    def act() -> None:
        h.setValue(h.value() + sign * PAN_STEP_PX)
        if k % 2:
            v.setValue(v.value() + sign * PAN_STEP_PX // 2)

    return act


def drag_block(layout: Layout) -> list[int]:
    """50 notes in a 10 x 5 block around the cluster nearest the board's middle."""
    middle = (layout.rows // 2) * layout.cols + layout.cols // 2
    cluster = min(layout.clusters, key=lambda m: abs(m[0] - middle))
    row0, col0 = cluster[0] // layout.cols, cluster[0] % layout.cols
    row0 = max(0, min(row0 - 2, layout.rows - 6))
    col0 = max(0, min(col0 - 2, layout.cols - 10))
    return [(row0 + r) * layout.cols + col0 + c for r in range(5) for c in range(10)]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


def ms(seconds: float) -> float:
    return seconds * 1000


# -- printing ---------------------------------------------------------------------------------
def verdict(ours: float, base: float, limit: float | None, ratio_limit: float | None) -> str:
    parts = []
    if limit is not None:
        parts.append("met" if ours <= limit else "MISSED")
    if ratio_limit is not None:
        parts.append("met" if ours <= ratio_limit * base else "MISSED")
    return "/".join(parts) if parts else ""


def row(what: str, ours: float, base: float, unit: str, goal: str = "",
        limit: float | None = None, ratio_limit: float | None = None) -> None:
    ratio = ours / base if base else float("inf")
    print(f"  {what:<34} pofacil {ours:>9.2f} {unit:<3} baseline {base:>9.2f} {unit:<3} "
          f"ratio {ratio:>6.2f}x  {goal:<24} {verdict(ours, base, limit, ratio_limit)}")


def frames_rows(label: str, res: dict[str, Frames], limit: float | None) -> None:
    ours, base = res["pofacil"], res["baseline"]
    goal = "<= 1.5x baseline"
    row(f"{label} median", ms(statistics.median(ours.total)),
        ms(statistics.median(base.total)), "ms", goal, None, 1.5)
    goal = f"p95 <= {limit:g} ms, <= 1.5x" if limit is not None else "<= 1.5x baseline"
    row(f"{label} p95", ms(pct(ours.total, 0.95)), ms(pct(base.total, 0.95)), "ms", goal,
        limit, 1.5)
    row("  of which repaint() (median)", ms(statistics.median(ours.paint)),
        ms(statistics.median(base.paint)), "ms")
    row("  of which input work (median)",
        ms(statistics.median(a - b for a, b in zip(ours.total, ours.paint))),
        ms(statistics.median(a - b for a, b in zip(base.total, base.paint))), "ms")


# -- one board size ---------------------------------------------------------------------------
def frame_goal(n: int) -> float:
    return 16.0 if n <= 1000 else 33.0


def run_size(folder: Path, n: int, frames: int, budget: float, profile: bool) -> None:
    layout = make_layout(n)
    built = build_workshop(folder, layout)
    conn = raw_db(folder / f"raw-{n}.sqlite", layout)
    distinct = len(set(layout.texts))
    missing = set().union(*(missing_glyphs(t) for t in layout.texts))
    print(f"\n== {n} notes: {layout.cols} x {layout.rows} grid, {len(layout.clusters)} clusters "
          f"of 5 ({5 * len(layout.clusters)} notes), {len(layout.links)} links, "
          f"{distinct} distinct texts of {min(map(len, layout.texts))}-"
          f"{max(map(len, layout.texts))} chars"
          f"{'' if not missing else ', MISSING GLYPHS ' + ''.join(sorted(missing))}; "
          f"workshop built in {built.seconds:.1f} s")

    ours = PofacilRig(built, layout)
    base = BaselineRig(layout, conn, transform_from=ours.view)
    rigs: list[Rig] = [ours, base]
    if ours.fit_note:
        print(f"  note: {ours.fit_note}")
    print(f"  view {VIEW_W}x{VIEW_H} (viewport {ours.view.viewport().width()}x"
          f"{ours.view.viewport().height()}), scale {ours.view.transform().m11():.3f}; notes "
          f"fully in view: pofacil {visible_count(ours.view, ours.movable)}, baseline "
          f"{visible_count(base.view, base.movable)} of {n}")

    # Warm up: first paints fill glyph caches, the fitted-size cache and the scene index.
    interleaved(rigs, pan_action, 2)

    pan = interleaved(rigs, pan_action, frames, budget)
    print(f"  -- pan: {len(pan['pofacil'].total)} frames each, {PAN_STEP_PX} screen px a "
          f"frame, every frame a full synchronous repaint")
    frames_rows("pan frame", pan, frame_goal(n))

    block = drag_block(layout)
    clustered = sum(any(i in m for m in layout.clusters) for i in block)
    linked = sum(i in {x for link in layout.links for x in link} for i in block)
    per_round = max(CHUNK, frames // DRAG_ROUNDS)
    drag = {r.name: Frames.empty() for r in rigs}
    releases: dict[str, list[float]] = {r.name: [] for r in rigs}
    for rnd in range(DRAG_ROUNDS):
        sign = 1 if rnd % 2 == 0 else -1
        for rig in rigs:
            rig.scene.clearSelection()
            for i in block:
                rig.movable[i].setSelected(True)
            rig.settle()
        step = DRAG_STEP_PX / ours.view.transform().m11()

        def drag_action(rig: Rig, k: int, sign: int = sign,
                        step: float = step) -> Callable[[], None]:
            return partial(move_all, [rig.movable[i] for i in block], sign * step,
                           sign * step / 2)

        res = interleaved(rigs, drag_action, per_round, budget / DRAG_ROUNDS)
        for rig in rigs:
            drag[rig.name].total += res[rig.name].total
            drag[rig.name].paint += res[rig.name].paint
            releases[rig.name].append(rig.release([rig.movable[i] for i in block]))
            rig.settle()
    for rig in rigs:
        rig.scene.clearSelection()
    print(f"  -- drag {DRAGGED} notes ({clustered} in clusters, {linked} linked): "
          f"{DRAG_ROUNDS} drags, {len(drag['pofacil'].total)} frames each rig, "
          f"{DRAG_STEP_PX} screen px a frame")
    frames_rows("drag frame", drag, frame_goal(n))
    row("release: move_notes via apply (med)", ms(statistics.median(releases["pofacil"])),
        ms(statistics.median(releases["baseline"])), "ms", "(baseline: raw UPDATE)")

    if profile:
        profile_frames(ours, block, frames, n)

    # Capture-to-paint in the real main window (its own Document and scene on this session).
    ours.detach()
    del ours
    gc.collect()
    window = MainWindow(built.session)
    window.show()
    QApplication.processEvents()  # the window's deferred view.fit()
    QApplication.processEvents()
    view = window.view
    base.view.setSceneRect(QRectF())  # follow the scene again, so captures below can be seen
    base.view.resize(view.size())
    base.view.setTransform(view.transform())
    QApplication.processEvents()
    scene = window.scene
    assert scene is not None
    captures: dict[str, list[float]] = {"pofacil": [], "baseline": []}
    capture_calls: dict[str, list[float]] = {"pofacil": [], "baseline": []}
    authors = [a for a in AUTHORS if a]
    began = time.perf_counter()
    for k in range(CAPTURES + 2):
        if k >= 2 + MIN_CAPTURES and time.perf_counter() - began > budget:
            break
        text = f"{CAPTURE_TEXTS[k % len(CAPTURE_TEXTS)]}（{k + 1}）"
        author = authors[k % len(authors)]
        before = set(scene.notes)
        QApplication.processEvents()
        start = time.perf_counter()
        window.capture_note(author, text)
        middle = time.perf_counter()
        view.viewport().repaint()
        took = time.perf_counter() - start
        new = set(scene.notes) - before
        assert len(new) == 1, "the capture did not add a note"
        note = scene.notes[new.pop()].note
        base_took, base_paint = base.frame(partial(base.capture, text, author, note.x, note.y))
        if k >= 2:  # the first two scroll the view to the end of the board: warm-up
            captures["pofacil"].append(took)
            captures["baseline"].append(base_took)
            capture_calls["pofacil"].append(middle - start)
            capture_calls["baseline"].append(base_took - base_paint)
    print(f"  -- capture-to-paint: {len(captures['pofacil'])} captures in MainWindow "
          f"(window {window.width()}x{window.height()}, viewport {view.viewport().width()}x"
          f"{view.viewport().height()}, scale {view.transform().m11():.3f}); baseline: "
          f"raw INSERT + add item + same repaint")
    row("capture-to-paint median", ms(statistics.median(captures["pofacil"])),
        ms(statistics.median(captures["baseline"])), "ms", "<= 50 ms", 50.0)
    row("capture-to-paint p95", ms(pct(captures["pofacil"], 0.95)),
        ms(pct(captures["baseline"], 0.95)), "ms")
    row("  of which capture_note() (median)", ms(statistics.median(capture_calls["pofacil"])),
        ms(statistics.median(capture_calls["baseline"])), "ms")

    window.close()  # detaches its scene and closes the session
    window.deleteLater()
    base.view.hide()
    base.view.setScene(None)  # type: ignore[arg-type]
    QApplication.processEvents()
    conn.close()


def move_all(items: list[QGraphicsItem], dx: float, dy: float) -> None:
    for item in items:
        item.moveBy(dx, dy)


def profile_frames(ours: PofacilRig, block: list[int], frames: int, n: int) -> None:
    """cProfile pofacil's own frames: where the Python time of a pan and a drag frame goes."""
    for label in ("pan", "drag"):
        ours.scene.clearSelection()
        picked = [ours.movable[i] for i in block]
        if label == "drag":
            for item in picked:
                item.setSelected(True)
        step = DRAG_STEP_PX / ours.view.transform().m11()
        count = 5
        profiler = cProfile.Profile()
        start = time.perf_counter()
        profiler.enable()
        for k in range(count):
            if label == "pan":
                ours.frame(pan_action(ours, k))
            else:
                ours.frame(partial(move_all, picked, step, step / 2))
        profiler.disable()
        took = time.perf_counter() - start
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("tottime").print_stats(14)
        print(f"  -- cProfile, pofacil {label} frames at {n} notes: {count} frames in "
              f"{took:.2f} s ({ms(took) / count:.1f} ms a frame with the profiler on); "
              f"top functions by own time:")
        lines = out.getvalue().splitlines()
        start_at = next(i for i, line in enumerate(lines) if "ncalls" in line)
        for line in lines[start_at:]:
            if line.strip():
                print("     " + line.replace(str(Path.cwd()) + "/", "")[:150])
        ours.scene.clearSelection()


# -- memory, one process per rig ----------------------------------------------------------------
def memory_probe(rig: str, n: int) -> None:
    """Build the n-note board in this fresh process (only one rig) and print RSS figures."""
    app = QApplication.instance()
    assert app is not None
    gc.collect()
    start = rss_mb()
    layout = make_layout(n)
    with tempfile.TemporaryDirectory() as tmp:
        if rig == "pofacil":
            built = build_workshop(Path(tmp), layout)
            gc.collect()
            model = rss_mb()
            keep: Rig = PofacilRig(built, layout)
        else:
            model = start
            keep = BaselineRig(layout, None, None)
        keep.view.viewport().repaint()
        QApplication.processEvents()
        gc.collect()
        loaded = rss_mb()
        print(json.dumps({"start": start, "model": model, "loaded": loaded}))
        if rig == "pofacil":
            assert isinstance(keep, PofacilRig)
            keep.detach()
            built.session.close()


def measure_memory(n: int) -> None:
    figures = {}
    for rig in ("pofacil", "baseline"):
        proc = subprocess.run([sys.executable, __file__, "--memory-probe", rig, "--sizes", str(n)],
                              capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            print(f"  memory probe for {rig} failed:\n{proc.stderr}")
            return
        figures[rig] = json.loads(proc.stdout.strip().splitlines()[-1])
    ours, base = figures["pofacil"], figures["baseline"]
    print(f"\n== memory with {n} notes: each rig built in its own fresh process (same imports, "
          f"QApplication and font), VmRSS after the board is shown and painted once")
    row("resident set size", ours["loaded"], base["loaded"], "MB", "<= 400 MB", 400.0)
    row("growth over the empty process", ours["loaded"] - ours["start"],
        base["loaded"] - base["start"], "MB")
    print(f"  (pofacil: process {ours['start']:.0f} MB before, {ours['model']:.0f} MB with the "
          f"workshop model loaded, {ours['loaded']:.0f} MB with scene and view; baseline: "
          f"{base['start']:.0f} MB before)")


def none_leak_per_call() -> float:
    """How many references to None one void Qt call loses (PySide6 6.12.0 on Python 3.11: 1)."""
    font = QFont()
    before = sys.getrefcount(None)
    for _ in range(1000):
        font.setPixelSize(12)
    return (before - sys.getrefcount(None)) / 1000


def guard_none_refcount() -> str:
    """Keep None alive despite a binding that drops a reference to it on every void call.

    On Python < 3.12 None is refcounted; when its count reaches 0 the interpreter aborts with
    "none_dealloc: deallocating None". NoteItem.paint makes ~16 void calls per note, so a
    board of a few hundred notes dies on its first repaints. Padding the count by 2**40 lets
    the benchmark measure; the app itself has no such pad.
    """
    leak = none_leak_per_call()
    if leak <= 0 or sys.version_info >= (3, 12):
        return ""
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
    return (f"WARNING: PySide6 {PYSIDE_VERSION} on Python {platform.python_version()} loses "
            f"{leak:.2f} reference to None per void Qt call (e.g. QFont.setPixelSize); the app "
            f"aborts with 'Fatal Python error: none_dealloc' once None's count (~"
            f"{sys.getrefcount(None) - (1 << 40)} here) is used up. This run pads None's "
            f"count so it can measure.")


def qt_message(kind: object, context: object, message: str) -> None:
    if "propagateSizeHints" not in message:  # the offscreen platform's harmless complaint
        print(message, file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--frames", type=int, default=40,
                        help="frames per rig for the pan and for the drag (default 40)")
    parser.add_argument("--budget", type=float, default=20.0,
                        help="seconds at most (roughly) for each of pan, drag and capture at "
                             "each size; fewer frames are taken when they run out (default 20)")
    parser.add_argument("--profile", action="store_true",
                        help="also cProfile pofacil's pan and drag frames")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory probes")
    parser.add_argument("--memory-probe", choices=["pofacil", "baseline"],
                        help=argparse.SUPPRESS)  # internal: one rig in a fresh process
    args = parser.parse_args()

    qInstallMessageHandler(qt_message)
    app = QApplication(sys.argv[:1])
    install_app_font(app)
    warning = guard_none_refcount()
    if args.memory_probe:
        memory_probe(args.memory_probe, max(args.sizes))
        return

    began = time.perf_counter()
    print(f"pofacil board benchmark: Qt {qVersion()}, PySide6 {PYSIDE_VERSION}, Python "
          f"{platform.python_version()}, {os.environ['QT_QPA_PLATFORM']}, {os.cpu_count()} CPUs; "
          f"font {QApplication.font().family()}")
    if warning:
        print(warning)
    print("Ratios are pofacil / baseline, measured in this run; goals from the issue. A frame "
          "is the input's work (scroll, or moveBy on 50 notes) plus a synchronous\n"
          "viewport().repaint() of the whole view; pending events run untimed between frames. "
          "Every paint is a full repaint, the worst case.")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            run_size(Path(tmp), n, args.frames, args.budget, args.profile)
            gc.collect()
    if not args.no_memory:
        measure_memory(max(args.sizes))
    print(f"total {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
