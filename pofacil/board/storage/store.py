"""The workshop file: one SQLite database per workshop, written through sqlite-utils.

Every change is written in one transaction together with its history row, so a crash or a
power cut loses at most the gesture in progress. The file always uses a rollback journal
(``journal_mode=DELETE``), never a write-ahead log: between two gestures the ``.pofacil`` file
alone holds every committed gesture, so copying it to a USB stick while the app is open gives
the whole workshop, and a read-only open never needs (or creates) a file beside it.
``synchronous=EXTRA`` also flushes the journal's removal, so a power cut just after a commit
or a clean close never leaves a hot journal behind.
"""

from __future__ import annotations

import json
import math
import os
import re
import sqlite3
import stat
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pofacil.board.model import LINK_KINDS, Cell, Change, Patch, Row, Workshop, WorkshopInfo, now
from pofacil.board.model.errors import (
    DamagedHistoryError,
    DamagedRowsWarning,
    FileInUseError,
    NeedsRecoveryError,
    NewerFileError,
    NotAWorkshopFile,
    PofacilError,
    ReadOnlyError,
    StorageError,
    UnstorableChange,
)
from pofacil.board.model.kinds import KIND_BY_ID

from .atomic import atomic_write, fsync_folder
from .filelock import WorkshopLock
from .migrations import APPLICATION_ID, SCHEMA_VERSION, TABLES, migrate

if TYPE_CHECKING:
    # Imported where a store is opened for real: the read-only summary of `pofacil info`
    # and `check` reads the file with sqlite3 alone, and sqlite-utils costs 0.1 s to import.
    import sqlite_utils

SQLITE_MAGIC = b"SQLite format 3\x00"
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
TABLE_OF = {
    "workshop": "workshop",
    "board": "boards",
    "note": "notes",
    "cluster": "clusters",
    "link": "links",
}
# Columns a row may leave NULL; every other one must hold a value of its type.
_OPTIONAL = {
    ("boards", "cells"),
    ("notes", "cell"),
    ("notes", "cluster"),
    ("notes", "origin"),
    ("history", "board"),
    ("history", "state_at"),
    ("history", "state_by"),
}
_CELL_FIELDS = {f.name for f in fields(Cell)}
_COLOR = re.compile(r"#[0-9A-Fa-f]{6}")
# A history line past this size when inflated is not one pofacil wrote (an import of 20,000
# notes is a few MB): refusing it keeps a crafted file from filling the memory.
_MAX_HISTORY_BYTES = 256 * 1024 * 1024

_T = TypeVar("_T")


@dataclass(frozen=True)
class DamagedRow:
    """A row that could not be read and was left out of the workshop; the file keeps it."""

    entity: str
    id: str  # the row's id, or "row N" when the id itself is unreadable
    reason: str

    def __str__(self) -> str:
        return f"{self.entity} {self.id}: {self.reason}"


@dataclass(frozen=True)
class HistoryEntry:
    """One line of the workshop's history: who did what, when, and whether it was undone."""

    id: int
    at: str
    actor: str
    board: str | None
    label: str
    state: str  # "done", "undone" (can be redone) or "dropped" (undone, then superseded)
    state_at: str | None
    state_by: str | None
    patches: list[Patch]

    def describe(self, names: Mapping[str, str] = {}) -> str:
        """The label with the first note text or name it touched, for a history list.

        History keeps only the changed fields of an update, so ``names`` (entity id to its
        current text or name) fills in what a move or a recolor does not carry.
        """
        for patch in self.patches:
            if patch.entity in ("note", "board", "cluster"):
                key = "text" if patch.entity == "note" else "name"
                row = patch.after or patch.before or {}
                text = str(row.get(key, names.get(patch.id, ""))).replace("\n", " ")
                more = sum(p.entity == patch.entity for p in self.patches) - 1
                suffix = f" (+{more})" if more > 0 else ""
                return f"{self.label}: {text[:40]}{suffix}"
        return self.label


def read_header(path: Path) -> tuple[int, int]:
    """Check a file looks like a pofacil workshop before SQLite touches it.

    Returns (schema version, page count). Raises a one-line error otherwise; the file is
    only read, so a wrong file is never modified.
    """
    try:
        # stat before open: opening a FIFO (or a device) blocks until someone writes to it.
        mode = os.stat(path).st_mode
        if stat.S_ISDIR(mode):
            raise NotAWorkshopFile("{path} is a folder, not a workshop file.", path=str(path))
        if not stat.S_ISREG(mode):
            raise NotAWorkshopFile(
                "{path} is not a regular file (a pipe, socket or device), "
                "so it is not a workshop file.",
                path=str(path),
            )
        with open(path, "rb") as fh:
            header = fh.read(100)
        size = path.stat().st_size
    except FileNotFoundError:
        raise NotAWorkshopFile("{path}: no such file.", path=str(path)) from None
    except OSError as exc:
        raise NotAWorkshopFile(
            "{path} cannot be read: {reason}.", path=str(path), reason=exc.strerror or str(exc)
        ) from None
    if not header:
        raise NotAWorkshopFile("{path} is empty, not a pofacil workshop.", path=str(path))
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise NotAWorkshopFile("{path} is not a pofacil workshop file.", path=str(path))
    app_id = int.from_bytes(header[68:72], "big")
    version = int.from_bytes(header[60:64], "big", signed=True)  # user_version is signed
    if app_id != APPLICATION_ID:
        raise NotAWorkshopFile(
            "{path} is a database of another program, not a pofacil workshop.", path=str(path)
        )
    if version < 1:
        # Every pofacil file is written at version 1 or later in the same transaction that
        # marks it as ours; a lower number is damage, and migrating it would fail halfway.
        raise NotAWorkshopFile(
            "{path} is damaged: its file format version is {found}.", path=str(path), found=version
        )
    if version > SCHEMA_VERSION:
        raise NewerFileError(
            "{path} was written by a newer pofacil (file format {found}, this version reads "
            "up to {supported}); please update pofacil.",
            path=str(path),
            found=version,
            supported=SCHEMA_VERSION,
        )
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # After a crash mid-commit the header may already count pages the file does not have yet;
    # the journal beside it (or, from an older pofacil, the write-ahead log) recovers them or
    # rolls them back, so that is no truncation.
    recovering = any(
        side.exists() and side.stat().st_size > 0
        for side in (path.with_name(path.name + "-journal"), path.with_name(path.name + "-wal"))
    )
    if size < page_size * pages and not recovering:
        raise NotAWorkshopFile(
            "{path} is damaged: the file is truncated ({size} of {expected} bytes).",
            path=str(path),
            size=size,
            expected=page_size * pages,
        )
    return version, pages


class Store:
    """An open workshop file."""

    # What the last load left out; a class default, so a store never loaded has nothing.
    damaged: tuple[DamagedRow, ...] = ()

    def __init__(self, path: Path, conn: sqlite3.Connection, lock: WorkshopLock | None) -> None:
        self.path = path
        self.conn = conn
        self._db: sqlite_utils.Database | None = None
        self._lock = lock

    @property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils on the store's connection, imported when first written or queried
        through it: reading a summary (`pofacil info`, `check`) needs sqlite3 alone."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn, execute_plugins=False)
        return self._db

    @property
    def read_only(self) -> bool:
        return self._lock is None

    # -- opening and creating ------------------------------------------------------------
    @classmethod
    def create(cls, path: str | os.PathLike[str], workshop: Workshop | None = None) -> Store:
        """Create a new workshop file holding ``workshop`` (empty by default), without history.

        Refuses to replace an existing file.
        """
        path = Path(path)
        if path.exists():
            raise StorageError("{path} already exists; choose another name.", path=str(path))
        _check_name_length(path)
        write_workshop(path, workshop or Workshop(), replace=False)
        return cls.open(path)

    @classmethod
    def open(cls, path: str | os.PathLike[str], read_only: bool = False) -> Store:
        """Open a workshop file, refusing anything that is not one without modifying it.

        A read-only open never writes, never needs write access and never creates a file
        beside the workshop, so it works on a write-protected stick or a CD.
        """
        path = Path(path)
        version, _ = read_header(path)
        lock = None
        if not read_only:
            if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
                raise ReadOnlyError(
                    "{path} cannot be written here (read-only file, folder or disk); "
                    "open it read-only or save a copy elsewhere.",
                    path=str(path),
                )
            _check_name_length(path)
            lock = WorkshopLock(path)
            if not lock.acquire():
                raise FileInUseError(
                    "{path} is open in another pofacil window; close it there, or open it "
                    "read-only.",
                    path=str(path),
                )
        try:
            conn = _connect(path, read_only)
            _quick_check(conn, path)
            if version < SCHEMA_VERSION and read_only:
                raise ReadOnlyError(
                    "{path} uses an older file format; open it for writing once to upgrade it.",
                    path=str(path),
                )
            store = cls(path, conn, lock)
            if version < SCHEMA_VERSION:
                migrate(store.db)
        except BaseException:
            if "conn" in locals():
                conn.close()
            if lock is not None:
                lock.release()
            raise
        return store

    @property
    def on_read_only_media(self) -> bool:
        """True when the file's disk refuses writes (a write-protected stick, a CD)."""
        return _read_only_media(self.path)

    def close(self) -> None:
        if self.conn is None:
            return
        try:
            self.conn.close()
        finally:
            self.conn, self._db = None, None  # type: ignore[assignment]
            if self._lock is not None:
                self._lock.release()

    # -- reading -----------------------------------------------------------------------------
    def load(self) -> Workshop:
        """The whole workshop in memory, without the rows that cannot be read.

        A bad row (a text that is not text, a position that is not a number, a note on a
        board that is gone) is left out and listed in :attr:`damaged`, so one damaged note
        never keeps the rest of the workshop from opening; the file itself is not changed.
        Damage to the file's structure (a missing table or column) still refuses it.
        """
        return self._read(_read_workshop)

    def summary(self) -> dict[str, Any]:
        """The workshop's details and, per live board, its notes counted per cell and group:
        what ``pofacil info`` prints, read with sqlite3 without building the model.

        Rows :meth:`load` would leave out are left out here too, and listed in :attr:`damaged`.
        """
        return self._read(_summary)

    def _read(self, read: Callable[[sqlite3.Connection], tuple[_T, list[DamagedRow]]]) -> _T:
        """``read`` the rows of a file whose structure is sound, remembering what it left out."""
        try:
            problems = _schema_problems(self.conn, columns=True)
            if problems:
                raise NotAWorkshopFile(
                    "{path} is damaged: {reason}.", path=str(self.path), reason=problems[0]
                )
            result, damaged = read(self.conn)
        except sqlite3.Error as exc:
            raise NotAWorkshopFile(
                "{path} is damaged ({reason}); 'pofacil check' lists the problems.",
                path=str(self.path),
                reason=str(exc),
            ) from None
        self.damaged = tuple(damaged)
        return result

    def damage_warning(self) -> DamagedRowsWarning | None:
        """The message to show once when :meth:`load` left rows out; None when it left none."""
        if not self.damaged:
            return None
        rows = "; ".join(str(d) for d in self.damaged[:3])
        if len(self.damaged) > 3:
            rows += f"; +{len(self.damaged) - 3}"
        return DamagedRowsWarning(
            "{path}: {count} damaged row(s) could not be read and are left out ({rows}); the "
            "file keeps them unchanged and 'pofacil check' lists them.",
            path=str(self.path),
            count=len(self.damaged),
            rows=rows,
        )

    def history(self, board: str | None = None, entity: str | None = None) -> list[HistoryEntry]:
        """History lines, oldest first; for one board, or for one note, cluster or board."""
        sql = "SELECT * FROM history"
        params: list[object] = []
        if entity is not None:
            sql += " WHERE id IN (SELECT history FROM history_entities WHERE entity = ?)"
            params.append(entity)
        elif board is not None:
            sql += " WHERE board = ?"
            params.append(board)
        try:
            with _lenient_text(self.conn):
                rows = list(self.db.query(sql + " ORDER BY id", params))
        except sqlite3.Error as exc:
            raise NotAWorkshopFile(
                "{path} is damaged ({reason}); 'pofacil check' lists the problems.",
                path=str(self.path),
                reason=str(exc),
            ) from None
        return [_entry(r, self.path) for r in rows]

    def counts(self) -> tuple[int, int, int]:
        """(live boards, notes, history lines), counted by SQLite: nothing is decompressed."""
        boards, notes, lines = (
            self.conn.execute(sql).fetchone()[0]
            for sql in (
                "SELECT COUNT(*) FROM boards WHERE NOT deleted",
                "SELECT COUNT(*) FROM notes",
                "SELECT COUNT(*) FROM history",
            )
        )
        return boards, notes, lines

    def entry(self, history_id: int) -> HistoryEntry:
        """One history line; :class:`DamagedHistoryError` when it cannot be read back."""
        try:
            with _lenient_text(self.conn):
                row = self.db.table("history").get(history_id)
        except sqlite3.Error as exc:
            raise DamagedHistoryError(
                "History line {id} of {path} is damaged ({reason}); it cannot be listed, "
                "undone or redone.",
                id=history_id,
                path=str(self.path),
                reason=str(exc),
            ) from None
        return _entry(row, self.path)

    def last(self, state: str) -> int | None:
        """The newest 'done' line (what undo reverts) or the oldest 'undone' (what redo redoes)."""
        order = "DESC" if state == "done" else "ASC"
        row = self.db.execute(
            f"SELECT id FROM history WHERE state = ? ORDER BY id {order} LIMIT 1", [state]
        ).fetchone()
        return row[0] if row else None

    # -- writing -------------------------------------------------------------------------
    def commit(self, change: Change, actor: str) -> int:
        """Write a change and its history line in one transaction; returns the line's id."""
        compact = [p.compact() for p in change.patches]
        with self._writing():
            self._write_rows(compact)
            self.db.execute("UPDATE history SET state = 'dropped' WHERE state = 'undone'")
            history_id = (
                self.db.table("history")
                .insert(
                    {
                        "at": now(),
                        "actor": actor,
                        "board": change.board,
                        "label": change.label,
                        "patches": _pack(compact),
                        "state": "done",
                        "state_at": None,
                        "state_by": None,
                    }
                )
                .last_pk
            )
            assert history_id is not None
            # Plain executemany: sqlite-utils' per-row checks cost more than the write itself
            # for a 500-note gesture.
            self.conn.executemany(
                "INSERT OR IGNORE INTO history_entities (entity, history) VALUES (?, ?)",
                [(i, history_id) for i in {p.id for p in change.patches}],
            )
        return int(history_id)

    def set_state(self, history_id: int, patches: list[Patch], state: str, actor: str) -> None:
        """Write the rows of an undo or redo and flip its history line, in one transaction."""
        with self._writing():
            self._write_rows([p.compact() for p in patches])
            self.db.table("history").update(
                history_id, {"state": state, "state_at": now(), "state_by": actor}
            )

    def save_copy(
        self, dest: str | os.PathLike[str], changes: Sequence[Change] = (), actor: str = ""
    ) -> Path:
        """A consistent copy through ``VACUUM INTO``, with ``changes`` committed on top (what
        this file could not take), put in place only once complete and on the disk."""
        dest = Path(dest)
        if dest.exists() and dest.resolve() == self.path.resolve():
            raise StorageError("A copy cannot replace the open workshop itself.")

        def write(tmp: Path) -> None:
            self.conn.execute("VACUUM INTO ?", [str(tmp)])  # into the empty file
            if changes:
                copy = Store.open(tmp)
                try:
                    for change in changes:
                        copy.commit(change, actor)
                finally:
                    copy.close()

        try:
            return atomic_write(dest, write)
        except sqlite3.Error as exc:
            reason = str(exc)
        except StorageError as exc:
            reason = str(exc.params.get("reason", exc))
        raise StorageError(
            "Could not save a copy to {path}: {reason}.", path=str(dest), reason=reason
        )

    def ensure_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyError("This workshop is open read-only; nothing can be changed.")

    def ensure_in_place(self) -> None:
        """Refuse to write when the file was deleted or moved since it was opened.

        SQLite would go on writing to the open, unlinked file, and every later gesture would
        vanish at close while the status said Saved; this is a stat per gesture.
        """
        assert self._lock is not None
        try:
            here = os.stat(self.path)
        except OSError:
            here = None
        if here is None or (here.st_dev, here.st_ino) != self._lock.identity():
            raise StorageError(
                "{path} was deleted or moved while it was open, so changes can no longer be "
                "saved to it.",
                path=str(self.path),
            )

    @contextmanager
    def _writing(self) -> Iterator[None]:
        self.ensure_writable()
        self.ensure_in_place()
        try:
            with self.db.atomic():
                yield
        except (sqlite3.OperationalError, OSError) as exc:
            if isinstance(exc, sqlite3.OperationalError) and _busy(exc):
                raise StorageError(
                    "{path} is in use by another program, so this change could not be saved; "
                    "close that program.",
                    path=str(self.path),
                ) from None
            raise StorageError(
                "Could not write {path}: {reason}.", path=str(self.path), reason=str(exc)
            ) from None
        except sqlite3.DatabaseError as exc:
            raise StorageError(
                "Could not write {path}: {reason}.", path=str(self.path), reason=str(exc)
            ) from None
        except (sqlite3.Error, ValueError, TypeError, OverflowError, UnicodeError) as exc:
            # The data, not the disk: SQLite refused a value (a huge integer, a lone
            # surrogate). The transaction was rolled back; the caller undoes the model.
            raise UnstorableChange(
                "This change could not be stored ({reason}) and was not made.", reason=str(exc)
            ) from None

    def _write_rows(self, patches: list[Patch]) -> None:
        """Write compact patches (updates carry only their changed fields).

        One statement per table and kind of write, so a drag of 500 notes is one executemany."""
        # Order between tables does not matter: rows refer to each other only by id.
        inserts: dict[str, dict[str, Row]] = {}
        updates: dict[tuple[str, tuple[str, ...]], list[list[object]]] = {}
        removals: dict[str, list[str]] = {}
        for patch in patches:
            table = TABLE_OF[patch.entity]
            if patch.after is None:
                removals.setdefault(table, []).append(patch.id)
            elif patch.before is None:
                inserts.setdefault(table, {})[patch.id] = patch.after
            else:
                changed = patch.after
                columns = tuple(sorted(changed))
                if columns:
                    updates.setdefault((table, columns), []).append(
                        [changed[c] for c in columns] + [patch.id]
                    )
        for table, ids in removals.items():
            self.db.execute(f"DELETE FROM [{table}] WHERE id IN ({', '.join('?' * len(ids))})", ids)
        for table, rows in inserts.items():
            self.db.table(table).insert_all(rows.values(), replace=True)
        for (table, columns), values in updates.items():
            # sqlite-utils updates one row per call; a gesture's updates share their columns,
            # so they go to SQLite as one prepared statement on sqlite-utils' connection.
            assignments = ", ".join(f"[{c}] = ?" for c in columns)
            self.conn.executemany(f"UPDATE [{table}] SET {assignments} WHERE id = ?", values)

    # -- checking ------------------------------------------------------------------------
    def check(self) -> list[str]:
        """Every problem found in the file; an empty list means it is sound.

        Damage is what it reports, so it never raises for it: a file SQLite cannot read
        at all gives one problem saying so.
        """
        conn = self.conn
        try:
            # One line each: SQLite's own report puts line breaks inside a problem.
            problems = [
                " ".join(str(r[0]).split())
                for r in conn.execute("PRAGMA integrity_check").fetchall()
                if r[0] != "ok"
            ]
            problems += _schema_problems(conn, columns=True)
            if problems:
                return problems
            # The rows as load judges them, without building the model from them.
            rows, typed = _snapshot(conn)
            damaged: list[DamagedRow] = []
            _details(rows, damaged)
            kept = _sound_rows(rows, typed, damaged)
            problems += [str(d) for d in damaged]
            for board in kept["board"]:
                cells = {c["id"] for c in json.loads(board["cells"] or "[]")}
                clusters = {c["id"] for c in kept["cluster"] if c["board"] == board["id"]}
                notes = [n for n in kept["note"] if n["board"] == board["id"]]
                for count, what in (
                    (
                        sum(n["cell"] is not None and n["cell"] not in cells for n in notes),
                        "notes in a missing cell",
                    ),
                    (
                        sum(
                            n["cluster"] is not None and n["cluster"] not in clusters for n in notes
                        ),
                        "notes in a missing group",
                    ),
                ):
                    if count:
                        problems.append(f"{count} {what} on board {board['name']}")
            unknown = conn.execute(
                "SELECT COUNT(*) FROM history WHERE state NOT IN ('done', 'undone', 'dropped')"
            ).fetchone()[0]
            if unknown:
                problems.append(f"{unknown} history lines in an unknown state")
            with _lenient_text(conn):
                cursor = conn.execute("SELECT * FROM history ORDER BY id")
                names = [d[0] for d in cursor.description]
                lines = [dict(zip(names, values, strict=False)) for values in cursor]
            for row in lines:
                try:
                    _entry(row, self.path)
                except DamagedHistoryError as exc:
                    problems.append(
                        f"history line {row['id']} is unreadable ({exc.params['reason']})"
                    )
        except sqlite3.DatabaseError as exc:
            problems = [f"the file cannot be read ({exc})"]
        return problems


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
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
        if _busy(exc):
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
    if _read_only_media(path):
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


def _busy(exc: sqlite3.OperationalError) -> bool:
    return getattr(exc, "sqlite_errorcode", None) in (SQLITE_BUSY, SQLITE_LOCKED) or (
        "locked" in str(exc)
    )


def _read_only_media(path: Path) -> bool:
    try:
        return bool(os.statvfs(path.parent).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs on Windows
        return False


def _check_name_length(path: Path) -> None:
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


def _quick_check(conn: sqlite3.Connection, path: Path) -> None:
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
        # Not the columns yet: an older file gets those from its migration after this check.
        problems = _schema_problems(conn, columns=False)
    except sqlite3.DatabaseError as exc:
        raise NotAWorkshopFile(
            "{path} is damaged: {reason}.", path=str(path), reason=str(exc)
        ) from None
    if result != "ok":
        # One line: SQLite's report puts line breaks inside a problem.
        raise NotAWorkshopFile(
            "{path} is damaged: {reason}.", path=str(path), reason=" ".join(str(result).split())
        )
    if problems:
        raise NotAWorkshopFile("{path} is damaged: {reason}.", path=str(path), reason=problems[0])


def _schema_problems(conn: sqlite3.Connection, columns: bool) -> list[str]:
    """Missing tables, views standing in for tables and, with ``columns``, missing columns.

    Read from sqlite_master directly: sqlite-utils raises for a view where a table should be.
    """
    kinds = {
        name.lower(): kind
        for name, kind in conn.execute(
            "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view')"
        )
    }
    problems = []
    for table, wanted in TABLES.items():
        kind = kinds.get(table)
        if kind is None:
            problems.append(f"table {table} is missing")
        elif kind != "table":
            problems.append(f"table {table} is a {kind}, not a table")
        elif columns:
            have = {row[1] for row in conn.execute(f"PRAGMA table_info([{table}])")}
            missing = set(wanted) - have
            if missing:
                problems.append(f"table {table} lacks columns {', '.join(sorted(missing))}")
    return problems


class _BadText(bytes):
    """A TEXT value that is not valid UTF-8, kept as its bytes so it can be reported."""


def _decode(data: bytes) -> str | bytes:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _BadText(data)


@contextmanager
def _lenient_text(conn: sqlite3.Connection) -> Iterator[None]:
    """Read text that is not UTF-8 as :class:`_BadText` instead of failing the whole query:
    one bad byte in one note must not make every other row unreadable."""
    saved = conn.text_factory
    conn.text_factory = _decode
    try:
        yield
    finally:
        conn.text_factory = saved


def _snapshot(conn: sqlite3.Connection) -> tuple[dict[str, list[Row]], set[str]]:
    """Every table's rows, read in one short read transaction.

    One transaction, so the rows are a consistent snapshot even while the app commits; short,
    because a commit waits for readers to finish: only the fetching happens inside it, not the
    building of dicts or of the model. A text that is not UTF-8 would fail the fast read of its
    whole table; that table alone is read again leniently.

    Also returns the entities whose every value SQLite vouches has its column's type (see
    :data:`_SOUND_SQL`): their rows need no check value by value.
    """
    fetched: dict[str, tuple[list[str], list[tuple[object, ...]]]] = {}
    sound: set[str] = set()
    conn.execute("BEGIN")
    try:
        for entity, table in TABLE_OF.items():
            try:
                cursor = conn.execute(f"SELECT * FROM [{table}]")
                values = cursor.fetchall()
                if conn.execute(_SOUND_SQL[table]).fetchone() is None:
                    sound.add(entity)
            except sqlite3.OperationalError as exc:
                if "decode" not in str(exc):
                    raise
                with _lenient_text(conn):
                    cursor = conn.execute(f"SELECT * FROM [{table}]")
                    values = cursor.fetchall()
            fetched[entity] = ([d[0] for d in cursor.description], values)
    finally:
        conn.execute("COMMIT")
    rows = {
        entity: [dict(zip(names, v, strict=True)) for v in values]
        for entity, (names, values) in fetched.items()
    }
    return rows, sound


def _read_workshop(conn: sqlite3.Connection) -> tuple[Workshop, list[DamagedRow]]:
    """The workshop from its rows, and the rows that had to be left out."""
    rows, sound = _snapshot(conn)
    damaged: list[DamagedRow] = []
    ws = Workshop(WorkshopInfo(**_details(rows, damaged)))
    _sound_rows(
        rows, sound, damaged, lambda entity, row: ws.load(Patch(entity, row["id"], None, row))
    )
    return ws, damaged


def _details(rows: dict[str, list[Row]], damaged: list[DamagedRow]) -> dict[str, str]:
    """The workshop's title, date and venue; a damaged one is empty (and listed)."""
    if not rows["workshop"]:  # every file is created with it
        damaged.append(DamagedRow("workshop", "workshop", "its row is missing"))
    details = rows["workshop"][0] if rows["workshop"] else {}
    info = {}
    for key in ("title", "date", "venue"):
        value = "" if details.get(key) is None else details[key]
        if not isinstance(value, str):
            damaged.append(DamagedRow("workshop", "workshop", f"{key} {_not('text', value)}"))
            value = ""
        info[key] = value
    return info


def _sound_rows(
    rows: dict[str, list[Row]],
    typed: set[str],
    damaged: list[DamagedRow],
    load: Callable[[str, Row], None] | None = None,
) -> dict[str, list[Row]]:
    """The rows of boards, groups, notes and links that can go into a workshop; the others are
    added to ``damaged``. ``typed`` are the entities whose values SQLite found of the right
    types. ``load`` puts each sound row into a model; a row it refuses is damaged too."""
    # Boards first, and notes before links: each row is judged against what loaded before it.
    notes_of: dict[str, set[str]] = {}  # board id -> the ids of its notes kept so far
    kept: dict[str, list[Row]] = {}
    for entity in ("board", "cluster", "note", "link"):
        kept[entity] = []
        for number, row in enumerate(rows[entity], start=1):
            reason = _row_problem(entity, row, notes_of, entity in typed)
            if reason is None:
                try:
                    if load is not None:
                        load(entity, row)
                except (PofacilError, TypeError, ValueError, KeyError) as exc:
                    reason = str(exc)
                else:
                    kept[entity].append(row)
                    if entity == "board":
                        notes_of[row["id"]] = set()
                    elif entity == "note":
                        notes_of[row["board"]].add(row["id"])
                    continue
            ident = row["id"] if isinstance(row.get("id"), str) else f"row {number}"
            damaged.append(DamagedRow(entity, ident, reason))
    return kept


def _summary(conn: sqlite3.Connection) -> tuple[dict[str, Any], list[DamagedRow]]:
    """What ``pofacil info`` shows, from the sound rows alone: no model is built."""
    rows, sound = _snapshot(conn)
    damaged: list[DamagedRow] = []
    info = _details(rows, damaged)
    kept = _sound_rows(rows, sound, damaged)
    live = [n for n in kept["note"] if not n["deleted"]]
    in_cell = Counter((n["board"], n["cell"]) for n in live)
    in_cluster = Counter((n["board"], n["cluster"]) for n in live)
    notes = Counter(n["board"] for n in live)
    deleted = Counter(n["board"] for n in kept["note"] if n["deleted"])
    clusters: dict[str, list[Row]] = {}
    for cluster in kept["cluster"]:
        clusters.setdefault(cluster["board"], []).append(cluster)
    boards = []
    for board in sorted(
        (b for b in kept["board"] if not b["deleted"]), key=lambda b: (b["position"], b["name"])
    ):
        cells = json.loads(board["cells"] or "[]")
        boards.append(
            {
                "name": board["name"],
                "template": board["template"],
                "notes": notes[board["id"]],
                "deleted_notes": deleted[board["id"]],
                "cells": [
                    {
                        "id": c["id"],
                        "row": c["row"],
                        "column": c["column"],
                        "row_en": c.get("row_en", ""),
                        "column_en": c.get("column_en", ""),
                        "group": c.get("group", ""),
                        "notes": in_cell[board["id"], c["id"]],
                    }
                    for c in cells
                ],
                "clusters": [
                    {"name": c["name"], "notes": in_cluster[board["id"], c["id"]]}
                    for c in clusters.get(board["id"], [])
                ],
            }
        )
    return {**info, "boards": boards}, damaged


def _what(value: object) -> str:
    if value is None:
        return "missing (NULL)"
    if isinstance(value, _BadText):
        return "invalid UTF-8"
    if isinstance(value, bytes):
        return "binary data"
    if isinstance(value, str):
        return f"the text {value[:20]!r}"
    return f"the number {value!r}"


def _not(wanted: str, value: object) -> str:
    return f"is {_what(value)}, not {wanted}"


# For each column type of migrations.TABLES: whether a value fits it, and what it should be.
# Exact types, so _BadText does not pass for bytes; bool only for flags, which history's
# JSON keeps as true and false where SQLite has 1 and 0.
_TYPES: dict[type, tuple[Callable[[object], bool], str]] = {
    str: (lambda v: type(v) is str, "text"),
    float: (
        lambda v: type(v) in (int, float) and math.isfinite(v),  # type: ignore[arg-type]
        "a finite number",
    ),
    int: (lambda v: type(v) is int, "a whole number"),
    bool: (lambda v: type(v) in (int, bool) and v in (0, 1), "0 or 1"),
    bytes: (lambda v: type(v) is bytes, "binary data"),
}
# Per table, once: loading 5,000 notes checks 85,000 values.
_CHECKS = {
    table: [
        (column, *_TYPES[kind], (table, column) in _OPTIONAL) for column, kind in columns.items()
    ]
    for table, columns in TABLES.items()
}


# The same column types asked of SQLite for a whole table at once: a query finding a row whose
# value does not fit. Checking 85,000 values of 5,000 notes one by one in Python took most of
# the time `pofacil info` spent reading; the per-value check runs only when this finds one.
_SQL_FITS: dict[type, str] = {
    str: "typeof([{c}]) = 'text'",
    float: "(typeof([{c}]) IN ('integer', 'real') AND abs([{c}]) <= 1.7976931348623157e308)",
    int: "typeof([{c}]) = 'integer'",
    bool: "(typeof([{c}]) = 'integer' AND [{c}] IN (0, 1))",
    bytes: "typeof([{c}]) = 'blob'",
}
_SOUND_SQL = {
    table: "SELECT 1 FROM [{}] WHERE NOT ({}) LIMIT 1".format(
        table,
        " AND ".join(
            f"({_SQL_FITS[kind].format(c=column)} OR [{column}] IS NULL)"
            if (table, column) in _OPTIONAL
            else _SQL_FITS[kind].format(c=column)
            for column, kind in columns.items()
        ),
    )
    for table, columns in TABLES.items()
}


def _fields_problem(table: str, row: Row) -> str | None:
    """The first column of ``row`` whose value does not have the column's type; a column
    ``row`` lacks is no problem (history keeps only the fields an update changed)."""
    for column, fits, wanted, optional in _CHECKS[table]:
        if column in row:
            value = row[column]
            if not fits(value) and not (value is None and optional):
                return f"{column} {_not(wanted, value)}"
    if table == "boards" and row.get("cells") is not None:
        return _cells_problem(row["cells"])
    return None


def _cells_problem(text: str) -> str | None:
    try:
        cells = json.loads(text or "[]")
    except (ValueError, RecursionError):  # RecursionError: brackets nested thousands deep
        return "cells is not valid JSON"
    if not isinstance(cells, list):
        return "cells is not a list"
    for cell in cells:
        if (
            not isinstance(cell, dict)
            or not {"id", "row", "column"} <= cell.keys() <= _CELL_FIELDS
            or not all(isinstance(v, str) for k, v in cell.items() if k != "kind")
            or cell.get("kind") not in (None, *KIND_BY_ID)
        ):
            return f"cells holds a malformed cell {json.dumps(cell, ensure_ascii=False)[:60]}"
    return None


def _row_problem(
    entity: str, row: Row, notes_of: Mapping[str, set[str]], typed: bool = False
) -> str | None:
    """Why a row of the file cannot go into a workshop whose boards and their notes are
    ``notes_of``, or None when it can. ``typed``: its values are known to have their
    columns' types (a board's cells are still checked)."""
    problem = None if typed and entity != "board" else _fields_problem(TABLE_OF[entity], row)
    if problem is not None or entity == "board":
        return problem
    if row["board"] not in notes_of:
        return f"its board {row['board']} is missing or damaged"
    if entity == "note" and row["kind"] not in KIND_BY_ID:
        return f"unknown kind {row['kind']}"
    if entity == "cluster" and not _COLOR.fullmatch(row["color"]):
        return f"color {row['color'][:20]!r} is not a #RRGGBB color"
    if entity == "link":
        if row["kind"] not in LINK_KINDS:
            return f"unknown link kind {row['kind'][:20]}"
        notes = notes_of[row["board"]]
        for end in ("source", "target"):
            if row[end] not in notes:
                return f"{end} {row[end]} is a missing or damaged note"
    return None


def write_workshop(path: Path, workshop: Workshop, replace: bool = True) -> Path:
    """Write ``workshop`` (without history) as a complete new file at ``path``, all at once."""

    import sqlite_utils

    def build(tmp: Path) -> None:
        rows = workshop.rows()
        db = sqlite_utils.Database(tmp, execute_plugins=False)
        try:
            migrate(db)
            with db.atomic():
                for entity, table in TABLE_OF.items():
                    db.table(table).insert_all(rows.get(entity, []), replace=True)
        finally:
            db.conn.close()

    try:
        return atomic_write(path, build, replace=replace)
    except sqlite3.Error as exc:
        raise StorageError(
            "Could not create {path}: {reason}.", path=str(path), reason=str(exc)
        ) from None
    except StorageError as exc:
        if "already exists" in exc.template:
            raise
        raise StorageError(
            "Could not create {path}: {reason}.",
            path=str(path),
            reason=exc.params.get("reason", ""),
        ) from None


def _pack(patches: list[Patch]) -> bytes:
    """History keeps compact patches as compressed JSON: an import of a thousand notes
    would otherwise store every note twice."""
    data = json.dumps([p.to_json() for p in patches], ensure_ascii=False)
    return zlib.compress(data.encode("utf-8"), 6)


def _unpack(blob: object) -> list[Patch]:
    """The patches of a history line; :class:`DamagedHistoryError` when they cannot be read."""
    try:
        if not isinstance(blob, bytes) or isinstance(blob, _BadText):
            raise ValueError(f"its patches are {_what(blob)}, not compressed data")
        inflate = zlib.decompressobj()
        data = inflate.decompress(blob, _MAX_HISTORY_BYTES)
        if inflate.unconsumed_tail:
            raise ValueError("its patches are implausibly large")
        if not inflate.eof:
            raise ValueError("its compressed patches are cut short")
        items = json.loads(data.decode("utf-8"))
        if not isinstance(items, list):
            raise ValueError("its patches are not a list")
        return [_patch(item) for item in items]
    except zlib.error:
        reason = "its compressed patches are corrupt"
    except UnicodeDecodeError:
        reason = "its patches are not valid UTF-8"
    except RecursionError:
        reason = "its patches are nested too deeply"
    except ValueError as exc:  # JSONDecodeError included
        reason = str(exc)
    raise DamagedHistoryError("A history line is damaged ({reason}).", reason=reason)


def _patch(item: object) -> Patch:
    """One patch of a history line, its rows checked like the rows of the file."""
    if (
        not isinstance(item, dict)
        or item.get("entity") not in TABLE_OF
        or not isinstance(item.get("id"), str)
    ):
        raise ValueError("a patch names no known entity")
    rows = [item.get("before"), item.get("after")]
    if rows == [None, None] or not all(r is None or isinstance(r, dict) for r in rows):
        raise ValueError(f"the patch of {item['entity']} {item['id']} has no rows")
    for row in rows:
        problem = row and _fields_problem(TABLE_OF[item["entity"]], row)
        if problem:
            raise ValueError(f"{item['entity']} {item['id']}: {problem}")
    return Patch.from_json(item)


def _entry(row: dict[str, Any], path: Path) -> HistoryEntry:
    try:
        problem = _fields_problem("history", row)
        if problem is not None:
            raise DamagedHistoryError("A history line is damaged ({reason}).", reason=problem)
        patches = _unpack(row["patches"])
    except DamagedHistoryError as exc:
        raise DamagedHistoryError(
            "History line {id} of {path} is damaged ({reason}); it cannot be listed, undone "
            "or redone.",
            id=row.get("id"),
            path=str(path),
            reason=exc.params["reason"],
        ) from None
    return HistoryEntry(
        id=row["id"],
        at=row["at"],
        actor=row["actor"],
        board=row["board"],
        label=row["label"],
        state=row["state"],
        state_at=row["state_at"],
        state_by=row["state_by"],
        patches=patches,
    )
