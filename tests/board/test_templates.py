"""Templates: built-ins in both languages, cells that hold their notes, breakouts, user
templates."""

import json
from pathlib import Path

import pytest

from pofacil.board import ops
from pofacil.board.geometry.grid import grid_layout
from pofacil.board.model.errors import ModelError
from pofacil.board.model.templates import (
    all_templates,
    builtin_templates,
    get_template,
    user_template_folder,
)
from pofacil.board.ops import boards as board_ops
from pofacil.board.session import Session
from pofacil.board.storage.user_templates import save_user_template


@pytest.fixture(autouse=True)
def own_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # User templates go to the per-platform config folder: keep tests out of the real one.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_builtin_builds_in_both_languages(tmp_path: Path, language: str) -> None:
    assert list(builtin_templates()) == [
        "blank",
        "mindmap",
        "issue-context",
        "concept-sheet",
        "hopes-fears",
    ]
    s = Session.create(tmp_path / "t.pofacil", boards=[("blank", "起點")])
    try:
        for template in builtin_templates().values():
            change = s.do(ops.add_board(s.workshop, template.id, None, language))
            board = s.workshop.board(change.board)
            assert board.name == template.name(language)
            labels = {c.row if language == "zh" else c.row_en for c in board.cells}
            assert all(labels)
            if template.id == "mindmap":
                (center,) = board.live_notes()
                assert center.text == ("中心主題" if language == "zh" else "Central topic")
            if template.id == "issue-context":
                assert len(board.cells) == 10
                assert {c.group for c in board.cells} == {"", "協作會議如何接地氣"}
                assert board.find_cell("PO角色/現在的認知").id == "role/now"
                assert board.find_cell("Public needs/Future: expectation").id == "public/future"
            if template.id == "concept-sheet":
                assert [c.column for c in board.cells[:6]] == [
                    "問題",
                    "解法",
                    "風險與障礙",
                    "克服方法",
                    "負責單位",
                    "願景",
                ]
                assert [c.kind for c in board.cells[:6]] == [
                    "problem",
                    "solution",
                    "obstacle",
                    "overcome",
                    "owner",
                    "vision",
                ]
            if template.id == "hopes-fears":
                assert [c.kind for c in board.cells] == ["hope", "fear", "need"]
    finally:
        s.close()


def test_cell_membership_survives_move_undo_and_reopen(tmp_path: Path) -> None:
    path = tmp_path / "c.pofacil"
    s = Session.create(path, boards=[("concept-sheet", "第一組")])
    board = s.workshop.ordered_boards()[0]
    nid = s.do(ops.add_note(s.workshop, board.id, "兼任太忙", cell="r1/problem")).subjects[0]
    assert s.workshop.note(nid).kind == "problem", "a note in a column takes its kind"
    s.do(ops.move_notes(s.workshop, {nid: (999.0, 999.0)}, cells={nid: "r2/solution"}))
    note = s.workshop.note(nid)
    assert (note.cell, note.kind) == ("r2/solution", "solution")
    assert [n.id for n in board.notes_in("r2/solution")] == [nid]
    s.do(ops.move_notes(s.workshop, {nid: (5.0, 5.0)}))  # moved, still in its cell
    assert s.workshop.note(nid).cell == "r2/solution"
    s.undo()
    s.undo()
    assert (s.workshop.note(nid).cell, s.workshop.note(nid).kind) == ("r1/problem", "problem")
    s.close()
    again = Session.open(path)
    try:
        board = again.workshop.ordered_boards()[0]
        assert [n.id for n in board.notes_in("r1/problem")] == [nid]
        geometry = grid_layout(board, 1)
        x, y = geometry.notes[nid]
        assert geometry.cell_at(x + 10, y + 10) == "r1/problem"
    finally:
        again.close()


def test_cells_grow_with_their_notes(tmp_path: Path) -> None:
    s = Session.create(tmp_path / "g.pofacil", boards=[("issue-context", "表")])
    try:
        board = s.workshop.ordered_boards()[0]
        before = grid_layout(board, 2).cells["role/now"].h
        specs = [ops.NoteSpec(f"第{i}點", cell="role/now") for i in range(7)]
        s.do(ops.add_notes(s.workshop, board.id, specs))
        after = grid_layout(board, 2)
        assert after.cells["role/now"].h > 3 * before
        assert after.cells["role/future"].h == after.cells["role/now"].h, "a row shares a height"
        slots = [after.notes[spec.id] for spec in specs]
        assert len(set(slots)) == 7 and all(
            after.cell_at(x + 1, y + 1) == "role/now" for x, y in slots
        )
        assert after.counts["role/now"] == 7
    finally:
        s.close()


def test_concept_sheet_rows_and_labels(tmp_path: Path) -> None:
    s = Session.create(
        tmp_path / "r.pofacil", boards=[("concept-sheet", "第一組"), ("issue-context", "表")]
    )
    try:
        sheet, table = s.workshop.ordered_boards()
        s.do(board_ops.add_row(s.workshop, sheet.id))
        sheet = s.workshop.board(sheet.id)
        assert len(sheet.cells) == 24 and sheet.cell("r4/vision").row == "第4列"
        with pytest.raises(ModelError, match="Rows cannot be added"):
            board_ops.add_row(s.workshop, table.id)
        s.do(board_ops.relabel(s.workshop, table.id, "column", "now", "過去", "Past"))
        s.do(board_ops.relabel(s.workshop, table.id, "row", "role", "PO 任務"))
        s.do(board_ops.relabel(s.workshop, table.id, "group", "協作會議如何接地氣", "接地氣"))
        table = s.workshop.board(table.id)
        assert table.cell("role/now").row == "PO 任務" and table.cell("role/now").column == "過去"
        assert table.find_cell("PO 任務/Past").id == "role/now"
        assert table.cell("public/now").group == "接地氣"
        s.undo()
        assert s.workshop.board(table.id).cell("public/now").group == "協作會議如何接地氣"
    finally:
        s.close()


def test_send_to_breakout_copies_with_provenance(tmp_path: Path) -> None:
    path = tmp_path / "b.pofacil"
    s = Session.create(path, boards=[("issue-context", "表")])
    table = s.workshop.ordered_boards()[0]
    specs = [
        ops.NoteSpec("兼任太忙", cell="system/now", author="王素琴", kind="problem"),
        ops.NoteSpec("沒有考核", cell="system/now", author="陳怡君"),
        ops.NoteSpec("想要落實", cell="public/future", author="匿名"),
    ]
    s.do(ops.add_notes(s.workshop, table.id, specs))
    change = s.do(board_ops.send_to_breakout(s.workshop, table.id, ["system/now", "public/future"]))
    assert s.undo_label() == "send to breakout" and len(change.subjects) == 2
    first, second = (s.workshop.board(b) for b in change.subjects)
    assert (first.name, first.template) == ("PO制度／現在的認知", "concept-sheet")
    assert second.name == "民眾需求／未來的期待"
    copies = sorted(first.live_notes(), key=lambda n: n.text)
    assert [(n.text, n.author, n.kind, n.cell) for n in copies] == [
        ("兼任太忙", "王素琴", "problem", None),
        ("沒有考核", "陳怡君", "idea", None),
    ], "beside the sheet's rows, kinds kept (see test_breakout)"
    assert {n.origin for n in copies} == {specs[0].id, specs[1].id}
    assert [n.origin for n in second.live_notes()] == [specs[2].id]
    s.close()
    again = Session.open(path)
    try:
        names = [b.name for b in again.workshop.ordered_boards()]
        assert names == ["表", "PO制度／現在的認知", "民眾需求／未來的期待"]
        again.undo()
        assert [b.name for b in again.workshop.ordered_boards()] == ["表"]
    finally:
        again.close()


def test_copy_to_board_and_turn_into_need(tmp_path: Path) -> None:
    s = Session.create(
        tmp_path / "h.pofacil", boards=[("mindmap", "心智圖"), ("hopes-fears", "期待與擔憂")]
    )
    try:
        mindmap, hopes = s.workshop.ordered_boards()
        center = mindmap.live_notes()[0]
        point = s.do(board_ops.add_branch(s.workshop, center.id, "希望被看見")).subjects[0]
        s.do(ops.edit_text(s.workshop, point, "希望結論被看見"))
        s.do(ops.set_author(s.workshop, point, "李美玲"))
        copy = s.do(board_ops.copy_notes(s.workshop, [point], hopes.id, "all/hope")).subjects[0]
        copied = s.workshop.note(copy)
        assert (copied.board, copied.cell, copied.kind, copied.author, copied.origin) == (
            hopes.id,
            "all/hope",
            "hope",
            "李美玲",
            point,
        )
        need = s.do(board_ops.turn_into_need(s.workshop, [copy])).subjects[0]
        made = s.workshop.note(need)
        assert (made.kind, made.cell, made.origin, made.author) == (
            "need",
            "all/need",
            copy,
            "李美玲",
        )
        assert any(lk.source == copy and lk.target == need for lk in hopes.links.values())
    finally:
        s.close()


def test_a_user_template_round_trips(tmp_path: Path) -> None:
    s = Session.create(tmp_path / "u.pofacil", boards=[("issue-context", "表")])
    try:
        table = s.workshop.ordered_boards()[0]
        s.do(board_ops.relabel(s.workshop, table.id, "row", "system", "長照制度", "LTC system"))
        saved = save_user_template(s.workshop.board(table.id), "長照脈絡表")
        assert saved.id in all_templates() and not saved.builtin
        assert (user_template_folder() / f"{saved.id}.json").exists()
        assert json.loads((user_template_folder() / f"{saved.id}.json").read_text("utf-8"))
        board = s.workshop.board(s.do(ops.add_board(s.workshop, saved.id, "新的")).board)
        assert [(c.id, c.row, c.row_en, c.column, c.group) for c in board.cells] == [
            (c.id, c.row, c.row_en, c.column, c.group) for c in s.workshop.board(table.id).cells
        ]
        assert get_template(saved.id).layout == "grid"
        second = save_user_template(s.workshop.board(table.id), "長照脈絡表")
        assert second.id != saved.id, "saving again never overwrites the first"
    finally:
        s.close()


def test_damaged_user_template_is_skipped(tmp_path: Path) -> None:
    folder = user_template_folder()
    folder.mkdir(parents=True)
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    assert "broken" not in all_templates() and "blank" in all_templates()
