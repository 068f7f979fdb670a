"""The bundled font: TrueType outlines, Traditional Chinese coverage, PDF embedding."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from pofacil.board.formats.fonts import FONT_FAMILY, font_path, missing_glyphs, register_reportlab

SAMPLE = "開放政府 骨 次 ABC"


@pytest.fixture(scope="module")
def ttf() -> TTFont:
    return TTFont(font_path(), lazy=True)


@pytest.fixture(scope="module")
def cmap(ttf: TTFont) -> dict[int, str]:
    return ttf.getBestCmap()


def big5_hanzi() -> list[str]:
    chars = []
    for lead in range(0xA4, 0xFA):
        for trail in [*range(0x40, 0x7F), *range(0xA1, 0xFF)]:
            code = lead << 8 | trail
            if not (0xA440 <= code <= 0xC67E or 0xC940 <= code <= 0xF9D5):
                continue
            try:
                chars.append(bytes([lead, trail]).decode("big5"))
            except UnicodeDecodeError:
                continue
    return chars


def test_outlines_are_truetype(ttf: TTFont) -> None:
    assert "glyf" in ttf
    assert "CFF " not in ttf
    assert ttf.sfntVersion == "\x00\x01\x00\x00"


def test_family_is_renamed(ttf: TTFont) -> None:
    assert ttf["name"].getDebugName(1) == FONT_FAMILY
    names = " ".join(
        record.toUnicode() for record in ttf["name"].names if record.nameID in (1, 4, 6)
    )
    assert "Source" not in names and "Noto" not in names


def test_covers_every_big5_hanzi(cmap: dict[int, str]) -> None:
    chars = big5_hanzi()
    assert len(chars) > 13_000
    assert [c for c in chars if ord(c) not in cmap] == []


def test_covers_bopomofo_punctuation_and_ascii(cmap: dict[int, str]) -> None:
    bopomofo = [chr(cp) for cp in range(ord("ㄅ"), ord("ㄩ") + 1)]
    punctuation = list("（），。、「」『』：；？！")
    ascii_ = [chr(cp) for cp in range(0x20, 0x7F)]
    assert [c for c in bopomofo + punctuation + ascii_ if ord(c) not in cmap] == []


def test_missing_glyphs_reports_only_what_the_font_lacks() -> None:
    assert missing_glyphs("開放政府😀") == {"😀"}
    assert missing_glyphs("臺灣 ㄅㄆㄇ，。\n\t") == set()


def test_register_reportlab_is_idempotent() -> None:
    assert register_reportlab() == register_reportlab()


def write_pdf(path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path))
    canvas.setFont(register_reportlab(), 24)
    canvas.drawString(72, 720, SAMPLE)
    canvas.save()


def test_pdf_embeds_the_font(tmp_path: Path) -> None:
    pdf = tmp_path / "sample.pdf"
    write_pdf(pdf)
    data = pdf.read_bytes()
    assert b"/FontFile2" in data  # an embedded TrueType program
    assert b"PofacilSansTC-Regular" in data


@pytest.mark.skipif(
    shutil.which("pdffonts") is None or shutil.which("pdftotext") is None,
    reason="poppler-utils (pdffonts, pdftotext) not installed",
)
def test_pdf_font_and_text_survive_poppler(tmp_path: Path) -> None:
    pdf = tmp_path / "sample.pdf"
    write_pdf(pdf)

    report = subprocess.run(
        ["pdffonts", str(pdf)], check=True, capture_output=True, text=True
    ).stdout.splitlines()
    emb = report[0].index("emb")
    ours = [line for line in report[2:] if "PofacilSansTC" in line]
    assert ours, report
    assert all(line[emb : emb + 3] == "yes" for line in ours), report

    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert text.split() == SAMPLE.split()
