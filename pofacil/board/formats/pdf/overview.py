"""A table board's overview page: the whole grid at once, as a map of where the notes are.

The cells and the notes' slots are the screen's (``board_geometry``), scaled to the page; the
two axes may scale differently (up to ``MAX_STRETCH`` apart), since a table of 300 notes is
many times taller than wide and would otherwise be a thin strip. Labels and counts are sized
for paper, not from the board: they stay readable however small the board is scaled. Notes
are blocks of their kind's colour without words (the detail pages carry the words); cells
are shaded by their share of the busiest cell as the screen's heat view does, and the
busiest cells are named under the table.
"""

from __future__ import annotations

import colorsys
from dataclasses import dataclass, field

from reportlab.lib.colors import Color, HexColor
from reportlab.pdfgen.canvas import Canvas

from pofacil.board.geometry import style
from pofacil.board.geometry.grid import Rect
from pofacil.board.geometry.items import BoardGeometry
from pofacil.board.model import Board

from .page import LABELS, Area
from .plan import MAX_SCALE, PageTransform
from .table import GROUP_W, LABEL_PAD, ROW_W, label_of
from .text import FontText

LABEL_PT = 8.0
COUNT_PT = 8.0
BUSIEST_PT = 9.0
BUSIEST_H = 18.0
BUSIEST_TOP = 3  # cells named under the table
MAX_STRETCH = 4.0
GRID_LINE_PT = 0.6
HEAT_SATURATION = 0.3
BLOCK_INSET = 0.12  # of a slot's width and height: neighbouring blocks stay apart


@dataclass
class Overview:
    """The overview page of one table board, in PDF points."""

    transform: PageTransform  # board units to page, with its own vertical scale
    cells: dict[str, Area] = field(default_factory=dict)
    columns: list[tuple[str, str | None, Area]] = field(default_factory=list)  # label, kind
    rows: list[tuple[str, Area]] = field(default_factory=list)
    groups: list[tuple[str, Area]] = field(default_factory=list)
    blocks: list[tuple[str, Area]] = field(default_factory=list)  # fill colour, rectangle
    counts: dict[str, int] = field(default_factory=dict)
    busiest: str = ""


def _area(tf: PageTransform, r: Rect) -> Area:
    x0, y0 = tf.to_page(r.x, r.y)
    x1, y1 = tf.to_page(r.x + r.w, r.y + r.h)
    return Area(x0, y1, x1 - x0, y0 - y1)


def busiest_line(board: Board, counts: dict[str, int], language: str) -> str:
    """ "最多便利貼：PO制度／現在的認知（38）、…": the busiest cells, most notes first."""
    labels = LABELS[language]
    order = {c.id: i for i, c in enumerate(board.cells)}
    top = sorted((cid for cid, n in counts.items() if n), key=lambda c: (-counts[c], order[c]))
    parts = []
    for cid in top[:BUSIEST_TOP]:
        cell = next(c for c in board.cells if c.id == cid)
        row = label_of(cell.row, cell.row_en, language)
        column = label_of(cell.column, cell.column_en, language)
        if language == "zh":
            parts.append(f"{row}／{column}（{counts[cid]}）")
        else:
            parts.append(f"{row} / {column} ({counts[cid]})")
    return labels["busiest"] + labels["list_sep"].join(parts) if parts else ""


def plan_overview(
    board: Board, geo: BoardGeometry, text: FontText, area: Area, language: str
) -> Overview:
    grid = geo.grid
    assert grid is not None
    lh = text.line_height
    has_groups = bool(grid.groups)
    labels_w = ROW_W + (GROUP_W if has_groups else 0.0)
    head_h = 2 * lh * LABEL_PT + 2 * LABEL_PAD
    left = min(r.x for r in grid.cells.values())
    top = min(r.y for r in grid.cells.values())
    b = grid.bounds
    bw, bh = max(b.w - left, 1.0), max(b.h - top, 1.0)
    sx = (area.w - labels_w) / bw
    sy = (area.h - head_h - BUSIEST_H) / bh
    sx, sy = min(sx, sy * MAX_STRETCH, MAX_SCALE), min(sy, sx * MAX_STRETCH, MAX_SCALE)
    x0 = area.x + (area.w - labels_w - bw * sx) / 2 + labels_w
    y0 = area.top - head_h
    tf = PageTransform(sx, left, top, x0, y0, (area.x, area.y, area.w, area.h), scale_y=sy)
    ov = Overview(tf, counts=dict(grid.counts))
    ov.cells = {cid: _area(tf, r) for cid, r in grid.cells.items()}
    first = {c.ref.column: c for c in board.cells}
    by_row = {c.ref.row: c for c in board.cells}
    for cid, r in grid.columns:
        cell = first[cid]
        a = _area(tf, r)
        ov.columns.append(
            (label_of(cell.column, cell.column_en, language), cell.kind, Area(a.x, y0, a.w, head_h))
        )
    for rid, r in grid.rows:
        cell = by_row[rid]
        a = _area(tf, r)
        ov.rows.append(
            (label_of(cell.row, cell.row_en, language), Area(x0 - ROW_W, a.y, ROW_W, a.h))
        )
    for group, r in grid.groups:
        cell = next(c for c in board.cells if c.group == group)
        a = _area(tf, r)
        ov.groups.append(
            (label_of(cell.group, cell.group_en, language), Area(x0 - labels_w, a.y, GROUP_W, a.h))
        )
    for box in geo.notes:
        if box.note.cell in grid.cells:
            a = _area(tf, box.rect)
            dx, dy = a.w * BLOCK_INSET / 2, a.h * BLOCK_INSET / 2
            ov.blocks.append(
                (
                    style.kind_fill(box.note.kind),
                    Area(a.x + dx, a.y + dy, a.w - 2 * dx, a.h - 2 * dy),
                )
            )
    ov.busiest = text.clean(busiest_line(board, ov.counts, language))
    return ov


def heat(share: float) -> Color:
    """The screen's heat shading (QColor.fromHsvF(0.02, 0.55 * share, 1.0)), paler: at full
    strength it is the colour of an obstacle note, whose blocks would vanish in the busiest
    cell on paper."""
    return Color(*colorsys.hsv_to_rgb(0.02, HEAT_SATURATION * share, 1.0))


def draw_overview(c: Canvas, text: FontText, ov: Overview, area: Area) -> None:
    line = HexColor(style.GRID_LINE)
    busiest = max(ov.counts.values(), default=0) or 1
    c.saveState()
    c.setLineWidth(GRID_LINE_PT)
    c.setStrokeColor(line)
    for cid, a in ov.cells.items():
        c.setFillColor(heat(ov.counts.get(cid, 0) / busiest))
        c.rect(a.x, a.y, a.w, a.h, stroke=1, fill=1)
    for fill, a in ov.blocks:
        c.setFillColor(HexColor(fill))
        c.rect(a.x, a.y, a.w, a.h, stroke=0, fill=1)
    headers = [(a, style.kind_fill(kind, style.COLUMN_FILL), s) for s, kind, a in ov.columns]
    headers += [(a, style.ROW_FILL, s) for s, a in ov.rows]
    headers += [(a, style.GROUP_FILL, s) for s, a in ov.groups]
    for a, fill, label in headers:
        c.setFillColor(HexColor(fill))
        c.rect(a.x, a.y, a.w, a.h, stroke=1, fill=1)
        centered_label(c, text, a, text.clean(label), LABEL_PT)
    for cid, a in ov.cells.items():
        count = str(ov.counts.get(cid, 0))
        w = text.width(count, COUNT_PT) + 4
        h = COUNT_PT * text.line_height
        if a.h < h + 2:
            continue  # a sliver of an empty row: no room for a readable count
        c.setFillColor(HexColor("#FFFFFF"))
        c.roundRect(a.x + a.w - w - 2, a.y + 2, w, h, 2, stroke=0, fill=1)
        c.setFillColor(HexColor(style.COUNT_INK))
        c.setFont(text.name, COUNT_PT)
        c.drawRightString(
            a.x + a.w - 4, a.y + 2 + (text.line_height - text.ascent) * COUNT_PT, count
        )
    c.restoreState()
    if ov.busiest:
        c.setFillColor(HexColor(style.INK))
        c.setFont(text.name, BUSIEST_PT)
        c.drawString(area.x, area.y + 4, text.shorten(ov.busiest, area.w, BUSIEST_PT))


def centered_label(c: Canvas, text: FontText, a: Area, label: str, size: float) -> None:
    """``label`` wrapped and centered in ``a``; lines that do not fit end in an ellipsis. A
    header too thin for one line at ``size`` (an empty row beside full ones, on an overview)
    stays blank rather than print over its neighbours; the detail pages name every row."""
    if a.h < text.line_height * size:
        return
    inner_w = max(a.w - 2 * LABEL_PAD, size)
    inner_h = a.h - 2 * LABEL_PAD
    lines = text.wrap(label, inner_w, size)
    room = max(1, int((inner_h + 1e-6) // (text.line_height * size)))
    if len(lines) > room:
        lines = text.truncate(label, inner_w, max(inner_h, text.line_height * size), size)
    block = len(lines) * text.line_height * size
    top = a.y + a.h / 2 + block / 2
    c.setFillColor(HexColor(style.INK))
    c.setFont(text.name, size)
    for i, s in enumerate(lines):
        baseline = top - text.ascent * size - i * text.line_height * size
        c.drawCentredString(a.x + a.w / 2, baseline, s)
