"""The full mind-map layout at real size: random outlines of 10 to 500 notes, depth <= 6 and
at most 40 children, never overlap, no line crosses a note or another line, the map stays
between 4:3 and 16:9, its sides are balanced, and the result is deterministic."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pofacil.board import ops
from pofacil.board.model import Board
from pofacil.board.ops.layout import NARROWEST, WIDEST, mindmap_layout
from pofacil.board.session import Session

from .mindmap_checks import crossings, links_through_notes, overlaps, ratio, rects, segments


@st.composite
def outlines(
    draw: st.DrawFn, least: int = 10, most: int = 500, depth: int = 6, fan: int = 40
) -> list[int | None]:
    """parents[i] for a tree of ``least``..``most`` notes: each note picks its parent from
    the notes that still have room below them (depth) and beside them (fan-out)."""
    total = draw(st.integers(least, most))
    parents: list[int | None] = [None]
    level = [0]
    kids = [0]
    open_ = [0]
    for i in range(1, total):
        if not open_:
            break
        p = open_[draw(st.integers(0, len(open_) - 1))]
        parents.append(p)
        level.append(level[p] + 1)
        kids.append(0)
        kids[p] += 1
        if kids[p] >= fan:
            open_.remove(p)
        if level[i] < depth:
            open_.append(i)
    return parents


def build(folder: Path, parents: list[int | None], sizes: list[tuple[int, int]]) -> Session:
    """A real file holding the tree, notes scattered on the board as an import leaves them."""
    s = Session.create(folder / "m.pofacil", boards=[("blank", "心智圖")])
    specs = [
        ops.NoteSpec(f"第{i}點", x=40.0 + (i * 7919) % 3000, y=40.0 + (i * 104729) % 2000)
        for i in range(len(parents))
    ]
    ids = [spec.id for spec in specs]
    links = [(ids[p], ids[i], "child") for i, p in enumerate(parents) if p is not None]
    board = s.workshop.ordered_boards()[0]
    s.do(ops.add_notes(s.workshop, board.id, specs, links=links))
    for i, (w, h) in enumerate(sizes[: len(ids)]):
        note = s.workshop.note(ids[i])
        if (note.w, note.h) != (float(w), float(h)):  # the default size is no change
            s.do(ops.resize_note(s.workshop, ids[i], float(w), float(h)))
    return s


def check(board: Board, pos: dict[str, tuple[float, float]]) -> None:
    boxes = rects(board, pos)
    segs = segments(board, boxes)
    assert overlaps(boxes) == []
    assert links_through_notes(boxes, segs) == []
    assert crossings(segs) == []
    assert NARROWEST - 1e-9 <= ratio(boxes) <= WIDEST + 1e-9


def balanced(board: Board, pos: dict[str, tuple[float, float]], root: str) -> None:
    """Neither side is taller than the other by more than its tallest branch and a gap
    (what moving one branch across could mend), measured on the map as laid out."""
    middle = pos[root][0] + board.notes[root].w / 2
    spans: dict[bool, list[tuple[float, float]]] = {True: [], False: []}
    for head in board.children(root):
        branch = [head]
        for n in branch:
            branch.extend(board.children(n))
        top = min(pos[n][1] for n in branch)
        bottom = max(pos[n][1] + board.notes[n].h for n in branch)
        spans[pos[head][0] + board.notes[head].w / 2 > middle].append((top, bottom))
    height = {
        side: (max(b for _, b in s) - min(t for t, _ in s)) if s else 0.0
        for side, s in spans.items()
    }
    tallest = max(b - t for s in spans.values() for t, b in s)
    gaps = [
        later[0] - earlier[1]
        for s in spans.values()
        for earlier, later in zip(sorted(s), sorted(s)[1:], strict=False)
    ]
    assert abs(height[True] - height[False]) <= tallest + max(gaps, default=0.0) + 1


@settings(deadline=None, max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(outlines(), st.lists(st.tuples(st.integers(120, 260), st.integers(80, 180)), max_size=8))
def test_random_outlines_lay_out_cleanly(
    parents: list[int | None], sizes: list[tuple[int, int]]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        s = build(Path(folder), parents, sizes)
        try:
            board = s.workshop.ordered_boards()[0]
            pos = mindmap_layout(board)
            assert len(pos) == len(parents)
            check(board, pos)
            root = min(pos, key=lambda n: board.notes[n].seq)
            balanced(board, pos, root)
            assert mindmap_layout(board) == pos
            # Sides kept from where the notes lie (scattered here): unbalanced, still clean.
            check(board, mindmap_layout(board, keep_sides=True))
            s.do(ops.move_notes(s.workshop, pos))
            assert mindmap_layout(board) == pos  # its own output is a fixed point
            assert mindmap_layout(board, keep_sides=True) == pos
        finally:
            s.close()


@settings(deadline=None, max_examples=10, suppress_health_check=[HealthCheck.too_slow])
@given(outlines(least=50, most=300, depth=9, fan=80))
def test_deeper_and_wider_outlines_still_never_overlap(parents: list[int | None]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        s = build(Path(folder), parents, [])
        try:
            board = s.workshop.ordered_boards()[0]
            boxes = rects(board, mindmap_layout(board))
            assert overlaps(boxes) == []
            assert links_through_notes(boxes, segments(board, boxes)) == []
        finally:
            s.close()


@settings(deadline=None, max_examples=10, suppress_health_check=[HealthCheck.too_slow])
@given(
    outlines(most=300),
    st.integers(1, 6),
    st.lists(st.tuples(st.integers(120, 260), st.integers(80, 180)), max_size=8),
)
def test_a_block_width_is_judged_on_the_map_it_would_place(
    parents: list[int | None], columns: int, sizes: list[tuple[int, int]]
) -> None:
    """The full layout chooses its block width from the bands alone, without placing each
    candidate: the size it judges must be the size the placed (unstretched) map has."""
    from pofacil.board.ops.layout import _bounds, _layout, _Tidy, mind_forest

    with tempfile.TemporaryDirectory() as folder:
        s = build(Path(folder), parents, sizes)
        try:
            board = s.workshop.ordered_boards()[0]
            forest, roots = mind_forest(board)
            judge = _Tidy(board, forest, set(), 60.0, 24.0, columns, by_creation=True)
            width, height = judge.extent(roots[0], *judge.sides(roots[0], False, set(), judge.made))
            placer = _Tidy(board, forest, set(), 60.0, 24.0, columns, by_creation=True)
            left, top, right, bottom = _bounds(
                _layout(board, placer, roots, False, set()), placer.size
            )
            assert abs(width - (right - left)) < 1e-6 and abs(height - (bottom - top)) < 1e-6
        finally:
            s.close()
