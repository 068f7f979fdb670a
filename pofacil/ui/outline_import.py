"""Files and text lines dropped or pasted onto a board, read as an import: on a mind map they
hang under the central topic and are laid out in the same undo step, and lines that look like
``王素琴: 業務單位很忙`` come with a checkbox to read them as speaker and point."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QCheckBox, QMessageBox, QWidget

from pofacil.board.formats.importers import (
    import_change,
    looks_like_speakers,
    outline_suffix,
    read_text,
    text_import_change,
    with_layout,
)
from pofacil.board.model import Change
from pofacil.board.model.errors import PofacilError

from .document import Document


class OutlineImport(QObject):
    """Asks about speakers when the lines suggest it, then imports as one step."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.parent_widget = parent

    def speakers(self, text: str, source: str) -> bool | None:
        """Whether to read ``name: point`` lines as speakers; None when the user cancels.
        Asked only when a line looks like one: most outlines have none."""
        if not looks_like_speakers(text):
            return False
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Import"),
            self.tr("Some lines of %1 look like “Name: point”.").replace("%1", source),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            self.parent_widget,
        )
        # Held here: a checkbox only the box refers to is freed by Python mid-dialog.
        tick = QCheckBox(self.tr("Read “Name: point” as the speaker and the point"), box)
        box.setCheckBox(tick)
        if box.exec() != QMessageBox.StandardButton.Ok:
            return None
        return tick.isChecked()

    def import_file(
        self, doc: Document, board_id: str, path: Path, at: tuple[float, float]
    ) -> Change | None:
        try:
            text = "" if path.suffix.lower() == ".csv" else read_text(path)
        except PofacilError:
            text = ""  # the import itself says what is wrong with the file
        speakers = self.speakers(text, path.name)
        if speakers is None:
            return None
        return doc.apply_all(
            "import",
            *with_layout(board_id, lambda ws: import_change(ws, board_id, path, "", at, speakers)),
        )

    def import_text(
        self, doc: Document, board_id: str, text: str, at: tuple[float, float]
    ) -> Change | None:
        """Pasted or dropped lines: a Markdown outline when every line is a bullet or a
        heading, one note per line otherwise."""
        name = self.tr("the pasted text")
        speakers = self.speakers(text, name)
        if speakers is None:
            return None
        suffix = outline_suffix(text)
        return doc.apply_all(
            "import",
            *with_layout(
                board_id,
                lambda ws: text_import_change(ws, board_id, text, suffix, name, "", at, speakers),
            ),
        )
