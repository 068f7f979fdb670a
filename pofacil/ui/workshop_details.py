"""File > Workshop details…: title, date, venue and facilitator, as one undoable step.

They head every export, so they are kept with the workshop, not in the app's settings.
"""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from pofacil.board import ops
from pofacil.board.model.errors import PofacilError

from .document import Document, translate_error


class WorkshopDetailsDialog(QDialog):
    """The four details; OK makes one step of whatever changed, a bad date is told here."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWindowTitle(self.tr("Workshop details"))
        self.resize(460, 0)
        info = document.workshop.info
        form = QFormLayout(self)
        self.title = QLineEdit(info.title)
        self.date = QLineEdit(info.date)
        self.date.setPlaceholderText(QDate.currentDate().toString("yyyy-MM-dd"))
        self.venue = QLineEdit(info.venue)
        self.facilitator = QLineEdit(info.facilitator)
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("Date (YYYY-MM-DD):"), self.date)
        form.addRow(self.tr("Venue:"), self.venue)
        form.addRow(self.tr("Facilitator:"), self.facilitator)
        self.message = QLabel()
        self.message.setStyleSheet("color: #C92A2A")
        self.message.setWordWrap(True)
        form.addRow(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        if document.session.read_only:
            buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def accept(self) -> None:
        try:
            change = ops.set_info(
                self.document.workshop,
                title=self.title.text(),
                date=self.date.text(),
                venue=self.venue.text(),
                facilitator=self.facilitator.text(),
            )
        except PofacilError as exc:  # a date that is not one: said beside the fields
            self.message.setText(translate_error(exc))
            return
        if change.patches and self.document.apply(lambda _ws: change) is None:
            return  # refused; the document has said why
        super().accept()
