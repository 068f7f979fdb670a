"""A selected note's outline and handles are drawn by its face: selecting repaints each face in
view once, later frames blit it, and a selected note out of view is drawn ahead in idle time,
so a drag that brings it into view blits it too. What the user sees is as before: the accent
outline and handles, Find's outline above the selection's."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QTransform

from pofacil.board.geometry import style
from pofacil.ui.items import NoteItem
from pofacil.ui.items.note import NoteFace
from pofacil.ui.items.selection import draw_selection, paint_selection

from .test_board_window import next_turn, note_item
from .test_drawn_ahead import blank, differing

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


def test_selecting_repaints_each_face_once_and_the_mark_shows(qtbot, window, monkeypatch) -> None:
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
    for each in window.scene.notes.values():
        each.setSelected(True)
    next_turn()
    window.view.centerOn(item)  # selecting moves the capture target, which may scroll
    window.view.viewport().grab()
    assert item.note.id in painted
    assert len(painted) == len(set(painted)), "a face in view is painted once"
    assert style.ACCENT in left_edge_colours(window, item)
    painted.clear()
    window.view.viewport().grab()
    assert painted == [], "the next frames blit it"
    window.scene.clearSelection()
    next_turn()
    assert style.ACCENT not in left_edge_colours(window, item)


def test_a_selected_note_out_of_view_is_drawn_ahead_with_its_mark(
    qtbot, window, monkeypatch
) -> None:
    scene = window.scene
    item = note_item(window, "PO 多為兼任，業務單位很忙")
    close_up(window, item)
    far = max(scene.notes.values(), key=lambda i: (i.pos() - item.pos()).manhattanLength())
    window.view.centerOn(far)
    window.view.viewport().grab()  # painted at this zoom once: Qt held its face, unselected
    window.view.centerOn(item.pos() - (far.pos() - item.pos()))  # the far note out of view
    next_turn()
    shown = window.view.mapFromScene(far.sceneBoundingRect()).boundingRect()
    assert not window.view.viewport().rect().intersects(shown)
    far.setSelected(True)
    qtbot.waitUntil(lambda: scene.warm_up.pending() == 0, timeout=10_000)
    assert far.holds_ahead(), "drawn ahead, selected, in idle time"
    drawn: list[NoteItem] = []
    words = NoteItem.paint_words
    monkeypatch.setattr(
        NoteItem, "paint_words", lambda each, *a: (drawn.append(each), words(each, *a))
    )
    window.view.centerOn(far)
    window.view.viewport().grab()
    assert far not in drawn, "its first paint in view blits what was drawn ahead"
    assert not far.holds_ahead()
    assert style.ACCENT in left_edge_colours(window, far)


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


@pytest.mark.parametrize("outline", [True, False])
@pytest.mark.parametrize("scale", [0.35, 0.5, 1.0, 1.2])
@pytest.mark.parametrize("phase", [0.0, 0.125, 0.5, 0.875])
def test_a_mark_blitted_is_the_mark_drawn(outline: bool, scale: float, phase: float) -> None:
    drawn, blitted = blank(), blank()
    for image, paint in ((drawn, draw_selection), (blitted, paint_selection)):
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing)
        painter.setTransform(QTransform.fromTranslate(10 + phase, 7 + phase).scale(scale, scale))
        paint(painter, 160, 100, outline)
        painter.end()
    assert differing(drawn, blitted) == 0


def test_select_all_and_duplicate_tell_the_window_once(qtbot, window) -> None:
    """Told per note, every listener looked at the selection so far: Ctrl+A on a board of
    2,000 notes took 7-9 s."""
    told: list[int] = []
    window.scene.selectionChanged.connect(lambda: told.append(1))
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_A, CTRL)
    originals = set(window.scene.notes)
    assert set(window.scene.selected_note_ids()) == originals and len(originals) > 10
    assert told == [1]
    told.clear()
    window.duplicate_action.trigger()  # the copies are selected, as a paste's notes are
    copies = set(window.scene.selected_note_ids())
    assert len(copies) == len(originals) and not copies & originals
    assert told == [1]
