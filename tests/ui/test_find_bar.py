"""Find closes on Esc, searches again on the board switched to, and marks the match it is on
apart from the other matches (a thicker line of another colour, seen in the pixels)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from pofacil.board.geometry import style

from .test_board_window import next_turn

CTRL = Qt.KeyboardModifier.ControlModifier


def marked(window) -> list:
    return [i for i in window.scene.notes.values() if i.highlighted]


def test_esc_closes_find_and_clears_the_marks(qtbot, window) -> None:
    qtbot.keyClick(window.view, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(window.find_bar.edit, "PO")
    assert marked(window)
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible() and not marked(window)
    assert window.view.hasFocus(), "back to the board"


def test_find_runs_again_on_the_board_switched_to(qtbot, window) -> None:
    qtbot.keyClick(window.view, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(window.find_bar.edit, "PO")
    for _ in range(window.tabs.count()):
        qtbot.keyClick(window.view, Qt.Key.Key_PageDown, CTRL)
        next_turn()
        board = window.scene.board
        expected = sum(
            "po" in (n.text + n.author).casefold()
            for n in board.live_notes()
            if n.id in window.scene.notes
        )
        assert len(marked(window)) == expected, board.name
        assert window.find_bar.count.text().replace(" ", "").find(str(expected)) >= 0
        assert all(i.scene() is window.scene for i in window.find_bar.matches)


def test_the_current_match_is_marked_apart(qtbot, window) -> None:
    qtbot.keyClick(window.view, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(window.find_bar.edit, "PO")
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    current = [i for i in window.scene.notes.values() if i.current_match]
    assert len(current) == 1 and current[0].isSelected()
    assert "1" in window.find_bar.count.text()
    window.scene.clearSelection()  # the selection's blue must not be what tells them apart
    next_turn()
    image = window.view.viewport().grab().toImage()

    def outline_colours(item) -> set[str]:
        rect = window.view.mapFromScene(item.sceneBoundingRect()).boundingRect()
        y = rect.center().y()
        return {
            QColor(image.pixel(x, y)).name().upper() for x in range(rect.left(), rect.left() + 12)
        }

    other = next(i for i in marked(window) if not i.current_match)
    assert style.FOUND_CURRENT in outline_colours(current[0])
    assert style.FOUND_CURRENT not in outline_colours(other)
    assert style.FOUND in outline_colours(other)
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    assert not current[0].current_match, "the mark moves on with Next"
