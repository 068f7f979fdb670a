"""The window when the workshop file is deleted under it or sits on read-only media."""

from pathlib import Path

from pofacil.board.session import Session


def live_texts(window) -> list[str]:
    return [n.text for n in window.scene.board.live_notes()]


def test_a_deleted_file_is_told_at_once_and_undo_redo_still_work(
    qtbot, window, tmp_path: Path, answer_dialogs, monkeypatch
) -> None:
    window.capture_note("王素琴", "刪檔前")
    window.document.path.unlink()
    window.capture_note("陳怡君", "刪檔後")
    qtbot.waitUntil(lambda: len(answer_dialogs) == 1)
    assert "deleted or moved" in answer_dialogs[0] or "刪除或移走" in answer_dialogs[0]
    state = window.saved_label.text()
    assert "NOT SAVED" in state or "未儲存" in state
    window.document.undo()
    assert "刪檔後" not in live_texts(window) and "刪檔前" in live_texts(window)
    assert window.saved_label.text() == state, "undo of an unsaved change is still not saved"
    assert window.document.session.can_redo()
    window.document.redo()
    assert "刪檔後" in live_texts(window) and window.saved_label.text() == state
    dest = tmp_path / "rescued.pofacil"
    monkeypatch.setattr(
        "pofacil.ui.main_window.QFileDialog.getSaveFileName", lambda *a, **k: (str(dest), "")
    )
    window.save_copy()
    assert window.document.path == dest and window.document.saved
    assert {"刪檔前", "刪檔後"} <= set(live_texts(window))


def test_a_file_on_read_only_media_opens_read_only_and_says_so(
    qtbot, window, answer_dialogs, read_only_stick: Path
) -> None:
    window.open_workshop(str(read_only_stick))
    assert window.document.path == read_only_stick and window.document.session.read_only
    assert len(answer_dialogs) == 1
    assert "read-only" in answer_dialogs[0] or "唯讀" in answer_dialogs[0]
    assert "Read-only" in window.saved_label.text() or "唯讀" in window.saved_label.text()
    assert sorted(p.name for p in read_only_stick.parent.iterdir()) == ["camp.pofacil", "more.txt"]
    Session.open(read_only_stick, read_only=True).close()
