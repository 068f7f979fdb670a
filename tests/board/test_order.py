"""A note's place in its cell (``seq``) and when it was raised (``created``)."""

from pathlib import Path

import pytest

from pofacil.board import ops
from pofacil.board.formats.importers import import_change
from pofacil.board.formats.minutes import csv_text
from pofacil.board.geometry.grid import grid_layout
from pofacil.board.model import display_order
from pofacil.board.model.errors import ModelError
from pofacil.board.ops import boards as board_ops
from pofacil.board.session import Session
from tests.camp import CELLS, TABLE, counts, statements, write_camp


def cell_texts(session: Session, cell: str, board: str = TABLE) -> list[str]:
    found = session.workshop.find_board(board)
    return [n.text for n in sorted(found.notes_in(cell), key=display_order)]


def test_a_cell_shows_its_notes_in_the_order_they_were_raised(tmp_path: Path) -> None:
    # 300 notes in one import share one second: the order must not come from their random ids.
    path = write_camp(tmp_path / "camp.pofacil")
    raised = statements()
    session = Session.open(path)
    try:
        board = session.workshop.find_board(TABLE)
        assert len({n.created for n in board.live_notes()}) <= 2
        slots = grid_layout(board).notes
        for cell in CELLS:
            expected = [s.text for s in raised if s.cell == cell]
            assert cell_texts(session, cell) == expected
            # The grid draws them in that order: left to right, then top to bottom.
            drawn = sorted(board.notes_in(cell), key=lambda n: (slots[n.id][1], slots[n.id][0]))
            assert [n.text for n in drawn] == expected
    finally:
        session.close()


def test_the_camp_has_a_real_camps_skew() -> None:
    import random

    spread = counts(300, random.Random(1))
    assert sum(spread.values()) == 300
    assert 30 <= max(spread.values()) <= 40 and 15 <= min(spread.values()) <= 25


def test_a_note_moved_to_another_cell_comes_last_there(session: Session) -> None:
    board = session.workshop.find_board(TABLE)
    specs = [ops.NoteSpec(f"點{i}", cell="system/now" if i < 3 else "role/now") for i in range(6)]
    session.do(ops.add_notes(session.workshop, board.id, specs))
    moved = specs[0].id
    session.do(ops.assign_cell(session.workshop, [moved], "role/now"))
    assert cell_texts(session, "role/now") == ["點3", "點4", "點5", "點0"]
    session.do(ops.move_notes(session.workshop, {moved: (0, 0)}, cells={moved: "system/now"}))
    assert cell_texts(session, "system/now") == ["點1", "點2", "點0"]


def test_dragging_a_note_to_a_place_in_its_cell_is_one_step(session: Session) -> None:
    board = session.workshop.find_board(TABLE)
    specs = [ops.NoteSpec(f"點{i}", cell="role/future") for i in range(5)]
    session.do(ops.add_notes(session.workshop, board.id, specs))
    before = len(session.history())
    session.do(ops.place_in_cell(session.workshop, [specs[4].id], "role/future", 1))
    assert cell_texts(session, "role/future") == ["點0", "點4", "點1", "點2", "點3"]
    assert len(session.history()) == before + 1
    assert session.history()[-1].label == "reorder"
    # Only the notes whose place changed are written.
    change = ops.place_in_cell(session.workshop, [specs[0].id], "role/future", 1)
    assert {p.id for p in change.patches} == {specs[0].id, specs[4].id}
    session.undo()
    assert cell_texts(session, "role/future") == [f"點{i}" for i in range(5)]
    session.redo()
    # From another cell, at the very front, and past the end.
    other = ops.NoteSpec("外來", cell="system/now")
    session.do(ops.add_notes(session.workshop, board.id, [other]))
    session.do(ops.place_in_cell(session.workshop, [other.id], "role/future", 0))
    assert cell_texts(session, "role/future")[:2] == ["外來", "點0"]
    session.do(ops.place_in_cell(session.workshop, [specs[0].id], "role/future", 99))
    assert cell_texts(session, "role/future")[-1] == "點0"
    seqs = [n.seq for n in session.workshop.find_board(TABLE).live_notes()]
    assert len(seqs) == len(set(seqs)), "seq stays unique on the board"
    with pytest.raises(ModelError):
        ops.place_in_cell(session.workshop, [other.id], "nowhere", 0)


def test_order_survives_reopening_and_the_csv_round_trip(tmp_path: Path) -> None:
    path = write_camp(tmp_path / "camp.pofacil", total=120, seed=7)
    session = Session.open(path)
    try:
        board = session.workshop.find_board(TABLE)
        session.do(
            ops.place_in_cell(session.workshop, [board.notes_in("role/now")[-1].id], "role/now", 0)
        )
        expected = {cell: cell_texts(session, cell) for cell in CELLS}
        exported = tmp_path / "camp.csv"
        exported.write_text(csv_text(session.workshop), encoding="utf-8")
    finally:
        session.close()
    reopened = Session.open(path)
    try:
        assert {cell: cell_texts(reopened, cell) for cell in CELLS} == expected
    finally:
        reopened.close()
    fresh = Session.create(tmp_path / "fresh.pofacil", boards=[("issue-context", TABLE)])
    try:
        target = fresh.workshop.find_board(TABLE)
        fresh.do(import_change(fresh.workshop, target.id, exported))
        assert {cell: cell_texts(fresh, cell) for cell in CELLS} == expected
    finally:
        fresh.close()


def test_every_way_a_note_arrives_puts_it_after_the_others(session: Session) -> None:
    ws = session.workshop
    change = ops.add_board(ws, "mindmap", "心智圖")
    session.do(change)
    mind = ws.board(change.board)  # type: ignore[arg-type]
    center = mind.live_notes()[0]
    made = []
    for sibling in (False, False, True):
        parent = made[-1] if made and sibling else center.id
        made += session.do(board_ops.add_branch(ws, parent, f"分支{len(made)}", sibling)).subjects
    change = ops.add_board(ws, "hopes-fears", "期待")
    session.do(change)
    hopes = ws.board(change.board)  # type: ignore[arg-type]
    hope = ops.NoteSpec("希望有交流平台", cell=hopes.cells[0].id)
    session.do(ops.add_notes(ws, hopes.id, [hope]))
    session.do(board_ops.turn_into_need(ws, [hope.id]))
    table = ws.find_board(TABLE)
    session.do(board_ops.copy_notes(ws, made, table.id, "role/now"))
    for board in (mind, hopes, table):
        seqs = [n.seq for n in board.live_notes()]
        assert len(seqs) == len(set(seqs)) and 0 not in seqs, board.name
    assert [n.text for n in sorted(table.notes_in("role/now"), key=display_order)] == [
        "分支0",
        "分支1",
        "分支2",
    ]
