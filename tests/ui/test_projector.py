"""Projector mode presents, on the real window driven by keys: the whole issue-context table
fits, zoom works, PgDn tours it so that every note reads, boards switch from the keyboard,
Esc leaves; the readable-size rule holds at every zoom; capture reads from the back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from pofacil.board.geometry import style
from pofacil.board.session import Session
from pofacil.ui.projector import readable_px
from tests.camp import TABLE, write_camp

from .test_board_window import next_turn
from .test_capture_target import open_window

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def camp(qtbot, tmp_path: Path) -> Iterator:
    """The 300-note camp, with a second board, in projector mode."""
    session = Session.open(write_camp(tmp_path / "camp.pofacil"))
    from pofacil.board import ops

    session.do(ops.add_board(session.workshop, "mindmap", "心智圖", "zh"))
    window = open_window(qtbot, session)
    names = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    window.tabs.setCurrentIndex(names.index(TABLE))
    next_turn()
    qtbot.keyClick(window.view, Qt.Key.Key_F5)
    next_turn()
    assert window.view.projector
    yield window
    window.close()


def visible(window) -> QRectF:
    view = window.view
    return view.mapToScene(view.viewport().rect()).boundingRect()


def drawn_px(item, scale: float) -> float | None:
    size = item.text_px(scale)
    return None if size is None else size * scale


def test_fit_shows_the_whole_table_and_zoom_works(qtbot, camp) -> None:
    window = camp
    window.view.zoom_by(3)
    qtbot.keyClick(window.view, Qt.Key.Key_0, CTRL)
    shown = visible(window)
    for cell, rect in window.scene.geometry.cells.items():
        assert shown.contains(QRectF(rect.x, rect.y, rect.w, rect.h)), cell
    fitted = window.view.scale_factor()
    qtbot.keyClick(window.view, Qt.Key.Key_Equal, CTRL)
    assert window.view.scale_factor() > fitted
    qtbot.keyClick(window.view, Qt.Key.Key_Minus, CTRL)
    qtbot.keyClick(window.view, Qt.Key.Key_Minus, CTRL)
    assert window.view.scale_factor() < fitted, "zooms out below the old 125 % floor"


def test_a_table_seen_whole_shows_blocks_and_large_cell_counts(qtbot, camp) -> None:
    window = camp
    window.view.fit()
    scale = window.view.scale_factor()
    least = readable_px(window.view.height())
    assert style.TEXT_MAX_PX * scale < least, "the camp's table does not read whole"
    assert all(drawn_px(i, scale) is None for i in window.scene.notes.values()), "blocks"
    image = window.view.viewport().grab().toImage()
    # The cells' names and counts are drawn in dark ink over the blocks.
    rect = window.scene.geometry.cells["system/now"]
    box = window.view.mapFromScene(QRectF(rect.x, rect.y, rect.w, rect.h)).boundingRect()
    dark = sum(
        1
        for x in range(box.left(), box.right(), 2)
        for y in range(box.top(), box.bottom(), 2)
        if QColor(image.pixel(x, y)).lightness() < 60
    )
    assert dark > 100, "the cell's name and count are written over it"


@pytest.mark.parametrize("zoom", [0.2, 0.5, 0.9, 1.0, 1.3, 2.0, 4.0])
def test_no_note_text_below_the_readable_size_at_any_zoom(camp, zoom: float) -> None:
    window = camp
    window.view.set_zoom(zoom)
    scale = window.view.scale_factor()
    least = 0.029 * window.view.height()
    for item in window.scene.notes.values():
        px = drawn_px(item, scale)
        assert px is None or px >= least - 1e-6, item.note.text
        if px is not None:
            # Shrunk no further than it takes: what does not fit ends in an ellipsis.
            body = item.layout(scale).body
            assert body is not None
            assert body.size().height() <= item.text_box().height() + 0.5


def test_the_tour_reads_every_note_and_steps_back(qtbot, camp) -> None:
    window, view = camp, camp.view
    stops = view.tour.stops()
    least = 0.029 * view.height()
    read: set[str] = set()
    for index in range(len(stops)):
        qtbot.keyClick(view, Qt.Key.Key_PageDown)
        assert view.tour.index == index
        assert view.stop_title.isVisible() and f"{index + 1}/{len(stops)}" in view.stop_title.text()
        # On the screen, above the board, not over the stop: a scrolled viewport once carried
        # it away, and a fitted stop's top notes were under it.
        strip = view.stop_title.geometry()
        assert view.rect().contains(strip) and strip.bottom() < view.viewport().geometry().top()
        scale = view.scale_factor()
        shown = visible(window)
        for nid, item in window.scene.notes.items():
            if shown.contains(item.sceneBoundingRect().adjusted(2, 2, -2, -2)):
                px = drawn_px(item, scale)
                assert px is not None and px >= least, item.note.text
                read.add(nid)
    assert read == set(window.scene.notes), "every note was read on some stop"
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.tour.index == -1 and not view.stop_title.isVisible(), "then the whole board"
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert view.tour.index == len(stops) - 1, "PgUp from the whole board: the last stop"


def test_boards_switch_from_the_keyboard_and_esc_leaves(qtbot, camp) -> None:
    window = camp
    first = window.current_board_id()
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, CTRL)
    assert window.current_board_id() != first and window.view.projector
    qtbot.keyClick(window.view, Qt.Key.Key_PageUp, CTRL)
    assert window.current_board_id() == first
    qtbot.keyClick(window.view, Qt.Key.Key_Tab, CTRL)
    assert window.current_board_id() != first
    qtbot.keyClick(window.view, Qt.Key.Key_Backtab, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.current_board_id() == first
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert not window.view.projector and window.tab_row.isVisible()
    # Outside projector mode too.
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, CTRL)
    assert window.current_board_id() != first


def test_the_selected_note_is_shown_whole_in_the_caption(qtbot, camp) -> None:
    window = camp
    item = max(window.scene.notes.values(), key=lambda i: len(i.note.text))
    geometry = (item.note.w, item.note.h)
    item.setSelected(True)
    caption = window.view.caption
    assert caption.isVisible() and item.note.text in caption.text()
    assert window.view.viewport().geometry().contains(caption.geometry())
    assert caption.font().pixelSize() >= readable_px(window.view.height())
    assert (window.document.workshop.note(item.note.id).w, item.note.h) == geometry
    window.scene.clearSelection()
    assert not caption.isVisible()


def test_capture_is_large_and_the_view_follows_each_new_note(qtbot, camp) -> None:
    window = camp
    edit, target = window.capture.edit, window.capture.target
    assert edit.font().pixelSize() >= 24 and target.font().pixelSize() >= 24
    assert edit.height() >= 24 and target.height() >= 24
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown)  # zoomed in on the first stop
    for cell in ("policy/future", "system/now", "public/now"):
        window.set_capture_target(cell)
        edit.setFocus()
        qtbot.keyClicks(edit, "PO")
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        QApplication.processEvents()
        item = window.scene.notes[window._last_captured]
        assert item.note.cell == cell
        assert visible(window).contains(item.sceneBoundingRect().adjusted(4, 4, -4, -4)), cell
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert edit.font().pixelSize() < 24 or edit.font().pixelSize() == -1
