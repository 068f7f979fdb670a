"""Send to breakout on a real-size camp: a concept sheet per chosen cell, named after it, its
three rows empty and the cell's notes in one reference cluster to the right of the grid, every
note copied once with its text, kind, speaker and origin; name clashes get a number; one step."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from pofacil.board import ops
from pofacil.board.geometry.grid import Rect
from pofacil.board.geometry.items import board_geometry
from pofacil.board.model import Board, display_order
from pofacil.board.model.errors import ModelError
from pofacil.board.ops import boards as board_ops
from pofacil.board.ops.breakout import REFERENCE_MARGIN
from pofacil.board.session import Session
from tests.camp import TABLE, write_camp


@pytest.fixture
def camp(tmp_path: Path) -> Iterator[Session]:
    s = Session.open(write_camp(tmp_path / "camp.pofacil", 300, seed=300))
    yield s
    s.close()


def busiest(table: Board, count: int) -> list[str]:
    cells = sorted(table.cells, key=lambda c: -len(table.notes_in(c.id)))
    return [c.id for c in cells[:count]]


def overlap(a: Rect, b: Rect) -> bool:
    return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h


def check_sheet(sheet: Board, table: Board, cell_id: str, cluster_name: str) -> None:
    """The sheet holds the cell's notes once each, outside its grid, in one frame."""
    sources = sorted(table.notes_in(cell_id), key=display_order)
    copies = sorted(sheet.live_notes(), key=display_order)
    assert [c.origin for c in copies] == [s.id for s in sources], "each once, in the cell's order"
    assert [(c.text, c.kind, c.author) for c in copies] == [
        (s.text, s.kind, s.author) for s in sources
    ]
    assert all(c.cell is None for c in copies)
    assert sheet.row_ids() == ["r1", "r2", "r3"]
    assert all(not sheet.notes_in(cell.id) for cell in sheet.cells), "the three rows are empty"
    [cluster] = sheet.clusters.values()
    assert cluster.name == cluster_name
    assert {c.cluster for c in copies} == {cluster.id}

    geo = board_geometry(sheet)
    assert geo.grid is not None
    grid = geo.grid.bounds
    [frame] = geo.clusters
    rects = [box.rect for box in geo.notes]
    assert len(rects) == len(sources)
    for i, rect in enumerate(rects):
        assert frame.rect.x <= rect.x and rect.x + rect.w <= frame.rect.x + frame.rect.w
        assert frame.rect.y <= rect.y and rect.y + rect.h <= frame.rect.y + frame.rect.h
        assert not overlap(rect, grid), "no copy on the sheet's grid"
        assert not any(overlap(rect, other) for other in rects[i + 1 :]), "no two notes overlap"
    assert frame.rect.x == pytest.approx(grid.x + grid.w + REFERENCE_MARGIN), "right of the grid"
    assert frame.rect.y == pytest.approx(grid.y), "from the grid's top"
    assert frame.rect.h < 2 * len(rects) * rects[0].h / 6 + 200, "compact rows, not a column"


def test_the_two_busiest_cells_become_two_concept_sheets(camp: Session) -> None:
    table = camp.workshop.find_board(TABLE)
    chosen = busiest(table, 2)
    counts = [len(table.notes_in(c)) for c in chosen]
    assert counts[0] >= counts[1] >= 30, "a camp's busiest cells hold 30-40 notes"
    history = len(camp.history())
    change = camp.do(board_ops.send_to_breakout(camp.workshop, table.id, chosen))
    assert len(camp.history()) == history + 1 and camp.undo_label() == "send to breakout"
    sheets = [camp.workshop.board(b) for b in change.subjects]
    for sheet, cell_id in zip(sheets, chosen, strict=True):
        cell = table.cell(cell_id)
        assert cell is not None
        assert (sheet.name, sheet.template) == (f"{cell.row}／{cell.column}", "concept-sheet")
        check_sheet(sheet, table, cell_id, f"參考：{cell.row}／{cell.column}")
    solutions = [n for n in sheets[0].live_notes() if n.kind == "solution"]
    assert solutions, "a solution stays a solution"

    # What was written is what is read back from the file.
    path = camp.path
    camp.close()
    again = Session.open(path)
    try:
        table = again.workshop.find_board(TABLE)
        for sheet_id, cell_id in zip(change.subjects, chosen, strict=True):
            sheet = again.workshop.board(sheet_id)
            cell = table.cell(cell_id)
            assert cell is not None
            check_sheet(sheet, table, cell_id, f"參考：{cell.row}／{cell.column}")
        again.undo()
        assert [b.name for b in again.workshop.ordered_boards()] == [TABLE], "one undo: all of it"
        assert not set(change.subjects) & set(again.workshop.boards)
    finally:
        again.close()


def test_a_taken_name_gets_the_next_free_number_and_the_others_are_still_made(
    camp: Session,
) -> None:
    table = camp.workshop.find_board(TABLE)
    camp.do(ops.add_board(camp.workshop, "blank", "PO制度／現在的認知"))
    camp.do(ops.add_board(camp.workshop, "blank", "PO制度／現在的認知 (2)"))
    change = camp.do(
        board_ops.send_to_breakout(
            camp.workshop, table.id, ["system/now", "role/now", "system/now"]
        )
    )
    names = [camp.workshop.board(b).name for b in change.subjects]
    assert names == ["PO制度／現在的認知 (3)", "PO角色／現在的認知", "PO制度／現在的認知 (4)"]
    first, _, last = (camp.workshop.board(b) for b in change.subjects)
    assert [n.origin for n in first.live_notes()] == [n.origin for n in last.live_notes()]
    check_sheet(first, table, "system/now", "參考：PO制度／現在的認知")
    camp.undo()
    assert len(camp.workshop.ordered_boards()) == 3


def test_rows_added_and_filled_grow_down_past_the_reference_area(camp: Session) -> None:
    table = camp.workshop.find_board(TABLE)
    [cell_id] = busiest(table, 1)
    sheet_id = camp.do(board_ops.send_to_breakout(camp.workshop, table.id, [cell_id])).subjects[0]
    for _ in range(3):
        camp.do(board_ops.add_row(camp.workshop, sheet_id))
    sheet = camp.workshop.board(sheet_id)
    assert sheet.row_ids() == ["r1", "r2", "r3", "r4", "r5", "r6"]
    # The group drags notes from the reference area into the rows (a drop out of a frame
    # leaves its cluster, see the scene): they take the column's kind.
    notes = sorted(sheet.live_notes(), key=display_order)
    cells = {n.id: "r1/solution" for n in notes[:8]} | {notes[8].id: "r6/vision"}
    camp.do(
        ops.move_notes(
            camp.workshop,
            {n: (0.0, 0.0) for n in cells},
            dict.fromkeys(cells),
            cells,
        )
    )
    sheet = camp.workshop.board(sheet_id)
    assert {sheet.notes[n.id].kind for n in notes[:8]} == {"solution"}
    geo = board_geometry(sheet)
    assert geo.grid is not None
    grid = geo.grid.bounds
    [frame] = geo.clusters
    assert grid.h > frame.rect.h, "the grid grew down"
    assert not overlap(grid, frame.rect), "and never into the reference area"
    assert frame.count == len(notes) - len(cells)


def test_english_names_and_refusals(camp: Session) -> None:
    table = camp.workshop.find_board(TABLE)
    change = camp.do(board_ops.send_to_breakout(camp.workshop, table.id, ["public/future"], "en"))
    sheet = camp.workshop.board(change.subjects[0])
    assert sheet.name == "Public needs / Future: expectation"
    check_sheet(sheet, table, "public/future", "Reference: Public needs / Future: expectation")
    boards = len(camp.workshop.ordered_boards())
    with pytest.raises(ModelError, match="Choose at least one cell"):
        board_ops.send_to_breakout(camp.workshop, table.id, [])
    with pytest.raises(ModelError, match="has no cell"):
        board_ops.send_to_breakout(camp.workshop, table.id, ["system/now", "nowhere/now"])
    assert len(camp.workshop.ordered_boards()) == boards, "a refusal makes nothing"
