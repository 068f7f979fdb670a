"""The accountability record in the window: the actor bar, the history panel, a note's
history with "Restore this text", and the workshop details dialog (real scene, real file)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from pofacil.board import ops
from pofacil.board.session import Session
from pofacil.ui import i18n
from pofacil.ui.history_panel import NoteHistoryDialog
from pofacil.ui.workshop_details import WorkshopDetailsDialog

SHOTS = Path(os.environ.get("POFACIL_SHOTS", "/work/shots/record"))


def _shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    if SHOTS.is_dir():
        widget.grab().save(str(SHOTS / f"{name}.png"))


def _table_note(window) -> str:  # type: ignore[no-untyped-def]
    table = window.document.workshop.find_board("議題脈絡分析表")
    return min(table.live_notes(), key=lambda n: n.created).id


@pytest.fixture(autouse=True)
def _no_actor_known(monkeypatch: pytest.MonkeyPatch) -> None:
    """No name from the environment or from an earlier test's settings."""
    monkeypatch.delenv("POFACIL_ACTOR", raising=False)
    store = i18n.settings()
    for key in store.allKeys():
        if key.startswith(("actor", "actor_of")):
            store.remove(key)


def test_the_actor_bar_asks_once_and_never_blocks(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    bar = window.actor_bar
    assert bar.isVisible()
    # The board goes on working while the bar waits: a capture is saved.
    window.capture_note("", "還沒報名字也能記")
    assert window.document.session.history()[-1].label
    bar.name.setFocus()
    bar.name.setText("王小明")  # QTest types only Latin keys; Enter is a real key press
    _shot(window, "actor-bar")
    qtbot.keyClick(bar.name, Qt.Key.Key_Return)
    assert not bar.isVisible()
    assert window.document.session.actor == "王小明"
    window.capture_note("", "有名字了")
    assert window.document.session.history()[-1].actor == "王小明"
    # Remembered: the next workshop opened does not ask again.
    other = window.document.path.with_name("other.pofacil")
    Session.create(other).close()
    window.set_session(Session.open(other))
    assert not window.actor_bar.isVisible()
    assert window.document.session.actor == "王小明"


def test_the_actor_bar_refuses_a_blank_name(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(window.actor_bar.name, "   ")
    qtbot.mouseClick(window.actor_bar.ok, Qt.MouseButton.LeftButton)
    assert window.actor_bar.isVisible() and window.actor_bar.message.text()


def test_pofacil_actor_skips_the_bar(window, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("POFACIL_ACTOR", "林書記")
    window.actor_bar.attach(window.document.session)
    assert not window.actor_bar.isVisible()
    assert window.document.session.actor == "林書記"


def test_history_panel_and_restoring_an_earlier_text(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    doc = window.document
    doc.session.actor = "王小明"
    window.actor_bar.hide()
    table = doc.workshop.find_board("議題脈絡分析表")
    window.tabs.setCurrentIndex(window._board_ids.index(table.id))
    note = _table_note(window)
    first = doc.workshop.note(note).text
    doc.apply(ops.edit_text, note, "改過一次的文字")
    doc.apply(ops.edit_text, note, "改過兩次的文字")
    window.history_panel.toggleViewAction().trigger()
    assert window.history_panel.isVisible()
    lines = [
        window.history_panel.list.item(i).text() for i in range(window.history_panel.list.count())
    ]
    assert any("王小明 於 " in x and "→ 「改過兩次的文字」" in x for x in lines), lines
    window.resize(1280, 800)
    _shot(window, "history-panel")

    dialog = NoteHistoryDialog(doc, note, window)
    texts = [
        dialog.versions.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(dialog.versions.count())
    ]
    assert texts == [first, "改過一次的文字", "改過兩次的文字"]
    dialog.versions.setCurrentRow(0)
    assert dialog.restore.isEnabled()
    _shot(dialog, "note-history")
    steps = len(doc.session.history())
    qtbot.mouseClick(dialog.restore, Qt.MouseButton.LeftButton)
    assert doc.workshop.note(note).text == first
    assert len(doc.session.history()) == steps + 1  # one step
    doc.undo()
    assert doc.workshop.note(note).text == "改過兩次的文字"
    dialog.close()


def test_workshop_details_one_step_and_a_bad_date_told(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    doc = window.document
    dialog = WorkshopDetailsDialog(doc, window)
    dialog.facilitator.setText("張雅婷（PDIS）")
    dialog.date.setText("2026/11/21")
    dialog.accept()
    assert dialog.message.text() and "YYYY-MM-DD" in dialog.message.text()
    assert doc.workshop.info.date == "2026-11-20"
    _shot(dialog, "details-bad-date")
    dialog.date.setText("2026-11-21")
    dialog.accept()
    assert doc.workshop.info.facilitator == "張雅婷（PDIS）"
    # The board's history panel tells the workshop's own steps too.
    window.history_panel.toggleViewAction().trigger()
    panel = window.history_panel.list
    assert "主持人：「張雅婷」 → 「張雅婷（PDIS）」" in panel.item(panel.count() - 1).text()
    assert doc.workshop.info.date == "2026-11-21"
    doc.undo()
    assert doc.workshop.info.date == "2026-11-20"
    assert doc.workshop.info.facilitator == "張雅婷"


def test_right_click_on_a_note_offers_its_history(window, qtbot, answer_dialogs) -> None:  # type: ignore[no-untyped-def]
    window.actor_bar.hide()
    item = next(iter(window.scene.notes.values()))
    window.view.centerOn(item)
    spot = window.view.mapFromScene(item.sceneBoundingRect().center())
    offered: list[str] = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        assert menu is not None
        actions = {a.text(): a for a in menu.actions()}
        offered.extend(actions)
        menu.close()
        actions["History…"].trigger()

    QTimer.singleShot(100, choose)
    # What a right-click on the view sends (offscreen, a QTest click makes no context menu).
    window.view.customContextMenuRequested.emit(spot)
    qtbot.waitUntil(lambda: "History of a note" in answer_dialogs, timeout=3000)
    assert "History…" in offered
