"""Short texts a board draws over and over (each note's kind word and speaker), formatted once.

reportlab encodes and formats a string anew on every ``textOut``: it splits it into the
font's subsets, escapes the bytes and writes the font operators. A big board repeats a
handful of kind words and speakers thousands of times, and that work was a fifth of drawing
its notes. Right after ``setFont`` the operators reportlab writes for a string depend only
on the string, the font, its size and leading and the document (which gives each character
its code in a subset, once), so the first ``textOut`` of each is kept and replayed.

This reads three attributes of reportlab's text object (its code list, current subset and
cursor), which it has kept since the TrueType subsets came (2.x); the tests compare a board
drawn this way with one drawn by plain ``textOut``, byte for byte, so a reportlab that
changes them fails there rather than printing a wrong page.
"""

from __future__ import annotations

from reportlab.pdfgen.textobject import PDFTextObject


class RepeatedText:
    """One per canvas (a document numbers its subsets' characters in its own way)."""

    def __init__(self) -> None:
        # (text, font, size, leading) -> the operators, the subset they end in, the advance
        self._shown: dict[tuple[str, str, float, float], tuple[str, int, float]] = {}

    def show(self, t: PDFTextObject, text: str, font: str, size: float, leading: float) -> None:
        """``t.setFont(font, size, leading)`` then ``t.textOut(text)``, with the same result."""
        t.setFont(font, size, leading)
        key = (text, font, size, leading)
        found = self._shown.get(key)
        if found is None:
            start = t._x  # type: ignore[attr-defined]
            t.textOut(text)
            self._shown[key] = (t._code[-1], t._curSubset, t._x - start)  # type: ignore[attr-defined]
            return
        code, subset, advance = found
        t._code.append(code)  # type: ignore[attr-defined]
        t._curSubset = subset  # type: ignore[attr-defined]
        t._x += advance  # type: ignore[attr-defined]
