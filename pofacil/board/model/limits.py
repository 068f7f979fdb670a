"""The board's range: what every number and text entering the model must be.

A finite but huge number is as bad as NaN: a note at x=1e308 duplicated twice gives inf and
then NaN, SQLite stores NaN as NULL, and the file no longer opens. So the rule is checked
where rows enter the model (:meth:`~pofacil.board.model.Workshop.apply`), imports report it by
line, and automatic placement wraps before it gets there.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from .errors import ModelError

if TYPE_CHECKING:
    from .workshop import Patch

COORD_MAX = 1_000_000.0  # |x| and |y| of a note's top-left corner
SIZE_MIN, SIZE_MAX = 40.0, 2_000.0  # a note's width and height
VOTES_MAX = 10_000
SEQ_MAX = 2**53  # a note's display order: any whole number a JSON reader keeps exact
TEXT_MAX = 2_000  # characters: far beyond a sticky note, short of a pasted document

NOTE_GAP = (180.0, 120.0)  # where new notes go in rows: a note's size plus a gap
HOME = (40.0, 40.0)  # the top-left spot of an empty board
ROW = 8  # notes per row when several are placed at once
BAND = ROW * NOTE_GAP[0]  # the width of one column of rows, see band_of
# Automatic placement keeps a top-left corner this far inside the range, so even the
# largest note placed there stays inside it.
PLACE_MAX = COORD_MAX - SIZE_MAX

_BAD_CHARACTER = re.compile("[\x00\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Fields a person types, held to TEXT_MAX; other strings (ids, a board's cells as JSON) only
# have to be valid text.
_TYPED = {
    "note": ("text", "author"),
    "cluster": ("name",),
    "board": ("name",),
    "workshop": ("title", "date", "venue"),
}


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _shown(value: object) -> str:
    """A refused value as a message shows it. A huge int as a power of ten: str() of more
    than 4,300 digits raises ValueError, and nobody reads 400 digits."""
    if isinstance(value, int) and abs(value) >= 10**21:
        return f"{'-' if value < 0 else ''}1e+{math.floor(math.log10(abs(value)))}"
    return str(value)


def check_coordinate(value: object) -> float:
    """A note position as a float, or ModelError when it is not a number within the range."""
    # Comparisons with NaN are false, and ints are compared exactly (no float overflow).
    if not (_is_number(value) and -COORD_MAX <= value <= COORD_MAX):  # type: ignore[operator]
        raise ModelError(
            "A position must be a number from -{max} to {max}, not {value}.",
            max=f"{COORD_MAX:,.0f}",
            value=_shown(value),
        )
    return float(value)  # type: ignore[arg-type]


def check_size(w: object, h: object) -> tuple[float, float]:
    """A note's width and height as floats, or ModelError when either is out of range."""
    if not all(
        _is_number(v) and SIZE_MIN <= v <= SIZE_MAX  # type: ignore[operator]
        for v in (w, h)
    ):
        raise ModelError(
            "A note cannot be smaller than {low} x {low} or larger than {high} x {high}, "
            "not {w} x {h}.",
            low=f"{SIZE_MIN:.0f}",
            high=f"{SIZE_MAX:,.0f}",
            w=_shown(w),
            h=_shown(h),
        )
    return float(w), float(h)  # type: ignore[arg-type]


def check_votes(value: object) -> int:
    """Votes as an int; a float is fine when it is a whole number (a CSV's ``3.0``)."""
    if not (
        _is_number(value)
        and 0 <= value <= VOTES_MAX  # type: ignore[operator]
        and value == int(value)  # type: ignore[call-overload]
    ):
        raise ModelError(
            "Votes must be a whole number from 0 to {max}, not {value}.",
            max=f"{VOTES_MAX:,}",
            value=_shown(value),
        )
    whole: int = int(value)  # type: ignore[call-overload]
    return whole


def check_seq(value: object) -> int:
    """A note's display order as an int, or ModelError."""
    if not (isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= SEQ_MAX):
        raise ModelError(
            "A note's order must be a whole number from 0 to {max}, not {value}.",
            max=f"{SEQ_MAX:,}",
            value=_shown(value),
        )
    return value


def check_characters(text: str) -> str:
    """Text SQLite can store as UTF-8: no lone surrogate (no encoding has one) and no NUL."""
    bad = _BAD_CHARACTER.search(text)
    if bad is not None:
        raise ModelError(
            "The text contains a character that is not allowed (U+{code}).",
            code=f"{ord(bad.group()):04X}",
        )
    return text


def check_text(text: str) -> str:
    """Text a person typed: valid characters, at most TEXT_MAX of them."""
    if len(text) > TEXT_MAX:
        raise ModelError(
            "A text can be at most {max} characters long; this one has {count}.",
            max=f"{TEXT_MAX:,}",
            count=f"{len(text):,}",
        )
    return check_characters(text)


def clean_text(text: str) -> str:
    """Text pasted from another program, made valid: a lone surrogate (a broken emoji from
    a UTF-16 program) becomes U+FFFD so the rest of the note survives; a NUL goes away."""
    return _SURROGATE.sub("\ufffd", text.replace("\x00", ""))


def check_row(entity: str, row: Mapping[str, object] | None) -> None:
    """ModelError unless every value of an entity's row is within the rules above."""
    if row is None:
        return
    if entity == "note":
        for key in ("x", "y"):
            if key in row:
                check_coordinate(row[key])
        if "w" in row or "h" in row:
            check_size(row.get("w"), row.get("h"))
        if "votes" in row:
            check_votes(row["votes"])
        if "seq" in row:
            check_seq(row["seq"])
    if entity == "vote_round":
        # Here, not at the top: `pofacil info` reads the limits alone, and votes.py brings in
        # the dataclasses module.
        from .votes import round_problem

        problem = round_problem(dict(row))
        if problem is not None:
            raise ModelError("This vote round cannot be stored: {reason}.", reason=problem)
    typed = _TYPED.get(entity, ())
    for key, value in row.items():
        if isinstance(value, str):
            if key in typed:
                check_text(value)
            else:
                check_characters(value)


def check_patches(patches: Iterable[Patch]) -> None:
    """Check a whole change before any of it is applied, so a refusal leaves nothing half done."""
    for patch in patches:
        check_row(patch.entity, patch.after)


def clamp_position(x: float, y: float) -> tuple[float, float]:
    """A finite spot moved inside the placeable range: where a drag or a paste past the edge
    of the board ends up."""
    return (float(min(max(x, -PLACE_MAX), PLACE_MAX)), float(min(max(y, -PLACE_MAX), PLACE_MAX)))


def band_of(x: float) -> int:
    """Which column band a note's x is in: new notes fill a band downwards, then the next."""
    return math.floor((x - HOME[0]) / BAND)


def flow(origin: tuple[float, float], count: int, columns: int = ROW) -> list[tuple[float, float]]:
    """Spots for ``count`` new notes in rows of ``columns`` from ``origin``.

    A row that would pass the bottom of the range starts again at the top of the next band
    to the right, and past the right edge the bands start again from the left: automatic
    placement may overlap notes at the very edge, but never leaves the range.
    """
    width = (columns - 1) * NOTE_GAP[0]
    x, y = clamp_position(*origin)
    x = min(x, PLACE_MAX - width)
    spots = []
    for i in range(count):
        if i and i % columns == 0:
            y += NOTE_GAP[1]
        if y > PLACE_MAX:
            x, y = x + columns * NOTE_GAP[0], HOME[1]
            if x > PLACE_MAX - width:
                x = HOME[0]
        spots.append((x + (i % columns) * NOTE_GAP[0], y))
    return spots
