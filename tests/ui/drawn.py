"""What the screen and the PDF actually draw, read back from each side, for the parity tests.

The screen side is read off the real scene's items (their ``sceneBoundingRect()`` less what
each paints outside its shape); the PDF side is read off the page's content stream: every
filled-and-stroked path, stroked path and text position drawn inside the board's transform,
turned back into board pixels with the page transform the export reports. Neither side asks
``pofacil.board.geometry``: a copy that diverges on one side shows up as a mismatch.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ContentStream
from PySide6.QtCore import QRectF

from pofacil.board import ops
from pofacil.board.formats.pdf.export import PageTransform, export_pdf
from pofacil.board.model.kinds import KIND_BY_ID
from pofacil.board.ops.boards import set_collapsed
from pofacil.board.session import Session
from pofacil.ui import items
from pofacil.ui.document import Document
from pofacil.ui.items import cluster, link, note
from pofacil.ui.scene import BoardScene

Box = tuple[float, float, float, float]  # x, y, w, h in board pixels
TOLERANCE = 0.5


def box(rect: QRectF) -> Box:
    return (rect.x(), rect.y(), rect.width(), rect.height())


def close(a: Box, b: Box, tol: float = TOLERANCE) -> bool:
    return all(abs(p - q) <= tol for p, q in zip(a, b, strict=True))


def unmatched(left: list[Box], right: list[Box]) -> tuple[list[Box], list[Box]]:
    """The boxes of each side with no partner within the tolerance on the other, one to one."""
    rest = sorted(right)
    lonely = []
    for a in sorted(left):
        hit = next((i for i, b in enumerate(rest) if close(a, b)), None)
        if hit is None:
            lonely.append(a)
        else:
            rest.pop(hit)
    return lonely, rest


# -- the screen ----------------------------------------------------------------------------------
@dataclass
class Screen:
    notes: dict[str, Box] = field(default_factory=dict)
    text: dict[str, tuple[float, float]] = field(default_factory=dict)  # note id: top left
    badges: list[Box] = field(default_factory=list)
    frames: list[Box] = field(default_factory=list)
    titles: list[tuple[float, float]] = field(default_factory=list)  # left, vertical center
    lines: list[Box] = field(default_factory=list)
    arrows: list[list[tuple[float, float]]] = field(default_factory=list)
    grid: list[Box] = field(default_factory=list)  # cells and headers
    # The same boxes by part: "cells", "columns", "rows", "groups".
    grid_parts: dict[str, list[Box]] = field(default_factory=dict)


def screen_of(session: Session, board_id: str) -> Screen:
    """Build the real scene for a board (as the window and the PNG export do) and read it."""
    document = Document(session)
    scene = BoardScene(document)
    try:
        scene.set_board(board_id)
        out = Screen()
        for nid, item in scene.notes.items():
            if not item.isVisible():
                continue
            out.notes[nid] = box(item.sceneBoundingRect().marginsRemoved(note.BLEED))
            out.text[nid] = (
                item.mapToScene(item.text_box().topLeft()).x(),
                item.mapToScene(item.text_box().topLeft()).y(),
            )
            if item.hidden_below:
                out.badges.append(box(item.mapRectToScene(item.badge_rect())))
        for frame in scene.clusters.values():
            if frame.isVisible():
                b = cluster.BLEED
                out.frames.append(box(frame.sceneBoundingRect().adjusted(b, b, -b, -b)))
                title = frame.mapRectToScene(frame.title_rect())
                out.titles.append((title.x(), title.center().y()))
        for line in scene.links.values():
            if line.isVisible():
                b = link.BLEED
                out.lines.append(box(line.sceneBoundingRect().adjusted(b, b, -b, -b)))
                arrow = line.arrow()
                if arrow is not None:
                    out.arrows.append(sorted((p.x(), p.y()) for p in arrow))
        grid = scene.grid_item
        if isinstance(grid, items.GridItem):
            geo = grid.geometry
            out.grid = [(r.x, r.y, r.w, r.h) for r in geo.cells.values()]
            out.grid += [(r.x, r.y, r.w, r.h) for _, r in geo.columns + geo.rows + geo.groups]
            out.grid_parts = {
                "cells": [(r.x, r.y, r.w, r.h) for r in geo.cells.values()],
                **{
                    name: [(r.x, r.y, r.w, r.h) for _, r in part]
                    for name, part in (
                        ("columns", geo.columns),
                        ("rows", geo.rows),
                        ("groups", geo.groups),
                    )
                },
            }
        return out
    finally:
        scene.detach()
        scene.deleteLater()
        document.deleteLater()


# -- the PDF -------------------------------------------------------------------------------------
@dataclass
class Paper:
    boxes: list[Box] = field(default_factory=list)  # filled and stroked paths, in order
    strokes: list[Box] = field(default_factory=list)  # stroked-only paths (links)
    fills: list[list[tuple[float, float]]] = field(default_factory=list)  # fill-only (arrows)
    # Every text position: (x, baseline y, size), board pixels, in drawing order, with the
    # index of the last box drawn before it (to tell which note a text belongs to).
    texts: list[tuple[float, float, float, int]] = field(default_factory=list)


def _mul(m: list[float], n: list[float]) -> list[float]:
    """m then n, PDF matrices [a b c d e f]."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return [
        a * A + b * C,
        a * B + b * D,
        c * A + d * C,
        c * B + d * D,
        e * A + f * C + E,
        e * B + f * D + F,
    ]


_NUMERIC = {b"cm", b"m", b"l", b"c", b"v", b"y", b"re", b"Tm"}


def paper_of(pdf: Path, page: int, tf: PageTransform) -> Paper:
    """What page ``page`` (0-based) draws inside the board's flipped transform."""
    reader = PdfReader(pdf)
    content = ContentStream(reader.pages[page].get_contents(), reader)
    ctm = [1.0, 0, 0, 1.0, 0, 0]
    stack: list[list[float]] = []
    path: list[tuple[float, float]] = []
    size = 0.0
    placed: tuple[float, float, float] | None = None  # a text matrix set, no text shown yet
    out = Paper()

    def to_board(x: float, y: float) -> tuple[float, float]:
        a, b, c, d, e, f = ctm
        px, py = a * x + c * y + e, b * x + d * y + f
        return tf.board_x + (px - tf.left) / tf.scale, tf.board_y + (tf.top - py) / tf.scale

    def bbox() -> Box:
        xs, ys = [p[0] for p in path], [p[1] for p in path]
        return (min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))

    for operands, op in content.operations:
        nums = [float(v) for v in operands] if op in _NUMERIC else []
        board = ctm[3] < 0  # only the board is drawn with y flipped
        if op == b"q":
            stack.append(ctm)
        elif op == b"Q":
            ctm = stack.pop()
        elif op == b"cm":
            ctm = _mul(nums, ctm)
        elif op in (b"m", b"l"):
            path.append(to_board(*nums))
        elif op in (b"c", b"v", b"y"):
            path.extend(to_board(nums[i], nums[i + 1]) for i in range(0, len(nums), 2))
        elif op == b"re":
            x, y, w, h = nums
            path.extend([to_board(x, y), to_board(x + w, y + h)])
        elif op in (b"B", b"B*", b"b", b"b*"):
            if board:
                out.boxes.append(bbox())
            path = []
        elif op in (b"S", b"s"):
            if board:
                out.strokes.append(bbox())
            path = []
        elif op in (b"f", b"f*", b"F"):
            if board:
                out.fills.append(sorted(path))
            path = []
        elif op == b"n":
            path = []
        elif op == b"Tf":
            size = float(operands[1])
        elif op == b"Tm" and board and nums[3] < 0:  # reportlab opens each text at 0, 0
            placed = (*to_board(nums[4], nums[5]), abs(nums[3]))
        elif op in (b"Tj", b"TJ") and placed is not None:
            # The size is known only here: reportlab may set the font after the matrix.
            x, y, k = placed
            out.texts.append((x, y, size * k, len(out.boxes) - 1))
            placed = None
    return out


def export_page(session: Session, board_id: str, folder: Path) -> tuple[Path, PageTransform]:
    """The board fitted on one PDF page: the file and the page's transform."""
    report = export_pdf(
        session.workshop, folder / "parity.pdf", boards=[board_id], mode="fit", record=False
    )
    tf = report.page_info[0].transform
    assert tf is not None
    return report.path, tf


# -- boards to compare ---------------------------------------------------------------------------
WORDS = [*"開放政府聯絡人共識營議題脈絡資料治理跨部會協作民眾參與。", " PO", " data"]


def random_workshop(path: Path, seed: int, free_notes: int = 40, cell_notes: int = 60) -> Session:
    """A workshop with a free board (random sizes and places, clusters, a mind-map tree with a
    folded branch, free links, authors or none) and an issue-context table filled at random."""
    rng = random.Random(seed)
    session = Session.create(
        path, title="隨機", boards=[("blank", "自由"), ("issue-context", "表格")], actor="tester"
    )
    ws = session.workshop
    kinds = list(KIND_BY_ID)

    def text() -> str:
        return "".join(rng.choice(WORDS) for _ in range(rng.randint(1, 40))).strip() or "空"

    free = ws.find_board("自由").id
    specs = [
        ops.NoteSpec(
            text(),
            kind=rng.choice(kinds),
            x=rng.uniform(-800, 2400),
            y=rng.uniform(-600, 1600),
            author=rng.choice(["", "林志明", "Ann"]),
        )
        for _ in range(free_notes)
    ]
    ids = [s.id for s in specs]
    tree = [(ids[0], ids[i], "child") for i in (1, 2, 3)] + [
        (ids[1], ids[4], "child"),
        (ids[4], ids[5], "child"),
    ]
    loose = [(a, b, "link") for a, b in zip(ids[6:12], ids[12:18], strict=True)]
    session.do(ops.add_notes(ws, free, specs, tree + loose))
    for nid in rng.sample(ids, 8):
        session.do(ops.resize_note(ws, nid, rng.randint(60, 320), rng.randint(50, 240)))
    session.do(ops.cluster_notes(ws, ids[18:24], "人力"))
    session.do(ops.cluster_notes(ws, [*ids[24:27], ids[5]], "資源"))  # one member folded away
    session.do(set_collapsed(ws, [ids[1]], True))

    table = ws.find_board("表格")
    cells = [c.id for c in table.cells]
    session.do(
        ops.add_notes(
            ws,
            table.id,
            [
                ops.NoteSpec(text(), cell=rng.choice(cells), author=rng.choice(["", "王素琴"]))
                for _ in range(cell_notes)
            ],
        )
    )
    in_cells = [n.id for n in ws.board(table.id).live_notes()]
    session.do(ops.cluster_notes(ws, in_cells[:3], "同一群"))
    session.do(ops.delete_notes(ws, in_cells[-2:]))
    return session
