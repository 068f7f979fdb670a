"""Pixmaps drawn ahead and blitted at whole device pixels: a note's paper, and a whole face.

A note's first paint at a zoom, as a drag or a pan brings it into view, drew an antialiased
rounded rectangle with a shadow and its words: about 0.4 ms a note, paid a hundred times over
in the frames of a drag that brings a hundred notes into view. Drawn ahead (the paper once for
every note of its colour, size and outline; a face while the window is idle) at the zoom and
the note's own offset within a device pixel, and put down at a whole pixel, it is the same
picture, blitted.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap, QTransform

from pofacil.board.geometry import style

from .paint import color

# Zoomed in further, few notes show and their pixmaps would be large: drawn each time.
SCALE_MAX = 1.25
# Papers are shared by the notes at a phase an eighth of a pixel apart: their edges'
# antialiasing is the same to the eye. A face is its note's own, drawn at its phase (to the
# rounding of a scroll): its words' glyphs land on the very pixels they would.
PAPER_PHASES = 8
FACE_PHASES = 1024
_SHADOW = color("#000000", style.SHADOW_ALPHA)


@dataclass(frozen=True)
class Spot:
    """Where an item's origin falls on the device: a whole pixel, the phase within it (in
    ``phases`` of a pixel), and the scale."""

    x: int
    y: int
    phase_x: int
    phase_y: int
    scale: float
    phases: int

    def key(self) -> tuple[int, int, float, int]:
        return self.phase_x, self.phase_y, self.scale, self.phases


def spot(device: QTransform, phases: int) -> Spot | None:
    """The spot of ``device`` (item to device pixels); None when it turns, stretches or zooms
    in past SCALE_MAX."""
    scale = device.m11()
    if device.m12() or device.m21() or not math.isclose(scale, device.m22()):
        return None
    if not 0 < scale <= SCALE_MAX:
        return None
    x, phase_x = divmod(round(device.dx() * phases), phases)
    y, phase_y = divmod(round(device.dy() * phases), phases)
    return Spot(x, y, phase_x, phase_y, scale, phases)


@dataclass(frozen=True)
class Ahead:
    """A picture drawn at a spot's phase and scale; ``corner`` device pixels of it lie above
    and left of the origin's pixel."""

    pixmap: QPixmap
    corner_x: int
    corner_y: int

    def blit(self, painter: QPainter, at: Spot) -> None:
        ratio = painter.device().devicePixelRatioF()
        painter.save()
        painter.setWorldTransform(QTransform.fromScale(1 / ratio, 1 / ratio))
        painter.drawPixmap(at.x - self.corner_x, at.y - self.corner_y, self.pixmap)
        painter.restore()


def draw_ahead(at: Spot, bounds: QRectF, draw: Callable[[QPainter], None]) -> Ahead:
    """``draw`` (in item coordinates, within ``bounds``) into a pixmap for ``at``."""
    scale, px, py = at.scale, at.phase_x / at.phases, at.phase_y / at.phases
    corner_x = math.ceil(-bounds.left() * scale) + 1
    corner_y = math.ceil(-bounds.top() * scale) + 1
    out = QPixmap(
        math.ceil(corner_x + px + bounds.right() * scale) + 1,
        math.ceil(corner_y + py + bounds.bottom() * scale) + 1,
    )
    out.fill(Qt.GlobalColor.transparent)
    painter = QPainter(out)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    painter.translate(corner_x + px, corner_y + py)
    painter.scale(scale, scale)
    draw(painter)
    painter.end()
    return Ahead(out, corner_x, corner_y)


def draw_paper(painter: QPainter, fill: str, outline: QPen, w: float, h: float) -> None:
    """The note's shadow and its paper in its kind's colour, with the outline."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(_SHADOW)
    painter.drawRect(QRectF(*style.NOTE_SHADOW, w, h))
    painter.setBrush(color(fill))
    painter.setPen(outline)
    painter.drawRoundedRect(QRectF(0, 0, w, h), style.NOTE_RADIUS, style.NOTE_RADIUS)


def paint_shared(
    painter: QPainter,
    drawn: Callable[[tuple[int, int, float, int]], Ahead],
    draw: Callable[[QPainter], None],
) -> None:
    """Blit the picture ``drawn`` keeps for this spot (a cache shared by every note of one
    look), or ``draw`` it where no pixmap is kept (turned, zoomed in past SCALE_MAX)."""
    at = spot(painter.deviceTransform(), PAPER_PHASES)
    if at is None:
        draw(painter)
    else:
        drawn(at.key()).blit(painter, at)


def paint_paper(painter: QPainter, fill: str, outline: QPen, w: float, h: float) -> None:
    """The paper, blitted from the one drawn for its look at this spot when there is one."""
    rgba, line = outline.color().rgba(), outline.widthF()
    paint_shared(
        painter,
        lambda key: _paper(fill, rgba, line, w, h, key),
        lambda p: draw_paper(p, fill, outline, w, h),
    )


@lru_cache(maxsize=512)
def _paper(
    fill: str, rgba: int, line: float, w: float, h: float, key: tuple[int, int, float, int]
) -> Ahead:
    phase_x, phase_y, scale, phases = key
    margin = line / 2 + 1  # half the outline, and a pixel of antialiasing
    dx, dy = style.NOTE_SHADOW
    bounds = QRectF(-margin, -margin, w + max(dx, margin) + margin, h + max(dy, margin) + margin)
    pen = QPen(QColor.fromRgba(rgba), line)
    return draw_ahead(
        Spot(0, 0, phase_x, phase_y, scale, phases),
        bounds,
        lambda painter: draw_paper(painter, fill, pen, w, h),
    )
