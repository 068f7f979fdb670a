"""The room's limits (settings, so tests can raise them) and the sliding windows that keep them."""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass


@dataclass(frozen=True)
class RoomSettings:
    """What one phone (a device cookie) or one client address may do."""

    points_per_minute: int = 10  # per device
    votes_per_minute: int = 30  # per device, spent and taken back alike
    new_devices_per_minute: int = 3  # per client address
    wrong_codes_per_minute: int = 5  # per client address, wrong room codes and tokens alike
    point_chars: int = 2_000
    name_chars: int = 60
    # A request's body: a longest point of Chinese text is 6,000 bytes of UTF-8, a longest name
    # 180; with the JSON around them a point fits in 8 KB, and nothing bigger is read.
    body_bytes: int = 8_192
    # Points committed in one transaction at most: more make fewer disk flushes, but the app
    # commits on its GUI thread, and a batch of 20 stays well inside a 100 ms frame budget.
    batch_points: int = 20


class Windows:
    """Events per key within the last ``span`` seconds; a key over its limit is refused."""

    def __init__(self, limit: int, span: float = 60.0) -> None:
        self.limit = limit
        self.span = span
        self._events: dict[str, deque[float]] = {}

    def _recent(self, key: str, now: float) -> deque[float]:
        events = self._events.setdefault(key, deque())
        while events and events[0] <= now - self.span:
            events.popleft()
        if not events:
            # Forget quiet keys so a stream of addresses cannot grow the table for ever.
            self._events.pop(key, None)
            events = self._events.setdefault(key, deque())
        return events

    def full(self, key: str) -> bool:
        """True when ``key`` has used its limit within the window."""
        return len(self._recent(key, time.monotonic())) >= self.limit

    def take(self, key: str) -> bool:
        """Count one event for ``key``; False (and not counted) when it is over its limit."""
        now = time.monotonic()
        events = self._recent(key, now)
        if len(events) >= self.limit:
            return False
        events.append(now)
        return True
