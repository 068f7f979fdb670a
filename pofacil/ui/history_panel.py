"""The history in the window: a panel for the board (View > History) and one note's versions
(right-click > History…) with "Restore this text" as one undoable step.

The facilitator's tools: unlike the exports, they show what was removed and by whom.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pofacil.board import ops
from pofacil.board.formats.history_text import Names, history_lines
from pofacil.board.model.errors import PofacilError

from . import i18n
from .document import Document, translate_error


def _lines(document: Document, board: str | None = None, note: str | None = None) -> list[str]:
    """The sentences for one note, or for one board with the workshop's own steps (its
    details, the board order), which belong to no board."""
    language = i18n.data_language()
    if note is not None:
        entries = document.session.history(entity=note)
    else:
        entries = [e for e in document.session.history() if e.board in (None, board)]
    return [x.text for x in history_lines(entries, Names.of(document.workshop, language), language)]


class HistoryPanel(QDockWidget):
    """Every step on the current board as a sentence, newest at the bottom."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("History"), parent)
        self.setObjectName("historyPanel")
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)  # wrapped sentences: where one step ends
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setWidget(self.list)
        self.document: Document | None = None
        self.board: str | None = None

    def show_board(self, document: Document | None, board: str | None) -> None:
        self.document, self.board = document, board
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        if self.document is None:
            return
        try:
            lines = _lines(self.document, board=self.board)
        except PofacilError as exc:  # a damaged history line: say so, in the panel
            lines = [translate_error(exc)]
        for text in lines:
            item = QListWidgetItem(text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # plain text, nothing to edit
            self.list.addItem(item)
        self.list.scrollToBottom()

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)


class NoteHistoryDialog(QDialog):
    """One note's steps, and each text it has had: pick one and restore it."""

    def __init__(self, document: Document, note_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.note_id = note_id
        self.setWindowTitle(self.tr("History of a note"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        self.steps = QListWidget()
        self.steps.setWordWrap(True)
        self.steps.setAlternatingRowColors(True)
        layout.addWidget(self.steps, 2)
        layout.addWidget(QLabel(self.tr("Texts this note has had:")))
        self.versions = QListWidget()
        self.versions.setWordWrap(True)
        layout.addWidget(self.versions, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore = buttons.addButton(
            self.tr("Restore this text"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.restore.clicked.connect(self._restore)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.versions.currentRowChanged.connect(self._update)
        self._fill()

    def _fill(self) -> None:
        self.steps.clear()
        self.versions.clear()
        for text in _lines(self.document, note=self.note_id):
            self.steps.addItem(text)
        current = self.document.workshop.note(self.note_id).text
        for text in self.texts():
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, text)
            if text == current:
                item.setText(text + self.tr(" (now)"))
            self.versions.addItem(item)
        self._update()

    def texts(self) -> list[str]:
        """Every text the note has had in steps still in force, oldest first, once each."""
        seen: dict[str, None] = {}
        for entry in self.document.session.history(entity=self.note_id):
            if entry.state != "done":
                continue
            for patch in entry.patches:
                if patch.id != self.note_id:
                    continue
                for row in (patch.before, patch.after):
                    if row and isinstance(row.get("text"), str):
                        seen.setdefault(row["text"], None)
        return list(seen)

    def _update(self) -> None:
        item = self.versions.currentItem()
        current = self.document.workshop.note(self.note_id).text
        self.restore.setEnabled(
            item is not None
            and item.data(Qt.ItemDataRole.UserRole) != current
            and not self.document.session.read_only
        )

    def _restore(self) -> None:
        item = self.versions.currentItem()
        if item is None:
            return
        if self.document.apply(ops.edit_text, self.note_id, item.data(Qt.ItemDataRole.UserRole)):
            self._fill()
