"""The capture bar's target: shown on the bar, set by a click, a selection, Alt+arrows or the
bar's menu, kept per board; a captured note lands inside its cell and comes into view."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from pofacil.board import ops
from pofacil.board.session import Session
from pofacil.ui import i18n
from tests.camp import TABLE, write_camp

from .test_board_window import next_turn

BOARDS = [
    ("issue-context", "議題脈絡分析表"),
    ("concept-sheet", "概念發展單"),
    ("hopes-fears", "期待與擔憂"),
    ("blank", "自由白板"),
]


def open_window(qtbot, session: Session):
    from pofacil.ui.fonts import install_app_font
    from pofacil.ui.main_window import MainWindow

    install_app_font()
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.view.fit()
    return window


@pytest.fixture
def fresh(qtbot, tmp_path: Path) -> Iterator:
    """The real window on a new workshop: the three table templates and a free board."""
    window = open_window(qtbot, Session.create(tmp_path / "fresh.pofacil", boards=BOARDS))
    yield window
    window.close()


def show(window, name: str) -> None:
    names = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    window.tabs.setCurrentIndex(names.index(name))
    assert window.scene.board.name == name


def cell_rect(window, cell: str) -> QRectF:
    r = window.scene.geometry.cells[cell]
    return QRectF(r.x, r.y, r.w, r.h)


def click_scene(qtbot, window, point: QPointF) -> None:
    qtbot.mouseClick(
        window.view.viewport(), Qt.MouseButton.LeftButton, pos=window.view.mapFromScene(point)
    )


def type_text(widget, text: str) -> None:
    """Key presses carrying each character (QTest's keyClicks aborts on CJK characters)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def capture_by_keyboard(qtbot, window, steps: list[Qt.Key], line: str) -> str:
    """Focus the capture line, step the target with Alt+arrows, type the line, Enter."""
    edit = window.capture.edit
    edit.setFocus()
    for key in steps:
        qtbot.keyClick(edit, key, Qt.KeyboardModifier.AltModifier)
    type_text(edit, line)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.text() == "", "ready for the next point"
    return window._last_captured


@pytest.mark.parametrize(
    ("board", "steps", "cell", "kind", "label"),
    [
        ("議題脈絡分析表", [Qt.Key.Key_Down] * 2, "ministry/now", "idea", "部會需求／現在的認知"),
        (
            "概念發展單",
            [Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Right],
            "r3/solution",
            "solution",
            "第3列／解法",
        ),
        ("期待與擔憂", [Qt.Key.Key_Right] * 2, "all/need", "need", "全部／需求"),
    ],
)
def test_capture_into_an_empty_cell_from_the_keyboard(
    qtbot, fresh, board, steps, cell, kind, label
) -> None:
    window = fresh
    show(window, board)
    first = window.scene.board.cells[0]
    assert window.capture.target.text().startswith("→ "), "the first cell, before any choice"
    assert first.row in window.capture.target.text()
    nid = capture_by_keyboard(qtbot, window, steps, "李美玲: 需要PO交流平台")
    note = window.document.workshop.note(nid)
    assert (note.cell, note.kind, note.author, note.text) == (
        cell,
        kind,
        "李美玲",
        "需要PO交流平台",
    )
    assert window.capture.target.text() == f"→ {label}"
    next_turn()
    drawn = window.scene.notes[nid].sceneBoundingRect()
    assert cell_rect(window, cell).contains(drawn), (drawn, cell_rect(window, cell))
    assert window.scene.geometry.counts[cell] == 1
    assert sum(window.scene.geometry.counts.values()) == 1
    # The next point goes to the same cell, after the first.
    second = capture_by_keyboard(qtbot, window, [], "第二點")
    assert window.document.workshop.note(second).cell == cell
    assert window.scene.geometry.counts[cell] == 2


def test_with_no_target_a_table_capture_never_lands_on_the_headers(qtbot, fresh) -> None:
    window = fresh
    show(window, "議題脈絡分析表")
    click_scene(qtbot, window, QPointF(5, 5))  # the empty corner above the row headers
    type_text(window.view, "需要PO交流平台")  # typing on the canvas goes to the line
    assert window.capture.edit.text() == "需要PO交流平台"
    qtbot.keyClick(window.capture.edit, Qt.Key.Key_Return)
    note = window.document.workshop.note(window._last_captured)
    assert note.cell == "system/now"
    assert window.capture.target.text() == "→ PO制度／現在的認知"
    next_turn()
    drawn = window.scene.notes[note.id].sceneBoundingRect()
    assert cell_rect(window, "system/now").contains(drawn)
    for _, header in window.scene.geometry.columns + window.scene.geometry.rows:
        assert not QRectF(header.x, header.y, header.w, header.h).intersects(drawn)


def test_clicking_a_cell_or_selecting_a_note_in_one_makes_it_the_target(qtbot, fresh) -> None:
    window = fresh
    show(window, "議題脈絡分析表")
    empty = cell_rect(window, "public/future")
    click_scene(qtbot, window, empty.center())
    assert window.capture.target.text() == "→ 民眾需求／未來的期待"
    header = window.scene.geometry.columns[0][1]
    click_scene(qtbot, window, QPointF(header.x + 10, header.y + 10))
    assert window.capture.target.text() == "→ 民眾需求／未來的期待", "a header is no target"

    doc = window.document
    board = window.scene.board
    placed = doc.apply(ops.add_note, board.id, "會前需要業務單位一起準備", cell="role/future")
    next_turn()
    item = window.scene.notes[placed.subjects[0]]
    qtbot.mouseClick(
        window.view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.view.mapFromScene(item.sceneBoundingRect().center()),
    )
    assert item.isSelected()
    assert window.capture.target.text() == "→ PO角色／未來的期待"
    window.capture_note("黃建國", "希望有範本可用")
    assert doc.workshop.note(window._last_captured).cell == "role/future"
    # A click on the empty part of a cell that holds notes aims there too.
    busy = cell_rect(window, "role/future")
    click_scene(qtbot, window, QPointF(busy.right() - 8, busy.bottom() - 30))
    assert not item.isSelected()
    assert window.capture.target.text() == "→ PO角色／未來的期待"


def test_the_bar_menu_lists_the_cells_and_picks_one(qtbot, fresh) -> None:
    window = fresh
    show(window, "議題脈絡分析表")
    menu = window.capture.target_menu
    menu.aboutToShow.emit()
    texts = [a.text() for a in menu.actions()]
    assert len(texts) == 10 and texts[0] == "PO制度／現在的認知"
    assert [a.isChecked() for a in menu.actions()].index(True) == 0
    menu.actions()[7].trigger()
    assert window.capture.target.text() == "→ " + texts[7]
    window.capture_note("", "跨部會")
    assert window.document.workshop.note(window._last_captured).cell == "public/future"
    menu.aboutToShow.emit()
    assert [a.isChecked() for a in menu.actions()].index(True) == 7


def test_alt_arrows_step_the_target_from_the_canvas(qtbot, fresh) -> None:
    window = fresh
    show(window, "議題脈絡分析表")
    click_scene(qtbot, window, QPointF(5, 5))
    assert window.view.hasFocus()
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Right, Qt.Key.Key_Right):
        qtbot.keyClick(window.view, key, Qt.KeyboardModifier.AltModifier)
    assert window.capture.target.text() == "→ 部會需求／現在的認知"
    qtbot.keyClick(window.view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.capture.target.text() == "→ PO制度／未來的期待"
    assert window.view.hasFocus() and window.capture.edit.text() == "", "nothing typed"


def test_each_board_keeps_its_target_and_undo_falls_back(qtbot, fresh) -> None:
    window = fresh
    show(window, "議題脈絡分析表")
    window.set_capture_target("policy/future")
    show(window, "概念發展單")
    window.board_actions.add_row_action.trigger()
    next_turn()
    window.set_capture_target("r4/vision")
    assert window.capture.target.text() == "→ 第4列／願景"
    show(window, "議題脈絡分析表")
    assert window.capture.target.text() == "→ 政策需求／未來的期待"
    show(window, "概念發展單")
    assert window.capture.target.text() == "→ 第4列／願景"
    window.undo_action.trigger()  # the row, and the target cell with it, is gone
    next_turn()
    assert window.capture.target.text() == "→ 第1列／問題"
    window.capture_note("", "沒有第4列了")
    note = window.document.workshop.note(window._last_captured)
    assert (note.cell, note.kind) == ("r1/problem", "problem")


def test_a_free_board_aims_next_to_the_previous_note_or_at_a_group(qtbot, fresh) -> None:
    window = fresh
    show(window, "自由白板")
    bar = window.capture
    assert bar.target.text() == "→ next to the previous note"
    doc = window.document
    board = window.scene.board
    a = doc.apply(ops.add_note, board.id, "甲", x=100.0, y=100.0).subjects[0]
    group = doc.apply(ops.cluster_notes, [a], "<b>人力</b> & 經費").subjects[0]
    next_turn()
    window.scene.clearSelection()
    window.scene.notes[a].setSelected(True)
    assert bar.target.text() == "→ <b>人力</b> && 經費", "plain text; && is a literal &"
    bar.target_menu.aboutToShow.emit()
    assert [a.text() for a in bar.target_menu.actions()] == [
        "next to the previous note",
        "<b>人力</b> && 經費",
    ]
    window.capture_note("", "乙")
    assert doc.workshop.note(window._last_captured).cluster == group
    click_scene(qtbot, window, QPointF(1500, 1500))  # the empty canvas
    assert bar.target.text() == "→ next to the previous note"
    window.capture_note("", "丙")
    assert doc.workshop.note(window._last_captured).cluster is None


def test_the_bar_speaks_the_ui_language(qtbot, qapp, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtCore import QSettings

    ini = str(tmp_path / "settings.ini")
    monkeypatch.setattr(i18n, "settings", lambda: QSettings(ini, QSettings.Format.IniFormat))
    try:
        for language, table, free in (
            ("zh_TW", "→ PO制度／現在的認知", "→ 接在上一張後面"),
            ("en", "→ PO system / Now: current understanding", "→ next to the previous note"),
        ):
            i18n.set_language(language)
            i18n.install_translators(qapp, language)
            session = Session.create(tmp_path / f"{language}.pofacil", boards=BOARDS)
            window = open_window(qtbot, session)
            show(window, "議題脈絡分析表")
            assert window.capture.target.text() == table
            show(window, "自由白板")
            assert window.capture.target.text() == free
            window.close()
    finally:
        i18n.install_translators(qapp, "en")


def visible(window) -> QRectF:
    return window.view.mapToScene(window.view.viewport().rect()).boundingRect()


def scroll(window) -> tuple[int, int]:
    return window.view.horizontalScrollBar().value(), window.view.verticalScrollBar().value()


def test_the_view_scrolls_just_enough_to_show_the_new_note(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, Session.open(write_camp(tmp_path / "camp.pofacil")))
    try:
        show(window, TABLE)
        assert len(window.scene.board.live_notes()) == 300
        next_turn()  # the window's first fit
        window.view.set_zoom(1.0)
        next_turn()  # the scroll bars that zoom brings settle in
        window.view.centerOn(0, 0)
        start = scroll(window)
        window.set_capture_target("policy/future")
        cell = cell_rect(window, "policy/future")
        assert not visible(window).intersects(cell), "the target cell is out of view"
        window.capture_note("匿名", "結論要公開")
        new = window.scene.notes[window._last_captured].sceneBoundingRect()
        assert cell.contains(new)
        seen = visible(window)
        assert seen.contains(new)
        assert scroll(window) != start
        # Just enough: the note sits at the edge it came in from, not in the middle.
        assert seen.bottom() - new.bottom() <= 41, (seen, new)

        # A note that starts a new line in the last row grows the table under it.
        fullest = max(("policy/now", "policy/future"), key=window.scene.geometry.counts.get)
        window.set_capture_target(fullest)
        bottom = window.scene.geometry.bounds.h
        for n in range(2):
            window.capture_note("", f"再一點{n}")
            new = window.scene.notes[window._last_captured].sceneBoundingRect()
            assert visible(window).contains(new), n
        assert window.scene.geometry.bounds.h > bottom, "the table grew"

        # A note that arrives in view moves nothing.
        board = window.scene.board
        last = max(board.notes_in("system/now"), key=lambda n: n.seq)
        window.view.centerOn(window.scene.notes[last.id].sceneBoundingRect().center())
        window.set_capture_target("system/now")
        before, start = visible(window), scroll(window)
        window.capture_note("", "看得到")
        new = window.scene.notes[window._last_captured].sceneBoundingRect()
        assert before.contains(new)
        assert scroll(window) == start
    finally:
        QApplication.clipboard().clear()
        window.close()


@pytest.mark.parametrize(
    ("line", "author", "text"),
    [
        ("王素琴: 業務單位很忙", "王素琴", "業務單位很忙"),
        ("王素琴：業務單位很忙", "王素琴", "業務單位很忙"),
        ("10:30 開始分組", "", "10:30 開始分組"),  # a time, not a speaker "10"
        ("http://join.gov.tw 的提案", "", "http://join.gov.tw 的提案"),
    ],
)
def test_the_speaker_rule_is_the_imports(qtbot, fresh, line, author, text) -> None:
    window = fresh
    show(window, "議題脈絡分析表")
    note = window.document.workshop.note(capture_by_keyboard(qtbot, window, [], line))
    assert (note.author, note.text) == (author, text)
