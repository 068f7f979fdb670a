"""The load trial: 60 phones send 20 points each to the room the app hosts, on loopback.

Bounded in counts and correctness: every acknowledged point is in the file exactly once, none
lost, none doubled, and nothing is refused. The figures (points a second, p95, the GUI loop's
longest gap) are printed here and measured against a baseline in bench/room_bench.py.
"""

from __future__ import annotations

import sqlite3
import time
from collections import Counter

import pytest
from PySide6.QtCore import QTimer

from pofacil.room.limits import RoomSettings
from pofacil.room.server import Room

from .load import read_result, start_load_process

LOAD = RoomSettings(points_per_minute=1_000, new_devices_per_minute=100)


class GapMeter:
    """The GUI loop's longest wait between two ticks of a 5 ms timer: how long it stalled."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        self._last = now


@pytest.mark.slow
@pytest.mark.parametrize("direct", [False, True], ids=["inbox", "direct"])
def test_sixty_phones_twenty_points_each_all_in_the_file_once(
    window, qtbot, tmp_path, direct
) -> None:
    room = window.room.open("127.0.0.1", direct, Room(window.room.sink, ["127.0.0.1"], 0, LOAD))
    assert room is not None
    meter = GapMeter()
    out = str(tmp_path / "load.json")
    process = start_load_process(room.url(), out, phones=60, points=20)
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=300_000)
    meter.timer.stop()
    window.room.close()
    assert process.returncode == 0
    result = read_result(out)
    assert result.failed == []
    assert len(result.acked) == 1200
    with sqlite3.connect(window.document.path) as conn:
        table = "notes" if direct else "inbox"
        stored = Counter(t for (t,) in conn.execute(f"SELECT text FROM {table}"))
    assert all(stored[t] == 1 for t in result.acked), "every acknowledged point exactly once"
    print(
        f"\n{'direct' if direct else 'inbox'}: {result.per_second:.0f} points/s, "
        f"p95 {result.p95() * 1000:.0f} ms, longest GUI gap {max(meter.gaps) * 1000:.0f} ms"
    )
