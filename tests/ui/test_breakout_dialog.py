"""Send to breakout in the window, on the 300-note camp: the cell picker (counts, busiest
first, select all, no cell chosen), the outcome in a box that stays until it is closed, the
new sheet opened, and a note dragged from its reference area into a row."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QPoint, QPointF, Qt, QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QDialogButtonBox, QMessageBox

from pofacil.board import ops
from pofacil.board.model import display_order
from pofacil.board.session import Session
from pofacil.ui import i18n
from pofacil.ui.board_actions import CellPicker
from tests.camp import TABLE, write_camp

from .test_board_window import drag, next_turn


@pytest.fixture
def camp_window(qapp, qtbot, tmp_path: Path) -> Iterator:
    """The real window on the camp, in the room's language (the tests default to English)."""
    from pofacil.ui.fonts import install_app_font
    from pofacil.ui.main_window import MainWindow

    install_app_font()
    locale = QLocale()
    i18n.install_translators(qapp, "zh_TW")
    win = MainWindow(Session.open(write_camp(tmp_path / "camp.pofacil", 300, seed=300)))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    names = [win.tabs.tabText(i) for i in range(win.tabs.count())]
    win.tabs.setCurrentIndex(names.index(TABLE))
    yield win
    QApplication.clipboard().clear()
    win.close()
    i18n.install_translators(qapp, "en")
    QLocale.setDefault(locale)


@pytest.fixture
def modal() -> Iterator[Callable[[Callable[[object], None]], None]]:
    """Hand each modal dialog as it opens to the handlers given, in order; every handler must
    have run by the end of the test. The timer only looks for dialogs: nothing is timed."""
    handlers: list[Callable[[object], None]] = []
    timer = QTimer()

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if widget is not None and handlers:
            handlers.pop(0)(widget)

    timer.timeout.connect(poll)
    timer.start(20)
    yield handlers.append
    timer.stop()
    assert not handlers, "a dialog that was expected never opened"


def click_box(qtbot, box: QCheckBox) -> None:
    """A click on the check box's square (its widget is stretched wider than its text)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def box_stays_until_closed(box: QMessageBox) -> None:
    """The outcome is a modal box with one OK: the event loop turning does not close it."""
    assert isinstance(box, QMessageBox) and box.isModal()
    for _ in range(50):
        QApplication.processEvents()
    assert box.isVisible()
    assert [box.buttonRole(b) for b in box.buttons()] == [QMessageBox.ButtonRole.AcceptRole]


def test_the_picker_lists_counts_busiest_first_and_selects_all(qtbot, camp_window, modal) -> None:
    table = camp_window.scene.board
    counts = camp_window.scene.geometry.counts
    picker = CellPicker(table, counts, camp_window)
    qtbot.addWidget(picker)
    picker.show()
    items = [picker.list.item(i) for i in range(picker.list.count())]
    shown = [counts[i.data(Qt.ItemDataRole.UserRole)] for i in items]
    assert len(items) == 10 and shown == sorted(shown, reverse=True), "busiest first"
    busiest = items[0].data(Qt.ItemDataRole.UserRole)
    cell = table.cell(busiest)
    assert items[0].text() == f"{cell.row}／{cell.column}（{shown[0]} 張便利貼）"

    click_box(qtbot, picker.select_all)
    assert len(picker.chosen()) == 10
    assert picker.select_all.checkState() == Qt.CheckState.Checked
    click_box(qtbot, picker.select_all)
    assert picker.chosen() == [] and picker.select_all.checkState() == Qt.CheckState.Unchecked
    items[1].setCheckState(Qt.CheckState.Checked)
    assert picker.select_all.checkState() == Qt.CheckState.PartiallyChecked
    click_box(qtbot, picker.select_all)
    assert len(picker.chosen()) == 10, "from some checked, select all checks the rest"
    click_box(qtbot, picker.select_all)

    seen: list[str] = []

    def no_cell(box) -> None:
        box_stays_until_closed(box)
        seen.append(box.text())
        box.buttons()[0].click()

    modal(no_cell)
    ok = picker.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert seen == ["請至少勾選一格送往分組討論。"]
    assert picker.isVisible() and picker.result() != CellPicker.DialogCode.Accepted


def test_send_all_cells_says_what_was_made_and_opens_the_first_sheet(
    qtbot, camp_window, modal, tmp_path: Path
) -> None:
    window = camp_window
    table = window.scene.board
    session = window.document.session
    lines = len(session.history())
    boards = len(window.document.workshop.ordered_boards())
    window.document.apply(ops.add_board, "blank", "PO制度／現在的認知")
    lines, boards = lines + 1, boards + 1
    outcome: list[str] = []

    def pick_all(picker) -> None:
        assert isinstance(picker, CellPicker)
        picker.select_all.click()
        picker.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    def read_outcome(box) -> None:
        box_stays_until_closed(box)
        outcome.append(box.text())
        box.buttons()[0].click()

    modal(pick_all)
    modal(read_outcome)
    window.board_actions.breakout_action.trigger()
    next_turn()

    assert len(session.history()) == lines + 1, "ten sheets, one history line"
    made = window.document.workshop.ordered_boards()[boards:]
    assert len(made) == 10 and all(b.template == "concept-sheet" for b in made)
    assert sum(len(b.live_notes()) for b in made) == 300, "every note of the table, once"
    [text] = outcome
    clash = next(b for b in made if b.name.startswith("PO制度／現在的認知"))
    assert clash.name == "PO制度／現在的認知 (2)"
    for sheet in made:
        assert f"{sheet.name}：{len(sheet.live_notes())} 張便利貼" in text
    assert "已有名為「PO制度／現在的認知」的白板，名稱加上編號" in text
    assert text.startswith("已建立分組白板：10 張")

    busiest = max(table.cells, key=lambda c: len(table.notes_in(c.id)))
    assert window.scene.board.id == made[0].id, "the first sheet is open"
    assert made[0].name.startswith(f"{busiest.row}／{busiest.column}")
    window.view.fit()
    next_turn()
    shot = tmp_path / "sheet.png"
    window.grab().save(str(shot))
    assert shot.stat().st_size > 0

    # The group drags the first reference note into the first row's solution column.
    first = min(made[0].live_notes(), key=display_order)
    item = window.scene.notes[first.id]
    target = window.scene.geometry.cells["r1/solution"]
    drag(
        qtbot,
        window.view,
        item,
        window.view.mapFromScene(QPointF(target.x + target.w / 2, target.y + target.h / 2))
        - window.view.mapFromScene(item.sceneBoundingRect().center()),
    )
    moved = window.document.workshop.note(first.id)
    assert (moved.cell, moved.kind, moved.cluster) == ("r1/solution", "solution", None)
    assert (moved.author, moved.origin) == (first.author, first.origin)

    # The sheet takes more rows, below its three; the reference area stays clear of them.
    window.board_actions.add_row_action.trigger()
    next_turn()
    geo = window.scene.geometry
    assert [row for row, _ in geo.rows] == ["r1", "r2", "r3", "r4"]
    grid = geo.bounds
    frame = window.scene.clusters[first.cluster].sceneBoundingRect()
    assert frame.left() > grid.x + grid.w, "the reference area is right of the grid"

    for _ in range(3):
        window.undo_action.trigger()
    next_turn()
    assert len(window.document.workshop.ordered_boards()) == boards, "one undo: all ten gone"
