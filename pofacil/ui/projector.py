"""Projector mode's parts on the view: the readable-size rule, the tour, the labels drawn over
a table seen whole, and the caption strip that shows the selected note in full."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QWidget

from pofacil.board.geometry import style
from pofacil.board.geometry.items import board_geometry
from pofacil.board.geometry.tour import Screen, Stop, tour_stops
from pofacil.board.model import Board

from . import i18n
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

    def stops(self) -> list[Stop]:
        scene = self.view.board_scene()
        board = scene.board
        if board is None:
            return []
        geo = board_geometry(board)
        if scene.geometry is not None:
            geo.grid = scene.geometry  # exactly where the screen has its cells
        viewport = self.view.viewport()
        screen = Screen(viewport.width(), viewport.height(), readable_scale(self.view.height()))
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
        self.index = index
        board = self.view.board_scene().board
        assert board is not None
        words = stop_title(board, stops[index], index, len(stops))
        self.view.stop_title.show_words(words, self.view.projector)
        self.view.show_rect(qrect(stops[index].rect))


def stop_title(board: Board, stop: Stop, index: int, count: int) -> str:
    """What a tour stop shows, as the room reads it: "PO制度／現在的認知 (1/2) · 3/14"."""
    language = i18n.data_language()
    if stop.what == "cell":
        words = cell_label(board, stop.id)
    elif stop.what == "row":
        cell = next(c for c in board.cells if c.ref.row == stop.id)
        words = cell.row if language == "zh" or not cell.row_en else cell.row_en
    elif stop.what == "branch":
        note = board.notes.get(stop.id)
        words = note.text.split("\n")[0] if note is not None else ""
    else:
        cluster = board.clusters.get(stop.id)
        words = cluster.name if cluster is not None else ""
    if stop.parts > 1:
        words += f" ({stop.part}/{stop.parts})"
    return f"{words} · {index + 1}/{count}"


class Strip(QLabel):
    """Large plain words across the top or bottom edge of the view's viewport, in projector
    mode. A child of the view, not of the viewport: a scrolling viewport moves its children
    along with the picture (a tour step carried the strip off-screen)."""

    def __init__(self, view: QWidget, area: QWidget, top: bool) -> None:
        super().__init__(view)
        self.area = area
        self.top = top
        self.setTextFormat(Qt.TextFormat.PlainText)  # user text, never markup
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        edge = "border-bottom" if top else "border-top"
        self.setStyleSheet(
            f"background: #FFFFFF; color: {style.INK}; {edge}: 3px solid {style.INK};"
            " padding: 6px 14px;"
        )
        self.hide()

    def setVisible(self, visible: bool) -> None:
        super().setVisible(visible)
        if self.top and not visible:
            self._reserve(0)

    def _reserve(self, height: int) -> None:
        """The top strip sits in a margin above the viewport, so that a fitted stop is not
        under it (the scene cannot scroll past its top to make room)."""
        view = self.parentWidget()
        if isinstance(view, QAbstractScrollArea) and view.viewportMargins().top() != height:
            view.setViewportMargins(0, height, 0, 0)

    def show_words(self, words: str, on: bool) -> None:
        if not on or not words:
            self.hide()
            return
        if self.top:
            self.setFont(font(self._px()))
            self.setText(words)
            self._reserve(self.heightForWidth(self.area.width()))
        area = self.area.geometry()  # in the view's coordinates
        self.setFont(font(self._px()))
        self.setText(words)
        line = self.fontMetrics().lineSpacing()
        height = min(self.heightForWidth(area.width()), CAPTION_MAX_LINES * line + 16)
        y = area.top() - height if self.top else area.bottom() + 1 - height
        self.setGeometry(area.left(), y, area.width(), height)
        self.show()
        self.raise_()

    def _px(self) -> int:
        view = self.parentWidget()
        height = view.height() if view is not None else self.area.height()
        return max(readable_px(height), round(CAPTION_SHARE * height))


class Caption(Strip):
    """The selected note's whole text in large letters along the bottom of the view (display
    only: the note itself keeps its size)."""

    def __init__(self, view: QWidget, area: QWidget) -> None:
        super().__init__(view, area, top=False)

    def show_note(self, item: NoteItem | None, on: bool) -> None:
        words = ""
        if item is not None:
            words = item.note.text
            if item.note.author:
                words = f"{item.note.author}: {words}"
        self.show_words(words, on)


def draw_cell_labels(view: BoardView, painter: QPainter, exposed: QRectF) -> None:
    """Over a table seen whole in projector mode, where its notes are blocks of colour: each
    cell's name and count in letters the room reads, so the room can still compare cells.
    Drawn in screen pixels: the name shrinks to fit its cell down to the readable size, and
    beyond that ends in "…"."""
    scene = view.board_scene()
    grid, board = scene.geometry, scene.board
    height = view.height()  # as the notes have it (see BoardView._apply_text_rule)
    if grid is None or board is None:
        return
    least = readable_px(height)
    if style.TEXT_MAX_PX * view.scale_factor() >= least:
        return  # notes are readable themselves
    big = max(least, round(LABEL_SHARE * height))
    painter.save()
    painter.resetTransform()  # screen pixels from here
    for cell_id, rect in grid.cells.items():
        cell = qrect(rect)
        if not cell.intersects(exposed):
            continue
        box = QRectF(view.mapFromScene(cell).boundingRect()).adjusted(6, 6, -6, -6)
        name = cell_label(board, cell_id)
        px = big
        while px > least and QFontMetricsF(font(px, True)).horizontalAdvance(name) > box.width():
            px -= 1
        name = QFontMetricsF(font(px, True)).elidedText(
            name, Qt.TextElideMode.ElideRight, box.width()
        )
        count = str(grid.counts.get(cell_id, 0))
        line_h = QFontMetricsF(font(px, True)).height()
        count_h = QFontMetricsF(font(big, True)).height()
        label = QRectF(box.x(), box.center().y() - (line_h + count_h) / 2, box.width(), line_h)
        number = QRectF(box.x(), label.bottom(), box.width(), count_h)
        width = max(
            QFontMetricsF(font(px, True)).horizontalAdvance(name),
            QFontMetricsF(font(big, True)).horizontalAdvance(count),
        )
        back = QRectF(box.center().x() - width / 2 - 10, label.top(), width + 20, line_h + count_h)
        painter.setPen(_LABEL_LINE)
        painter.setBrush(_LABEL_BACK)
        painter.drawRoundedRect(back & box, 6, 6)
        painter.setPen(_LABEL_INK)
        painter.setFont(font(px, True))
        painter.drawText(label, Qt.AlignmentFlag.AlignCenter, name)
        painter.setFont(font(big, True))
        painter.drawText(number, Qt.AlignmentFlag.AlignCenter, count)
    painter.restore()
