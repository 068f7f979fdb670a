"""A table board's detail pages: the grid reflowed for paper, row by row.

On screen a table is one wall of notes; on paper it is a stack of pages. Every detail page
repeats the column headers and the labels of the rows it shows, so 現在的認知 and 未來的期待
can be told apart on any page. Pages break between notes, never through one; a table row
that does not fit the rest of a page goes on with "（續）" after its label. Sizes are paper
sizes (points), chosen so that every note's words print at 7 pt or more (``NOTE_SIZES``)
whatever the board's scale; a note too long for its box ends in "…（全文見紀錄）" and the
record appendix prints it in full. Notes outside the cells follow the table, under the name
of their cluster.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pofacil.board.geometry.items import BoardGeometry
from pofacil.board.model import Board, Note, display_order

from .page import LABELS, Area
from .text import FontText

NOTE_SIZES = (7.5, 7.0)  # a note's words print at the first size they fit at, never smaller
AUTHOR_PT = 6.0
AUTHOR_GAP = 6.0  # between the words and an author on the same line
NOTE_W = 96.0  # the width a note aims at; cells take as many as fit side by side
NOTE_GAP = 5.0
NOTE_PAD = 3.5
NOTE_RADIUS = 3.0
BODY_MAX_H = 72.0  # a note's words take at most this height; longer ones are cut
CELL_PAD = 5.0
HEAD_PT = 9.0  # column headers
HEAD_LINES = 3  # a longer column label is cut with an ellipsis
LABEL_PT = 8.5  # row and group labels, section titles
LABEL_PAD = 4.0
ROW_W = 84.0  # the row label column
GROUP_W = 78.0  # the group label column, left of the row labels, when the table has groups
BAND_MIN_H = 24.0  # a row with no notes still shows its label
SECTION_H = 18.0  # the title band over notes outside the cells
# A row that would fit on a fresh page is split only when more than this share of the page
# would stay empty otherwise.
SPLIT_SHARE = 0.5


@dataclass(frozen=True)
class PaperNote:
    """A note laid out at its paper width: its words at one size, and the box's height."""

    note: Note
    size: float
    lines: tuple[str, ...]
    author: str
    author_w: float
    fits: bool  # False: its words were cut and end with the "full text in the record" mark
    height: float
    author_inline: bool = False  # on the last line of the words, right aligned: no band of its own


@dataclass(frozen=True)
class PlacedNote:
    note: PaperNote
    rect: Area


@dataclass
class CellPiece:
    """The part of one cell shown on one page."""

    cell_id: str
    rect: Area
    notes: list[PlacedNote] = field(default_factory=list)


@dataclass
class Band:
    """One table row on one page (the whole row or the part that fits)."""

    row_id: str
    label: str
    group: str  # the group label, "" when the table has no groups
    rect: Area  # the whole width, labels included
    cells: list[CellPiece] = field(default_factory=list)


@dataclass
class Section:
    """The title band of a group of notes outside the cells."""

    title: str
    rect: Area


@dataclass
class DetailPage:
    bands: list[Band] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    loose: list[PlacedNote] = field(default_factory=list)  # notes outside the cells

    @property
    def notes(self) -> list[PlacedNote]:
        return [n for b in self.bands for c in b.cells for n in c.notes] + self.loose


@dataclass(frozen=True)
class Column:
    column_id: str
    label: str
    lines: tuple[str, ...]
    kind: str | None
    x: float
    w: float


@dataclass
class DetailPlan:
    """Every detail page of one table board, planned before any is drawn."""

    area: Area
    columns: list[Column]
    head_h: float
    has_groups: bool
    note_w: float
    pages: list[DetailPage] = field(default_factory=list)
    laid_out: list[PaperNote] = field(default_factory=list)

    @property
    def body_top(self) -> float:
        return self.area.top - self.head_h


def label_of(zh: str, en: str, language: str) -> str:
    return zh if language == "zh" or not en else en


def layout_paper_note(text: FontText, note: Note, width: float, language: str) -> PaperNote:
    """The largest of ``NOTE_SIZES`` at which the note's words fit ``BODY_MAX_H``; at the
    smallest, the lines that fit, the last ending in the "full text in the record" mark."""
    inner = width - 2 * NOTE_PAD
    body = text.clean(note.text.strip())
    author = text.clean(" ".join(note.author.split()))
    lh = text.line_height
    lines: list[str] = []
    size = NOTE_SIZES[-1]
    fits = False
    for size in NOTE_SIZES:
        lines = text.wrap(body, inner, size) if body else []
        if len(lines) * lh * size <= BODY_MAX_H + 1e-6:
            fits = True
            break
    if not fits:
        room = max(1, int((BODY_MAX_H + 1e-6) // (lh * size)))
        lines = cut_lines(text, lines, inner, size, room, LABELS[language]["full_text"])
    author_line = text.shorten(author, inner, AUTHOR_PT) if author else ""
    author_w = text.width(author_line, AUTHOR_PT)
    height = 2 * NOTE_PAD + len(lines) * lh * size
    # A short last line leaves room for the name beside it, which saves a line on paper.
    inline = bool(
        author_line and lines and text.width(lines[-1], size) + AUTHOR_GAP + author_w <= inner
    )
    if author_line and not inline:
        height += AUTHOR_PT * lh + 1
    return PaperNote(
        note,
        size,
        tuple(lines),
        author_line,
        author_w,
        fits,
        max(height, 2 * NOTE_PAD + lh * size),
        inline,
    )


def cut_lines(
    text: FontText, lines: list[str], width: float, size: float, room: int, mark: str
) -> list[str]:
    """``room`` lines of ``lines`` ending in ``mark`` (on the last line when it fits there)."""
    tail = text.wrap(mark, width, size)
    if len(tail) > 1:
        return lines[: max(0, room - len(tail))] + tail
    last = lines[room - 1]
    while last and text.width(last + mark, size) > width:
        last = last[:-1]
    return [*lines[: room - 1], last.rstrip() + mark]


@dataclass(frozen=True)
class Packed:
    """The first ``count`` of a run of notes packed into a cell's note columns."""

    count: int
    height: float  # the cell's padding included; 0 when no note is packed
    placed: tuple[tuple[int, float, PaperNote], ...]  # note column, depth from the top, note


def pack(notes: list[PaperNote], columns: int, space: float = float("inf")) -> Packed:
    """Notes in order, each into the note column that ends highest (the masonry a pin board
    gets), stopping before the first that would reach below ``space``: the rest continue on
    the next page, in order, and no note is ever cut."""
    depth = [0.0] * columns
    placed = []
    for note in notes:
        col = min(range(columns), key=lambda i: (depth[i], i))
        y = depth[col] + (NOTE_GAP if depth[col] else 0.0)
        if 2 * CELL_PAD + y + note.height > space + 1e-6:
            break
        placed.append((col, y, note))
        depth[col] = y + note.height
    height = max(depth) + 2 * CELL_PAD if placed else 0.0
    return Packed(len(placed), height, tuple(placed))


def _place(packed: Packed, x: float, top: float, w: float) -> list[PlacedNote]:
    return [
        PlacedNote(
            n, Area(x + CELL_PAD + col * (w + NOTE_GAP), top - CELL_PAD - y - n.height, w, n.height)
        )
        for col, y, n in packed.placed
    ]


class _Pager:
    """Hands out room on detail pages, top to bottom, starting a page when asked."""

    def __init__(self, plan: DetailPlan) -> None:
        self.plan = plan
        self.room = plan.body_top - plan.area.y
        self.y = plan.body_top
        plan.pages.append(DetailPage())

    @property
    def page(self) -> DetailPage:
        return self.plan.pages[-1]

    @property
    def left(self) -> float:
        return self.y - self.plan.area.y

    @property
    def fresh(self) -> bool:
        return self.y >= self.plan.body_top - 1e-6

    def next_page(self) -> None:
        self.plan.pages.append(DetailPage())
        self.y = self.plan.body_top


def plan_details(
    board: Board, geo: BoardGeometry, text: FontText, area: Area, language: str
) -> DetailPlan:
    """Lay out the table's rows, then the notes outside its cells, over detail pages."""
    grid = geo.grid
    assert grid is not None
    labels = LABELS[language]
    has_groups = any(c.group for c in board.cells)
    left = area.x + (GROUP_W if has_groups else 0.0) + ROW_W
    column_ids = board.column_ids()
    first = {c.ref.column: c for c in board.cells}
    col_w = (area.x + area.w - left) / max(1, len(column_ids))
    columns = []
    lh = text.line_height
    for i, cid in enumerate(column_ids):
        cell = first[cid]
        label = text.clean(label_of(cell.column, cell.column_en, language))
        lines = tuple(text.wrap(label, col_w - 2 * LABEL_PAD, HEAD_PT))
        columns.append(Column(cid, label, lines, cell.kind, left + i * col_w, col_w))
    head_lines = min(HEAD_LINES, max((len(c.lines) for c in columns), default=1))
    head_h = head_lines * lh * HEAD_PT + 2 * LABEL_PAD
    per_cell = max(1, int((col_w - 2 * CELL_PAD + NOTE_GAP) // (NOTE_W + NOTE_GAP)))
    note_w = (col_w - 2 * CELL_PAD - (per_cell - 1) * NOTE_GAP) / per_cell
    plan = DetailPlan(area, columns, head_h, has_groups, note_w)

    members: dict[str, list[Note]] = {cid: [] for cid in grid.cells}
    loose: list[Note] = []
    for box in geo.notes:
        if box.note.cell in members:
            members[box.note.cell].append(box.note)
        else:
            loose.append(box.note)
    laid: dict[str, PaperNote] = {}

    def paper(notes: list[Note]) -> list[PaperNote]:
        out = []
        for note in sorted(notes, key=display_order):
            laid[note.id] = layout_paper_note(text, note, note_w, language)
            out.append(laid[note.id])
        return out

    pager = _Pager(plan)
    cont = labels["continued"]
    for row_id in board.row_ids():
        row_cells = {c.ref.column: c for c in board.cells if c.ref.row == row_id}
        some = next(iter(row_cells.values()))
        label = text.clean(label_of(some.row, some.row_en, language))
        group = text.clean(label_of(some.group, some.group_en, language)) if some.group else ""
        rest = {cid: paper(members[c.id]) for cid, c in row_cells.items()}
        continued = False
        while True:
            shown = label + (cont if continued else "")
            label_h = len(text.wrap(shown, ROW_W - 2 * LABEL_PAD, LABEL_PT)) * lh * LABEL_PT
            # A label longer than a page is cut (with an ellipsis) rather than run off it.
            least = min(max(BAND_MIN_H, label_h + 2 * LABEL_PAD), pager.room)
            whole = max([least] + [pack(notes, per_cell).height for notes in rest.values()])
            if whole > pager.left + 1e-6 and not pager.fresh:
                fitting = any(pack(n, per_cell, pager.left).count for n in rest.values() if n)
                if (
                    (whole <= pager.room and pager.left < pager.room * SPLIT_SHARE)
                    or not fitting
                    or least > pager.left
                ):
                    pager.next_page()
                    continue
            packed = {cid: pack(notes, per_cell, pager.left) for cid, notes in rest.items()}
            if pager.fresh and not any(p.count for p in packed.values()) and any(rest.values()):
                # A note taller than a whole page (not with these sizes): print it anyway.
                packed = {cid: pack(notes[:1], per_cell) for cid, notes in rest.items()}
            height = max([least] + [p.height for p in packed.values()])
            top = pager.y
            band = Band(row_id, shown, group, Area(area.x, top - height, area.w, height))
            for column in columns:
                here = row_cells.get(column.column_id)
                if here is None:
                    continue
                piece = CellPiece(here.id, Area(column.x, top - height, column.w, height))
                piece.notes = _place(packed[column.column_id], column.x, top, note_w)
                band.cells.append(piece)
            pager.page.bands.append(band)
            pager.y -= height
            rest = {cid: notes[packed[cid].count :] for cid, notes in rest.items()}
            if not any(rest.values()):
                break
            pager.next_page()
            continued = True

    for title, notes in loose_groups(board, loose, language):
        _flow_section(pager, text.clean(title), paper(notes), cont)
    plan.laid_out = list(laid.values())
    return plan


def loose_groups(board: Board, notes: list[Note], language: str) -> list[tuple[str, list[Note]]]:
    """Notes outside the cells by cluster (in the board's order), then the rest."""
    by_cluster: dict[str, list[Note]] = {}
    other: list[Note] = []
    for note in notes:
        if note.cluster in board.clusters:
            by_cluster.setdefault(note.cluster, []).append(note)
        else:
            other.append(note)
    out = [
        (board.clusters[cid].name, by_cluster[cid]) for cid in board.clusters if cid in by_cluster
    ]
    if other:
        out.append((LABELS[language]["other"], other))
    return out


def _flow_section(pager: _Pager, title: str, notes: list[PaperNote], cont: str) -> None:
    plan = pager.plan
    area = plan.area
    per_line = max(1, int((area.w - 2 * CELL_PAD + NOTE_GAP) // (plan.note_w + NOTE_GAP)))
    continued = False
    while notes:
        if not pager.fresh and not pack(notes, per_line, pager.left - SECTION_H).count:
            pager.next_page()
        top = pager.y
        shown = title + (cont if continued else "")
        pager.page.sections.append(Section(shown, Area(area.x, top - SECTION_H, area.w, SECTION_H)))
        packed = pack(notes, per_line, pager.left - SECTION_H)
        if not packed.count:
            packed = pack(notes[:1], per_line)
        pager.page.loose += _place(packed, area.x, top - SECTION_H, plan.note_w)
        pager.y -= SECTION_H + packed.height
        notes = notes[packed.count :]
        continued = True
        if notes:
            pager.next_page()
