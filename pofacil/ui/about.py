"""Help > About: the version, the licenses (the code's and the bundled font's), and the icon."""

from __future__ import annotations

import sys
from importlib import metadata, resources

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def version() -> str:
    try:
        return metadata.version("pofacil")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"


def app_icon() -> QIcon:
    """The icon in every size drawn for it, so each place (title bar, task bar, dock) gets a
    sharp one; PNGs, not the SVG, so no SVG plugin is needed at run time."""
    icon = QIcon()
    folder = resources.files("pofacil.assets") / "icons"
    for size in ICON_SIZES:
        icon.addFile(str(folder / f"pofacil-{size}.png"))
    return icon


def font_license() -> str:
    return (resources.files("pofacil.assets") / "fonts" / "OFL.txt").read_text(encoding="utf-8")


def _plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About pofacil"))
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(96, 96))
        logo.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.title = _plain(self.tr("pofacil {version}").format(version=version()))
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.summary = _plain(
            self.tr(
                "An offline facilitation board for in-room open-government workshops. "
                "It needs no network; each workshop is one .pofacil file."
            )
        )
        self.licenses = _plain(
            self.tr(
                "pofacil is free software under the MIT License. Its bundled font, Pofacil "
                "Sans TC, is derived from Noto Sans CJK and is licensed under the SIL Open "
                "Font License 1.1 (below)."
            )
        )
        self.versions = _plain(
            self.tr("Python {python}, PySide6 {pyside}, Qt {qt}").format(
                python=sys.version.split()[0], pyside=pyside_version, qt=qVersion()
            )
        )
        self.font_license = QPlainTextEdit(font_license())
        self.font_license.setReadOnly(True)
        self.font_license.setMinimumHeight(160)

        text = QVBoxLayout()
        for label in (self.title, self.summary, self.licenses, self.versions):
            text.addWidget(label)
        top = QHBoxLayout()
        top.addWidget(logo)
        top.addLayout(text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.font_license, 1)
        layout.addWidget(buttons)
        self.resize(560, 480)


def install_help_menu(window: QMainWindow) -> QAction:
    """Add Help > About to the window's menu bar (last, where platforms expect it)."""
    menu = window.menuBar().addMenu(QCoreApplication.translate("AboutDialog", "&Help"))
    action = QAction(QCoreApplication.translate("AboutDialog", "&About pofacil"), window)
    # macOS moves it into the application menu by this role; elsewhere it stays under Help.
    action.setMenuRole(QAction.MenuRole.AboutRole)
    action.triggered.connect(lambda: AboutDialog(window).exec())
    menu.addAction(action)
    return action
