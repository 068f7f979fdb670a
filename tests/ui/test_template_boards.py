"""Template boards in the window: table cells as drop zones, heat, mind-map keys (breakouts:
test_breakout_dialog)."""

from PySide6.QtCore import QPointF, Qt

from pofacil.board.ops import boards as board_ops
from pofacil.ui.items import NoteItem

from .test_board_window import drag, next_turn, note_item


def show_board(window, name: str) -> None:
    names = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    window.tabs.setCurrentIndex(names.index(name))
    assert window.scene.board.name == name


def test_table_notes_sit_in_their_cells_and_a_drop_moves_them(qtbot, window) -> None:
    show_board(window, "議題脈絡分析表")
    geo = window.scene.geometry
    assert geo is not None and window.scene.grid_item is not None
    for item in window.scene.notes.values():
        assert geo.cell_at(item.pos().x() + 5, item.pos().y() + 5) == item.note.cell
    item = note_item(window, "提點子平台的附議常被忽略")
    target = geo.cells["role/future"]
    drop_at = QPointF(target.x + target.w / 2, target.y + target.h - 20)
    drag(
        qtbot,
        window.view,
        item,
        window.view.mapFromScene(drop_at)
        - window.view.mapFromScene(item.sceneBoundingRect().center()),
    )
    note = window.document.workshop.note(item.note.id)
    assert note.cell == "role/future"
    geo = window.scene.geometry
    assert geo.counts["role/future"] == 3 and geo.counts["public/now"] == 0
    assert geo.cell_at(item.pos().x() + 5, item.pos().y() + 5) == "role/future", "snapped in"
    window.undo_action.trigger()
    assert window.document.workshop.note(item.note.id).cell == "public/now"


def test_dropping_on_a_concept_sheet_column_takes_its_kind(qtbot, window) -> None:
    show_board(window, "第一組：PO制度")
    item = note_item(window, "案例分散在各部會")
    assert item.note.kind == "obstacle"
    target = window.scene.geometry.cells["r3/vision"]
    drag(
        qtbot,
        window.view,
        item,
        window.view.mapFromScene(QPointF(target.x + 40, target.y + 40))
        - window.view.mapFromScene(item.sceneBoundingRect().center()),
    )
    note = window.document.workshop.note(item.note.id)
    assert (note.cell, note.kind) == ("r3/vision", "vision")
    rows = len(window.scene.geometry.rows)
    window.board_actions.add_row_action.trigger()
    next_turn()
    assert len(window.scene.geometry.rows) == rows + 1


def test_capture_into_the_cell_of_the_selected_note(qtbot, window) -> None:
    show_board(window, "議題脈絡分析表")
    window.scene.clearSelection()
    note_item(window, "會前需要業務單位一起準備").setSelected(True)
    window.capture_note("黃建國", "希望有範本可用")
    new = next(n for n in window.scene.board.live_notes() if n.text == "希望有範本可用")
    assert new.cell == "ministry/future" and new.author == "黃建國"


def test_double_click_in_an_empty_cell_adds_a_note_there(qtbot, window) -> None:
    show_board(window, "第一組：PO制度")
    cell = window.scene.geometry.cells["r3/solution"]
    spot = window.view.mapFromScene(QPointF(cell.x + cell.w / 2, cell.y + cell.h / 2))
    qtbot.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    new = next(i for i in window.scene.notes.values() if i.editor is not None)
    assert (new.note.cell, new.note.kind) == ("r3/solution", "solution")


def test_heat_map_and_counts(qtbot, window) -> None:
    show_board(window, "議題脈絡分析表")
    plain = window.view.viewport().grab().toImage()
    window.board_actions.heat_action.trigger()
    assert window.scene.grid_item.heat
    heated = window.view.viewport().grab().toImage()
    assert plain != heated
    assert window.scene.geometry.counts["system/now"] == 3


def test_tab_and_enter_grow_the_mind_map_in_one_step(qtbot, window) -> None:
    show_board(window, "全體分享心智圖")
    root = note_item(window, "PO 制度")
    window.scene.clearSelection()
    root.setSelected(True)
    window.view.setFocus()
    history = len(window.document.session.history())
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    child = next(i for i in window.scene.notes.values() if i.editor is not None)
    assert child.note.text == "新想法" or child.note.text == "New idea"
    board = window.scene.board
    assert child.note.id in board.children(root.note.id)
    assert len(window.document.session.history()) == history + 1, "add and lay out: one step"
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    window.scene.clearSelection()
    child.setSelected(True)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    sibling = next(i for i in window.scene.notes.values() if i.editor is not None)
    assert sibling.note.id in board.children(root.note.id)
    rects = [
        i.sceneBoundingRect().adjusted(14, 20, -14, -14)
        for i in window.scene.notes.values()
        if i.note.id in board.children(root.note.id)
    ]
    assert not any(a.intersects(b) for n, a in enumerate(rects) for b in rects[n + 1 :])
    window.undo_action.trigger()
    assert sibling.note.id not in window.scene.notes


def test_folding_a_branch_hides_it(qtbot, window, monkeypatch) -> None:
    show_board(window, "全體分享心智圖")
    branch = note_item(window, "PO 角色")
    kids = window.scene.board.children(branch.note.id)
    window.document.apply(board_ops.set_collapsed, [branch.note.id], True)
    next_turn()
    assert all(not window.scene.notes[k].isVisible() for k in kids)
    assert branch.hidden_below == 3
    window.view.viewport().grab()
    painted: list[NoteItem] = []
    words = NoteItem.paint_words
    monkeypatch.setattr(
        NoteItem, "paint_words", lambda item, *a: (painted.append(item), words(item, *a))
    )
    window.undo_action.trigger()
    next_turn()
    assert all(window.scene.notes[k].isVisible() for k in kids) and branch.hidden_below == 0
    window.view.viewport().grab()
    assert branch in painted, 'unfolded, the note is drawn again, without its "+3" badge'


def test_copy_a_mind_map_note_into_the_table(qtbot, window) -> None:
    show_board(window, "全體分享心智圖")
    item = note_item(window, "擔心只是被指派來開會")
    window.scene.clearSelection()
    item.setSelected(True)
    table = window.document.workshop.find_board("議題脈絡分析表")
    window.board_actions.copy_to(table.id, "role/future")
    copy = next(n for n in table.live_notes() if n.origin == item.note.id)
    assert (copy.author, copy.cell) == ("李美玲", "role/future")
    assert not window.document.workshop.note(item.note.id).deleted
