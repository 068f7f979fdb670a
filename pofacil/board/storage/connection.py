"""Opening the SQLite connection: rollback journal, durable commits, read-only opens that
create nothing, and the errors a user can act on."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from pofacil.board.model.errors import (
    FileInUseError,
    NeedsRecoveryError,
    NotAWorkshopFile,
    ReadOnlyError,
    StorageError,
)

from .migrations import SCHEMA_VERSION
from .table_checks import quick_check

# EXTRA, not FULL: FULL does not flush the folder after the journal is deleted, so a power cut
# right after a commit can bring the journal back and roll a committed gesture away.
SYNCHRONOUS = "EXTRA"
# How long a commit waits for a reader (an export, a read-only window) to finish its read.
WRITE_WAIT_S = 5.0
# How long an open waits for another program's lock before saying the file is in use.
OPEN_WAIT_S = 1.0
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY_ROLLBACK = 776


def connect(path: Path, read_only: bool) -> sqlite3.Connection:
    """A connection in rollback-journal mode, or one that cannot write at all."""
    try:
        if read_only:
            conn = sqlite3.connect(_read_only_uri(path), uri=True, timeout=OPEN_WAIT_S)
        else:
            conn = sqlite3.connect(path, timeout=OPEN_WAIT_S)
    except sqlite3.Error as exc:
        raise NotAWorkshopFile(
            "{path} cannot be opened: {reason}.", path=str(path), reason=str(exc)
        ) from None
    try:
        # The first read rolls back a hot journal (a crash mid-gesture); read-only, SQLite
        # cannot, and says so here rather than later as "damaged".
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        if not read_only:
            # A file an older pofacil left in WAL mode is checkpointed into itself here and
            # its side files removed.
            conn.execute("PRAGMA journal_mode=DELETE")
            conn.execute(f"PRAGMA synchronous={SYNCHRONOUS}")
            conn.execute(f"PRAGMA busy_timeout={int(WRITE_WAIT_S * 1000)}")
            _remove_cold_journal(conn, path)
    except sqlite3.OperationalError as exc:
        conn.close()
        if is_busy(exc):
            raise FileInUseError(
                "{path} is in use by another program; close it there and try again.", path=str(path)
            ) from None
        if getattr(exc, "sqlite_errorcode", None) == SQLITE_READONLY_ROLLBACK:
            raise _needs_recovery(path) from None
        raise NotAWorkshopFile(
            "{path} cannot be opened: {reason}.", path=str(path), reason=str(exc)
        ) from None
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise NotAWorkshopFile(
            "{path} is damaged: {reason}.", path=str(path), reason=str(exc)
        ) from None
    return conn


def damaged(conn: sqlite3.Connection, exc: sqlite3.DatabaseError) -> NotAWorkshopFile:
    """The error to raise when a read after the open finds a damaged page: SQLite's quick
    check vouches for the file's structure, not for every record on every page."""
    rows = conn.execute("PRAGMA database_list").fetchall()
    path = next((str(r[2]) for r in rows if r[1] == "main"), "")
    return NotAWorkshopFile("{path} is damaged: {reason}.", path=path, reason=str(exc))


def open_checked(path: Path, read_only: bool) -> tuple[sqlite3.Connection, int]:
    """A connection (see :func:`connect`) to a file whose pages and tables SQLite vouches
    for, and the file's schema version; a read-only one only at the version this build reads,
    as it cannot migrate. Every open goes through here: a store's, and those of `pofacil info`
    and `check`."""
    conn = connect(path, read_only)
    try:
        quick_check(conn, path)
        # Again, now that SQLite has rolled back what a kill left half-written: the header
        # read before it can show a migration that never committed.
        version: int = conn.execute("PRAGMA user_version").fetchone()[0]
        if version < SCHEMA_VERSION and read_only:
            raise ReadOnlyError(
                "{path} uses an older file format; open it for writing once to upgrade it.",
                path=str(path),
            )
    except BaseException:
        conn.close()
        raise
    return conn, version


def _remove_cold_journal(conn: sqlite3.Connection, path: Path) -> None:
    """Remove a journal a kill left before its transaction wrote anything to the file.

    SQLite rolls a hot journal back on the first read; one whose header was not yet written
    has nothing to roll back, so SQLite ignores it, and only the next write would remove it:
    a file opened and closed without a change would keep it beside it for good. Holding the
    write lock proves no other program is in the middle of a transaction using it.
    """
    journal = path.with_name(path.name + "-journal")
    if not journal.exists():
        return
    from .atomic import fsync_folder  # writing only: a read-only open has no use for it

    conn.execute("BEGIN IMMEDIATE")
    try:
        journal.unlink(missing_ok=True)
        fsync_folder(path.parent)
    finally:
        conn.execute("ROLLBACK")


def _read_only_uri(path: Path) -> str:
    """The URI of a read-only open that creates nothing beside the file.

    A file left in WAL mode (by an older pofacil) would need a ``-shm`` file even to be read;
    with no write-ahead log beside it there is nothing to recover, so it is read as immutable.
    One with a log holds gestures only a writable open can recover.
    """
    uri = f"{path.resolve().as_uri()}?mode=ro"
    with open(path, "rb") as fh:
        wal_mode = fh.read(20)[18:20] == b"\x02\x02"
    if wal_mode:
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise _needs_recovery(path)
        uri += "&immutable=1"
    return uri


def _needs_recovery(path: Path) -> NeedsRecoveryError:
    if read_only_media(path):
        return NeedsRecoveryError(
            "{path} was not closed properly (a crash or power cut during a change) and must "
            "be recovered before it can be read: copy it together with the files beside it "
            "whose names start with {name} to a disk you can write to, and open it there in "
            "pofacil.",
            path=str(path),
            name=path.name,
        )
    return NeedsRecoveryError(
        "{path} was not closed properly (a crash or power cut during a change) and must be "
        "recovered before it can be read: open it in pofacil for writing once; the unfinished "
        "change is rolled back and every finished one kept.",
        path=str(path),
    )


def is_busy(exc: sqlite3.OperationalError) -> bool:
    return getattr(exc, "sqlite_errorcode", None) in (SQLITE_BUSY, SQLITE_LOCKED) or (
        "locked" in str(exc)
    )


def read_only_media(path: Path) -> bool:
    try:
        return bool(os.statvfs(path.parent).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs on Windows
        return False


def check_name_length(path: Path) -> None:
    """SQLite writes ``NAME-journal`` beside the file; a name with no room for that suffix
    could be created but never written to."""
    try:
        limit = os.pathconf(path.parent, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        limit = 255
    longest = limit - len("-journal")
    if len(os.fsencode(path.name)) > longest:
        raise StorageError(
            "The file name {name} is too long for this disk: pofacil needs to keep a file "
            "named after it with '-journal' added, so use a name of at most {limit} bytes.",
            name=path.name,
            limit=longest,
        )
