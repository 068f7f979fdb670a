"""The room in the window: File > Open the room…, the QR panel on the board (and in projector
mode), and the GUI thread's side of committing what phones send (pofacil/room).

The server runs on its own thread; each batch of points comes here through a queued signal and
is committed by the GUI thread on the window's own session, the one connection to the file.
A batch is one short transaction, so the window keeps answering while phones send.
"""

from __future__ import annotations

import concurrent.futures
import io
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from pofacil.board.model.errors import PofacilError
from pofacil.board.session import Session
from pofacil.board.storage.store import Store
from pofacil.room.addresses import Interface, local_interfaces
from pofacil.room.receive import (
    UNAVAILABLE,
    Arrival,
    Placement,
    Receipt,
    receive,
    receive_into,
    side_store,
)
from pofacil.room.server import Room

from .inbox_panel import InboxDock
from .plain_text import plain_label, show_message

if TYPE_CHECKING:
    from .main_window import MainWindow

DIRECT_SETTING = "room/direct"
_T = TypeVar("_T")
log = logging.getLogger(__name__)


def qr_pixmap(text: str, size: int) -> QPixmap:
    """``text`` as a QR code (segno) about ``size`` pixels wide, with whole pixels per module
    so a phone's camera reads it off a projector."""
    import segno

    code = segno.make(text, error="m")
    modules = code.symbol_size(border=4)[0]
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=max(1, -(-size // modules)), border=4)
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap


class GuiSink(QObject):
    """Called on the server's thread with a batch; commits it without stalling the window.

    Into the inbox, a thread of its own commits through a second connection to the file (the
    model is not touched, and the window never waits for the disk); straight onto the board,
    the GUI thread commits, since the notes go into the model the scene shows.
    """

    _batch = Signal(object)
    _call = Signal(object)
    received = Signal(int)  # points received in a batch, once the file has them
    # The points committed to the inbox, handed to the GUI thread: reading them back there
    # would wait for the room's next commit (a rollback journal locks readers out meanwhile).
    arrived = Signal(object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.direct = False
        self._batch.connect(self._commit, Qt.ConnectionType.QueuedConnection)
        self._call.connect(self._run, Qt.ConnectionType.QueuedConnection)
        self._thread: concurrent.futures.ThreadPoolExecutor | None = None
        self._store: Store | None = None

    def start(self) -> None:
        self._thread = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="room-inbox")

    def stop(self) -> None:
        """After the server stopped: close the inbox thread's connection, then the thread."""
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.submit(self._close_store).result()
            thread.shutdown()

    def _close_store(self) -> None:
        store, self._store = self._store, None
        if store is not None:
            store.conn.close()

    def __call__(self, arrivals: list[Arrival]) -> concurrent.futures.Future[list[Receipt]]:
        if not self.direct and self._thread is not None:
            # Read here, on the server's thread: a plain attribute, set by the GUI thread.
            board = self.window.current_board_id()
            return self._thread.submit(self._commit_inbox, arrivals, board)
        future: concurrent.futures.Future[list[Receipt]] = concurrent.futures.Future()
        self._batch.emit((arrivals, future))
        return future

    def on_workshop(self, call: Callable[[Session], _T]) -> concurrent.futures.Future[_T]:
        """``call(session)`` on the GUI thread (a phone's vote goes into the model the board
        shows), as a future for the server's thread."""
        future: concurrent.futures.Future[_T] = concurrent.futures.Future()
        self._call.emit((call, future))
        return future

    def _run(self, item: tuple[Callable[[Session], Any], concurrent.futures.Future[Any]]) -> None:
        call, future = item
        doc = self.window.document
        try:
            if doc is None:
                raise RuntimeError("no workshop is open")
            future.set_result(call(doc.session))
        except Exception as exc:  # handed to the server, which answers with a clear error
            log.exception("room: a call on the workshop failed")
            future.set_exception(exc)

    def _commit_inbox(self, arrivals: list[Arrival], board: str | None) -> list[Receipt]:
        doc = self.window.document
        if doc is None or board is None or not doc.saved or doc.session.read_only:
            return [
                Receipt(UNAVAILABLE, reason="The workshop file cannot take changes now.")
            ] * len(arrivals)
        try:
            if self._store is None:
                self._store = side_store(doc.session.store)
            receipts, points = receive_into(self._store, arrivals, board)
        except PofacilError as exc:
            receipts, points = [Receipt(UNAVAILABLE, reason=exc.template)] * len(arrivals), []
        if points:
            self.arrived.emit(points)  # queued to the GUI thread, where the inbox lives
        return receipts

    def _commit(self, item: tuple[list[Arrival], concurrent.futures.Future[list[Receipt]]]) -> None:
        arrivals, future = item
        window, doc = self.window, self.window.document
        if doc is None:
            future.set_result([Receipt(UNAVAILABLE, reason="No workshop is open.")] * len(arrivals))
            return
        place = Placement(
            board=window.current_board_id(),
            direct=self.direct,
            target=window.capture_target(),
            previous=window._last_captured if self.direct else None,
        )
        try:
            receipts = receive(doc.session, arrivals, place)
        except Exception:  # a bug, not the phone's doing: not received, and logged
            log.exception("room: a batch could not be committed")
            receipts = [Receipt(UNAVAILABLE, reason="error")] * len(arrivals)
        future.set_result(receipts)
        if self.direct and place.previous is not None:
            window._last_captured = place.previous
        count = sum(r.point is not None for r in receipts)
        if count:
            self.received.emit(count)


class OpenRoomDialog(QDialog):
    """Pick the network the phones are on, and whether points go to the inbox or the board."""

    def __init__(self, interfaces: list[Interface], direct: bool, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open the room"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                self.tr(
                    "Participants on the same network (this laptop's hotspot or the room's "
                    "router) open the address on their phones and send points. Nothing "
                    "leaves the room."
                )
            )
        )
        layout.itemAt(0).widget().setWordWrap(True)  # type: ignore[union-attr]
        layout.addWidget(plain_label(self.tr("Network")))
        self.interfaces = QComboBox()
        for interface in interfaces:
            shown = self.tr("%1 (this computer only)") if interface.loopback else "%1"
            self.interfaces.addItem(
                shown.replace("%1", f"{interface.name} — {interface.address}"), interface.address
            )
        # The first network a phone can reach, not loopback, when there is one.
        self.interfaces.setCurrentIndex(
            next((i for i, f in enumerate(interfaces) if not f.loopback), 0)
        )
        layout.addWidget(self.interfaces)
        self.direct = QCheckBox(self.tr("Points go straight onto the board (no inbox)"))
        self.direct.setChecked(direct)
        layout.addWidget(self.direct)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Open the room"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def host(self) -> str:
        return str(self.interfaces.currentData())


class RoomPanel(QFrame):
    """On the board, top right: the QR code, the short address, the room code, the inbox count.

    A child of the view, so it stays in projector mode, where the menus and status bar hide.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("roomPanel")
        self.setStyleSheet(
            "#roomPanel { background: white; border: 2px solid #343A40; border-radius: 8px; }"
        )
        layout = QVBoxLayout(self)
        self.title = plain_label(self.tr("Send your point from your phone"))
        self.title.setStyleSheet("font-size: 18pt; font-weight: bold; color: #212529")
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.address = plain_label()
        self.address.setStyleSheet("font-size: 16pt; color: #212529")
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code = plain_label()
        self.code.setStyleSheet("font-size: 22pt; font-weight: bold; color: #212529")
        self.inbox = plain_label()
        self.inbox.setStyleSheet("font-size: 14pt; color: #495057")
        for widget in (self.title, self.qr, self.address, self.code, self.inbox):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        self._url = ""
        self._qr_key: tuple[str, int] = ("", 0)
        parent.installEventFilter(self)
        self.hide()

    def show_room(self, room: Room, host: str) -> None:
        self._url = room.url(host)
        self.address.setText(room.short_url(host))
        self.code.setText(self.tr("Room code %1").replace("%1", room.code))
        self._place()
        self.show()
        self.raise_()

    def show_inbox(self, waiting: int | None) -> None:
        self.inbox.setVisible(waiting is not None)
        if waiting is not None:
            self.inbox.setText(self.tr("Inbox: %1").replace("%1", str(waiting)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False

    def _place(self) -> None:
        parent = self.parentWidget()
        assert parent is not None
        # Large: a phone's camera reads it from the back of the room off a projector.
        # At the lead's desk it leaves most of the board in view.
        share = 11 / 20 if getattr(parent, "projector", False) else 1 / 3
        side = max(160, min(int(parent.height() * share), parent.width() * 2 // 5))
        if self._qr_key != (self._url, side):  # encoding takes 20-50 ms: only when it changes
            self._qr_key = (self._url, side)
            self.qr.setPixmap(qr_pixmap(self._url, side))
        self.adjustSize()
        self.move(parent.width() - self.width() - 16, 16)


class RoomActions(QObject):
    """The room's menu items, status bar count, inbox dock and QR panel, for one window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.room: Room | None = None
        self.host = ""
        self.sink = GuiSink(window)
        self.panel = RoomPanel(window.view)
        self.inbox = InboxDock(window)
        self.sink.received.connect(self._received)
        self.sink.arrived.connect(self.inbox.add_points)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.inbox)
        self.inbox.hide()
        self.inbox.changed.connect(self.update_count)
        self.count_label = plain_label()
        window.statusBar().insertPermanentWidget(0, self.count_label)
        menu = window.file_menu
        first = menu.actions()[4] if len(menu.actions()) > 4 else None
        self.open_action = QAction(self.tr("Open the roo&m…"), window)
        self.open_action.triggered.connect(self.ask_open)
        self.close_action = QAction(self.tr("Close the room"), window)
        self.close_action.triggered.connect(self.close)
        self.inbox_action = self.inbox.toggleViewAction()
        self.inbox_action.setText(self.tr("In&box"))
        self.qr_action = QAction(self.tr("Show the room's QR co&de"), window)
        self.qr_action.setCheckable(True)
        self.qr_action.setChecked(True)
        self.qr_action.toggled.connect(self._show_panel)
        for action in (self.open_action, self.close_action, self.inbox_action, self.qr_action):
            menu.insertAction(first, action) if first else menu.addAction(action)
        menu.insertSeparator(first) if first else None
        window.projector_action.toggled.connect(self._projector)
        self._inbox_was_visible = False
        self.update_count()

    def _projector(self, on: bool) -> None:
        # The projector shows the room's count on the QR panel; the points themselves are
        # for the lead's eyes, before moderation.
        if on:
            self._inbox_was_visible = self.inbox.isVisible()
            self.inbox.hide()
        elif self._inbox_was_visible:
            self.inbox.show()
        if self.room is not None:
            self.panel.show_room(self.room, self.host)

    @property
    def direct(self) -> bool:
        return bool(QSettings().value(DIRECT_SETTING, False, type=bool))

    def ask_open(self) -> None:
        dialog = OpenRoomDialog(local_interfaces(), self.direct, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            QSettings().setValue(DIRECT_SETTING, dialog.direct.isChecked())
            self.open(dialog.host(), dialog.direct.isChecked())

    def open(self, host: str, direct: bool = False, room: Room | None = None) -> Room | None:
        """Start the room on ``host`` (``room``: one built with test settings); None when the
        workshop cannot take points or the address cannot be listened on (the user is told)."""
        doc = self.window.document
        self.close()
        if doc is None or doc.session.read_only or not doc.saved:
            show_message(
                self.window,
                self.tr("The room cannot open"),
                self.tr("Points need a workshop file that can be written; this one cannot."),
            )
            return None
        self.sink.direct = direct
        room = room or Room(self.sink, [host], on_workshop=self.sink.on_workshop)
        self.sink.start()
        try:
            room.start()
        except OSError as exc:
            self.sink.stop()
            show_message(
                self.window,
                self.tr("The room cannot open"),
                self.tr("Cannot listen on %1: %2")
                .replace("%1", host)
                .replace("%2", exc.strerror or str(exc)),
            )
            return None
        self.room, self.host = room, host
        self.panel.show_room(room, host)
        self._show_panel(self.qr_action.isChecked())
        if not direct:
            self.inbox.show()
        self.update_count()
        return room

    def close(self) -> None:
        """Stop the server: when this returns, nothing listens."""
        room, self.room = self.room, None
        if room is not None:
            room.stop()
            self.sink.stop()
        self.panel.hide()
        self.update_count()

    def _show_panel(self, on: bool) -> None:
        self.panel.setVisible(on and self.room is not None)

    def _received(self, _count: int) -> None:
        doc = self.window.document
        if doc is not None and self.sink.direct:
            doc.changed.emit()  # new notes: the tabs' counts, the status

    def update_count(self) -> None:
        waiting = self.inbox.waiting  # counted by the inbox's last refresh
        open_ = self.room is not None
        self.open_action.setEnabled(not open_)
        self.close_action.setEnabled(open_)
        text = self.tr("Inbox: %1").replace("%1", str(waiting))
        self.count_label.setText(text if open_ or waiting else "")
        self.panel.show_inbox(None if self.sink.direct else waiting)

    def session_changed(self) -> None:
        """Another workshop in the window: the room belonged to the one before."""
        self.close()
        if self.window.document is not None:
            # An accept undone puts its point back in the inbox: list it again.
            self.window.document.changed.connect(self.inbox.refresh_later)
        self.inbox.refresh()
