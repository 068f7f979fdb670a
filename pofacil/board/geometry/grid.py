"""Where a grid board's cells and notes go: one geometry for the screen and for the PDF.

A note in a cell has no position of its own: cells flow their notes in rows in their order
(``seq``), a cell grows to hold what it has, and every cell of a row takes the height of the
row's fullest cell; all cells share one width, so rows and columns line up across the table.
A table whose template says so also gains note columns as it fills, so that the whole table
stays landscape rather than becoming a strip; its headers and counts then grow with it.
Below its notes each cell keeps a band for its count, which no note covers.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass, field

from pofacil.board.model import NOTE_H, NOTE_W, Board, Note, display_order

GAP = 12.0
PAD = 14.0
HEADER_H = 56.0
ROW_HEADER_W = 150.0
GROUP_W = 180.0  # holds 協作會議如何接地氣 on one line
COUNT_BAND = 26.0  # below a cell's notes: the count's own room, never covered by a note
# A table that grows ("fit") keeps the proportions of a landscape screen or page: between
# 4:3 and 16:9, aiming near a laptop's viewport.
ASPECT_LOW, ASPECT_HIGH, ASPECT_AIM = 4 / 3, 16 / 9, 1.6
MAX_PER_ROW = 60
BASE_PER_ROW = 2  # the cell width headers are drawn for at scale 1


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x <= self.x + self.w and self.y <= y <= self.y + self.h


@dataclass
class GridGeometry:
    """Rectangles of the headers and cells, and the slot of every note in a cell."""

    columns: list[tuple[str, Rect]] = field(default_factory=list)  # (column id, header)
    rows: list[tuple[str, Rect]] = field(default_factory=list)  # (row id, header)
    groups: list[tuple[str, Rect]] = field(default_factory=list)  # (group label, header)
    cells: dict[str, Rect] = field(default_factory=dict)
    notes: dict[str, tuple[float, float]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    # Headers, their labels and the counts are drawn this many times their base size, so a
    # table that has grown wide and is seen whole still shows readable labels.
    scale: float = 1.0
    per_row: int = BASE_PER_ROW  # notes side by side in every cell
    order: dict[str, list[str]] = field(default_factory=dict)  # cell -> note ids, in order

    @property
    def bounds(self) -> Rect:
        if not self.cells:
            return Rect(0, 0, 0, 0)
        right = max(r.x + r.w for r in self.cells.values())
        bottom = max(r.y + r.h for r in self.cells.values())
        return Rect(0, 0, right, bottom)

    def cell_at(self, x: float, y: float) -> str | None:
        return next((cid for cid, rect in self.cells.items() if rect.contains(x, y)), None)


def cell_width(per_row: int) -> float:
    return per_row * NOTE_W + (per_row - 1) * GAP + 2 * PAD


def grid_layout(board: Board, per_row: int = BASE_PER_ROW) -> GridGeometry:
    """The board's grid at the origin, ``per_row`` notes side by side in each cell; 0 lets
    the cells gain note columns as they fill, keeping the table landscape (see ASPECT_*)."""
    if not board.cells:
        return GridGeometry()
    members: dict[str, list[Note]] = {c.id: [] for c in board.cells}
    for note in board.live_notes():
        if note.cell in members:
            members[note.cell].append(note)
    for notes in members.values():
        notes.sort(key=display_order)
    if per_row > 0:
        return _layout(board, members, per_row, 1.0)
    per_row = fitting_per_row(board, {cid: len(notes) for cid, notes in members.items()})
    geo = _layout(board, members, per_row, header_scale(per_row))
    bounds = geo.bounds
    if bounds.w / bounds.h > ASPECT_HIGH:
        # One more note column would make it too tall: the rows take the height it lacks as
        # room below their notes, so the table is just inside 16:9 (not on it: rounding).
        extra = (bounds.w / (ASPECT_HIGH - 0.02) - bounds.h) / len(geo.rows)
        geo = _layout(board, members, per_row, header_scale(per_row), extra)
    return geo


def header_scale(per_row: int) -> float:
    return max(1.0, cell_width(per_row) / cell_width(BASE_PER_ROW))


def fitting_per_row(board: Board, counts: dict[str, int]) -> int:
    """Notes side by side in each cell that keep the table nearest ASPECT_AIM: computed from
    the row heights alone, so choosing costs the rows, not a layout per candidate."""
    fullest: dict[str, int] = {}
    for cell in board.cells:
        row = cell.ref.row
        fullest[row] = max(fullest.get(row, 0), counts.get(cell.id, 0))
    columns = len(board.column_ids())
    groups = any(c.group for c in board.cells)
    best, best_miss = BASE_PER_ROW, math.inf
    for k in range(BASE_PER_ROW, MAX_PER_ROW + 1):
        scale = header_scale(k)
        width = ((GROUP_W if groups else 0.0) + ROW_HEADER_W) * scale + columns * cell_width(k)
        height = HEADER_H * scale
        for most in fullest.values():
            lines = max(1, math.ceil(most / k))
            height += lines * NOTE_H + (lines - 1) * GAP + 2 * PAD + COUNT_BAND * scale
        miss = abs(math.log(width / height / ASPECT_AIM))
        if miss < best_miss:
            best, best_miss = k, miss
        elif width / height > ASPECT_AIM:
            break  # every further note column only widens it
    return best


def _layout(
    board: Board,
    members: dict[str, list[Note]],
    per_row: int,
    scale: float,
    extra: float = 0.0,
) -> GridGeometry:
    geo = GridGeometry(scale=scale, per_row=per_row)
    geo.counts = {cid: len(notes) for cid, notes in members.items()}
    geo.order = {cid: [n.id for n in notes] for cid, notes in members.items()}
    has_groups = any(c.group for c in board.cells)
    row_header_w, header_h = ROW_HEADER_W * scale, HEADER_H * scale
    left = (GROUP_W * scale if has_groups else 0.0) + row_header_w
    cell_w = cell_width(per_row)
    column_x = {}
    for i, column_id in enumerate(board.column_ids()):
        column_x[column_id] = left + i * cell_w
        geo.columns.append((column_id, Rect(column_x[column_id], 0, cell_w, header_h)))

    y = header_h
    group_spans: dict[str, list[float]] = {}
    for row_id in board.row_ids():
        row_cells = [c for c in board.cells if c.ref.row == row_id]
        fullest = max(len(members[c.id]) for c in row_cells)
        lines = max(1, math.ceil(fullest / per_row))
        height = lines * NOTE_H + (lines - 1) * GAP + 2 * PAD + COUNT_BAND * scale + extra
        geo.rows.append((row_id, Rect(left - row_header_w, y, row_header_w, height)))
        for cell in row_cells:
            x = column_x[cell.ref.column]
            geo.cells[cell.id] = Rect(x, y, cell_w, height)
            for k, note in enumerate(members[cell.id]):
                geo.notes[note.id] = slot_of(x, y, k, per_row)
        group = row_cells[0].group
        if group:
            span = group_spans.setdefault(group, [y, y])
            span[1] = y + height
        y += height
    for label, (top, bottom) in group_spans.items():
        geo.groups.append((label, Rect(0, top, GROUP_W * scale, bottom - top)))
    return geo


def slot_of(cell_x: float, cell_y: float, index: int, per_row: int) -> tuple[float, float]:
    """Where the ``index``-th note of a cell at (cell_x, cell_y) sits: rows of ``per_row``."""
    return (
        cell_x + PAD + (index % per_row) * (NOTE_W + GAP),
        cell_y + PAD + (index // per_row) * (NOTE_H + GAP),
    )


def slot_index(
    geo: GridGeometry, cell_id: str, x: float, y: float, moving: Collection[str] = ()
) -> int:
    """The place in a cell's order that the point (x, y) in the cell stands for: notes
    dropped there go before the note whose slot it is over (after the last, past the end).
    Counted among the cell's notes other than ``moving``, the notes being dropped."""
    rect = geo.cells[cell_id]
    column = min(geo.per_row - 1, max(0, int((x - rect.x - PAD + GAP / 2) // (NOTE_W + GAP))))
    line = max(0, int((y - rect.y - PAD + GAP / 2) // (NOTE_H + GAP)))
    order = geo.order.get(cell_id, [])
    slot = min(line * geo.per_row + column, len(order))
    return slot - sum(1 for nid in order[:slot] if nid in moving)
