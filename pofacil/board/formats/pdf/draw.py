"""Drawing a board on a PDF page, in board units, as the screen paints it.

The caller sets the canvas transform so that one unit is one board pixel with y growing
downwards (see ``PageTransform`` in pdf.py); text is then drawn with a text matrix that flips
it upright again. The sizes and colors below mirror ``pofacil/ui/items.py`` and
``pofacil/ui/grid_item.py`` so that the paper looks like the projector.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from reportlab.lib.colors import Color, HexColor
from reportlab.pdfgen.canvas import Canvas

from pofacil.board.geometry.grid import Rect
from pofacil.board.geometry.items import BoardGeometry, ClusterFrame, LinkSegment, NoteBox
from pofacil.board.model import Board
from pofacil.board.model.kinds import KIND_BY_ID

from .text import FittedText, FontText

MAX_TEXT_PX = 22  # note text sizes, as NoteItem shrinks them
MIN_TEXT_PX = 9
AUTHOR_PX = 12
PADDING = 8.0
NOTE_RADIUS = 4.0
INK = HexColor("#111111")
INK_GRAY = 0x11 / 255  # the same ink as one number instead of three, thousands of times
BORDER_ALPHA = 90 / 255
LINK_INK = HexColor("#495057")
GRID_LINE = HexColor("#495057")
WHITE = HexColor("#FFFFFF")
PLAIN_FILL = HexColor("#FFFFFF")  # a note of an unknown kind, as the screen shows it


@dataclass(frozen=True)
class NoteText:
    """A note's text laid out for its box: what to draw, at which size."""

    body: FittedText
    author: str
    author_w: float = 0.0


@cache
def fill_of(color: str) -> Color:
    return HexColor(color)


def darker(color: str, factor: float = 1.4) -> Color:
    """QColor.darker(140): the value divided by 1.4, hue and saturation kept."""
    c = HexColor(color)
    return Color(c.red / factor, c.green / factor, c.blue / factor)


def layout_note(text: FontText, box: NoteBox) -> NoteText:
    """Shrink a note's text to fit its box the way NoteItem does on screen."""
    note = box.note
    author = text.clean(" ".join(note.author.split()))
    author_h = AUTHOR_PX + 4 if author else 0
    width = box.rect.w - 2 * PADDING
    height = box.rect.h - 2 * PADDING - author_h
    body = text.fit(text.clean(note.text.strip()), width, height, MAX_TEXT_PX, MIN_TEXT_PX)
    if not author:
        return NoteText(body, "")
    author = text.shorten(author, box.rect.w - 2 * PADDING, AUTHOR_PX)
    return NoteText(body, author, text.width(author, AUTHOR_PX))


def _meets(rect: Rect, view: Rect | None) -> bool:
    return view is None or not (
        rect.x > view.x + view.w or rect.x + rect.w < view.x
        or rect.y > view.y + view.h or rect.y + rect.h < view.y
    )


class BoardPainter:
    """Draws one board's geometry; ``view`` (board units) skips what a tile does not show."""

    def __init__(self, canvas: Canvas, text: FontText, language: str) -> None:
        self.c = canvas
        self.text = text
        self.language = language

    def label(self, zh: str, en: str) -> str:
        return self.text.clean(zh if self.language == "zh" or not en else en)

    # -- text in a flipped coordinate system -------------------------------------------------
    def lines(self, x: float, top: float, lines: Iterable[str], size: float,
              color: Color = INK, widths: list[float] | None = None,
              align_width: float | None = None) -> None:
        """Lines of text with their first line's top at (x, top), y growing downwards.

        With ``align_width`` each line is centered in that width (``widths`` are its widths).
        """
        t = self.c.beginText()
        t.setFillColor(color)
        leading = self.text.line_height * size
        t.setFont(self.text.name, size, leading)
        baseline = top + self.text.ascent * size
        for i, line in enumerate(lines):
            dx = 0.0
            if align_width is not None and widths is not None:
                dx = (align_width - widths[i]) / 2
            # The board is drawn with y downwards; this text matrix turns the glyphs upright.
            t.setTextTransform(1, 0, 0, -1, x + dx, baseline + i * leading)
            t.textOut(line)
        self.c.drawText(t)

    def centered(self, rect: Rect, label: str, size: float) -> None:
        """A label wrapped and centered in ``rect`` (grid headers)."""
        inner_w = max(rect.w - 16, size)
        lines = self.text.wrap(label, inner_w, size)
        room = max(1, int((rect.h - 8) // (self.text.line_height * size)))
        if len(lines) > room:
            lines = self.text.truncate(label, inner_w, rect.h - 8, size)
        widths = [self.text.width(line, size) for line in lines]
        block = len(lines) * self.text.line_height * size
        top = rect.y + (rect.h - block) / 2
        self.lines(rect.x + 8, top, lines, size, INK, widths, inner_w)

    # -- the layers, back to front -----------------------------------------------------------
    def draw(self, board: Board, geo: BoardGeometry, notes: dict[str, NoteText],
             view: Rect | None = None, boxes: list[NoteBox] | None = None) -> None:
        """Grid, frames, links and notes, back to front. ``boxes``: the notes of this tile
        when the caller has already picked them (cheaper than testing all on every tile)."""
        if geo.grid is not None:
            self.grid(board, geo, view)
        for frame in geo.clusters:
            if _meets(frame.rect, view):
                self.cluster(frame)
        self.links([s for s in geo.links if _meets(_segment_box(s), view)])
        if boxes is None:
            boxes = [b for b in geo.notes if _meets(b.rect, view)]
        self.notes(boxes, notes)

    def grid(self, board: Board, geo: BoardGeometry, view: Rect | None) -> None:
        grid = geo.grid
        assert grid is not None
        c = self.c
        c.setLineWidth(1.5)
        c.setStrokeColor(GRID_LINE)
        c.setFillColor(WHITE)
        for cell in board.cells:
            rect = grid.cells[cell.id]
            if _meets(rect, view):
                c.rect(rect.x, rect.y, rect.w, rect.h, stroke=1, fill=1)
        for cell in board.cells:
            rect = grid.cells[cell.id]
            if not _meets(rect, view):
                continue
            count = str(grid.counts.get(cell.id, 0))
            w = self.text.width(count, 15)
            self.lines(rect.x + rect.w - 8 - w, rect.y + rect.h - 4 - self.text.line_height * 15,
                       [count], 15, HexColor("#343A40"))
        first = {c.id.partition("/")[2]: c for c in board.cells}
        by_row = {c.id.partition("/")[0]: c for c in board.cells}
        headers: list[tuple[Rect, Color, str]] = []
        for column_id, rect in grid.columns:
            cell = first[column_id]
            kind = KIND_BY_ID.get(cell.kind or "")
            headers.append((rect, fill_of(kind.color) if kind else fill_of("#DEE2E6"),
                            self.label(cell.column, cell.column_en)))
        for row_id, rect in grid.rows:
            cell = by_row[row_id]
            headers.append((rect, fill_of("#E9ECEF"), self.label(cell.row, cell.row_en)))
        for group, rect in grid.groups:
            cell = next(c for c in board.cells if c.group == group)
            headers.append((rect, fill_of("#CED4DA"), self.label(cell.group, cell.group_en)))
        for rect, fill, label in headers:
            if not _meets(rect, view):
                continue
            c.setStrokeColor(GRID_LINE)
            c.setLineWidth(1.5)
            c.setFillColor(fill)
            c.rect(rect.x, rect.y, rect.w, rect.h, stroke=1, fill=1)
            self.centered(rect, label, 17)

    def cluster(self, frame: ClusterFrame) -> None:
        c, r = self.c, frame.rect
        color = fill_of(frame.cluster.color)
        c.saveState()
        c.setFillColor(color, alpha=38 / 255)
        c.setStrokeColor(color)
        c.setLineWidth(2.5)
        c.roundRect(r.x, r.y, r.w, r.h, 10, stroke=1, fill=1)
        c.restoreState()
        title = self.text.shorten(self.text.clean(frame.title), r.w - 24, 18)
        top = r.y + 4 + (30 - self.text.line_height * 18) / 2
        self.lines(r.x + 12, top, [title], 18, darker(frame.cluster.color))

    def links(self, segments: list[LinkSegment]) -> None:
        if not segments:
            return
        c = self.c
        c.saveState()
        c.setStrokeColor(LINK_INK)
        c.setFillColor(LINK_INK)
        c.setLineWidth(2.5)
        for seg in segments:
            dashed = seg.link.kind != "child"
            c.setDash([10, 5] if dashed else [])
            c.line(seg.x1, seg.y1, seg.x2, seg.y2)
            if not dashed and seg.length > 14:
                ux, uy = (seg.x2 - seg.x1) / seg.length, (seg.y2 - seg.y1) / seg.length
                dx, dy = ux * 12, uy * 12
                nx, ny = -dy * 0.5, dx * 0.5
                path = c.beginPath()
                path.moveTo(seg.x2, seg.y2)
                path.lineTo(seg.x2 - dx + nx, seg.y2 - dy + ny)
                path.lineTo(seg.x2 - dx - nx, seg.y2 - dy - ny)
                path.close()
                c.drawPath(path, stroke=0, fill=1)
        c.restoreState()

    def notes(self, boxes: list[NoteBox], layouts: dict[str, NoteText]) -> None:
        """Notes in drawing order, each its paper then its words, so that an overlapping note
        covers the text of the one below as on screen. Exports of thousands of notes spend
        their time here: one text object per note, one text matrix, the lines by leading."""
        c, text = self.c, self.text
        name, ascent, line_height = text.name, text.ascent, text.line_height
        c.saveState()
        c.setLineWidth(1)
        c.setStrokeColor(Color(0, 0, 0), alpha=BORDER_ALPHA)
        for box in boxes:
            r, note = box.rect, box.note
            kind = KIND_BY_ID.get(note.kind)
            c.setFillColor(fill_of(kind.color) if kind else PLAIN_FILL)
            c.roundRect(r.x, r.y, r.w, r.h, NOTE_RADIUS, stroke=1, fill=1)
            layout = layouts[note.id]
            body = layout.body
            t = c.beginText()
            t.setFillGray(INK_GRAY)
            if body.lines:
                size = body.size
                # The board is drawn with y downwards; this text matrix turns glyphs upright,
                # and each T* then steps one leading down the note.
                t.setTextTransform(1, 0, 0, -1, r.x + PADDING, r.y + PADDING + ascent * size)
                t.setFont(name, size, line_height * size)
                for line in body.lines:
                    t.textLine(line)
            if layout.author:
                t.setTextTransform(1, 0, 0, -1, r.x + r.w - PADDING - layout.author_w,
                                   r.y + r.h - 4 - (line_height - ascent) * AUTHOR_PX)
                t.setFont(name, AUTHOR_PX, line_height * AUTHOR_PX)
                t.textOut(layout.author)
            c.drawText(t)
            if box.folded:
                self.badge(r, f"+{box.folded}")
        c.restoreState()

    def badge(self, r: Rect, label: str) -> None:
        """The "+n" of a folded branch, at the note's top right corner as on screen."""
        c = self.c
        c.saveState()
        c.setStrokeColor(HexColor("#1C3FAA"))
        c.setStrokeAlpha(1)
        c.setFillColor(WHITE)
        c.setLineWidth(1.5)
        c.roundRect(r.x + r.w - 34, r.y - 10, 40, 22, 10, stroke=1, fill=1)
        c.restoreState()
        w = self.text.width(label, 13)
        self.lines(r.x + r.w - 14 - w / 2, r.y + 1 - self.text.line_height * 13 / 2,
                   [label], 13, HexColor("#1C3FAA"))


def _segment_box(seg: LinkSegment) -> Rect:
    x, y = min(seg.x1, seg.x2), min(seg.y1, seg.y2)
    return Rect(x - 12, y - 12, abs(seg.x2 - seg.x1) + 24, abs(seg.y2 - seg.y1) + 24)
