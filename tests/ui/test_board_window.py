"""The board window driven like a table lead would: real mouse and key events, offscreen."""

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent
from PySide6.QtWidgets import QApplication

from pofacil.board import ops
from pofacil.board.session import Session
from pofacil.ui.items import ClusterItem, NoteItem
from pofacil.ui.projector import readable_px


def file_rows(path: Path) -> dict:
    reader = Session.open(path, read_only=True)
    try:
        return reader.workshop.rows()
    finally:
        reader.close()


def type_chinese(widget_or_item, text: str, scene=None) -> None:
    """Chinese arrives through the input method as a commit string, as on a real laptop."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    if scene is not None:
        scene.sendEvent(widget_or_item, event)
    else:
        QApplication.sendEvent(widget_or_item, event)


def note_item(window, text: str) -> NoteItem:
    return next(i for i in window.scene.notes.values() if i.note.text == text)


def next_turn() -> None:
    """Let the event loop turn: the scene lays out frames, links and the grid once a turn."""
    QApplication.processEvents()


def drag(qtbot, view, item, by: QPoint) -> None:
    start = view.mapFromScene(item.sceneBoundingRect().center())
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, start + by / 2)
    qtbot.mouseMove(viewport, start + by)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + by)
    next_turn()


def test_drag_moves_model_and_file_and_one_undo_restores(qtbot, window) -> None:
    item = note_item(window, "PO 多為兼任，業務單位很忙")
    nid = item.note.id
    before_model = (item.note.x, item.note.y)
    before_file = file_rows(window.document.path)
    drag(qtbot, window.view, item, QPoint(120, 80))
    note = window.document.workshop.note(nid)
    assert (note.x, note.y) != before_model
    scale = window.view.scale_factor()
    assert (
        abs(note.x - before_model[0] - 120 / scale) < 2
        and abs(note.y - before_model[1] - 80 / scale) < 2
    )
    assert item.pos() == QPointF(note.x, note.y)
    assert file_rows(window.document.path) == window.document.workshop.rows() != before_file
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert (
        window.document.workshop.note(nid).x,
        window.document.workshop.note(nid).y,
    ) == before_model
    assert item.pos() == QPointF(*before_model)
    assert file_rows(window.document.path) == before_file


def test_dragging_a_selection_is_one_step(qtbot, window) -> None:
    a, b = note_item(window, "PO 制度"), note_item(window, "PO 角色")
    a.setSelected(True)
    b.setSelected(True)
    history = len(window.document.session.history())
    drag(qtbot, window.view, a, QPoint(0, 60))
    assert len(window.document.session.history()) == history + 1
    assert window.document.session.history()[-1].label == "move"
    assert {p.id for p in window.document.session.history()[-1].patches} == {a.note.id, b.note.id}


def test_quick_capture_sets_the_speaker_and_stays_ready(qtbot, window) -> None:
    board = window.scene.board
    count = len(board.live_notes())
    window.capture.edit.setFocus()
    type_chinese(window.capture.edit, "王素琴: 業務單位很忙")
    assert "王素琴" in window.capture.preview.text()
    qtbot.keyClick(window.capture.edit, Qt.Key.Key_Return)
    type_chinese(window.capture.edit, "需要跨部會支援")
    qtbot.keyClick(window.capture.edit, Qt.Key.Key_Return)
    notes = sorted(board.live_notes(), key=lambda n: n.created)[count:]
    assert [(n.text, n.author) for n in board.live_notes()[count:]] == [
        ("業務單位很忙", "王素琴"),
        ("需要跨部會支援", ""),
    ]
    first, second = board.live_notes()[count:]
    assert second.x == first.x + first.w + 20 and second.y == first.y, "next to the previous"
    assert window.capture.edit.text() == "" and window.capture.edit.hasFocus()
    assert first.id in window.scene.notes and len(notes) == 2


def test_typing_on_the_canvas_goes_to_capture(qtbot, window) -> None:
    window.view.setFocus()
    qtbot.keyClicks(window.view, "abc")
    assert window.capture.edit.text() == "abc"
    event = QInputMethodEvent()
    event.setCommitString("開放政府")
    QApplication.sendEvent(window.view, event)
    assert window.capture.edit.text() == "abc開放政府"


def test_capture_into_the_selected_group(qtbot, window) -> None:
    a, b = note_item(window, "PO 制度"), note_item(window, "PO 角色")
    window.document.apply(ops.cluster_notes, [a.note.id, b.note.id], "制度與角色")
    cluster = next(iter(window.scene.clusters.values()))
    window.scene.clearSelection()
    cluster.setSelected(True)
    window.capture_note("林志明", "要有人專責")
    next_turn()
    new = next(n for n in window.scene.board.live_notes() if n.text == "要有人專責")
    assert new.cluster == cluster.cluster.id and new.author == "林志明"
    assert cluster.count == 3 and cluster.frame().contains(QPointF(new.x + 10, new.y + 10))


def test_edit_in_place_with_an_input_method(qtbot, window) -> None:
    item = note_item(window, "PO 角色")
    window.scene.clearSelection()
    item.setSelected(True)
    qtbot.keyClick(window.view, Qt.Key.Key_F2)
    editor = item.editor
    assert editor is not None and editor.hasFocus()
    preedit = QInputMethodEvent("ㄎㄞ", [])
    window.scene.sendEvent(editor, preedit)
    commit = QInputMethodEvent()
    commit.setCommitString("開放政府聯絡人")
    window.scene.sendEvent(editor, commit)
    assert editor.toPlainText() == "開放政府聯絡人"
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(window.view, "PO")
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert item.editor is None
    assert window.document.workshop.note(item.note.id).text == "開放政府聯絡人\nPO"
    assert file_rows(window.document.path)["note"] == window.document.workshop.rows()["note"]


def test_escape_cancels_an_edit(qtbot, window) -> None:
    item = note_item(window, "PO 角色")
    item.setSelected(True)
    item.start_editing()
    type_chinese(item.editor, "改掉", window.scene)
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert item.editor is None and window.document.workshop.note(item.note.id).text == "PO 角色"


def test_a_group_frame_drags_its_notes(qtbot, window) -> None:
    # In the window the offscreen screen gives (about 800x800, the board at half size) the
    # drag's 60 px are 115 board units, more than half the frame: the notes' centres leave
    # the frame as it was at the press, which once dissolved the group.
    a, b = note_item(window, "PO 制度"), note_item(window, "PO 角色")
    window.document.apply(ops.cluster_notes, [a.note.id, b.note.id], "制度與角色")
    next_turn()
    cluster = next(iter(window.scene.clusters.values()))
    assert isinstance(cluster, ClusterItem) and cluster.count == 2
    starts = {i.note.id: (i.note.x, i.note.y) for i in (a, b)}
    frame = cluster.frame()
    title = window.view.mapFromScene(QPointF(frame.left() + 40, frame.top() + 12))
    viewport = window.view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=title)
    qtbot.mouseMove(viewport, title + QPoint(30, 20))
    qtbot.mouseMove(viewport, title + QPoint(60, 40))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=title + QPoint(60, 40))
    next_turn()
    scale = window.view.scale_factor()
    for nid, (x, y) in starts.items():
        note = window.document.workshop.note(nid)
        assert abs(note.x - x - 60 / scale) < 2 and abs(note.y - y - 40 / scale) < 2
    assert window.document.session.history()[-1].label == "move"
    assert all(window.document.workshop.note(nid).cluster for nid in starts)
    assert cluster.frame().topLeft() == frame.topLeft() + QPointF(60 / scale, 40 / scale)


def test_dropping_a_note_on_a_frame_joins_it(qtbot, window) -> None:
    a, b = note_item(window, "PO 制度"), note_item(window, "PO 角色")
    window.document.apply(ops.cluster_notes, [a.note.id], "制度")
    next_turn()
    cluster = next(iter(window.scene.clusters.values()))
    window.scene.clearSelection()
    target = cluster.frame().center()
    drag(
        qtbot,
        window.view,
        b,
        window.view.mapFromScene(target) - window.view.mapFromScene(b.sceneBoundingRect().center()),
    )
    assert window.document.workshop.note(b.note.id).cluster == cluster.cluster.id
    assert cluster.count == 2


def test_pasting_three_lines_makes_three_notes(qtbot, window) -> None:
    mime = QMimeData()
    mime.setText("第一點\n第二點\n\n第三點\n")
    QGuiApplication.clipboard().setMimeData(mime)
    before = {n.id for n in window.scene.board.live_notes()}
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    new = sorted(
        (n for n in window.scene.board.live_notes() if n.id not in before), key=lambda n: n.seq
    )
    assert [n.text for n in new] == ["第一點", "第二點", "第三點"]
    # The sample opens on its mind map: pasted lines are imported under the central topic,
    # laid out in the same step.
    assert window.document.session.undo_label() == "import"
    window.undo_action.trigger()
    assert {n.id for n in window.scene.board.live_notes()} == before


def test_copy_paste_keeps_kind_and_author(qtbot, window) -> None:
    item = note_item(window, "PO 多為兼任，業務單位很忙")
    window.scene.clearSelection()
    item.setSelected(True)
    window.copy_selected()
    window.paste()
    copies = [n for n in window.scene.board.live_notes() if n.text == item.note.text]
    assert len(copies) == 2 and {(n.kind, n.author) for n in copies} == {("problem", "王素琴")}


def test_delete_and_restore_from_the_deleted_list(qtbot, window, answer_dialogs) -> None:
    item = note_item(window, "擔心只是被指派來開會")
    nid = item.note.id
    window.scene.clearSelection()
    item.setSelected(True)
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert nid not in window.scene.notes and window.document.workshop.note(nid).deleted
    from pofacil.ui.dialogs import DeletedNotesDialog

    dialog = DeletedNotesDialog(window.document, window.scene.board_id, window)
    assert dialog.list.count() == 1 and "李美玲" in dialog.list.item(0).text()
    dialog.list.item(0).setSelected(True)
    dialog.restore.click()
    assert nid in window.scene.notes and dialog.list.count() == 0


def test_drawing_a_link_from_the_handle(qtbot, window) -> None:
    a, b = (
        note_item(window, "PO 多為兼任，業務單位很忙"),
        note_item(window, "各部會 PO 人數與層級不一"),
    )
    window.scene.clearSelection()
    a.setSelected(True)
    handle = window.view.mapFromScene(a.pos() + QPointF(a.note.w, a.note.h / 2))
    target = window.view.mapFromScene(b.sceneBoundingRect().center())
    viewport = window.view.viewport()
    links = len(window.scene.links)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=handle)
    qtbot.mouseMove(viewport, (handle + target) / 2)
    qtbot.mouseMove(viewport, target)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=target)
    assert len(window.scene.links) == links + 1
    assert (a.note.x, a.note.y) == (
        window.document.workshop.note(a.note.id).x,
        window.document.workshop.note(a.note.id).y,
    )


def test_double_click_on_empty_canvas_creates_and_edits(qtbot, window) -> None:
    spot = window.view.mapFromScene(QPointF(-400, -400))
    window.view.centerOn(QPointF(-400, -400))
    spot = window.view.mapFromScene(QPointF(-400, -400))
    before = len(window.scene.notes)
    qtbot.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert len(window.scene.notes) == before + 1
    new = next(i for i in window.scene.notes.values() if i.editor is not None)
    type_chinese(new.editor, "新點子", window.scene)
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert window.document.workshop.note(new.note.id).text == "新點子"


def test_projector_mode_toggles(qtbot, window) -> None:
    window.view.set_zoom(0.5)
    qtbot.keyClick(window.view, Qt.Key.Key_F5)
    assert window.view.projector and window.projector_action.isChecked()
    assert not window.menuBar().isVisible() and not window.kind_palette.isVisible()
    assert window.capture.isVisible(), "the scribe can still capture"
    px = readable_px(window.view.height())
    assert all(i.min_text_px == px for i in window.scene.notes.values())
    window.view.zoom_by(0.1)
    assert window.view.scale_factor() < 0.5, "zoom works in projector mode"
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert not window.view.projector and window.menuBar().isVisible()
    assert all(i.min_text_px == 0 for i in window.scene.notes.values())


def test_find_highlights_and_steps(qtbot, window) -> None:
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.edit, "PO")
    hits = [i for i in window.scene.notes.values() if i.highlighted]
    assert len(hits) == sum("PO" in n.text for n in window.scene.board.live_notes()) == 6
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    first = window.scene.selectedItems()
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    assert window.scene.selectedItems() != first and len(window.scene.selectedItems()) == 1


def test_zoom_and_fit_shortcuts(qtbot, window) -> None:
    start = window.view.scale_factor()
    qtbot.keyClick(window.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.view.scale_factor() > start
    qtbot.keyClick(window.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.view.scale_factor() < start
    qtbot.keyClick(window.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert visible.contains(window.scene.itemsBoundingRect())


def test_boards_as_tabs(qtbot, window, monkeypatch) -> None:
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "全體分享心智圖",
        "議題脈絡分析表",
        "第一組：PO制度",
    ]
    window.tabs.setCurrentIndex(1)
    assert window.scene.board.name == "議題脈絡分析表" and len(window.scene.notes) == 15
    window.tabs.moveTab(1, 0)
    assert next(b.name for b in window.document.workshop.ordered_boards()) == "議題脈絡分析表"
    window.document.apply(ops.rename_board, window.scene.board_id, "脈絡表")
    assert window.tabs.tabText(window.tabs.currentIndex()) == "脈絡表"
    window._tab_close(window.tabs.currentIndex())
    assert window.tabs.count() == 2
    window.undo_action.trigger()
    assert window.tabs.count() == 3


def test_resize_from_the_corner_is_one_step(qtbot, window) -> None:
    item = note_item(window, "PO 角色")
    window.scene.clearSelection()
    item.setSelected(True)
    corner = window.view.mapFromScene(item.pos() + QPointF(item.note.w - 3, item.note.h - 3))
    viewport = window.view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=corner)
    qtbot.mouseMove(viewport, corner + QPoint(20, 10))
    qtbot.mouseMove(viewport, corner + QPoint(60, 40))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=corner + QPoint(60, 40))
    note = window.document.workshop.note(item.note.id)
    scale = window.view.scale_factor()
    assert abs(note.w - 160 - 60 / scale) < 3 and abs(note.h - 100 - 40 / scale) < 3
    assert (note.x, note.y) == (item.pos().x(), item.pos().y())
    assert window.document.session.undo_label() == "resize"


def test_palette_sets_the_kind_of_the_selection_and_of_new_notes(qtbot, window) -> None:
    item = note_item(window, "PO 角色")
    window.scene.clearSelection()
    item.setSelected(True)
    qtbot.mouseClick(window.kind_palette.buttons["vision"], Qt.MouseButton.LeftButton)
    assert window.document.workshop.note(item.note.id).kind == "vision"
    window.scene.clearSelection()
    window.capture_note("", "願景一則")
    assert next(n for n in window.scene.board.live_notes() if n.text == "願景一則").kind == "vision"


def test_dragging_out_of_a_frame_leaves_the_group(qtbot, window) -> None:
    a, b, c = (note_item(window, t) for t in ("PO 制度", "PO 角色", "PO 的角色與未來"))
    window.document.apply(ops.cluster_notes, [a.note.id, b.note.id], "兩則")
    next_turn()
    window.scene.clearSelection()
    drag(qtbot, window.view, b, QPoint(0, 260))
    assert window.document.workshop.note(b.note.id).cluster is None
    assert next(iter(window.scene.clusters.values())).count == 1
    assert window.document.session.undo_label() == "move", "move and leave are one step"
    assert c.note.cluster is None


def test_deleting_a_selected_link(qtbot, window) -> None:
    link = next(iter(window.scene.links.values()))
    window.scene.clearSelection()
    link.setSelected(True)
    count = len(window.scene.links)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert len(window.scene.links) == count - 1 and link.link.id not in window.scene.board.links


def test_select_all_full_screen_and_recent_files(qtbot, window) -> None:
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(window.scene.selected_note_ids()) == len(window.scene.notes)
    qtbot.keyClick(window.view, Qt.Key.Key_F11)
    assert window.isFullScreen()
    qtbot.keyClick(window.view, Qt.Key.Key_F11)
    assert not window.isFullScreen()
    recent = [a.text() for a in window.recent_menu.actions()]
    assert recent[0] == str(window.document.path)
