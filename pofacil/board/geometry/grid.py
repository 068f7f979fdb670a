"""Where a grid board's cells and notes go: one geometry for the screen and for the PDF.

A note in a cell has no position of its own: cells flow their notes in rows, a cell grows to
hold what it has, and every cell of a row takes the height of the row's fullest cell.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from pofacil.board.model import NOTE_H, NOTE_W, Board, Note, display_order

GAP = 12.0
PAD = 14.0
HEADER_H = 56.0
ROW_HEADER_W = 150.0
GROUP_W = 150.0


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

    @property
    def bounds(self) -> Rect:
        if not self.cells:
            return Rect(0, 0, 0, 0)
        right = max(r.x + r.w for r in self.cells.values())
        bottom = max(r.y + r.h for r in self.cells.values())
        return Rect(0, 0, right, bottom)

    def cell_at(self, x: float, y: float) -> str | None:
        return next((cid for cid, rect in self.cells.items() if rect.contains(x, y)), None)


def grid_layout(board: Board, per_row: int = 2) -> GridGeometry:
    """The board's grid at the origin; ``per_row`` notes side by side in each cell."""
    geo = GridGeometry()
    if not board.cells:
        return geo
    row_ids = board.row_ids()
    column_ids = board.column_ids()
    members: dict[str, list[Note]] = {c.id: [] for c in board.cells}
    for note in board.live_notes():
        if note.cell in members:
            members[note.cell].append(note)
    for notes in members.values():
        notes.sort(key=display_order)
    geo.counts = {cid: len(notes) for cid, notes in members.items()}

    has_groups = any(c.group for c in board.cells)
    left = (GROUP_W if has_groups else 0.0) + ROW_HEADER_W
    cell_w = per_row * NOTE_W + (per_row - 1) * GAP + 2 * PAD
    for i, column_id in enumerate(column_ids):
        geo.columns.append((column_id, Rect(left + i * cell_w, 0, cell_w, HEADER_H)))

    y = HEADER_H
    group_spans: dict[str, list[float]] = {}
    for row_id in row_ids:
        row_cells = [c for c in board.cells if c.ref.row == row_id]
        fullest = max(len(members[c.id]) for c in row_cells)
        lines = max(1, math.ceil(fullest / per_row))
        height = lines * NOTE_H + (lines - 1) * GAP + 2 * PAD
        geo.rows.append((row_id, Rect(left - ROW_HEADER_W, y, ROW_HEADER_W, height)))
        for cell in row_cells:
            x = next(r.x for cid, r in geo.columns if cid == cell.ref.column)
            geo.cells[cell.id] = Rect(x, y, cell_w, height)
            for k, note in enumerate(members[cell.id]):
                geo.notes[note.id] = (
                    x + PAD + (k % per_row) * (NOTE_W + GAP),
                    y + PAD + (k // per_row) * (NOTE_H + GAP),
                )
        group = row_cells[0].group
        if group:
            span = group_spans.setdefault(group, [y, y])
            span[1] = y + height
        y += height
    for label, (top, bottom) in group_spans.items():
        geo.groups.append((label, Rect(0, top, GROUP_W, bottom - top)))
    return geo
