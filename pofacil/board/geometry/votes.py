"""Where a note's votes are drawn: a pill over its top-left corner holding dots and the count.

One Qt-free geometry for the screen and the PDF, so both show the same mark. The count is
always written beside the dots: dots alone are hard to count from the back of the room, and a
printed page in black and white still reads.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import style
from .grid import Rect

DOTS_MAX = 5  # more votes than this: five dots, and the number says how many
DOT = 9.0  # a dot's diameter
DOT_GAP = 3.0
PILL_H = 20.0
PILL_LEFT = 4.0  # from the note's left edge
PILL_PAD = 6.0  # inside the pill, around its dots and number
COUNT_PX = 13  # bold
DIGIT_W = 0.62  # a digit's advance as a share of the font size (bold, both fonts)
FILL = "#1C3FAA"  # dark blue: reads on every kind's colour and prints as dark grey
INK = "#FFFFFF"


@dataclass(frozen=True)
class VoteMark:
    """The pill's box, each dot's centre and radius, and the count's text and box."""

    pill: Rect
    dots: tuple[tuple[float, float, float], ...]
    text: str
    label: Rect


def vote_mark(note: Rect, count: int) -> VoteMark | None:
    """The mark for ``count`` votes on a note drawn at ``note``; None for no votes."""
    if count <= 0:
        return None
    top = note.y - style.BADGE_RAISE
    x = note.x + PILL_LEFT + PILL_PAD
    cy = top + PILL_H / 2
    dots = []
    for _ in range(min(count, DOTS_MAX)):
        dots.append((x + DOT / 2, cy, DOT / 2))
        x += DOT + DOT_GAP
    text = str(count)
    label = Rect(x, top, len(text) * COUNT_PX * DIGIT_W + 1, PILL_H)
    right = label.x + label.w + PILL_PAD
    pill = Rect(note.x + PILL_LEFT, top, right - (note.x + PILL_LEFT), PILL_H)
    return VoteMark(pill, tuple(dots), text, label)
