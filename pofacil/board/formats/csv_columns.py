"""The CSV format's columns and the escaping that keeps a spreadsheet from running a field.

Shared by the importer and the CSV export without either importing the other: the export
(and the PDF record beside it) then starts without the importers and the layouts they use.
"""

from __future__ import annotations

CSV_COLUMNS = (
    "text",
    "kind",
    "cell",
    "cluster",
    "author",
    "created",
    "x",
    "y",
    "votes",
    "id",
    "parent",
)
# Optional: which board a row goes to, so one file (the CSV minutes) can hold several boards.
BOARD_COLUMN = "board"

# A spreadsheet runs a cell starting with one of these as a formula (OWASP's CSV injection
# list, plus the quote itself so that escaping can be undone exactly).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


def escape_formula(text: str) -> str:
    """A CSV field a spreadsheet shows as text: a leading ``'`` before a formula character."""
    return "'" + text if text.startswith(FORMULA_START) else text


def unescape_formula(text: str) -> str:
    """Undo :func:`escape_formula`: one leading ``'``, only when a formula character follows."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_START) else text
