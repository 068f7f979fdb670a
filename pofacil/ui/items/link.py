"""A link between two notes: a mind-map child's arrow or a free, dashed link."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget

from pofacil.board.geometry import style
from pofacil.board.geometry.connectors import Polyline
from pofacil.board.geometry.items import arrowhead, link_ends
from pofacil.board.model import Link

from .paint import color

if TYPE_CHECKING:
    from .note import NoteItem

PICK_WIDTH = 12.0  # how far from the line a click still selects it
BLEED = PICK_WIDTH  # the arrowhead's spread and the pick area both stay within this


class LinkItem(QGraphicsRectItem):
    """A line between two notes: solid with an arrow for a mind-map child, dashed for a link.

    A rect item only for its rect, the line's bounding rect (no pen): Qt reads it in C++ on
    every frame, as it does a note's (see NoteItem). paint() draws the line.
    """

    def __init__(self, link: Link) -> None:
        super().__init__()
        self.setPen(Qt.PenStyle.NoPen)  # before any rect: a pen would widen the bounds
        self.link = link
        self._line = QLineF()
        self._arrow: QPolygonF | None = None
        self._paths: tuple[Polyline, ...] | None = None
        self._drawn: QPainterPath | None = None  # a leaf block's stem and bracket
        self._shape: QPainterPath | None = QPainterPath()  # None: not stroked since it moved
        self.setZValue(5)
        self.setFlag(QGraphicsRectItem.GraphicsItemFlag.ItemIsSelectable, True)
        # Panning blits the line from a pixmap: no Python per link per frame.
        self.setCacheMode(QGraphicsRectItem.CacheMode.DeviceCoordinateCache)

    def set_ends(self, a: NoteItem, b: NoteItem, paths: tuple[Polyline, ...] | None = None) -> None:
        """From the edge of one note to the edge of the other, so the arrowhead shows; or, in
        a leaf block, ``paths`` (geometry.connectors: empty for all but one of the block).

        Run for every link a drag stretches, each frame: what only a click needs (the stroked
        shape) waits for the click."""
        x1, y1, x2, y2 = link_ends(a.paper(), b.paper())
        line = QLineF(x1, y1, x2, y2)
        if line == self._line and paths == self._paths:
            return
        self._line = line
        self._paths = paths
        head = arrowhead(x1, y1, x2, y2) if self.link.kind == "child" and paths is None else None
        self._arrow = QPolygonF([QPointF(*p) for p in head]) if head else None
        if paths is None:
            self._drawn = None
            bounds = QRectF(line.p1(), line.p2()).normalized()
        else:
            path = QPainterPath()
            for points in paths:
                path.moveTo(*points[0])
                for point in points[1:]:
                    path.lineTo(*point)
            self._drawn = path
            bounds = path.boundingRect()
        self._shape = None
        self.setRect(bounds.adjusted(-BLEED, -BLEED, BLEED, BLEED))
        self.update()  # the bounds may stay when the line changes: setRect would not repaint

    def shape(self) -> QPainterPath:
        if self._shape is None:
            drawn = self._drawn
            if drawn is None:
                drawn = QPainterPath(self._line.p1())
                drawn.lineTo(self._line.p2())
            stroker = QPainterPathStroker()
            stroker.setWidth(PICK_WIDTH)
            self._shape = stroker.createStroke(drawn)
        return self._shape

    def line(self) -> QLineF:
        """The line as drawn, from border to border, in scene coordinates (a drag carries a
        line whose notes all move by moving the item)."""
        return self._line.translated(self.pos())

    def paths(self) -> tuple[Polyline, ...] | None:
        """A leaf block's stem and bracket as drawn (empty for the block's other links), or
        None for a plain line."""
        return self._paths

    def arrow(self) -> QPolygonF | None:
        """The arrowhead drawn at the target end (None for a free link or a short line)."""
        return None if self._arrow is None else QPolygonF(self._arrow)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        # A line a drag stretches is painted every frame: its pen is made once.
        selected = self.isSelected()
        painter.setPen(_PENS[selected, self.link.kind == "child"])
        if self._drawn is not None:
            painter.drawPath(self._drawn)
            return
        painter.drawLine(self._line)
        if self._arrow is not None:
            painter.setBrush(color(style.ACCENT if selected else style.LINK_INK))
            painter.drawPolygon(self._arrow)


def _pen(selected: bool, child: bool) -> QPen:
    ink = color(style.ACCENT if selected else style.LINK_INK)
    pen = QPen(ink, style.LINK_LINE_SELECTED if selected else style.LINK_LINE)
    if not child:
        pen.setDashPattern(list(style.LINK_DASH))
    return pen


_PENS = {(s, c): _pen(s, c) for s in (False, True) for c in (False, True)}
