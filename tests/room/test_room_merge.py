"""A breakout table's file merged into the main workshop brings its room's inbox along: the
points still waiting and those set aside, in their state, on the copied boards, as history
lines of the room (not the lead's undo steps); accepted points come as the notes they became
(through the real CLI, and `check` passes on the result)."""

from __future__ import annotations

from pathlib import Path

from pofacil.board.formats.sample import write_sample
from pofacil.board.model.points import SET_ASIDE, WAITING
from pofacil.board.ops.inbox import accept_point
from pofacil.board.session import Session
from pofacil.board.storage.inbox import read_points
from pofacil.cli import main
from pofacil.room.receive import Arrival, Placement, moderate_point, receive


def breakout(tmp_path: Path) -> tuple[Path, str]:
    path = write_sample(tmp_path / "table2.pofacil")
    s = Session.open(path, actor="table lead")
    try:
        board = s.workshop.ordered_boards()[0]
        receive(
            s,
            [
                Arrival("w", "還在等待的意見", "王素琴"),
                Arrival("s", "擱置的意見", ""),
                Arrival("a", "已採用的意見", "陳怡君"),
            ],
            Placement(board=board.id),
        )
        by_text = {p.text: p for p in read_points(s.store.conn)}
        moderate_point(s, by_text["擱置的意見"], SET_ASIDE)
        s.do(accept_point(s.workshop, by_text["已採用的意見"], board.id))
        return path, board.name
    finally:
        s.close()


def test_merge_brings_the_waiting_and_set_aside_points(tmp_path: Path, capsys) -> None:
    other, board_name = breakout(tmp_path)
    main_file = write_sample(tmp_path / "main.pofacil")
    assert main(["merge", str(main_file), str(other), "--board", board_name]) == 0
    assert "2 point(s) from the room's inbox came along" in capsys.readouterr().out
    s = Session.open(main_file)
    try:
        merged = [b for b in s.workshop.ordered_boards() if b.name.startswith(board_name)][-1]
        points = {p.text: p for p in read_points(s.store.conn, None)}
        assert set(points) == {"還在等待的意見", "擱置的意見"}
        assert points["還在等待的意見"].state == WAITING
        assert points["還在等待的意見"].author == "王素琴"
        assert points["擱置的意見"].state == SET_ASIDE
        assert {p.board for p in points.values()} == {merged.id}
        assert any(n.text == "已採用的意見" for n in merged.live_notes())
        # Undoing the merge is the lead's step; the points are the room's and stay.
        assert s.undo_label() == "merge: table2.pofacil"
        s.undo()
        assert len(read_points(s.store.conn, None)) == 2
    finally:
        s.close()
    assert main(["check", str(main_file)]) == 0


def test_a_board_left_behind_keeps_its_points(tmp_path: Path, capsys) -> None:
    other, board_name = breakout(tmp_path)
    s = Session.open(other)
    others = [b.name for b in s.workshop.ordered_boards() if b.name != board_name]
    s.close()
    main_file = write_sample(tmp_path / "main.pofacil")
    assert main(["merge", str(main_file), str(other), "--board", others[0]]) == 0
    assert "came along" not in capsys.readouterr().out
    s = Session.open(main_file)
    try:
        assert read_points(s.store.conn, None) == []
    finally:
        s.close()


def test_the_merge_dialog_brings_the_points_and_says_so(
    window, qtbot, tmp_path: Path, answer_dialogs: list[str]
) -> None:
    from PySide6.QtCore import Qt

    from pofacil.ui.merge_dialog import MergeDialog

    other, board_name = breakout(tmp_path)
    dialog = MergeDialog(window.document, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.load(other)
    boards = dialog.boards
    for row in range(boards.count()):  # only the board the phones sent to
        item = boards.item(row)
        keep = item.text().startswith(f"{board_name} (")
        item.setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert "2 point(s) of its room's inbox came along" in answer_dialogs[-1]
    texts = {p.text for p in read_points(window.document.session.store.conn, None)}
    assert texts == {"還在等待的意見", "擱置的意見"}
