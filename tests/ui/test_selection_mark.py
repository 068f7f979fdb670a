"""Selecting notes shows a mark over each and repaints none of them: a note draws nothing
itself, its face keeps its cached pixmap, and the mark is drawn by Qt's own items. What the
user sees is as before: the accent outline and handles, Find's outline above the selection's."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from pofacil.board.geometry import style
from pofacil.ui.items.note import NoteFace

from .test_board_window import next_turn, note_item

CTRL = Qt.KeyboardModifier.ControlModifier


def close_up(window, item) -> None:
    window.view.set_zoom(1.0)  # lines drawn whole, not blended away at a fit's zoom
    window.view.centerOn(item)


def left_edge_colours(window, item) -> set[str]:
    """The colours across the note's left edge, as drawn; a colour within a few steps of a
    style colour (antialiasing at a fractional scroll) counts as that colour."""
    shot = window.view.viewport().grab()  # kept: the image shares its pixels
    image = shot.toImage()
    rect = window.view.mapFromScene(item.sceneBoundingRect()).boundingRect()
    y = rect.center().y()
    wanted = [style.ACCENT, style.FOUND, style.FOUND_CURRENT]
    seen = set()
    for x in range(max(rect.left(), 0), rect.left() + 14):
        pixel = image.pixelColor(x, y)
        near = [
            c
            for c in wanted
            if max(
                abs(pixel.red() - QColor(c).red()),
                abs(pixel.green() - QColor(c).green()),
                abs(pixel.blue() - QColor(c).blue()),
            )
            <= 24
        ]
        seen.add(near[0] if near else pixel.name().upper())
    return seen


def test_selecting_every_note_repaints_no_face(qtbot, window, monkeypatch) -> None:
    painted: list[str] = []
    original = NoteFace.paint

    def counted(face, *args) -> None:
        painted.append(face.note_item.note.id)
        original(face, *args)

    monkeypatch.setattr(NoteFace, "paint", counted)
    window.scene.set_board(window.scene.board_id)  # items made after the patch: see above
    item = note_item(window, "PO 多為兼任，業務單位很忙")
    close_up(window, item)
    window.view.viewport().grab()
    assert painted, "the first frame paints every face once"
    painted.clear()
    for item in window.scene.notes.values():
        item.setSelected(True)
    next_turn()
    window.view.viewport().grab()
    assert painted == []
    # Selecting moves the capture target, which may scroll: back to the note to look at it.
    window.view.centerOn(item)
    assert style.ACCENT in left_edge_colours(window, item)
    window.scene.clearSelection()
    next_turn()
    assert style.ACCENT not in left_edge_colours(window, item)


@pytest.mark.parametrize("selected", [True, False])
def test_finds_outline_outranks_the_selections(qtbot, window, selected: bool) -> None:
    qtbot.keyClick(window.view, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(window.find_bar.edit, "PO")
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    current = next(i for i in window.scene.notes.values() if i.current_match)
    assert current.isSelected()  # Find selects the match it is on
    if not selected:
        window.scene.clearSelection()
    next_turn()
    close_up(window, current)
    colours = left_edge_colours(window, current)
    assert style.FOUND_CURRENT in colours and style.ACCENT not in colours
    # Find closed: the selection's outline shows again on the note still selected.
    current.setSelected(True)
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
    next_turn()
    window.view.centerOn(current)
    assert style.ACCENT in left_edge_colours(window, current)
