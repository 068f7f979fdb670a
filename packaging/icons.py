"""The app icon, from assets/icons/pofacil.svg: PNG sizes (checked in, the window loads them),
and at build time the Windows .ico and the macOS .icns.

    python packaging/icons.py            # re-render the checked-in PNGs after editing the SVG
    python packaging/icons.py --bundle DIR   # write DIR/pofacil.ico and DIR/pofacil.icns

Rendered with Qt's SVG renderer (PySide6 has it) so no other tool is needed; Pillow, which
reportlab already brings, writes the .ico and .icns.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "assets" / "icons"
SVG = ICONS / "pofacil.svg"
# The hicolor theme's usual sizes; Windows wants 16-256 in the .ico, macOS up to 1024.
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(size: int) -> QImage:
    _app = QGuiApplication.instance() or QGuiApplication([])
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    return image


def png_path(size: int) -> Path:
    return ICONS / f"pofacil-{size}.png"


def write_pngs() -> None:
    for size in PNG_SIZES:
        render(size).save(str(png_path(size)))


def write_bundle_icons(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    largest = Image.open(png_path(max(PNG_SIZES)))
    largest.save(folder / "pofacil.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    big = folder / "pofacil-1024.png"
    render(1024).save(str(big))
    Image.open(big).save(folder / "pofacil.icns")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, help="write pofacil.ico and pofacil.icns here")
    args = parser.parse_args()
    if args.bundle:
        write_bundle_icons(args.bundle)
    else:
        write_pngs()
