"""Quick capture: the scribe types a point, optionally prefixed by the speaker, and presses
Enter. The bar shows where the note will go and lets the keyboard or a menu change it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QActionGroup, QFont, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QMenu, QPushButton, QWidget

from pofacil.board.formats.importers import split_speaker
from pofacil.board.model import Board
from pofacil.board.model.limits import TEXT_MAX
from pofacil.board.ops import capture_cell, capture_cluster

from .board_actions import cell_label
from .items.paint import font
from .plain_text import no_mnemonic, plain_label

# Projector mode: the capture line and its target are read from the back of the room too.
LARGE_PX = 26

# Alt+arrow: the capture target moves across the grid (columns, rows). Alt, because plain and
# Ctrl/Shift arrows move and select in the line being typed.
TARGET_STEPS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}


def parse_capture(line: str) -> tuple[str, str]:
    """(author, text) of a captured line; the author is empty when no speaker prefix. The
    rule is the import's (``split_speaker``), so "10:30 開始" is a point, not a speaker "10"."""
    return split_speaker(line) or ("", line.strip())


def target_step(event: QKeyEvent) -> tuple[int, int] | None:
    """The (columns, rows) an Alt+arrow key press moves the capture target, if it is one."""
    mods, key = event.modifiers(), Qt.KeyboardModifier
    if not mods & key.AltModifier or mods & (key.ControlModifier | key.ShiftModifier):
        return None
    return TARGET_STEPS.get(Qt.Key(event.key()))


class CaptureBar(QWidget):
    """An input line that stays ready for the next point after each Enter, and the target:
    the cell or group the next point goes into, shown as "→ where" and picked from its menu."""

    captured = Signal(str, str)  # author, text
    cancelled = Signal()
    target_chosen = Signal(str)  # a cell or group id; "" for none
    target_stepped = Signal(int, int)  # columns, rows

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
        # A push button sizes itself for its menu's arrow; a tool button draws it over the text.
        self.target = QPushButton()
        self.target.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the line keeps the typing
        self.target.setToolTip(
            self.tr("Where the next note goes: pick it here, or Alt+arrow keys step it")
        )
        self.target_menu = QMenu(self.target)
        self.target_menu.aboutToShow.connect(self._fill_targets)
        self.target.setMenu(self.target_menu)
        self._one_of = QActionGroup(self)  # shown as radio marks: one place at a time
        self._board: Board | None = None
        self._target: str | None = None
        layout.addWidget(self.label)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.preview)
        layout.addWidget(self.target)
        self.edit.returnPressed.connect(self._commit)
        self.edit.textChanged.connect(self._show_speaker)

    def set_large(self, on: bool) -> None:
        """Projector mode: the line being typed and its target in letters the room reads."""
        px = LARGE_PX if on else 0
        for widget in (self.label, self.edit, self.preview, self.target):
            if px:
                widget.setFont(font(px))
            else:
                widget.setFont(QFont())  # back to the application's font
        self.edit.setMinimumHeight(round(px * 1.5) if px else 0)

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

    # -- the target ----------------------------------------------------------------------
    def where(self, board: Board | None, target: str | None) -> str:
        """Where a note captured now goes, as the user reads it (user text, plain)."""
        if board is not None:
            cell = capture_cell(board, target)
            if cell is not None:
                return cell_label(board, cell.id)
            cluster = capture_cluster(board, target)
            if cluster is not None:
                return board.clusters[cluster].name
        return self.tr("next to the previous note")

    def show_target(self, board: Board | None, target: str | None) -> None:
        self._board, self._target = board, target
        self.target.setText(no_mnemonic(self.tr("→ %1").replace("%1", self.where(board, target))))

    def _choices(self) -> list[tuple[str, str]]:
        """(target, label) of every place the menu offers on the shown board."""
        board = self._board
        if board is None:
            return []
        if board.cells:  # a table: every note goes into a cell, so "no cell" is no choice
            return [(c.id, cell_label(board, c.id)) for c in board.cells]
        groups = sorted(board.clusters.values(), key=lambda c: c.name)
        return [("", self.where(board, None))] + [(c.id, c.name) for c in groups]

    def _fill_targets(self) -> None:
        self.target_menu.clear()
        board = self._board
        if board is None:
            return
        cell = capture_cell(board, self._target)
        chosen = cell.id if cell is not None else capture_cluster(board, self._target) or ""
        for target, label in self._choices():
            action = self.target_menu.addAction(no_mnemonic(label))
            action.setCheckable(True)
            action.setChecked(target == chosen)
            self._one_of.addAction(action)
            action.triggered.connect(lambda _=False, t=target: self.target_chosen.emit(t))


class _CaptureEdit(QLineEdit):
    def keyPressEvent(self, event: QKeyEvent) -> None:
        bar: CaptureBar = self.parent()  # type: ignore[assignment]
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            bar.cancelled.emit()
            return
        step = target_step(event)
        if step is not None:
            bar.target_stepped.emit(*step)
            return
        super().keyPressEvent(event)
