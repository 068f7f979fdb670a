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

import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from pofacil.board.model import Change, Patch, Row, Workshop, now
from pofacil.board.model.errors import (
    DamagedHistoryError,
    DamagedRowsWarning,
    FileInUseError,
    ReadOnlyError,
    StorageError,
    UnstorableChange,
)

from .atomic import atomic_write
from .connection import check_name_length, is_busy, open_checked, read_only_media
from .filelock import WorkshopLock
from .header import read_header
from .history import HistoryEntry, history_entry
from .history_patches import pack_patches
from .migrations import SCHEMA_VERSION, migrate
from .rows import DamagedRow, lenient_text, read_workshop
from .table_checks import TABLE_OF, damage_warning, damaged_error, read_checked

if TYPE_CHECKING:
    # Imported where a store is opened for real: the read-only summary of `pofacil info`
    # and `check` reads the file with sqlite3 alone, and sqlite-utils costs 0.1 s to import.
    import sqlite_utils


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
        check_name_length(path)
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
            check_name_length(path)
            lock = WorkshopLock(path)
            if not lock.acquire():
                raise FileInUseError(
                    "{path} is open in another pofacil window; close it there, or open it "
                    "read-only.",
                    path=str(path),
                )
        try:
            conn, version = open_checked(path, read_only)
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
        return read_only_media(self.path)

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
        ws, damaged = read_checked(self.conn, self.path, read_workshop)
        self.damaged = tuple(damaged)
        return ws

    def damage_warning(self) -> DamagedRowsWarning | None:
        """The message to show once when :meth:`load` left rows out; None when it left none."""
        return damage_warning(self.path, self.damaged)

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
            with lenient_text(self.conn):
                rows = list(self.db.query(sql + " ORDER BY id", params))
        except sqlite3.Error as exc:
            raise damaged_error(self.path, exc) from None
        return [history_entry(r, self.path) for r in rows]

    def entry(self, history_id: int) -> HistoryEntry:
        """One history line; :class:`DamagedHistoryError` when it cannot be read back."""
        try:
            with lenient_text(self.conn):
                row = self.db.table("history").get(history_id)
        except sqlite3.Error as exc:
            raise DamagedHistoryError(
                "History line {id} of {path} is damaged ({reason}); it cannot be listed, "
                "undone or redone.",
                id=history_id,
                path=str(self.path),
                reason=str(exc),
            ) from None
        return history_entry(row, self.path)

    def last(self, state: str) -> int | None:
        """The newest 'done' line (what undo reverts) or the oldest 'undone' (what redo redoes)."""
        order = "DESC" if state == "done" else "ASC"
        row = self.db.execute(
            f"SELECT id FROM history WHERE state = ? ORDER BY id {order} LIMIT 1", [state]
        ).fetchone()
        return row[0] if row else None

    # -- writing -------------------------------------------------------------------------
    def commit(self, change: Change, actor: str, state: str = "done") -> int:
        """Write a change and its history line in one transaction; returns the line's id.

        ``state`` "recorded" keeps the line out of undo and redo (a participant's vote from
        a phone), and leaves what can be redone as it is.
        """
        compact = [p.compact() for p in change.patches]
        with self._writing():
            self._write_rows(compact)
            if state == "done":
                self.db.execute("UPDATE history SET state = 'dropped' WHERE state = 'undone'")
            history_id = (
                self.db.table("history")
                .insert(
                    {
                        "at": now(),
                        "actor": actor,
                        "board": change.board,
                        "label": change.label,
                        "patches": pack_patches(compact),
                        "state": state,
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
            if state == "done":
                # A redo: the undo it reverses stays on the record (who undid it, when).
                self.conn.execute(
                    "UPDATE history SET undone_at = state_at, undone_by = state_by WHERE id = ?",
                    [history_id],
                )
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
            if isinstance(exc, sqlite3.OperationalError) and is_busy(exc):
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
        """Every problem found in the file; an empty list means it is sound (see
        :func:`.file_check.check_file`)."""
        from .file_check import check_file

        return check_file(self.conn)


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
