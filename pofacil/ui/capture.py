"""Quick capture: the scribe types a point, optionally prefixed by the speaker, and presses
Enter."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from pofacil.board.model.limits import TEXT_MAX

from .plain_text import plain_label

# "王素琴: 業務單位很忙" or "王素琴：業務單位很忙": a short name, a colon (ASCII or full-width).
_SPEAKER = re.compile(r"^\s*(?P<who>[^:：\n]{1,12}?)\s*[:：]\s*(?P<text>\S.*)$", re.DOTALL)


def parse_capture(line: str) -> tuple[str, str]:
    """(author, text) of a captured line; the author is empty when no speaker prefix."""
    match = _SPEAKER.match(line)
    if match:
        return match["who"].strip(), match["text"].strip()
    return "", line.strip()


class CaptureBar(QWidget):
    """An input line that stays ready for the next point after each Enter."""

    captured = Signal(str, str)  # author, text
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        self.label = QLabel(self.tr("Capture:"))
        self.edit = _CaptureEdit(self)
        # The line clears on Enter, so a point the model would refuse as too long is lost:
        # stop the typing at the limit instead.
        self.edit.setMaxLength(TEXT_MAX)
        self.edit.setPlaceholderText(
            self.tr('Type a point and press Enter; "Speaker: point" sets who said it')
        )
        self.preview = plain_label()  # shows the speaker as typed, "<u>林</u>" included
        self.preview.setMinimumWidth(120)
        layout.addWidget(self.label)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.preview)
        self.edit.returnPressed.connect(self._commit)
        self.edit.textChanged.connect(self._show_speaker)

    def _show_speaker(self, line: str) -> None:
        author, _ = parse_capture(line)
        self.preview.setText(self.tr("Speaker: %1").replace("%1", author) if author else "")

    def _commit(self) -> None:
        author, text = parse_capture(self.edit.text())
        if text:
            self.captured.emit(author, text)
        self.edit.clear()

    def type_in(self, text: str) -> None:
        """Text typed on the canvas: continue it here."""
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.edit.insert(text)


class _CaptureEdit(QLineEdit):
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            self.parent().cancelled.emit()  # type: ignore[union-attr]
            return
        super().keyPressEvent(event)
