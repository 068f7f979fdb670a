"""The bracket connector that joins a block of mind-map leaves to their parent.

The layout (ops.layout) wraps the leaves of one parent into rows and columns; a line from the
parent to each leaf would then cut through the nearer column. Such a block is drawn instead as
one stem from the parent to a bracket ("[" or "]") along the block's near side. Whether a
parent's children form a block is read from where they are, so the screen mid-drag, the PNG
and the PDF decide it alike, and a block the user pulls apart falls back to plain lines.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping

from pofacil.board.model import Link

from . import style
from .grid import Rect

Point = tuple[float, float]
Polyline = tuple[Point, ...]


def block_paths(
    parent: Rect, kids: Mapping[str, Rect], branching: Collection[str] = ()
) -> dict[str, tuple[Polyline, ...]] | None:
    """For the child links of one parent (link id -> its child's rectangle), the polylines
    of the links that form a block, by link id: on each side of the parent, the first link in
    reading order draws the stem and the bracket, the others nothing. Children form a block
    when there are two or more of them beyond that side of the parent, two of them side by
    side in a row, and any of those with children of its own shown (``branching``: the links
    whose child has) at the outer end of its row. None when no side has a block."""
    if len(kids) < 2:
        return None
    right = {lid: r for lid, r in kids.items() if r.x >= parent.x + parent.w}
    left = {lid: r for lid, r in kids.items() if r.x + r.w <= parent.x}
    out: dict[str, tuple[Polyline, ...]] = {}
    for side, outward in ((right, 1.0), (left, -1.0)):
        if _outermost(side, branching, outward):
            out.update(_bracket(parent, side, outward))
    return out or None


def _outermost(kids: Mapping[str, Rect], branching: Collection[str], outward: float) -> bool:
    """Whether each child with children of its own ends its row, its branch growing outwards
    past the block, so that the bracket stays the only line into the block."""
    ends: dict[float, float] = {}
    for r in kids.values():
        row = round(r.y + r.h / 2, 1)
        ends[row] = max(ends.get(row, -math.inf), outward * r.x)
    return all(
        outward * kids[lid].x >= ends[round(kids[lid].y + kids[lid].h / 2, 1)]
        for lid in branching
        if lid in kids
    )


def _bracket(
    parent: Rect, kids: Mapping[str, Rect], outward: float
) -> dict[str, tuple[Polyline, ...]]:
    rows: dict[float, int] = {}
    for r in kids.values():
        row = round(r.y + r.h / 2, 1)
        rows[row] = rows.get(row, 0) + 1
    if len(kids) < 2 or max(rows.values()) < 2:
        return {}
    rects = kids.values()
    near = min(r.x for r in rects) if outward > 0 else max(r.x + r.w for r in rects)
    top = min(r.y for r in rects)
    bottom = max(r.y + r.h for r in rects)
    spine = near - outward * style.BRACKET_GAP
    tick = spine + outward * style.BRACKET_TICK
    inset = min(style.BRACKET_INSET, (bottom - top) / 4)
    bracket = (
        (tick, top + inset),
        (spine, top + inset),
        (spine, bottom - inset),
        (tick, bottom - inset),
    )
    cy = parent.y + parent.h / 2
    meet = min(max(cy, top + inset), bottom - inset)
    start = parent.x + parent.w if outward > 0 else parent.x
    stem = ((start, cy), (spine, meet))
    order = sorted(kids, key=lambda lid: (round(kids[lid].y + kids[lid].h / 2, 1), kids[lid].x))
    return {lid: ((stem, bracket) if i == 0 else ()) for i, lid in enumerate(order)}


def leaf_blocks(
    links: Iterable[Link], rects: Mapping[str, Rect]
) -> dict[str, tuple[Polyline, ...]]:
    """:func:`block_paths` for every parent among ``links`` (those with both notes in
    ``rects``, the notes as drawn), by link id; links in no block are left out."""
    kids: dict[str, dict[str, Rect]] = {}
    targets: dict[str, dict[str, str]] = {}
    for link in links:
        if link.kind == "child":
            kids.setdefault(link.source, {})[link.id] = rects[link.target]
            targets.setdefault(link.source, {})[link.id] = link.target
    out: dict[str, tuple[Polyline, ...]] = {}
    for parent, family in kids.items():
        branching = {lid for lid, t in targets[parent].items() if t in kids}
        paths = block_paths(rects[parent], family, branching)
        if paths:
            out.update(paths)
    return out
