"""What the templates add to the window: table rows and labels, heat, breakouts, sorting notes
across boards, needs from hopes and fears, and mind-map branches with Tab and Enter."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from pofacil.board.model import Board, new_id
from pofacil.board.model.errors import PofacilError
from pofacil.board.model.templates import can_add_rows, layout_of
from pofacil.board.ops import boards as board_ops
from pofacil.board.storage.user_templates import save_user_template

from . import i18n
from .document import translate_error
from .items import NoteItem
from .plain_text import no_mnemonic, show_message

if TYPE_CHECKING:
    from .main_window import MainWindow


def cell_label(board: Board, cell_id: str) -> str:
    cell = board.cell(cell_id)
    if cell is None:
        return cell_id
    if i18n.data_language() == "zh":
        return f"{cell.row}／{cell.column}"
    return f"{cell.row_en or cell.row} / {cell.column_en or cell.column}"


class CellPicker(QDialog):
    """Choose cells, busiest first, to send to the afternoon's breakouts."""

    def __init__(self, board: Board, counts: dict[str, int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Send to breakout"))
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        for cell in sorted(board.cells, key=lambda c: -counts.get(c.id, 0)):
            count = counts.get(cell.id, 0)
            item = QListWidgetItem(
                self.tr("%1 (%2 notes)")
                .replace("%1", cell_label(board, cell.id))
                .replace("%2", str(count))
            )
            item.setData(Qt.ItemDataRole.UserRole, cell.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> list[str]:
        return [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]


class BoardActions(QObject):
    """Installs its actions in the window's Board menu and context menu."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        menu = window.board_menu
        menu.addSeparator()
        self.add_row_action = self._action(menu, self.tr("Add a &row"), self.add_row)
        self.heat_action = self._action(menu, self.tr("&Heat map"), self.toggle_heat, "Ctrl+H")
        self.heat_action.setCheckable(True)
        self.breakout_action = self._action(
            menu, self.tr("Send cells to &breakout…"), self.send_to_breakout
        )
        self.layout_action = self._action(
            menu, self.tr("&Lay out mind map"), self.lay_out, "Ctrl+Shift+L"
        )
        self.template_action = self._action(
            menu, self.tr("Save board as &template…"), self.save_template
        )
        self.need_action = QAction(self.tr("Turn into &need"), window)
        self.need_action.triggered.connect(self.turn_into_need)
        self.fold_action = QAction(self.tr("Collapse or expand branch"), window)
        self.fold_action.setShortcut(QKeySequence("Ctrl+."))
        self.fold_action.triggered.connect(self.toggle_fold)
        window.addAction(self.fold_action)
        window.view.tab_pressed.connect(lambda: self.add_branch(sibling=False))
        window.view.enter_pressed.connect(lambda: self.add_branch(sibling=True))

    def _action(self, menu: QMenu, text: str, slot: Callable[[], object], *keys: str) -> QAction:
        action = QAction(text, self.window)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(slot)
        menu.addAction(action)
        self.window.addAction(action)
        return action

    # -- state -----------------------------------------------------------------------------
    def _board(self) -> Board | None:
        scene = self.window.scene
        return scene.board if scene is not None else None

    def update(self) -> None:
        board = self._board()
        layout = layout_of(board) if board else "free"
        self.add_row_action.setEnabled(board is not None and can_add_rows(board))
        self.heat_action.setEnabled(bool(board and board.cells))
        self.breakout_action.setEnabled(bool(board and board.cells))
        self.layout_action.setEnabled(layout == "mindmap" or bool(board and board.links))
        self.template_action.setEnabled(board is not None)
        notes = self._selected_notes()
        self.need_action.setEnabled(
            bool(notes) and all(n.note.kind in ("hope", "fear") for n in notes)
        )

    def _selected_notes(self) -> list[NoteItem]:
        scene = self.window.scene
        if scene is None:
            return []
        return [i for i in scene.selectedItems() if isinstance(i, NoteItem)]

    def fill_context_menu(self, menu: QMenu) -> None:
        """Copy to another board (and cell), turn into need, fold a branch."""
        window, board = self.window, self._board()
        doc = window.document
        notes = self._selected_notes()
        if doc is None or board is None or not notes:
            return
        copy_menu = menu.addMenu(self.tr("Copy to board"))
        for target in doc.workshop.ordered_boards():
            if target.id == board.id:
                continue
            if target.cells:
                sub = copy_menu.addMenu(no_mnemonic(target.name))
                for cell in target.cells:
                    action = sub.addAction(no_mnemonic(cell_label(target, cell.id)))
                    action.triggered.connect(
                        lambda _=False, b=target.id, c=cell.id: self.copy_to(b, c)
                    )
            else:
                action = copy_menu.addAction(no_mnemonic(target.name))
                action.triggered.connect(lambda _=False, b=target.id: self.copy_to(b, None))
        copy_menu.setEnabled(not copy_menu.isEmpty())
        if self.need_action.isEnabled():
            menu.addAction(self.need_action)
        if any(board.children(n.note.id) for n in notes):
            menu.addAction(self.fold_action)

    # -- actions -----------------------------------------------------------------------------
    def add_row(self) -> None:
        board, doc = self._board(), self.window.document
        if board is not None and doc is not None:
            doc.apply(board_ops.add_row, board.id)

    def toggle_heat(self) -> None:
        if self.window.scene is not None:
            self.window.scene.set_heat(self.heat_action.isChecked())

    def send_to_breakout(self) -> None:
        window, board = self.window, self._board()
        doc = window.document
        if board is None or doc is None or window.scene is None or window.scene.geometry is None:
            return
        picker = CellPicker(board, window.scene.geometry.counts, window)
        if picker.exec() != QDialog.DialogCode.Accepted or not picker.chosen():
            return
        change = doc.apply(
            board_ops.send_to_breakout, board.id, picker.chosen(), i18n.data_language()
        )
        if change is not None:
            window.statusBar().showMessage(
                self.tr("%1 breakout board(s) created.").replace("%1", str(len(change.subjects))),
                6000,
            )

    def lay_out(self) -> None:
        board, doc = self._board(), self.window.document
        if board is not None and doc is not None:
            doc.apply_all("lay out", lambda ws: board_ops.layout_mindmap(ws, board.id))

    def save_template(self) -> None:
        board = self._board()
        if board is None:
            return
        name, ok = QInputDialog.getText(
            self.window,
            self.tr("Save board as template"),
            self.tr("Template name:"),
            QLineEdit.EchoMode.Normal,
            board.name,
        )
        if not ok:
            return
        try:
            save_user_template(board, name)
        except PofacilError as exc:
            show_message(self.window, self.tr("Cannot save the template"), translate_error(exc))
            return
        self.window.statusBar().showMessage(self.tr("Template saved."), 5000)

    def copy_to(self, board_id: str, cell: str | None) -> None:
        doc = self.window.document
        ids = [n.note.id for n in self._selected_notes()]
        if doc is not None and ids:
            doc.apply(board_ops.copy_notes, ids, board_id, cell)

    def turn_into_need(self) -> None:
        doc = self.window.document
        ids = [i.note.id for i in self._selected_notes() if i.note.kind in ("hope", "fear")]
        if doc is not None and ids:
            doc.apply(board_ops.turn_into_need, ids)

    def toggle_fold(self) -> None:
        """Fold the selected branches, or unfold them when all are folded: one step."""
        doc, board = self.window.document, self._board()
        if doc is None or board is None:
            return
        branches = [i.note for i in self._selected_notes() if board.children(i.note.id)]
        if not branches:
            return
        ids = [n.id for n in branches]
        fold = not all(n.collapsed for n in branches)
        if layout_of(board) != "mindmap":
            doc.apply(board_ops.set_collapsed, ids, fold)
            return
        # The fold and closing (or opening) its gap, on that side only: one step.
        doc.apply_all(
            "collapse" if fold else "expand",
            lambda ws: board_ops.set_collapsed(ws, ids, fold),
            *(lambda ws, n=n: board_ops.lay_out_side(ws, board.id, n) for n in ids),
        )

    def add_branch(self, sibling: bool) -> None:
        """Tab: a child of the selected note; Enter: a sibling. Then the tree is tidied and the
        new note opens for typing, all as one undo step."""
        window, board, doc = self.window, self._board(), self.window.document
        notes = self._selected_notes()
        if board is None or doc is None or len(notes) != 1 or layout_of(board) != "mindmap":
            return
        text = self.tr("New idea")
        new = new_id()
        change = doc.apply_all(
            "add branch",
            lambda ws: board_ops.add_branch(ws, notes[0].note.id, text, sibling, new),
            lambda ws: board_ops.lay_out_side(ws, board.id, new, fresh=not sibling),
        )
        scene = window.scene
        if change is not None and scene is not None and change.subjects:
            item = scene.notes.get(change.subjects[0])
            if item is not None:
                scene.clearSelection()
                item.setSelected(True)
                window.view.ensureVisible(item, 60, 60)
                item.start_editing()

    def relabel(self, axis: str, key: str) -> None:
        board, doc = self._board(), self.window.document
        if board is None or doc is None:
            return
        zh = i18n.data_language() == "zh"
        cell = next(
            (
                c
                for c in board.cells
                if (axis == "row" and c.ref.row == key)
                or (axis == "column" and c.ref.column == key)
                or (axis == "group" and c.group == key)
            ),
            None,
        )
        if cell is None:
            return
        current = {
            "row": (cell.row, cell.row_en),
            "column": (cell.column, cell.column_en),
            "group": (cell.group, cell.group_en),
        }[axis]
        text, ok = QInputDialog.getText(
            self.window,
            self.tr("Rename"),
            self.tr("Label:"),
            QLineEdit.EchoMode.Normal,
            current[0] if zh else current[1] or current[0],
        )
        if ok and text.strip():
            if zh:
                doc.apply(board_ops.relabel, board.id, axis, key, text)
            else:
                doc.apply(board_ops.relabel, board.id, axis, key, current[0], text)
