"""A note's votes on the PDF page: the pill, dots and count the screen draws, from the same
geometry (:mod:`pofacil.board.geometry.votes`). The count is text, so it is searchable and
reads on a page printed in black and white."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from pofacil.board.geometry import votes as marks
from pofacil.board.geometry.items import NoteBox
from pofacil.board.model import Board
from pofacil.board.ops.votes import shown_votes

from .text import FontText

if TYPE_CHECKING:
    from .draw import BoardPainter
    from .table import PlacedNote


def draw_votes(painter: BoardPainter, board: Board, boxes: list[NoteBox]) -> None:
    """Every note of ``boxes`` that shows votes gets its mark, above all notes."""
    from .draw import fill_of  # draw.py calls this module: imported when first drawing

    shown = shown_votes(board)
    c, text = painter.c, painter.text
    fill, ink = fill_of(marks.FILL), fill_of(marks.INK)
    for box in boxes:
        mark = marks.vote_mark(box.rect, shown(box.note))
        if mark is None:
            continue
        pill = mark.pill
        c.saveState()
        c.setStrokeColor(ink)
        c.setLineWidth(1.5)
        c.setFillColor(fill)
        c.roundRect(pill.x, pill.y, pill.w, pill.h, pill.h / 2, stroke=1, fill=1)
        c.setFillColor(ink)
        for cx, cy, r in mark.dots:
            c.circle(cx, cy, r, stroke=0, fill=1)
        c.restoreState()
        size, label = marks.COUNT_PX, mark.label
        painter.lines(
            label.x + (label.w - text.width(mark.text, size)) / 2,
            label.y + (label.h - text.line_height * size) / 2,
            [mark.text],
            size,
            ink,
        )


# A table's detail pages print notes at paper size (about 96 pt wide, y up): the same mark,
# scaled to the paper note, over its top-right corner; a table shows the closed round's totals.
PAPER_SCALE = 0.45


def draw_paper_votes(c: Canvas, text: FontText, notes: list[PlacedNote]) -> None:
    """The votes of the notes on a table's detail page."""
    ink, fill = HexColor(marks.INK), HexColor(marks.FILL)
    k = PAPER_SCALE
    for placed in notes:
        count = placed.note.note.votes
        if count <= 0:
            continue
        r = placed.rect
        label = str(count)
        size = marks.COUNT_PX * k
        dots = min(count, marks.DOTS_MAX)
        dot, gap, pad, h = marks.DOT * k, marks.DOT_GAP * k, marks.PILL_PAD * k, marks.PILL_H * k
        w = 2 * pad + dots * (dot + gap) + text.width(label, size)
        x, y = r.x + r.w - w - 2, r.y + r.h - h / 2  # straddles the top edge
        c.saveState()
        c.setStrokeColor(ink)
        c.setLineWidth(0.75)
        c.setFillColor(fill)
        c.roundRect(x, y, w, h, h / 2, stroke=1, fill=1)
        c.setFillColor(ink)
        for i in range(dots):
            c.circle(x + pad + dot / 2 + i * (dot + gap), y + h / 2, dot / 2, stroke=0, fill=1)
        c.setFont(text.name, size)
        baseline = y + (h - text.line_height * size) / 2 + (text.line_height - text.ascent) * size
        c.drawString(x + pad + dots * (dot + gap), baseline, label)
        c.restoreState()
