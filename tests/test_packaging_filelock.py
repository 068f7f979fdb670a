"""The open-file lock on every platform: which calls each one uses, and that they hold.

The msvcrt branch runs only on Windows; `.github/workflows/installers.yml` runs this file
there (and on macOS) before building, and here the choice of branch is checked instead.
"""

from __future__ import annotations

import sqlite3
import sys
from contextlib import closing
from pathlib import Path

import pytest

from pofacil.board.storage import filelock
from pofacil.board.storage.filelock import WorkshopLock, lock_calls


@pytest.mark.parametrize(
    ("platform", "calls"),
    [("win32", "msvcrt"), ("linux", "flock"), ("darwin", "flock"), ("freebsd14", "flock")],
)
def test_each_platform_gets_its_lock_calls(platform: str, calls: str) -> None:
    assert lock_calls(platform).name == calls


def test_the_running_platform_uses_its_own_calls() -> None:
    assert lock_calls(sys.platform) == filelock._CALLS


def _workshop(tmp_path: Path) -> Path:
    path = tmp_path / "camp.pofacil"
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("create table notes (text)")
    return path


def test_a_second_opener_is_refused_until_the_first_lets_go(tmp_path: Path) -> None:
    path = _workshop(tmp_path)
    first, second = WorkshopLock(path), WorkshopLock(path)
    assert first.acquire()
    assert not second.acquire()
    # The lock must never stand in SQLite's way (on Windows: a byte past SQLite's own).
    db = sqlite3.connect(path)
    with db:
        db.execute("insert into notes values ('業務單位很忙')")
    db.close()
    first.release()
    assert second.acquire()
    second.release()
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("select count(*) from notes").fetchone() == (1,)


@pytest.mark.skipif(sys.platform != "win32", reason="msvcrt exists on Windows only")
def test_on_windows_the_msvcrt_byte_past_sqlites_locks_is_held(tmp_path: Path) -> None:
    import msvcrt
    import os

    path = _workshop(tmp_path)
    lock = WorkshopLock(path)
    assert filelock._CALLS.name == "msvcrt"
    assert lock.acquire()
    other = os.open(path, os.O_RDWR | os.O_BINARY)
    try:
        os.lseek(other, filelock.MSVCRT_OFFSET, os.SEEK_SET)
        with pytest.raises(OSError):
            msvcrt.locking(other, msvcrt.LK_NBLCK, 1)
    finally:
        os.close(other)
        lock.release()
