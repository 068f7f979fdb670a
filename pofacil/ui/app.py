"""Starting the app: translations, the bundled font, and the first workshop to show."""

from __future__ import annotations

import logging
import os
import sys
from datetime import datetime
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QStandardPaths,
    QtMsgType,
    qInstallMessageHandler,
    qVersion,
)
from PySide6.QtWidgets import QApplication

from pofacil.board.formats.sample import write_sample
from pofacil.board.session import Session

from . import crash_log
from .about import app_icon
from .fonts import install_app_font
from .i18n import install_translators
from .main_window import MainWindow, open_session

log = logging.getLogger(__name__)


def sample_copy() -> Path:
    """A fresh copy of the sample workshop in the user's data folder, so it can be played with."""
    folder = (
        Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
        / "samples"
    )
    folder.mkdir(parents=True, exist_ok=True)
    stem = QCoreApplication.translate("app", "sample workshop")
    path = folder / f"{stem} {datetime.now():%Y-%m-%d %H%M}.pofacil"
    number = 2
    while path.exists():
        path = folder / f"{stem} {datetime.now():%Y-%m-%d %H%M} ({number}).pofacil"
        number += 1
    return write_sample(path)


NO_DISPLAY = (
    "pofacil: no display to open the window on ({reason}); the commands work without one, "
    "e.g. 'pofacil export FILE --pdf OUT.pdf' (see 'pofacil --help')."
)


def missing_display(environ: dict[str, str] | None = None, platform: str = sys.platform) -> str:
    """Why the window cannot open here, or '' when it can try: on Linux and the BSDs, with no
    platform chosen in QT_QPA_PLATFORM, there must be an X or Wayland display to go to."""
    env = os.environ if environ is None else environ
    if platform in ("win32", "darwin") or env.get("QT_QPA_PLATFORM"):
        return ""
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return ""
    return "neither DISPLAY nor WAYLAND_DISPLAY is set"


def _refuse_to_abort(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """While the application object is made: Qt ends the process with abort() (exit 134) when
    no platform plugin loads; say so in one line and exit 1 instead. Qt's own lines about the
    attempt are shown only to someone asking for them with QT_DEBUG_PLUGINS=1."""
    if kind == QtMsgType.QtFatalMsg:
        if sys.stderr is not None:  # a windowed app (pythonw) has nowhere to print
            print(NO_DISPLAY.format(reason="Qt's platform plugin did not load"), file=sys.stderr)
            sys.stderr.flush()
        os._exit(1)
    if sys.stderr is not None and os.environ.get("QT_DEBUG_PLUGINS"):
        print(message, file=sys.stderr)


def create_app() -> QApplication:
    app = QApplication.instance()
    if app is None:
        previous = qInstallMessageHandler(_refuse_to_abort)
        try:
            app = QApplication(sys.argv[:1])
        finally:
            qInstallMessageHandler(previous)
    app.setOrganizationName("pofacil")
    app.setApplicationName("pofacil")
    install_translators(app)
    install_app_font(app)  # type: ignore[arg-type]
    app.setWindowIcon(app_icon())  # type: ignore[attr-defined]
    # Wayland matches a window to its menu entry (and so its icon) by this name.
    app.setDesktopFileName("pofacil")  # type: ignore[attr-defined]
    return app  # type: ignore[return-value]


def first_session(path: str | None) -> Session:
    """FILE when it opens; otherwise (after saying why) a copy of the sample workshop."""
    if path:
        session = open_session(None, Path(path))
        if session is not None:
            return session
    return Session.open(sample_copy())


def run(path: str | None = None) -> int:
    reason = missing_display()
    if reason:
        print(NO_DISPLAY.format(reason=reason), file=sys.stderr)
        return 1
    app = create_app()
    crash = crash_log.install()
    log.info(
        "pofacil started (Python %s, PySide6 %s, Qt %s)",
        sys.version.split()[0],
        pyside_version,
        qVersion(),
    )
    window = MainWindow(first_session(path))
    window.show()
    result = app.exec()
    log.info("pofacil stopped (exit code %s)", result)
    crash.close()
    # Copied notes live in Qt's clipboard; freeing them after the application object is gone
    # crashes on exit, so drop what only we own before Python tears down.
    if app.clipboard().ownsClipboard():
        app.clipboard().clear()
    return result
