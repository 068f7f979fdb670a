"""One change, one redraw: a gesture is one model event, one layout pass, no disk but the commit,
and work that grows with what it touched, not with the board."""

import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from pofacil.board import ops
from pofacil.board.model import Patch
from pofacil.board.model.errors import ModelError
from pofacil.board.session import Session
from pofacil.board.storage.user_templates import save_user_template
from pofacil.ui import scene as scene_module
from pofacil.ui.main_window import MainWindow

from .test_board_window import next_turn


@pytest.fixture
def own_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # User templates live in the per-platform config folder: keep tests out of the real one.
    config = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    return config


def fill_cells(session: Session, board_id: str, per_cell: int) -> None:
    board = session.workshop.board(board_id)
    specs = [
        ops.NoteSpec(f"第 {k} 點", cell=cell.id, x=0.0, y=0.0)
        for cell in board.cells
        for k in range(per_cell)
    ]
    session.do(ops.add_notes(session.workshop, board.id, specs, label="import"))


def table_session(path: Path, per_cell: int) -> Session:
    session = Session.create(path, boards=[("issue-context", "脈絡")])
    fill_cells(session, session.workshop.ordered_boards()[0].id, per_cell)
    return session


def free_session(path: Path, n: int, clusters: int = 20) -> Session:
    session = Session.create(path, boards=[("blank", "全體")])
    board = session.workshop.ordered_boards()[0].id
    specs = [
        ops.NoteSpec(f"第 {k} 點", x=40.0 + (k % 80) * 180, y=40.0 + (k // 80) * 120)
        for k in range(n)
    ]
    session.do(ops.add_notes(session.workshop, board, specs, label="import"))
    ids = [s.id for s in specs]
    for c in range(clusters):  # clusters of 5 spread over the board, as on the day
        start = c * (n // clusters)
        session.do(ops.cluster_notes(session.workshop, ids[start : start + 5], f"框 {c}"))
    return session


def open_window(qtbot, session: Session) -> MainWindow:
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.view.resetTransform()
    window.view.scale(0.5, 0.5)
    next_turn()
    return window


def select(window: MainWindow, note_ids: list[str]) -> None:
    scene = window.scene
    assert scene is not None
    scene.clearSelection()
    for nid in note_ids:
        scene.notes[nid].setSelected(True)
    next_turn()


def mouse_drag(qtbot, window: MainWindow, grab: str, by: QPointF) -> None:
    """A real drag through the viewport: press on ``grab``, two moves, release."""
    view, scene = window.view, window.scene
    assert scene is not None
    center = scene.notes[grab].sceneBoundingRect().center()
    view.centerOn(center)
    start, end = view.mapFromScene(center), view.mapFromScene(center + by)
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, start + (end - start) / 2)
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    next_turn()


def test_a_100_note_move_on_a_table_is_one_event_and_one_layout(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, own_config: Path
) -> None:
    window = open_window(qtbot, table_session(tmp_path / "t.pofacil", per_cell=110))
    scene = window.scene
    assert scene is not None and scene.geometry is not None
    source, target = scene.geometry.cells["role/now"], scene.geometry.cells["role/future"]
    moved = sorted(
        (i for i in scene.notes.values() if i.note.cell == "role/now"),
        key=lambda i: (i.pos().y(), i.pos().x()),
    )[:100]
    select(window, [i.note.id for i in moved])
    events, layouts = [], []
    window.document.workshop.changed.connect(events.append)
    real_layout = scene_module.grid_layout
    monkeypatch.setattr(
        scene_module, "grid_layout", lambda *a: layouts.append(a) or real_layout(*a)
    )  # counts, still lays out
    mouse_drag(qtbot, window, moved[0].note.id, QPointF(target.x - source.x, 0))
    next_turn()
    workshop = window.document.workshop
    assert all(workshop.note(i.note.id).cell == "role/future" for i in moved)
    assert len(events) == 1 and len(events[0].of("note")) == 100
    assert len(layouts) == 1, "the grid is laid out once per change, not once per note"
    grown = scene.geometry.cells["role/future"]
    assert all(grown.contains(i.pos().x() + 5, i.pos().y() + 5) for i in moved), "in slots"
    window.undo_action.trigger()
    next_turn()
    assert len(events) == 2 and len(layouts) == 2
    assert all(workshop.note(i.note.id).cell == "role/now" for i in moved)


def test_a_failing_patch_puts_back_the_change_and_says_nothing(tmp_path: Path) -> None:
    session = free_session(tmp_path / "f.pofacil", 4, clusters=0)
    workshop = session.workshop
    board = workshop.ordered_boards()[0]
    notes = list(board.notes.values())
    events = []
    workshop.changed.connect(events.append)
    before = workshop.rows()
    change = ops.move_notes(workshop, {n.id: (500.0, 500.0) for n in notes})
    broken = Patch("note", notes[-1].id, None, {**change.patches[-1].after, "w": -5.0})
    with pytest.raises(ModelError):
        workshop.apply_all([*change.patches[:-1], broken])
    assert workshop.rows() == before and events == []
    session.close()


@pytest.fixture
def disk_reads() -> Iterator[list[tuple[str, str]]]:
    """Files opened and folders listed while it is switched on (Python's audit events: real
    file system, nothing replaced). An audit hook cannot be removed, so it is gated."""
    seen: list[tuple[str, str]] = []
    watched = {"open", "os.listdir", "os.scandir", "glob.glob", "os.walk"}
    state = {"on": False}

    def hook(event: str, args: tuple) -> None:
        if state["on"] and event in watched:
            seen.append((event, str(args[0]) if args else ""))

    sys.addaudithook(hook)
    state["on"] = True
    try:
        yield seen
    finally:
        state["on"] = False


def test_gestures_and_selection_list_and_open_no_files(
    qtbot, tmp_path: Path, own_config: Path, disk_reads: list
) -> None:
    session = table_session(tmp_path / "t.pofacil", per_cell=3)
    table = session.workshop.ordered_boards()[0]
    saved = save_user_template(table, "我的表")
    fill_cells(session, session.do(ops.add_board(session.workshop, saved.id, "我的")).board, 3)
    disk_reads.clear()
    window = open_window(qtbot, session)
    names = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    window.tabs.setCurrentIndex(names.index("我的"))
    next_turn()
    disk_reads.clear()
    scene = window.scene
    assert scene is not None and scene.geometry is not None
    first = next(i for i in scene.notes.values() if i.note.cell == "system/now")
    select(window, [first.note.id])
    target = scene.geometry.cells["system/future"]
    mouse_drag(
        qtbot,
        window,
        first.note.id,
        QPointF(target.x + 40, target.y + 40) - first.sceneBoundingRect().center(),
    )
    assert window.document.workshop.note(first.note.id).cell == "system/future"
    window.capture_note("林志明", "再補一點")  # into the selected note's cell
    next_turn()
    window.view.viewport().repaint()
    assert any(n.text == "再補一點" and n.cell == "system/future" for n in scene.board.live_notes())
    assert disk_reads == [], f"the gesture path read the disk: {disk_reads}"


def drop_calls(qtbot, tmp_path: Path, n: int) -> int:
    """Lines of Python run by a mouse drop of 50 notes (two of them framed) on a free board of
    ``n`` notes, from the release through the layout pass it posts: a loop over the board's
    notes counts once per note, even inside a comprehension."""
    window = open_window(qtbot, free_session(tmp_path / f"d{n}.pofacil", n))
    scene = window.scene
    assert scene is not None
    framed = next(iter(scene.clusters.values())).cluster.id
    members = [
        m.id
        for m in window.document.workshop.ordered_boards()[0].notes.values()
        if m.cluster == framed
    ]
    free = [nid for nid, i in scene.notes.items() if i.note.cluster is None][n // 2 :][:48]
    dragged = free + members[:2]
    select(window, dragged)
    mouse_drag(qtbot, window, free[0], QPointF(0, 60))  # once untimed: first-use work
    window.undo_action.trigger()  # moved onto the row below, the notes overlapped it
    lines = Counter()

    def count(frame, event: str, arg):
        lines[event] += 1
        return count  # follow the lines of every frame

    select(window, dragged)
    # Idle work left from opening (laying out and drawing ahead, time-boxed slices) is the
    # window's, not the drop's: done before the gesture, as in a pause between gestures.
    qtbot.waitUntil(lambda: scene.warm_up.pending() == 0, timeout=30_000)
    view = window.view
    center = scene.notes[free[0]].sceneBoundingRect().center()
    view.centerOn(center)  # the press lands on the note wherever the selection scrolled to
    next_turn()
    start = view.mapFromScene(center)
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    assert scene.mouseGrabberItem() is scene.notes[free[0]]  # a drag of the 50, not of one
    qtbot.mouseMove(viewport, start + QPoint(0, 40))
    sys.settrace(count)
    try:
        qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + QPoint(0, 40))
        next_turn()
    finally:
        sys.settrace(None)
    assert window.document.session.undo_label() == "move"
    window.close()
    return lines["line"]


def test_a_drop_of_50_costs_the_same_on_500_and_5000_notes(
    qtbot, tmp_path: Path, own_config: Path
) -> None:
    small = drop_calls(qtbot, tmp_path, 500)
    large = drop_calls(qtbot, tmp_path, 5000)
    # Ten times the board, the same drop: the work is the drop's, not the board's (a scan of
    # the board per dropped note would be tens of thousands of calls more).
    assert large < small * 1.2 + 500, (small, large)
