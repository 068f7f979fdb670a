"""A board as a PNG, drawn by the same scene and items as the window, so it looks the same.

Used by the command line and the export dialog. Rendering goes through a private
:class:`BoardScene` on its own :class:`Document`: the user's view (zoom, selection, the
found-note highlight) never leaks into the picture.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtWidgets import QApplication

from pofacil.board.formats.minutes import selected_boards
from pofacil.board.model import Workshop
from pofacil.board.model.errors import PofacilError
from pofacil.board.session import Session
from pofacil.board.storage.atomic import atomic_write

from .document import Document
from .fonts import install_app_font
from .scene import BoardScene

MARGIN = 24.0  # scene units of white around the board, so nothing touches the image edge
MAX_SIDE = 16_000  # px: far beyond any projector, and what common viewers still open
# 4 bytes a pixel: 64 MP is 256 MB of memory for the image alone, the most a laptop spares.
MAX_PIXELS = 64_000_000
SCREEN_DPI = 96.0  # what "100%" means on screen, recorded in the PNG so it prints to size


@dataclass(frozen=True)
class PngResult:
    """What was written: the file, its size in pixels, and the scale actually used.

    ``capped`` is True when the requested scale would have made too large an image and a
    lower one was used; ``source`` is the scene rectangle drawn, as (x, y, width, height),
    so pixel (px, py) shows scene point (x + px / scale, y + py / scale).
    """

    path: Path
    width: int
    height: int
    scale: float
    requested_scale: float
    source: tuple[float, float, float, float]

    @property
    def capped(self) -> bool:
        return self.scale < self.requested_scale

    def describe(self) -> str:
        """One line for the command line and the status bar."""
        line = f"{self.path} ({self.width} x {self.height} px, scale {self.scale:g})"
        if self.capped:
            line += f"; scale lowered from {self.requested_scale:g} to keep the image openable"
        return line


def ensure_app() -> QGuiApplication:
    """The running Qt application, or a new one able to draw without a screen.

    A batch export on a server or over ssh has no display; Qt would abort the process
    looking for one, so the offscreen platform is chosen unless the user picked a platform.
    Windows and macOS always have their own platform, display or not.
    """
    app = QGuiApplication.instance()
    if app is not None:
        return app  # type: ignore[return-value]
    if (
        sys.platform not in ("win32", "darwin")
        and "QT_QPA_PLATFORM" not in os.environ
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # A widgets application: the scene's items come from QtWidgets.
    return QApplication(sys.argv[:1])


def fitted_scale(
    width: float,
    height: float,
    scale: float,
    max_side: int = MAX_SIDE,
    max_pixels: int = MAX_PIXELS,
) -> float:
    """``scale``, lowered as little as needed to keep the image within both limits."""
    if scale <= 0:
        raise PofacilError("The scale must be more than 0 (got {scale}).", scale=scale)
    longest = max(width, height, 1.0)
    scale = min(scale, max_side / longest)
    area = max(width, 1.0) * max(height, 1.0)
    if area * scale * scale > max_pixels:
        scale = (max_pixels / area) ** 0.5
    return scale


def export_png(
    workshop: Workshop | str | os.PathLike[str],
    board_id: str,
    out: str | os.PathLike[str],
    scale: float = 2.0,
    session: Session | None = None,
    language: str = "zh",
    max_side: int = MAX_SIDE,
) -> PngResult:
    """Draw board ``board_id`` at ``scale`` (2.0: twice the on-screen 100% size) into ``out``.

    ``workshop`` is the workshop in memory (then ``session``, if given, must be its open
    session) or the path of a workshop file, opened read-only for the export and closed
    after. Needs a Qt application (see :func:`ensure_app`). The file appears complete or not
    at all.
    """
    own_session = None
    if session is None:
        if isinstance(workshop, Workshop):
            # A workshop with no file behind it: the scene only ever reads the model.
            session = Session(None, workshop)  # type: ignore[arg-type]
        else:
            session = own_session = Session.open(workshop, read_only=True)
    elif isinstance(workshop, Workshop) and workshop is not session.workshop:
        raise ValueError("the session given is not the workshop's own")
    try:
        return _render(session, board_id, Path(out), scale, language, max_side)
    finally:
        if own_session is not None:
            own_session.close()


def _render(
    session: Session, board_id: str, out: Path, scale: float, language: str, max_side: int
) -> PngResult:
    board = selected_boards(session.workshop, [board_id])[0]
    app = QGuiApplication.instance()
    if app is None:
        raise RuntimeError("export_png needs a Qt application; call ensure_app() first")
    install_app_font(app)  # type: ignore[arg-type]
    document = Document(session)
    scene = BoardScene(document)
    try:
        scene.language = language
        scene.set_board(board.id)
        scene.setBackgroundBrush(QColor("white"))  # paper, not the window's grey
        items = scene.itemsBoundingRect()
        if items.isEmpty():
            items = QRectF(0, 0, 320, 200)  # an empty board is still a picture of it
        source = items.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        used = fitted_scale(source.width(), source.height(), scale, max_side)
        width = max(1, round(source.width() * used))
        height = max(1, round(source.height() * used))
        image = QImage(width, height, QImage.Format.Format_RGB32)
        if image.isNull():
            raise PofacilError(
                "There is not enough memory for a {w} x {h} px image; try a smaller --scale.",
                w=width,
                h=height,
            )
        image.fill(QColor("white"))
        dots_per_meter = round(SCREEN_DPI * used / 0.0254)
        image.setDotsPerMeterX(dots_per_meter)
        image.setDotsPerMeterY(dots_per_meter)
        painter = QPainter(image)
        try:
            painter.setRenderHints(
                QPainter.RenderHint.Antialiasing
                | QPainter.RenderHint.TextAntialiasing
                | QPainter.RenderHint.SmoothPixmapTransform
            )
            scene.render(
                painter, QRectF(0, 0, width, height), source, Qt.AspectRatioMode.IgnoreAspectRatio
            )
        finally:
            painter.end()
    finally:
        scene.detach()
        scene.deleteLater()
        document.deleteLater()

    def save(tmp: Path) -> None:
        # QImage.save reports failure only as False; atomic_write turns OSError into a
        # one-line StorageError and removes the partial file.
        # PySide6 takes the format as str at run time; its stubs say bytes.
        if not image.save(str(tmp), "PNG"):  # type: ignore[call-overload]
            raise OSError(0, "Qt could not write the PNG image")

    path = atomic_write(out, save)
    return PngResult(
        path, width, height, used, scale, (source.x(), source.y(), source.width(), source.height())
    )
