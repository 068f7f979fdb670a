"""Qt forms of the shared board style: fonts, colours and rectangles, made once and reused."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont

from pofacil.board.geometry.grid import Rect


@cache
def font(pixel_size: int, bold: bool = False) -> QFont:
    """One font object per size: building fonts in paint() costs more than drawing."""
    f = QFont()
    f.setPixelSize(pixel_size)
    f.setBold(bold)
    return f


@cache
def color(hex_color: str, alpha: int = 255) -> QColor:
    """A style colour as a QColor; cached, since paint() asks for the same few thousands of
    times a frame. Callers must copy before changing it."""
    c = QColor(hex_color)
    c.setAlpha(alpha)
    return c


def qrect(rect: Rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.w, rect.h)


def rect_of(rect: QRectF) -> Rect:
    return Rect(rect.x(), rect.y(), rect.width(), rect.height())
