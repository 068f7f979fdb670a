"""Where a room's points are committed when no window is open: one thread owning the file.

SQLite connections belong to the thread that opened them, and a commit waits on the disk:
the thread keeps both off the server's event loop, and commits a whole batch at a time.
"""

from __future__ import annotations

import concurrent.futures
import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from pofacil.board.session import Session

from .receive import ROOM_ACTOR, Arrival, Placement, Receipt, receive

_T = TypeVar("_T")


class FileSink:
    """Opens the workshop on its own thread; call it with a batch, get a future of receipts."""

    def __init__(self, path: str | os.PathLike[str], place: Placement | None = None) -> None:
        self._executor = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="room-file")
        self.place = place or Placement()
        self.session: Session = self._executor.submit(
            Session.open, Path(path), actor=ROOM_ACTOR
        ).result()

    def __call__(self, arrivals: list[Arrival]) -> concurrent.futures.Future[list[Receipt]]:
        return self._executor.submit(receive, self.session, arrivals, self.place)

    def on_workshop(self, call: Callable[[Session], _T]) -> concurrent.futures.Future[_T]:
        """``call(session)`` on the file's thread, as a future (the room's votes)."""
        return self._executor.submit(call, self.session)

    def run(self, call: Callable[[Session], _T]) -> _T:
        """Run ``call(session)`` on the file's thread (a look-up before the room opens)."""
        return self._executor.submit(call, self.session).result()

    def close(self) -> None:
        try:
            self._executor.submit(self.session.close).result()
        finally:
            self._executor.shutdown()
