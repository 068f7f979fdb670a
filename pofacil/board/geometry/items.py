"""Where everything on a board is drawn, in board units, without Qt.

The screen's items, the PNG (drawn by those items) and the PDF all take their rectangles
from here, so that a board on paper is the board on the projector: grid notes at their slots,
branches folded under a collapsed mind-map note left out, cluster frames around what is shown,
links from edge to edge. The functions below the dataclasses take rectangles rather than a
board so that the screen can call them mid-drag, with where its items are at that moment.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from pofacil.board.model import Board, Cluster, Link, Note
from pofacil.board.model.templates import cell_columns

from . import style
from .connectors import Polyline, leaf_blocks
from .grid import COUNT_BAND, GridGeometry, Rect, grid_layout

Point = tuple[float, float]


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
    """A link drawn from the border of its source note to the border of its target, or, in
    a leaf block, as ``paths`` (see geometry.connectors; empty for all but one of the block)."""

    link: Link
    x1: float
    y1: float
    x2: float
    y2: float
    paths: tuple[Polyline, ...] | None = None


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


def folded_away(board: Board, collapsed: Collection[str] | None = None) -> dict[str, set[str]]:
    """For every collapsed live note, the live notes hidden below it in the mind-map tree.

    ``collapsed``: the collapsed notes when the caller keeps track of them (the scene does,
    so that a board of thousands of notes is not scanned for them on every change).
    """
    children: dict[str, list[str]] = {}
    for link in board.links.values():
        if link.kind == "child":
            children.setdefault(link.source, []).append(link.target)
    if collapsed is None:
        collapsed = [n.id for n in board.live_notes() if n.collapsed]
    out: dict[str, set[str]] = {}
    for root in collapsed:
        if root not in children:
            continue
        seen: set[str] = set()
        stack = list(children[root])
        while stack:  # iterative: a deep branch must not hit the recursion limit
            nid = stack.pop()
            if nid in seen or nid == root:
                continue
            seen.add(nid)
            stack.extend(children.get(nid, ()))
        # A deleted note in the middle of a branch still carries its children.
        out[root] = {nid for nid in seen if nid in board.notes and not board.notes[nid].deleted}
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
        geo.clusters.append(ClusterFrame(cluster, cluster_frame(shown), len(members[cluster.id])))

    drawn = [link for link in board.links.values() if link.source in rects and link.target in rects]
    blocks = leaf_blocks(drawn, rects)
    for link in drawn:
        a, b = rects[link.source], rects[link.target]
        geo.links.append(LinkSegment(link, *link_ends(a, b), blocks.get(link.id)))

    parts = [box.rect for box in geo.notes] + [frame.rect for frame in geo.clusters]
    if geo.grid is not None:
        parts.append(geo.grid.bounds)
    if parts:
        geo.bounds = union(parts)
    return geo


def union(rects: list[Rect]) -> Rect:
    """The smallest rectangle holding all of ``rects``."""
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


# -- the shapes, from rectangles ---------------------------------------------------------------
def note_text_box(rect: Rect, has_band: bool) -> Rect:
    """Where a note's words wrap: inside the padding, above the band of the author's name
    and the kind's tag if the note shows either."""
    pad = style.NOTE_PADDING
    author = style.AUTHOR_BAND if has_band else 0
    return Rect(rect.x + pad, rect.y + pad, rect.w - 2 * pad, rect.h - 2 * pad - author)


def fold_badge(rect: Rect) -> Rect:
    """The "+n" badge of a collapsed note, over its top right corner."""
    return Rect(
        rect.x + rect.w + style.BADGE_RIGHT - style.BADGE_W,
        rect.y - style.BADGE_RAISE,
        style.BADGE_W,
        style.BADGE_H,
    )


def cluster_frame(members: Iterable[Rect]) -> Rect:
    """A cluster's frame around its shown members: a margin, and the title band on top."""
    box = union(list(members))
    m, title = style.CLUSTER_MARGIN, style.CLUSTER_TITLE
    return Rect(box.x - m, box.y - m - title, box.w + 2 * m, box.h + 2 * m + title)


def cluster_title_box(frame: Rect) -> Rect:
    """The box the title "name (count)" is drawn in, left aligned and vertically centered."""
    dx, dy = style.CLUSTER_TITLE_INSET
    return Rect(frame.x + dx, frame.y + dy, frame.w - 2 * dx, style.CLUSTER_TITLE)


def link_ends(a: Rect, b: Rect) -> tuple[float, float, float, float]:
    """From the border of ``a`` to the border of ``b`` along the line between their centers,
    so an arrowhead at the target is not hidden under the note. When the notes overlap so
    far that a center lies inside the other note, that end stays at its center.
    """
    ax, ay = a.x + a.w / 2, a.y + a.h / 2
    bx, by = b.x + b.w / 2, b.y + b.h / 2
    dx, dy = bx - ax, by - ay
    ta = _edge_fraction(a, dx, dy)
    tb = _edge_fraction(b, dx, dy)
    start = (ax + dx * ta, ay + dy * ta) if ta <= 1 else (ax, ay)
    end = (bx - dx * tb, by - dy * tb) if tb <= 1 else (bx, by)
    return start[0], start[1], end[0], end[1]


def segment_enters(
    ends: tuple[float, float, float, float], rect: Rect, margin: float = 0.5
) -> bool:
    """Whether the segment enters ``rect`` shrunk by ``margin`` (Liang-Barsky clipping); a
    line that only grazes a note's border does not."""
    x1, y1, x2, y2 = ends
    dx, dy = x2 - x1, y2 - y1
    lo, hi = 0.0, 1.0
    for p, q in (
        (-dx, x1 - (rect.x + margin)),
        (dx, (rect.x + rect.w - margin) - x1),
        (-dy, y1 - (rect.y + margin)),
        (dy, (rect.y + rect.h - margin) - y1),
    ):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            lo = max(lo, t)
        else:
            hi = min(hi, t)
        if lo > hi:
            return False
    return True


def arrowhead(x1: float, y1: float, x2: float, y2: float) -> tuple[Point, Point, Point] | None:
    """The triangle at the target end of a mind-map child's line (None: too short for one)."""
    length = math.hypot(x2 - x1, y2 - y1)
    if length <= style.ARROW_MIN_LINE:
        return None
    dx = (x2 - x1) / length * style.ARROW_LENGTH
    dy = (y2 - y1) / length * style.ARROW_LENGTH
    nx, ny = -dy * style.ARROW_SPREAD, dx * style.ARROW_SPREAD
    return (x2, y2), (x2 - dx + nx, y2 - dy + ny), (x2 - dx - nx, y2 - dy - ny)


def count_box(cell: Rect, scale: float = 1.0) -> Rect:
    """The box a cell's note count is drawn in, right aligned: the band below its notes
    (grid.COUNT_BAND, at the grid's scale), which no note covers."""
    left, top, right, bottom = (v * scale for v in style.COUNT_INSET)
    band = COUNT_BAND * scale
    return Rect(
        cell.x + left, cell.y + cell.h - band + top, cell.w - left - right, band - top - bottom
    )


def header_text_box(header: Rect) -> Rect:
    """The box a grid header's label is wrapped and centered in."""
    dx, dy = style.HEADER_INSET
    return Rect(header.x + dx, header.y + dy, header.w - 2 * dx, header.h - 2 * dy)
