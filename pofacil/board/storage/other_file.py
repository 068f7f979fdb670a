"""Reading another workshop's file to merge its boards: read-only, never modified.

A breakout table's file comes on a stick, maybe write-protected, maybe from an older pofacil,
maybe still open on the table's laptop. Each case is told in words; the file itself is only
ever read.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pofacil.board.model import Workshop
from pofacil.board.model.errors import DamagedRowsWarning, FileInUseError, NotAWorkshopFile
from pofacil.board.model.points import Point

from .connection import connect
from .filelock import WorkshopLock
from .header import read_header
from .inbox import read_points
from .migrations import SCHEMA_VERSION
from .store import Store


@dataclass(frozen=True)
class OtherWorkshop:
    """The other workshop as read, and the warning to give when rows of it were unreadable
    (they are left out of the merge, and stay in that file)."""

    workshop: Workshop
    damaged: DamagedRowsWarning | None
    points: tuple[Point, ...] = ()  # its inbox's points not on a board: waiting or set aside


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _open_elsewhere(path: Path) -> bool:
    """True when another pofacil has the file open for writing (it holds the file's lock)."""
    lock = WorkshopLock(path)
    try:
        if not lock.acquire():
            return True
    except OSError:
        # Not writable here (a write-protected stick): no pofacil can be writing it either.
        return False
    lock.release()
    return False


def read_other(path: Path, into: Path) -> OtherWorkshop:
    """The workshop in ``path``, read to be merged into the workshop in ``into``.

    Refuses the workshop itself and a file another pofacil has open (its newest notes would
    be missing). A file in an older format is copied to a temporary file and the copy
    brought up to date; the original is not touched.
    """
    version, _ = read_header(path)  # a missing, empty or foreign file is told here
    if _same_file(path, into):
        raise NotAWorkshopFile(
            "{path} is the workshop itself; choose the file of another workshop to merge.",
            path=str(path),
        )
    if _open_elsewhere(path):
        raise FileInUseError(
            "{path} is open in another pofacil window; close it there first, so that every "
            "note it has is merged.",
            path=str(path),
        )
    if version >= SCHEMA_VERSION:
        return _load(path)
    with tempfile.TemporaryDirectory(prefix="pofacil-merge-") as folder:
        copy = Path(folder) / path.name
        conn = connect(path, read_only=True)
        try:
            conn.execute("VACUUM INTO ?", [str(copy)])
        except sqlite3.Error as exc:
            raise NotAWorkshopFile(
                "{path} is damaged ({reason}); 'pofacil check' lists the problems.",
                path=str(path),
                reason=str(exc),
            ) from None
        finally:
            conn.close()
        upgraded = Store.open(copy)  # migrates the copy
        upgraded.close()
        return _load(copy)


def _load(path: Path) -> OtherWorkshop:
    store = Store.open(path, read_only=True)
    try:
        points = tuple(read_points(store.conn, None))
        return OtherWorkshop(store.load(), store.damage_warning(), points)
    finally:
        store.close()
