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
import os
import sqlite3
import zlib
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from .atomic import atomic_write, fsync_folder
from .errors import (
    FileInUseError,
    NeedsRecoveryError,
    NewerFileError,
    NotAWorkshopFile,
    PofacilError,
    ReadOnlyError,
    StorageError,
    UnstorableChange,
)
from .filelock import WorkshopLock
from .migrations import APPLICATION_ID, SCHEMA_VERSION, TABLES, migrate
from .model import Patch, Row, Workshop, WorkshopInfo
from .ops import Change, now

SQLITE_MAGIC = b"SQLite format 3\x00"
JOURNAL_MAGIC = b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7"
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
TABLE_OF = {"workshop": "workshop", "board": "boards", "note": "notes",
            "cluster": "clusters", "link": "links"}


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
        with open(path, "rb") as fh:
            header = fh.read(100)
        size = path.stat().st_size
    except FileNotFoundError:
        raise NotAWorkshopFile("{path}: no such file.", path=str(path)) from None
    except IsADirectoryError:
        raise NotAWorkshopFile("{path} is a folder, not a workshop file.", path=str(path)) from None
    except OSError as exc:
        raise NotAWorkshopFile("{path} cannot be read: {reason}.", path=str(path),
                               reason=exc.strerror or str(exc)) from None
    if not header:
        raise NotAWorkshopFile("{path} is empty, not a pofacil workshop.", path=str(path))
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise NotAWorkshopFile("{path} is not a pofacil workshop file.", path=str(path))
    app_id = int.from_bytes(header[68:72], "big")
    version = int.from_bytes(header[60:64], "big")
    if app_id != APPLICATION_ID:
        raise NotAWorkshopFile(
            "{path} is a database of another program, not a pofacil workshop.", path=str(path)
        )
    if version > SCHEMA_VERSION:
        raise NewerFileError(
            "{path} was written by a newer pofacil (file format {found}, this version reads "
            "up to {supported}); please update pofacil.",
            path=str(path), found=version, supported=SCHEMA_VERSION,
        )
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    wal = path.with_name(path.name + "-wal")
    # After a crash mid-checkpoint the header may already count pages that are still only in
    # the write-ahead log; SQLite recovers them from there, so that is no truncation.
    recovering = wal.exists() and wal.stat().st_size > 0
    if size < page_size * pages and not recovering:
        raise NotAWorkshopFile(
            "{path} is damaged: the file is truncated ({size} of {expected} bytes).",
            path=str(path), size=size, expected=page_size * pages,
        )
    return version, pages


class Store:
    """An open workshop file."""

    def __init__(self, path: Path, db: sqlite_utils.Database, lock: WorkshopLock | None) -> None:
        self.path = path
        self.db = db
        self._lock = lock

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
                    "open it read-only or save a copy elsewhere.", path=str(path))
            _check_name_length(path)
            lock = WorkshopLock(path)
            if not lock.acquire():
                raise FileInUseError(
                    "{path} is open in another pofacil window; close it there, or open it "
                    "read-only.", path=str(path))
        try:
            conn = _connect(path, read_only)
            db = sqlite_utils.Database(conn, execute_plugins=False)
            _quick_check(db, path)
            if version < SCHEMA_VERSION:
                if read_only:
                    raise ReadOnlyError(
                        "{path} uses an older file format; open it for writing once to "
                        "upgrade it.", path=str(path))
                migrate(db)
        except BaseException:
            if "conn" in locals():
                conn.close()
            if lock is not None:
                lock.release()
            raise
        return cls(path, db, lock)

    @property
    def on_read_only_media(self) -> bool:
        """True when the file's disk refuses writes (a write-protected stick, a CD)."""
        return _read_only_media(self.path)

    def close(self) -> None:
        if self.db is None:
            return
        try:
            self.db.conn.close()
        finally:
            self.db = None  # type: ignore[assignment]
            if self._lock is not None:
                self._lock.release()

    # -- reading -----------------------------------------------------------------------------
    def load(self) -> Workshop:
        """The whole workshop in memory."""
        try:
            row = next(iter(self.db.table("workshop").rows), None) or {}
            ws = Workshop(WorkshopInfo(**{k: row.get(k) or "" for k in ("title", "date", "venue")}))
            for entity in ("board", "cluster", "note", "link"):
                for row in self.db.table(TABLE_OF[entity]).rows:
                    ws.load(Patch(entity, row["id"], None, row))
        except (PofacilError, sqlite3.Error, KeyError, TypeError, ValueError) as exc:
            raise NotAWorkshopFile("{path} is damaged ({reason}); 'pofacil check' lists the "
                                   "problems.", path=str(self.path), reason=str(exc)) from None
        return ws

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
        return [_entry(r) for r in self.db.query(sql + " ORDER BY id", params)]

    def entry(self, history_id: int) -> HistoryEntry:
        return _entry(self.db.table("history").get(history_id))

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
            self.db.execute(
                "UPDATE history SET state = 'dropped' WHERE state = 'undone'"
            )
            history_id = self.db.table("history").insert({
                "at": now(), "actor": actor, "board": change.board, "label": change.label,
                "patches": _pack(compact),
                "state": "done", "state_at": None, "state_by": None,
            }).last_pk
            assert history_id is not None
            # Plain executemany: sqlite-utils' per-row checks cost more than the write itself
            # for a 500-note gesture.
            self.db.conn.executemany(
                "INSERT OR IGNORE INTO history_entities (entity, history) VALUES (?, ?)",
                [(i, history_id) for i in {p.id for p in change.patches}])
        return int(history_id)

    def set_state(self, history_id: int, patches: list[Patch], state: str, actor: str) -> None:
        """Write the rows of an undo or redo and flip its history line, in one transaction."""
        with self._writing():
            self._write_rows([p.compact() for p in patches])
            self.db.table("history").update(
                history_id, {"state": state, "state_at": now(), "state_by": actor}
            )

    def save_copy(self, dest: str | os.PathLike[str], changes: Sequence[Change] = (),
                  actor: str = "") -> Path:
        """A consistent copy through ``VACUUM INTO``, with ``changes`` committed on top (what
        this file could not take), put in place only once complete and on the disk."""
        dest = Path(dest)
        if dest.exists() and dest.resolve() == self.path.resolve():
            raise StorageError("A copy cannot replace the open workshop itself.")

        def write(tmp: Path) -> None:
            self.db.conn.execute("VACUUM INTO ?", [str(tmp)])  # into the empty file
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
        raise StorageError("Could not save a copy to {path}: {reason}.",
                           path=str(dest), reason=reason)

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
                "saved to it.", path=str(self.path))

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
                    "close that program.", path=str(self.path)) from None
            raise StorageError("Could not write {path}: {reason}.",
                               path=str(self.path), reason=str(exc)) from None
        except sqlite3.DatabaseError as exc:
            raise StorageError("Could not write {path}: {reason}.",
                               path=str(self.path), reason=str(exc)) from None
        except (sqlite3.Error, ValueError, TypeError, OverflowError, UnicodeError) as exc:
            # The data, not the disk: SQLite refused a value (a huge integer, a lone
            # surrogate). The transaction was rolled back; the caller undoes the model.
            raise UnstorableChange(
                "This change could not be stored ({reason}) and was not made.",
                reason=str(exc)) from None

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
                        [changed[c] for c in columns] + [patch.id])
        for table, ids in removals.items():
            self.db.execute(f"DELETE FROM [{table}] WHERE id IN ({', '.join('?' * len(ids))})",
                            ids)
        for table, rows in inserts.items():
            self.db.table(table).insert_all(rows.values(), replace=True)
        for (table, columns), values in updates.items():
            # sqlite-utils updates one row per call; a gesture's updates share their columns,
            # so they go to SQLite as one prepared statement on sqlite-utils' connection.
            assignments = ", ".join(f"[{c}] = ?" for c in columns)
            self.db.conn.executemany(f"UPDATE [{table}] SET {assignments} WHERE id = ?", values)

    # -- checking ------------------------------------------------------------------------
    def check(self) -> list[str]:
        """Every problem found in the file; an empty list means it is sound."""
        problems = [r[0] for r in self.db.execute("PRAGMA integrity_check").fetchall()
                    if r[0] != "ok"]
        for table, columns in TABLES.items():
            if not self.db.table(table).exists():
                problems.append(f"table {table} is missing")
                continue
            missing = set(columns) - {c.name for c in self.db.table(table).columns}
            if missing:
                problems.append(f"table {table} lacks columns {', '.join(sorted(missing))}")
        if problems:
            return problems
        orphans = {
            "notes on a missing board": "SELECT COUNT(*) FROM notes WHERE board NOT IN "
            "(SELECT id FROM boards)",
            "notes in a missing group": "SELECT COUNT(*) FROM notes WHERE cluster IS NOT NULL "
            "AND cluster NOT IN (SELECT id FROM clusters)",
            "groups on a missing board": "SELECT COUNT(*) FROM clusters WHERE board NOT IN "
            "(SELECT id FROM boards)",
            "links to a missing note": "SELECT COUNT(*) FROM links WHERE source NOT IN "
            "(SELECT id FROM notes) OR target NOT IN (SELECT id FROM notes)",
            "history lines in an unknown state": "SELECT COUNT(*) FROM history WHERE state "
            "NOT IN ('done', 'undone', 'dropped')",
        }
        for what, sql in orphans.items():
            count = self.db.execute(sql).fetchone()[0]
            if count:
                problems.append(f"{count} {what}")
        for board in self.db.table("boards").rows:
            cells = {c["id"] for c in json.loads(board["cells"] or "[]")}
            bad = self.db.execute(
                "SELECT COUNT(*) FROM notes WHERE board = ? AND cell IS NOT NULL", [board["id"]]
            ).fetchone()[0] - sum(
                self.db.execute(
                    "SELECT COUNT(*) FROM notes WHERE board = ? AND cell = ?", [board["id"], c]
                ).fetchone()[0] for c in cells
            )
            if bad:
                problems.append(f"{bad} notes in a missing cell on board {board['name']}")
        for row in self.db.query("SELECT id, patches FROM history"):
            try:
                _unpack(row["patches"])
            except (ValueError, KeyError, TypeError, zlib.error):
                problems.append(f"history line {row['id']} is unreadable")
        return problems


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    """A connection in rollback-journal mode, or one that cannot write at all."""
    try:
        if read_only:
            conn = sqlite3.connect(_read_only_uri(path), uri=True, timeout=OPEN_WAIT_S)
        else:
            conn = sqlite3.connect(path, timeout=OPEN_WAIT_S)
    except sqlite3.Error as exc:
        raise NotAWorkshopFile("{path} cannot be opened: {reason}.",
                               path=str(path), reason=str(exc)) from None
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
                "{path} is in use by another program; close it there and try again.",
                path=str(path)) from None
        if getattr(exc, "sqlite_errorcode", None) == SQLITE_READONLY_ROLLBACK:
            raise _needs_recovery(path) from None
        raise NotAWorkshopFile("{path} cannot be opened: {reason}.",
                               path=str(path), reason=str(exc)) from None
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise NotAWorkshopFile("{path} is damaged: {reason}.",
                               path=str(path), reason=str(exc)) from None
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
            "pofacil.", path=str(path), name=path.name)
    return NeedsRecoveryError(
        "{path} was not closed properly (a crash or power cut during a change) and must be "
        "recovered before it can be read: open it in pofacil for writing once; the unfinished "
        "change is rolled back and every finished one kept.", path=str(path))


def _busy(exc: sqlite3.OperationalError) -> bool:
    return getattr(exc, "sqlite_errorcode", None) in (SQLITE_BUSY, SQLITE_LOCKED) or (
        "locked" in str(exc))


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
            name=path.name, limit=longest)


def _quick_check(db: sqlite_utils.Database, path: Path) -> None:
    try:
        result = db.execute("PRAGMA quick_check").fetchone()[0]
        missing = [t for t in TABLES if not db.table(t).exists()]
    except sqlite3.DatabaseError as exc:
        raise NotAWorkshopFile("{path} is damaged: {reason}.",
                               path=str(path), reason=str(exc)) from None
    if result != "ok":
        raise NotAWorkshopFile("{path} is damaged: {reason}.", path=str(path), reason=result)
    if missing:
        raise NotAWorkshopFile("{path} is damaged: table {table} is missing.",
                               path=str(path), table=missing[0])


def write_workshop(path: Path, workshop: Workshop, replace: bool = True) -> Path:
    """Write ``workshop`` (without history) as a complete new file at ``path``, all at once."""

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
        raise StorageError("Could not create {path}: {reason}.",
                           path=str(path), reason=str(exc)) from None
    except StorageError as exc:
        if "already exists" in exc.template:
            raise
        raise StorageError("Could not create {path}: {reason}.", path=str(path),
                           reason=exc.params.get("reason", "")) from None


def _pack(patches: list[Patch]) -> bytes:
    """History keeps compact patches as compressed JSON: an import of a thousand notes
    would otherwise store every note twice."""
    data = json.dumps([p.to_json() for p in patches], ensure_ascii=False)
    return zlib.compress(data.encode("utf-8"), 6)


def _unpack(blob: bytes) -> list[Patch]:
    return [Patch.from_json(p) for p in json.loads(zlib.decompress(blob).decode("utf-8"))]


def _entry(row: dict) -> HistoryEntry:
    return HistoryEntry(
        id=row["id"], at=row["at"], actor=row["actor"], board=row["board"], label=row["label"],
        state=row["state"], state_at=row["state_at"], state_by=row["state_by"],
        patches=_unpack(row["patches"]),
    )
