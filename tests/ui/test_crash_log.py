"""An unexpected error is logged with its traceback and explained in one plain-text box."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from pofacil.board.formats.sample import write_sample
from pofacil.ui import crash_log


def visible_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def failing_button(qtbot) -> QPushButton:
    def broken_slot() -> None:
        raise RuntimeError("<b>壞掉</b> on purpose")

    button = QPushButton()
    qtbot.addWidget(button)
    button.clicked.connect(broken_slot)
    return button


def test_error_in_a_slot_is_logged_and_explained_once(qtbot, tmp_path: Path) -> None:
    before = sys.excepthook
    handler = crash_log.install(tmp_path / "logs")
    try:
        button = failing_button(qtbot)
        # The way it happens in the app: slots raising inside the running event loop, twice.
        loop = QEventLoop()
        QTimer.singleShot(0, button.click)
        QTimer.singleShot(0, button.click)
        QTimer.singleShot(100, loop.quit)
        loop.exec()
        boxes = visible_boxes()
        assert len(boxes) == 1, "one box, however often it repeats"
        box = boxes[0]
        assert box.textFormat() == Qt.TextFormat.PlainText
        log_path = tmp_path / "logs" / "pofacil.log"
        assert "RuntimeError: <b>壞掉</b> on purpose" in box.text()
        assert "Saved is safe in the workshop file" in box.text() and str(log_path) in box.text()
        box.close()
        log = log_path.read_text(encoding="utf-8")
        assert log.count("Traceback (most recent call last)") == 2
        assert "in broken_slot" in log and "RuntimeError: <b>壞掉</b> on purpose" in log
    finally:
        handler.close()
    assert sys.excepthook is before


def test_unwritable_log_folder_still_explains_the_error(qtbot, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the log folder should be")
    handler = crash_log.install(blocker / "logs")  # mkdir fails even for root
    seen: list[str] = []

    def read_and_close() -> None:
        boxes = visible_boxes()
        if not boxes:
            QTimer.singleShot(20, read_and_close)
            return
        seen.append(boxes[0].text())
        boxes[0].close()

    try:
        assert handler.log_path is None
        # No event loop is running (as at startup): the box waits for the user.
        QTimer.singleShot(0, read_and_close)
        failing_button(qtbot).click()
    finally:
        handler.close()
    assert len(seen) == 1 and "could not be written to a log file" in seen[0]
    assert "<b>壞掉</b> on purpose" in seen[0]


def test_storage_failure_is_logged_as_a_warning(
    qtbot, window, tmp_path: Path, answer_dialogs
) -> None:
    handler = crash_log.install(tmp_path / "logs")
    window.open_workshop(str(write_sample(tmp_path / "營隊.pofacil")))
    blocker = sqlite3.connect(window.document.path, timeout=0)
    blocker.execute("BEGIN IMMEDIATE")
    window.document.session.store.db.conn.execute("PRAGMA busy_timeout = 0")
    try:
        window.capture_note("王素琴", "寫不進去的一點")
    finally:
        blocker.rollback()
        blocker.close()
        handler.close()
    log = (tmp_path / "logs" / "pofacil.log").read_text(encoding="utf-8")
    assert f"INFO pofacil.ui.main_window: opened {tmp_path / '營隊.pofacil'}" in log
    assert "WARNING pofacil.ui.main_window: the workshop file stopped taking changes" in log


APP_RUN = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pofacil.ui import crash_log
from pofacil.ui.app import run

app = QApplication(sys.argv[:1])

def broken_slot():
    raise RuntimeError("broken inside the running app")

def finish():
    boxes = [w for w in app.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    print(len(boxes), crash_log.log_folder())
    app.closeAllWindows()

QTimer.singleShot(200, broken_slot)
QTimer.singleShot(400, finish)
sys.exit(run(sys.argv[1]))
"""


def test_the_app_logs_start_errors_and_stop(tmp_path: Path) -> None:
    """The real app.run in its own process, with its own data folder."""
    workshop = write_sample(tmp_path / "營隊.pofacil")
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    result = subprocess.run(
        [sys.executable, "-c", APP_RUN, str(workshop)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    boxes, folder = result.stdout.split(maxsplit=1)
    assert boxes == "1"
    log = (Path(folder.strip()) / "pofacil.log").read_text(encoding="utf-8")
    lines = [line for line in log.splitlines() if " pofacil" in line]
    assert "INFO pofacil.ui.app: pofacil started" in lines[0]
    assert f"INFO pofacil.ui.main_window: opened {workshop}" in lines[1]
    assert "CRITICAL pofacil: unexpected error" in lines[2]
    assert "RuntimeError: broken inside the running app" in log
    assert "INFO pofacil.ui.app: pofacil stopped (exit code 0)" in lines[-1]
