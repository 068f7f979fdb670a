"""Numbers and text from the clipboard, drags and resizes reach the model valid, through the
real window; import problems reach the user in Chinese."""

import math
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from pofacil.board import ops
from pofacil.board.formats.importers import import_change
from pofacil.board.model.errors import ImportFormatError
from pofacil.board.model.limits import COORD_MAX, SIZE_MAX, TEXT_MAX
from pofacil.board.session import Session
from pofacil.ui import i18n
from pofacil.ui.clipboard import NOTES_MIME
from pofacil.ui.document import translate_error
from pofacil.ui.main_window import MainWindow

from .test_board_window import file_rows, note_item, type_chinese


def crafted_clipboard(json_text: str, plain: str = "") -> None:
    mime = QMimeData()
    mime.setData(NOTES_MIME, json_text.encode("utf-8"))
    mime.setText(plain)
    QGuiApplication.clipboard().setMimeData(mime)


def all_finite_in_range(path: Path) -> bool:
    """Read back from the file itself: the app's model could hide what SQLite stored."""
    rows = file_rows(path)["note"]
    return all(
        isinstance(r[k], float) and math.isfinite(r[k]) and abs(r[k]) <= COORD_MAX
        for r in rows
        for k in ("x", "y")
    )


def test_a_nan_offset_on_the_clipboard_never_reaches_the_file(qtbot, window) -> None:
    """A crafted clipboard with "dx": NaN used to make a note at NaN, stored as NULL: the
    file was then refused as damaged. Now the content counts as damaged: its text is pasted."""
    crafted_clipboard(
        '[{"text": "壞掉的", "kind": "idea", "author": "", "dx": NaN, "dy": 0},'
        ' {"text": "很遠", "kind": "idea", "author": "", "dx": 1e400, "dy": 0}]',
        plain="壞掉的\n很遠",
    )
    before = len(window.scene.board.live_notes())
    window.paste()
    pasted = window.scene.board.live_notes()[before:]
    assert [n.text for n in pasted] == ["壞掉的", "很遠"]
    assert all(math.isfinite(n.x) and math.isfinite(n.y) for n in pasted)
    assert window.document.saved and all_finite_in_range(window.document.path)


def test_a_huge_offset_on_the_clipboard_lands_at_the_edge(qtbot, window) -> None:
    crafted_clipboard('[{"text": "遠方", "kind": "idea", "author": "", "dx": 1e308, "dy": -1e308}]')
    window.paste()
    note = next(n for n in window.scene.board.live_notes() if n.text == "遠方")
    assert abs(note.x) < COORD_MAX and abs(note.y) < COORD_MAX
    assert all_finite_in_range(window.document.path)


def test_a_lone_surrogate_on_the_clipboard_is_cleaned_and_saved(qtbot, window) -> None:
    """A lone surrogate used to raise UnicodeEncodeError in the commit: shown, never saved."""
    crafted_clipboard(
        '[{"text": "表情\\ud83d壞了\\u0000", "kind": "idea", "author": "\\udfff",'
        ' "dx": 0, "dy": 0}]'
    )
    window.paste()
    assert window.document.saved
    texts = {(r["text"], r["author"]) for r in file_rows(window.document.path)["note"]}
    assert ("表情\ufffd壞了", "\ufffd") in texts


def test_duplicating_a_note_at_1e308_twice_keeps_the_file_whole(qtbot, tmp_path: Path) -> None:
    """A file from before the limits, with a note at x=1e308: each duplicate used to add 30,
    giving inf and then NaN, and the file would not open again."""
    path = tmp_path / "far.pofacil"
    session = Session.create(path, boards=[("blank", "全體")])
    session.do(
        ops.add_note(session.workshop, session.workshop.ordered_boards()[0].id, "遠", x=0.0, y=0.0)
    )
    session.close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE notes SET x = 1e308, y = -1e308")
    db.close()
    window = MainWindow(Session.open(path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        for _ in range(2):
            window.scene.clearSelection()
            for item in window.scene.notes.values():
                item.setSelected(True)
            window.duplicate_selected()
        copies = [n for n in window.scene.board.live_notes() if n.x != 1e308]
        assert len(copies) == 3 and window.document.saved
        assert all(abs(n.x) < COORD_MAX and abs(n.y) < COORD_MAX for n in copies)
    finally:
        QApplication.clipboard().clear()
        window.close()
    reopened = Session.open(path)
    try:
        assert len(reopened.workshop.ordered_boards()[0].live_notes()) == 4
    finally:
        reopened.close()


def test_dragging_past_the_edge_stops_at_it(qtbot, window) -> None:
    """No view scrolls a million pixels, so the group is dragged the way its frame's mouse
    handlers drag it: by a delta in board pixels, then dropped."""
    scene = window.scene
    ids = [n.id for n in scene.board.live_notes()[:2]]
    group = window.document.apply(ops.cluster_notes, ids, "邊緣")
    frame = scene.clusters[group.subjects[0]]
    members = [i for i in scene.notes.values() if i.note.cluster == frame.cluster.id]
    scene.begin_cluster_drag(frame)
    scene.drag_cluster(frame, QPointF(5 * COORD_MAX, -5 * COORD_MAX))
    scene.finish_cluster_drag(frame)
    for item in members:
        note = window.document.workshop.note(item.note.id)
        assert abs(note.x) < COORD_MAX and abs(note.y) < COORD_MAX
        assert item.pos() == QPointF(note.x, note.y)
    assert window.document.session.undo_label() == "move"
    assert all_finite_in_range(window.document.path)


def test_resizing_past_the_largest_size_stops_at_it(qtbot, window) -> None:
    item = note_item(window, "PO 角色")
    window.scene.clearSelection()
    item.setSelected(True)
    window.view.set_zoom(0.1)  # 300 screen pixels are 3,000 board pixels
    window.view.centerOn(item)
    corner = window.view.mapFromScene(item.pos() + QPointF(item.note.w - 3, item.note.h - 3))
    viewport = window.view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=corner)
    qtbot.mouseMove(viewport, corner + QPoint(150, 150))
    qtbot.mouseMove(viewport, corner + QPoint(300, 300))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=corner + QPoint(300, 300))
    note = window.document.workshop.note(item.note.id)
    assert (note.w, note.h) == (SIZE_MAX, SIZE_MAX)
    assert window.document.session.undo_label() == "resize"


def test_import_problems_are_shown_in_chinese(qapp, tmp_path: Path) -> None:
    session = Session.create(tmp_path / "ws.pofacil", boards=[("blank", "全體")])
    src = tmp_path / "bad.csv"
    src.write_text(
        'text,kind,votes\n好,謠言,1\n票,idea,100000000000000000000\n"沒完\n', encoding="utf-8"
    )
    try:
        with pytest.raises(ImportFormatError) as info:
            import_change(session.workshop, session.workshop.ordered_boards()[0].id, src)
    finally:
        session.close()
    error = info.value
    i18n.install_translators(qapp, "zh_TW")
    try:
        message = translate_error(error)
    finally:
        i18n.install_translators(qapp, "en")
    assert "第 2 行：無法辨識的類型「謠言」" in message
    assert "第 3 行：票數必須是 0 到 10,000 之間的整數" in message
    assert "第 4 行：這裡開始的引號" in message
    assert "line" not in message and "unknown" not in message
    assert translate_error(error) == str(error)


def test_capture_stops_typing_at_the_longest_note(qtbot, window) -> None:
    """The capture line clears on Enter: a point longer than a note may be would be refused
    and lost, so the typing stops at the limit and the note is saved."""
    window.capture.edit.setFocus()
    type_chinese(window.capture.edit, "長" * (TEXT_MAX + 500))
    qtbot.keyClick(window.capture.edit, Qt.Key.Key_Return)
    note = window.document.workshop.note(window._last_captured)
    assert note.text == "長" * TEXT_MAX and window.document.saved


def test_editing_stops_at_the_longest_note(qtbot, window) -> None:
    """What goes past the limit is taken back while typing, so Enter saves the edit."""
    item = note_item(window, "PO 角色")
    editor = item.start_editing()
    type_chinese(editor, "長" * (TEXT_MAX - 10), scene=window.scene)
    type_chinese(editor, "太長了" * 10, scene=window.scene)
    assert editor.toPlainText() == "長" * (TEXT_MAX - 10)
    type_chinese(editor, "好", scene=window.scene)
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert window.document.workshop.note(item.note.id).text == "長" * (TEXT_MAX - 10) + "好"
    assert window.document.saved
