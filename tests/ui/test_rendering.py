"""Chinese on the board is really drawn: ink where the text is, distinct glyphs, no tofu boxes."""

from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from pofacil.board import ops
from pofacil.board.geometry import style
from pofacil.board.session import Session
from pofacil.ui.document import Document
from pofacil.ui.fonts import install_app_font
from pofacil.ui.scene import BoardScene

TOFU = "\U0010fffd"  # a private-use code point no font draws


def render_note(tmp_path: Path, text: str, name: str) -> QImage:
    """A one-note board rendered through the real scene, as the window paints it."""
    install_app_font()
    session = Session.create(tmp_path / f"{name}.pofacil", boards=[("blank", "b")])
    board = session.workshop.ordered_boards()[0].id
    session.do(ops.add_note(session.workshop, board, text, x=0.0, y=0.0))
    scene = BoardScene(Document(session))
    scene.set_board(board)
    image = QImage(320, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, 320, 200), QRectF(0, 0, 160, 100))
    painter.end()
    scene.detach()
    session.close()
    return image


def dark_pixels(image: QImage) -> set[tuple[int, int]]:
    """Pixels of the text (the note fill and border are light or thin), above the band that
    holds the kind's tag (the note is drawn at twice its size)."""
    out = set()
    band_top = int(2 * (100 - style.NOTE_PADDING - style.AUTHOR_BAND))
    for y in range(8, band_top):
        for x in range(8, image.width() - 8):
            if QColor(image.pixel(x, y)).lightness() < 90:
                out.add((x, y))
    return out


def test_note_text_is_drawn_with_real_glyphs(qapp, tmp_path: Path) -> None:
    chinese = dark_pixels(render_note(tmp_path, "開放政府", "a"))
    other = dark_pixels(render_note(tmp_path, "聯絡人們", "b"))
    tofu = dark_pixels(render_note(tmp_path, TOFU * 4, "c"))
    dot = dark_pixels(render_note(tmp_path, ".", "d"))
    assert len(dot) < 40, "only the text leaves dark ink on a note"
    assert len(chinese) > 400, "the text left ink on the note"
    # Tofu boxes look alike whatever the character; real glyphs do not.
    assert len(chinese ^ other) > 0.5 * len(chinese)
    assert len(chinese ^ tofu) > 0.5 * len(chinese)


def test_dense_and_sparse_characters_differ_in_ink(qapp, tmp_path: Path) -> None:
    # 一 has one stroke and 鬱 has 29: a font that draws real glyphs shows it in the ink.
    light = dark_pixels(render_note(tmp_path, "一一一一", "light"))
    heavy = dark_pixels(render_note(tmp_path, "鬱鬱鬱鬱", "heavy"))
    assert len(heavy) > 3 * len(light) > 0


def test_window_screenshot_has_the_sample_text(qtbot, window, tmp_path: Path) -> None:
    image = window.view.viewport().grab().toImage()
    inks = sum(
        1
        for y in range(0, image.height(), 3)
        for x in range(0, image.width(), 3)
        if QColor(image.pixel(x, y)).lightness() < 90
    )
    assert inks > 300
    kinds = {
        QColor(image.pixel(x, y)).name().upper()
        for y in range(0, image.height(), 4)
        for x in range(0, image.width(), 4)
    }
    assert {"#FFE45C", "#7ED957"} <= kinds, "problem yellow and solution green are on screen"
    image.save(str(tmp_path / "window.png"))
