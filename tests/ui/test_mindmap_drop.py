"""Dropping or pasting an outline onto a mind map: under the central topic, laid out, with the
speakers checkbox when lines look like "name: point", and one undo step."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, QTimer, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from pofacil.board.model import Board
from pofacil.board.ops.central import central_topic
from pofacil.board.session import Session


def side_of(board: Board, note_id: str) -> set[str]:
    """The notes of every branch whose head is on the same side of the topic as the branch
    ``note_id`` is in: what Tab, Enter and folding may move."""
    parent = {lk.target: lk.source for lk in board.links.values() if lk.kind == "child"}
    path = [note_id]
    while path[-1] in parent:
        path.append(parent[path[-1]])
    root, head = path[-1], path[-2]

    def centre_x(n: str) -> float:
        return board.notes[n].x + board.notes[n].w / 2

    rightward = centre_x(head) >= centre_x(root)
    out: set[str] = set()
    for branch in board.children(root):
        if (centre_x(branch) >= centre_x(root)) == rightward:
            stack = [branch]
            while stack:
                n = stack.pop()
                out.add(n)
                stack.extend(board.children(n))
    return out


@pytest.fixture
def mind_window(qtbot, tmp_path: Path) -> Iterator:
    from pofacil.ui.main_window import MainWindow

    win = MainWindow(Session.create(tmp_path / "m.pofacil", boards=[("mindmap", "心智圖")]))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    QApplication.clipboard().clear()
    win.close()


def answer_speakers(tick: bool, seen: list[str]) -> QTimer:
    """Answer the speakers question: tick (or not) the checkbox, then OK."""

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.checkBox().setChecked(tick)
            box.button(QMessageBox.StandardButton.Ok).click()

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(20)
    return timer


def test_dropped_outline_with_speakers_hangs_under_the_topic(
    qtbot, mind_window, tmp_path: Path
) -> None:
    source = tmp_path / "上午.md"
    source.write_text("# 共識營\n- PO 角色\n  - 王素琴: 業務單位很忙\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    seen: list[str] = []
    timer = answer_speakers(True, seen)
    mind_window.view.dropped.emit(mime, QPointF(900, 900))
    timer.stop()
    assert len(seen) == 1 and "上午.md" in seen[0]
    board = mind_window.scene.board
    centre = central_topic(board)
    assert centre is not None and centre.text == "共識營"
    (theme,) = board.children(centre.id)
    (point,) = board.children(theme)
    assert (board.notes[point].author, board.notes[point].text) == ("王素琴", "業務單位很忙")
    # Laid out in the same step: the theme sits right of the topic, the point right of it.
    assert (
        board.notes[theme].x > centre.x + centre.w and board.notes[point].x > board.notes[theme].x
    )
    mind_window.document.undo()
    assert [n.text for n in mind_window.scene.board.live_notes()] == ["中心主題"]


def test_pasted_lines_without_the_tick_keep_their_colons(qtbot, mind_window) -> None:
    mime = QMimeData()
    mime.setText("挑戰：人力不足\n四要素：人、事、時、地")
    QGuiApplication.clipboard().setMimeData(mime)
    seen: list[str] = []
    timer = answer_speakers(False, seen)
    mind_window.paste()
    timer.stop()
    assert len(seen) == 1
    board = mind_window.scene.board
    centre = central_topic(board)
    assert centre is not None and centre.text == "中心主題"
    kids = sorted(board.notes[k].text for k in board.children(centre.id))
    assert kids == ["四要素：人、事、時、地", "挑戰：人力不足"]
    assert all(not board.notes[k].author for k in board.children(centre.id))


def test_a_plain_outline_is_not_asked_about(qtbot, mind_window) -> None:
    mime = QMimeData()
    mime.setText("- 甲\n  - 甲一\n- 乙")
    seen: list[str] = []
    timer = answer_speakers(True, seen)
    mind_window.view.dropped.emit(mime, QPointF(100, 100))
    timer.stop()
    assert seen == []
    board = mind_window.scene.board
    centre = central_topic(board)
    assert centre is not None
    assert sorted(board.notes[k].text for k in board.children(centre.id)) == ["乙", "甲"]


def test_tab_on_the_sample_moves_only_its_own_side(qtbot, window) -> None:
    """The issue's case: with PO 角色 selected, Tab used to re-lay the whole sample map."""
    from PySide6.QtCore import Qt

    index = next(
        i for i in range(window.tabs.count()) if window.tabs.tabText(i) == "全體分享心智圖"
    )
    window.tabs.setCurrentIndex(index)
    board = window.scene.board
    item = next(i for i in window.scene.notes.values() if i.note.text == "PO 角色")
    # Its side: the branches whose head is on the same side of the topic as its branch's.
    same_side = side_of(board, item.note.id)
    before = {n.id: (n.x, n.y) for n in board.live_notes()}
    window.scene.clearSelection()
    item.setSelected(True)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    after = {n.id: n for n in window.scene.board.live_notes()}
    moved = {n for n, xy in before.items() if (after[n].x, after[n].y) != xy}
    assert moved and moved <= same_side
    assert len(board.live_notes()) - len(same_side) > 5  # the other side was there to move
    assert len(after) == len(before) + 1


def test_ctrl_g_under_the_map_moves_the_covered_leaves_out(
    qtbot, mind_window, tmp_path: Path, answer_dialogs
) -> None:
    """The issue's case on screen: captured notes under the map, grouped with Ctrl+G."""
    from PySide6.QtCore import Qt

    from pofacil.board import ops
    from pofacil.board.geometry.items import board_geometry

    source = tmp_path / "上午.md"
    lines = ["# 共識營"] + [f"- 主題{t}\n  - 點{t}a\n  - 點{t}b" for t in range(6)]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    mind_window.view.dropped.emit(mime, QPointF(0, 0))
    board = mind_window.scene.board
    lowest = max(board.live_notes(), key=lambda n: n.y + n.h)
    doc = mind_window.document
    captured = [
        doc.apply(
            ops.add_note, board.id, f"補充{i}", x=lowest.x - 100 + 170.0 * i, y=lowest.y + 110
        ).subjects[0]
        for i in range(3)
    ]
    mind_window.scene.clearSelection()
    for nid in captured:
        mind_window.scene.notes[nid].setSelected(True)
    mind_window.view.setFocus()
    qtbot.keyClick(mind_window.view, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert answer_dialogs  # the group's name was asked
    geo = board_geometry(mind_window.scene.board)
    (frame,) = geo.clusters
    f = frame.rect
    covered = [
        box.note.text
        for box in geo.notes
        if box.note.cluster is None
        and box.rect.x < f.x + f.w
        and f.x < box.rect.x + box.rect.w
        and box.rect.y < f.y + f.h
        and f.y < box.rect.y + box.rect.h
    ]
    assert covered == []
    assert doc.session.undo_label() == "group"


def test_ctrl_dot_folds_a_branch_and_closes_its_gap_on_its_side(
    qtbot, mind_window, tmp_path: Path
) -> None:
    from PySide6.QtCore import Qt

    source = tmp_path / "上午.md"
    lines = ["# 共識營"] + [f"- 主題{t}\n  - 點{t}a\n  - 點{t}b\n  - 點{t}c" for t in range(6)]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    mind_window.view.dropped.emit(mime, QPointF(0, 0))
    board = mind_window.scene.board
    theme = next(n for n in board.live_notes() if n.text == "主題2")
    same_side = side_of(board, theme.id)
    before = {n.id: (n.x, n.y) for n in board.live_notes()}
    mind_window.scene.clearSelection()
    mind_window.scene.notes[theme.id].setSelected(True)
    mind_window.view.setFocus()
    qtbot.keyClick(mind_window.view, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    board = mind_window.scene.board
    assert board.notes[theme.id].collapsed
    moved = {n for n, xy in before.items() if (board.notes[n].x, board.notes[n].y) != xy}
    assert moved and moved <= same_side  # the gap closed, on that side only
    assert mind_window.document.session.undo_label() == "collapse"
