"""An open workshop: the model in memory, its file, and undo/redo kept in the file's history.

The undo stack is the file's history, so undo and redo reach back across closing and
reopening. If the file stops being writable (a USB stick pulled, a full disk), changes keep
going into the model and are held as unsaved until a copy is saved elsewhere.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable
from pathlib import Path

from . import ops
from .errors import PofacilError, StorageError
from .limits import check_patches
from .model import Workshop, WorkshopInfo
from .ops import Change
from .store import HistoryEntry, Store


def default_actor() -> str:
    """Who is at the keyboard, for history lines: the login name, or a neutral word."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "pofacil"


class Session:
    """The workshop being worked on. Every change goes through :meth:`do`."""

    def __init__(self, store: Store, workshop: Workshop, actor: str | None = None) -> None:
        self.store = store
        self.workshop = workshop
        self.actor = actor or default_actor()
        # Changes the file could not take: applied to the model, waiting for a saved copy.
        self.unsaved: list[Change] = []
        self.storage_error: StorageError | None = None

    @classmethod
    def open(cls, path: str | os.PathLike[str], read_only: bool = False,
             actor: str | None = None) -> Session:
        store = Store.open(path, read_only=read_only)
        try:
            workshop = store.load()
        except BaseException:
            store.close()
            raise
        return cls(store, workshop, actor)

    @classmethod
    def create(cls, path: str | os.PathLike[str], title: str = "",
               boards: list[tuple[str, str | None]] | None = None,
               actor: str | None = None, date: str = "", venue: str = "") -> Session:
        """A new workshop file with the given (template, name) boards, one blank by default."""
        workshop = Workshop(WorkshopInfo(title=title, date=date, venue=venue))
        # The starting boards are part of the new file, not undoable steps.
        for template, name in boards or [("blank", None)]:
            for patch in ops.add_board(workshop, template, name).patches:
                workshop.load(patch)
        store = Store.create(path, workshop)
        return cls(store, store.load(), actor)

    @property
    def path(self) -> Path:
        return self.store.path

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    def do(self, change: Change) -> Change:
        """Apply a change to the model and write it with its history line."""
        self.store.ensure_writable()
        check_patches(change.patches)  # all or nothing: apply() would stop halfway
        for patch in change.patches:
            self.workshop.apply(patch)
        self._write(change)
        return change

    def do_all(self, label: str, *steps: Callable[[Workshop], Change | None]) -> Change:
        """Several changes as ONE undo step: each step is built on the model the previous one
        left (add a mind-map branch, then lay the tree out), and they are written together."""
        self.store.ensure_writable()
        patches: list = []
        subjects: list[str] = []
        board = None
        try:
            for step in steps:
                change = step(self.workshop)
                if change is None:
                    continue
                for patch in change.patches:
                    self.workshop.apply(patch)
                    patches.append(patch)
                subjects += change.subjects
                board = board or change.board
        except PofacilError:
            for patch in reversed(patches):  # leave the model as it was before the first step
                self.workshop.apply(patch.inverse())
            raise
        combined = Change(label, patches, board, subjects)
        self._write(combined)
        return combined

    def _write(self, change: Change) -> None:
        if self.storage_error is None:
            try:
                self.store.commit(change, self.actor)
                return
            except StorageError as exc:
                self.storage_error = exc
        self.unsaved.append(change)
        raise self.storage_error

    # -- undo and redo -------------------------------------------------------------------
    def can_undo(self) -> bool:
        return bool(self.unsaved) or (not self.read_only and self.store.last("done") is not None)

    def can_redo(self) -> bool:
        return not self.unsaved and not self.read_only and self.store.last("undone") is not None

    def undo_label(self) -> str | None:
        if self.unsaved:
            return self.unsaved[-1].label
        line = self.store.last("done")
        return self.store.entry(line).label if line is not None else None

    def redo_label(self) -> str | None:
        line = self.store.last("undone")
        return self.store.entry(line).label if line is not None and not self.unsaved else None

    def undo(self) -> Change | None:
        """Revert the newest step still done; None when there is nothing to undo."""
        if self.unsaved:
            change = self.unsaved.pop().inverse()
            for patch in change.patches:
                self.workshop.apply(patch)
            return change
        line = None if self.read_only else self.store.last("done")
        if line is None:
            return None
        entry = self.store.entry(line)
        change = Change(entry.label, entry.patches, entry.board).inverse()
        change.patches = self.workshop.expand(change.patches)
        check_patches(change.patches)  # a row from an older file may be out of range
        self.store.set_state(line, change.patches, "undone", self.actor)
        for patch in change.patches:
            self.workshop.apply(patch)
        return change

    def redo(self) -> Change | None:
        """Apply again the step undone most recently; None when there is nothing to redo."""
        line = None if self.read_only or self.unsaved else self.store.last("undone")
        if line is None:
            return None
        entry = self.store.entry(line)
        change = Change(entry.label, self.workshop.expand(entry.patches), entry.board)
        check_patches(change.patches)
        self.store.set_state(line, change.patches, "done", self.actor)
        for patch in change.patches:
            self.workshop.apply(patch)
        return change

    # -- history and copies ------------------------------------------------------------
    def history(self, board: str | None = None, entity: str | None = None) -> list[HistoryEntry]:
        return self.store.history(board=board, entity=entity)

    def save_copy(self, dest: str | os.PathLike[str]) -> Path:
        """Copy the workshop to ``dest``, including changes the original file could not take."""
        try:
            copy = self.store.save_copy(dest)
        except StorageError:
            if self.storage_error is None:
                raise
            # The original cannot even be read any more: write what is in memory.
            dest = Path(dest)
            tmp = dest.with_name(f".{dest.name}.partial")
            tmp.unlink(missing_ok=True)
            Store.create(tmp, self.workshop).close()
            os.replace(tmp, dest)
            return dest
        if self.unsaved:
            other = Store.open(copy)
            try:
                for change in self.unsaved:
                    other.commit(change, self.actor)
            finally:
                other.close()
        return copy

    def close(self) -> None:
        self.store.close()
