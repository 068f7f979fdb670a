"""Every gesture in the Board and Edit menus is one undo step, on a multi-selection too: one
history line, and one Undo puts the whole workshop back as it was."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QMessageBox

from pofacil.board import ops
from pofacil.board.ops import boards as board_ops
from pofacil.ui.board_actions import CellPicker
from pofacil.ui.dialogs import DeletedNotesDialog


@pytest.fixture
def answer_changing() -> Iterator[None]:
    """Answer dialogs so that the gesture does change something: a new name, a chosen cell,
    the deleted notes restored, Yes to questions."""

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QMessageBox):
            yes = widget.button(QMessageBox.StandardButton.Yes)
            (yes or widget.buttons()[0]).click()
        elif isinstance(widget, QInputDialog):
            if widget.inputMode() == QInputDialog.InputMode.TextInput:
                widget.setTextValue(widget.textValue() + "（新）")
            widget.accept()
        elif isinstance(widget, CellPicker):
            for row in range(2):
                widget.list.item(row).setCheckState(widget.list.item(row).checkState().Checked)
            widget.accept()
        elif isinstance(widget, DeletedNotesDialog):
            widget.list.selectAll()
            widget.restore.click()
            widget.reject()
        elif isinstance(widget, QDialog):
            widget.accept()

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(20)
    yield
    timer.stop()


def show(window, name: str) -> None:
    names = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    window.tabs.setCurrentIndex(names.index(name))


def select(window, notes: list[str]) -> None:
    window.scene.clearSelection()
    for note_id in notes:
        window.scene.notes[note_id].setSelected(True)


def live(window) -> list[str]:
    return sorted(n.id for n in window.scene.board.live_notes())


def menu(window, title: str):
    return next(a.menu() for a in window.menuBar().actions() if a.text() == title)


def test_every_menu_gesture_is_one_undo_step(
    qtbot, window, answer_changing, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # saved templates go here
    doc = window.document
    ws, session = doc.workshop, doc.session

    def on(name: str, pick: Callable[[list[str]], list[str]] = lambda ids: ids[:3]) -> Callable:
        def setup() -> None:
            show(window, name)
            select(window, pick(live(window)))

        return setup

    def mind_map_moved() -> None:
        show(window, "全體分享心智圖")
        doc.apply(ops.move_notes, {i: (ws.note(i).x + 300, ws.note(i).y) for i in live(window)})
        select(window, live(window)[:2])

    def hopes_and_fears() -> None:
        board = doc.apply(ops.add_board, "hopes-fears", "期待與擔憂").board
        show(window, "期待與擔憂")
        for text, kind in (("有人支援", "hope"), ("沒有時間", "fear"), ("有經費", "hope")):
            doc.apply(ops.add_note, board, text, kind=kind)
        select(window, live(window))

    def branches() -> None:
        show(window, "全體分享心智圖")
        board = window.scene.board
        select(window, [n for n in live(window) if board.children(n)][:3])

    def grouped() -> None:
        show(window, "議題脈絡分析表")
        doc.apply(ops.cluster_notes, live(window)[:3], "人力")
        select(window, live(window)[:3])

    def deleted() -> None:
        show(window, "議題脈絡分析表")
        doc.apply(ops.delete_notes, live(window)[:3])
        window.scene.clearSelection()

    def copied() -> None:
        on("議題脈絡分析表")()
        window.copy_selected()

    # Each menu entry: how to set it up, and whether it changes the workshop.
    table = on("議題脈絡分析表")
    gestures: dict[str, tuple[Callable[[], None], bool]] = {
        # Edit menu
        "&Undo": (table, False),
        "&Redo": (table, False),  # walked by the check itself
        "&Copy": (table, False),
        "&Paste": (copied, True),
        "D&uplicate": (table, True),
        "&Delete": (table, True),
        "&Edit note": (table, False),
        "Select &all": (table, False),
        "&Group…": (table, True),
        "U&ngroup": (grouped, True),
        "Deleted notes…": (deleted, True),
        "&Find…": (table, False),
        "Quick &capture": (table, False),
        # Board menu
        "&Add board…": (table, True),
        "&Rename board…": (table, True),
        "&Delete board": (table, True),
        "&Next board": (table, False),
        "&Previous board": (table, False),
        "Add a &row": (on("第一組：PO制度"), True),
        "&Heat map": (table, False),
        "Send cells to &breakout…": (table, True),
        "&Lay out mind map": (mind_map_moved, True),
        "Save board as &template…": (table, False),
        # The context menu's board gestures, shown on a selection
        "Turn into &need": (hopes_and_fears, True),
        "Collapse or expand branch": (branches, True),
    }
    actions = [
        a
        for m in (menu(window, "&Edit"), menu(window, "&Board"))
        for a in m.actions()
        if not a.isSeparator()
    ]
    actions += [window.board_actions.need_action, window.board_actions.fold_action]
    assert sorted(a.text() for a in actions) == sorted(gestures), "a menu entry is not walked"

    for action in actions:
        if action in (window.undo_action, window.redo_action):
            continue
        setup, changes = gestures[action.text()]
        setup()
        window.board_actions.update()
        window._update_actions()
        assert action.isEnabled(), action.text()
        before, lines = ws.rows(), len(session.history())
        action.trigger()
        qtbot.wait(10)
        if window.scene.focusItem() is not None:  # Edit note: leave the editor unchanged
            window.scene.clearFocus()
        assert len(session.history()) == lines + changes, action.text()
        if changes:
            window.undo_action.trigger()
            assert ws.rows() == before, f"{action.text()} needs more than one Undo"
            window.redo_action.trigger()
            window.undo_action.trigger()
        assert ws.rows() == before, action.text()


def test_turn_into_need_and_fold_on_many_notes_are_one_line_each(qtbot, window) -> None:
    doc = window.document
    show(window, "全體分享心智圖")
    board = window.scene.board
    parents = [n for n in live(window) if board.children(n)]
    assert len(parents) >= 2
    lines = len(doc.session.history())
    doc.apply(board_ops.set_collapsed, parents, True)
    assert all(board.notes[p].collapsed for p in parents)
    assert len(doc.session.history()) == lines + 1
