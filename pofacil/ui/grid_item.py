"""The grid of a table board: headers, cells as drop zones, counts, and the heat shading."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsObject,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from pofacil.board.geometry.grid import GridGeometry, Rect
from pofacil.board.model import Board
from pofacil.board.model.kinds import KIND_BY_ID


def _qrect(rect: Rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.w, rect.h)


def _font(px: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(px)
    font.setBold(bold)
    return font


class GridItem(QGraphicsObject):
    """Paints the table behind the notes; double-clicking a header asks to rename it."""

    relabel_requested = Signal(str, str)  # axis ("row", "column", "group"), key

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(0)
        self.geometry = GridGeometry()
        self.board: Board | None = None
        self.language = "zh"
        self.heat = False
        self._bounds = QRectF()

    def set_geometry(self, board: Board, geometry: GridGeometry) -> None:
        self.board = board
        self.geometry = geometry
        b = geometry.bounds
        bounds = QRectF(0, 0, b.w, b.h)
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds.adjusted(-2, -2, 2, 2)

    def _label(self, zh: str, en: str) -> str:
        return zh if self.language == "zh" or not en else en

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        board, geo = self.board, self.geometry
        if board is None:
            return
        top = max(geo.counts.values(), default=0) or 1
        line = QPen(QColor("#495057"), 1.5)
        first = {c.id.partition("/")[2]: c for c in board.cells}
        by_row = {c.id.partition("/")[0]: c for c in board.cells}
        for cell in board.cells:
            rect = _qrect(geo.cells[cell.id])
            fill = QColor("#FFFFFF")
            if self.heat:
                share = geo.counts.get(cell.id, 0) / top
                fill = QColor.fromHsvF(0.02, 0.55 * share, 1.0)
            painter.setPen(line)
            painter.setBrush(fill)
            painter.drawRect(rect)
            painter.setFont(_font(15, bold=True))
            painter.setPen(QColor("#343A40"))
            painter.drawText(rect.adjusted(4, 2, -8, -4),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                             str(geo.counts.get(cell.id, 0)))
        painter.setFont(_font(17, bold=True))
        for column_id, rect in geo.columns:
            cell = first[column_id]
            kind = KIND_BY_ID.get(cell.kind or "")
            self._header(painter, rect, QColor(kind.color) if kind else QColor("#DEE2E6"),
                         self._label(cell.column, cell.column_en))
        for row_id, rect in geo.rows:
            cell = by_row[row_id]
            self._header(painter, rect, QColor("#E9ECEF"), self._label(cell.row, cell.row_en))
        for label, rect in geo.groups:
            cell = next(c for c in board.cells if c.group == label)
            self._header(painter, rect, QColor("#CED4DA"), self._label(cell.group, cell.group_en))

    @staticmethod
    def _header(painter: QPainter, rect: Rect, fill: QColor, text: str) -> None:
        painter.setPen(QPen(QColor("#495057"), 1.5))
        painter.setBrush(fill)
        painter.drawRect(_qrect(rect))
        painter.setPen(QColor("#111111"))
        painter.drawText(_qrect(rect).adjusted(8, 4, -8, -4),
                         Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)

    def header_at(self, x: float, y: float) -> tuple[str, str] | None:
        geo = self.geometry
        for axis, entries in (("column", geo.columns), ("row", geo.rows), ("group", geo.groups)):
            for key, rect in entries:
                if rect.contains(x, y):
                    return axis, key
        return None

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        hit = self.header_at(event.pos().x(), event.pos().y())
        if hit is not None:
            self.relabel_requested.emit(*hit)
        else:
            super().mouseDoubleClickEvent(event)
