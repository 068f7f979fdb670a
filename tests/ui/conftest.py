import os

# Qt picks its platform plugin when the first QGuiApplication is built; without a
# display (CI, ssh) anything but "offscreen" aborts the whole test run.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from pofacil.board.formats.sample import write_sample
from pofacil.board.session import Session
from pofacil.ui.document import Document
from pofacil.ui.scene import BoardScene
from pofacil.ui.view import BoardView


@pytest.fixture(autouse=True)
def _isolated_settings(qapp: QApplication) -> None:
    # Recent files and preferences go to a throwaway folder, never the tester's own config.
    QStandardPaths.setTestModeEnabled(True)
    qapp.setOrganizationName("pofacil-tests")
    qapp.setApplicationName("pofacil-tests")


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator:
    """The real main window on a copy of the sample workshop, shown offscreen."""
    from pofacil.ui.fonts import install_app_font
    from pofacil.ui.main_window import MainWindow

    install_app_font()
    win = MainWindow(Session.open(write_sample(tmp_path / "sample.pofacil")))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.view.fit()
    yield win
    # Tests fill the system clipboard; emptying it here keeps Qt from freeing its data after
    # the application object is gone at interpreter exit.
    QApplication.clipboard().clear()
    if win.document is not None and not win.document.saved:
        # The close prompt is tested on its own.
        win.document.session.unsaved.clear()
        win.document.session.storage_error = None
    win.close()


@pytest.fixture
def answer_dialogs() -> Iterator[list[str]]:
    """Answer every modal dialog that opens (Yes to questions); yields the texts seen."""
    seen: list[str] = []

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QMessageBox):
            seen.append(widget.text())
            yes = widget.button(QMessageBox.StandardButton.Yes)
            (yes or widget.buttons()[0]).click()
        elif isinstance(widget, QDialog):
            seen.append(widget.windowTitle())
            widget.accept()

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(20)
    yield seen
    timer.stop()


def shown_board(
    qtbot, session: Session, board_id: str, width: int, height: int
) -> tuple[BoardScene, BoardView]:
    """A board's scene in a real view of ``width`` x ``height`` on screen, without the window
    around it (the caller detaches the scene and closes the session)."""
    scene = BoardScene(Document(session))
    scene.set_board(board_id)
    view = BoardView()
    qtbot.addWidget(view)
    view.setScene(scene)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    return scene, view
