"""The stops of a projector tour: what PgDn shows next, each stop fitted to the screen.

A table is toured row by row; a row too wide to read when fitted is toured cell by cell, and
a cell too full to read as a whole is toured in blocks of its note lines. A mind map is toured
branch by branch, other boards group by group. "Too wide to read" is a question of scale: the
caller says how small a scale it can still read at (projector mode's text rule) and how big
its screen is.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from pofacil.board.model import NOTE_H, NOTE_W, Board

from .grid import GAP, PAD, GridGeometry, Rect
from .items import BoardGeometry, union

MARGIN = 40.0  # board units around a stop, as the view's fit leaves around a board


@dataclass(frozen=True)
class Screen:
    """The screen a tour is shown on (pixels) and the smallest scale it can read at."""

    width: float
    height: float
    readable_scale: float

    def scale_for(self, rect: Rect) -> float:
        return min(self.width / (rect.w + 2 * MARGIN), self.height / (rect.h + 2 * MARGIN))

    def readable(self, rect: Rect) -> bool:
        return self.scale_for(rect) >= self.readable_scale - 1e-9


@dataclass(frozen=True)
class Stop:
    """One stop: the rectangle shown and what it is, for the title the screen puts on it."""

    rect: Rect
    what: str  # "row", "cell", "branch" or "group"
    id: str  # the row, cell, branch's note or group
    part: int = 1  # a full cell's block: this one of ``parts``
    parts: int = 1


def tour_stops(board: Board, geo: BoardGeometry, screen: Screen) -> list[Stop]:
    """The board's stops in reading order (empty: nothing to tour but the whole board)."""
    if geo.grid is not None:
        return _grid_stops(board, geo.grid, screen)
    branches = _branches(board, geo, screen)
    if branches:
        return branches
    frames = sorted(geo.clusters, key=lambda f: (f.rect.y, f.rect.x))
    return [Stop(frame.rect, "group", frame.cluster.id) for frame in frames]


def _grid_stops(board: Board, grid: GridGeometry, screen: Screen) -> list[Stop]:
    stops: list[Stop] = []
    columns = board.column_ids()
    for row_id, header in grid.rows:
        cells = [
            c.id
            for c in sorted(board.cells, key=lambda c: columns.index(c.ref.column))
            if c.ref.row == row_id and c.id in grid.cells
        ]
        row = union([header] + [grid.cells[c] for c in cells])
        if screen.readable(row):
            stops.append(Stop(row, "row", row_id))
            continue
        for cell_id in cells:
            rect = grid.cells[cell_id]
            if screen.readable(rect):
                stops.append(Stop(rect, "cell", cell_id))
                continue
            blocks = _cell_blocks(rect, grid.counts.get(cell_id, 0), grid.per_row, screen)
            stops.extend(
                Stop(block, "cell", cell_id, i, len(blocks)) for i, block in enumerate(blocks, 1)
            )
    return stops


def _cell_blocks(cell: Rect, count: int, per_row: int, screen: Screen) -> list[Rect]:
    """A full cell in blocks of note slots that each read when fitted, line by line."""
    room_w = screen.width / screen.readable_scale - 2 * MARGIN
    room_h = screen.height / screen.readable_scale - 2 * MARGIN
    across = max(1, min(per_row, math.floor((room_w - 2 * PAD + GAP) / (NOTE_W + GAP))))
    down = max(1, math.floor((room_h - 2 * PAD + GAP) / (NOTE_H + GAP)))
    lines = max(1, math.ceil(count / per_row))
    blocks = []
    for line in range(0, lines, down):
        for column in range(0, per_row, across):
            if line * per_row + column >= max(count, 1):
                continue  # no note in this block
            n_across = min(across, per_row - column)
            n_down = min(down, lines - line)
            blocks.append(
                Rect(
                    cell.x + PAD / 2 + column * (NOTE_W + GAP),
                    cell.y + PAD / 2 + line * (NOTE_H + GAP),
                    n_across * (NOTE_W + GAP) - GAP + PAD,
                    n_down * (NOTE_H + GAP) - GAP + PAD,
                )
            )
    return blocks


def _branches(board: Board, geo: BoardGeometry, screen: Screen) -> list[Stop]:
    """A mind map's branches: each child of a central topic with all it holds, in turn."""
    rects = {box.note.id: box.rect for box in geo.notes}
    children: dict[str, list[str]] = {}
    parents: set[str] = set()
    for link in board.links.values():
        if link.kind == "child" and link.source in rects and link.target in rects:
            children.setdefault(link.source, []).append(link.target)
            parents.add(link.target)
    roots = [nid for nid in children if nid not in parents]
    stops: list[Stop] = []
    for root in sorted(roots, key=lambda n: (rects[n].y, rects[n].x)):
        # Clockwise from the top, as a reader's eye goes round a mind map.
        center = rects[root]
        cx, cy = center.x + center.w / 2, center.y + center.h / 2
        stops.append(Stop(center, "branch", root))  # the topic first, then its branches

        for child in sorted(children[root], key=lambda n: _clockwise(rects[n], cx, cy)):
            seen, stack = {child}, [child]
            while stack:
                for nid in children.get(stack.pop(), ()):
                    if nid not in seen and nid != root:
                        seen.add(nid)
                        stack.append(nid)
            chunks = _readable_chunks([rects[n] for n in seen], screen)
            stops.extend(
                Stop(chunk, "branch", child, i, len(chunks)) for i, chunk in enumerate(chunks, 1)
            )
    return stops


def _readable_chunks(rects: list[Rect], screen: Screen) -> list[Rect]:
    """Notes in reading order gathered into stops that each read when fitted: a branch wider
    than the screen reads in parts rather than as blocks of colour."""
    whole = union(rects)
    if screen.readable(whole):
        return [whole]
    chunks: list[Rect] = []
    current: Rect | None = None
    for rect in sorted(rects, key=lambda r: (r.y, r.x)):
        grown = rect if current is None else union([current, rect])
        if current is not None and not screen.readable(grown):
            chunks.append(current)
            grown = rect
        current = grown
    if current is not None:
        chunks.append(current)
    return chunks


def _clockwise(rect: Rect, cx: float, cy: float) -> float:
    """The angle of a rectangle's center round (cx, cy), from 12 o'clock, clockwise."""
    dx, dy = rect.x + rect.w / 2 - cx, rect.y + rect.h / 2 - cy
    return math.atan2(dx, -dy) % (2 * math.pi)
