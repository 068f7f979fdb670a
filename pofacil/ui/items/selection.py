"""A selected note's outline and handles, drawn by a child item over the note's face.

Selecting notes (a hundred, with a rubber band or Ctrl+A) shows a mark over each and leaves
the faces' cached pixmaps alone (see NoteFace). One cached item a note: made of Qt's own path,
ellipse and polygon items, the mark cost a drag of 50 notes 1.4 ms a frame in moving and
drawing three items a note; painted in Python, it is drawn once when shown, then blitted.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget

from pofacil.board.geometry import style

from .paint import color

HANDLE = 14.0  # px in scene units: the resize corner and the link knob
HANDLE_PEN = QPen(color(style.ACCENT), style.BADGE_LINE)
HANDLE_FILL = color("#FFFFFF")
_SELECTED = QPen(color(style.ACCENT), 3)
_ACCENT = color(style.ACCENT)
# The shape of a note's children that draw over it: empty, so hit tests find the note.
NO_SHAPE = QPainterPath()


class SelectionMark(QGraphicsRectItem):
    """The accent outline (unless Find's outranks it), the link knob and the resize corner.
    Its rect is the note's bounds, read by Qt in C++ (see NoteItem); it takes no clicks and
    has no shape."""

    def __init__(self, parent: QGraphicsItem, w: float, h: float) -> None:
        super().__init__(parent)
        self.setPen(Qt.PenStyle.NoPen)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._size = (w, h)
        self._outline = True
        self.fit(w, h)

    def fit(self, w: float, h: float) -> None:
        """Follow the note's size. The bounds are what it draws: the outline's half width and
        the knob's reach past the right edge, and a pixel of antialiasing."""
        self._size = (w, h)
        m = _SELECTED.widthF() / 2 + 1
        knob = HANDLE / 2 - 2 + HANDLE_PEN.widthF() / 2 + 1
        parent = self.parentItem()
        bounds = QRectF(-m, -m, w + max(m, knob) + m, h + 2 * m)
        self.setRect(bounds.intersected(parent.boundingRect()) if parent else bounds)
        self.update()

    def outranked(self, by_find: bool) -> None:
        """Find's outline, drawn by the note's face, shows instead of the selection's."""
        if self._outline == by_find:
            self._outline = not by_find
            self.update()

    def shape(self) -> QPainterPath:
        return NO_SHAPE

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        w, h = self._size
        if self._outline:
            painter.setPen(_SELECTED)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(0, 0, w, h), style.NOTE_RADIUS, style.NOTE_RADIUS)
        painter.setPen(HANDLE_PEN)
        painter.setBrush(HANDLE_FILL)
        painter.drawEllipse(QPointF(w, h / 2), HANDLE / 2 - 2, HANDLE / 2 - 2)
        corner = QPainterPath()
        corner.moveTo(w, h - HANDLE)
        corner.lineTo(w, h)
        corner.lineTo(w - HANDLE, h)
        corner.closeSubpath()
        painter.setBrush(_ACCENT)
        painter.drawPath(corner)
