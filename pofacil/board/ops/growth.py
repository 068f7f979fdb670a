"""Where a new mind-map note goes in front of a room: into its own branch, the others kept.

:func:`layout.side_layout` lays the new note's side of the map out again as a whole, centring
its branches on the root once more, so each branch of that side shifts a little whenever one of
them grows; the room loses its place. Here only the new note's *branch* (the root's child above
it and everything below) takes its new shape from that layout, and the branch is set back
between its neighbours where they are now:

- when the gap between them holds it, no other note moves (a new theme after the last one on
  its side, a point that fills a block's row);
- when it needs more room, the branches beyond it, on the far side from the root's centre
  line, move out together by what it lacks; the ones nearer the centre line stay;
- a branch whose line from the root would cut a nearer branch slides outwards until it
  clears it.

The result is checked on the drawn geometry (notes do not overlap, no line from the root
enters another branch's box, and a branch's own lines and brackets lie inside its box, so
nothing else can cross); when a splice fails the check, the side's full re-layout is used. A
full layout (Board > Lay out) balances the sides again.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection
from typing import Any, TypeVar

from pofacil.board.geometry.grid import Rect
from pofacil.board.geometry.items import link_ends, segment_enters
from pofacil.board.model import Board

from .layout import V_GAP, Positions, mind_forest, side_layout

STEP = V_GAP / 4  # a branch slides outwards in steps this long to clear a nearer one
SLIDES = 160  # and at most this many
T = TypeVar("T")


def grown_side_layout(
    board: Board, note_id: str, collapsed: Collection[str] = (), fresh: bool = False
) -> Positions:
    """New positions after note ``note_id`` was added (Tab or Enter; ``fresh`` as in
    :func:`side_layout`): its branch re-shaped and spliced in, and only the notes that have
    to move. Falls back to the side's full re-layout when a splice would not be clean."""
    forest, roots = mind_forest(board)
    laid = side_layout(board, note_id, collapsed, fresh, (forest, roots))
    root = _root_above(forest, note_id) if fresh else None
    # A new theme off the topic goes past the first or the last of its side, whichever
    # leaves it nearer the topic (its line must pass clear of the theme it follows).
    found = _splices(board, (forest, roots), note_id, laid, (False, True) if root else (None,))
    if not found:
        return laid
    if root is None:
        return found[0]
    notes = board.notes
    offset = notes[note_id].h / 2 - notes[root].y - notes[root].h / 2
    return min(found, key=lambda e: abs(e[note_id][1] + offset))


def _root_above(forest: Any, note_id: str) -> str | None:
    """The root ``note_id`` hangs straight off, or None (not in a tree, or deeper)."""
    parents = list(forest.predecessors(note_id)) if note_id in forest else []
    if parents and not forest.in_degree(parents[0]):
        return str(parents[0])
    return None


def _splices(
    board: Board,
    mind: tuple[Any, list[str]],
    note_id: str,
    laid: Positions,
    tops: tuple[bool | None, ...],
) -> list[Positions]:
    """``laid`` with only ``note_id``'s branch taken from it, spliced in (see the module),
    once per entry of ``tops``: None keeps the layout's order of branches, True (False)
    puts a new theme first (last) on its side. Only the clean ones are returned."""
    forest, roots = mind  # the board's mind_forest
    path = [note_id]
    while note_id in forest and (up := list(forest.predecessors(path[-1]))):
        path.append(up[0])
    if len(path) < 2 or note_id not in laid:
        return []
    root, head = path[-1], path[-2]
    notes = board.notes
    heads = [h for h in forest.successors(root) if h in laid]
    members = {h: [n for n in _below(forest, h) if n in laid] for h in heads}
    heads.sort(key=lambda h: laid[h][1] + notes[h].h / 2)

    def rect(n: str, x: float, y: float) -> Rect:
        return Rect(x, y, notes[n].w, notes[n].h)

    # Each branch moves as a whole: its head's rectangle and its box are all the check needs.
    lx, ly = laid[head]
    # An existing head stays where the room saw it; a new one goes where the layout put it.
    hx, hy = (lx, ly) if head == note_id else (notes[head].x, notes[head].y)
    shape = {n: (laid[n][0] - lx + hx, laid[n][1] - ly + hy) for n in members[head]}
    heads_at = {h: rect(h, notes[h].x, notes[h].y) for h in heads}
    boxes = {h: _box([rect(n, notes[n].x, notes[n].y) for n in members[h]]) for h in heads}
    heads_at[head] = rect(head, hx, hy)
    boxes[head] = _box([rect(n, *xy) for n, xy in shape.items()])
    # The board's other trees: the side's full re-layout moves a tree that would meet one.
    others = [n for r in roots if r != root for n in _below(forest, r)]
    elsewhere = [rect(n, notes[n].x, notes[n].y) for n in others]
    side = _Side(rect(root, notes[root].x, notes[root].y), heads_at, boxes, elsewhere)
    out: list[Positions] = []
    for top in tops:
        order = [h for h in heads if h != head]
        order.insert(heads.index(head) if top is None else 0 if top else len(order), head)
        found = side.splice(order, head, ly + notes[head].h / 2)
        if found is None:
            continue
        positions: Positions = {}
        for h, (dx, dy) in found.items():
            for n in members[h]:
                x, y = shape[n] if h == head else (notes[n].x, notes[n].y)
                positions[n] = (x + dx, y + dy)
        out.append(positions)
    return out


class _Side:
    """One side of a tree as rigid branches: each head's rectangle and its branch's box."""

    def __init__(
        self, root: Rect, heads_at: dict[str, Rect], boxes: dict[str, Rect], elsewhere: list[Rect]
    ) -> None:
        self.root, self.heads_at, self.boxes, self.elsewhere = root, heads_at, boxes, elsewhere
        # The lines of the heads that stay, drawn once rather than at every try.
        self.lines = {h: link_ends(root, r) for h, r in heads_at.items()}

    def line(
        self, h: str, moves: dict[str, tuple[float, float]]
    ) -> tuple[float, float, float, float]:
        by = moves.get(h)
        return self.lines[h] if by is None else link_ends(self.root, _moved(self.heads_at[h], by))

    def splice(
        self, order: list[str], head: str, laid_mid: float
    ) -> dict[str, tuple[float, float]] | None:
        """How each branch that moves moves (by head) when ``head``'s branch takes its place
        in ``order`` (top to bottom); None when no clean place was found. ``laid_mid``: the
        head's centre where the side's full re-layout put it."""
        root, boxes = self.root, self.boxes
        i = order.index(head)
        before, after = order[:i], order[i + 1 :]
        box, y0 = boxes[head], self.heads_at[head].y
        rel_top, rel_bottom = box.y - y0, box.y + box.h - y0
        above = max((boxes[h].y + boxes[h].h for h in before), default=-1e300)
        below = min((boxes[h].y for h in after), default=1e300)
        lo, hi = above + V_GAP - rel_top, below - V_GAP - rel_bottom
        root_mid = root.y + root.h / 2
        half = self.heads_at[head].h / 2
        # In the gap when it fits, nearest where it is; else against the branch nearer the
        # centre line, the ones beyond moving out.
        if lo <= hi:
            start = min(max(y0, lo), hi)
            outward_down = start + half >= root_mid
        else:
            outward_down = laid_mid >= root_mid
            start = lo if outward_down else hi
        rightward = box.x + box.w / 2 >= root.x + root.w / 2
        step = STEP if outward_down else -STEP

        def attempt(k: int) -> dict[str, tuple[float, float]] | None:
            y = start + k * step
            # The branches beyond it on its far side move out together by what it lacks.
            if outward_down:
                shift, moving = max(0.0, y + rel_bottom + V_GAP - below), after
            else:
                shift, moving = min(0.0, y + rel_top - V_GAP - above), before
            moves = {h: (0.0, shift) for h in moving}
            moves[head] = (0.0, y - y0)
            moves = self.settle(order, moves, rightward)
            if not self.clean(order, moves):
                return None
            return moves

        nearer = before if outward_down else after
        floor = self.steepest(head, start, nearer, outward_down, rightward)
        return _first(attempt, SLIDES, max(0, math.floor((floor - start) / step)))

    def steepest(
        self, head: str, y: float, nearer: list[str], down: bool, rightward: bool
    ) -> float:
        """Where ``head`` (its top at ``y``) must at least slide for its line from the root
        to pass inside the inner corner of every nearer branch's box: a lower bound that
        saves the search its first tries (moving outwards only makes the line flatter)."""
        r, me = self.root, self.heads_at[head]
        cx, cy = r.x + r.w / 2, r.y + r.h / 2
        bx = me.x + me.w / 2 - cx
        need = abs(y + me.h / 2 - cy)
        for o in nearer:
            box = self.boxes[o]
            far = (box.y + box.h - cy) if down else (cy - box.y)
            inner = (box.x - cx) if rightward else (cx - box.x - box.w)
            if far > 0 and inner > 0:
                need = max(need, abs(bx) * far / inner)
        return cy + (need if down else -need) - me.h / 2

    def settle(
        self, order: list[str], moves: dict[str, tuple[float, float]], rightward: bool
    ) -> dict[str, tuple[float, float]]:
        """``moves`` with each moving branch shifted further outwards just enough that no
        line from the root to another head enters its box. A vertical move narrows the
        angles between lines, so what cleared a line before may not now; a few rounds
        settle it."""
        moves = dict(moves)
        for _ in range(len(moves) + 2):
            settled = True
            for h in list(moves):
                lines = [self.line(o, moves) for o in order if o != h]
                dx = _clearance(_moved(self.boxes[h], moves[h]), lines, rightward)
                if dx:
                    settled = False
                    moves[h] = (moves[h][0] + dx, moves[h][1])
            if settled:
                break
        return moves

    def clean(self, order: list[str], moves: dict[str, tuple[float, float]]) -> bool:
        """No moving branch's box overlaps another's, the root or another tree, and no line
        from the root to a head enters another branch's box where one of the two moved
        (what stayed was checked when it was placed)."""
        boxes = {h: _moved(self.boxes[h], moves.get(h)) for h in order}
        if any(_overlap(boxes[h], boxes[o]) for h in moves for o in order if o != h):
            return False
        if any(_overlap(boxes[h], o) for h in moves for o in [self.root, *self.elsewhere]):
            return False
        for h in order:
            ends = self.line(h, moves)
            others = order if h in moves else moves
            if any(segment_enters(ends, boxes[o]) for o in others if o != h):
                return False
        return True


def _first(attempt: Callable[[int], T | None], most: int, least: int = 0) -> T | None:
    """The result of the smallest ``k`` in ``least``..``most`` for which ``attempt``
    succeeds, searched by doubling then halving: sliding further out only clears more, and
    each try costs a check of the whole side."""
    least = min(least, most)
    result = attempt(least)
    if result is not None:
        return result
    bad, good = least, least + 1
    while (result := attempt(good)) is None:
        if good >= most:
            return None
        bad, good = good, min(least + 2 * (good - least), most)
    while good - bad > 1:
        mid = (bad + good) // 2
        tried = attempt(mid)
        if tried is None:
            bad = mid
        else:
            good, result = mid, tried
    return result


def _moved(r: Rect, by: tuple[float, float] | None) -> Rect:
    return r if by is None else Rect(r.x + by[0], r.y + by[1], r.w, r.h)


def _clearance(box: Rect, lines: list[tuple[float, float, float, float]], rightward: bool) -> float:
    """How far ``box`` must move outwards (right, or left when not ``rightward``) so that
    none of ``lines`` enters it: each line, where it passes the box's top and bottom, must lie
    on the root's side of the box."""
    need = 0.0
    for x1, y1, x2, y2 in lines:
        if y1 == y2 or not segment_enters((x1, y1, x2, y2), box):
            continue
        for edge in (box.y, box.y + box.h):
            t = min(max((edge - y1) / (y2 - y1), 0.0), 1.0)
            x = x1 + (x2 - x1) * t
            need = max(need, x - box.x + 1.0) if rightward else max(need, box.x + box.w - x + 1.0)
    return need if rightward else -need


def _below(forest: Any, top: str) -> list[str]:
    """``top`` and every note below it (networkx's descendants cost a fifth of a Tab)."""
    out = [top]
    succ = forest.succ
    for n in out:
        out.extend(succ[n])
    return out


def _box(rects: list[Rect]) -> Rect:
    left, top = min(r.x for r in rects), min(r.y for r in rects)
    right, bottom = max(r.x + r.w for r in rects), max(r.y + r.h for r in rects)
    return Rect(left, top, right - left, bottom - top)


def _overlap(a: Rect, b: Rect) -> bool:
    return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h
