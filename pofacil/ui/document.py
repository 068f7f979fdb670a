"""The open workshop as the UI sees it: turns gestures into operations and reports the outcome."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from pofacil.board import ops
from pofacil.board.model import Workshop
from pofacil.board.model.errors import ImportFormatError, PofacilError, StorageError
from pofacil.board.session import Session


def translate_error(error: PofacilError) -> str:
    """The core's message in the UI language: its English template is the translation source.

    An error inside another (the reason of an import problem) is translated too, and so is
    each problem an import error lists.
    """
    template = QCoreApplication.translate("errors", error.template)
    params = {
        key: translate_error(value) if isinstance(value, PofacilError) else value
        for key, value in error.params.items()
    }
    if isinstance(error, ImportFormatError):
        separator = QCoreApplication.translate("Document", "; ")
        params["lines"] = separator.join(
            translate_error(p) for p in error.problems[: ImportFormatError.SHOWN]
        )
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return str(error)


class Document(QObject):
    """Owns the session; every change from the UI goes through :meth:`apply`."""

    changed = Signal()  # after any change, undo or redo: refresh actions and status
    failed = Signal(str)  # a user mistake or refused operation, already translated
    storage_failed = Signal(str)  # the file stopped taking changes; edits stay in memory

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._storage_reported = False

    @property
    def workshop(self) -> Workshop:
        return self.session.workshop

    @property
    def path(self) -> Path:
        return self.session.path

    @property
    def saved(self) -> bool:
        return self.session.saved

    def apply(
        self, build: Callable[..., ops.Change], *args: object, **kwargs: object
    ) -> ops.Change | None:
        """Build a change with ``build(workshop, *args)`` and do it; None when refused."""
        try:
            change = build(self.workshop, *args, **kwargs)
            self.session.do(change)
        except StorageError as exc:
            self._report_storage(exc)
            self.changed.emit()
            return change if self.session.unsaved else None
        except PofacilError as exc:
            self.failed.emit(translate_error(exc))
            return None
        self.changed.emit()
        return change

    def apply_all(
        self, label: str, *steps: Callable[[Workshop], ops.Change | None]
    ) -> ops.Change | None:
        """Several changes as one undo step (see Session.do_all); None when refused."""
        try:
            change = self.session.do_all(label, *steps)
        except StorageError as exc:
            self._report_storage(exc)
            self.changed.emit()
            return self.session.unsaved[-1] if self.session.unsaved else None
        except PofacilError as exc:
            self.failed.emit(translate_error(exc))
            return None
        self.changed.emit()
        return change

    def undo(self) -> None:
        self._step(self.session.undo)

    def redo(self) -> None:
        self._step(self.session.redo)

    def _step(self, step: Callable[[], object]) -> None:
        try:
            step()
        except StorageError as exc:
            self._report_storage(exc)
        except PofacilError as exc:
            self.failed.emit(translate_error(exc))
        self.changed.emit()

    def _report_storage(self, exc: StorageError) -> None:
        # Tell the user once; the status bar keeps showing it until a copy is saved.
        if not self._storage_reported:
            self._storage_reported = True
            self.storage_failed.emit(translate_error(exc))

    def save_copy(self, dest: Path) -> bool:
        try:
            self.session.save_copy(dest)
        except PofacilError as exc:
            self.failed.emit(translate_error(exc))
            return False
        return True

    def close(self) -> None:
        self.session.close()
