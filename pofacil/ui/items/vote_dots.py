"""A note's votes on screen: the dots and count of :mod:`pofacil.board.geometry.votes`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainter, QPen

from pofacil.board.geometry import votes as marks
from pofacil.board.geometry.grid import Rect
from pofacil.board.model import Board, Note
from pofacil.board.ops.votes import shown_votes

from .paint import color, font, qrect

if TYPE_CHECKING:
    from .note import NoteItem

_EDGE = QPen(color(marks.INK), 1.5)
# The counts of the board last painted, with what they were counted from: a repaint of a
# whole board (a zoom, a reveal) counts the votes once, not once per note. Vote mode forgets
# them at every change of the workshop; the key (rounds, how many votes, the newest) is there
# for a scene drawn without it, and costs O(1) per note.
_counted: tuple[object, Callable[[Note], int]] | None = None


def forget() -> None:
    """Count again at the next paint (the workshop changed)."""
    global _counted
    _counted = None


def _shown(board: Board) -> Callable[[Note], int]:
    global _counted
    rounds = tuple((r.id, r.state, r.hidden, r.members) for r in board.rounds.values())
    newest = next(reversed(board.votes), None)
    key = (board.id, rounds, len(board.votes), newest)
    if _counted is None or _counted[0] != key:
        _counted = (key, shown_votes(board))
    return _counted[1]


def paint_votes(painter: QPainter, item: NoteItem) -> None:
    """Draw the votes the note shows (none while a round's totals are hidden)."""
    board = getattr(item.scene(), "board", None)
    if board is None or not board.votes:  # most boards, most of the day: no dot to draw
        return
    mark = marks.vote_mark(Rect(0, 0, *item.size()), _shown(board)(item.note))
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
