"""Small windows around the board: the kind palette, preferences, deleted notes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pofacil.board import ops
from pofacil.board.model.kinds import KINDS
from pofacil.board.session import actor_name

from . import i18n
from .actor_bar import remember_actor, stored_actor
from .document import Document


class PaletteDock(QDockWidget):
    """The note kinds with their colors: a legend, and a click sets the kind."""

    kind_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Kinds"), parent)
        self.setObjectName("palette")
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        language = i18n.data_language()
        self.buttons: dict[str, QPushButton] = {}
        for kind in KINDS:
            button = QPushButton(kind.zh if language == "zh" else kind.en)
            button.setToolTip(self.tr("Set the kind of the selected notes and of new notes"))
            button.setStyleSheet(
                f"QPushButton {{ background: {kind.color}; color: #111; border: 1px solid #888;"
                f" border-radius: 4px; padding: 6px 10px; text-align: left; font-size: 15px; }}"
                f"QPushButton:checked {{ border: 3px solid #1C3FAA; }}"
            )
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, k=kind.id: self._choose(k))
            layout.addWidget(button)
            self.buttons[kind.id] = button
        layout.addStretch(1)
        self.setWidget(body)
        self._choose("idea", emit=False)

    def _choose(self, kind: str, emit: bool = True) -> None:
        for kid, button in self.buttons.items():
            button.setChecked(kid == kind)
        if emit:
            self.kind_chosen.emit(kind)

    @staticmethod
    def icon_for(kind_id: str) -> QIcon:
        color = next(k.color for k in KINDS if k.id == kind_id)
        pixmap = QPixmap(16, 16)
        pixmap.fill(QColor(color))
        return QIcon(pixmap)


class PreferencesDialog(QDialog):
    """The UI language; it takes effect the next time pofacil starts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        form = QFormLayout(self)
        self.language = QComboBox()
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(list(i18n.LANGUAGES).index(i18n.current_language()))
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(QLabel(self.tr("The new language is used the next time pofacil starts.")))
        self.actor = QLineEdit(stored_actor(None) or "")
        self.actor.setMaxLength(80)
        form.addRow(self.tr("Your name in the history:"), self.actor)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        i18n.set_language(self.language.currentData())
        name = actor_name(self.actor.text())
        if name:
            remember_actor(name)
        super().accept()


class DeletedNotesDialog(QDialog):
    """Notes removed from this board, newest first, with who said them; restore any of them."""

    def __init__(self, document: Document, board_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.board_id = board_id
        self.setWindowTitle(self.tr("Deleted notes"))
        self.resize(480, 360)
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore = buttons.addButton(self.tr("Restore"), QDialogButtonBox.ButtonRole.ActionRole)
        self.restore.clicked.connect(self._restore)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._fill()

    def _fill(self) -> None:
        self.list.clear()
        board = self.document.workshop.board(self.board_id)
        for note in sorted(board.deleted_notes(), key=lambda n: n.updated, reverse=True):
            who = f" — {note.author}" if note.author else ""
            item = QListWidgetItem(f"{note.text}{who}  ({note.updated[:16].replace('T', ' ')})")
            item.setData(Qt.ItemDataRole.UserRole, note.id)
            self.list.addItem(item)
        self.restore.setEnabled(self.list.count() > 0)

    def _restore(self) -> None:
        ids = [i.data(Qt.ItemDataRole.UserRole) for i in self.list.selectedItems()]
        if ids:
            self.document.apply(ops.restore_notes, ids)
            self._fill()
