"""The 300-note camp table in the real window: seen whole, readable, shaded, reordered by hand."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from pofacil.board.geometry import style
from pofacil.board.geometry.items import count_box
from pofacil.board.model import display_order
from pofacil.board.session import Session
from tests.camp import TABLE, write_camp


@pytest.fixture
def camp_window(qtbot, tmp_path: Path) -> Iterator:
    from pofacil.ui.fonts import install_app_font
    from pofacil.ui.main_window import MainWindow

    install_app_font()
    win = MainWindow(Session.open(write_camp(tmp_path / "camp.pofacil")))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    table = win.document.workshop.find_board(TABLE)
    win.tabs.setCurrentIndex(win._board_ids.index(table.id))
    QApplication.processEvents()
    win.view.fit()
    yield win
    win.close()


def shot(win) -> QImage:
    QApplication.processEvents()
    return win.view.viewport().grab().toImage()


def on_screen(win, x: float, y: float) -> QPoint:
    return win.view.mapFromScene(QPointF(x, y))


def test_fit_shows_the_whole_table_with_readable_labels_and_counts(camp_window) -> None:
    win = camp_window
    geo = win.scene.geometry
    bounds = geo.bounds
    visible = win.view.mapToScene(win.view.viewport().rect()).boundingRect()
    assert visible.contains(bounds.x, bounds.y) and visible.contains(
        bounds.x + bounds.w, bounds.y + bounds.h
    ), "Ctrl+0 shows the whole table"
    zoom = win.view.scale_factor()
    assert style.HEADER_PX * geo.scale * zoom >= 12, "row and column labels >= 12 px"
    assert style.COUNT_PX * geo.scale * zoom >= 14, "cell counts >= 14 px"
    assert 4 / 3 <= bounds.w / bounds.h <= 16 / 9
    # Zoomed out this far, note text would be under 6 px: each note is a clean block of its
    # kind's colour, nothing drawn inside it.
    assert style.TEXT_MAX_PX * zoom < style.TEXT_LEGIBLE_PX
    image = shot(win)
    for nid in geo.order["system/now"][:10]:
        item = win.scene.notes[nid]
        rect = win.view.mapFromScene(item.sceneBoundingRect()).boundingRect()
        # The middle of the block: where a line of text would start and its speaker sit.
        inner = rect.adjusted(
            rect.width() // 5, rect.height() // 5, -rect.width() // 5, -rect.height() // 5
        )
        expected = QColor(style.kind_fill(item.note.kind))
        for x in range(inner.left(), inner.right()):
            for y in range(inner.top(), inner.bottom()):
                got = image.pixelColor(x, y)
                assert abs(got.red() - expected.red()) + abs(got.green() - expected.green()) < 24, (
                    item.note.text,
                    x,
                    y,
                    got.name(),
                    expected.name(),
                )


def test_counts_are_never_covered(camp_window) -> None:
    geo = camp_window.scene.geometry
    for cell_id, cell in geo.cells.items():
        badge = count_box(cell, geo.scale)
        for nid in geo.order[cell_id]:
            r = camp_window.scene.notes[nid].sceneBoundingRect()
            assert r.bottom() <= badge.y or r.right() <= badge.x, cell_id


def test_the_heat_map_shades_whole_cells(camp_window) -> None:
    win = camp_window
    geo = win.scene.geometry
    busiest = max(geo.counts, key=lambda c: geo.counts[c])
    nid = geo.order[busiest][0]
    center = on_screen(win, *(v + d for v, d in zip(geo.notes[nid], (80, 50), strict=True)))
    plain = shot(win).pixelColor(center)
    win.board_actions.heat_action.trigger()
    shaded = shot(win).pixelColor(center)
    assert plain != shaded, "the tint lies over the notes too"
    quiet = min(geo.counts, key=lambda c: geo.counts[c])
    qid = geo.order[quiet][0]
    q_center = on_screen(win, *(v + d for v, d in zip(geo.notes[qid], (80, 50), strict=True)))
    hot, cool = shaded, shot(win).pixelColor(q_center)
    assert hot.saturationF() > cool.saturationF() or hot.name() != cool.name()


def test_dragging_a_note_to_the_front_of_its_cell_is_one_reorder(qtbot, camp_window) -> None:
    win = camp_window
    win.view.set_zoom(0.5)
    geo = win.scene.geometry
    order = list(geo.order["role/now"])
    last, first = win.scene.notes[order[-1]], win.scene.notes[order[0]]
    win.view.centerOn(first.sceneBoundingRect().center())
    QApplication.processEvents()
    lines = len(win.document.session.history())
    start = win.view.mapFromScene(last.sceneBoundingRect().center())
    end = win.view.mapFromScene(first.sceneBoundingRect().center() - QPointF(40, 0))
    viewport = win.view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, (start + end) / 2)
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    QApplication.processEvents()
    board = win.document.workshop.find_board(TABLE)
    now = [n.id for n in sorted(board.notes_in("role/now"), key=display_order)]
    assert now == [order[-1], *order[:-1]]
    assert len(win.document.session.history()) == lines + 1
    assert win.scene.geometry.order["role/now"] == now
    slot = win.scene.geometry.notes[order[-1]]
    assert last.pos() == QPointF(*slot), "drawn in its new place"


def test_a_note_whose_text_would_be_under_6_px_is_a_clean_block(camp_window) -> None:
    win = camp_window
    win.view.set_zoom(0.35)
    items = [win.scene.notes[n] for n in win.scene.geometry.order["public/now"]]
    small = next(i for i in items if i.text_px(1.0) * 0.35 < style.TEXT_LEGIBLE_PX)
    large = next(i for i in items if i.text_px(1.0) * 0.35 >= style.TEXT_LEGIBLE_PX)

    def inked(item) -> int:
        win.view.centerOn(item)
        image = shot(win)
        rect = win.view.mapFromScene(item.sceneBoundingRect()).boundingRect().adjusted(4, 4, -4, -4)
        fill = QColor(style.kind_fill(item.note.kind))
        return sum(
            1
            for x in range(rect.left(), rect.right())
            for y in range(rect.top(), rect.bottom())
            if abs(image.pixelColor(x, y).lightness() - fill.lightness()) > 60
        )

    assert inked(small) == 0, small.note.text
    assert inked(large) > 20, "text that is still readable is drawn"


def test_a_note_dropped_back_on_its_own_place_changes_nothing(qtbot, camp_window) -> None:
    win = camp_window
    win.view.set_zoom(0.5)
    order = list(win.scene.geometry.order["role/now"])
    item = win.scene.notes[order[2]]
    win.view.centerOn(item.sceneBoundingRect().center())
    QApplication.processEvents()
    lines = len(win.document.session.history())
    refused: list[str] = []
    win.document.failed.connect(refused.append)
    slot = item.pos()
    start = win.view.mapFromScene(item.sceneBoundingRect().center())
    viewport = win.view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, start + QPoint(4, 3))
    qtbot.mouseMove(viewport, start + QPoint(8, 6))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + QPoint(8, 6))
    QApplication.processEvents()
    assert len(win.document.session.history()) == lines, "no step for a drop in its own place"
    assert item.pos() == slot, "back in its slot"
    assert refused == [], "and no 'Nothing to change' for the user"
    assert win.scene.geometry.order["role/now"] == order
