"""The real window under a real X display, driven from another process (the input-method test
types into it with xdotool): ``python -m tests.ui.ime_driver FILE``.

On start it prints one JSON line, the screen point of an empty spot in cell ``role/now``; then
each line read from stdin is a command: ``state`` prints the capture line, the widget with the
focus, the board's notes, whether one is being edited and the screen point of each, as JSON;
``quit`` closes the window.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QPointF, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication

from pofacil.board.session import Session
from pofacil.ui.fonts import install_app_font
from pofacil.ui.main_window import MainWindow


def main(path: Path) -> int:
    app = QApplication(sys.argv[:1])
    install_app_font()
    window = MainWindow(Session.open(path))
    window.setGeometry(app.primaryScreen().availableGeometry())
    window.show()
    window.activateWindow()

    def say(data: object) -> None:
        print(json.dumps(data, ensure_ascii=False), flush=True)

    def ready() -> None:
        if not window.windowHandle().isExposed():
            QTimer.singleShot(50, ready)
            return
        view, cell = window.view, window.scene.geometry.cells["role/now"]
        spot = view.mapFromScene(QPointF(cell.x + cell.w - 20, cell.y + cell.h - 30))
        point = view.viewport().mapToGlobal(spot)
        say({"click": [point.x(), point.y()]})

    def command() -> None:
        line = sys.stdin.readline().strip()
        if line == "state":
            focus, view = app.focusWidget(), window.view
            say(
                {
                    "line": window.capture.edit.text(),
                    "focus": type(focus).__name__ if focus is not None else None,
                    "notes": [[n.text, n.cell] for n in window.scene.board.live_notes()],
                    "editing": window.view._editing(),
                    "editor": (
                        window.scene.focusItem().toPlainText() if window.view._editing() else None
                    ),
                    "at": {
                        nid: [p.x(), p.y()]
                        for nid, item in window.scene.notes.items()
                        for p in [
                            view.viewport().mapToGlobal(
                                view.mapFromScene(item.sceneBoundingRect().center())
                            )
                        ]
                    },
                }
            )
        elif line in ("quit", ""):
            window.close()
            app.quit()

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(command)
    QTimer.singleShot(0, ready)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
