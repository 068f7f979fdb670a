"""Bad files, a file that stops taking writes, drops and the app's first workshop."""

import sqlite3
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, QUrl

from pofacil.board.formats.sample import write_sample
from pofacil.board.ops.central import central_topic
from pofacil.board.session import Session


def test_bad_file_from_the_gui_is_explained_and_app_stays(
    qtbot, window, tmp_path: Path, answer_dialogs
) -> None:
    junk = tmp_path / "junk.pofacil"
    junk.write_bytes(b"not a workshop at all" * 10)
    current = window.document.path
    window.open_workshop(str(junk))
    assert any("not a pofacil workshop" in text or "不是" in text for text in answer_dialogs)
    assert window.document.path == current and window.scene.notes
    assert junk.read_bytes() == b"not a workshop at all" * 10


def test_a_file_open_elsewhere_can_be_opened_read_only(
    qtbot, window, tmp_path: Path, answer_dialogs
) -> None:
    other = Session.create(tmp_path / "busy.pofacil", title="別人開著")
    try:
        window.open_workshop(str(other.path))
        assert window.document.path == other.path and window.document.session.read_only
        assert window.document.workshop.info.title == "別人開著"
        assert "Read-only" in window.saved_label.text() or "唯讀" in window.saved_label.text()
    finally:
        other.close()


def test_unwritable_file_keeps_edits_and_a_copy_saves_them(
    qtbot, window, tmp_path: Path, answer_dialogs, monkeypatch
) -> None:
    blocker = sqlite3.connect(window.document.path, timeout=0)
    blocker.execute("BEGIN IMMEDIATE")
    window.document.session.store.db.conn.execute("PRAGMA busy_timeout = 0")
    try:
        window.capture_note("王素琴", "寫不進去的一點")
        window.capture_note("", "第二點")
    finally:
        blocker.rollback()
        blocker.close()
    assert len(answer_dialogs) == 1, "told once, not at every keystroke"
    texts = [n.text for n in window.scene.board.live_notes()]
    assert "寫不進去的一點" in texts and "第二點" in texts
    assert not window.document.saved
    assert "NOT SAVED" in window.saved_label.text() or "未儲存" in window.saved_label.text()
    dest = tmp_path / "rescued.pofacil"
    monkeypatch.setattr(
        "pofacil.ui.main_window.QFileDialog.getSaveFileName", lambda *a, **k: (str(dest), "")
    )
    window.save_copy()
    assert window.document.path == dest and window.document.saved
    reopened = Session.open(dest, read_only=True)
    try:
        assert "寫不進去的一點" in [
            n.text for b in reopened.workshop.boards.values() for n in b.live_notes()
        ]
    finally:
        reopened.close()


def test_dropping_a_text_file_creates_notes(qtbot, window, tmp_path: Path) -> None:
    source = tmp_path / "points.txt"
    source.write_text("拖進來的第一點\n拖進來的第二點\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    window.view.dropped.emit(mime, QPointF(900, 900))
    board = window.scene.board
    new = [n for n in board.live_notes() if n.text.startswith("拖進來")]
    # The sample opens on its mind map: dropped lines become branches of the central topic.
    centre = central_topic(board)
    assert centre is not None and {n.id for n in new} <= set(board.children(centre.id))
    assert len(new) == 2
    text = QMimeData()
    text.setText("純文字一\n純文字二")
    window.view.dropped.emit(text, QPointF(0, 1200))
    assert {"純文字一", "純文字二"} <= {n.text for n in window.scene.board.live_notes()}


def test_first_session_opens_the_file_or_a_sample_copy(
    qtbot, tmp_path: Path, answer_dialogs
) -> None:
    from pofacil.ui.app import first_session

    path = write_sample(tmp_path / "mine.pofacil")
    session = first_session(str(path))
    assert session.path == path
    session.close()
    fallback = first_session(str(tmp_path / "missing.pofacil"))
    try:
        assert answer_dialogs and "samples" in fallback.path.parts
        assert fallback.workshop.info.title.startswith("開放政府聯絡人共識營")
    finally:
        fallback.close()


def test_undo_while_editing_goes_to_the_workshop(qtbot, window) -> None:
    from PySide6.QtCore import Qt

    window.capture_note("", "先記一點")
    item = next(i for i in window.scene.notes.values() if i.note.text == "先記一點")
    item.setSelected(True)
    item.start_editing()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert item.editor is None
    assert "先記一點" not in [n.text for n in window.scene.board.live_notes()]
