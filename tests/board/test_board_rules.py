"""The board rules each written once in the core: cell addresses, the kind a cell gives a note,
which boards take new rows, and where a captured note goes."""

from pathlib import Path

from pofacil.board import ops
from pofacil.board.model import Cell, CellRef, kind_in_cell
from pofacil.board.model.limits import HOME
from pofacil.board.model.templates import can_add_rows
from pofacil.board.ops import boards as board_ops
from pofacil.board.session import Session


def test_a_cell_address_is_parsed_once_into_row_and_column() -> None:
    ref = CellRef.parse("r1/problem")
    assert (ref.row, ref.column, ref.id) == ("r1", "problem", "r1/problem")
    assert Cell("r2/solution", "第2列", "解法").ref == CellRef("r2", "solution")
    assert CellRef.parse("whole") == CellRef("whole", "")


def test_a_column_with_a_kind_gives_it_to_its_notes() -> None:
    solutions = Cell("r1/solution", "第1列", "解法", kind="solution")
    plain = Cell("system/now", "制度", "現況")
    assert kind_in_cell(solutions, "problem") == "solution"
    assert kind_in_cell(plain, "problem") == "problem"
    assert kind_in_cell(None, "hope") == "hope"


def test_every_way_into_a_kinded_cell_uses_the_same_rule(tmp_path: Path) -> None:
    s = Session.create(
        tmp_path / "k.pofacil", boards=[("concept-sheet", "概念"), ("blank", "全體")]
    )
    ws = s.workshop
    sheet, free = ws.find_board("概念"), ws.find_board("全體")
    added = s.do(ops.add_note(ws, sheet.id, "兼任", cell="r1/obstacle"))
    assert ws.note(added.subjects[0]).kind == "obstacle"
    loose = s.do(ops.add_note(ws, sheet.id, "人力", kind="idea")).subjects[0]
    s.do(ops.move_notes(ws, {loose: (0.0, 0.0)}, cells={loose: "r1/owner"}))
    assert ws.note(loose).kind == "owner"
    s.do(ops.assign_cell(ws, [loose], "r1/vision"))
    assert ws.note(loose).kind == "vision"
    other = s.do(ops.add_note(ws, free.id, "預算", kind="idea")).subjects[0]
    copied = s.do(board_ops.copy_notes(ws, [other], sheet.id, "r1/solution")).subjects[0]
    assert ws.note(copied).kind == "solution"
    s.close()


def test_only_templates_with_a_row_pattern_take_new_rows(tmp_path: Path) -> None:
    s = Session.create(
        tmp_path / "r.pofacil",
        boards=[("concept-sheet", "概念"), ("issue-context", "脈絡"), ("blank", "空")],
    )
    ws = s.workshop
    sheet, table, blank = (ws.find_board(n) for n in ("概念", "脈絡", "空"))
    assert can_add_rows(sheet) and not can_add_rows(table) and not can_add_rows(blank)
    rows = sheet.row_ids()
    s.do(board_ops.add_row(ws, sheet.id))
    assert ws.find_board("概念").row_ids() == [*rows, f"r{len(rows) + 1}"]
    assert ws.find_board("概念").column_ids() == [
        "problem",
        "solution",
        "obstacle",
        "overcome",
        "owner",
        "vision",
    ]
    gone = ws.find_board("概念")
    gone.template = "user-removed-since"  # a user template deleted after the board was made
    assert not can_add_rows(gone)
    s.close()


def test_capture_follows_the_previous_note_in_rows(tmp_path: Path) -> None:
    s = Session.create(tmp_path / "c.pofacil", boards=[("blank", "全體")])
    ws = s.workshop
    board = ws.find_board("全體")
    previous = None
    for n in range(ops.CAPTURE_COLUMNS + 1):
        previous = s.do(ops.capture_note(ws, board.id, f"第{n}點", previous=previous)).subjects[0]
    notes = sorted(board.live_notes(), key=lambda n: n.created)
    first, second, wrapped = notes[0], notes[1], ws.note(previous)
    assert (first.x, first.y) == HOME
    assert (second.x, second.y) == (first.x + first.w + ops.capture.GAP, first.y)
    assert (wrapped.x, wrapped.y) == (ops.capture.LEFT, first.y + first.h + ops.capture.GAP)


def test_capture_goes_into_the_target_cell_or_group(tmp_path: Path) -> None:
    s = Session.create(
        tmp_path / "g.pofacil", boards=[("concept-sheet", "概念"), ("blank", "全體")]
    )
    ws = s.workshop
    sheet, free = ws.find_board("概念"), ws.find_board("全體")
    s.do(ops.add_note(ws, sheet.id, "兼任", cell="r1/obstacle"))
    captured = s.do(ops.capture_note(ws, sheet.id, "輪調", kind="idea", target="r1/obstacle"))
    note = ws.note(captured.subjects[0])
    assert (note.cell, note.kind) == ("r1/obstacle", "obstacle")

    a = s.do(ops.add_note(ws, free.id, "甲", x=100.0, y=100.0)).subjects[0]
    b = s.do(ops.add_note(ws, free.id, "乙", x=300.0, y=400.0)).subjects[0]
    group = s.do(ops.cluster_notes(ws, [a, b], "人力")).subjects[0]
    elsewhere = s.do(ops.add_note(ws, free.id, "丙", x=2000.0, y=2000.0)).subjects[0]
    into_group = s.do(ops.capture_note(ws, free.id, "丁", target=group, previous=elsewhere))
    note = ws.note(into_group.subjects[0])
    last = ws.note(b)
    assert note.cluster == group and (note.x, note.y) == (last.x + last.w + ops.capture.GAP, last.y)
    s.close()
