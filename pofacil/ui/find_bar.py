"""Find: a bar above the board that marks the notes holding a text, and steps through them.

It searches the board on screen; switching boards runs the search again there (a count from
the board left behind would describe nothing in view). The match it is on is drawn apart
from the other matches, and Esc closes the bar.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QToolButton, QWidget

from .items import NoteItem
from .scene import BoardScene


class _FindEdit(QLineEdit):
    escaped = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    """The find bar; ``scene_of`` gives the scene shown now, ``show`` centers a match."""

    closed = Signal()

    def __init__(
        self,
        scene_of: Callable[[], BoardScene | None],
        show: Callable[[NoteItem], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._scene_of = scene_of
        self._show = show
        self.matches: list[NoteItem] = []
        self.index = -1
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        self.edit = _FindEdit()
        self.edit.setPlaceholderText(self.tr("Find notes"))
        self.edit.textChanged.connect(self.run)
        self.edit.returnPressed.connect(self.next)
        self.edit.escaped.connect(self.close_bar)
        self.count = QLabel()
        next_button = QPushButton(self.tr("Next"))
        next_button.clicked.connect(self.next)
        close = QToolButton()
        close.setText("×")
        close.setToolTip(self.tr("Close (Esc)"))
        close.clicked.connect(self.close_bar)
        layout.addWidget(QLabel(self.tr("Find:")))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        layout.addWidget(next_button)
        layout.addWidget(close)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.edit.clear()  # clears the marks through run("")
        self.hide()
        self.closed.emit()

    def rerun(self) -> None:
        """Search the board now shown (after a board switch or a change)."""
        if self.isVisible() or self.matches:
            self.run(self.edit.text())

    def run(self, text: str) -> None:
        scene = self._scene_of()
        for item in self.matches:
            if shiboken6.isValid(item):  # a board left behind has deleted its items
                item.highlighted = item.current_match = False
                item.update()
        self.matches, self.index = [], -1
        wanted = text.strip().casefold()
        if scene is not None and wanted:
            for item in scene.notes.values():
                note = item.note
                if wanted in note.text.casefold() or wanted in note.author.casefold():
                    item.highlighted = True
                    item.update()
                    self.matches.append(item)
            self.matches.sort(key=lambda i: (i.y(), i.x()))
        self.count.setText(
            self.tr("%1 found").replace("%1", str(len(self.matches))) if wanted else ""
        )

    def next(self) -> None:
        if not self.matches:
            return
        if 0 <= self.index < len(self.matches):
            self.matches[self.index].current_match = False
            self.matches[self.index].update()
        self.index = (self.index + 1) % len(self.matches)
        item = self.matches[self.index]
        item.current_match = True
        item.update()
        self.count.setText(
            self.tr("%1 of %2")
            .replace("%1", str(self.index + 1))
            .replace("%2", str(len(self.matches)))
        )
        self._show(item)
