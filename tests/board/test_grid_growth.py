"""Cells that grow in both directions: the issue-context table stays landscape at any size."""

from pathlib import Path

import pytest

from pofacil.board import ops
from pofacil.board.geometry.grid import GridGeometry, Rect, grid_layout, slot_index
from pofacil.board.geometry.items import board_geometry, count_box
from pofacil.board.model.templates import cell_columns
from pofacil.board.session import Session
from tests.camp import TABLE, write_camp


def overlap(a: Rect, b: Rect) -> bool:
    return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h


def inside(a: Rect, b: Rect) -> bool:
    return b.x <= a.x and b.y <= a.y and a.x + a.w <= b.x + b.w and a.y + a.h <= b.y + b.h


def check_table(geo: GridGeometry, rects: dict[str, Rect], cells: dict[str, str]) -> None:
    """Every note in its cell, none on another, the counts uncovered, rows and columns lined up."""
    for nid, rect in rects.items():
        assert inside(rect, geo.cells[cells[nid]]), nid
    ordered = sorted(rects.values(), key=lambda r: (r.x, r.y))
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if b.x >= a.x + a.w:
                break
            assert not overlap(a, b)
    for cell_id, cell in geo.cells.items():
        badge = count_box(cell, geo.scale)
        assert inside(badge, cell)
        assert not any(overlap(badge, r) for r in rects.values()), cell_id
    by_column: dict[float, set[float]] = {}
    by_row: dict[float, set[float]] = {}
    for cell in geo.cells.values():
        by_column.setdefault(cell.x, set()).add(cell.w)
        by_row.setdefault(cell.y, set()).add(cell.h)
    assert all(len(w) == 1 for w in by_column.values()), "columns line up"
    assert all(len(h) == 1 for h in by_row.values()), "rows line up"
    assert len({cell.w for cell in geo.cells.values()}) == 1, "one cell width for the table"


@pytest.mark.parametrize("total", [0, 10, 100, 300, 500])
def test_the_table_keeps_landscape_proportions(tmp_path: Path, total: int) -> None:
    session = Session.open(write_camp(tmp_path / "camp.pofacil", total=total))
    try:
        board = session.workshop.find_board(TABLE)
        geo = board_geometry(board)
        grid = geo.grid
        assert grid is not None
        ratio = grid.bounds.w / grid.bounds.h
        assert 4 / 3 <= ratio <= 16 / 9, f"{total} notes: {ratio:.2f}"
        rects = {box.note.id: box.rect for box in geo.notes}
        check_table(grid, rects, {n.id: n.cell for n in board.live_notes()})  # type: ignore[misc]
        assert len(rects) == total
        if total >= 100:
            assert grid.per_row > 2, "a busy table gains note columns"
            assert grid.scale > 1, "and its headers grow with it"
    finally:
        session.close()


def test_every_size_from_empty_to_a_big_camp_stays_landscape(session: Session) -> None:
    # Notes arrive one cell at a time, the busiest first: the worst skew a camp can have.
    board = session.workshop.find_board(TABLE)
    cells = [c.id for c in board.cells]
    for step in range(60):
        specs = [ops.NoteSpec(f"第{step}輪", cell=cells[step % 3]) for _ in range(3)]
        session.do(ops.add_notes(session.workshop, board.id, specs))
        geo = grid_layout(board, cell_columns(board))
        ratio = geo.bounds.w / geo.bounds.h
        assert 4 / 3 <= ratio <= 16 / 9, f"{len(board.live_notes())} notes: {ratio:.2f}"


def test_fixed_templates_keep_their_own_columns(session: Session) -> None:
    for template, per_row in (("concept-sheet", 1), ("hopes-fears", 2)):
        change = ops.add_board(session.workshop, template, f"表{template}")
        session.do(change)
        board = session.workshop.board(change.board)  # type: ignore[arg-type]
        first = board.cells[0].id
        specs = [ops.NoteSpec(f"點{i}", cell=first) for i in range(40)]
        session.do(ops.add_notes(session.workshop, board.id, specs))
        geo = board_geometry(board)
        assert geo.grid is not None and geo.grid.per_row == per_row and geo.grid.scale == 1
        rects = {box.note.id: box.rect for box in geo.notes}
        check_table(geo.grid, rects, {n.id: n.cell for n in board.live_notes()})  # type: ignore[misc]


def test_a_point_in_a_cell_names_a_place_in_its_order(session: Session) -> None:
    board = session.workshop.find_board(TABLE)
    specs = [ops.NoteSpec(f"點{i}", cell="role/now") for i in range(7)]
    session.do(ops.add_notes(session.workshop, board.id, specs))
    geo = grid_layout(board, cell_columns(board))
    order = geo.order["role/now"]
    assert order == [s.id for s in specs]
    for index, nid in enumerate(order):
        x, y = geo.notes[nid]
        assert slot_index(geo, "role/now", x + 20, y + 20) == index
    cell = geo.cells["role/now"]
    assert slot_index(geo, "role/now", cell.x + cell.w - 1, cell.y + cell.h - 1) == 7
    # Dragging the first note onto the fourth's slot puts it before the fourth.
    x, y = geo.notes[order[3]]
    index = slot_index(geo, "role/now", x + 5, y + 5, {order[0]})
    session.do(ops.place_in_cell(session.workshop, [order[0]], "role/now", index))
    after = grid_layout(board, cell_columns(board)).order["role/now"]
    assert after == [order[1], order[2], order[0], order[3], *order[4:]]
