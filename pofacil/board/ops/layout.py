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
into a *block* of rows and columns, filled row by row outwards from the parent (so a leaf
added at the end of a one-row block moves no other), the parent centred on it; one bracket
connector (geometry.connectors) joins the block to its parent. A column of 75 points is three
times taller than the page is wide; blocks are what let a morning's map fill a landscape page
at readable size. A full layout tries block widths of one to ``MAX_COLUMNS`` columns and
keeps the one whose map fits a landscape A-series page largest (judged on the tree alone).
Tab, Enter and folding keep the blocks the board already shows (a block that gains a leaf
keeps its rows and grows a column, outwards, where nothing lies) and the tree's stretch, so
the other branches stay where the room has seen them.

The result is a pure function of the board, so re-running the layout on its own output
changes nothing.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Collection, Hashable
from itertools import pairwise
from typing import Any

import networkx as nx

from pofacil.board.model import Board, Note, raised_order

Box = tuple[float, float, float, float]  # left, top, right, bottom
_Walk = tuple[list[str], list[tuple[str, str]]]  # a tree's notes deepest first, edges down
Positions = dict[str, tuple[float, float]]

# A node outside the note-id space: hanging every start node under it turns a multi-source
# search into networkx's single-source one.
_START: Hashable = object()
WIDEST = 16 / 9  # a projector
NARROWEST = 4 / 3  # and a landscape page, with room for its margins
PAGE = math.sqrt(2)  # landscape A4 and A3, whose shape a full layout fits best
MAX_COLUMNS = 6
V_GAP = 24.0  # between siblings' bands
COLUMN_GAP = 16.0  # between a block's columns; its rows are v_gap apart


def mindmap_layout(
    board: Board,
    collapsed: Collection[str] = (),
    h_gap: float = 60.0,
    v_gap: float = V_GAP,
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
    order (centre y, then outwards from their parent, then id). A tree whose bounding box
    would overlap an earlier tree's (roots in reading order) is shifted down until it does
    not.

    Bad data is tolerated: with cycles or several parents each note is placed once, under
    the first parent met in a depth-first search in creation order.
    """
    forest, roots = mind_forest(board)
    hidden = set(collapsed)
    columns = _best_columns(board, forest, roots, hidden, h_gap, v_gap)
    tidy = _Tidy(board, forest, hidden, h_gap, v_gap, columns)
    return _layout(board, tidy, roots, keep_sides, set(fresh))


def _best_columns(
    board: Board, forest: Any, roots: list[str], hidden: set[str], h_gap: float, v_gap: float
) -> int:
    """The block width whose map fits a landscape A-series page largest. Judged on the
    tree alone (siblings in creation order, sides balanced), never on where notes are, so
    that a layout run again on its own output chooses the same width."""
    if not roots:
        return 1
    best = (0.0, 1)
    worse = 0
    # The same tree in the same order each time: walked and sorted once.
    walks: dict[str, _Walk] = {}
    kids: dict[str, list[str]] = {}
    for columns in range(1, MAX_COLUMNS + 1):
        tidy = _Tidy(board, forest, hidden, h_gap, v_gap, columns, by_creation=True)
        tidy.walks, tidy.sorted_kids = walks, kids
        if len(roots) == 1:  # the usual board: measured on the bands, without placing
            width, height = tidy.extent(roots[0], *tidy.sides(roots[0], False, set(), tidy.made))
        else:
            pos = _layout(board, tidy, roots, False, set())
            left, top, right, bottom = _bounds(pos, tidy.size)
            width, height = right - left, bottom - top
        # Judged unstretched: the stretch would widen (or heighten) the map to 4:3 (16:9).
        width, height = max(width, 1.0), max(height, 1.0)
        width, height = max(width, height * NARROWEST), max(height, width / WIDEST)
        fit = min(PAGE / width, 1.0 / height)
        if fit > best[0] * 1.0001:  # a wider block only for a real gain
            best, worse = (fit, columns), 0
        else:
            worse += 1
        if not tidy.blocked or worse:
            break  # no leaves to wrap, or past the best width: wider only gets wider
    return best[1]


def side_layout(
    board: Board,
    note_id: str,
    collapsed: Collection[str] = (),
    fresh: bool = False,
    forest: tuple[Any, list[str]] | None = None,
) -> Positions:
    """:func:`mindmap_layout` with ``keep_sides``, cut down to the notes on ``note_id``'s
    side of its root (see :func:`_same_side`): what Tab, Enter and folding move. With ``fresh``
    a new branch straight off the root (``note_id``) goes to the lighter side. ``forest``:
    the board's :func:`mind_forest`, when the caller has it already."""
    forest, roots = forest or mind_forest(board)
    columns, rows = shown_blocks(board, forest, note_id)
    tidy = _Tidy(board, forest, set(collapsed), 60.0, V_GAP, columns)
    # A block that gains a leaf keeps its rows and grows a column, outwards where nothing
    # lies; the tree keeps the stretch the board shows. The branches beside the new note's
    # then come out where the room has seen them.
    tidy.rows = rows
    tidy.keep_stretch = _branch(forest, note_id)
    positions = _layout(board, tidy, roots, True, {note_id} if fresh else set())
    same = _same_side(board, forest, note_id, positions)
    return {n: xy for n, xy in positions.items() if n in same}


Made = Callable[[str], tuple[str, int, str]]


def _made(board: Board) -> Made:
    notes = board.notes

    def made(n: str) -> tuple[str, int, str]:
        # Structural choices (which parent wins, where a cycle starts, which side a branch
        # goes) must not depend on positions, or applying a layout could change the next one;
        # nor on the random ids of notes imported in one second, which seq keeps in order.
        return raised_order(notes[n])

    return made


def shown_blocks(board: Board, forest: Any, new: str = "") -> tuple[int, dict[str, int]]:
    """The blocks the board shows (children two or more to a row), leaving out note ``new``
    (just added): the widest one's column count (1 when there is no block), and each block's
    parent's row count."""
    notes = board.notes
    widest = 1
    rows: dict[str, int] = {}
    for parent in forest:
        kids = [k for k in forest.successors(parent) if k != new]
        if len(kids) < 2:
            continue
        middle = notes[parent].x + notes[parent].w / 2
        count: dict[tuple[bool, float], int] = {}
        for k in kids:
            # By side too: a topic's themes left and right of it at one height are no row.
            row = (notes[k].x + notes[k].w / 2 >= middle, round(notes[k].y + notes[k].h / 2, 1))
            count[row] = count.get(row, 0) + 1
        if max(count.values()) > 1:
            widest = max(widest, *count.values())
            rows[parent] = len(count)
    return min(widest, MAX_COLUMNS), rows


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


def _branch(forest: Any, note_id: str) -> set[str]:
    """The top-level branch ``note_id`` is in: the root's child above it and all below."""
    if note_id not in forest:
        return set()
    head = note_id
    while (up := list(forest.predecessors(head))) and list(forest.predecessors(up[0])):
        head = up[0]
    return {head} | nx.descendants(forest, head)


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
        by_creation: bool = False,
    ) -> None:
        self.notes = board.notes
        # Siblings in on-screen order, or (to judge a layout on the tree alone) in creation
        # order.
        self.by_creation = by_creation
        self.made = _made(board)
        self.sorted_kids: dict[str, list[str]] = {}
        self.walks: dict[str, _Walk] = {}
        self.side_bands = ((0.0, 0.0), (0.0, 0.0))  # the root's right and left (up, down)
        self.forest = forest
        self.hidden = hidden
        self.h_gap, self.v_gap = h_gap, v_gap
        self.columns = columns
        self.rows: dict[str, int] = {}  # a block's rows to keep, by its parent
        # Set: the tree keeps the stretch the board shows, read from the notes outside this
        # branch (see current_stretch).
        self.keep_stretch: set[str] | None = None
        self.blocked = False  # some parent's leaves could wrap into a block
        # A block leaf's column, counted outwards from its parent, and the column width.
        self.cell: dict[str, tuple[int, float]] = {}
        self.size = {n: (self.notes[n].w, self.notes[n].h) for n in forest}
        # Per note below a root: its band above and below its centre, its centre's offset
        # from its parent's, and its near edge's distance from its parent's centre.
        self.up: dict[str, float] = {}
        self.down: dict[str, float] = {}
        self.offset: dict[str, float] = {}
        self.reach: dict[str, float] = {}

    def screen(self, n: str) -> tuple[float, float, str]:
        note = self.notes[n]
        return (round(note.y + note.h / 2, 3), note.x + note.w / 2, n)

    def sibling_order(self, parent: str) -> Callable[[str], tuple[Any, ...]]:
        """Sibling order follows what the user sees, so re-running keeps it: top to bottom
        by centre (which a stretched block row keeps level whatever its notes' heights), then
        outwards from the parent, on either side; or, to judge a layout on the tree alone,
        creation order."""
        if self.by_creation:
            return self.made
        p = self.notes[parent]
        middle = p.x + p.w / 2

        def key(n: str) -> tuple[float, float, str]:
            note = self.notes[n]
            return (round(note.y + note.h / 2, 3), abs(note.x + note.w / 2 - middle), n)

        return key

    def kids(self, n: str) -> list[str]:
        kids = self.sorted_kids.get(n)
        if kids is None:
            succ = () if n in self.hidden else self.forest.successors(n)
            kids = self.sorted_kids[n] = sorted(succ, key=self.sibling_order(n))
        return kids

    def leaf(self, n: str) -> bool:
        return n in self.hidden or not self.forest.out_degree(n)

    def walk(self, root: str) -> _Walk:
        """The tree below ``root``: its notes deepest first, and its edges parents first.
        Walked by hand: networkx's generic traversals cost a third of a layout."""
        walk = self.walks.get(root)
        if walk is None:
            edges: list[tuple[str, str]] = []
            post: list[str] = []
            stack = [(root, False)]
            successors = self.forest.successors
            while stack:
                n, done = stack.pop()
                if done:
                    post.append(n)
                    continue
                stack.append((n, True))
                for kid in successors(n):
                    edges.append((n, kid))
                    stack.append((kid, False))
            walk = self.walks[root] = (post, edges)
        return walk

    def bands(self, root: str) -> None:
        """Pass 1 and 2 for every subtree below ``root``, deepest first."""
        for n in self.walk(root)[0]:
            if n != root:
                self.up[n], self.down[n] = self.stack(n, self.kids(n))

    def stack(self, node: str, kids: list[str]) -> tuple[float, float]:
        """Stack ``kids`` beside ``node``, centre ``node`` on them, fan them out; the (up,
        down) extent of the whole."""
        half = self.size[node][1] / 2
        if not kids:
            return half, half
        leaves = len(kids) > 1 and all(self.leaf(k) for k in kids)
        self.blocked |= leaves
        # A block the board shows whose leaf gained a child keeps its place (see block).
        if (leaves or node in self.rows) and len(kids) > 1 and self.columns > 1:
            kept = self.block(node, kids)
            if kept is not None:
                return kept
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

    def block(self, node: str, kids: list[str]) -> tuple[float, float] | None:
        """Wrap leaves into rows of at most ``columns``, as few rows as that allows and the
        columns evened out over them, the node centred on the block.

        A child with children of its own (a leaf of a block the board shows, just given one
        by Tab) stays in the block, moved to the outer end of its row so that its branch
        grows outwards past the block (a second one in a row trades places with the last
        leaf of a row that has none, and the block gains a row when they outnumber its rows);
        None when a branch is taller than a row."""
        leaves = [k for k in kids if self.leaf(k)]
        rows = self.rows.get(node) or math.ceil(len(kids) / self.columns)
        # A row for each branching child: one more row moves less than a column would.
        rows = max(rows, len(kids) - len(leaves))
        cols = math.ceil(len(kids) / rows)
        width = max(self.size[k][0] for k in kids)
        height = max(self.size[k][1] for k in leaves or kids)  # rows lie this far apart
        if any(max(self.up[k], self.down[k]) > height / 2 for k in kids if not self.leaf(k)):
            return None
        grid = [kids[r : r + cols] for r in range(0, len(kids), cols)]
        if not _one_tail_a_row(grid, self.leaf):
            return None
        # Each row's leaves, then its one branching child at the outer end.
        placed = [k for row in grid for k in sorted(row, key=lambda k: not self.leaf(k))]
        centre = {k: divmod(i, cols)[0] * (height + self.v_gap) for i, k in enumerate(placed)}
        top = min(centre[k] - self.size[k][1] / 2 for k in placed)
        bottom = max(centre[k] + self.size[k][1] / 2 for k in placed)
        mid = (top + bottom) / 2  # the node faces the middle of what is drawn
        for i, kid in enumerate(placed):
            self.offset[kid] = centre[kid] - mid
            self.cell[kid] = (i % cols, width)
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
        made: Made,
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
        right.sort(key=self.sibling_order(root))
        left.sort(key=self.sibling_order(root))
        self.side_bands = (self.stack(root, right), self.stack(root, left))
        return right, left

    def extent(self, root: str, right: list[str], left: list[str]) -> tuple[float, float]:
        """The width and height of the unstretched tree that :meth:`place` would lay out,
        from the bands alone (after :meth:`sides`)."""
        outer: dict[str, float] = {}

        def reach(kid: str) -> float:
            w = self.size[kid][0]
            shift = 0.0
            if kid in self.cell:
                col, width = self.cell[kid]
                shift = col * (width + COLUMN_GAP) + (width - w) / 2
            return self.reach[kid] + shift + w / 2 + outer[kid]

        for n in self.walk(root)[0]:
            if n != root:
                outer[n] = max([self.size[n][0] / 2, *(reach(k) for k in self.kids(n))])
        w0, h0 = self.size[root]
        width = sum(max([w0 / 2, *(reach(k) for k in side)]) for side in (right, left))
        (up_r, down_r), (up_l, down_l) = self.side_bands
        return width, max(h0 / 2, up_r, up_l) + max(h0 / 2, down_r, down_l)

    def place(self, root: str, right: list[str], left: list[str], y: float) -> Positions:
        """Top-down positions of one tree with its root's top at ``y``, stretched to fit."""
        w0, h0 = self.size[root]
        cx, cy = self.notes[root].x + w0 / 2, y + h0 / 2
        centre = {root: (cx, cy)}
        outward = {root: 1.0}
        for kid in left:
            outward[kid] = -1.0
        for parent, kid in self.walk(root)[1]:
            if parent not in centre or parent in self.hidden:
                continue  # below a collapsed note
            sign = outward.setdefault(kid, outward[parent])
            px, py = centre[parent]
            w = self.size[kid][0]
            reach = self.reach[kid] + w / 2
            if kid in self.cell:
                col, width = self.cell[kid]
                reach += col * (width + COLUMN_GAP) + (width - w) / 2
            centre[kid] = (px + sign * reach, py + self.offset[kid])
        if self.by_creation:
            sx = sy = 1.0  # judging a width (see _best_columns)
        elif self.keep_stretch is None:
            sx, sy = _stretch(centre, self.size)
        else:
            sx, sy = self.current_stretch(root, centre, self.keep_stretch)
        return {
            n: (cx + (x - cx) * sx - self.size[n][0] / 2, cy + (y - cy) * sy - self.size[n][1] / 2)
            for n, (x, y) in centre.items()
        }

    def current_stretch(
        self, root: str, centre: dict[str, tuple[float, float]], changed: set[str]
    ) -> tuple[float, float]:
        """The stretch the board shows: the median ratio of where the root's branches outside
        ``changed`` are, from the root's centre, to where the unstretched layout puts them
        (1 along an axis without evidence; never below 1, as a stretch only widens)."""
        notes = self.notes
        rx, ry = centre[root]
        ox = notes[root].x + self.size[root][0] / 2
        oy = notes[root].y + self.size[root][1] / 2
        along: tuple[list[float], list[float]] = ([], [])
        # The root's other branches' heads tell it: every offset is stretched alike.
        for n in self.forest.successors(root):
            if n in changed or n not in centre:
                continue
            x, y = centre[n]
            w, h = self.size[n]
            for axis, (new, now) in enumerate(
                ((x - rx, notes[n].x + w / 2 - ox), (y - ry, notes[n].y + h / 2 - oy))
            ):
                if abs(new) > 1.0:
                    along[axis].append(now / new)
        sx, sy = (max(1.0, statistics.median(r)) if r else 1.0 for r in along)
        return sx, sy


def _one_tail_a_row(grid: list[list[str]], leaf: Callable[[str], bool]) -> bool:
    """Rearrange ``grid`` (rows of a block) in place so that no row holds two children with
    children of their own: an extra one trades places with the last leaf of the nearest row
    that has none, later rows first. False when there are more of them than rows."""
    for r, row in enumerate(grid):
        while sum(not leaf(k) for k in row) > 1:
            free = [
                i
                for i in sorted(range(len(grid)), key=lambda i: (abs(i - r), i < r))
                if all(leaf(k) for k in grid[i])
            ]
            if not free:
                return False
            other = grid[free[0]]
            tail = max(i for i, k in enumerate(row) if not leaf(k))
            row[tail], other[-1] = other[-1], row[tail]
    return True


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


def mind_forest(board: Board) -> tuple[Any, list[str]]:
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
