"""Drawing a table board's detail pages (planned in table.py), in PDF points.

Headers, labels and cells first, the notes last: no line, band or mark is ever painted over
a note (a tile's crop marks and overlap lines do not exist on these pages).
"""

from __future__ import annotations

from reportlab.lib.colors import Color, HexColor
from reportlab.pdfgen.canvas import Canvas

from pofacil.board.geometry import style

from .overview import GRID_LINE_PT, centered_label
from .page import Area
from .table import (
    AUTHOR_PT,
    GROUP_W,
    HEAD_PT,
    LABEL_PAD,
    LABEL_PT,
    NOTE_PAD,
    NOTE_RADIUS,
    ROW_W,
    DetailPage,
    DetailPlan,
    PlacedNote,
)
from .text import FontText
from .votes import draw_paper_votes

NOTE_BORDER_PT = 0.5


def draw_detail_page(c: Canvas, text: FontText, plan: DetailPlan, page: DetailPage) -> None:
    area, lh = plan.area, text.line_height
    line = HexColor(style.GRID_LINE)
    c.saveState()
    c.setLineWidth(GRID_LINE_PT)
    c.setStrokeColor(line)
    top = plan.body_top
    labels_x = area.x + (GROUP_W if plan.has_groups else 0.0)
    if page.bands:
        c.setFillColor(HexColor(style.ROW_FILL))
        c.rect(area.x, top, labels_x + ROW_W - area.x, plan.head_h, stroke=1, fill=1)
    for column in plan.columns:
        c.setFillColor(HexColor(style.kind_fill(column.kind, style.COLUMN_FILL)))
        c.rect(column.x, top, column.w, plan.head_h, stroke=1, fill=1)
        centered_label(c, text, Area(column.x, top, column.w, plan.head_h), column.label, HEAD_PT)
    for band in page.bands:
        r = band.rect
        # A row outside any group takes the group's column too.
        label = (
            Area(labels_x, r.y, ROW_W, r.h)
            if band.group
            else Area(area.x, r.y, labels_x + ROW_W - area.x, r.h)
        )
        c.setFillColor(HexColor(style.ROW_FILL))
        c.rect(label.x, label.y, label.w, label.h, stroke=1, fill=1)
        _top_label(c, text, label, band.label)
        c.setFillColor(HexColor(style.CELL_FILL))
        for piece in band.cells:
            a = piece.rect
            c.rect(a.x, a.y, a.w, a.h, stroke=1, fill=1)
    if plan.has_groups:
        for group, span in _group_spans(page):
            c.setFillColor(HexColor(style.GROUP_FILL))
            c.rect(area.x, span.y, GROUP_W, span.h, stroke=1, fill=1)
            _top_label(c, text, Area(area.x, span.y, GROUP_W, span.h), group)
    for section in page.sections:
        a = section.rect
        c.setFillColor(HexColor(style.INK))
        c.setFont(text.name, LABEL_PT)
        baseline = a.y + (a.h - lh * LABEL_PT) / 2 + (lh - text.ascent) * LABEL_PT
        c.drawString(a.x + LABEL_PAD, baseline, text.shorten(section.title, a.w, LABEL_PT))
        c.setStrokeColor(HexColor(style.GRID_LINE))
        c.line(a.x, a.y + 1, a.x + a.w, a.y + 1)
    c.restoreState()
    draw_notes(c, text, page.notes)
    draw_paper_votes(c, text, page.notes)


def _group_spans(page: DetailPage) -> list[tuple[str, Area]]:
    """Consecutive bands of one group on the page, merged into one label cell."""
    out: list[tuple[str, Area]] = []
    for band in page.bands:
        if not band.group:
            continue
        r = band.rect
        if out and out[-1][0] == band.group and abs(out[-1][1].y - (r.y + r.h)) < 1e-6:
            prev = out[-1][1]
            out[-1] = (band.group, Area(prev.x, r.y, prev.w, prev.h + r.h))
        else:
            out.append((band.group, Area(r.x, r.y, GROUP_W, r.h)))
    return out


def _top_label(c: Canvas, text: FontText, a: Area, label: str) -> None:
    """A row or group label from the top of its cell, cut with an ellipsis when too long."""
    size, lh = LABEL_PT, text.line_height
    inner_w, inner_h = a.w - 2 * LABEL_PAD, max(a.h - 2 * LABEL_PAD, lh * size)
    lines = text.wrap(label, inner_w, size)
    if len(lines) * lh * size > inner_h + 1e-6:
        lines = text.truncate(label, inner_w, inner_h, size)
    c.setFillColor(HexColor(style.INK))
    c.setFont(text.name, size)
    for i, s in enumerate(lines):
        baseline = a.y + a.h - LABEL_PAD - text.ascent * size - i * lh * size
        c.drawString(a.x + LABEL_PAD, baseline, s)


def draw_notes(c: Canvas, text: FontText, notes: list[PlacedNote]) -> None:
    """Each note's paper in its kind's colour, its words from the top, the author bottom
    right, as on screen."""
    name, ascent, lh = text.name, text.ascent, text.line_height
    c.saveState()
    c.setLineWidth(NOTE_BORDER_PT)
    c.setStrokeColor(Color(0, 0, 0), alpha=style.NOTE_BORDER_ALPHA / 255)
    for placed in notes:
        r, n = placed.rect, placed.note
        c.setFillColor(HexColor(style.kind_fill(n.note.kind)))
        c.roundRect(r.x, r.y, r.w, r.h, NOTE_RADIUS, stroke=1, fill=1)
        t = c.beginText()
        t.setFillColor(HexColor(style.INK))
        if n.lines:
            t.setTextOrigin(r.x + NOTE_PAD, r.y + r.h - NOTE_PAD - ascent * n.size)
            t.setFont(name, n.size, lh * n.size)
            for s in n.lines:
                t.textLine(s)
        if n.author:
            t.setFillColor(HexColor(style.AUTHOR_INK))
            baseline = r.y + NOTE_PAD + (lh - ascent) * AUTHOR_PT - 1
            if n.author_inline:
                last = len(n.lines) - 1
                baseline = r.y + r.h - NOTE_PAD - ascent * n.size - last * lh * n.size
            t.setTextOrigin(r.x + r.w - NOTE_PAD - n.author_w, baseline)
            t.setFont(name, AUTHOR_PT, lh * AUTHOR_PT)
            t.textOut(n.author)
        c.drawText(t)
    c.restoreState()
