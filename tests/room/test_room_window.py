"""The room hosted by the app: phones send while the window runs, the lead moderates in the
inbox, the QR panel stays in projector mode, closing stops the server."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pofacil.board.model.points import ANONYMOUS

from .phone import Answer, Phone

SHOTS = Path("/work/shots/room")


@pytest.fixture
def window(window):  # the real main window on the sample (tests/ui/conftest.py)
    yield window
    window.room.close()


def send_from_phone(qtbot, url: str, *points: tuple[str, str]) -> list[Answer]:
    """A phone on its own thread (the server waits on the GUI thread to commit)."""
    answers: list[Answer] = []

    def run() -> None:
        phone = Phone(url)
        phone.get()
        for text, name in points:
            answers.append(phone.send(text, name))

    thread = threading.Thread(target=run)
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=20_000)
    return answers


def table_board(window) -> str:
    ws = window.document.workshop
    board = next(b for b in ws.ordered_boards() if b.cells)
    window.tabs.setCurrentIndex(window._board_ids.index(board.id))
    return board.id


def test_points_wait_in_the_inbox_and_the_lead_accepts_one_into_a_cell(window, qtbot) -> None:
    board_id = table_board(window)
    board = window.document.workshop.board(board_id)
    cell = board.cells[2].id
    window.set_capture_target(cell)
    room = window.room.open("127.0.0.1")
    assert room is not None
    answers = send_from_phone(
        qtbot, room.url(), ("<b>不是粗體</b> 需要人力", ""), ("預算不足", "林小姐")
    )
    assert [a.status for a in answers] == [200, 200]
    inbox = window.room.inbox
    qtbot.waitUntil(lambda: inbox.list.count() == 2)
    assert window.room.count_label.text().endswith("2")
    assert not any(n.text == "預算不足" for n in board.notes.values())  # not on the board yet
    inbox.list.item(0).setSelected(True)
    inbox.accept_button.click()
    note = next(n for n in board.live_notes() if n.text.startswith("<b>"))
    assert (note.cell, note.author) == (cell, ANONYMOUS)
    item = window.scene.notes[note.id]
    assert "<b>" in item.text_item.toPlainText() if hasattr(item, "text_item") else True
    assert inbox.list.count() == 1
    qtbot.waitUntil(lambda: window.room.count_label.text().endswith("1"))
    # Accepting is the lead's undo step; undo puts the point back in the inbox.
    window.undo_action.trigger()
    assert note.id not in board.notes
    qtbot.waitUntil(lambda: inbox.list.count() == 2)
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "inbox.png"))


def test_straight_onto_the_board_keeps_the_leads_undo(window, qtbot) -> None:
    board_id = table_board(window)
    board = window.document.workshop.board(board_id)
    window.capture_note("", "主持人的點")
    before = window.undo_action.text()
    room = window.room.open("127.0.0.1", direct=True)
    assert room is not None
    send_from_phone(qtbot, room.url(), ("直接上板一", ""), ("直接上板二", "王"))
    notes = [n for n in board.live_notes() if n.text.startswith("直接上板")]
    assert [(n.text, n.author) for n in notes] == [("直接上板一", ANONYMOUS), ("直接上板二", "王")]
    assert all(n.id in window.scene.notes for n in notes)
    assert window.undo_action.text() == before  # still the lead's own step


def test_the_qr_panel_shows_in_projector_mode(window, qtbot) -> None:
    room = window.room.open("127.0.0.1")
    assert room is not None
    window.toggle_projector()
    try:
        qtbot.wait(50)
        panel = window.room.panel
        assert panel.isVisible() and not window.statusBar().isVisible()
        assert panel.code.text().endswith(room.code)
        assert panel.address.text() == room.short_url("127.0.0.1")
        assert panel.qr.pixmap().width() >= 160
        window.grab().save(str(SHOTS / "projector-qr.png"))
    finally:
        window.toggle_projector()


def test_closing_the_room_or_the_window_leaves_no_socket(window, qtbot) -> None:
    room = window.room.open("127.0.0.1")
    assert room is not None
    port = room.port
    socket.create_connection(("127.0.0.1", port), timeout=2).close()
    window.room.close()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=2)
    room = window.room.open("127.0.0.1")
    assert room is not None
    port = room.port
    window.close()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=2)


def test_a_read_only_workshop_cannot_open_the_room(window, qtbot, answer_dialogs) -> None:
    store = window.document.session.store
    lock, store._lock = store._lock, None  # as a read-only open leaves it
    try:
        assert window.room.open("127.0.0.1") is None
    finally:
        store._lock = lock
    assert any("cannot" in text for text in answer_dialogs)
    assert not window.room.close_action.isEnabled()


def test_edit_then_accept_and_set_aside(window, qtbot, monkeypatch) -> None:
    table_board(window)
    room = window.room.open("127.0.0.1")
    assert room is not None
    send_from_phone(qtbot, room.url(), ("原本的說法", ""), ("離題", ""))
    inbox = window.room.inbox
    qtbot.waitUntil(lambda: inbox.list.count() == 2)
    inbox.list.item(1).setSelected(True)
    inbox.aside_button.click()
    assert [inbox.list.item(i).text().split("\n")[0] for i in range(inbox.list.count())] == [
        "原本的說法"
    ]
    inbox.show_aside.setChecked(True)
    assert inbox.list.count() == 1 and inbox.aside_button.text().replace("&", "") != ""
    inbox.show_aside.setChecked(False)
    point = inbox.points[0]
    assert inbox.accept(point, "中性的說法")
    note = window.document.workshop.note(point.id)
    assert note.text == "中性的說法"
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
