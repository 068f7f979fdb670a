"""A selected note's accent outline and handles, drawn by the note's face over its words.

Drawn by a child item of its own, the mark was one more cached item a selected note moved,
indexed and blitted on every frame of a drag: a 100-note drag on a 2,000-note board spent
about 0.35 ms of its 2.8 ms frames on the marks (a bare view's selected rect item draws its
outline in its own pixmap). Drawn by the face, selecting repaints the face once (the paper is
blitted from its cache, the words are laid out already), and a selected note not in view is
drawn ahead in idle time as any other (see warm_up).
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen

from pofacil.board.geometry import style

from .paint import color
from .pixmaps import Ahead, Spot, draw_ahead, paint_shared

HANDLE = 14.0  # px in scene units: the resize corner and the link knob
HANDLE_PEN = QPen(color(style.ACCENT), style.BADGE_LINE)
HANDLE_FILL = color("#FFFFFF")
_SELECTED = QPen(color(style.ACCENT), 3)
_ACCENT = color(style.ACCENT)
# The shape of a note's children that draw over it: empty, so hit tests find the note.
NO_SHAPE = QPainterPath()


def selection_bounds(w: float, h: float) -> QRectF:
    """What the mark draws over a w x h note: the outline's half width and the knob's reach
    past the right edge, and a pixel of antialiasing."""
    m = _SELECTED.widthF() / 2 + 1
    knob = HANDLE / 2 - 2 + HANDLE_PEN.widthF() / 2 + 1
    return QRectF(-m, -m, w + max(m, knob) + m, h + 2 * m)


def paint_selection(painter: QPainter, w: float, h: float, outline: bool) -> None:
    """The accent outline (unless Find's outranks it: ``outline`` False), the link knob on
    the right edge and the resize corner, blitted from the mark drawn for this size and spot
    (drawn, it was a quarter of the face's repaint)."""
    paint_shared(
        painter,
        lambda key: _mark(w, h, outline, key),
        lambda p: draw_selection(p, w, h, outline),
    )


def draw_selection(painter: QPainter, w: float, h: float, outline: bool) -> None:
    if outline:
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


@lru_cache(maxsize=256)
def _mark(w: float, h: float, outline: bool, key: tuple[int, int, float, int]) -> Ahead:
    phase_x, phase_y, scale, phases = key
    return draw_ahead(
        Spot(0, 0, phase_x, phase_y, scale, phases),
        selection_bounds(w, h),
        lambda painter: draw_selection(painter, w, h, outline),
    )
