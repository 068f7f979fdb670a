"""Help > About (version, licenses, the font's license) and the app icon the window uses."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

from PySide6.QtCore import QSize

from pofacil.ui.about import ICON_SIZES, AboutDialog, app_icon


def test_help_menu_opens_about_with_version_and_both_licenses(window, qtbot) -> None:
    menus = [a for a in window.menuBar().actions() if a.menu() is not None]
    help_menu = menus[-1].menu()
    about = help_menu.actions()[0]
    assert "pofacil" in about.text()

    dialog = AboutDialog(window)
    qtbot.addWidget(dialog)
    assert version("pofacil") in dialog.title.text()
    assert "MIT" in dialog.licenses.text()
    assert "SIL Open Font License 1.1" in dialog.licenses.text()
    assert "SIL OPEN FONT LICENSE Version 1.1" in dialog.font_license.toPlainText()
    assert dialog.font_license.isReadOnly()


def test_the_icon_has_every_size_drawn_for_it(qapp) -> None:
    icon = app_icon()
    assert {QSize(s, s) for s in ICON_SIZES} <= set(icon.availableSizes())
    assert not icon.pixmap(48, 48).isNull()


def test_the_started_app_carries_the_icon(tmp_path: Path) -> None:
    # In a process of its own: create_app names the application, which tests must not.
    script = (
        "from pofacil.ui.app import create_app\n"
        "app = create_app()\n"
        "print(len(app.windowIcon().availableSizes()))\n"
    )
    env = {"HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.split()[-1]) >= len(ICON_SIZES)
