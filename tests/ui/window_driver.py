"""The main window on a screen of a given size, in its own process (Qt picks its screen once
per process): ``python -m tests.ui.window_driver FILE WIDTH HEIGHT [STEP]``.

Runs with Qt's offscreen platform configured to one WIDTHxHEIGHT screen, opens FILE, and
prints one JSON line: the screen, and the window's parts in screen coordinates, after each of
the steps it takes (first show; full screen and back; projector mode and back). STEP
"restore-normal" first leaves the window un-maximized at a size and place of its own, so that
a second run shows what was remembered.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path


def main(path: Path, width: int, height: int, step: str) -> int:
    config = Path(tempfile.mkdtemp()) / "screen.json"
    config.write_text(
        json.dumps(
            {
                "synchronousWindowSystemEvents": True,
                "windowFrameMargins": False,
                "screens": [
                    {"name": "projector", "x": 0, "y": 0, "width": width, "height": height}
                ],
            }
        )
    )
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    from PySide6.QtCore import QCoreApplication, QRect
    from PySide6.QtWidgets import QApplication, QWidget

    from pofacil.board.session import Session
    from pofacil.ui.fonts import install_app_font
    from pofacil.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName("pofacil-tests")
    QCoreApplication.setApplicationName("pofacil-tests")
    install_app_font()
    window = MainWindow(Session.open(path))
    window.show()
    app.processEvents()

    def box(widget: QWidget) -> list[int]:
        top_left = widget.mapToGlobal(widget.rect().topLeft())
        r = QRect(top_left, widget.size())
        return [r.x(), r.y(), r.width(), r.height()] if widget.isVisible() else []

    def parts() -> dict[str, object]:
        app.processEvents()
        return {
            "window": box(window),
            "maximized": window.isMaximized(),
            "capture": box(window.capture),
            "capture_edit": box(window.capture.edit),
            "target": box(window.capture.target),
            "status": box(window.statusBar()),
            "tabs": box(window.tab_row),
            "palette": box(window.kind_palette),
            "view": box(window.view),
        }

    shots: dict[str, object] = {"screen": [0, 0, width, height], "first": parts()}
    if step == "restore-normal":
        window.showNormal()
        window.setGeometry(40, 30, width // 2, height // 2)
        shots["normal"] = parts()
    window.toggle_full_screen()
    shots["full screen"] = parts()
    window.toggle_full_screen()
    shots["after full screen"] = parts()
    window.toggle_projector()
    shots["projector"] = parts()
    window.toggle_projector()
    shots["after projector"] = parts()
    print(json.dumps(shots), flush=True)
    window.close()
    return 0


if __name__ == "__main__":
    step = sys.argv[4] if len(sys.argv) > 4 else ""
    sys.exit(main(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), step))
