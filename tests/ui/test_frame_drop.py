"""A note dropped onto a group's frame joins it, and the frame, grown, moves the notes it now
runs over out of it, in the same undo step (the mind-map issue's point 4, on screen through a
real mouse drag)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint

from pofacil.board import ops
from pofacil.board.session import Session

from ..board.test_group_frames import intruders
from .test_board_window import drag


@pytest.fixture
def framed(qtbot, tmp_path: Path) -> Iterator:
    from pofacil.ui.main_window import MainWindow

    s = Session.create(tmp_path / "f.pofacil", boards=[("blank", "全體")])
    bid = s.workshop.ordered_boards()[0].id
    a = s.do(ops.add_note(s.workshop, bid, "甲", x=0.0, y=0.0)).subjects[0]
    s.do(ops.add_note(s.workshop, bid, "乙（不在組內）", x=0.0, y=170.0))
    s.do(ops.add_note(s.workshop, bid, "丙", x=500.0, y=0.0))
    s.do(ops.cluster_notes(s.workshop, [a], "人力"))
    win = MainWindow(s)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.view.fit()
    yield win
    win.close()


def test_a_note_dropped_into_a_frame_pushes_the_outsider_out(qtbot, framed) -> None:
    win = framed
    board = win.document.workshop.board(win.current_board_id())
    by_text = {n.text: n.id for n in board.live_notes()}
    third, outsider = by_text["丙"], by_text["乙（不在組內）"]
    before = {n.id: (n.x, n.y) for n in board.live_notes()}
    scale = win.view.transform().m11()
    # 丙's centre lands inside 人力's frame, 60 units below 甲: the frame grows down over 乙.
    drag(
        qtbot,
        win.view,
        win.view.scene().notes[third],
        QPoint(round(-500 * scale), round(60 * scale)),
    )
    assert board.notes[third].cluster is not None
    assert intruders(board) == []
    assert (board.notes[outsider].x, board.notes[outsider].y) != before[outsider]
    assert win.document.session.undo_label() == "move"
    win.undo_action.trigger()
    assert {n.id: (n.x, n.y) for n in board.live_notes()} == before
    assert board.notes[third].cluster is None


def test_a_drop_that_joins_no_frame_moves_nothing_else(qtbot, framed) -> None:
    win = framed
    board = win.document.workshop.board(win.current_board_id())
    third = next(n.id for n in board.live_notes() if n.text == "丙")
    before = {n.id: (n.x, n.y) for n in board.live_notes() if n.id != third}
    scale = win.view.transform().m11()
    drag(qtbot, win.view, win.view.scene().notes[third], QPoint(0, round(150 * scale)))
    assert {n.id: (n.x, n.y) for n in board.live_notes() if n.id != third} == before
