"""The grid of a table board: headers, cells as drop zones, counts, and the heat shading.

The heat map is its own item above the notes: a full cell is mostly notes, so a tint drawn
under them would only show in the gaps.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from pofacil.board.geometry import style
from pofacil.board.geometry.grid import GridGeometry, Rect
from pofacil.board.geometry.items import count_box, header_text_box
from pofacil.board.model import Board

from .paint import color, font, qrect

BLEED = style.GRID_LINE_WIDTH / 2 + 1.25


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
        self._bounds = grid_bounds(self, self._bounds, geometry)

    def boundingRect(self) -> QRectF:
        return self._bounds.adjusted(-BLEED, -BLEED, BLEED, BLEED)

    def _label(self, zh: str, en: str) -> str:
        return zh if self.language == "zh" or not en else en

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        board, geo = self.board, self.geometry
        if board is None:
            return
        line = QPen(color(style.GRID_LINE), style.GRID_LINE_WIDTH)
        first = {c.ref.column: c for c in board.cells}
        by_row = {c.ref.row: c for c in board.cells}
        painter.setPen(line)
        painter.setBrush(color(style.CELL_FILL))
        for cell in board.cells:
            painter.drawRect(qrect(geo.cells[cell.id]))
        if not self.heat:  # with the heat map on, its item draws the counts above the tint
            draw_counts(painter, geo)
        painter.setFont(font(round(style.HEADER_PX * geo.scale), bold=True))
        for column_id, rect in geo.columns:
            cell = first[column_id]
            header_fill = style.kind_fill(cell.kind, style.COLUMN_FILL)
            self._header(painter, rect, header_fill, self._label(cell.column, cell.column_en))
        for row_id, rect in geo.rows:
            cell = by_row[row_id]
            self._header(painter, rect, style.ROW_FILL, self._label(cell.row, cell.row_en))
        for label, rect in geo.groups:
            cell = next(c for c in board.cells if c.group == label)
            self._header(painter, rect, style.GROUP_FILL, self._label(cell.group, cell.group_en))

    @staticmethod
    def _header(painter: QPainter, rect: Rect, fill: str, text: str) -> None:
        painter.setPen(QPen(color(style.GRID_LINE), style.GRID_LINE_WIDTH))
        painter.setBrush(color(fill))
        painter.drawRect(qrect(rect))
        painter.setPen(color(style.INK))
        painter.drawText(
            qrect(header_text_box(rect)),
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            text,
        )

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


def grid_bounds(item: QGraphicsItem, old: QRectF, geometry: GridGeometry) -> QRectF:
    """The grid's bounds for an item drawn over it, told to Qt only when they changed; the
    item is repainted either way."""
    b = geometry.bounds
    bounds = QRectF(0, 0, b.w, b.h)
    if bounds != old:
        item.prepareGeometryChange()
    item.update()
    return bounds


def draw_counts(painter: QPainter, geo: GridGeometry) -> None:
    """Each cell's note count in its own band below the notes, at the grid's scale."""
    painter.setFont(font(round(style.COUNT_PX * geo.scale), bold=True))
    painter.setPen(color(style.COUNT_INK))
    for cell_id, rect in geo.cells.items():
        painter.drawText(
            qrect(count_box(rect, geo.scale)),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            str(geo.counts.get(cell_id, 0)),
        )


class HeatItem(QGraphicsItem):
    """The heat map: each whole cell tinted by its share of the busiest cell's notes, over
    the notes, with the counts on top. It takes no clicks: they go to what is below."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(90)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.geometry = GridGeometry()
        self._bounds = QRectF()

    def set_geometry(self, geometry: GridGeometry) -> None:
        self.geometry = geometry
        self._bounds = grid_bounds(self, self._bounds, geometry)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        geo = self.geometry
        top = max(geo.counts.values(), default=0) or 1
        painter.setPen(Qt.PenStyle.NoPen)
        for cell_id, rect in geo.cells.items():
            share = geo.counts.get(cell_id, 0) / top
            if share:
                tint = color(style.HEAT_COLOR)
                tint.setAlpha(round(style.HEAT_ALPHA * share))
                painter.setBrush(tint)
                painter.drawRect(qrect(rect))
        draw_counts(painter, geo)
