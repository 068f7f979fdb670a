"""A cluster's frame: a named, tinted box around its notes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsRectItem,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from pofacil.board.geometry import style
from pofacil.board.geometry.items import cluster_frame, cluster_title_box
from pofacil.board.model import Cluster

from .paint import color, font, qrect, rect_of

if TYPE_CHECKING:
    from pofacil.ui.scene import BoardScene

    from .note import NoteItem

BLEED = style.CLUSTER_LINE_SELECTED / 2 + 1  # half the thickest frame line, and antialiasing


class ClusterItem(QGraphicsRectItem):
    """A named frame around its notes; dragging the frame drags its notes.

    A rect item only for its rect, the frame's bounding rect (no pen): Qt reads it in C++ on
    every frame, as it does a note's (see NoteItem). paint() draws the frame.
    """

    def __init__(self, cluster: Cluster) -> None:
        super().__init__()
        self.setPen(Qt.PenStyle.NoPen)  # before any rect: a pen would widen the bounds
        self.cluster = cluster
        self.count = 0
        self._rect = QRectF()
        self._title = QRectF()
        self._drag_from: QPointF | None = None
        self.setZValue(1)
        self.setFlag(QGraphicsRectItem.GraphicsItemFlag.ItemIsSelectable, True)
        # A pan or a drag of other notes blits the frame from a pixmap instead of calling
        # paint(): Python runs only when the frame changes.
        self.setCacheMode(QGraphicsRectItem.CacheMode.DeviceCoordinateCache)

    def set_cluster(self, cluster: Cluster) -> None:
        self.cluster = cluster
        self.update()

    def fit(self, members: list[NoteItem]) -> None:
        """Wrap the frame around the notes it shows (a note folded away under a collapsed one
        is counted in the title but not framed, as on paper)."""
        count, self.count = self.count, len(members)
        shown = [i.paper() for i in members if i.isVisible()]
        self.setVisible(bool(shown))  # a frame around nothing would be a stray box
        rect = qrect(cluster_frame(shown)) if shown else QRectF()
        if rect != self._rect:
            self._rect = rect
            self._title = qrect(cluster_title_box(rect_of(rect)))
            self.setRect(rect.adjusted(-BLEED, -BLEED, BLEED, BLEED))  # and repaints
        elif count != self.count:
            self.update()  # the count in the title

    def frame(self) -> QRectF:
        """The frame in scene coordinates (a drag carries a whole group by moving the item)."""
        return self._rect.translated(self.pos())

    def title_rect(self) -> QRectF:
        """The box the title is drawn in, left aligned and vertically centered."""
        return self._title.translated(self.pos())

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        line = color(self.cluster.color)
        painter.setBrush(color(self.cluster.color, style.CLUSTER_FILL_ALPHA))
        painter.setPen(
            QPen(line, style.CLUSTER_LINE_SELECTED if self.isSelected() else style.CLUSTER_LINE)
        )
        painter.drawRoundedRect(self._rect, style.CLUSTER_RADIUS, style.CLUSTER_RADIUS)
        painter.setPen(line.darker(round(style.CLUSTER_TITLE_DARKER * 100)))
        painter.setFont(font(style.CLUSTER_TITLE_PX))
        painter.drawText(
            self._title,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            f"{self.cluster.name} ({self.count})",
        )

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._drag_from = event.scenePos()
        self.board_scene().begin_cluster_drag(self)
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._drag_from is not None:
            delta = event.scenePos() - self._drag_from
            self._drag_from = event.scenePos()
            self.board_scene().drag_cluster(self, delta)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._drag_from = None
        self.board_scene().finish_cluster_drag(self)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.board_scene().rename_cluster_requested.emit(self.cluster.id)

    def board_scene(self) -> BoardScene:
        return self.scene()  # type: ignore[return-value]
