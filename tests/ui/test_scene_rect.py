"""The scene keeps its own rect: the board's bounds, grown by what each change laid out, and
left alone mid-drag (Qt's own growing rect rebuilt its whole item index on every frame of a
first drag). Whatever the change, the scroll bars reach everything drawn."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtWidgets import QApplication

from pofacil.board import ops
from pofacil.board.model.limits import PLACE_MAX, SIZE_MAX, SIZE_MIN
from pofacil.ui.document import Document
from pofacil.ui.scene import BoardScene

from .drawn import random_workshop
from .test_board_window import next_turn, note_item


def outside(scene: BoardScene) -> list[str]:
    """What is drawn but lies past the board's rect (where no scroll bar reaches)."""
    rect = scene.scroll_rect()
    return [
        f"{type(item).__name__} {item.sceneBoundingRect()}"
        for item in scene.items()
        if item.isVisible() and not rect.contains(item.sceneBoundingRect())
    ]


def test_a_drag_past_the_board_edge_grows_the_rect_on_release_only(qtbot, window) -> None:
    scene, view = window.scene, window.view
    assert scene.scroll_rect() == scene.itemsBoundingRect().toAlignedRect()
    assert outside(scene) == [] and view.sceneRect() == scene.scroll_rect()
    item = note_item(window, "PO 多為兼任，業務單位很忙")
    before = scene.scroll_rect()
    indexed = QRectF(scene.sceneRect())
    # Drag the note to the viewport's right edge, past the board's last note.
    start = view.mapFromScene(item.sceneBoundingRect().center())
    end = QPoint(view.viewport().width() - 5, start.y())
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, (start + end) / 2)
    qtbot.mouseMove(viewport, end)
    next_turn()
    assert not before.contains(item.sceneBoundingRect()), "the drag did not pass the edge"
    assert scene.scroll_rect() == before, "the rect moved mid-drag"
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    next_turn()
    assert scene.scroll_rect().contains(item.sceneBoundingRect()) and outside(scene) == []
    grown = scene.scroll_rect()
    assert view.sceneRect() == grown, "the scroll bars reach it"
    # Qt's index covers more than the board: a board that grows a little rebuilds none of it.
    assert scene.sceneRect().contains(grown) and scene.sceneRect() == indexed
    window.undo_action.trigger()
    next_turn()
    # Undone, the note is back, and the rect stays: scroll bars do not jump under the user.
    assert scene.scroll_rect() == grown and outside(scene) == []


def test_a_board_shown_again_gets_its_own_rect(qtbot, window) -> None:
    scene = window.scene
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        next_turn()
        assert outside(scene) == []
        if scene.items():
            assert scene.scroll_rect() == scene.itemsBoundingRect().toAlignedRect()
            assert window.view.sceneRect() == scene.scroll_rect()


coordinate = st.floats(-PLACE_MAX, PLACE_MAX, allow_nan=False)
size = st.floats(SIZE_MIN, SIZE_MAX)
step = st.one_of(
    st.tuples(st.just("move"), st.lists(st.tuples(coordinate, coordinate), min_size=1, max_size=4)),
    st.tuples(st.just("into cell"), st.integers(0, 20)),
    st.tuples(st.just("resize"), st.tuples(size, size)),
    st.tuples(st.just("add"), st.tuples(coordinate, coordinate)),
    st.tuples(st.just("delete"), st.integers(1, 3)),
    st.tuples(st.just("undo"), st.none()),
    st.tuples(st.just("redo"), st.none()),
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(board=st.sampled_from(["自由", "表格"]), steps=st.lists(step, min_size=1, max_size=8))
def test_after_any_change_the_scroll_bars_reach_everything(
    qapp: QApplication, board: str, steps: list[tuple[str, object]]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        session = random_workshop(Path(folder) / "r.pofacil", 3, free_notes=30, cell_notes=30)
        document = Document(session)
        scene = BoardScene(document)
        board_id = session.workshop.find_board(board).id
        scene.set_board(board_id)
        try:
            for what, arg in steps:
                # In reading order, not by id: ids are new each run, and hypothesis replays.
                shown = sorted(scene.notes.values(), key=lambda i: (i.note.y, i.note.x))
                notes = [i.note.id for i in shown]
                if what == "move" and notes:
                    spots = arg  # type: ignore[assignment]
                    positions = dict(zip(notes[: len(spots)], spots, strict=False))
                    document.apply(ops.move_notes, positions)
                elif what == "into cell" and notes and scene.board and scene.board.cells:
                    cells = scene.board.cells
                    cell = cells[arg % len(cells)].id  # type: ignore[operator]
                    document.apply(ops.place_in_cell, notes[:2], cell, 0)
                elif what == "resize" and notes:
                    document.apply(ops.resize_note, notes[-1], *arg)  # type: ignore[misc]
                elif what == "add":
                    x, y = arg  # type: ignore[misc]
                    document.apply(ops.add_note, board_id, "補充", x=x, y=y)
                elif what == "delete" and notes:
                    document.apply(ops.delete_notes, notes[:arg])  # type: ignore[misc]
                elif what == "undo":
                    document.undo()
                elif what == "redo":
                    document.redo()
                QApplication.processEvents()  # the layout pass
                assert outside(scene) == [], what
        finally:
            scene.detach()
            session.close()
