"""Text for the PDF: the bundled font's metrics and coverage, line wrapping, shrink-to-fit.

Line breaking follows what a reader of Traditional Chinese expects: a line may break between
any two Han characters, Latin words and numbers stay whole unless they are wider than the
line, and closing punctuation (，。」) never starts a line while opening punctuation (「（)
never ends one. Lines are measured in em so that one tokenisation serves every font size
tried while shrinking a note's text to fit.
"""

from __future__ import annotations

import struct
import unicodedata
from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase import pdfmetrics

from pofacil.board.formats.fonts import missing_glyphs, register_reportlab

# Never at the start of a line (kinsoku): they belong to the character before them.
NO_START = frozenset("，。、；：！？）」』】〉》〕］｝…‥・,.;:!?)]}%’”")
# Never at the end of a line: they belong to the character after them.
NO_END = frozenset("（「『【〈《〔［｛([{‘“")
ELLIPSIS = "…"

_SPACE = 0
_NEWLINE = 1
_WORD = 2  # a Latin word or number run: breaks only at its edges
_WIDE = 3  # a Han character (with any punctuation glued to it): breaks anywhere


@dataclass(frozen=True)
class FittedText:
    """A text laid out in a box: the font size chosen, its lines, and whether it all fits."""

    size: float
    lines: tuple[str, ...]
    fits: bool


class FontText:
    """Measures and wraps text in the bundled font, and keeps every character drawable.

    One instance per export: it counts the characters it had to replace.
    """

    def __init__(self) -> None:
        self.name = register_reportlab()
        face = pdfmetrics.getFont(self.name).face  # type: ignore[attr-defined]
        self._widths: dict[int, int] = face.charWidths
        self._default = face.defaultWidth
        self._covered: dict[int, int] = face.charToGlyph
        units = face.unitsPerEm or 1000
        # Qt lays out lines with the hhea metrics of this font (its OS/2 table does not ask for
        # the typo metrics); using the same ones makes a note shrink to the size it has on screen.
        ascender, descender, gap = struct.unpack(">hhh", face.get_table("hhea")[4:10])
        self.ascent = ascender / units
        self.line_height = (ascender - descender + gap) / units
        self.fallback = "\ufffd" if 0xFFFD in self._covered else "?"
        self.replaced = 0  # characters replaced, counted once per distinct string
        self.missing: set[str] = set()
        self._clean: dict[str, str] = {}
        self._tokens: dict[str, list[tuple[int, str, float]]] = {}
        self._em: dict[str, float] = {}
        # Per character: its width in em, whether it is wide (Han), never starts a line,
        # never ends one. Looked up once per character rather than once per use.
        self._chars: dict[str, tuple[float, bool, bool, bool]] = {}

    # -- coverage --------------------------------------------------------------------------
    def clean(self, text: str) -> str:
        """``text`` with every character the font lacks made drawable.

        A visible character the font has no glyph for becomes the fallback mark (reportlab
        would draw the font's black .notdef box); whitespace becomes a plain space or stays a
        line break; invisible format characters the font lacks (zero-width space, variation
        selectors) are dropped, since they draw nothing anyway.
        """
        cached = self._clean.get(text)
        if cached is not None:
            return cached
        covered = self._covered
        if all(ord(ch) in covered for ch in text):
            self._clean[text] = text
            return text
        missing = missing_glyphs(text)
        out = []
        for ch in text:
            if ord(ch) in covered or ch == "\n":
                out.append(ch)
            elif ch in missing:
                out.append(self.fallback)
                self.replaced += 1
                self.missing.add(ch)
            elif ch.isspace():
                out.append(" ")
        result = "".join(out)
        self._clean[text] = result
        return result

    # -- measuring -------------------------------------------------------------------------
    def em_width(self, text: str) -> float:
        # Kept per string: a board measures the same speakers and kind words on every note.
        found = self._em.get(text)
        if found is None:
            widths, default = self._widths, self._default
            found = self._em[text] = float(sum(widths.get(ord(ch), default) for ch in text)) / 1000
        return found

    def width(self, text: str, size: float) -> float:
        """Width of already-clean ``text`` at ``size`` points (or board units)."""
        return self.em_width(text) * size

    def _tokenise(self, text: str) -> list[tuple[int, str, float]]:
        tokens = self._tokens.get(text)
        if tokens is not None:
            return tokens
        widths, default, chars = self._widths, self._default, self._chars
        out: list[list[Any]] = []
        glue = False  # the previous character was opening punctuation
        for ch in text:
            info = chars.get(ch)
            if info is None:
                info = chars[ch] = (
                    widths.get(ord(ch), default) / 1000.0,
                    unicodedata.east_asian_width(ch) in "WF",
                    ch in NO_START,
                    ch in NO_END,
                )
            w, wide, no_start, no_end = info
            if ch == "\n":
                out.append([_NEWLINE, "", 0.0])
                glue = False
                continue
            if ch == " ":
                if glue and out:  # "（ 0": no break between opening punctuation and its text
                    out[-1][1] += " "
                    out[-1][2] += w
                    continue
                out.append([_SPACE, " ", w])
                continue
            if no_start and len(out) > 1 and out[-1][0] == _SPACE and out[-2][0] in (_WORD, _WIDE):
                out[-2][1] += " "  # "00 。": the break at the space would open a line with 。
                out[-2][2] += out.pop()[2]
            last = out[-1] if out else None
            if (
                last is not None
                and last[0] in (_WORD, _WIDE)
                and (glue or no_start or (not wide and last[0] == _WORD))
            ):
                last[1] += ch
                last[2] += w
            else:
                out.append([_WIDE if wide else _WORD, ch, w])
            glue = no_end
        tokens = [(kind, s, w) for kind, s, w in out]
        self._tokens[text] = tokens
        return tokens

    # -- wrapping --------------------------------------------------------------------------
    def wrap(self, text: str, width: float, size: float) -> list[str]:
        """Lines of clean ``text`` no wider than ``width`` at ``size`` (one line at least)."""
        limit = width / size if size > 0 else 0.0
        lines: list[str] = []
        line, line_w, space = "", 0.0, 0.0
        for kind, piece, w in self._tokenise(text):
            if kind == _NEWLINE:
                lines.append(line)
                line, line_w, space = "", 0.0, 0.0
                continue
            if kind == _SPACE:
                if line:  # spaces at the start of a wrapped line are dropped
                    space = w
                continue
            if line_w + space + w <= limit + 1e-9:
                line += (" " if space else "") + piece
                line_w += space + w
            elif w <= limit + 1e-9:
                if line:
                    lines.append(line)
                line, line_w = piece, w
            else:  # a word wider than the line: break it where it must
                if line and line_w + space + self.em_width(piece[0]) > limit:
                    lines.append(line)
                    line, line_w = "", 0.0
                elif line and space:
                    line += " "
                    line_w += space
                for ch in piece:
                    cw = self.em_width(ch)
                    # Closing punctuation hangs past the edge rather than open a line.
                    if line and line_w + cw > limit + 1e-9 and ch not in NO_START:
                        lines.append(line)
                        line, line_w = "", 0.0
                    line += ch
                    line_w += cw
            space = 0.0
        lines.append(line)
        return lines

    def fit(
        self, text: str, width: float, height: float, largest: int, smallest: int
    ) -> FittedText:
        """The largest whole size in [smallest, largest] at which ``text`` wraps inside the box,
        as the screen picks it. When even the smallest is too big, the lines that fit, the last
        one ended with an ellipsis: the full text is in the meeting record."""

        def fits(size: int) -> list[str] | None:
            lines = self.wrap(text, width, size)
            return lines if len(lines) * self.line_height * size <= height + 1e-6 else None

        lines = fits(largest)
        if lines is not None:
            return FittedText(largest, tuple(lines), True)
        # A smaller size gives the same or fewer lines (greedy wrapping of a wider line, in em),
        # so a binary search finds what the screen's scan from the top would.
        low, high, best = smallest, largest - 1, None
        while low <= high:
            mid = (low + high) // 2
            found = fits(mid)
            if found is not None:
                best, low = (mid, found), mid + 1
            else:
                high = mid - 1
        if best is not None:
            return FittedText(best[0], tuple(best[1]), True)
        return FittedText(smallest, tuple(self.truncate(text, width, height, smallest)), False)

    def truncate(self, text: str, width: float, height: float, size: float) -> list[str]:
        """The lines of ``text`` that fit in the box, the last ending in an ellipsis."""
        lines = self.wrap(text, width, size)
        room = max(1, int((height + 1e-6) // (self.line_height * size)))
        if len(lines) <= room:
            return lines
        kept = lines[:room]
        last = kept[-1]
        while last and self.width(last + ELLIPSIS, size) > width:
            last = last[:-1]
        kept[-1] = last.rstrip() + ELLIPSIS
        return kept

    def shorten(self, text: str, width: float, size: float) -> str:
        """One line of ``text``, cut with an ellipsis when it is wider than ``width``."""
        text = " ".join(text.split())
        if self.width(text, size) <= width:
            return text
        while text and self.width(text + ELLIPSIS, size) > width:
            text = text[:-1]
        return text + ELLIPSIS
