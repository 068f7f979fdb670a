"""A dot vote in the real window on a 300-note camp, driven by mouse clicks on the viewport:
open, votes, hidden totals, reveal, undo, close, sort."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from pofacil.board.geometry import votes as marks
from pofacil.board.ops import votes
from pofacil.board.session import Session
from pofacil.ui.vote_mode import StartVoteDialog
from tests.camp import TABLE, write_camp

CELL = "role/now"


@pytest.fixture
def camp_window(qtbot, tmp_path: Path) -> Iterator:
    from pofacil.ui.fonts import install_app_font
    from pofacil.ui.main_window import MainWindow

    install_app_font()
    win = MainWindow(Session.open(write_camp(tmp_path / "camp.pofacil"), actor="桌長"))
    qtbot.addWidget(win)
    win.resize(1024, 768)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def answer_start(scope: str = "cells", per_person: int = 3, hidden: bool = True) -> None:
    """Fill in the Start a vote dialog when it opens."""

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, StartVoteDialog):
            QTimer.singleShot(20, fill)
            return
        {"cells": dialog.in_cell, "board": dialog.whole, "notes": dialog.chosen}[scope].click()
        dialog.cells.setCurrentIndex(dialog.cells.findData(CELL))
        dialog.per_person.setValue(per_person)
        dialog.hidden.setChecked(hidden)
        dialog.accept()

    QTimer.singleShot(20, fill)


def spot(win, note_id: str) -> QPoint:  # type: ignore[no-untyped-def]
    """Where the note is on the viewport, after bringing it into view at a readable zoom."""
    item = win.scene.notes[note_id]
    win.view.resetTransform()
    win.view.centerOn(item)
    return win.view.mapFromScene(item.sceneBoundingRect().center())


def click(qtbot, win, note_id: str, shift: bool = False) -> None:  # type: ignore[no-untyped-def]
    modifier = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(win.view.viewport(), Qt.MouseButton.LeftButton, modifier, spot(win, note_id))


def mark_drawn(win, note_id: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether the vote pill's blue shows at the note's top-left corner on screen."""
    item = win.scene.notes[note_id]
    spot(win, note_id)
    QApplication.processEvents()
    corner = item.mapToScene(marks.PILL_LEFT + marks.PILL_PAD + marks.DOT + 1, -4)
    point = win.view.mapFromScene(corner)
    image = win.view.viewport().grab().toImage()
    return QColor(image.pixel(point.x(), point.y())) == QColor(marks.FILL)


def test_a_vote_round_end_to_end(camp_window, qtbot) -> None:
    win = camp_window
    board = win.document.workshop.find_board(TABLE)
    assert win.scene.board_id == board.id
    notes = sorted(board.notes_in(CELL), key=lambda n: n.seq)
    answer_start()
    win.vote_mode.start_action.trigger()
    current = votes.open_round_of(board)
    assert current is not None and current.hidden and current.member_ids() == [CELL]
    assert win.vote_mode.active and win.vote_mode.banner.isVisible()
    assert "Shift" in win.vote_mode.banner.text()

    last, third = notes[-1].id, notes[2].id
    for _ in range(3):
        click(qtbot, win, last)
    click(qtbot, win, third)
    click(qtbot, win, third)
    click(qtbot, win, third, shift=True)
    assert votes.counts(board, current) == {last: 3, third: 1}
    # Two quick clicks are two votes (Qt delivers the second as a double click).
    qtbot.mouseDClick(win.view.viewport(), Qt.MouseButton.LeftButton, pos=spot(win, notes[6].id))
    assert votes.counts(board, current)[notes[6].id] == 1
    click(qtbot, win, notes[6].id)
    assert votes.counts(board, current)[notes[6].id] == 2
    click(qtbot, win, notes[6].id, shift=True)
    click(qtbot, win, notes[6].id, shift=True)
    assert votes.counts(board, current)[notes[6].id] == 0
    assert win.scene.notes[notes[6].id].editor is None, "no editing in vote mode"
    assert not win.scene.selected_note_ids(), "a click in vote mode selects nothing"
    assert win.vote_mode.banner.text().startswith("✓")  # the only sign, while hidden
    assert not mark_drawn(win, last), "hidden totals show no dots"
    # A note outside the round takes no vote, and says why.
    outside = board.notes_in("system/now")[0].id
    click(qtbot, win, outside)
    assert votes.counts(board, current)[outside] == 0
    assert win.statusBar().currentMessage()

    win.vote_mode.reveal_action.trigger()
    assert mark_drawn(win, last) and mark_drawn(win, third)
    assert not mark_drawn(win, notes[0].id)
    # Each vote was one undo step.
    assert win.undo_action.text().endswith("reveal the votes") or "揭曉" in win.undo_action.text()
    win.undo_action.trigger()  # the reveal
    win.undo_action.trigger()  # the last take-back
    assert votes.counts(board, current)[notes[6].id] == 1
    win.redo_action.trigger()
    win.redo_action.trigger()
    assert votes.counts(board, current)[notes[6].id] == 0 and not board.rounds[current.id].hidden

    win.vote_mode.close_action.trigger()
    assert not win.vote_mode.active and not win.vote_mode.banner.isVisible()
    assert board.notes[last].votes == 3 and board.notes[third].votes == 1
    click(qtbot, win, notes[5].id)  # out of vote mode a click selects
    assert win.scene.selected_note_ids() == [notes[5].id]
    win.vote_mode.sort_action.trigger()
    order = [n.id for n in sorted(board.notes_in(CELL), key=lambda n: n.seq)]
    assert order[:2] == [last, third]
    qtbot.waitUntil(lambda: win.scene.notes[last].pos().y() <= win.scene.notes[third].pos().y())
    win.undo_action.trigger()  # the sort is one step
    assert [n.id for n in sorted(board.notes_in(CELL), key=lambda n: n.seq)] == [
        n.id for n in notes
    ]


def test_vote_mode_without_an_open_round_says_so(camp_window, qtbot) -> None:
    win = camp_window
    board = win.document.workshop.find_board(TABLE)
    win.vote_mode.mode_action.trigger()
    assert win.vote_mode.active and "start one" in win.vote_mode.banner.text()
    note = board.notes_in(CELL)[0].id
    click(qtbot, win, note)
    assert not board.votes and "start one first" in win.statusBar().currentMessage()
    win.vote_mode.mode_action.trigger()
    assert not win.vote_mode.banner.isVisible()


def test_the_selected_notes_are_offered_as_the_scope(camp_window, qtbot) -> None:
    win = camp_window
    board = win.document.workshop.find_board(TABLE)
    picked = [n.id for n in board.notes_in(CELL)[:3]]
    for note_id in picked:
        win.scene.notes[note_id].setSelected(True)
    dialog = StartVoteDialog(board, win.scene.selected_note_ids(), None, win)
    scope, members = dialog.scope()
    assert dialog.chosen.isChecked() and scope == "notes" and sorted(members) == sorted(picked)
    assert dialog.per_person.value() == 3 and dialog.hidden.isChecked()


def test_the_banner_stays_put_and_projector_mode_hides_the_toolbar(camp_window, qtbot) -> None:
    win = camp_window
    win.vote_mode.mode_action.trigger()
    banner = win.vote_mode.banner
    where = banner.geometry()
    assert win.view.viewport().geometry().contains(where)
    win.view.verticalScrollBar().setValue(win.view.verticalScrollBar().maximum())
    assert banner.geometry() == where and banner.isVisible(), "panning leaves it in place"
    assert win.vote_mode.toolbar.isVisible()
    win.toggle_projector()
    qtbot.waitUntil(lambda: not win.vote_mode.toolbar.isVisible())
    assert banner.isVisible()
    win.toggle_projector()
    qtbot.waitUntil(lambda: win.vote_mode.toolbar.isVisible())


@pytest.mark.parametrize("round_open", [True, False])
def test_a_note_moved_out_of_a_rounds_cells_shows_its_dots_again(
    camp_window, monkeypatch, round_open: bool
) -> None:
    # A note item repaints for what it draws of the note (text, kind, author, votes), not for a
    # move: its cached pixmap stays. In a round on some cells, a note leaving them shows other
    # dots, and vote mode repaints it.
    from pofacil.board import ops
    from pofacil.ui.items import NoteItem

    win = camp_window
    doc = win.document
    board = doc.workshop.find_board(TABLE)
    note = sorted(board.notes_in(CELL), key=lambda n: n.seq)[0]
    if round_open:
        rnd = doc.apply(votes.open_round, board.id, "cells", [CELL], hidden=False)
        assert rnd is not None
        doc.apply(votes.add_vote, votes.open_round_of(board).id, note.id)
    QApplication.processEvents()
    repainted: list[str] = []
    original = NoteItem.update

    def spied(item, *area) -> None:
        repainted.append(item.note.id)
        original(item, *area)

    monkeypatch.setattr(NoteItem, "update", spied)
    other = next(c.id for c in board.cells if c.id != CELL)
    assert doc.apply(ops.place_in_cell, [note.id], other, 0) is not None
    QApplication.processEvents()
    assert (note.id in repainted) == round_open
