"""Where the main window sits: fitted to the screen it opens on, remembered per screen, and
put back exactly as it was after full screen or projector mode.

A fixed size runs off a projector's 1024x768 (capture bar, status bar and the `+` tab button
were off-screen), so the first start takes the screen's available geometry and asks to be
maximized; later starts put back what the user left on that same screen. "Same screen" is its
name and size: a laptop that meets a different projector each week starts fitted on each.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSettings, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QMainWindow

GROUP = "window"


def screen_key(screen: QScreen) -> str:
    size = screen.size()
    name = "".join(ch if ch.isalnum() else "_" for ch in screen.name()) or "screen"
    return f"{name}_{size.width()}x{size.height()}"


def fitted(wanted: QRect, room: QRect) -> QRect:
    """``wanted`` moved and cut down to lie inside ``room``."""
    width, height = min(wanted.width(), room.width()), min(wanted.height(), room.height())
    x = min(max(wanted.x(), room.x()), room.x() + room.width() - width)
    y = min(max(wanted.y(), room.y()), room.y() + room.height() - height)
    return QRect(x, y, width, height)


class WindowPlacement:
    """Places one main window and keeps what it had before presenting."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self._before: tuple[QByteArray, Qt.WindowState] | None = None

    def _screen(self) -> QScreen:
        return self.window.screen() or QGuiApplication.primaryScreen()

    def place(self) -> None:
        """Before the first show: what was saved for this screen, or all of it."""
        screen = self._screen()
        room = screen.availableGeometry()
        settings = QSettings()
        key = screen_key(screen)
        saved = settings.value(f"{GROUP}/{key}/geometry")
        maximized = settings.value(f"{GROUP}/{key}/maximized", True, bool)
        if isinstance(saved, QByteArray) and self.window.restoreGeometry(saved):
            self.window.setGeometry(fitted(self.window.geometry(), room))
        else:
            self.window.setGeometry(room)
        if maximized:
            self.window.setWindowState(Qt.WindowState.WindowMaximized)

    def save(self) -> None:
        """On close: this screen's size, position and state (presenting is not kept)."""
        if self._before is not None:
            geometry, state = self._before
        else:
            geometry, state = self.window.saveGeometry(), self.window.windowState()
        settings = QSettings()
        key = screen_key(self._screen())
        settings.setValue(f"{GROUP}/{key}/geometry", geometry)
        settings.setValue(f"{GROUP}/{key}/maximized", bool(state & Qt.WindowState.WindowMaximized))

    @property
    def presenting(self) -> bool:
        return self._before is not None

    def enter_full_screen(self) -> None:
        if self._before is None:
            self._before = (self.window.saveGeometry(), self.window.windowState())
        self.window.showFullScreen()

    def leave_full_screen(self) -> None:
        """Back to exactly the window there was: maximized, or its own size and place."""
        if self._before is None:
            return
        geometry, state = self._before
        self._before = None
        self.window.setWindowState(state & ~Qt.WindowState.WindowFullScreen)
        if state & Qt.WindowState.WindowMaximized:
            self.window.showMaximized()
        else:
            self.window.showNormal()
            self.window.restoreGeometry(geometry)
