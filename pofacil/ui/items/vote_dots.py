"""A note's votes on screen: the dots and count of :mod:`pofacil.board.geometry.votes`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainter, QPen

from pofacil.board.geometry import votes as marks
from pofacil.board.geometry.grid import Rect
from pofacil.board.ops.votes import shown_votes

from .paint import color, font, qrect

if TYPE_CHECKING:
    from .note import NoteItem

_EDGE = QPen(color(marks.INK), 1.5)


def paint_votes(painter: QPainter, item: NoteItem) -> None:
    """Draw the votes the note shows (none while a round's totals are hidden)."""
    scene = item.scene()
    board = getattr(scene, "board", None)
    if board is None:
        return
    w, h = item.note_rect().width(), item.note_rect().height()
    mark = marks.vote_mark(Rect(0, 0, w, h), shown_votes(board)(item.note))
    if mark is None:
        return
    painter.save()
    painter.setPen(_EDGE)
    painter.setBrush(color(marks.FILL))
    radius = mark.pill.h / 2
    painter.drawRoundedRect(qrect(mark.pill), radius, radius)
    painter.setBrush(color(marks.INK))
    painter.setPen(Qt.PenStyle.NoPen)
    for cx, cy, r in mark.dots:
        painter.drawEllipse(QPointF(cx, cy), r, r)
    painter.setPen(color(marks.INK))
    painter.setFont(font(marks.COUNT_PX, bold=True))
    painter.drawText(qrect(mark.label), Qt.AlignmentFlag.AlignCenter, mark.text)
    painter.restore()
