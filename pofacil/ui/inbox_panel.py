"""The room's inbox: points from phones waiting for the table lead, who accepts them (into the
capture target), rewords them first, or sets them aside.

Accepting is the lead's undoable step (ops/inbox.py); setting aside and putting back are
history lines of the room, not undo steps. Every text here is a participant's: plain text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pofacil.board.model.errors import PofacilError
from pofacil.board.model.points import SET_ASIDE, WAITING, Point
from pofacil.board.ops.inbox import accept_point
from pofacil.board.storage.inbox import inbox_counts, read_points
from pofacil.room.receive import moderate_point

from .document import translate_error
from .plain_text import show_message

if TYPE_CHECKING:
    from .main_window import MainWindow

REFRESH_MS = 150  # points arriving together are listed together: one refresh per burst


class InboxDock(QDockWidget):
    changed = Signal()  # the inbox's content changed: counts to update

    def __init__(self, window: MainWindow) -> None:
        super().__init__(self.tr("Inbox"), window)
        self.setObjectName("inboxDock")
        self.window_ = window
        body = QWidget()
        layout = QVBoxLayout(body)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setLayoutMode(QListWidget.LayoutMode.Batched)
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept_selected())
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.accept_button = QPushButton(self.tr("&Accept"))
        self.accept_button.clicked.connect(self.accept_selected)
        self.edit_button = QPushButton(self.tr("&Edit, then accept…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.aside_button = QPushButton(self.tr("Set &aside"))
        self.aside_button.clicked.connect(self.toggle_aside)
        for button in (self.accept_button, self.edit_button, self.aside_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.show_aside = QCheckBox(self.tr("Show the points set aside"))
        self.show_aside.toggled.connect(self._switch)
        layout.addWidget(self.show_aside)
        self.setWidget(body)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._arrived)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.points: list[Point] = []
        self._arriving: list[Point] = []  # received, to be listed at the next tick
        self.waiting = 0  # points waiting, whichever list is shown

    def _switch(self) -> None:
        self.list.clear()
        self.refresh()

    def refresh_later(self) -> None:
        """The lead changed the workshop (an accept undone puts its point back): list again,
        once the event loop is free."""
        QTimer.singleShot(0, self.refresh)

    def add_points(self, points: list[Point]) -> None:
        """Points the room just committed: listed with those arriving in the next moment."""
        self._arriving += points
        if not self._timer.isActive():
            self._timer.start()

    def _arrived(self) -> None:
        new, self._arriving = self._arriving, []
        if self.show_aside.isChecked():
            self.waiting += len(new)  # the count only; the list shows the points set aside
            self.changed.emit()
            return
        known = {p.id for p in self.points}
        new = [p for p in new if p.id not in known]
        self.points += new
        self._show(self.points, appended=len(new))
        self.waiting = len(self.points)
        self.changed.emit()

    def refresh(self) -> None:
        """List the points again from the file (the inbox is not part of the model)."""
        doc = self.window_.document
        state = SET_ASIDE if self.show_aside.isChecked() else WAITING
        self.points = read_points(doc.session.store.conn, state) if doc else []
        self._show(self.points)
        self.waiting = (
            (len(self.points) if state == WAITING else inbox_counts(doc.session.store.conn).waiting)
            if doc
            else 0
        )
        self.aside_button.setText(
            self.tr("&Put back") if self.show_aside.isChecked() else self.tr("Set &aside")
        )
        self._update_buttons()
        self.changed.emit()

    def _show(self, points: list[Point], appended: int | None = None) -> None:
        """Bring the list in line with ``points``: while phones send, only the new points are
        added and the accepted ones taken out (rebuilding 1,200 wrapped items took 0.3 s).
        ``appended``: only that many new points at the end, nothing else changed."""
        if appended is not None:
            for point in points[len(points) - appended :]:
                self._add(point)
            return
        wanted = {p.id for p in points}
        for row in reversed(range(self.list.count())):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) not in wanted:
                self.list.takeItem(row)
        shown = [self.list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.list.count())]
        if shown != [p.id for p in points[: len(shown)]]:  # one put back in between: rebuild
            self.list.clear()
            shown = []
        for point in points[len(shown) :]:
            self._add(point)

    def _add(self, point: Point) -> None:
        item = QListWidgetItem(f"{point.text}\n— {point.speaker} · {point.received[11:16]}")
        item.setData(Qt.ItemDataRole.UserRole, point.id)
        item.setToolTip(point.received)
        self.list.addItem(item)

    def selected(self) -> list[Point]:
        ids = {i.data(Qt.ItemDataRole.UserRole) for i in self.list.selectedItems()}
        return [p for p in self.points if p.id in ids]

    def _update_buttons(self) -> None:
        chosen = bool(self.list.selectedItems())
        waiting = not self.show_aside.isChecked()
        self.accept_button.setEnabled(chosen and waiting)
        self.edit_button.setEnabled(len(self.list.selectedItems()) == 1 and waiting)
        self.aside_button.setEnabled(chosen)

    def accept_selected(self) -> None:
        for point in self.selected():
            self.accept(point)

    def edit_selected(self) -> None:
        points = self.selected()
        if len(points) != 1:
            return
        text, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Edit, then accept"),
            self.tr("Reword the point neutrally:"),
            points[0].text,
        )
        if ok:
            self.accept(points[0], text)

    def accept(self, point: Point, text: str | None = None) -> bool:
        """Put the point on the current board, in the capture target: the lead's undo step."""
        window, doc = self.window_, self.window_.document
        board = window.current_board_id()
        if doc is None or board is None or point.state != WAITING:
            return False
        change = doc.apply(
            accept_point,
            point,
            board,
            text,
            kind=window.capture_kind,
            target=window.capture_target(),
            previous=window._last_captured,
        )
        if change is not None:
            window._last_captured = point.id
        self.refresh()
        return change is not None

    def toggle_aside(self) -> None:
        doc = self.window_.document
        if doc is None:
            return
        state = WAITING if self.show_aside.isChecked() else SET_ASIDE
        for point in self.selected():
            try:
                moderate_point(doc.session, point, state)
            except PofacilError as exc:
                show_message(self, self.tr("Inbox"), translate_error(exc))
                break
        self.refresh()
