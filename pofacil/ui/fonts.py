"""Make the bundled Traditional Chinese font the application's default font.

Workshop laptops often have no CJK font, or only one drawing mainland forms;
loading our own keeps notes legible and identical to the exported PDF.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from pofacil.board.formats.fonts import font_path

_family: str | None = None


def install_app_font(app: QGuiApplication | None = None) -> str:
    """Load the bundled font into Qt (once) and make it the default; return its family."""
    global _family
    if _family is None:
        path = font_path()
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id != -1 else []
        if not families:
            raise RuntimeError(f"Qt could not load the bundled font {path}")
        _family = families[0]

    if app is None:
        app = QGuiApplication.instance()  # type: ignore[assignment]
    if app is not None:
        font = QFont(app.font())  # keep the platform's point size
        font.setFamilies([_family])
        app.setFont(font)
    return _family
