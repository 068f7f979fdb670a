"""Where a captured note goes: into the target cell of a table (never on its headers), into
the target group, or next to the previous capture; and how the target steps across a grid."""

from pathlib import Path

from pofacil.board import ops
from pofacil.board.session import Session
from tests.camp import TABLE, write_camp


def test_a_table_capture_goes_into_the_target_cell_last_and_takes_its_kind(
    tmp_path: Path,
) -> None:
    s = Session.open(write_camp(tmp_path / "camp.pofacil"))
    ws = s.workshop
    table = ws.find_board(TABLE)
    before = len(table.notes_in("role/future"))
    assert before > 15, "a real-size camp"
    change = s.do(ops.capture_note(ws, table.id, "需要PO交流平台", "李美玲", target="role/future"))
    note = ws.note(change.subjects[0])
    assert (note.cell, note.author, note.kind) == ("role/future", "李美玲", "idea")
    in_cell = table.notes_in("role/future")
    assert len(in_cell) == before + 1
    assert max(in_cell, key=lambda n: n.seq) is note, "last in its cell"
    s.close()

    s = Session.open(tmp_path / "camp.pofacil")  # it is in the file, not only in memory
    assert s.workshop.note(note.id).cell == "role/future"
    s.close()


def test_with_no_target_or_a_removed_one_a_table_capture_goes_into_the_first_cell(
    tmp_path: Path,
) -> None:
    s = Session.create(
        tmp_path / "t.pofacil",
        boards=[("issue-context", "表"), ("concept-sheet", "概念"), ("hopes-fears", "期待")],
    )
    ws = s.workshop
    for name, first, kind in (
        ("表", "system/now", "idea"),
        ("概念", "r1/problem", "problem"),
        ("期待", "all/hope", "hope"),
    ):
        board = ws.find_board(name)
        for target in (None, "gone/cell", "not-a-cell"):
            note = ws.note(s.do(ops.capture_note(ws, board.id, "一點", target=target)).subjects[0])
            assert (note.cell, note.kind) == (first, kind), (name, target)
    s.close()


def test_on_a_board_without_a_grid_the_target_is_a_group_or_the_previous_note(
    tmp_path: Path,
) -> None:
    s = Session.create(tmp_path / "f.pofacil", boards=[("blank", "全體")])
    ws = s.workshop
    board = ws.find_board("全體")
    a = s.do(ops.add_note(ws, board.id, "甲", x=100.0, y=100.0)).subjects[0]
    group = s.do(ops.cluster_notes(ws, [a], "人力")).subjects[0]
    previous = s.do(ops.capture_note(ws, board.id, "乙")).subjects[0]
    into = ws.note(s.do(ops.capture_note(ws, board.id, "丙", target=group)).subjects[0])
    assert into.cluster == group and into.cell is None
    after = ws.note(s.do(ops.capture_note(ws, board.id, "丁", previous=previous)).subjects[0])
    first = ws.note(previous)
    assert after.cluster is None and (after.x, after.y) == (
        first.x + first.w + ops.capture.GAP,
        first.y,
    )
    assert ops.capture_cell(board, "system/now") is None, "no grid, no cell"
    assert ops.step_cell(board, None, 1, 0) is None
    s.close()


def test_the_target_steps_across_the_grid_in_its_order(tmp_path: Path) -> None:
    s = Session.create(tmp_path / "s.pofacil", boards=[("issue-context", "表")])
    board = s.workshop.find_board("表")
    assert ops.step_cell(board, None, 0, 1) == "role/now", "from the first cell"
    assert ops.step_cell(board, "role/now", 0, 1) == "ministry/now"
    assert ops.step_cell(board, "role/now", 1, 0) == "role/future"
    assert ops.step_cell(board, "role/future", 1, 0) == "ministry/now", "across wraps a row"
    assert ops.step_cell(board, "ministry/now", -1, 0) == "role/future"
    assert ops.step_cell(board, "system/now", -1, 0) == "system/now", "stops at the start"
    assert ops.step_cell(board, "system/now", 0, -1) == "system/now"
    assert ops.step_cell(board, "policy/future", 1, 0) == "policy/future", "and at the end"
    assert ops.step_cell(board, "policy/future", 0, 1) == "policy/future"
    assert ops.step_cell(board, "gone/cell", 1, 0) == "system/future", "removed: from the first"
    s.close()
