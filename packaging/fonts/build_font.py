#!/usr/bin/env python3
"""Build the bundled "Pofacil Sans TC" font from Noto Sans CJK TC.

reportlab embeds only TrueType (glyf) outlines, while every Noto CJK release
ships CFF outlines, so the board cannot use the upstream files directly. This
script takes the Traditional Chinese (Taiwan) face of the Debian
``fonts-noto-cjk`` collection, cuts it down to what a Traditional Chinese
workshop writes, converts the outlines to quadratic TrueType curves and renames
the family, as the SIL OFL 1.1 requires for a modified version.

Usage (from the repository root)::

    apt-get install fonts-noto-cjk
    .venv/bin/python packaging/fonts/build_font.py
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable
from fontTools.ttLib.tables._g_l_y_f import Glyph

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
DEFAULT_OUT = REPO_ROOT / "assets" / "fonts" / "PofacilSansTC-Regular.ttf"

# The TTC holds JP/KR/SC/TC/HK faces that share outlines but differ in which
# glyph each code point maps to; only the TC face gives Taiwan's standard forms.
SOURCE_FAMILY = "Noto Sans CJK TC"

FAMILY = "Pofacil Sans TC"
STYLE = "Regular"
POSTSCRIPT_NAME = "PofacilSansTC-Regular"
DESCRIPTION = (
    "Pofacil Sans TC is a modified version of Noto Sans CJK TC: subset to the "
    "characters used in Traditional Chinese (Taiwan) workshops and converted to "
    "TrueType outlines. It is licensed under the SIL Open Font License, Version 1.1."
)

# 1.0 font unit on a 1000-unit em is below what any screen or print size
# can show, and a looser tolerance only trades accuracy for a few percent of size.
MAX_ERR = 1.0

# Inclusive code point ranges. Blocks are kept whole when small so that stray
# symbols pasted from office documents still render; Hangul is left out because
# its 11k syllables would double the file for text this board does not expect.
UNICODE_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0020, 0x007E, "Basic Latin"),
    (0x00A0, 0x00FF, "Latin-1 Supplement"),
    (0x0100, 0x017F, "Latin Extended-A (Tâi-lô, names)"),
    (0x01CD, 0x01DC, "Latin Extended-B: Hanyu Pinyin tone letters"),
    (0x0250, 0x02FF, "IPA Extensions, Spacing Modifiers (Bopomofo tone marks ˊˇˋ˙)"),
    (0x0300, 0x036F, "Combining Diacritical Marks (Tâi-lô, POJ)"),
    (0x0370, 0x03FF, "Greek (units, formulas)"),
    (0x1E00, 0x1EFF, "Latin Extended Additional (Tâi-lô ḿ, Vietnamese)"),
    (0x2000, 0x206F, "General Punctuation"),
    (0x2070, 0x209F, "Superscripts and Subscripts"),
    (0x20A0, 0x20CF, "Currency Symbols"),
    (0x2100, 0x214F, "Letterlike Symbols"),
    (0x2150, 0x218F, "Number Forms"),
    (0x2190, 0x21FF, "Arrows"),
    (0x2200, 0x22FF, "Mathematical Operators"),
    (0x2300, 0x23FF, "Miscellaneous Technical"),
    (0x2460, 0x24FF, "Enclosed Alphanumerics"),
    (0x2500, 0x257F, "Box Drawing"),
    (0x2580, 0x259F, "Block Elements"),
    (0x25A0, 0x25FF, "Geometric Shapes"),
    (0x2600, 0x26FF, "Miscellaneous Symbols"),
    (0x2700, 0x27BF, "Dingbats (check marks)"),
    (0x2E80, 0x2EFF, "CJK Radicals Supplement"),
    (0x2F00, 0x2FDF, "Kangxi Radicals (appear in text copied out of PDFs)"),
    (0x2FF0, 0x2FFF, "Ideographic Description Characters"),
    (0x3000, 0x303F, "CJK Symbols and Punctuation"),
    (0x3040, 0x30FF, "Hiragana and Katakana (の and kana in Taiwanese shop names)"),
    (0x3100, 0x312F, "Bopomofo"),
    (0x31A0, 0x31BF, "Bopomofo Extended (Taiwanese and Hakka phonetics)"),
    (0x31C0, 0x31EF, "CJK Strokes"),
    (0x3200, 0x32FF, "Enclosed CJK Letters and Months"),
    (0x3300, 0x33FF, "CJK Compatibility (㎡ ㎏ ㎝)"),
    (0x3400, 0x4DBF, "CJK Unified Ideographs Extension A"),
    (0x4E00, 0x9FFF, "CJK Unified Ideographs"),
    (0xF900, 0xFAFF, "CJK Compatibility Ideographs"),
    (0xFE10, 0xFE1F, "Vertical Forms"),
    (0xFE30, 0xFE4F, "CJK Compatibility Forms"),
    (0xFE50, 0xFE6F, "Small Form Variants"),
    (0xFF00, 0xFFEF, "Halfwidth and Fullwidth Forms"),
    (0xFFFD, 0xFFFD, "Replacement Character"),
    # The TC face carries only ~2,400 supplementary ideographs, those Taiwan's
    # standards use, among them Hokkien 𤆬 (tshuā) and Hakka 𠊎 (ngài); cheap to keep.
    (0x20000, 0x323AF, "CJK Unified Ideographs Extension B-H"),
    (0x2F800, 0x2FA1F, "CJK Compatibility Ideographs Supplement"),
)

# Tables that only matter for vertical or complex layout, or that describe CFF
# outlines. Qt shapes CJK without them and reportlab never reads them; keeping
# GSUB/GPOS would also pull in thousands of glyph variants through closure.
DROP_TABLES = ("BASE", "GDEF", "GPOS", "GSUB", "JSTF", "VORG", "vhea", "vmtx", "DSIG")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--source",
        type=Path,
        default=DEFAULT_SOURCE,
        help=f"Noto Sans CJK collection or Noto Sans CJK TC OTF (default: {DEFAULT_SOURCE})",
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help=f"output TTF (default: {DEFAULT_OUT})"
    )
    return parser.parse_args(argv)


def family_name(font: TTFont) -> str | None:
    name = font["name"].getName(1, 3, 1, 0x409) or font["name"].getName(1, 1, 0, 0)
    return None if name is None else name.toUnicode()


def load_tc_face(source: Path) -> TTFont:
    # Match on the family name rather than a face index: faces have been added
    # to the collection over time (HK, Mono), and a wrong index would silently
    # give another region's glyph forms.
    with source.open("rb") as fh:
        is_collection = fh.read(4) == b"ttcf"
    if not is_collection:
        font = TTFont(source, recalcTimestamp=False)
        if family_name(font) != SOURCE_FAMILY:
            raise SystemExit(f"{source} is {family_name(font)!r}, not {SOURCE_FAMILY!r}")
        return font
    faces = [family_name(face) for face in TTCollection(source, lazy=True)]
    if SOURCE_FAMILY not in faces:
        raise SystemExit(f"{source} has no {SOURCE_FAMILY!r} face (found {faces})")
    return TTFont(source, fontNumber=faces.index(SOURCE_FAMILY), recalcTimestamp=False)


def wanted_codepoints(font: TTFont) -> list[int]:
    available = font.getBestCmap()
    return sorted(
        cp for first, last, _ in UNICODE_RANGES for cp in range(first, last + 1) if cp in available
    )


def subset_font(font: TTFont, codepoints: Iterable[int]) -> None:
    options = subset.Options()
    options.layout_features = []
    options.drop_tables += list(DROP_TABLES)
    # Glyph names of a CID font are meaningless ("cid12345") and would cost
    # hundreds of kilobytes in a format 2 'post' table.
    options.glyph_names = False
    options.hinting = False
    options.desubroutinize = True
    # The name table is rewritten wholesale by rename(); keep everything here so
    # the upstream copyright and license records survive to be copied.
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.recalc_timestamp = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)


def cff_to_glyf(font: TTFont) -> None:
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs: dict[str, Glyph] = {}
    for name in glyph_order:
        tt_pen = TTGlyphPen(glyph_set)
        # Outer contours run counter-clockwise in CFF but clockwise in TrueType;
        # rasterizers relying on that convention (dropout control) misdraw otherwise.
        glyph_set[name].draw(Cu2QuPen(tt_pen, MAX_ERR, reverse_direction=True))
        glyphs[name] = tt_pen.glyph()

    glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = glyphs
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    del font["CFF "]
    glyf.compile(font)  # computes each glyph's bounding box

    # TrueType rasterizers position outlines from hmtx's left side bearing,
    # which must now equal the recomputed xMin.
    hmtx = font["hmtx"]
    for name, glyph in glyphs.items():
        hmtx[name] = (hmtx[name][0], getattr(glyph, "xMin", 0))

    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for field in (
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, field, 0)
    font["maxp"] = maxp
    maxp.compile(font)  # fills numGlyphs and the point/contour maxima

    font["post"].formatType = 3.0

    # The outlines carry no hints; 'gasp' tells Windows to smooth at all sizes
    # instead of falling back to unhinted black-and-white rendering.
    gasp = newTable("gasp")
    gasp.version = 1
    gasp.gaspRange = {0xFFFF: 0x000F}
    font["gasp"] = gasp

    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font: TTFont) -> None:
    # OFL 1.1 forbids a modified version from using a reserved font name, and
    # the upstream reserves "Source"; "Noto" is a Google trademark. Rebuilding
    # the table from scratch guarantees no localized record keeps the old name.
    old = font["name"]
    copyright_ = old.getDebugName(0)
    designer = old.getDebugName(9)
    license_ = old.getDebugName(13)
    license_url = old.getDebugName(14)
    version = f"Version {font['head'].fontRevision:.3f}"

    name = newTable("name")
    name.names = []
    records = {
        0: copyright_,
        1: FAMILY,
        2: STYLE,
        3: f"{version};{POSTSCRIPT_NAME}",
        4: f"{FAMILY} {STYLE}" if STYLE != "Regular" else FAMILY,
        5: f"{version}; derived from {SOURCE_FAMILY}",
        6: POSTSCRIPT_NAME,
        9: designer,
        10: DESCRIPTION,
        13: license_,
        14: license_url,
    }
    for name_id, text in records.items():
        if text:
            name.setName(text, name_id, 3, 1, 0x409)
    font["name"] = name

    # Upstream's vendor ID would credit Adobe with this modified version.
    font["OS/2"].achVendID = "NONE"


def build(source: Path, out: Path) -> TTFont:
    font = load_tc_face(source)
    subset_font(font, wanted_codepoints(font))
    cff_to_glyf(font)
    rename(font)
    out.parent.mkdir(parents=True, exist_ok=True)
    font.save(out)
    return font


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    font = build(args.source, args.out)
    elapsed = time.perf_counter() - started
    size = args.out.stat().st_size
    print(f"wrote {args.out}")
    print(f"glyphs: {len(font.getGlyphOrder())}")
    print(f"cmap entries: {len(font.getBestCmap())}")
    print(f"size: {size} bytes ({size / 1_000_000:.2f} MB)")
    print(f"seconds: {elapsed:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
