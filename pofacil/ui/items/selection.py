"""A selected note's outline and handles, drawn over the note's face by Qt's own items.

Selecting notes (a hundred, with a rubber band or Ctrl+A) shows a mark over each and leaves
the faces' cached pixmaps alone (see NoteFace). The mark is a path item with an ellipse and a
polygon in it, painted in C++: a mark painted in Python, and cached, was painted again each
time it was shown, as a drag brought its note into view.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QAbstractGraphicsShapeItem,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
)

from pofacil.board.geometry import style

from .paint import color

HANDLE = 14.0  # px in scene units: the resize corner and the link knob
HANDLE_PEN = QPen(color(style.ACCENT), style.BADGE_LINE)
HANDLE_FILL = color("#FFFFFF")
_SELECTED = QPen(color(style.ACCENT), 3)
# The shape of a note's children that draw over it: empty, so hit tests find the note.
NO_SHAPE = QPainterPath()


def _passive(item: QAbstractGraphicsShapeItem) -> None:
    item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)


class SelectionMark(QGraphicsPathItem):
    """The accent outline (unless Find's outranks it), the link knob and the resize corner.
    It takes no clicks: they go to the note below."""

    def __init__(self, parent: QGraphicsItem, w: float, h: float) -> None:
        super().__init__(parent)
        _passive(self)
        self.setBrush(Qt.BrushStyle.NoBrush)
        self.knob = QGraphicsEllipseItem(self)
        self.knob.setPen(HANDLE_PEN)
        self.knob.setBrush(HANDLE_FILL)
        self.corner = QGraphicsPolygonItem(self)
        self.corner.setPen(Qt.PenStyle.NoPen)
        self.corner.setBrush(color(style.ACCENT))
        for part in (self.knob, self.corner):
            _passive(part)
        self.fit(w, h)

    def fit(self, w: float, h: float) -> None:
        """Follow the note's size."""
        outline = QPainterPath()
        outline.addRoundedRect(QRectF(0, 0, w, h), style.NOTE_RADIUS, style.NOTE_RADIUS)
        self.setPath(outline)
        r = HANDLE / 2 - 2
        self.knob.setRect(QRectF(w - r, h / 2 - r, 2 * r, 2 * r))
        self.corner.setPolygon(
            QPolygonF([QPointF(w, h - HANDLE), QPointF(w, h), QPointF(w - HANDLE, h)])
        )

    def outranked(self, by_find: bool) -> None:
        """Find's outline, drawn by the note, shows instead of the selection's."""
        self.setPen(Qt.PenStyle.NoPen if by_find else _SELECTED)
