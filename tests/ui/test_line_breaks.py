"""Line breaks typed with Shift+Enter show everywhere: on the board, in the PNG and in the
PDF (rendered and compared: the broken note has two lines of ink where the same words without
the break have one); and Shift+Enter during an input-method composition commits it first.
The kind's tag is drawn on the note and printed in the PDF."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QInputMethodEvent, QPainter
from PySide6.QtWidgets import QApplication

from pofacil.board import ops
from pofacil.board.formats.pdf.export import export_pdf
from pofacil.board.geometry import style
from pofacil.board.session import Session
from pofacil.ui.document import Document
from pofacil.ui.fonts import install_app_font
from pofacil.ui.items import NoteEditor
from pofacil.ui.png import export_png
from pofacil.ui.scene import BoardScene

from .test_board_window import next_turn
from .test_capture_target import open_window

BROKEN, WHOLE = "開放政\n府", "開放政府"
SCALE = 2


def workshop(tmp_path: Path) -> tuple[Session, str]:
    """The broken note at the top, the same words unbroken 200 units below it."""
    session = Session.create(tmp_path / "lines.pofacil", boards=[("blank", "板")])
    board = session.workshop.ordered_boards()[0].id
    for i, text in enumerate((BROKEN, WHOLE)):
        session.do(ops.add_note(session.workshop, board, text, kind="problem", x=0.0, y=i * 200.0))
    return session, board


def ink_bands(image: QImage, left: int, top: int, right: int, bottom: int) -> list[int]:
    """The rows where each run of text ink starts, in a box of the image."""
    starts, inked_before = [], False
    for y in range(top, bottom):
        inked = any(QColor(image.pixel(x, y)).lightness() < 90 for x in range(left, right))
        if inked and not inked_before:
            starts.append(y)
        inked_before = inked
    return starts


def text_box_px(note_y: float, scale: float, offset: tuple[float, float] = (0, 0)):
    """The body's box of a 160x100 note with a band, in image pixels."""
    pad = style.NOTE_PADDING
    x0, y0 = offset
    return (
        int(x0 + pad * scale),
        int(y0 + (note_y + pad) * scale),
        int(x0 + (160 - pad) * scale),
        int(y0 + (note_y + 100 - pad - style.AUTHOR_BAND) * scale),
    )


def test_the_board_shows_line_breaks(qapp, tmp_path: Path) -> None:
    install_app_font()
    session, board = workshop(tmp_path)
    scene = BoardScene(Document(session))
    scene.set_board(board)
    image = QImage(160 * SCALE, 300 * SCALE, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), QRectF(0, 0, 160, 300))
    painter.end()
    broken = ink_bands(image, *text_box_px(0, SCALE))
    whole = ink_bands(image, *text_box_px(200, SCALE))
    assert len(broken) == 2 and len(whole) == 1, (broken, whole)
    # The kind's tag is drawn in the band at the bottom left: ink there.
    band = ink_bands(image, 8 * SCALE, 80 * SCALE, 60 * SCALE, 100 * SCALE)
    assert band, "the tag 問題 is on the note"
    scene.detach()
    session.close()


def test_the_png_shows_line_breaks(qapp, tmp_path: Path) -> None:
    session, board = workshop(tmp_path)
    result = export_png(session.workshop, board, tmp_path / "b.png", SCALE, session=session)
    image = QImage(str(result.path))
    x, y, _, _ = result.source
    offset = (-x * result.scale, -y * result.scale)
    broken = ink_bands(image, *text_box_px(0, result.scale, offset))
    whole = ink_bands(image, *text_box_px(200, result.scale, offset))
    assert len(broken) == 2 and len(whole) == 1, (broken, whole)
    session.close()


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")
def test_the_pdf_shows_line_breaks_and_kind_tags(tmp_path: Path) -> None:
    session, _ = workshop(tmp_path)
    out = tmp_path / "b.pdf"
    export_pdf(session.workshop, out, record=False)
    text = subprocess.run(
        ["pdftotext", "-raw", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    lines = [line.strip() for line in text.splitlines()]
    assert "開放政" in lines and "府" in lines, lines  # the broken note: two lines
    assert "開放政府" in lines, lines  # the other: one
    assert sum(line.count("問題") for line in lines) >= 2, "each note names its kind"
    session.close()


def test_shift_enter_commits_an_open_composition_before_the_line_break(qtbot, tmp_path) -> None:
    session = Session.create(tmp_path / "ime.pofacil", boards=[("blank", "板")])
    board = session.workshop.ordered_boards()[0].id
    nid = session.do(ops.add_note(session.workshop, board, "需要更多人力", x=0.0, y=0.0)).subjects[
        0
    ]
    window = open_window(qtbot, session)
    next_turn()
    item = window.scene.notes[nid]
    editor = item.start_editing()
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    assert isinstance(window.scene.focusItem(), NoteEditor)
    QApplication.sendEvent(window.view, QInputMethodEvent("，真的", []))
    assert editor.toPlainText() == "需要更多人力", "a composition is not text yet"
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert editor.toPlainText() == "需要更多人力，真的\n"
    qtbot.keyClicks(window.view, "PO")
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert window.document.workshop.note(nid).text == "需要更多人力，真的\nPO"
    window.close()
