"""Starting the app: translations, the bundled font, and the first workshop to show."""

from __future__ import annotations

import logging
import sys
from datetime import datetime
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QStandardPaths, qVersion
from PySide6.QtWidgets import QApplication

from pofacil.board.formats.sample import write_sample
from pofacil.board.session import Session

from . import crash_log
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


def create_app() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("pofacil")
    app.setApplicationName("pofacil")
    install_translators(app)
    install_app_font(app)  # type: ignore[arg-type]
    return app  # type: ignore[return-value]


def first_session(path: str | None) -> Session:
    """FILE when it opens; otherwise (after saying why) a copy of the sample workshop."""
    if path:
        session = open_session(None, Path(path))
        if session is not None:
            return session
    return Session.open(sample_copy())


def run(path: str | None = None) -> int:
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
