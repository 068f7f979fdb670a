"""Where everything on a board is drawn, in board units, without Qt.

The PDF export draws from this, and the screen is meant to share it, so that a board on paper
is the board on the projector: grid notes at their slots, branches folded under a collapsed
mind-map note left out, cluster frames around what is shown, links from edge to edge.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from pofacil.board.model import Board, Cluster, Link, Note
from pofacil.board.model.templates import cell_columns

from .grid import GridGeometry, Rect, grid_layout

CLUSTER_MARGIN = 16.0  # around the member notes, as ClusterItem draws it
CLUSTER_TITLE = 30.0  # the band above the notes that holds "name (count)"


@dataclass(frozen=True)
class NoteBox:
    """A visible note and the rectangle it occupies on the board."""

    note: Note
    rect: Rect
    folded: int = 0  # notes hidden under this one (a collapsed mind-map branch)


@dataclass(frozen=True)
class ClusterFrame:
    """A cluster's frame: its shown members' union, a margin, and a title band on top."""

    cluster: Cluster
    rect: Rect
    count: int  # live members, shown or folded away, as the title on screen counts them

    @property
    def title(self) -> str:
        return f"{self.cluster.name} ({self.count})"


@dataclass(frozen=True)
class LinkSegment:
    """A link drawn from the border of its source note to the border of its target."""

    link: Link
    x1: float
    y1: float
    x2: float
    y2: float

    @property
    def length(self) -> float:
        return math.hypot(self.x2 - self.x1, self.y2 - self.y1)


@dataclass
class BoardGeometry:
    """Everything a board shows, in board units (y grows downwards), and its bounds."""

    notes: list[NoteBox] = field(default_factory=list)
    clusters: list[ClusterFrame] = field(default_factory=list)
    links: list[LinkSegment] = field(default_factory=list)
    grid: GridGeometry | None = None
    bounds: Rect = field(default_factory=lambda: Rect(0, 0, 0, 0))
    hidden: frozenset[str] = frozenset()  # live notes folded away under a collapsed note

    @property
    def empty(self) -> bool:
        """Nothing to draw at all: no visible note and no grid."""
        return not self.notes and self.grid is None

    def note_rect(self, note_id: str) -> Rect | None:
        return next((box.rect for box in self.notes if box.note.id == note_id), None)


def folded_away(board: Board) -> dict[str, set[str]]:
    """For every collapsed live note, the live notes hidden below it in the mind-map tree."""
    children: dict[str, list[str]] = {}
    for link in board.links.values():
        if link.kind == "child":
            children.setdefault(link.source, []).append(link.target)
    out: dict[str, set[str]] = {}
    for note in board.live_notes():
        if not note.collapsed or note.id not in children:
            continue
        seen: set[str] = set()
        stack = list(children[note.id])
        while stack:  # iterative: a deep branch must not hit the recursion limit
            nid = stack.pop()
            if nid in seen or nid == note.id:
                continue
            seen.add(nid)
            stack.extend(children.get(nid, ()))
        # Like the screen, a deleted note in the middle of a branch still carries its children.
        out[note.id] = {nid for nid in seen
                        if nid in board.notes and not board.notes[nid].deleted}
    return out


def board_geometry(board: Board, per_row: int | None = None) -> BoardGeometry:
    """The geometry of ``board`` as the screen shows it; ``per_row`` overrides the template's
    notes side by side in a grid cell."""
    geo = BoardGeometry()
    if board.cells:
        geo.grid = grid_layout(board, per_row or cell_columns(board))
    folds = folded_away(board)
    hidden = set().union(*folds.values()) if folds else set()
    geo.hidden = frozenset(hidden)
    slots = geo.grid.notes if geo.grid is not None else {}
    rects: dict[str, Rect] = {}
    for note in board.live_notes():
        if note.id in hidden:
            continue
        slot = slots.get(note.id) if note.cell else None
        x, y = slot if slot is not None else (note.x, note.y)
        rect = Rect(x, y, note.w, note.h)
        rects[note.id] = rect
        geo.notes.append(NoteBox(note, rect, len(folds.get(note.id, ()))))

    members: dict[str, list[Note]] = {}
    for note in board.live_notes():
        if note.cluster in board.clusters:
            members.setdefault(note.cluster, []).append(note)
    for cluster in board.clusters.values():
        shown = [rects[n.id] for n in members.get(cluster.id, ()) if n.id in rects]
        if not shown:
            continue  # a frame around nothing would be a stray box on the page
        box = _union(shown)
        geo.clusters.append(ClusterFrame(cluster, Rect(
            box.x - CLUSTER_MARGIN, box.y - CLUSTER_MARGIN - CLUSTER_TITLE,
            box.w + 2 * CLUSTER_MARGIN, box.h + 2 * CLUSTER_MARGIN + CLUSTER_TITLE,
        ), len(members[cluster.id])))

    for link in board.links.values():
        a, b = rects.get(link.source), rects.get(link.target)
        if a is not None and b is not None:
            geo.links.append(_segment(link, a, b))

    parts = [box.rect for box in geo.notes] + [frame.rect for frame in geo.clusters]
    if geo.grid is not None:
        parts.append(geo.grid.bounds)
    if parts:
        geo.bounds = _union(parts)
    return geo


def _union(rects: list[Rect]) -> Rect:
    left = min(r.x for r in rects)
    top = min(r.y for r in rects)
    right = max(r.x + r.w for r in rects)
    bottom = max(r.y + r.h for r in rects)
    return Rect(left, top, right - left, bottom - top)


def _edge_fraction(rect: Rect, dx: float, dy: float) -> float:
    """How far along (dx, dy) from the rectangle's center its border lies, as a fraction."""
    limits = []
    if dx:
        limits.append(rect.w / 2 / abs(dx))
    if dy:
        limits.append(rect.h / 2 / abs(dy))
    return min(limits) if limits else 0.0


def _segment(link: Link, a: Rect, b: Rect) -> LinkSegment:
    """From the border of ``a`` to the border of ``b`` along the line between their centers,
    so an arrowhead at the target is not hidden under the note. When the notes overlap so
    far that a center lies inside the other note, that end stays at its center (as on screen).
    """
    ax, ay = a.x + a.w / 2, a.y + a.h / 2
    bx, by = b.x + b.w / 2, b.y + b.h / 2
    dx, dy = bx - ax, by - ay
    ta = _edge_fraction(a, dx, dy)
    tb = _edge_fraction(b, dx, dy)
    start = (ax + dx * ta, ay + dy * ta) if ta <= 1 else (ax, ay)
    end = (bx - dx * tb, by - dy * tb) if tb <= 1 else (bx, by)
    return LinkSegment(link, start[0], start[1], end[0], end[1])
