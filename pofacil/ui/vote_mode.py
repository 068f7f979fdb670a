"""Dot voting at the window: start a round, an explicit vote mode, reveal, close, sort.

In vote mode (entered and left from the toolbar, with a banner over the board) a click on a
note adds a vote and Shift+click takes one back; the clicks never select or drag. Outside it
clicks select as usual. Each vote is one undo step of the lead (see
:mod:`pofacil.board.ops.votes`). While the totals are hidden a click is confirmed only in the
banner, for a moment, so the room does not follow the crowd.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGraphicsItem,
    QLabel,
    QRadioButton,
    QSpinBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from pofacil.board.model import Board, Touched
from pofacil.board.model.votes import PER_PERSON_MAX
from pofacil.board.ops import votes

from .board_actions import cell_label
from .items import NoteItem, vote_dots

if TYPE_CHECKING:
    from .document import Document
    from .main_window import MainWindow

CONFIRM_MS = 1500


class StartVoteDialog(QDialog):
    """What the vote covers, votes per person, and whether totals start hidden."""

    def __init__(
        self, board: Board, selected: list[str], cell: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Start a vote"))
        layout = QVBoxLayout(self)
        self.selected = selected
        cell = cell if cell is not None and board.cell(cell) is not None else None
        self.whole = QRadioButton(self.tr("The whole board"))
        self.in_cell = QRadioButton(self.tr("One cell:"))
        self.cells = QComboBox()
        for c in board.cells:
            self.cells.addItem(cell_label(board, c.id), c.id)
        if cell is not None:
            self.cells.setCurrentIndex(self.cells.findData(cell))
        self.chosen = QRadioButton(
            self.tr("The %1 selected notes").replace("%1", str(len(selected)))
        )
        group = QButtonGroup(self)
        for button in (self.whole, self.in_cell, self.chosen):
            group.addButton(button)
            layout.addWidget(button)
            if button is self.in_cell:
                layout.addWidget(self.cells)
        self.in_cell.setEnabled(bool(board.cells))
        self.cells.setEnabled(bool(board.cells))
        self.chosen.setEnabled(bool(selected))
        (self.chosen if len(selected) > 1 else self.in_cell if cell else self.whole).setChecked(
            True
        )
        form = QFormLayout()
        self.per_person = QSpinBox()
        self.per_person.setRange(1, PER_PERSON_MAX)
        self.per_person.setValue(votes.DEFAULT_PER_PERSON)
        form.addRow(self.tr("Votes per person:"), self.per_person)
        layout.addLayout(form)
        self.one_each = QCheckBox(self.tr("At most one vote per note from each phone"))
        layout.addWidget(self.one_each)
        self.hidden = QCheckBox(self.tr("Hide the totals until they are revealed"))
        self.hidden.setChecked(True)
        layout.addWidget(self.hidden)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def scope(self) -> tuple[str, list[str]]:
        if self.chosen.isChecked():
            return "notes", self.selected
        if self.in_cell.isChecked():
            return "cells", [str(self.cells.currentData())]
        return "board", []


class VoteMode(QObject):
    """The Vote menu and toolbar, the banner, and the clicks of vote mode."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._workshop_signal: Document | None = None
        self.toolbar = QToolBar(self.tr("Facilitation"), window)
        self.toolbar.setObjectName("facilitation")
        window.addToolBar(self.toolbar)
        self.menu = window.menuBar().addMenu(self.tr("&Vote"))
        self.start_action = self._add(self.tr("&Start a vote…"), self.start)
        self.mode_action = self._add(self.tr("&Vote mode"), self.set_active)
        self.mode_action.setCheckable(True)
        self.reveal_action = self._add(self.tr("&Reveal votes"), self.reveal)
        self.close_action = self._add(self.tr("&Close vote"), self.close_vote)
        self.sort_action = self._add(self.tr("S&ort by votes"), self.sort)
        # On the view, over its viewport: a child of the viewport would pan with the board.
        self.banner = QLabel(window.view)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.banner.setStyleSheet(
            "background: #FFD43B; color: #111111; border: 2px solid #111111; "
            "font-weight: bold; padding: 6px 12px;"
        )
        self.banner.hide()
        self._voting = False  # a press in vote mode voted: its moves and release are ours
        self._confirm = QTimer(self)
        self._confirm.setSingleShot(True)
        self._confirm.timeout.connect(self.refresh)
        # The clicks are filtered only while vote mode is on: a Python filter on the viewport
        # sees every move and paint of a drag.
        window.view.viewport_resized.connect(lambda: QTimer.singleShot(0, self.refresh))
        # Projector mode shows the board alone; its shortcuts and menu still work.
        window.view.projector_toggled.connect(lambda on: self.toolbar.setVisible(not on))
        window.tabs.currentChanged.connect(lambda _: self.refresh())

    def _add(self, text: str, slot: Callable[..., object]) -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(slot)
        self.menu.addAction(action)
        self.toolbar.addAction(action)
        self.window.addAction(action)
        return action

    # -- the document ----------------------------------------------------------------------
    def attach(self) -> None:
        """Follow the window's current document (called whenever it opens one)."""
        old = self._workshop_signal
        if old is not None:
            old.workshop.changed.disconnect(self._changed)
        doc = self.window.document
        self._workshop_signal = doc
        if doc is not None:
            doc.workshop.changed.connect(self._changed)
        self.refresh()

    def _changed(self, touched: Touched) -> None:
        """Votes are rows of their own: repaint the notes whose dots they change."""
        vote_dots.forget()
        scene = self.window.scene
        if scene is None:
            return
        board = scene.board
        if touched.of("vote_round", scene.board_id):
            ids = list(scene.notes)  # hidden, revealed or closed: every note may change
        else:
            ids = [str((p.after or p.before or {}).get("note")) for p in touched.of("vote")]
            if board is not None and votes.open_round_of(board) is not None:
                # A note moved into or out of a round's cells shows other dots; note items
                # repaint only for what they draw of the note itself (NoteItem.set_note).
                ids += [p.id for p in touched.of("note", scene.board_id)]
        for note_id in ids:
            item = scene.notes.get(note_id)
            if item is not None:
                item.update()
        if board is not None:
            self.refresh()

    # -- state -----------------------------------------------------------------------------
    def _board(self) -> Board | None:
        scene = self.window.scene
        return scene.board if scene is not None else None

    @property
    def active(self) -> bool:
        return self.mode_action.isChecked()

    def set_active(self, on: bool) -> None:
        self.mode_action.setChecked(on)
        self._confirm.stop()
        viewport = self.window.view.viewport()
        viewport.removeEventFilter(self)  # never twice: a second would see each click again
        self._voting = False
        if on:
            viewport.installEventFilter(self)
        if on and self.window.scene is not None:
            self.window.scene.clearSelection()
        self.refresh()

    def refresh(self) -> None:
        """The actions' states and the banner, after any change or board switch."""
        board = self._board()
        current = votes.open_round_of(board) if board is not None else None
        latest = votes.latest_round(board) if board is not None else None
        self.start_action.setEnabled(board is not None and current is None)
        self.reveal_action.setEnabled(current is not None and current.hidden)
        self.close_action.setEnabled(current is not None)
        self.sort_action.setEnabled(latest is not None and not latest.is_open)
        if not self._confirm.isActive():
            self._show_banner(self._banner_text(board))

    def _banner_text(self, board: Board | None) -> str | None:
        if not self.active:
            return None
        current = votes.open_round_of(board) if board is not None else None
        if current is None:
            return self.tr("VOTE MODE · no vote is open on this board: start one")
        hidden = self.tr("totals hidden") if current.hidden else self.tr("totals shown")
        return (
            self.tr("VOTE MODE · click a note to add a vote, Shift+click to take one back")
            + " · "
            + self.tr("%1 per person").replace("%1", str(current.per_person))
            + " · "
            + hidden
        )

    def _show_banner(self, text: str | None) -> None:
        if text is None:
            self.banner.hide()
            return
        self.banner.setMinimumWidth(0)
        self.banner.setMaximumWidth(16777215)  # QWIDGETSIZE_MAX: let the new text size it
        self.banner.setText(text)
        self.banner.adjustSize()
        area = self.window.view.viewport().geometry()
        width = min(self.banner.sizeHint().width(), max(100, area.width() - 16))
        self.banner.setFixedWidth(width)
        self.banner.move(area.left() + 8, area.top() + 8)
        self.banner.show()
        self.banner.raise_()

    # -- the clicks of vote mode -------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if not self.active or kind not in (
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonDblClick,
            QEvent.Type.MouseButtonRelease,
            QEvent.Type.MouseMove,
        ):
            return False
        assert isinstance(event, QMouseEvent)
        if kind in (QEvent.Type.MouseMove, QEvent.Type.MouseButtonRelease):
            # The rest of a click that voted; a rubber band begun elsewhere goes on as usual.
            taken = self._voting
            if kind == QEvent.Type.MouseButtonRelease:
                self._voting = False
            return taken
        item = self._note_at(event)
        if item is None or event.button() != Qt.MouseButton.LeftButton:
            return item is not None  # a right click on a note in vote mode does nothing
        # A quick second click arrives as a double click: it is a second vote, as it looks.
        self._voting = True
        self.vote(item.note.id, bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
        return True  # no selection, no drag, no editing on a note in vote mode

    def _note_at(self, event: QMouseEvent) -> NoteItem | None:
        found: QGraphicsItem | None = self.window.view.itemAt(event.position().toPoint())
        while found is not None and not isinstance(found, NoteItem):
            found = found.parentItem()
        return found

    def vote(self, note_id: str, take_back: bool = False) -> bool:
        """Add (or take back) one vote of the lead for a note; False when refused."""
        doc, board = self.window.document, self._board()
        if doc is None or board is None:
            return False
        current = votes.open_round_of(board)
        if current is None:
            self.window.statusBar().showMessage(
                self.tr("No vote is open on this board: start one first."), 8000
            )
            return False
        build = votes.take_back if take_back else votes.add_vote
        if doc.apply(build, current.id, note_id) is None:
            return False
        if current.hidden:
            self._confirm.start(CONFIRM_MS)
            self._show_banner(
                self.tr("✓ Vote taken back") if take_back else self.tr("✓ Vote recorded")
            )
        return True

    # -- the round ---------------------------------------------------------------------------
    def start(self) -> None:
        doc, board, scene = self.window.document, self._board(), self.window.scene
        if doc is None or board is None or scene is None:
            return
        dialog = StartVoteDialog(
            board, scene.selected_note_ids(), self.window.capture_target(), self.window
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        scope, members = dialog.scope()
        opened = doc.apply(
            votes.open_round,
            board.id,
            scope,
            members,
            dialog.per_person.value(),
            dialog.hidden.isChecked(),
            1 if dialog.one_each.isChecked() else 0,
        )
        if opened is not None:
            self.set_active(True)

    def _current_id(self) -> str | None:
        board = self._board()
        current = votes.open_round_of(board) if board is not None else None
        return current.id if current is not None else None

    def reveal(self) -> None:
        round_id, doc = self._current_id(), self.window.document
        if round_id is not None and doc is not None:
            doc.apply(votes.reveal, round_id)

    def close_vote(self) -> None:
        round_id, doc = self._current_id(), self.window.document
        if round_id is not None and doc is not None and doc.apply(votes.close_round, round_id):
            self.set_active(False)

    def sort(self) -> None:
        board, doc = self._board(), self.window.document
        latest = votes.latest_round(board) if board is not None else None
        if latest is not None and doc is not None:
            doc.apply(votes.sort_by_votes, latest.id)


def install_vote_mode(window: MainWindow) -> VoteMode:
    """Give the window dot voting (menu, toolbar, banner, vote mode); call attach() once the
    window has a document, and again whenever it opens another."""
    return VoteMode(window)
