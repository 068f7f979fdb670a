"""What the templates add to the window: table rows and labels, heat, breakouts, sorting notes
across boards, needs from hopes and fears, and mind-map branches with Tab and Enter."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from pofacil.board.model import Board, Workshop, new_id
from pofacil.board.model.errors import PofacilError
from pofacil.board.model.templates import can_add_rows, layout_of
from pofacil.board.ops import boards as board_ops
from pofacil.board.ops.breakout import cell_name
from pofacil.board.storage.user_templates import save_user_template

from . import i18n
from .document import translate_error
from .items import NoteItem
from .plain_text import no_mnemonic, show_message

if TYPE_CHECKING:
    from .main_window import MainWindow


def cell_label(board: Board, cell_id: str) -> str:
    cell = board.cell(cell_id)
    return cell_id if cell is None else cell_name(cell, i18n.data_language())


def _filled(text: str, *values: str) -> str:
    """``text`` with %1, %2... replaced in one pass: a board name holding "%2" stays as is."""
    return re.sub(r"%(\d)", lambda m: values[int(m.group(1)) - 1], text)


class CellPicker(QDialog):
    """Choose cells to send to the afternoon's breakouts, busiest first: the busiest cells
    show where people care most, and they are the ones a facilitator sends."""

    def __init__(self, board: Board, counts: dict[str, int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Send to breakout"))
        layout = QVBoxLayout(self)
        self.select_all = QCheckBox(self.tr("Select &all"))
        self.select_all.clicked.connect(self._toggle_all)
        layout.addWidget(self.select_all)
        self.list = QListWidget()
        # sorted() is stable: cells with as many notes keep the grid's order.
        for cell in sorted(board.cells, key=lambda c: -counts.get(c.id, 0)):
            count = counts.get(cell.id, 0)
            item = QListWidgetItem(
                _filled(self.tr("%1 (%2 notes)"), cell_label(board, cell.id), str(count))
            )
            item.setData(Qt.ItemDataRole.UserRole, cell.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.itemChanged.connect(self._sync_select_all)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def _toggle_all(self) -> None:
        """Check every cell, or uncheck them all when all are checked already."""
        items = self._items()
        state = (
            Qt.CheckState.Unchecked
            if all(i.checkState() == Qt.CheckState.Checked for i in items)
            else Qt.CheckState.Checked
        )
        self.list.blockSignals(True)
        for item in items:
            item.setCheckState(state)
        self.list.blockSignals(False)
        self._sync_select_all()

    def _sync_select_all(self) -> None:
        checked = len(self.chosen())
        self.select_all.setCheckState(
            Qt.CheckState.Unchecked
            if not checked
            else Qt.CheckState.Checked
            if checked == self.list.count()
            else Qt.CheckState.PartiallyChecked
        )

    def chosen(self) -> list[str]:
        return [
            item.data(Qt.ItemDataRole.UserRole)
            for item in self._items()
            if item.checkState() == Qt.CheckState.Checked
        ]

    def accept(self) -> None:
        """OK with no cell checked says so and keeps the list open."""
        if not self.chosen():
            show_message(
                self,
                self.tr("Send to breakout"),
                self.tr("Check at least one cell to send to a breakout."),
                QMessageBox.Icon.Information,
            )
            return
        super().accept()


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
        """Pick cells, make their sheets in one step, open the first, and say what was made
        in a box that stays until it is closed: the room reads it off the projector."""
        window, board = self.window, self._board()
        doc = window.document
        if board is None or doc is None or window.scene is None or window.scene.geometry is None:
            return
        picker = CellPicker(board, window.scene.geometry.counts, window)
        if picker.exec() != QDialog.DialogCode.Accepted:
            return
        chosen = picker.chosen()
        language = i18n.data_language()
        try:
            change = board_ops.send_to_breakout(doc.workshop, board.id, chosen, language)
        except PofacilError as exc:
            show_message(window, self.tr("Cannot send to breakout"), translate_error(exc))
            return
        # Built above so that a refusal gets the box; the document only applies it.
        if doc.apply(lambda _ws: change) is None:
            return
        tabs = window.tabs
        sheets = [tabs.tabData(i) for i in range(tabs.count())]
        if change.subjects[0] in sheets:
            tabs.setCurrentIndex(sheets.index(change.subjects[0]))
        show_message(
            window,
            self.tr("Sent to breakout"),
            self._breakout_summary(doc.workshop, board, chosen, change.subjects),
            QMessageBox.Icon.Information,
        )

    def _breakout_summary(
        self, workshop: Workshop, table: Board, cells: list[str], sheets: list[str]
    ) -> str:
        """Which boards were made, with how many notes, and which names took a number."""
        lines = [self.tr("Breakout boards made: %1").replace("%1", str(len(sheets)))]
        for cell_id, sheet_id in zip(cells, sheets, strict=True):
            sheet = workshop.board(sheet_id)
            count = str(len(sheet.live_notes()))
            wanted = cell_label(table, cell_id)
            if sheet.name == wanted:
                line = self.tr("• %1: %2 notes")
            else:
                line = self.tr("• %1: %2 notes (a board named %3 exists, so a number was added)")
            lines.append(_filled(line, sheet.name, count, wanted))
        lines += [
            "",
            self.tr(
                "Each sheet starts with three empty rows. The cell's notes wait in a reference "
                "area to its right: drag them into the rows."
            ),
        ]
        return "\n".join(lines)

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
        # The fold closes its gap on that side; an unfold makes room as a new note does. One step.
        room = board_ops.lay_out_side if fold else board_ops.lay_out_growth
        doc.apply_all(
            "collapse" if fold else "expand",
            lambda ws: board_ops.set_collapsed(ws, ids, fold),
            *(lambda ws, n=n: room(ws, board.id, n) for n in ids),
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
            lambda ws: board_ops.lay_out_growth(ws, board.id, new, fresh=not sibling),
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
