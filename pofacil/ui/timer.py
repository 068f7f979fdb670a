"""The breakout timer: one countdown the whole room sees, in a corner of the board.

The countdown reads time from a clock it is given (``time.monotonic`` by default), so a test
sets the time and checks the colours exactly. It belongs to the window, not to a board, so it
keeps running when boards are switched; it is drawn by a widget on the view's viewport, so it
shows in every mode the view has (projector mode included) with digits at least 8 % of the
view's height, readable from the back of the room.
"""

from __future__ import annotations

import math
import re
import time
import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QFont, QFontMetricsF, QKeySequence, QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QMenu, QWidget

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .view import BoardView

PRESETS_MIN = (3, 5, 10, 15)
AMBER_AT_S = 120.0
RED_AT_S = 30.0
MAX_S = 24 * 3600.0  # a day: beyond it a typed length is a slip of the keyboard
# The digits' height as a share of the view's height (the issue: at least 8 %).
DIGITS_SHARE = 0.08
TICK_MS = 200
_DIGITS = "0123456789"

# (background, text) per phase; zero flashes between its colour and the plain one.
_COLORS = {
    "normal": ("#FFFFFF", "#111111"),
    "amber": ("#F59F00", "#111111"),
    "red": ("#C92A2A", "#FFFFFF"),
    "zero": ("#C92A2A", "#FFFFFF"),
}


def parse_length(text: str) -> float | None:
    """Seconds for a typed length: minutes ("7", "2.5") or minutes and seconds ("7:30");
    None for anything else, zero or past a day."""
    # NFKC: full-width digits and colon, as a Chinese input method types them, count too.
    text = unicodedata.normalize("NFKC", text).strip()
    match = re.fullmatch(r"(\d{1,4})(?::([0-5]\d))?|(\d{0,4}\.\d+)", text, re.ASCII)
    if match is None:
        return None
    if match.group(3) is not None:
        seconds = float(match.group(3)) * 60
    else:
        seconds = int(match.group(1)) * 60 + int(match.group(2) or 0)
    return seconds if 0 < seconds <= MAX_S else None


def shown_time(seconds: float) -> str:
    """What the timer shows: M:SS, or H:MM:SS past an hour; rounded up, so 0:00 means over."""
    whole = max(0, math.ceil(seconds - 1e-9))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class Countdown(QObject):
    """A countdown with pause, resume, one more minute and stop."""

    changed = Signal()  # started, paused, resumed, lengthened, stopped, or a tick
    finished = Signal()  # reached zero (once per run)

    def __init__(self, clock: Callable[[], float] = time.monotonic, parent: QObject | None = None):
        super().__init__(parent)
        self.clock = clock
        self._end: float | None = None  # running: when it reaches zero, on the clock
        self._left: float | None = None  # paused: what was left
        self._done = False
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.tick)

    @property
    def active(self) -> bool:
        return self._end is not None or self._left is not None

    @property
    def paused(self) -> bool:
        return self._left is not None

    def remaining(self) -> float:
        if self._left is not None:
            return self._left
        if self._end is None:
            return 0.0
        return max(0.0, self._end - self.clock())

    def phase(self) -> str:
        """normal, amber (2 minutes or less), red (30 seconds or less) or zero."""
        left = self.remaining()
        if left <= 0:
            return "zero"
        if left <= RED_AT_S:
            return "red"
        return "amber" if left <= AMBER_AT_S else "normal"

    def flash_on(self) -> bool:
        """At zero the timer flashes: on for half of each second."""
        return self.phase() != "zero" or math.floor(self.clock() * 2) % 2 == 0

    def start(self, seconds: float) -> None:
        self._end, self._left, self._done = self.clock() + seconds, None, False
        self._ticker.start()
        self.changed.emit()

    def pause(self) -> None:
        if self._end is not None:
            self._left, self._end = self.remaining(), None
            self.changed.emit()

    def resume(self) -> None:
        if self._left is not None:
            self._end, self._left = self.clock() + self._left, None
            self.changed.emit()

    def toggle(self) -> None:
        self.resume() if self.paused else self.pause()

    def add(self, seconds: float = 60.0) -> None:
        """More time: also brings back a countdown that has reached zero."""
        if self._left is not None:
            self._left += seconds
        elif self._end is not None:
            self._end = max(self._end, self.clock()) + seconds
            self._done = False
        else:
            return
        self.changed.emit()

    def stop(self) -> None:
        self._end = self._left = None
        self._ticker.stop()
        self.changed.emit()

    def tick(self) -> None:
        """Called by the ticker (or a test after setting the clock)."""
        if self._end is not None and not self._done and self.remaining() <= 0:
            self._done = True
            self.finished.emit()
        self.changed.emit()


class TimerOverlay(QWidget):
    """The countdown drawn in the top-right corner of the view's viewport.

    A child of the view, laid over its viewport: a child of the viewport itself would be moved
    along whenever the board is panned (QWidget.scroll moves children too)."""

    MARGIN = 8

    def __init__(self, countdown: Countdown, view: BoardView) -> None:
        super().__init__(view)
        self.viewport = view.viewport()
        self.countdown = countdown
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        countdown.changed.connect(self._refresh)
        view.viewport_resized.connect(self._place)
        self.hide()

    def digits_font(self) -> QFont:
        """A font whose digits stand at least DIGITS_SHARE of the viewport's height."""
        want = DIGITS_SHARE * self.viewport.height()
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(100)
        digit = QFontMetricsF(font).tightBoundingRect(_DIGITS).height() / 100
        # One pixel more: the outlines are hinted to whole pixels at the size chosen.
        font.setPixelSize(max(12, math.ceil(want / max(digit, 0.1)) + 1))
        return font

    def digits_height(self) -> float:
        return QFontMetricsF(self.digits_font()).tightBoundingRect(_DIGITS).height()

    def _place(self) -> None:
        area = self.viewport.geometry()  # in the view's coordinates, as this widget's
        metrics = QFontMetricsF(self.digits_font())
        text = shown_time(max(self.countdown.remaining(), 600))  # room for "10:00"
        w = math.ceil(metrics.horizontalAdvance(text) + metrics.height() * 0.6)
        h = math.ceil(metrics.height() * 1.1)
        self.setGeometry(area.right() + 1 - w - self.MARGIN, area.top() + self.MARGIN, w, h)

    def _refresh(self) -> None:
        if not self.countdown.active:
            self.hide()
            return
        self._place()
        self.show()
        self.raise_()
        self.update()

    def colors(self) -> tuple[QColor, QColor]:
        """(background, text) as shown now: zero flashes to the plain colours."""
        phase = self.countdown.phase()
        if not self.countdown.flash_on():
            phase = "normal"
        back, ink = _COLORS[phase]
        return QColor(back), QColor(ink)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        back, ink = self.colors()
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        painter.setPen(QColor("#111111"))
        painter.setBrush(back)
        radius = rect.height() * 0.15
        painter.drawRoundedRect(rect, radius, radius)
        painter.setFont(self.digits_font())
        painter.setPen(ink)
        text = shown_time(self.countdown.remaining())
        if self.countdown.paused:
            text = "Ⅱ " + text  # paused is also said, not only shown by a stopped clock
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


class TimerControls(QObject):
    """The Timer menu of the window: presets, any length, pause/resume, +1 minute, stop."""

    def __init__(self, window: MainWindow, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(window)
        self.window = window
        self.countdown = Countdown(clock, self)
        self.countdown.finished.connect(QApplication.beep)
        self.countdown.changed.connect(self._update_actions)
        self.overlay = TimerOverlay(self.countdown, window.view)
        self.last_length = 5 * 60.0
        self.menu = QMenu(self.tr("&Timer"), window)
        window.menuBar().addMenu(self.menu)
        for minutes in PRESETS_MIN:
            self._add(
                self.tr("%1 minutes").replace("%1", str(minutes)),
                lambda _=False, m=minutes: self.start(m * 60.0),
            )
        self._add(self.tr("Other &length…"), self.ask_length)
        self.menu.addSeparator()
        # Ctrl+T starts the last length, then pauses and resumes: one key for the room's pace.
        self.toggle_action = self._add(self.tr("&Start / pause"), self.toggle, "Ctrl+T")
        self.more_action = self._add(
            self.tr("&One more minute"), lambda: self.countdown.add(60), "Ctrl+Shift+T"
        )
        self.stop_action = self._add(self.tr("S&top timer"), self.countdown.stop)
        self._update_actions()

    def _add(self, text: str, slot: Callable[..., object], key: str | None = None) -> QAction:
        action = QAction(text, self.window)
        if key:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(slot)
        self.menu.addAction(action)
        self.window.addAction(action)  # the shortcut works in projector mode too
        return action

    def start(self, seconds: float) -> None:
        self.last_length = seconds
        self.countdown.start(seconds)

    def toggle(self) -> None:
        if self.countdown.active and self.countdown.remaining() > 0:
            self.countdown.toggle()
        else:
            self.start(self.last_length)

    def ask_length(self) -> None:
        text, ok = QInputDialog.getText(
            self.window,
            self.tr("Timer"),
            self.tr("Minutes (for example 7 or 7:30):"),
            text=shown_time(self.last_length),
        )
        if not ok:
            return
        seconds = parse_length(text)
        if seconds is None:
            self.window.statusBar().showMessage(
                self.tr("Type minutes, or minutes:seconds, up to 24 hours (for example 7:30)."),
                8000,
            )
            return
        self.start(seconds)

    def _update_actions(self) -> None:
        self.more_action.setEnabled(self.countdown.active)
        self.stop_action.setEnabled(self.countdown.active)


def install_timer(window: MainWindow, clock: Callable[[], float] = time.monotonic) -> TimerControls:
    """Give the window its breakout timer (menu, shortcuts, overlay); returns the controls."""
    return TimerControls(window, clock)
