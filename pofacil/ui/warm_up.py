"""Notes laid out and drawn while the window is idle, nearest the view first.

A note's words are fitted and laid out the first time it is painted (about 0.35 ms a note)
and its face drawn (0.3 ms more). A drag that brings a hundred notes into view for the first
time (from one cell of a 2,000-note table to the next) paid that inside its frames, 20 ms
each against 5 for the same drag a second time. In the pauses between gestures every note is
laid out, and the faces of those not yet painted at this zoom are drawn ahead, nearest first,
up to AHEAD_BYTES: their first paint is a blit (see items.pixmaps).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping

from PySide6.QtCore import QObject, QPointF, QTimer
from PySide6.QtWidgets import QApplication, QGraphicsView

from .items import NoteItem

SLICE_S = 0.004  # the longest the event loop is held by one turn of it
PAUSE_MS = 60  # while a mouse button is down: a gesture's frames are not shared
AHEAD_BYTES = 64 * 1024 * 1024  # faces drawn ahead and not yet shown: a few screenfuls


class LayoutWarmUp(QObject):
    """Lays out queued notes and draws ahead the faces not yet shown, a slice at a time,
    when no gesture is under way."""

    def __init__(
        self,
        notes: Mapping[str, NoteItem],
        views: Callable[[], list[QGraphicsView]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._notes = notes
        self._views = views
        self._queue: list[str] = []  # nearest to the view last: popped first
        self._sorted = False
        self._ahead: dict[NoteItem, int] = {}  # faces drawn ahead, and their bytes
        self._held = 0  # their bytes, counted again when they reach the budget
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._step)

    def add(self, note_ids: Iterable[str]) -> None:
        """Lay these out when there is time."""
        self._queue.extend(note_ids)
        self._sorted = False
        if self._queue and not self._timer.isActive():
            self._timer.start(0)

    def soon(self, note_ids: Iterable[str]) -> None:
        """Draw these next (a selection changes what they show, near where the user looks),
        without sorting the rest again: each selected note of a Ctrl+A comes here."""
        self._queue.extend(note_ids)
        if not self._timer.isActive():
            self._timer.start(0)

    def clear(self) -> None:
        self._queue.clear()
        self._ahead.clear()
        self._held = 0
        self._timer.stop()

    def pending(self) -> int:
        return len(self._queue)

    def held_bytes(self) -> int:
        """What the faces drawn ahead and not shown yet hold."""
        self._ahead = {i: n for i, n in self._ahead.items() if i.holds_ahead()}
        self._held = sum(self._ahead.values())
        return self._held

    def _step(self) -> None:
        views = self._views()
        if not views:
            self.clear()  # a scene drawn to a file is painted once, as it is
            return
        if QApplication.mouseButtons():
            self._timer.start(PAUSE_MS)
            return
        view = views[0]
        if not self._sorted:
            middle = view.mapToScene(view.viewport().rect().center())
            self._queue.sort(key=lambda nid: -_distance(self._notes.get(nid), middle))
            self._sorted = True
        lod = view.transform().m11()
        to_device = view.viewportTransform()
        scale = lod * view.viewport().devicePixelRatioF()
        # Shown notes let theirs go: counted again only at the budget, not at every slice
        # (a scan of thousands of faces, 1.6 ms a slice at 2,000 notes).
        held = self._held if self._held < AHEAD_BYTES else self.held_bytes()
        shown = view.mapToScene(view.viewport().rect()).boundingRect()  # painted next anyway
        ends = time.perf_counter() + SLICE_S
        while self._queue and time.perf_counter() < ends:
            item = self._notes.get(self._queue.pop())
            if item is None or not item.isVisible():
                continue
            item.layout(lod)
            if (
                held < AHEAD_BYTES
                and item.painted_scale != scale
                and not item.holds_ahead()
                and not shown.intersects(item.sceneBoundingRect())
            ):
                taken = item.draw_ahead(item.deviceTransform(to_device))
                if taken:
                    held += taken - self._ahead.get(item, 0)
                    self._ahead[item] = taken
        self._held = held
        if self._queue:
            self._timer.start(0)


def _distance(item: NoteItem | None, point: QPointF) -> float:
    if item is None:
        return 0.0
    d = item.pos() - point
    return d.x() * d.x() + d.y() * d.y()
