"""How a board looks, in board pixels and hex colours, for the screen, the PNG and the PDF.

One set of constants on purpose: the Qt items paint with these and the PDF draws with
these, so a projector and the printed poster cannot drift apart (Excalidraw's lesson: the
export uses the editor's element geometry and style). Colours are ``#RRGGBB`` strings with
an alpha in 0-255 where one is needed, so that neither Qt nor reportlab leaks in here.
"""

from __future__ import annotations

from pofacil.board.model.kinds import KIND_BY_ID

# -- notes ---------------------------------------------------------------------------------
NOTE_PADDING = 8.0  # between the note's edge and its text
NOTE_RADIUS = 4.0
NOTE_SHADOW = (3.0, 4.0)  # offset of the shadow under the paper (screen only)
SHADOW_ALPHA = 45
TEXT_MAX_PX = 22  # note text shrinks from this size ...
TEXT_MIN_PX = 9  # ... down to this one to fit its note
TEXT_LEGIBLE_PX = 6  # on screen: zoomed out further, a note is drawn as a block of its colour
AUTHOR_PX = 16  # as KIND_TAG_PX: a 75-point map on one A3 page keeps its band at >= 7 pt
AUTHOR_BAND = AUTHOR_PX + 4  # room the author's name takes at the bottom of a note
AUTHOR_INSET = 4.0  # between the author's line box and the bottom edge
INK = "#111111"
AUTHOR_INK = "#1A1A1A"  # readable on every kind's colour, even brown
NOTE_BORDER_ALPHA = 90  # black at this alpha, 1 px
NOTE_BORDER_WIDTH = 1.0
PLAIN_FILL = "#FFFFFF"  # a note of an unknown kind
ACCENT = "#1C3FAA"  # selection, handles, the "+n" badge
FOUND = "#E8590C"
FOUND_CURRENT = "#862E9C"  # the match Find is on: another hue and a thicker line than the rest
FOUND_LINE = 5.0
FOUND_CURRENT_LINE = 9.0

# -- a note's kind in words, so that colour is never the only signal (WCAG 1.4.1) ------------
# Drawn at the bottom left, in the band the author's name shares (the author moves right and
# is shortened to make room), so it takes no room outside the note: sizes and page limits hold.
KIND_TAG_PX = 16
KIND_TAG_INK = "#343A40"
KIND_TAG_GAP = 6.0  # between the tag and the author's name
KIND_TAGS: dict[str, tuple[str, str]] = {  # kind id -> (zh, en): short forms of the labels
    "problem": ("問題", "Problem"),
    "solution": ("解法", "Solution"),
    "obstacle": ("風險", "Risk"),
    "overcome": ("克服", "Overcome"),
    "owner": ("負責", "Owner"),
    "vision": ("願景", "Vision"),
    "hope": ("期待", "Hope"),
    "fear": ("擔憂", "Fear"),
    "need": ("需求", "Need"),
    "idea": ("想法", "Idea"),
}

# -- projector mode ----------------------------------------------------------------------------
# AVIXA DISCAS for a room about six image heights deep: nothing smaller than 2.9 % of the
# image height (22 px at 768 lines).
PROJECTOR_TEXT_SHARE = 0.029
PROJECTOR_BORDER = "#343A40"  # a note's outline: dark, not black at 35 %
PROJECTOR_BORDER_WIDTH = 1.5

# -- the "+n" of a folded mind-map branch, at a note's top right corner ----------------------
BADGE_W = 40.0
BADGE_H = 22.0
BADGE_RIGHT = 6.0  # how far the badge reaches past the note's right edge
BADGE_RAISE = 10.0  # how far it reaches above the note's top edge
BADGE_RADIUS = 10.0
BADGE_PX = 13
BADGE_LINE = 1.5

# -- cluster frames ------------------------------------------------------------------------
CLUSTER_MARGIN = 16.0  # around the member notes
CLUSTER_TITLE = 30.0  # the band above the notes that holds "name (count)"
CLUSTER_RADIUS = 10.0
CLUSTER_LINE = 2.5
CLUSTER_LINE_SELECTED = 4.0
CLUSTER_FILL_ALPHA = 38
CLUSTER_TITLE_PX = 18
CLUSTER_TITLE_INSET = (12.0, 4.0)  # the title's box from the frame's top left
CLUSTER_TITLE_DARKER = 1.4  # the title is the frame colour with its value divided by this

# -- links ---------------------------------------------------------------------------------
LINK_INK = "#495057"
LINK_LINE = 2.5
LINK_LINE_SELECTED = 3.5
LINK_DASH = (4.0, 2.0)  # dash and gap of a free link, in line widths (Qt's DashLine)
ARROW_LENGTH = 12.0  # a mind-map child's arrowhead, along the line
ARROW_SPREAD = 0.5  # its half width, as a share of its length
ARROW_MIN_LINE = 14.0  # no arrowhead on a line shorter than this
BRACKET_GAP = 14.0  # a leaf block's bracket, this far before its near side
BRACKET_TICK = 8.0  # the bracket's ends, turned towards the block
BRACKET_INSET = 6.0  # and drawn this far inside its top and bottom

# -- grid ----------------------------------------------------------------------------------
GRID_LINE = "#495057"
GRID_LINE_WIDTH = 1.5
CELL_FILL = "#FFFFFF"
COUNT_INK = "#343A40"
COUNT_PX = 18  # bold on screen; like the headers, times the grid's scale
COUNT_INSET = (4.0, 0.0, 10.0, 2.0)  # left, top, right, bottom: inside the count's band
HEADER_PX = 17  # bold on screen, times the grid's scale
HEAT_COLOR = "#E8590C"  # the heat map's tint, over whole cells, notes included ...
HEAT_ALPHA = 90  # ... this opaque over the busiest cell, less over quieter ones
HEADER_INSET = (8.0, 4.0)  # the label's box inside a header, each side
COLUMN_FILL = "#DEE2E6"  # a column header with no kind of its own
ROW_FILL = "#E9ECEF"
GROUP_FILL = "#CED4DA"


def kind_fill(kind: str | None, default: str = PLAIN_FILL) -> str:
    """A note's (or a column header's) fill: its kind's colour, ``default`` for no kind."""
    found = KIND_BY_ID.get(kind or "")
    return found.color if found else default


def kind_tag(kind: str | None, language: str) -> str:
    """The short word that names a note's kind on the note ("" for no known kind)."""
    tag = KIND_TAGS.get(kind or "")
    if tag is None:
        return ""
    return tag[0] if language == "zh" else tag[1]


def darker(color: str, factor: float = CLUSTER_TITLE_DARKER) -> tuple[float, float, float]:
    """QColor.darker(140) on an RGB colour: each channel over ``factor``, as 0-1 floats.

    For a colour whose brightest channel is its value, dividing every channel keeps the hue
    and saturation, which is what Qt does; the PDF needs the same numbers without Qt.
    """
    r, g, b = (int(color[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return r / factor, g / factor, b / factor
