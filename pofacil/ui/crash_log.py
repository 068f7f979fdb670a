"""The app's log and its last line of defence: an unexpected error is logged and explained.

Every gesture is committed to the workshop file as it is made, so a bug in the UI cannot
lose what the status bar showed as Saved. The facilitator needs to hear exactly that, and to
find a log file to send to whoever supports them; a traceback on a terminal nobody sees does
neither.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QThread
from PySide6.QtWidgets import QApplication, QMessageBox

from .plain_text import message_box

LOG_NAME = "pofacil.log"
LOG_BYTES = 1_000_000
LOG_BACKUPS = 3
log = logging.getLogger("pofacil")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def log_folder() -> Path:
    """Beside the sample workshops, in the user's data folder for pofacil."""
    return (
        Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
        / "logs"
    )


class CrashHandler:
    """Owns the rotating log file and the ``sys.excepthook`` that writes to it."""

    def __init__(self, folder: Path) -> None:
        self.log_path: Path | None = folder / LOG_NAME
        self._file: logging.Handler | None = None
        self._previous_level = log.level
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self._file = logging.handlers.RotatingFileHandler(
                self.log_path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
            )
        except OSError as exc:
            # No log beats no app: the box still explains a crash, without a file to send.
            self.log_path = None
            print(f"pofacil: cannot write a log in {folder}: {exc}", file=sys.stderr)
        else:
            self._file.setFormatter(
                logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
            )
            log.addHandler(self._file)
            log.setLevel(logging.INFO)
        self._previous_hook = sys.excepthook
        self._box: QMessageBox | None = None
        sys.excepthook = self

    def __call__(
        self, kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        try:
            # Without a log file, logging's last-resort handler prints it to stderr.
            log.critical("unexpected error", exc_info=(kind, value, tb))
            self._tell((kind, value, tb))
        except BaseException:
            with contextlib.suppress(BaseException):
                traceback.print_exc(file=sys.stderr)

    def _tell(self, error: ExcInfo) -> None:
        # One box at a time: an error repeating on every paint must not pile up windows.
        if self._box is not None and self._box.isVisible():
            return
        if not isinstance(QCoreApplication.instance(), QApplication):
            return
        translate = QCoreApplication.translate
        text = translate("crash_log", "pofacil ran into an unexpected problem: %1").replace(
            "%1", "".join(traceback.format_exception_only(error[0], error[1])).strip()
        )
        text += "\n\n" + translate(
            "crash_log", "Every change shown as Saved is safe in the workshop file."
        )
        if self.log_path is not None:
            text += "\n\n" + translate(
                "crash_log",
                "The details are in this log file; you can send it to whoever supports you:\n%1",
            ).replace("%1", str(self.log_path))
        else:
            text += "\n\n" + translate(
                "crash_log", "The details could not be written to a log file."
            )
        box = message_box(
            None, translate("crash_log", "Unexpected problem"), text, QMessageBox.Icon.Critical
        )
        # Selectable, so the log's path can be copied into an e-mail.
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setWindowModality(Qt.WindowModality.ApplicationModal)
        self._box = box
        if QThread.currentThread().loopLevel() == 0:
            # No event loop (startup, or the app is ending): a shown box would vanish unseen.
            box.exec()
        else:
            # Inside the running loop: do not nest another one in a hook called from a slot.
            box.show()

    def close(self) -> None:
        """Put the previous hook back and release the log file."""
        if sys.excepthook is self:
            sys.excepthook = self._previous_hook
        if self._file is not None:
            log.removeHandler(self._file)
            log.setLevel(self._previous_level)
            self._file.close()
            self._file = None


def install(folder: Path | None = None) -> CrashHandler:
    """Log to ``folder`` (default :func:`log_folder`) and explain unexpected errors."""
    return CrashHandler(folder if folder is not None else log_folder())
