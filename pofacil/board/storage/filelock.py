"""An advisory lock that tells one pofacil process another already has a workshop open.

The lock lives on the workshop file itself, so nothing is left beside it, and the operating
system drops it when the process dies, so a crash never leaves a stale lock behind.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

# SQLite locks bytes from 1 GiB up to 1 GiB + 512; on Windows lock a byte past them so we
# never block SQLite's own locking.
MSVCRT_OFFSET = 0x40000000 + 4096


class LockCalls(NamedTuple):
    name: str
    try_lock: Callable[[int], bool]
    unlock: Callable[[int], None]


def _msvcrt_try_lock(fd: int) -> bool:
    import msvcrt  # Windows only

    os.lseek(fd, MSVCRT_OFFSET, os.SEEK_SET)
    try:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
    except OSError:
        return False
    return True


def _msvcrt_unlock(fd: int) -> None:
    import msvcrt

    os.lseek(fd, MSVCRT_OFFSET, os.SEEK_SET)
    msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]


# flock, not fcntl/lockf: POSIX record locks are shared with SQLite's own locks and would be
# released whenever any descriptor of the file is closed.
def _flock_try_lock(fd: int) -> bool:
    import fcntl  # POSIX only

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _flock_unlock(fd: int) -> None:
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


def lock_calls(platform: str = sys.platform) -> LockCalls:
    """How this platform locks: msvcrt byte locks on Windows, flock everywhere else."""
    if platform == "win32":
        return LockCalls("msvcrt", _msvcrt_try_lock, _msvcrt_unlock)
    return LockCalls("flock", _flock_try_lock, _flock_unlock)


_CALLS = lock_calls()


class WorkshopLock:
    """Held from opening a workshop for writing until closing it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> bool:
        """True when the lock is ours; False when another process holds it."""
        fd = os.open(self.path, os.O_RDWR | getattr(os, "O_BINARY", 0))
        if not _CALLS.try_lock(fd):
            os.close(fd)
            return False
        self._fd = fd
        return True

    def identity(self) -> tuple[int, int]:
        """(device, inode) of the file as opened: a path that no longer gives these was
        deleted or moved."""
        assert self._fd is not None
        st = os.fstat(self._fd)
        return st.st_dev, st.st_ino

    def release(self) -> None:
        # Must run after SQLite closed the file: closing this descriptor would otherwise drop
        # SQLite's POSIX locks along with ours.
        if self._fd is not None:
            _CALLS.unlock(self._fd)
            os.close(self._fd)
            self._fd = None
