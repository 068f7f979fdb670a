"""The bundled font loads into Qt and draws Traditional Chinese, not tofu."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QFont, QFontInfo, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QApplication

from pofacil.board.formats.fonts import FONT_FAMILY
from pofacil.ui.fonts import install_app_font

NOT_IN_ANY_FONT = chr(0x10FFFD)  # last private-use code point


@pytest.fixture
def family(qapp: QApplication) -> str:
    return install_app_font(qapp)


def app_font(px: int = 48) -> QFont:
    font = QFont(QApplication.font())
    font.setPixelSize(px)
    return font


def render(text: str, font: QFont) -> QImage:
    metrics = QFontMetrics(font)
    # Sized from the em, not the text, so a fallback glyph of another width
    # still lands on a canvas of the same size; a multiple of 4 avoids row padding.
    width = (len(text) + 1) * font.pixelSize() // 4 * 4
    image = QImage(width, metrics.height() + 16, QImage.Format.Format_Grayscale8)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(QColor("black"))
    painter.setFont(font)
    painter.drawText(QPoint(8, 8 + metrics.ascent()), text)
    painter.end()
    return image


def pixels(image: QImage) -> bytes:
    return bytes(image.constBits())[: image.sizeInBytes()]


def test_install_sets_the_default_family(family: str, qapp: QApplication) -> None:
    size = QApplication.font().pointSizeF()
    assert family == FONT_FAMILY
    assert install_app_font(qapp) == family  # second call is harmless
    assert QApplication.font().family() == FONT_FAMILY
    assert QApplication.font().pointSizeF() == size
    assert QFontInfo(app_font()).family() == FONT_FAMILY


@pytest.mark.parametrize("char", ["骨", "次", "開", "臺"])
def test_font_has_glyph(family: str, char: str) -> None:
    assert QFontMetrics(QFont(family)).inFontUcs4(ord(char))


def test_font_lacks_private_use_glyph(family: str) -> None:
    assert not QFontMetrics(QFont(family)).inFontUcs4(ord(NOT_IN_ANY_FONT))


def test_renders_ink_not_tofu(family: str) -> None:
    font = app_font()
    text = pixels(render("開放政府", font))
    assert sum(1 for value in text if value < 96) > 200

    kai, tai, tofu = (pixels(render(c, font)) for c in ("開", "臺", NOT_IN_ANY_FONT))
    assert kai != tofu
    assert kai != tai
