"""The bundled Traditional Chinese font, for PDF export and coverage checks.

Qt-free on purpose: the exporter and the command line use it too. The Qt side
lives in ``pofacil.ui.fonts``.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path

FONT_FAMILY = "Pofacil Sans TC"
FONT_FILE = "PofacilSansTC-Regular.ttf"
REPORTLAB_NAME = "PofacilSansTC"


@cache
def font_path() -> Path:
    resource = files("pofacil.assets") / "fonts" / FONT_FILE
    # as_file() only copies when the package is zipped; the package data is
    # installed as plain files, so the path it returns stays valid afterwards.
    with as_file(resource) as path:
        return Path(path)


@cache
def register_reportlab() -> str:
    """Register the bundled font with reportlab once; return its reportlab name."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(REPORTLAB_NAME, str(font_path())))
    return REPORTLAB_NAME


def _invisible(ch: str) -> bool:
    # Spaces, controls, format characters (ZWJ, BOM) and variation selectors
    # never draw a glyph of their own, so a font cannot be "missing" them.
    return (
        ch.isspace()
        or unicodedata.category(ch) in {"Cc", "Cf"}
        or (0xFE00 <= ord(ch) <= 0xFE0F or 0xE0100 <= ord(ch) <= 0xE01EF)
    )


@cache
def _covered() -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    face = pdfmetrics.getFont(register_reportlab()).face  # type: ignore[attr-defined]
    return frozenset(face.charToGlyph)


def missing_glyphs(text: str) -> set[str]:
    """Characters of ``text`` that the bundled font cannot draw."""
    covered = _covered()
    return {ch for ch in set(text) if ord(ch) not in covered and not _invisible(ch)}
