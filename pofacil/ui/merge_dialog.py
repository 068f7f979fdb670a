"""File > Import boards from another workshop…: a breakout table's boards join this workshop.

The other file is read once, read-only, when it is chosen; the boards ticked are copied as one
undo step, and what came across is told in a message that stays until it is dismissed.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pofacil.board.model import Change
from pofacil.board.model.errors import PofacilError
from pofacil.board.ops.inbox import merged_points
from pofacil.board.ops.merge import Merge, merge_boards
from pofacil.board.storage.other_file import OtherWorkshop, read_other

from .document import Document, translate_error
from .plain_text import plain_label, show_message

log = logging.getLogger(__name__)


def _fill(template: str, *values: object) -> str:
    """Qt's %1, %2… filled in one pass, so a board named "%2" stays as it was typed."""
    return re.sub(r"%(\d)", lambda m: str(values[int(m.group(1)) - 1]), template)


class MergeDialog(QDialog):
    """Choose a workshop file, tick its boards, import them."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.source: Path | None = None
        self.other: OtherWorkshop | None = None
        self.merged: Change | None = None
        self.setWindowTitle(self.tr("Import boards from another workshop"))
        self.resize(520, 420)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        self.path.setPlaceholderText(self.tr("No workshop file chosen"))
        choose = QPushButton(self.tr("Choose a file…"))
        choose.clicked.connect(self.choose_file)
        row.addWidget(self.path, 1)
        row.addWidget(choose)
        layout.addLayout(row)
        self.select_all = QCheckBox(self.tr("Select all"))
        self.select_all.setTristate(True)
        self.select_all.clicked.connect(self._toggle_all)
        layout.addWidget(self.select_all)
        self.boards = QListWidget()
        self.boards.itemChanged.connect(self._update)
        layout.addWidget(self.boards, 1)
        self.left_out = plain_label()
        self.left_out.setWordWrap(True)
        layout.addWidget(self.left_out)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setDefault(True)
        buttons.accepted.connect(self.import_boards)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update()

    def choose_file(self) -> bool:
        """Ask for a workshop file and list its boards; False when none was chosen or read."""
        folder = str(self.source.parent if self.source else self.document.path.parent)
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import boards from"), folder, self.tr("Workshops (*.pofacil)")
        )
        return bool(path) and self.load(Path(path))

    def load(self, path: Path) -> bool:
        """Read ``path`` read-only and list its boards, all ticked; False after telling why not."""
        try:
            other = read_other(path, self.document.path)
        except PofacilError as exc:
            log.info("cannot import boards from %s: %s", path, exc)
            show_message(self, self.tr("Cannot import from this file"), translate_error(exc))
            return False
        self.source, self.other = path, other
        self.path.setText(str(path))
        self.boards.blockSignals(True)
        self.boards.clear()
        for board in other.workshop.ordered_boards():
            count = len(board.live_notes())
            text = self.tr("%1 (1 note)") if count == 1 else self.tr("%1 (%2 notes)")
            item = QListWidgetItem(_fill(text, board.name, count))
            item.setData(Qt.ItemDataRole.UserRole, board.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.boards.addItem(item)
        self.boards.blockSignals(False)
        if self.boards.count():
            self.boards.setCurrentRow(0)
        self._update()
        return True

    def _items(self) -> list[QListWidgetItem]:
        return [self.boards.item(i) for i in range(self.boards.count())]

    def chosen(self) -> list[str]:
        """The ids of the ticked boards, in their order."""
        return [
            item.data(Qt.ItemDataRole.UserRole)
            for item in self._items()
            if item.checkState() == Qt.CheckState.Checked
        ]

    def _toggle_all(self) -> None:
        # A click on a partly ticked box ticks everything, like a file manager's.
        everything = len(self.chosen()) < self.boards.count()
        state = Qt.CheckState.Checked if everything else Qt.CheckState.Unchecked
        self.boards.blockSignals(True)
        for item in self._items():
            item.setCheckState(state)
        self.boards.blockSignals(False)
        self._update()

    def _update(self) -> None:
        chosen, total = len(self.chosen()), self.boards.count()
        if chosen == 0:
            state = Qt.CheckState.Unchecked
        elif chosen == total:
            state = Qt.CheckState.Checked
        else:
            state = Qt.CheckState.PartiallyChecked
        self.select_all.setCheckState(state)
        self.select_all.setEnabled(total > 0)
        self.import_button.setEnabled(chosen > 0)
        boards = self.other.workshop.boards if self.other is not None else {}
        deleted = sum(len(boards[i].deleted_notes()) for i in self.chosen())
        self.left_out.setText(
            _fill(self.tr("%1 deleted notes on these boards are left out."), deleted)
            if deleted
            else ""
        )

    def import_boards(self) -> None:
        """Copy the ticked boards as one step and say what came across."""
        if self.other is None or self.source is None or not self.chosen():
            return
        try:
            merge = merge_boards(
                self.document.workshop, self.other.workshop, self.source.name, self.chosen()
            )
        except PofacilError as exc:
            show_message(self, self.tr("Cannot import these boards"), translate_error(exc))
            return
        refused: list[str] = []
        self.document.failed.connect(refused.append)
        try:
            change = self.document.apply(lambda _ws: merge.change)
        finally:
            self.document.failed.disconnect(refused.append)
        if change is None:
            show_message(self, self.tr("Cannot import these boards"), "\n".join(refused))
            return
        self.merged = change
        # The room's points of those boards come along, as history lines of the room.
        try:
            self.document.session.record_points(merged_points(self.other.points, merge.board_ids))
        except PofacilError as exc:
            show_message(self, self.tr("Cannot import these boards"), translate_error(exc))
        log.info("merged %d boards from %s", len(merge.boards), self.source)
        show_message(
            self,
            self.tr("Boards imported"),
            self.report(merge),
            QMessageBox.Icon.Information,
        )
        self.accept()

    def report(self, merge: Merge) -> str:
        """What came across: boards, notes, renamed boards, what was left out."""
        assert self.source is not None and self.other is not None
        lines = [
            _fill(
                self.tr("Imported %1 board(s) with %2 note(s) from %3:"),
                len(merge.boards),
                merge.notes,
                self.source.name,
            )
        ]
        for board in merge.boards:
            if board.renamed:
                line = self.tr("• %1, renamed %2 because that name was taken")
                lines.append(_fill(line, board.source, board.name))
            else:
                lines.append(f"• {board.name}")
        if merge.left_out:
            lines.append(_fill(self.tr("%1 deleted note(s) were left out."), merge.left_out))
        if self.other.damaged is not None:
            lines.append(translate_error(self.other.damaged))
        lines.append(self.tr("Undo (Ctrl+Z) removes all of them in one step."))
        points = sum(p.board in merge.board_ids for p in self.other.points)
        if points:
            line = self.tr(
                "%1 point(s) of its room's inbox came along (waiting or set aside); "
                "they stay in the inbox when the boards are undone."
            )
            lines.append(_fill(line, points))
        return "\n".join(lines)
