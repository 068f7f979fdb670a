"""The mind-map layout: a tidy left/right tree, anchored on its root, stable and deterministic."""

from __future__ import annotations

import itertools
import random
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pofacil.board import ops
from pofacil.board.model import Board, raised_order
from pofacil.board.ops.layout import NARROWEST, WIDEST, mindmap_layout
from pofacil.board.session import Session

from .mindmap_checks import crossings, links_through_notes, ratio, rects, segments

Positions = dict[str, tuple[float, float]]


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    s = Session.create(tmp_path / "m.pofacil", boards=[("blank", "心智圖")])
    yield s
    s.close()


def board_of(s: Session) -> Board:
    return s.workshop.ordered_boards()[0]


def add_tree(
    s: Session,
    parents: list[int | None],
    at: list[tuple[float, float]],
    sizes: dict[int, tuple[float, float]] | None = None,
) -> list[str]:
    """Notes i = 0.. with ``parents[i]`` (an index, or None) in one step; then resizes."""
    specs = [ops.NoteSpec(f"第{i}點", x=x, y=y) for i, (x, y) in enumerate(at)]
    ids = [spec.id for spec in specs]
    links = [(ids[p], ids[i], "child") for i, p in enumerate(parents) if p is not None]
    s.do(ops.add_notes(s.workshop, board_of(s).id, specs, links=links))
    for i, (w, h) in (sizes or {}).items():
        s.do(ops.resize_note(s.workshop, ids[i], w, h))
    return ids


def overlaps(board: Board, pos: Positions) -> list[tuple[str, str]]:
    """Every pair of placed notes whose rectangles intersect."""

    def rect(n: str) -> tuple[float, float, float, float]:
        x, y = pos[n]
        return x, y, x + board.notes[n].w, y + board.notes[n].h

    bad = []
    for a, b in itertools.combinations(sorted(pos), 2):
        ax0, ay0, ax1, ay1 = rect(a)
        bx0, by0, bx1, by1 = rect(b)
        if ax0 < bx1 and bx0 < ax1 and ay0 < by1 and by0 < ay1:
            bad.append((a, b))
    return bad


def centre_y(board: Board, pos: Positions, n: str) -> float:
    return pos[n][1] + board.notes[n].h / 2


def span_centre(board: Board, pos: Positions, kids: list[str]) -> float:
    top = min(pos[k][1] for k in kids)
    bottom = max(pos[k][1] + board.notes[k].h for k in kids)
    return (top + bottom) / 2


def mind_map_200() -> tuple[list[int | None], list[tuple[float, float]], dict[int, tuple]]:
    """A root with six branches of depth 1 to 4 and varied fan-out, scattered on the board."""
    rng = random.Random(20240601)
    parents: list[int | None] = [None]
    depth = [0]
    branch_depth = {}
    for d in (1, 2, 3, 4, 2, 3):
        parents.append(0)
        depth.append(1)
        branch_depth[len(parents) - 1] = d
    branch = {i: i for i in branch_depth}
    # Give every branch its full depth first, then hang the rest at random open places.
    for head, d in branch_depth.items():
        tip = head
        for level in range(2, d + 1):
            parents.append(tip)
            depth.append(level)
            tip = len(parents) - 1
            branch[tip] = head
    while len(parents) < 200:
        p = rng.choice([i for i in branch if depth[i] < branch_depth[branch[i]]])
        parents.append(p)
        depth.append(depth[p] + 1)
        branch[len(parents) - 1] = branch[p]
    at = [(1200.0, 900.0)] + [(rng.uniform(0, 3000), rng.uniform(0, 2000)) for _ in parents[1:]]
    sizes = {
        i: (rng.choice((200, 260, 300)), rng.choice((140, 180, 200)))
        for i in rng.sample(range(1, 200), 12)
    }
    sizes[0] = (240.0, 160.0)
    return parents, at, sizes


def test_a_200_note_mind_map_is_a_balanced_left_right_tree_on_a_landscape_page(
    session: Session,
) -> None:
    parents, at, sizes = mind_map_200()
    ids = add_tree(session, parents, at, sizes)
    board = board_of(session)
    pos = mindmap_layout(board)

    assert set(pos) == set(ids)
    assert pos[ids[0]] == (1200.0, 900.0)
    boxes = rects(board, pos)
    segs = segments(board, boxes)
    assert overlaps(board, pos) == []
    assert links_through_notes(boxes, segs) == []
    assert crossings(segs) == []
    assert NARROWEST <= ratio(boxes) <= WIDEST
    root = board.notes[ids[0]]
    heads = board.children(ids[0])
    right = [h for h in heads if pos[h][0] > root.x]
    left = [h for h in heads if pos[h][0] < root.x]
    assert right and left and len(right) + len(left) == 6
    side_of = {h: h in right for h in heads}
    for i, p in enumerate(parents):
        if p is None:
            continue
        if p != 0:
            side_of[ids[i]] = side_of[ids[p]]
        # Every level at least a gap further out than its parent, on its branch's side.
        parent, child = board.notes[ids[p]], board.notes[ids[i]]
        if side_of[ids[i]]:
            assert pos[child.id][0] >= pos[parent.id][0] + parent.w + 60 - 1e-6
        else:
            assert pos[child.id][0] + child.w <= pos[parent.id][0] - 60 + 1e-6
    # Each parent is centred on its children's boxes; the root on each side's children.
    for i in range(1, 200):
        kids = board.children(ids[i])
        if kids:
            assert abs(centre_y(board, pos, ids[i]) - span_centre(board, pos, kids)) <= 1
    for side in (right, left):
        assert abs(centre_y(board, pos, ids[0]) - span_centre(board, pos, side)) <= 1


def test_the_layout_is_deterministic_and_stable(session: Session) -> None:
    parents, at, sizes = mind_map_200()
    add_tree(session, parents, at, sizes)
    board = board_of(session)
    first = mindmap_layout(board)
    assert mindmap_layout(board) == first
    session.do(ops.move_notes(session.workshop, first))
    assert mindmap_layout(board) == first
    # And from a reopened file, where every position came back through SQLite.
    other = Session.open(session.path, read_only=True)
    try:
        assert mindmap_layout(board_of(other)) == first
    finally:
        other.close()


def test_free_notes_are_left_alone(session: Session) -> None:
    ids = add_tree(
        session, [None, 0, 0, None, None], [(0, 0), (500, 0), (500, 300), (900, 900), (1300, 900)]
    )
    session.do(ops.link_notes(session.workshop, ids[3], ids[4]))  # a free link, not a child
    pos = mindmap_layout(board_of(session))
    assert set(pos) == set(ids[:3])
    assert pos[ids[0]] == (0.0, 0.0)


def test_collapsed_and_deleted_subtrees_are_absent(session: Session) -> None:
    #        0
    #   1    2    3
    #  4 5   6    7
    #        8
    parents = [None, 0, 0, 0, 1, 1, 2, 3, 6]
    ids = add_tree(session, parents, [(100.0 * i, 50.0 * i) for i in range(9)])
    board = board_of(session)
    pos = mindmap_layout(board, collapsed={ids[2]})
    assert set(pos) == set(ids) - {ids[6], ids[8]}
    assert overlaps(board, pos) == []
    # A collapsed note is one box: no room is kept for what it hides. (With 4 and 5 side by
    # side in a block, the three branches are equally tall: which side each takes is then
    # the creation order's, but they do split.)
    assert {pos[ids[i]][0] > 0 for i in (1, 2, 3)} == {True, False}
    unfolded = mindmap_layout(board)
    height = {
        name: max(p[n][1] + 100 for n in p) - min(p[n][1] for n in p)
        for name, p in (("folded", pos), ("open", unfolded))
    }
    assert height["folded"] < height["open"]  # the gap closes

    session.do(ops.delete_notes(session.workshop, [ids[1], ids[7]]))
    pos = mindmap_layout(board)
    assert set(pos) == {ids[0], ids[2], ids[3], ids[6], ids[8]}
    assert overlaps(board, pos) == []
    # A deleted note takes its whole subtree with it, even live notes further down.
    session.do(ops.delete_notes(session.workshop, [ids[0]]))
    assert mindmap_layout(board) == {}


def test_two_trees_do_not_overlap(session: Session) -> None:
    # Two roots 150 px apart, each with five children: their trees would collide.
    parents = [None, 0, 0, 0, 0, 0, None, 6, 6, 6, 6, 6]
    at = [(0.0, 0.0)] + [(900.0, 40.0 * i) for i in range(5)]
    at += [(40.0, 150.0)] + [(900.0, 40.0 * i) for i in range(5)]
    ids = add_tree(session, parents, at)
    board = board_of(session)
    pos = mindmap_layout(board)
    assert set(pos) == set(ids)
    assert overlaps(board, pos) == []
    assert pos[ids[0]] == (0.0, 0.0)
    assert pos[ids[6]][0] == 40.0 and pos[ids[6]][1] > 150.0
    first_bottom = max(pos[i][1] + board.notes[i].h for i in ids[:6])
    assert min(pos[i][1] for i in ids[6:]) >= first_bottom
    session.do(ops.move_notes(session.workshop, pos))
    assert mindmap_layout(board) == pos


def test_cycles_and_second_parents_terminate_and_place_each_note_once(session: Session) -> None:
    ids = add_tree(session, [None, None, None], [(0, 0), (300, 0), (600, 0)])
    a, b, c = ids
    for source, target in ((a, b), (b, c), (c, a)):
        session.do(ops.link_notes(session.workshop, source, target, "child"))
    board = board_of(session)
    pos = mindmap_layout(board)
    assert set(pos) == {a, b, c}
    assert overlaps(board, pos) == []
    # The cycle starts at its earliest note (created, then seq), which keeps its place.
    start = min(ids, key=lambda n: raised_order(board.notes[n]))
    assert pos[start] == (board.notes[start].x, board.notes[start].y)

    # A note with two parents, and a two-note cycle, on the same board.
    more = add_tree(
        session, [None, 0, 0, 1, None], [(0, 900), (300, 900), (300, 1100), (600, 900), (900, 900)]
    )
    spec = ops.NoteSpec("兩個父節點", x=600, y=1100)
    session.do(
        ops.add_notes(
            session.workshop,
            board.id,
            [spec],
            links=[
                (more[1], spec.id, "child"),
                (more[2], spec.id, "child"),
                (more[3], more[4], "child"),
                (more[4], more[3], "child"),
            ],
        )
    )
    pos = mindmap_layout(board)
    assert set(pos) == {a, b, c, spec.id, *more}
    assert overlaps(board, pos) == []
    assert mindmap_layout(board) == pos


trees = st.lists(
    st.tuples(
        st.integers(0, 10_000),
        st.integers(80, 300),
        st.integers(60, 200),
        st.integers(0, 2000),
        st.integers(0, 2000),
    ),
    min_size=1,
    max_size=80,
)


@settings(deadline=None, max_examples=50)
@given(trees, st.sets(st.integers(0, 79), max_size=5))
def test_random_trees_never_overlap(
    notes: list[tuple[int, int, int, int, int]], collapsed: set[int]
) -> None:
    parents = [None] + [pick % (i + 1) for i, (pick, *_) in enumerate(notes[1:])]
    at = [(float(x), float(y)) for *_, x, y in notes]
    at[0] = (1000.0, 1000.0)
    sizes = {i: (w, h) for i, (_, w, h, _, _) in enumerate(notes)}
    with tempfile.TemporaryDirectory() as folder:
        s = Session.create(Path(folder) / "m.pofacil", boards=[("blank", "心智圖")])
        try:
            ids = add_tree(s, parents, at, sizes)
            board = board_of(s)
            pos = mindmap_layout(board, collapsed={ids[i] for i in collapsed if i < len(ids)})
            assert overlaps(board, pos) == []
            assert (
                mindmap_layout(board, collapsed={ids[i] for i in collapsed if i < len(ids)}) == pos
            )
            if len(ids) > 1:
                assert pos[ids[0]] == (1000.0, 1000.0)
        finally:
            s.close()
