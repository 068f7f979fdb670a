"""A drag carries the frames and links it moves whole, with their pixmaps; the lines it
stretches refit; a frame it splits holds still, the frame the drop is judged against.

Driven with real mouse events on the view's viewport; the frames and lines are checked
mid-drag against the shared geometry of where the notes are, and again after the release.
"""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication, QGraphicsItem

from pofacil.board import ops
from pofacil.board.geometry.items import cluster_frame, link_ends
from pofacil.board.session import Session
from pofacil.ui.items import ClusterItem, LinkItem, NoteItem
from pofacil.ui.items.paint import qrect, rect_of
from pofacil.ui.scene import BoardScene

from .conftest import shown_board

CACHED = QGraphicsItem.CacheMode.DeviceCoordinateCache


@pytest.fixture
def board(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple]:
    painted: list[object] = []
    for cls in (LinkItem, ClusterItem):  # counted on the way to the real paint()
        original = cls.paint

        def counted(item, *args, _original=original) -> None:
            painted.append(item)
            _original(item, *args)

        monkeypatch.setattr(cls, "paint", counted)
    session = Session.create(tmp_path / "drag.pofacil", boards=[("blank", "全體")])
    board_id = session.workshop.ordered_boards()[0].id
    specs = [
        ops.NoteSpec(text, x=x, y=y)
        for text, x, y in (
            ("甲", 100.0, 100.0),
            ("乙", 300.0, 100.0),
            ("丙", 100.0, 260.0),
            ("丁", 700.0, 500.0),
            ("戊", 300.0, 260.0),
        )
    ]
    session.do(ops.add_notes(session.workshop, board_id, specs))
    a, b, c, d, e = (s.id for s in specs)
    session.do(ops.cluster_notes(session.workshop, [a, b, c], "一起"))
    session.do(ops.cluster_notes(session.workshop, [d, e], "分開"))
    session.do(ops.link_notes(session.workshop, a, b))  # both ends dragged: rides
    session.do(ops.link_notes(session.workshop, c, d))  # one end stays: refits
    scene, view = shown_board(qtbot, session, board_id, 1000, 800)
    view.fitInView(scene.itemsBoundingRect().adjusted(-300, -300, 300, 300))
    view.viewport().grab()
    yield scene, view, [scene.notes[i] for i in (a, b, c)], painted
    scene.detach()
    session.close()


def drawn_rect(item: NoteItem):
    return rect_of(item.note_rect().translated(item.pos()))


def assert_follows(scene: BoardScene, held: tuple[ClusterItem, ...] = ()) -> None:
    """Every frame and line is where the shared geometry puts it for the notes as they are,
    but for the ``held`` frames."""
    board = scene.board
    assert board is not None
    for cid, frame in scene.clusters.items():
        if frame in held:
            continue
        members = [drawn_rect(scene.notes[n.id]) for n in board.notes_in(cid)]
        want = qrect(cluster_frame(members))
        assert frame.frame() == want
        assert frame.sceneBoundingRect().contains(want)
    for link in scene.links.values():
        ends = link_ends(
            drawn_rect(scene.notes[link.link.source]), drawn_rect(scene.notes[link.link.target])
        )
        line = link.line()
        got = (line.x1(), line.y1(), line.x2(), line.y2())
        assert got == pytest.approx(ends, abs=1e-6)


def test_a_drag_carries_what_it_moves_whole_and_refits_the_rest(qtbot, board) -> None:
    scene, view, dragged, painted = board
    for item in dragged:
        item.setSelected(True)
    whole = next(c for c in scene.clusters.values() if c.cluster.name == "一起")
    split = next(c for c in scene.clusters.values() if c.cluster.name == "分開")
    riding = next(i for i in scene.links.values() if i.link.target == dragged[1].note.id)
    stretched = next(i for i in scene.links.values() if i is not riding)
    viewport = view.viewport()
    start = view.mapFromScene(dragged[0].sceneBoundingRect().center())
    split_at_press = split.frame()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    view.viewport().grab()
    painted.clear()
    for k in range(1, 5):
        qtbot.mouseMove(viewport, start + QPoint(15 * k, 10 * k))
        QApplication.processEvents()  # the scene's layout pass
        view.viewport().grab()
        assert_follows(scene, held=(split,))
        assert split.frame() == split_at_press
        assert whole.pos() != QPointF() and riding.pos() == whole.pos()
        assert split.pos() == stretched.pos() == QPointF()
        assert stretched.cacheMode() == QGraphicsItem.CacheMode.NoCache
        assert split.cacheMode() == CACHED
    # What rode along, and the frame held still, kept their pixmaps; the line that changes
    # shape was redrawn.
    assert whole not in painted and riding not in painted and split not in painted
    assert stretched in painted
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + QPoint(60, 40))
    QApplication.processEvents()
    view.viewport().grab()
    assert_follows(scene)
    for item in [*scene.clusters.values(), *scene.links.values()]:
        assert item.pos() == QPointF() and item.cacheMode() == CACHED
    moved = scene.document.workshop.note(dragged[0].note.id)
    assert (moved.x, moved.y) == (dragged[0].pos().x(), dragged[0].pos().y()) != (100.0, 100.0)
    # Undo puts every frame and line back with the notes.
    scene.document.undo()
    QApplication.processEvents()
    assert dragged[0].pos() == QPointF(100.0, 100.0)
    assert_follows(scene)


def test_a_group_frame_dragged_by_its_title_rides_and_lands(qtbot, board) -> None:
    scene, view, _, painted = board
    whole = next(c for c in scene.clusters.values() if c.cluster.name == "一起")
    before = whole.frame()
    title = view.mapFromScene(whole.title_rect().center())
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=title)
    painted.clear()
    qtbot.mouseMove(viewport, title + QPoint(20, 20))
    qtbot.mouseMove(viewport, title + QPoint(40, 30))
    QApplication.processEvents()
    view.viewport().grab()
    assert_follows(scene)
    assert whole not in painted
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=title + QPoint(40, 30))
    QApplication.processEvents()
    assert_follows(scene)
    assert whole.pos() == QPointF() and whole.frame() != before
    assert whole.frame().size() == before.size()


def test_a_mind_map_line_rides_only_with_its_whole_family(qtbot, board) -> None:
    # A leaf block's bracket is drawn from the parent and all its children: dragging the
    # parent with one child of two reshapes it, so none of the family's lines ride.
    scene, view, dragged, _ = board
    a, b, c = (i.note.id for i in dragged)
    assert scene.document.apply(ops.link_notes, c, a, "child") is not None
    assert scene.document.apply(ops.link_notes, c, b, "child") is not None
    QApplication.processEvents()
    family = [i.link.id for i in scene.links.values() if i.link.kind == "child"]
    group = next(f for f in scene.clusters.values() if f.cluster.name == "一起")
    viewport = view.viewport()
    assert len(family) == 2
    for selected, rides in (([c, a], False), ([a, b, c], True)):
        scene.clearSelection()
        for nid in selected:
            scene.notes[nid].setSelected(True)
        start = view.mapFromScene(scene.notes[c].sceneBoundingRect().center())
        qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
        qtbot.mouseMove(viewport, start + QPoint(20, 10))
        QApplication.processEvents()
        assert [scene._followers.rides(lid) for lid in family] == [rides, rides]
        assert_follows(scene, held=() if rides else (group,))  # a, b, c share one frame
        qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + QPoint(20, 10))
        QApplication.processEvents()
        assert_follows(scene)


def test_a_frame_follows_a_resize_of_its_notes(qtbot, board) -> None:
    # A press on a note's resize corner starts as a drag of the selection, which the frame
    # would ride; the notes do not move, so the frame is refitted as the note grows.
    scene, view, dragged, _ = board
    for item in dragged:
        item.setSelected(True)
    note = dragged[0]
    w, h = note.note.w, note.note.h
    corner = view.mapFromScene(note.mapToScene(QPointF(w - 3, h - 3)))
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=corner)
    qtbot.mouseMove(viewport, corner + QPoint(20, 15))
    qtbot.mouseMove(viewport, corner + QPoint(40, 30))
    QApplication.processEvents()
    assert note.note_rect().width() > w
    assert_follows(scene)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=corner + QPoint(40, 30))
    QApplication.processEvents()
    assert scene.document.workshop.note(note.note.id).w > w
    assert_follows(scene)
