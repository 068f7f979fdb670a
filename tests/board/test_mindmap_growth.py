"""Tab, Enter and folding in front of a room: only the new note's side of the map moves, no
branch changes side, and nothing overlaps. Counted note by note on a 75-point morning."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pofacil.board import ops
from pofacil.board.model import Board, new_id
from pofacil.board.ops import boards as board_ops
from pofacil.board.ops.central import central_topic
from pofacil.board.session import Session

from .mindmap_checks import (
    crossings,
    links_through_notes,
    morning_session,
    overlaps,
    rects,
    segments,
)

Positions = dict[str, tuple[float, float]]


@pytest.fixture
def morning(tmp_path: Path) -> Iterator[Session]:
    """15 themes of 4 points under the topic, imported and laid out."""
    s = morning_session(tmp_path)
    yield s
    s.close()


def board(s: Session) -> Board:
    return s.workshop.ordered_boards()[0]


def where(s: Session) -> Positions:
    return {n.id: (n.x, n.y) for n in board(s).live_notes()}


def sides(s: Session) -> dict[str, bool]:
    """Every note below the topic: True when its branch is on the right."""
    b = board(s)
    root = central_topic(b)
    assert root is not None
    middle = root.x + root.w / 2
    out = {}
    for head in b.children(root.id):
        right = b.notes[head].x + b.notes[head].w / 2 > middle
        branch = [head]
        for n in branch:
            branch.extend(b.children(n))
            out[n] = right
    return out


def clean(s: Session) -> None:
    b = board(s)
    boxes = rects(b, where(s))
    segs = segments(b, boxes)
    assert overlaps(boxes) == []
    assert links_through_notes(boxes, segs) == []
    assert crossings(segs) == []


def grow(s: Session, note_id: str, sibling: bool) -> str:
    new = new_id()
    s.do_all(
        "add branch",
        lambda ws: board_ops.add_branch(ws, note_id, "新的點", sibling, new),
        lambda ws: board_ops.lay_out_side(ws, board(s).id, new, fresh=not sibling),
    )
    return new


def moved(before: Positions, after: Positions) -> set[str]:
    return {n for n, xy in before.items() if after[n] != xy}


@pytest.mark.parametrize("sibling", [False, True])
@pytest.mark.parametrize("right", [True, False])
def test_tab_and_enter_move_only_their_side(morning: Session, sibling: bool, right: bool) -> None:
    side = sides(morning)
    leaf = next(n for n, r in sorted(side.items()) if r == right and not board(morning).children(n))
    before = where(morning)
    new = grow(morning, leaf, sibling)
    after = where(morning)
    changed = moved(before, after)
    # Tab on a point turns its theme's block back into a column, which needs room; Enter
    # fills the block's next place, or grows it a column, and moves no note of another branch.
    assert changed if not sibling else changed <= branch_of(board(morning), new)
    assert all(side[n] == right for n in changed)  # nothing on the other side moved
    assert sides(morning) == {**side, new: right}  # no branch changed side
    assert undo_is_one_step(morning, before)
    clean_after = grow(morning, leaf, sibling)
    assert clean_after in board(morning).notes
    clean(morning)


def undo_is_one_step(s: Session, before: Positions) -> bool:
    s.undo()
    return where(s) == before


def test_tab_on_the_topic_starts_a_branch_on_the_lighter_side(morning: Session) -> None:
    root = central_topic(board(morning))
    assert root is not None
    side = sides(morning)
    heads = board(morning).children(root.id)
    count = {r: sum(side[h] == r for h in heads) for r in (True, False)}
    lighter = count[True] < count[False]  # 15 themes: 8 and 7; True: the right is lighter
    before = where(morning)
    new = grow(morning, root.id, sibling=False)
    assert sides(morning)[new] == lighter
    assert all(side[n] == lighter for n in moved(before, where(morning)))
    clean(morning)


def test_a_dragged_branch_keeps_its_side_at_the_next_layout(morning: Session) -> None:
    b = board(morning)
    root = central_topic(b)
    assert root is not None
    side = sides(morning)
    head = next(h for h in b.children(root.id) if side[h])
    branch = [head, *b.children(head)]
    # Drag the whole branch to the left of the topic, low down.
    dx = root.x - 900 - b.notes[head].x
    dy = max(n.y for n in b.live_notes()) + 500 - b.notes[head].y
    morning.do(
        ops.move_notes(
            morning.workshop, {n: (b.notes[n].x + dx, b.notes[n].y + dy) for n in branch}
        )
    )
    change = board_ops.layout_mindmap(morning.workshop, b.id)
    assert change is not None
    morning.do(change)
    assert all(not sides(morning)[n] for n in branch)
    clean(morning)
    # Its place among its new neighbours: below them all, where it was dropped.
    left_heads = [h for h in b.children(root.id) if not sides(morning)[h]]
    assert max(left_heads, key=lambda h: b.notes[h].y) == head


def test_folding_closes_the_gap_on_its_side_only(tmp_path: Path) -> None:
    # Six points a theme wrap into blocks of two rows: folding one leaves a gap to close.
    morning = morning_session(tmp_path, themes=12, points=6)
    b = board(morning)
    side = sides(morning)
    root = central_topic(b)
    assert root is not None
    head = next(h for h in b.children(root.id) if not side[h])
    before = where(morning)
    morning.do_all(
        "collapse",
        lambda ws: board_ops.set_collapsed(ws, [head], True),
        lambda ws: board_ops.lay_out_side(ws, b.id, head),
    )
    after = where(morning)
    assert all(not side[n] for n in moved(before, after))
    hidden = set(b.children(head))

    def height(pos: Positions) -> float:
        shown = [n for n, r in side.items() if not r and n not in hidden]
        return max(pos[n][1] for n in shown) - min(pos[n][1] for n in shown)

    assert height(after) < height(before)
    assert sides(morning)[head] is False


def branch_of(b: Board, note_id: str) -> set[str]:
    """The top-level branch (a theme and everything below it) that ``note_id`` is in."""
    parent = {lk.target: lk.source for lk in b.links.values() if lk.kind == "child"}
    path = [note_id]
    while path[-1] in parent:
        path.append(parent[path[-1]])
    head = path[-2]
    out = [head]
    for n in out:
        out.extend(b.children(n))
    return set(out)


@pytest.mark.parametrize("right", [True, False])
def test_a_new_point_moves_only_its_own_branch(tmp_path: Path, right: bool) -> None:
    """Enter on a point and Tab on a theme, the scribe's two moves while a theme is being
    discussed, many times over: the block grows a column rather than a row, so no note of
    another branch ever moves."""
    s = morning_session(tmp_path, themes=12, points=6)
    try:
        b = board(s)
        side = sides(s)
        root = central_topic(b)
        assert root is not None
        theme = next(h for h in b.children(root.id) if side[h] == right)
        for i in range(8):
            point = b.children(theme)[-1]
            before = where(s)
            new = grow(s, theme if i % 2 else point, sibling=not i % 2)
            moved_out = moved(before, where(s)) - branch_of(b, new)
            assert moved_out == set(), i
            assert sides(s) == {**side, **{n: right for n in branch_of(b, new)}}
            side = sides(s)
        clean(s)
    finally:
        s.close()
