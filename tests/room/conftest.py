from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pofacil.board.formats.sample import write_sample
from pofacil.room.limits import RoomSettings
from pofacil.room.server import Room
from pofacil.room.sink import FileSink

# The real main window and the dialog answerer of the UI tests, for the room in the app.
from tests.ui.conftest import _isolated_settings, answer_dialogs, window  # noqa: F401


@pytest.fixture
def workshop(tmp_path: Path) -> Path:
    return write_sample(tmp_path / "room.pofacil")


@pytest.fixture
def sink(workshop: Path) -> Iterator[FileSink]:
    s = FileSink(workshop)
    yield s
    s.close()


@pytest.fixture
def room(sink: FileSink) -> Iterator[Room]:
    r = Room(sink, ["127.0.0.1"], settings=RoomSettings(), on_workshop=sink.on_workshop)
    r.start()
    yield r
    r.stop()
