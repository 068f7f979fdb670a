"""A mind map's leaf blocks on screen: the scene draws each block's stem and bracket where the
shared geometry (and so the PDF) puts them, and keeps doing so while notes are dragged with
the mouse: a leaf pulled across its parent gets its own line, the rest keep their bracket."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from pofacil.board.geometry.items import board_geometry
from pofacil.ui.fonts import install_app_font

from ..board.mindmap_checks import morning_session
from .test_board_window import drag


@pytest.fixture
def morning_window(qtbot, tmp_path: Path) -> Iterator:
    from pofacil.ui.main_window import MainWindow

    install_app_font()
    win = MainWindow(morning_session(tmp_path))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    QApplication.clipboard().clear()
    win.close()


def drawn_on_screen(win) -> dict[str, tuple | None]:
    scene = win.view.scene()
    scene.flush_layout()
    return {lid: item.paths() for lid, item in scene.links.items() if item.isVisible()}


def drawn_by_geometry(win) -> dict[str, tuple | None]:
    board = win.document.workshop.board(win.current_board_id())
    return {seg.link.id: seg.paths for seg in board_geometry(board).links}


def close(a: tuple | None, b: tuple | None) -> bool:
    if a is None or b is None:
        return a is b
    return len(a) == len(b) and all(
        len(p) == len(q)
        and all(
            abs(x1 - x2) <= 0.5 and abs(y1 - y2) <= 0.5
            for (x1, y1), (x2, y2) in zip(p, q, strict=True)
        )
        for p, q in zip(a, b, strict=True)
    )


def agree(win) -> None:
    screen, geometry = drawn_on_screen(win), drawn_by_geometry(win)
    assert screen.keys() == geometry.keys()
    assert [lid for lid in screen if not close(screen[lid], geometry[lid])] == []


def test_the_screen_draws_the_blocks_the_pdf_draws(morning_window) -> None:
    agree(morning_window)
    brackets = [p for p in drawn_on_screen(morning_window).values() if p]
    assert len(brackets) == 15  # one stem and bracket per theme


def test_a_leaf_dragged_across_its_parent_gets_its_own_line(qtbot, morning_window) -> None:
    win = morning_window
    board = win.document.workshop.board(win.current_board_id())
    scene = win.view.scene()
    theme = next(n for n in board.live_notes() if n.text == "主題0")
    leaf = board.children(theme.id)[0]
    link = next(lk.id for lk in board.links.values() if lk.target == leaf)
    win.view.centerOn(scene.notes[theme.id])
    assert drawn_on_screen(win)[link] is not None  # in the block
    across = theme.x + theme.w / 2 - (board.notes[leaf].x + board.notes[leaf].w / 2)
    scale = win.view.transform().m11()
    drag(qtbot, win.view, scene.notes[leaf], QPoint(round(2 * across * scale), 0))
    assert drawn_on_screen(win)[link] is None  # a plain line of its own now
    agree(win)
    siblings = [lk.id for lk in board.links.values() if lk.source == theme.id and lk.id != link]
    assert any(drawn_on_screen(win)[lid] for lid in siblings)  # the others keep a bracket
    win.undo_action.trigger()
    agree(win)
    assert drawn_on_screen(win)[link] is not None
