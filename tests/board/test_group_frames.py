"""A group's frame never runs over notes outside the group: making the group moves them out,
in the same undo step (the issue's case: Ctrl+G on captured notes under the mind map)."""

from __future__ import annotations

from pathlib import Path

from pofacil.board import ops
from pofacil.board.geometry.items import board_geometry
from pofacil.board.model import Board
from pofacil.board.ops.frames import clear_frame
from pofacil.board.session import Session

from .mindmap_checks import morning_session, overlaps


def morning(tmp_path: Path) -> Session:
    # 12 themes of 6 points: blocks of two rows, close enough that a frame's title band
    # reaches over the next theme's points (15 themes of 4 lie one row each, further apart).
    return morning_session(tmp_path, themes=12, points=6)


def intruders(board: Board) -> list[tuple[str, str]]:
    """(group, note) for every shown note outside a group whose frame covers it."""
    geo = board_geometry(board)
    out = []
    for frame in geo.clusters:
        f = frame.rect
        for box in geo.notes:
            r = box.rect
            inside = r.x < f.x + f.w and f.x < r.x + r.w and r.y < f.y + f.h and f.y < r.y + r.h
            if inside and box.note.cluster != frame.cluster.id:
                out.append((frame.cluster.name, box.note.text))
    return out


def group(s: Session, ids: list[str], name: str) -> None:
    s.do_all(
        "group",
        lambda ws: ops.cluster_notes(ws, ids, name),
        lambda ws: clear_frame(ws, ws.note(ids[0]).cluster),
    )


def test_grouping_points_of_a_theme_moves_the_neighbours_out(tmp_path: Path) -> None:
    s = morning(tmp_path)
    try:
        b = s.workshop.ordered_boards()[0]
        before = {n.id: (n.x, n.y) for n in b.live_notes()}
        # A theme whose frame's margin and title band would reach over its neighbour's
        # points: 24 px between branches, a 46 px band above a frame's notes.
        covering = []
        for theme in (n for n in b.live_notes() if n.text.startswith("主題")):
            points = b.children(theme.id)
            s.do(ops.cluster_notes(s.workshop, points, "人力"))
            covering = intruders(b)
            s.undo()
            if covering:
                break
        assert covering, "the case this is about"
        group(s, points, "人力")
        assert intruders(b) == []
        positions = {n.id: (n.x, n.y) for n in b.live_notes()}
        boxes = board_geometry(b)
        assert overlaps({box.note.id: box.rect for box in boxes.notes}) == []
        moved = {n for n, xy in before.items() if positions[n] != xy}
        assert moved and not moved & set(points)  # the members stay, only outsiders move
        assert s.undo_label() == "group"
        s.undo()
        assert {n.id: (n.x, n.y) for n in b.live_notes()} == before
    finally:
        s.close()


def test_captured_notes_under_the_map_grouped_clear_the_leaves_above(tmp_path: Path) -> None:
    s = morning(tmp_path)
    try:
        b = s.workshop.ordered_boards()[0]
        lowest = max(b.live_notes(), key=lambda n: n.y + n.h)
        # Three captures just under the map's lowest note, as quick capture puts them.
        captured = [
            s.do(
                ops.add_note(
                    s.workshop, b.id, f"補充{i}", x=lowest.x + 180.0 * i, y=lowest.y + lowest.h + 20
                )
            ).subjects[0]
            for i in range(3)
        ]
        group(s, captured, "補充")
        assert intruders(b) == []
        geo = board_geometry(b)
        assert overlaps({box.note.id: box.rect for box in geo.notes}) == []
    finally:
        s.close()


def test_nothing_in_the_way_adds_nothing(tmp_path: Path) -> None:
    s = Session.create(tmp_path / "b.pofacil", boards=[("blank", "全體")])
    try:
        bid = s.workshop.ordered_boards()[0].id
        a = s.do(ops.add_note(s.workshop, bid, "甲", x=0.0, y=0.0)).subjects[0]
        far = s.do(ops.add_note(s.workshop, bid, "乙", x=2000.0, y=2000.0)).subjects[0]
        change = s.do(ops.cluster_notes(s.workshop, [a], "一組"))
        assert clear_frame(s.workshop, change.subjects[0]) is None
        assert (s.workshop.note(far).x, s.workshop.note(far).y) == (2000.0, 2000.0)
    finally:
        s.close()
