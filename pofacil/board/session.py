"""An open workshop: the model in memory, its file, and undo/redo kept in the file's history.

The undo stack is the file's history, so undo and redo reach back across closing and
reopening. If the file stops being writable (a USB stick pulled, a full disk, the file
deleted or moved), changes keep going into the model and are held as unsaved, with their own
undo and redo, until a copy is saved elsewhere; from then on nothing is shown as saved.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable
from pathlib import Path

from pofacil.board import ops
from pofacil.board.model import Change, Patch, Workshop, WorkshopInfo, label_text
from pofacil.board.model.errors import DamagedHistoryError, StorageError, UnstorableChange
from pofacil.board.model.limits import check_patches
from pofacil.board.ops.notes import workshop_date
from pofacil.board.storage.history import HistoryEntry
from pofacil.board.storage.store import Store, write_workshop

ACTOR_VARIABLE = "POFACIL_ACTOR"


def actor_name(name: str | None) -> str | None:
    """A name for history lines, tidied (one line, single spaces); None when blank."""
    name = " ".join((name or "").split())
    return name[:80] or None


def default_actor() -> str:
    """Who is at the keyboard, for history lines: ``POFACIL_ACTOR`` when set (the facilitator
    or scribe named once for a whole day), the login name only as a last resort."""
    named = actor_name(os.environ.get(ACTOR_VARIABLE))
    if named:
        return named
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "pofacil"


class Session:
    """The workshop being worked on. Every change goes through :meth:`do`."""

    def __init__(self, store: Store, workshop: Workshop, actor: str | None = None) -> None:
        self.store = store
        self.workshop = workshop
        self.actor = actor_name(actor) or default_actor()
        # Changes the file could not take: applied to the model, waiting for a saved copy.
        self.unsaved: list[Change] = []
        # Unsaved changes undone since, newest last: what redo brings back.
        self._unsaved_undone: list[Change] = []
        self.storage_error: StorageError | None = None

    @classmethod
    def open(
        cls, path: str | os.PathLike[str], read_only: bool = False, actor: str | None = None
    ) -> Session:
        store = Store.open(path, read_only=read_only)
        try:
            workshop = store.load()
        except BaseException:
            store.close()
            raise
        return cls(store, workshop, actor)

    @classmethod
    def create(
        cls,
        path: str | os.PathLike[str],
        title: str = "",
        boards: list[tuple[str, str | None]] | None = None,
        actor: str | None = None,
        date: str = "",
        venue: str = "",
        facilitator: str = "",
    ) -> Session:
        """A new workshop file with the given (template, name) boards, one blank by default."""
        info = WorkshopInfo(
            title=title, date=workshop_date(date), venue=venue, facilitator=facilitator
        )
        workshop = Workshop(info)
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

    @property
    def saved(self) -> bool:
        """True only while every change made is in the file on disk."""
        return self.storage_error is None

    def do(self, change: Change) -> Change:
        """Apply a change to the model and write it with its history line."""
        self.store.ensure_writable()
        check_patches(change.patches)  # a refused row is told before anything is touched
        self._apply(change.patches)
        self._write(change)
        return change

    def record(self, change: Change, actor: str) -> Change:
        """Apply and write a change that is not an undo step of the lead: a participant's
        vote from a phone. It goes into the history under ``actor`` (the device); the undo and
        redo of the window stay as they were. When the file cannot take it the change is
        taken back out of the model and the error raised, so its sender can try again."""
        self.store.ensure_writable()
        if self.storage_error is not None:
            raise self.storage_error
        check_patches(change.patches)
        self._apply(change.patches)
        try:
            self.store.commit(change, actor, state="recorded")
        except (StorageError, UnstorableChange):
            self._revert(change.patches)
            raise
        return change

    def record_points(self, change: Change | None) -> None:
        """Write points of the room's inbox (rows outside the model: a merge's, say) with
        their history line; not an undo step of the lead, as points from phones are not."""
        if change is None:
            return
        self.store.ensure_writable()
        self.store.commit(change, self.actor, state="recorded")

    def _apply(self, patches: list[Patch]) -> None:
        """Apply patches in order, or none of them: the model puts back those before a refused
        one, and tells its listeners once for the whole change."""
        self.workshop.apply_all(patches)

    def _revert(self, patches: list[Patch]) -> None:
        self.workshop.apply_all([patch.inverse() for patch in reversed(patches)])

    def do_all(self, label: str, *steps: Callable[[Workshop], Change | None]) -> Change:
        """Several changes as ONE undo step: each step is built on the model the previous one
        left (add a mind-map branch, then lay the tree out), and they are written together."""
        self.store.ensure_writable()
        patches: list[Patch] = []
        subjects: list[str] = []
        board = None
        # One atomic block: a failing step puts back the steps before it, and listeners hear
        # of the whole step once.
        with self.workshop.atomic():
            for step in steps:
                change = step(self.workshop)
                if change is None:
                    continue
                self.workshop.apply_all(change.patches)
                patches += change.patches
                subjects += change.subjects
                board = board or change.board
        combined = Change(label, patches, board, subjects)
        self._write(combined)
        return combined

    def _write(self, change: Change) -> None:
        """Commit a change already applied to the model; on a refused value, take it back out
        of the model; on a failing file, keep it as unsaved and say so."""
        if self.storage_error is None:
            try:
                self.store.commit(change, self.actor)
                return
            except UnstorableChange:
                self._revert(change.patches)
                raise
            except StorageError as exc:
                self.storage_error = exc
        self.unsaved.append(change)
        self._unsaved_undone.clear()
        raise self.storage_error

    # -- undo and redo -------------------------------------------------------------------
    # While the file cannot be written, undo and redo walk the unsaved changes only: the
    # steps on disk cannot be marked undone, and the file may not even be readable any more.
    def can_undo(self) -> bool:
        if self.storage_error is not None:
            return bool(self.unsaved)
        return not self.read_only and self.store.last("done") is not None

    def can_redo(self) -> bool:
        if self.storage_error is not None:
            return bool(self._unsaved_undone)
        return not self.read_only and self.store.last("undone") is not None

    def undo_label(self) -> str | None:
        if self.storage_error is not None:
            return self.unsaved[-1].label if self.unsaved else None
        line = None if self.read_only else self.store.last("done")
        return self.store.entry(line).label if line is not None else None

    def redo_label(self) -> str | None:
        if self.storage_error is not None:
            return self._unsaved_undone[-1].label if self._unsaved_undone else None
        line = None if self.read_only else self.store.last("undone")
        return self.store.entry(line).label if line is not None else None

    def undo_text(self) -> tuple[str, int] | None:
        """What Undo would revert, as :func:`~pofacil.board.model.label_text` gives it."""
        return self._step_text(self.unsaved, "done")

    def redo_text(self) -> tuple[str, int] | None:
        """What Redo would do again, as :func:`~pofacil.board.model.label_text` gives it."""
        return self._step_text(self._unsaved_undone, "undone")

    def _step_text(self, unsaved: list[Change], state: str) -> tuple[str, int] | None:
        if self.storage_error is not None:
            return label_text(unsaved[-1].label, unsaved[-1].patches) if unsaved else None
        line = None if self.read_only else self.store.last(state)
        if line is None:
            return None
        try:
            entry = self.store.entry(line)
        except DamagedHistoryError:
            return None  # Undo itself says the line is damaged, when it is asked to
        return label_text(entry.label, entry.patches)

    def undo(self) -> Change | None:
        """Revert the newest step still done; None when there is nothing to undo."""
        if self.storage_error is not None:
            if not self.unsaved:
                return None
            done = self.unsaved.pop()
            change = done.inverse()
            self._apply(change.patches)
            self._unsaved_undone.append(done)
            return change
        line = None if self.read_only else self.store.last("done")
        if line is None:
            return None
        entry = self.store.entry(line)
        change = Change(entry.label, entry.patches, entry.board).inverse()
        change.patches = self.workshop.expand(change.patches)
        check_patches(change.patches)  # a row from an older file may be out of range
        self._set_state(line, change, "undone")
        return change

    def redo(self) -> Change | None:
        """Apply again the step undone most recently; None when there is nothing to redo."""
        if self.storage_error is not None:
            if not self._unsaved_undone:
                return None
            change = self._unsaved_undone.pop()
            self._apply(change.patches)
            self.unsaved.append(change)
            return change
        line = None if self.read_only else self.store.last("undone")
        if line is None:
            return None
        entry = self.store.entry(line)
        change = Change(entry.label, self.workshop.expand(entry.patches), entry.board)
        check_patches(change.patches)
        self._set_state(line, change, "done")
        return change

    def _set_state(self, line: int, change: Change, state: str) -> None:
        """Write an undo or redo, then show it in the model; a failing file changes neither,
        and from then on the session keeps changes in memory."""
        try:
            self.store.set_state(line, change.patches, state, self.actor)
        except StorageError as exc:
            self.storage_error = exc
            raise
        self._apply(change.patches)

    # -- history and copies ------------------------------------------------------------
    def history(self, board: str | None = None, entity: str | None = None) -> list[HistoryEntry]:
        return self.store.history(board=board, entity=entity)

    def save_copy(self, dest: str | os.PathLike[str]) -> Path:
        """Copy the workshop to ``dest``, including changes the original file could not take."""
        try:
            return self.store.save_copy(dest, self.unsaved, self.actor)
        except StorageError:
            if self.storage_error is None:
                raise
            # The original cannot even be read any more: write what is in memory.
            return write_workshop(Path(dest), self.workshop)

    def close(self) -> None:
        self.store.close()
