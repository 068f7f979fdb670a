"""Mind-map layout: a left/right tree around each root that fits a landscape page.

networkx does the graph work (which notes form trees, cycle-safe spanning trees, traversal
orders); the geometry is our own, in four passes:

1. bottom-up, each subtree's *band*: its extent above and below its note's centre line,
   siblings' bands stacked ``v_gap`` apart, each parent centred on its children;
2. the *fan*: links are straight lines between note centres (geometry.items.link_ends), so a
   line to a far child would cut through the nearer siblings of a plain column. Nearer
   siblings are pushed outwards just enough that every line passes inside their band's inner
   corner. A line then only crosses bands where nothing of that band lies yet, which is why
   no link crosses a note or another link;
3. top-down positions, each root where it is, its branches on a right and a left side;
4. a stretch of each tree about its root's centre, along x when it is taller than 4:3 and
   along y when it is wider than 16:9. Stretching only moves centres apart, so what did not
   overlap or cross still does not.

The leaves of one parent (two or more children, none with children of its own shown) wrap
into a *block* of rows and columns, read left to right and top to bottom, the parent centred
on it; one bracket connector (geometry.connectors) joins the block to its parent. A column of
75 points is three times taller than the page is wide; blocks are what let a morning's map
fill a landscape page at readable size. A full layout tries block widths of one to
``MAX_COLUMNS`` columns and keeps the one whose map fits a landscape A-series page largest;
Tab, Enter and folding keep the width the board already shows, so they do not reshape the
other branches.

The result is a pure function of the board, so re-running the layout on its own output
changes nothing.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Hashable
from itertools import pairwise
from typing import Any

import networkx as nx

from pofacil.board.model import Board, Note

Box = tuple[float, float, float, float]  # left, top, right, bottom
Positions = dict[str, tuple[float, float]]

# A node outside the note-id space: hanging every start node under it turns a multi-source
# search into networkx's single-source one.
_START: Hashable = object()
WIDEST = 16 / 9  # a projector
NARROWEST = 4 / 3  # and a landscape page, with room for its margins
PAGE = math.sqrt(2)  # landscape A4 and A3, whose shape a full layout fits best
MAX_COLUMNS = 6
COLUMN_GAP = 16.0  # between a block's columns; its rows are v_gap apart


def mindmap_layout(
    board: Board,
    collapsed: Collection[str] = (),
    h_gap: float = 60.0,
    v_gap: float = 24.0,
    keep_sides: bool = False,
    fresh: Collection[str] = (),
) -> Positions:
    """New top-left (x, y) positions for the notes of the board's mind-map trees.

    A note is in a tree when it has a "child" link to or from another live note. Deleted
    notes and everything below them are treated as absent, so are notes below a note in
    ``collapsed`` (the collapsed note itself is placed). Free notes are not in the result.

    Each root keeps its position; its branches are split between a right and a left side.
    By default the split balances the sides' heights (biggest branch first onto the lighter
    side, so the split never depends on where notes were). With ``keep_sides`` a branch
    stays on the side of the root it is on, so a branch the user dragged keeps its side;
    branches in ``fresh`` (just added) go to the lighter side. Siblings keep their on-screen
    order (y, then x, then id). A tree whose bounding box would overlap an earlier tree's
    (roots in reading order) is shifted down until it does not.

    Bad data is tolerated: with cycles or several parents each note is placed once, under
    the first parent met in a depth-first search in creation order.
    """
    forest, roots = _forest(board)
    best: tuple[float, Positions] | None = None
    for columns in range(1, MAX_COLUMNS + 1):
        tidy = _Tidy(board, forest, set(collapsed), h_gap, v_gap, columns)
        pos = _layout(board, tidy, roots, keep_sides, set(fresh))
        if not pos:
            return pos
        left, top, right, bottom = _bounds(pos, tidy.size)
        fit = min(PAGE / max(right - left, 1.0), 1.0 / max(bottom - top, 1.0))
        if best is None or fit > best[0] * 1.0001:  # a wider block only for a real gain
            best = (fit, pos)
        if not tidy.blocked:
            break  # no parent with leaves to wrap: every width gives the same map
    return best[1] if best else {}


def side_layout(
    board: Board, note_id: str, collapsed: Collection[str] = (), fresh: bool = False
) -> Positions:
    """:func:`mindmap_layout` with ``keep_sides``, cut down to the notes on ``note_id``'s
    side of its root (see :func:`_same_side`): what Tab, Enter and folding move. With ``fresh``
    a new branch straight off the root (``note_id``) goes to the lighter side."""
    forest, roots = _forest(board)
    tidy = _Tidy(board, forest, set(collapsed), 60.0, 24.0, shown_columns(board, forest))
    positions = _layout(board, tidy, roots, True, {note_id} if fresh else set())
    same = _same_side(board, forest, note_id, positions)
    return {n: xy for n, xy in positions.items() if n in same}


def _made(board: Board) -> Callable[[str], tuple[str, str]]:
    notes = board.notes

    def made(n: str) -> tuple[str, str]:
        # Structural choices (which parent wins, where a cycle starts, which side a branch
        # goes) must not depend on positions, or applying a layout could change the next one.
        return (notes[n].created, n)

    return made


def shown_columns(board: Board, forest: Any) -> int:
    """The widest leaf block the board shows: the most children of one parent whose centres
    share a row (1 when there is no block)."""
    notes = board.notes
    widest = 1
    for parent in forest:
        kids = list(forest.successors(parent))
        if len(kids) < 2 or any(forest.out_degree(k) for k in kids):
            continue
        rows: dict[float, int] = {}
        for k in kids:
            row = round(notes[k].y + notes[k].h / 2, 1)
            rows[row] = rows.get(row, 0) + 1
        widest = max(widest, *rows.values())
    return min(widest, MAX_COLUMNS)


def _layout(
    board: Board, tidy: _Tidy, roots: list[str], keep_sides: bool, fresh: set[str]
) -> Positions:
    if not roots:
        return {}
    notes = board.notes
    result: Positions = {}
    boxes: list[Box] = []
    tree_gap = max(tidy.v_gap, 1.0)  # a positive step, so the shifting loop always progresses
    for root in sorted(roots, key=tidy.screen):
        right, left = tidy.sides(root, keep_sides, fresh, _made(board))
        y = notes[root].y
        while True:
            pos = tidy.place(root, right, left, y)
            box = _bounds(pos, tidy.size)
            hits = [b for b in boxes if _overlap(b, box)]
            if not hits:
                break
            # Re-place from the shifted root rather than adding an offset to every note:
            # the next run starts from exactly that root, so it repeats the same arithmetic.
            y += max(b[3] for b in hits) + tree_gap - box[1]
        boxes.append(box)
        result.update(pos)
    return result


def _same_side(board: Board, forest: Any, note_id: str, positions: Positions) -> set[str]:
    """The notes on the same side of their root as ``note_id``: every branch of that root
    whose head is on that side, with all below it (the root excluded, and nothing for a root
    or a free note). Sides are read from ``positions``, where the notes are otherwise."""
    notes = board.notes
    if note_id not in forest:
        return set()
    path = [note_id]
    while parents := list(forest.predecessors(path[-1])):
        path.append(parents[0])
    if len(path) == 1:
        return set()
    root, head = path[-1], path[-2]

    def centre_x(n: str) -> float:
        x = positions[n][0] if n in positions else notes[n].x
        return x + notes[n].w / 2

    rightward = centre_x(head) >= centre_x(root)
    out: set[str] = set()
    for branch in forest.successors(root):
        if (centre_x(branch) >= centre_x(root)) == rightward:
            out |= {branch} | nx.descendants(forest, branch)
    return out


class _Tidy:
    """The bands and fans of one board's forest (passes 1 and 2), and placing a tree."""

    def __init__(
        self,
        board: Board,
        forest: Any,
        hidden: set[str],
        h_gap: float,
        v_gap: float,
        columns: int = 1,
    ) -> None:
        self.notes = board.notes
        self.forest = forest
        self.hidden = hidden
        self.h_gap, self.v_gap = h_gap, v_gap
        self.columns = columns
        self.blocked = False  # some parent's leaves could wrap into a block
        # A block leaf's column, counted left to right, and its block's column count and
        # column width: its distance from the parent depends on the side it ends up on.
        self.cell: dict[str, tuple[int, int, float]] = {}
        self.size = {n: (self.notes[n].w, self.notes[n].h) for n in forest}
        # Per note below a root: its band above and below its centre, its centre's offset
        # from its parent's, and its near edge's distance from its parent's centre.
        self.up: dict[str, float] = {}
        self.down: dict[str, float] = {}
        self.offset: dict[str, float] = {}
        self.reach: dict[str, float] = {}

    def screen(self, n: str) -> tuple[float, float, str]:
        # Sibling order follows what the user sees, so re-running keeps it: reading order of
        # the centres, which a stretched block row keeps level whatever its notes' heights.
        note = self.notes[n]
        return (round(note.y + note.h / 2, 3), note.x + note.w / 2, n)

    def kids(self, n: str) -> list[str]:
        return [] if n in self.hidden else sorted(self.forest.successors(n), key=self.screen)

    def bands(self, root: str) -> None:
        """Pass 1 and 2 for every subtree below ``root``, deepest first."""
        for n in nx.dfs_postorder_nodes(self.forest, root):
            if n != root:
                self.up[n], self.down[n] = self.stack(n, self.kids(n))

    def stack(self, node: str, kids: list[str]) -> tuple[float, float]:
        """Stack ``kids`` beside ``node``, centre ``node`` on them, fan them out; the (up,
        down) extent of the whole."""
        half = self.size[node][1] / 2
        if not kids:
            return half, half
        if len(kids) > 1 and not any(self.kids(k) for k in kids):
            self.blocked = True
            if self.columns > 1:
                return self.block(node, kids)
        for kid in kids:
            self.cell.pop(kid, None)
        centres = [0.0]
        for prev, kid in pairwise(kids):
            centres.append(centres[-1] + self.down[prev] + self.v_gap + self.up[kid])
        mid = (-self.size[kids[0]][1] / 2 + centres[-1] + self.size[kids[-1]][1] / 2) / 2
        for kid, c in zip(kids, centres, strict=False):
            self.offset[kid] = c - mid
        self.fan(node, kids)
        return (
            max(half, mid + self.up[kids[0]]),
            max(half, centres[-1] + self.down[kids[-1]] - mid),
        )

    def block(self, node: str, kids: list[str]) -> tuple[float, float]:
        """Wrap leaves into rows of at most ``columns``, as few rows as that allows and the
        columns evened out over them, the node centred on the block."""
        rows = math.ceil(len(kids) / self.columns)
        cols = math.ceil(len(kids) / rows)
        width = max(self.size[k][0] for k in kids)
        height = max(self.size[k][1] for k in kids)  # rows are this far apart, centre to centre
        centre = {k: divmod(i, cols)[0] * (height + self.v_gap) for i, k in enumerate(kids)}
        top = min(centre[k] - self.size[k][1] / 2 for k in kids)
        bottom = max(centre[k] + self.size[k][1] / 2 for k in kids)
        mid = (top + bottom) / 2  # the node faces the middle of what is drawn
        for i, kid in enumerate(kids):
            self.offset[kid] = centre[kid] - mid
            self.cell[kid] = (i % cols, cols, width)
            self.reach[kid] = self.size[node][0] / 2 + self.h_gap
        half = self.size[node][1] / 2
        return max(half, mid - top), max(half, bottom - mid)

    def fan(self, parent: str, kids: list[str]) -> None:
        """Push nearer siblings outwards so that every line from the parent's centre to a
        farther sibling's centre passes inside each nearer band's inner corner.

        Outermost first on each side of the parent's centre line: ``slope`` is the largest
        (outwards per unit of height) of the lines met so far, and a band whose far edge is
        ``far`` from the centre line must start at least ``far * slope`` out."""
        base = self.size[parent][0] / 2 + self.h_gap
        for kid in kids:
            self.reach[kid] = base
        # Each side of the centre line: its bands outermost first, and (sign) which way is
        # outwards there. A band's far edge lies ``sign * offset + extent`` from the line.
        above = (kids, -1.0, self.up)
        below = (kids[::-1], 1.0, self.down)
        for order, sign, extent in (above, below):
            slope = 0.0
            for kid in order:
                centre = sign * self.offset[kid]
                far = centre + extent[kid]
                if far <= 0:
                    continue  # the band lies wholly on the other side
                self.reach[kid] = max(self.reach[kid], far * slope)
                if centre > 0:  # a line towards this side: the nearer bands must clear it
                    slope = max(slope, (self.reach[kid] + self.size[kid][0] / 2) / centre)

    def sides(
        self,
        root: str,
        keep: bool,
        fresh: set[str],
        made: Callable[[str], tuple[str, str]],
    ) -> tuple[list[str], list[str]]:
        """The root's branches on its right and on its left, each in on-screen order, with
        their bands and fans computed."""
        self.bands(root)
        kids = self.kids(root)
        right: list[str] = []
        left: list[str] = []
        load = [0.0, 0.0]

        def put(kid: str, side: int) -> None:
            (right, left)[side].append(kid)
            load[side] += self.up[kid] + self.down[kid] + self.v_gap

        if keep:
            middle = self.notes[root].x + self.size[root][0] / 2
            for kid in kids:
                if kid not in fresh:
                    put(kid, 0 if self.notes[kid].x + self.size[kid][0] / 2 >= middle else 1)
            loose = [k for k in kids if k in fresh]
        else:
            loose = kids
        # Greedy split, biggest branch first, onto the lighter side (ties go right).
        for kid in sorted(loose, key=lambda k: (-(self.up[k] + self.down[k]), *made(k))):
            put(kid, 0 if load[0] <= load[1] else 1)
        right.sort(key=self.screen)
        left.sort(key=self.screen)
        self.stack(root, right)
        self.stack(root, left)
        return right, left

    def place(self, root: str, right: list[str], left: list[str], y: float) -> Positions:
        """Top-down positions of one tree with its root's top at ``y``, stretched to fit."""
        w0, h0 = self.size[root]
        cx, cy = self.notes[root].x + w0 / 2, y + h0 / 2
        centre = {root: (cx, cy)}
        outward = {root: 1.0}
        for kid in left:
            outward[kid] = -1.0
        for parent, kid in nx.dfs_edges(self.forest, root):
            if parent not in centre or parent in self.hidden:
                continue  # below a collapsed note
            sign = outward.setdefault(kid, outward[parent])
            px, py = centre[parent]
            w = self.size[kid][0]
            reach = self.reach[kid] + w / 2
            if kid in self.cell:
                col, cols, width = self.cell[kid]
                outward_col = col if sign > 0 else cols - 1 - col
                reach += outward_col * (width + COLUMN_GAP) + (width - w) / 2
            centre[kid] = (px + sign * reach, py + self.offset[kid])
        sx, sy = _stretch(centre, self.size)
        return {
            n: (cx + (x - cx) * sx - self.size[n][0] / 2, cy + (y - cy) * sy - self.size[n][1] / 2)
            for n, (x, y) in centre.items()
        }


def _stretch(
    centre: dict[str, tuple[float, float]], size: dict[str, tuple[float, float]]
) -> tuple[float, float]:
    """Factors along x and y (one of them 1) that bring the tree's box between 4:3 and 16:9,
    as near as it gets (a single row of notes cannot be made taller, nor a column wider)."""
    (cx, cy), *_ = centre.values()

    def ratio(sx: float, sy: float) -> float:
        left = min(cx + (x - cx) * sx - size[n][0] / 2 for n, (x, _) in centre.items())
        right = max(cx + (x - cx) * sx + size[n][0] / 2 for n, (x, _) in centre.items())
        top = min(cy + (y - cy) * sy - size[n][1] / 2 for n, (_, y) in centre.items())
        bottom = max(cy + (y - cy) * sy + size[n][1] / 2 for n, (_, y) in centre.items())
        return (right - left) / (bottom - top)

    sx = sy = 1.0
    # Width and height grow at most linearly with the factor, so a few multiplicative steps
    # reach the bound from below; the small margin keeps rounding on the right side of it.
    for _ in range(40):
        r = ratio(sx, sy)
        if r < NARROWEST and len({round(x, 6) for x, _ in centre.values()}) > 1:
            sx *= NARROWEST / r * 1.0005
        elif r > WIDEST and len({round(y, 6) for _, y in centre.values()}) > 1:
            sy *= r / WIDEST * 1.0005
        else:
            break
    return sx, sy


def _forest(board: Board) -> tuple[Any, list[str]]:
    """The spanning forest of the live child links, and its roots in creation order."""
    notes: dict[str, Note] = board.notes
    made = _made(board)
    graph: Any = nx.DiGraph()  # networkx's stubs cannot follow the _START sentinel node
    edges: Any = board.graph.edges(data="type")
    graph.add_edges_from(
        (u, v) for u, v, kind in edges if kind == "child" and u != v and u in notes and v in notes
    )
    # A deleted note takes its subtree with it.
    dead = [n for n in graph if notes[n].deleted]
    if dead:
        graph.add_edges_from((_START, n) for n in dead)
        graph.remove_nodes_from(nx.descendants(graph, _START) | {_START})
    if not graph:
        return graph, []
    if all(d <= 1 for _, d in graph.in_degree()):
        # The usual case, one parent each: the graph is the forest unless it has a cycle,
        # which then leaves some notes out of reach of the parentless ones.
        roots = sorted((n for n, d in graph.in_degree() if d == 0), key=made)
        if sum(len(nx.descendants(graph, r)) + 1 for r in roots) == len(graph):
            return graph, roots
    # One root per source component of the condensation: a note without a parent, or for
    # a cycle nobody points into, its earliest note.
    dag = nx.condensation(graph)
    roots = sorted(
        (min(dag.nodes[c]["members"], key=made) for c in dag if dag.in_degree(c) == 0),
        key=made,
    )
    graph.add_edges_from((_START, r) for r in roots)
    forest = nx.dfs_tree(graph, _START, sort_neighbors=lambda ns: sorted(ns, key=made))
    forest.remove_node(_START)
    return forest, roots


def _bounds(pos: Positions, size: dict[str, tuple[float, float]]) -> Box:
    return (
        min(x for x, _ in pos.values()),
        min(y for _, y in pos.values()),
        max(x + size[n][0] for n, (x, _) in pos.items()),
        max(y + size[n][1] for n, (_, y) in pos.items()),
    )


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
