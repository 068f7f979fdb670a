"""Notes laid out and drawn while the window is idle: the same pixels as drawn on the spot.

A real scene in a real view: the warm-up runs in the event loop, the notes it drew ahead are
scrolled into view and the viewport grabbed, then every note is repainted on the spot and
grabbed again. Papers blitted from their shared pixmaps are compared with papers drawn
directly, at every sub-pixel phase a pixmap is kept for.
"""

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QImage, QPainter, QPen, QTransform
from PySide6.QtWidgets import QApplication

from pofacil.board import ops
from pofacil.board.geometry import style
from pofacil.board.session import Session
from pofacil.ui import warm_up
from pofacil.ui.fonts import install_app_font
from pofacil.ui.items import NoteItem
from pofacil.ui.items.note import _WRAP, fitted_pixel_size
from pofacil.ui.items.paint import color, font
from pofacil.ui.items.pixmaps import draw_paper, paint_paper
from pofacil.ui.scene import BoardScene
from pofacil.ui.view import BoardView

from .conftest import shown_board

TEXTS = ["社區長照據點人力不足", "青年參與公共事務的管道", "PO 制度要有法源", "資料開放 open data"]


@pytest.fixture
def board(qtbot, tmp_path: Path) -> Iterator[tuple[BoardScene, BoardView]]:
    install_app_font()  # the words in Chinese, as a facilitator sees them
    session = Session.create(tmp_path / "ahead.pofacil", boards=[("blank", "全體")])
    board_id = session.workshop.ordered_boards()[0].id
    specs = [
        ops.NoteSpec(
            f"{TEXTS[i % 4]} {i}",
            kind=("idea", "need", "problem")[i % 3],
            author="林" if i % 2 else "",
            x=40.0 + (i % 30) * 181.3,  # not on whole pixels at the view's zoom
            y=40.0 + (i // 30) * 121.7,
        )
        for i in range(600)
    ]
    session.do(ops.add_notes(session.workshop, board_id, specs))
    scene, view = shown_board(qtbot, session, board_id, 900, 600)
    view.set_zoom(0.5)
    view.centerOn(500, 400)
    yield scene, view
    scene.detach()
    session.close()


def idle(scene: BoardScene, qtbot) -> None:
    qtbot.waitUntil(lambda: scene.warm_up.pending() == 0, timeout=20_000)


def test_a_note_drawn_ahead_shows_as_drawn_on_the_spot(
    qtbot, board, monkeypatch: pytest.MonkeyPatch
) -> None:
    scene, view = board
    idle(scene, qtbot)
    ahead = [i for i in scene.notes.values() if i.holds_ahead()]
    assert len(ahead) > 300, "the notes out of view are drawn ahead"
    far = max(ahead, key=lambda i: i.pos().x() + i.pos().y())
    laid_out: list[NoteItem] = []
    words = NoteItem.paint_words
    monkeypatch.setattr(
        NoteItem, "paint_words", lambda item, *a: (laid_out.append(item), words(item, *a))
    )
    view.centerOn(far)
    QApplication.processEvents()
    shown = [i for i in ahead if view.viewport().rect().contains(spot_of(view, i))][:6]
    assert len(shown) == 6
    before = [grab(view, i) for i in shown]
    assert not any(i.holds_ahead() for i in shown), "the first paint used it, and let it go"
    assert not set(shown) & set(laid_out), "and drew no words"
    monkeypatch.undo()
    for item in scene.notes.values():
        item.update()  # drawn on the spot now
    QApplication.processEvents()
    for item, picture in zip(shown, before, strict=True):
        assert differing(picture, grab(view, item)) == 0


def spot_of(view: BoardView, item: NoteItem) -> QPoint:
    return view.mapFromScene(item.sceneBoundingRect()).boundingRect().bottomRight()


def grab(view: BoardView, item: NoteItem) -> QImage:
    box = view.mapFromScene(item.sceneBoundingRect()).boundingRect()
    return view.viewport().grab(box).toImage()


def test_the_warm_up_waits_while_a_button_is_down_and_keeps_to_its_budget(
    qtbot, board, monkeypatch: pytest.MonkeyPatch
) -> None:
    scene, view = board
    monkeypatch.setattr(warm_up, "AHEAD_BYTES", 2_000_000)
    scene.warm_up.clear()
    scene.warm_up.add(scene.notes)
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
    waiting = scene.warm_up.pending()
    qtbot.wait(200)
    assert scene.warm_up.pending() == waiting, "no slice runs inside a gesture"
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
    idle(scene, qtbot)
    face = 200 * 140 * 4  # more than one note's face at this zoom
    assert 2_000_000 - face < scene.warm_up.held_bytes() <= 2_000_000 + face


def test_a_changed_note_drops_what_was_drawn_ahead(qtbot, board) -> None:
    scene, view = board
    idle(scene, qtbot)
    item = next(i for i in scene.notes.values() if i.holds_ahead())
    assert scene.document.apply(ops.edit_text, item.note.id, "改過的文字") is not None
    assert not item.holds_ahead()
    view.centerOn(item)
    QApplication.processEvents()
    view.viewport().grab()
    assert item.layout(0.5).body is not None and item.note.text == "改過的文字"
    assert item.painted_scale == pytest.approx(0.5)


@pytest.mark.parametrize("line", [style.NOTE_BORDER_WIDTH, style.FOUND_CURRENT_LINE])
@pytest.mark.parametrize("scale", [0.35, 0.5, 1.0, 1.2])
@pytest.mark.parametrize("phase", [0.0, 0.125, 0.5, 0.875])
def test_a_paper_blitted_is_the_paper_drawn(line: float, scale: float, phase: float) -> None:
    pen = QPen(color(style.FOUND_CURRENT), line)
    drawn, blitted = (blank(), blank())
    for image, paint in ((drawn, draw_paper), (blitted, paint_paper)):
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing)
        painter.setTransform(QTransform.fromTranslate(10 + phase, 7 + phase).scale(scale, scale))
        paint(painter, style.kind_fill("need"), pen, 160, 100)
        painter.end()
    assert differing(drawn, blitted) == 0


def blank() -> QImage:
    image = QImage(300, 200, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    return image


def differing(a: QImage, b: QImage, tolerance: int = 40) -> int:
    """How many pixels differ by more than ``tolerance`` in any channel."""
    assert a.size() == b.size()
    count = 0
    for y in range(a.height()):
        for x in range(a.width()):
            ca, cb = a.pixelColor(x, y), b.pixelColor(x, y)
            if (
                max(
                    abs(ca.red() - cb.red()),
                    abs(ca.green() - cb.green()),
                    abs(ca.blue() - cb.blue()),
                    abs(ca.alpha() - cb.alpha()),
                )
                > tolerance
            ):
                count += 1
    return count


def scanned_size(text: str, width: float, height: float) -> int:
    """The largest fitting size by a scan down from the top: what the search must find."""
    for size in range(style.TEXT_MAX_PX, style.TEXT_MIN_PX - 1, -1):
        rect = QFontMetricsF(font(size)).boundingRect(QRectF(0, 0, width, 1e6), _WRAP, text)
        if rect.width() <= width + 0.5 and rect.height() <= height:
            return size
    return style.TEXT_MIN_PX


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(min_size=1, max_size=120),
    box=st.sampled_from([(144.0, 56.0), (144.0, 76.0), (84.0, 40.0), (284.0, 150.0)]),
)
def test_the_fitted_size_is_the_scans(qapp, text: str, box: tuple[float, float]) -> None:
    assert fitted_pixel_size(text, *box) == scanned_size(text, *box)


def test_a_face_drawn_ahead_at_another_zoom_is_drawn_on_the_spot(qtbot, board) -> None:
    scene, view = board
    idle(scene, qtbot)
    ahead = [i for i in scene.notes.values() if i.holds_ahead()]
    far = max(ahead, key=lambda i: i.pos().x() + i.pos().y())
    view.set_zoom(1.0)  # zoomed in before the note is ever shown: its face drawn ahead is stale
    view.centerOn(far)
    QApplication.processEvents()
    shown = grab(view, far)
    assert not far.holds_ahead() and far.painted_scale == pytest.approx(1.0)
    far.update()
    QApplication.processEvents()
    assert differing(shown, grab(view, far)) == 0
