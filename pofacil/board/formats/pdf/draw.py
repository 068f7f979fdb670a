"""Drawing a board on a PDF page, in board units, as the screen paints it.

The caller sets the canvas transform so that one unit is one board pixel with y growing
downwards (see ``PageTransform`` in plan.py); text is then drawn with a text matrix that flips
it upright again. Every rectangle, size and colour comes from ``pofacil.board.geometry``
(its ``style`` module and the shapes in ``items``), which the screen's items paint from too,
so the paper looks like the projector.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from reportlab.lib.colors import Color, HexColor
from reportlab.pdfgen.canvas import Canvas

from pofacil.board.geometry import style
from pofacil.board.geometry.grid import Rect
from pofacil.board.geometry.items import (
    BoardGeometry,
    ClusterFrame,
    LinkSegment,
    NoteBox,
    arrowhead,
    cluster_title_box,
    count_box,
    fold_badge,
    header_text_box,
    note_text_box,
)
from pofacil.board.model import Board

from .repeated import RepeatedText
from .text import FittedText, FontText
from .votes import draw_votes

INK = HexColor(style.INK)
# The same ink as one number instead of three, thousands of times (the ink is a gray).
INK_GRAY = int(style.INK[1:3], 16) / 255
WHITE = HexColor("#FFFFFF")


@dataclass(frozen=True)
class NoteText:
    """A note's text laid out for its box: what to draw, at which size."""

    body: FittedText
    author: str
    author_w: float = 0.0
    tag: str = ""  # the kind's short word, at the band's left (colour is not the only sign)


@cache
def fill_of(color: str) -> Color:
    return HexColor(color)


@cache
def rgb_of(color: str) -> tuple[float, float, float]:
    """A colour as reportlab writes it, without the opacity a Color carries: setting a Color
    also sets the opacity it already has, which costs more than the colour itself."""
    c = HexColor(color)
    return (c.red, c.green, c.blue)


def layout_note(text: FontText, box: NoteBox, language: str = "zh") -> NoteText:
    """Shrink a note's text to fit its box the way NoteItem does on screen."""
    note = box.note
    author = text.clean(" ".join(note.author.split()))
    tag = text.clean(style.kind_tag(note.kind, language))
    room = note_text_box(box.rect, bool(author) or bool(tag))
    body = text.fit(
        text.clean(note.text.strip()), room.w, room.h, style.TEXT_MAX_PX, style.TEXT_MIN_PX
    )
    if not author:
        return NoteText(body, "", tag=tag)
    tag_w = text.width(tag, style.KIND_TAG_PX) + style.KIND_TAG_GAP if tag else 0.0
    author = text.shorten(author, max(room.w - tag_w, 0.0), style.AUTHOR_PX)
    return NoteText(body, author, text.width(author, style.AUTHOR_PX), tag)


def _meets(rect: Rect, view: Rect | None) -> bool:
    return view is None or not (
        rect.x > view.x + view.w
        or rect.x + rect.w < view.x
        or rect.y > view.y + view.h
        or rect.y + rect.h < view.y
    )


class BoardPainter:
    """Draws one board's geometry; ``view`` (board units) skips what a tile does not show."""

    def __init__(self, canvas: Canvas, text: FontText, language: str) -> None:
        self.c = canvas
        self.text = text
        self.language = language
        self.repeated = RepeatedText()

    def label(self, zh: str, en: str) -> str:
        return self.text.clean(zh if self.language == "zh" or not en else en)

    # -- text in a flipped coordinate system -------------------------------------------------
    def lines(
        self,
        x: float,
        top: float,
        lines: Iterable[str],
        size: float,
        color: Color = INK,
        widths: list[float] | None = None,
        align_width: float | None = None,
    ) -> None:
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

    def centered(self, header: Rect, label: str, size: float) -> None:
        """A label wrapped and centered in a grid header."""
        box = header_text_box(header)
        inner_w = max(box.w, size)
        lines = self.text.wrap(label, inner_w, size)
        room = max(1, int(box.h // (self.text.line_height * size)))
        if len(lines) > room:
            lines = self.text.truncate(label, inner_w, box.h, size)
        widths = [self.text.width(line, size) for line in lines]
        block = len(lines) * self.text.line_height * size
        top = box.y + (box.h - block) / 2
        self.lines(box.x, top, lines, size, INK, widths, inner_w)

    # -- the layers, back to front -----------------------------------------------------------
    def draw(
        self,
        board: Board,
        geo: BoardGeometry,
        notes: dict[str, NoteText],
        view: Rect | None = None,
        boxes: list[NoteBox] | None = None,
    ) -> None:
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
        draw_votes(self, board, boxes)

    def grid(self, board: Board, geo: BoardGeometry, view: Rect | None) -> None:
        grid = geo.grid
        assert grid is not None
        c = self.c
        c.setLineWidth(style.GRID_LINE_WIDTH)
        c.setStrokeColor(fill_of(style.GRID_LINE))
        c.setFillColor(fill_of(style.CELL_FILL))
        for cell in board.cells:
            rect = grid.cells[cell.id]
            if _meets(rect, view):
                c.rect(rect.x, rect.y, rect.w, rect.h, stroke=1, fill=1)
        for cell in board.cells:
            rect = grid.cells[cell.id]
            if not _meets(rect, view):
                continue
            count = str(grid.counts.get(cell.id, 0))
            box, size = count_box(rect), style.COUNT_PX
            self.lines(
                box.x + box.w - self.text.width(count, size),
                box.y + box.h - self.text.line_height * size,
                [count],
                size,
                fill_of(style.COUNT_INK),
            )
        first = {c.ref.column: c for c in board.cells}
        by_row = {c.ref.row: c for c in board.cells}
        headers: list[tuple[Rect, Color, str]] = []
        for column_id, rect in grid.columns:
            cell = first[column_id]
            headers.append(
                (
                    rect,
                    fill_of(style.kind_fill(cell.kind, style.COLUMN_FILL)),
                    self.label(cell.column, cell.column_en),
                )
            )
        for row_id, rect in grid.rows:
            cell = by_row[row_id]
            headers.append((rect, fill_of(style.ROW_FILL), self.label(cell.row, cell.row_en)))
        for group, rect in grid.groups:
            cell = next(c for c in board.cells if c.group == group)
            headers.append((rect, fill_of(style.GROUP_FILL), self.label(cell.group, cell.group_en)))
        for rect, fill, label in headers:
            if not _meets(rect, view):
                continue
            c.setStrokeColor(fill_of(style.GRID_LINE))
            c.setLineWidth(style.GRID_LINE_WIDTH)
            c.setFillColor(fill)
            c.rect(rect.x, rect.y, rect.w, rect.h, stroke=1, fill=1)
            self.centered(rect, label, style.HEADER_PX)

    def cluster(self, frame: ClusterFrame) -> None:
        c, r = self.c, frame.rect
        color = fill_of(frame.cluster.color)
        c.saveState()
        c.setFillColor(color, alpha=style.CLUSTER_FILL_ALPHA / 255)
        c.setStrokeColor(color)
        c.setLineWidth(style.CLUSTER_LINE)
        c.roundRect(r.x, r.y, r.w, r.h, style.CLUSTER_RADIUS, stroke=1, fill=1)
        c.restoreState()
        box, size = cluster_title_box(r), style.CLUSTER_TITLE_PX
        title = self.text.shorten(self.text.clean(frame.title), box.w, size)
        top = box.y + (box.h - self.text.line_height * size) / 2
        self.lines(box.x, top, [title], size, Color(*style.darker(frame.cluster.color)))

    def links(self, segments: list[LinkSegment]) -> None:
        if not segments:
            return
        c = self.c
        c.saveState()
        ink = fill_of(style.LINK_INK)
        c.setStrokeColor(ink)
        c.setFillColor(ink)
        c.setLineWidth(style.LINK_LINE)
        dash = [d * style.LINK_LINE for d in style.LINK_DASH]  # Qt counts in line widths
        for seg in segments:
            if seg.paths is not None:  # a leaf block's stem and bracket, no arrowhead
                c.setDash([])
                for line in seg.paths:
                    path = c.beginPath()
                    path.moveTo(*line[0])
                    for point in line[1:]:
                        path.lineTo(*point)
                    c.drawPath(path, stroke=1, fill=0)
                continue
            dashed = seg.link.kind != "child"
            c.setDash(dash if dashed else [])
            c.line(seg.x1, seg.y1, seg.x2, seg.y2)
            head = None if dashed else arrowhead(seg.x1, seg.y1, seg.x2, seg.y2)
            if head is not None:
                path = c.beginPath()
                path.moveTo(*head[0])
                path.lineTo(*head[1])
                path.lineTo(*head[2])
                path.close()
                c.drawPath(path, stroke=0, fill=1)
        c.restoreState()

    def notes(self, boxes: list[NoteBox], layouts: dict[str, NoteText]) -> None:
        """Notes in drawing order, each its paper then its words, so that an overlapping note
        covers the text of the one below as on screen. Exports of thousands of notes spend
        their time here: one text object per note, one text matrix, the lines by leading."""
        c, text, show = self.c, self.text, self.repeated.show
        name, ascent, line_height = text.name, text.ascent, text.line_height
        pad, author_px, inset = style.NOTE_PADDING, style.AUTHOR_PX, style.AUTHOR_INSET
        tag_px, tag_ink = style.KIND_TAG_PX, rgb_of(style.KIND_TAG_INK)
        c.saveState()
        c.setLineWidth(style.NOTE_BORDER_WIDTH)
        c.setStrokeColor(Color(0, 0, 0), alpha=style.NOTE_BORDER_ALPHA / 255)
        # Opaque fills only from here on (the border's opacity is the stroke's), so the fills
        # can leave the opacity alone.
        c.setFillAlpha(1)
        for box in boxes:
            r, note = box.rect, box.note
            c.setFillColor(rgb_of(style.kind_fill(note.kind)))
            c.roundRect(r.x, r.y, r.w, r.h, style.NOTE_RADIUS, stroke=1, fill=1)
            layout = layouts[note.id]
            body = layout.body
            t = c.beginText()
            t.setFillGray(INK_GRAY)
            if body.lines:
                size = body.size
                # The board is drawn with y downwards; this text matrix turns glyphs upright,
                # and each T* then steps one leading down the note.
                t.setTextTransform(1, 0, 0, -1, r.x + pad, r.y + pad + ascent * size)
                t.setFont(name, size, line_height * size)
                for line in body.lines:
                    t.textLine(line)
            bottom = r.y + r.h - inset
            if layout.tag:
                t.setTextTransform(1, 0, 0, -1, r.x + pad, bottom - (line_height - ascent) * tag_px)
                t.setFillColor(tag_ink)
                show(t, layout.tag, name, tag_px, line_height * tag_px)
                t.setFillGray(INK_GRAY)
            if layout.author:
                t.setTextTransform(
                    1,
                    0,
                    0,
                    -1,
                    r.x + r.w - pad - layout.author_w,
                    bottom - (line_height - ascent) * author_px,
                )
                show(t, layout.author, name, author_px, line_height * author_px)
            c.drawText(t)
            if box.folded:
                self.badge(r, f"+{box.folded}")
        c.restoreState()

    def badge(self, r: Rect, label: str) -> None:
        """The "+n" of a folded branch, at the note's top right corner as on screen."""
        c = self.c
        b, size = fold_badge(r), style.BADGE_PX
        c.saveState()
        c.setStrokeColor(fill_of(style.ACCENT))
        c.setStrokeAlpha(1)
        c.setFillColor(WHITE)
        c.setLineWidth(style.BADGE_LINE)
        c.roundRect(b.x, b.y, b.w, b.h, style.BADGE_RADIUS, stroke=1, fill=1)
        c.restoreState()
        # Centered in the badge, as Qt's AlignCenter puts it.
        self.lines(
            b.x + (b.w - self.text.width(label, size)) / 2,
            b.y + (b.h - self.text.line_height * size) / 2,
            [label],
            size,
            fill_of(style.ACCENT),
        )


def _segment_box(seg: LinkSegment) -> Rect:
    points = [(seg.x1, seg.y1), (seg.x2, seg.y2)]
    for line in seg.paths or ():
        points += line
    x, y = min(p[0] for p in points), min(p[1] for p in points)
    w, h = max(p[0] for p in points) - x, max(p[1] for p in points) - y
    return Rect(x - 12, y - 12, w + 24, h + 24)
