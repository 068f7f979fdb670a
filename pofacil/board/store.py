"""The workshop file: one SQLite database per workshop, written through sqlite-utils.

Every change is written in one transaction together with its history row, so a crash or a
power cut loses at most the gesture in progress. While open the file runs in WAL mode (one
fsync per gesture); on close it is switched back to a rollback journal, which leaves a single
self-contained file that can be copied to a USB stick or opened read-only anywhere.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import zlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from .errors import (
    FileInUseError,
    NewerFileError,
    NotAWorkshopFile,
    PofacilError,
    ReadOnlyError,
    StorageError,
)
from .filelock import WorkshopLock
from .migrations import APPLICATION_ID, SCHEMA_VERSION, TABLES, migrate
from .model import Patch, Row, Workshop, WorkshopInfo
from .ops import Change, now

SQLITE_MAGIC = b"SQLite format 3\x00"
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
        self._wal = False  # switched on by the first write, so a file only looked at stays as it was

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
        _write_new(path, (workshop or Workshop()).rows())
        return cls.open(path)

    @classmethod
    def open(cls, path: str | os.PathLike[str], read_only: bool = False) -> Store:
        """Open a workshop file, refusing anything that is not one without modifying it."""
        path = Path(path)
        version, _ = read_header(path)
        lock = None
        if not read_only:
            if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
                raise ReadOnlyError(
                    "{path} cannot be written here (read-only file or folder); "
                    "open it read-only or save a copy elsewhere.", path=str(path))
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

    def close(self) -> None:
        if self.db is None:
            return
        try:
            if self._wal:
                # Back to a rollback journal: checkpoints the WAL and deletes -wal and -shm.
                self.db.conn.execute("PRAGMA journal_mode=DELETE")
        except sqlite3.Error:
            pass  # The WAL still holds the data; SQLite recovers it on the next open.
        finally:
            self.db.conn.close()
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

    def save_copy(self, dest: str | os.PathLike[str]) -> Path:
        """A consistent copy through ``VACUUM INTO``, put in place only once complete."""
        dest = Path(dest)
        if dest.resolve() == self.path.resolve():
            raise StorageError("A copy cannot replace the open workshop itself.")
        tmp = str(dest.parent / f".pofacil-{os.getpid()}-{id(self)}.tmp")
        try:
            Path(tmp).unlink(missing_ok=True)  # VACUUM INTO refuses an existing file
            self.db.conn.execute("VACUUM INTO ?", [tmp])
            conn = sqlite3.connect(tmp)
            try:
                conn.execute("PRAGMA journal_mode=DELETE")
            finally:
                conn.close()
            _set_default_mode(tmp)
            os.replace(tmp, dest)
        except (sqlite3.Error, OSError) as exc:
            Path(tmp).unlink(missing_ok=True)
            raise StorageError("Could not save a copy to {path}: {reason}.",
                               path=str(dest), reason=str(exc)) from None
        return dest

    def ensure_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyError("This workshop is open read-only; nothing can be changed.")

    @contextmanager
    def _writing(self) -> Iterator[None]:
        self.ensure_writable()
        try:
            if not self._wal:
                self.db.conn.execute("PRAGMA journal_mode=WAL")
                # FULL: each gesture is fsynced, so a power cut cannot lose a committed one.
                self.db.conn.execute("PRAGMA synchronous=FULL")
                self._wal = True
            with self.db.atomic():
                yield
        except sqlite3.Error as exc:
            raise StorageError("Could not write {path}: {reason}.",
                               path=str(self.path), reason=str(exc)) from None

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
    try:
        if read_only:
            return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        return sqlite3.connect(path)
    except sqlite3.Error as exc:
        raise NotAWorkshopFile("{path} cannot be opened: {reason}.",
                               path=str(path), reason=str(exc)) from None


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


def _write_new(path: Path, rows: dict[str, list[dict]]) -> None:
    """Build a new file beside its destination and move it in only when complete."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=".pofacil-", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise StorageError("Could not create {path}: {reason}.",
                           path=str(path), reason=exc.strerror or str(exc)) from None
    os.close(fd)
    _set_default_mode(tmp)
    try:
        db = sqlite_utils.Database(tmp, execute_plugins=False)
        try:
            migrate(db)
            with db.atomic():
                for entity, table in TABLE_OF.items():
                    db.table(table).insert_all(rows.get(entity, []), replace=True)
            db.conn.execute("PRAGMA journal_mode=DELETE")
        finally:
            db.conn.close()
        try:
            # A hard link fails when the name exists: no window in which we could clobber a
            # file created meanwhile.
            os.link(tmp, path)
        except FileExistsError:
            raise StorageError("{path} already exists; choose another name.",
                               path=str(path)) from None
        except OSError:
            if path.exists():
                raise StorageError("{path} already exists; choose another name.",
                                   path=str(path)) from None
            os.replace(tmp, path)  # file systems without hard links (FAT on a USB stick)
    except (sqlite3.Error, OSError) as exc:
        raise StorageError("Could not create {path}: {reason}.",
                           path=str(path), reason=str(exc)) from None
    finally:
        Path(tmp).unlink(missing_ok=True)


def _set_default_mode(path: str) -> None:
    """mkstemp makes files private to their owner; a workshop file gets the usual mode."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(path, 0o666 & ~umask)


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
