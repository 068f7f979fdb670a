"""File > Import boards from another workshop…, driven as a user would: the board list and its
checkboxes, Select all, Import, the message about what came across, and one Ctrl+Z."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFileDialog,
    QLineEdit,
    QListWidget,
    QMessageBox,
)
from pytestqt.qtbot import QtBot

from pofacil.ui import i18n
from pofacil.ui.merge_dialog import MergeDialog
from tests.breakout import MINDMAP, SHEET, write_breakout


def tick(qtbot: QtBot, boards: QListWidget, row: int) -> None:
    """Click a board in the list, then Space: how a keyboard user ticks or unticks it."""
    rect = boards.visualItemRect(boards.item(row))
    qtbot.mouseClick(boards.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(boards, Qt.Key.Key_Space)


def click_box(qtbot: QtBot, box: QCheckBox) -> None:
    """A click on the box itself (the widget is as wide as the dialog, its middle is empty)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def states(boards: QListWidget) -> list[Qt.CheckState]:
    return [boards.item(i).checkState() for i in range(boards.count())]


def test_import_the_ticked_boards_then_undo_them_in_one_step(
    window, qtbot: QtBot, tmp_path: Path, answer_dialogs: list[str]
) -> None:
    table = write_breakout(tmp_path / "table1.pofacil", 1)
    digest = hashlib.sha256(table.read_bytes()).hexdigest()
    doc = window.document
    before = doc.workshop.rows()
    tabs_before = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    dialog = MergeDialog(doc, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.import_button.isEnabled()  # nothing chosen yet
    assert dialog.load(table)  # what the file dialog hands over
    boards = dialog.boards
    assert [boards.item(i).text() for i in range(boards.count())] == [
        f"{SHEET} (75 notes)",
        f"{MINDMAP} (96 notes)",
    ]
    assert states(boards) == [Qt.CheckState.Checked] * 2
    assert dialog.select_all.checkState() == Qt.CheckState.Checked
    assert dialog.left_out.text() == "2 deleted notes on these boards are left out."

    # Select all: none, then all, then untick the mind map by hand.
    click_box(qtbot, dialog.select_all)
    assert states(boards) == [Qt.CheckState.Unchecked] * 2
    assert not dialog.import_button.isEnabled()
    click_box(qtbot, dialog.select_all)
    assert states(boards) == [Qt.CheckState.Checked] * 2
    tick(qtbot, boards, 1)
    assert states(boards) == [Qt.CheckState.Checked, Qt.CheckState.Unchecked]
    assert dialog.select_all.checkState() == Qt.CheckState.PartiallyChecked
    tick(qtbot, boards, 1)
    tick(qtbot, boards, 0)
    assert states(boards) == [Qt.CheckState.Unchecked, Qt.CheckState.Checked]
    assert dialog.left_out.text() == "1 deleted notes on these boards are left out."
    tick(qtbot, boards, 0)

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert answer_dialogs == [
        "Imported 2 board(s) with 171 note(s) from table1.pofacil:\n"
        f"• {SHEET}\n"
        f"• {MINDMAP}\n"
        "2 deleted note(s) were left out.\n"
        "Undo (Ctrl+Z) removes all of them in one step."
    ]
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        *tabs_before,
        SHEET,
        MINDMAP,
    ]
    assert window.undo_action.text() == "&Undo: merged 2 boards from table1.pofacil"
    window.activateWindow()  # the dialog and the message box had the focus
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.workshop.rows() == before
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == tabs_before
    assert hashlib.sha256(table.read_bytes()).hexdigest() == digest


def test_clashing_names_are_told_in_chinese(
    window, qtbot: QtBot, qapp: QApplication, tmp_path: Path, answer_dialogs: list[str]
) -> None:
    first, second = (
        write_breakout(tmp_path / "第一桌.pofacil", 1),
        write_breakout(tmp_path / "第二桌.pofacil", 2, themes=4, points=1),
    )
    i18n.install_translators(qapp, "zh_TW")
    try:
        for path in (first, second):
            dialog = MergeDialog(window.document, window)
            qtbot.addWidget(dialog)
            dialog.show()
            assert dialog.load(path)
            assert dialog.windowTitle() == "從其他工作坊匯入分組"
            qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda d=dialog: not d.isVisible())
        names = [b.name for b in window.document.workshop.ordered_boards()]
        assert names[-4:] == [SHEET, MINDMAP, f"{SHEET} (2)", f"{MINDMAP} (2)"]
        assert f"• {SHEET}，因為名稱已有人使用，改名為 {SHEET} (2)" in answer_dialogs[-1]
        assert answer_dialogs[-1].startswith("已從 第二桌.pofacil 匯入 2 個白板，共 ")
        window._update_undo_texts()  # the texts of the language now installed
        assert window.undo_action.text() == "復原(&U)：從 第二桌.pofacil 合併了 2 個白板"
    finally:
        i18n.install_translators(qapp, "en")


def test_a_file_that_cannot_be_read_is_told_in_a_box(
    window, qtbot: QtBot, tmp_path: Path, answer_dialogs: list[str]
) -> None:
    text = tmp_path / "notes.pofacil"
    text.write_text("不是工作坊\n", encoding="utf-8")
    dialog = MergeDialog(window.document, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.load(text)
    assert not dialog.load(window.document.path)
    assert answer_dialogs == [
        f"{text} is not a pofacil workshop file.",
        f"{window.document.path} is the workshop itself; choose the file of another workshop "
        "to merge.",
    ]
    assert dialog.boards.count() == 0 and not dialog.import_button.isEnabled()


def test_the_file_menu_has_the_entry(window) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert "&Import boards from another workshop…" in texts


def test_through_the_file_menu(window, qtbot: QtBot, tmp_path: Path) -> None:
    """The menu entry's whole path: the file dialog, the board list, Import, the message."""
    table = write_breakout(tmp_path / "table1.pofacil", 1, themes=4, points=1)
    seen: list[str] = []

    def answer() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QFileDialog):
            seen.append("file dialog")
            # Typed into the name field, as a user does: selectFile() waits on the folder's
            # model, which under load may not have listed the file yet.
            widget.findChild(QLineEdit, "fileNameEdit").setText(str(table))
            widget.accept()
        elif isinstance(widget, MergeDialog) and widget.boards.count() and "boards" not in seen:
            seen.append("boards")
            # Later, not in this timer's call: the message Import opens needs the timer again.
            QTimer.singleShot(0, widget.import_button.click)
        elif isinstance(widget, QMessageBox):
            seen.append(widget.text().splitlines()[0])
            widget.buttons()[0].click()

    timer = QTimer()
    timer.timeout.connect(answer)
    timer.start(20)
    try:
        window.import_boards_action.trigger()
    finally:
        timer.stop()
    assert seen == [
        "file dialog",
        "boards",
        "Imported 2 board(s) with 83 note(s) from table1.pofacil:",
    ]
    assert window.tabs.tabText(window.tabs.currentIndex()) == SHEET  # the first one imported
