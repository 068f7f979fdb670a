"""Projector mode's parts on the view: the readable-size rule, the tour, the labels drawn over
a table seen whole, and the caption strip that shows the selected note in full."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QLabel, QWidget

from pofacil.board.geometry import style
from pofacil.board.geometry.grid import Rect
from pofacil.board.geometry.items import board_geometry
from pofacil.board.geometry.tour import Screen, tour_stops

from .board_actions import cell_label
from .items import NoteItem
from .items.paint import color, font, qrect

if TYPE_CHECKING:
    from .view import BoardView

CAPTION_SHARE = 0.045  # the caption's text, as a share of the view's height
CAPTION_MAX_LINES = 4  # beyond that it scrolls off: the record holds the full text
LABEL_SHARE = 0.045  # a cell's label and count over a table seen whole
_LABEL_BACK = color("#FFFFFF", 225)
_LABEL_INK = color(style.INK)
_LABEL_LINE = QPen(color(style.GRID_LINE), 1.5)


def readable_px(view_height: int) -> int:
    """The smallest note text, in screen pixels, the back of the room reads (style's share)."""
    return max(1, math.ceil(style.PROJECTOR_TEXT_SHARE * view_height - 1e-9))


def readable_scale(view_height: int) -> float:
    """The smallest zoom at which a note's largest text size is readable."""
    return readable_px(view_height) / style.TEXT_MAX_PX


class Tour:
    """PgDn / PgUp through the board's stops; before the first stop is the whole board."""

    def __init__(self, view: BoardView) -> None:
        self.view = view
        self.index = -1

    def reset(self) -> None:
        self.index = -1

    def stops(self) -> list[Rect]:
        scene = self.view.board_scene()
        board = scene.board
        if board is None:
            return []
        geo = board_geometry(board)
        if scene.geometry is not None:
            geo.grid = scene.geometry  # exactly where the screen has its cells
        viewport = self.view.viewport()
        screen = Screen(viewport.width(), viewport.height(), readable_scale(viewport.height()))
        return tour_stops(board, geo, screen)

    def step(self, by: int) -> None:
        stops = self.stops()
        if not stops:
            self.view.fit()
            return
        # From the whole board (-1) forwards to the first stop, backwards to the last; past
        # either end, the whole board again.
        index = self.index + by
        if self.index == -1 and by < 0:
            index = len(stops) - 1
        if not 0 <= index < len(stops):
            self.view.fit()
            return
        self.view.show_rect(qrect(stops[index]))
        self.index = index


class Caption(QLabel):
    """The selected note's whole text in large letters along the bottom of the view (display
    only: the note itself keeps its size)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # user text, never markup
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet(
            f"background: #FFFFFF; color: {style.INK}; border-top: 3px solid {style.INK};"
            " padding: 6px 14px;"
        )
        self.hide()

    def show_note(self, item: NoteItem | None, on: bool) -> None:
        if not on or item is None:
            self.hide()
            return
        parent = self.parentWidget()
        assert parent is not None
        px = max(readable_px(parent.height()), round(CAPTION_SHARE * parent.height()))
        self.setFont(font(px))
        words = item.note.text
        if item.note.author:
            words = f"{item.note.author}: {words}"
        self.setText(words)
        line = self.fontMetrics().lineSpacing()
        height = min(
            self.heightForWidth(parent.width()) if self.hasHeightForWidth() else line,
            CAPTION_MAX_LINES * line + 16,
        )
        self.setGeometry(0, parent.height() - height, parent.width(), height)
        self.show()
        self.raise_()


def draw_cell_labels(view: BoardView, painter: QPainter, exposed: QRectF) -> None:
    """Over a table seen whole in projector mode, where its notes are blocks of colour: each
    cell's name and count in letters the room reads, so the room can still compare cells."""
    scene = view.board_scene()
    grid, board = scene.geometry, scene.board
    scale = view.scale_factor()
    if grid is None or board is None or scale <= 0:
        return
    if style.TEXT_MAX_PX * scale >= readable_px(view.viewport().height()):
        return  # notes are readable themselves
    px = max(readable_px(view.viewport().height()), round(LABEL_SHARE * view.viewport().height()))
    painter.save()
    painter.setFont(font(max(1, round(px / scale)), True))
    metrics = painter.fontMetrics()
    for cell_id, rect in grid.cells.items():
        cell = qrect(rect)
        if not cell.intersects(exposed):
            continue
        words = f"{cell_label(board, cell_id)}\n{grid.counts.get(cell_id, 0)}"
        bound = metrics.boundingRect(
            cell.adjusted(8, 8, -8, -8).toRect(),
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            words,
        )
        box = QRectF(bound).adjusted(-px / scale / 3, 0, px / scale / 3, 0) & cell
        painter.setPen(_LABEL_LINE)
        painter.setBrush(_LABEL_BACK)
        painter.drawRoundedRect(box, 6 / scale, 6 / scale)
        painter.setPen(_LABEL_INK)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, words)
    painter.restore()
