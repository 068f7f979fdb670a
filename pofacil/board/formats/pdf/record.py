"""The meeting record appended to the PDF: every live note, where it was sorted, who said it
and when, board by board, in a table that runs across as many pages as it needs.

Pages are planned here before anything is drawn, so the export knows its page count up front
(for "n / N" and for the progress bar). Deleted notes are not listed, but every board states
how many were removed: accountability without publishing what was withdrawn.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from pofacil.board.model import Board, Note, raised_order
from pofacil.board.model.kinds import KIND_BY_ID, Kind

from ..corrections import MARK, Corrections
from ..minutes import correction_lines, note_time
from ..tree_order import nested
from ..vote_results import record_vote_groups
from .page import HEADER_H, LABELS, MARGIN, PageFurniture
from .text import FontText

BODY_PT = 9.0
LEADING = 1.35  # in em: tighter than the screen's line height, this is a printed table
PAD = 3.0
INDENT_PT = 10.0  # per level of a mind-map tree ...
MAX_DEPTH = 6  # ... up to this deep; deeper notes line up with this level
HEADING_H = 36.0  # board name and its summary line
TABLE_HEAD_H = BODY_PT * LEADING + 2 * PAD
COLUMNS = (("place", 0.21), ("text", 0.41), ("kind", 0.11), ("author", 0.13), ("time", 0.14))
LINE = HexColor("#CED4DA")
GROUP_LINE = HexColor("#868E96")
HEAD_FILL = HexColor("#E9ECEF")


@dataclass(frozen=True)
class RecordRow:
    """One note of the record, wrapped for its columns."""

    place: tuple[str, ...]
    text: tuple[str, ...]
    kind: Kind | None
    kind_lines: tuple[str, ...]
    author: tuple[str, ...]
    time: str
    height: float
    group: str  # the place key: a change starts a new group in the table
    indent: float = 0.0  # a mind-map child's words start this far right of its parent's


@dataclass
class RecordBlock:
    """The part of one board's record on one page."""

    name: str
    summary: str
    continued: bool
    rows: list[RecordRow] = field(default_factory=list)
    corrections: bool = False  # the corrections section: its own column headings


@dataclass
class RecordPage:
    blocks: list[RecordBlock] = field(default_factory=list)


def summary_line(language: str, live: int, removed: int) -> str:
    """How many notes a board has and how many were removed ("已刪除 N 則")."""
    if language == "zh":
        return LABELS["zh"]["summary"].format(live=live, removed=removed)
    return (
        f"{live} note{'' if live == 1 else 's'}, "
        f"{removed} note{'' if removed == 1 else 's'} removed"
    )


def record_groups(board: Board, language: str) -> list[tuple[str, str, list[Note]]]:
    """Live notes by cell (in the table's order), then by cluster, then the rest under "—":
    (place, the row group the place starts with or "", notes).

    Within a cell, notes come in the order of their slots on the board; elsewhere in the
    order they were written (creation order breaks ties of the same second).
    """

    def pick(zh: str, en: str) -> str:
        return zh if language == "zh" else en or zh

    order = {c.id: i for i, c in enumerate(board.cells)}
    clusters = {cid: i for i, cid in enumerate(board.clusters)}
    keyed: dict[tuple[int, int], list[Note]] = {}
    labels: dict[tuple[int, int], str] = {}
    groups: dict[tuple[int, int], str] = {}
    for note in board.live_notes():
        cell = board.cell(note.cell) if note.cell else None
        if cell is not None:
            key = (0, order[cell.id])
            parts = [pick(cell.row, cell.row_en), pick(cell.column, cell.column_en)]
            group = pick(cell.group, cell.group_en)
            labels[key] = (f"{group} · " if group else "") + " / ".join(parts)
            groups[key] = group
        elif note.cluster in board.clusters:
            key = (1, clusters[note.cluster])
            labels[key] = board.clusters[note.cluster].name
        else:
            key = (2, 0)
            labels[key] = LABELS[language]["none"]
        keyed.setdefault(key, []).append(note)
    out = []
    for key in sorted(keyed):
        notes = keyed[key]
        # When raised; notes of one second (an import) in the order they came.
        notes.sort(key=raised_order)
        out.append((labels[key], groups.get(key, ""), notes))
    return out


def column_widths(page_width: float) -> dict[str, float]:
    usable = page_width - 2 * MARGIN
    return {name: usable * share for name, share in COLUMNS}


def place_line(text: FontText, place: str, group: str, width: float) -> tuple[str, ...]:
    """A cell's place on one line: a two-line place doubles every row of its cell. The row
    group ("協作會議如何接地氣 · ") goes first when the whole does not fit; then it is shortened."""
    for candidate in (place, place.removeprefix(f"{group} · ") if group else place):
        clean = text.clean(candidate)
        if text.width(clean, BODY_PT) <= width - 2 * PAD:
            return (clean,)
    return (text.shorten(text.clean(candidate) + "…", width - 2 * PAD, BODY_PT),)


def plan_record(
    boards: list[Board],
    text: FontText,
    paper: tuple[float, float],
    language: str,
    day: str = "",
    corrections: Corrections | None = None,
    list_corrections: bool = False,
    room_line: str | None = None,
) -> list[RecordPage]:
    """Lay out the record into pages (nothing is drawn yet).

    Times are ``HH:MM`` on the workshop's ``day``; with ``corrections`` a corrected note is
    marked, and ``list_corrections`` ends the record with a section listing each one. ``room_line``:
    the line counting the points phones sent (storage.inbox.room_record_line), never their
    words: a point set aside is counted, not shown."""
    fixes = corrections or {}
    widths = column_widths(paper[0])
    top = paper[1] - MARGIN - HEADER_H
    room = top - MARGIN - 4
    line = BODY_PT * LEADING
    max_lines = max(1, int((room - HEADING_H - TABLE_HEAD_H - 2 * PAD) // line))
    pages: list[RecordPage] = [RecordPage()]
    left = room

    def wrap(s: str, width: float, limit: int | None = None) -> tuple[str, ...]:
        lines = text.wrap(text.clean(s), width - 2 * PAD, BODY_PT)
        if limit is not None and len(lines) > limit:  # a place or a name, not a note's words
            lines = lines[:limit]
            lines[-1] = text.shorten(lines[-1] + "…", width - 2 * PAD, BODY_PT)
        return tuple(lines)

    def add_block(name: str, summary: str, rows: list[RecordRow], fixes: bool = False) -> None:
        nonlocal left
        # A board's heading never sits alone at the foot of a page.
        first_h = HEADING_H + TABLE_HEAD_H + (rows[0].height if rows else 0.0)
        if pages[-1].blocks and left < first_h:
            pages.append(RecordPage())
            left = room
        block = RecordBlock(name, summary, False, corrections=fixes)
        pages[-1].blocks.append(block)
        left -= HEADING_H + (TABLE_HEAD_H if rows else 0.0)
        page_rows = max_lines * line + 2 * PAD  # the most one continued page holds
        for whole in rows:
            # A note's words are never cut here: the record is where a note cut short on the
            # board is read in full, over as many pages as it takes.
            parts = [whole]
            if whole.height > page_rows:
                # Begin here when a few of its lines fit under what is above, else overleaf.
                first = left if left >= page_rows / 4 else page_rows
                parts = split_row(whole, first, page_rows, line)
            for row in parts:
                if row.height > left + 1e-6:
                    pages.append(RecordPage())
                    left = room - HEADING_H - TABLE_HEAD_H
                    block = RecordBlock(name, summary, True, corrections=fixes)
                    pages[-1].blocks.append(block)
                block.rows.append(row)
                left -= row.height

    fix_rows: list[RecordRow] = []
    mark = MARK[language]
    for board in boards:
        live, removed = len(board.live_notes()), len(board.deleted_notes())
        name = text.clean(board.name)
        summary = summary_line(language, live, removed)
        rows: list[RecordRow] = []
        # In the order raised, then each closed vote's results (the same notes again, by
        # votes: their corrections are listed once).
        raised = [
            (place, group, notes, True) for place, group, notes in record_groups(board, language)
        ]
        voted = [
            (place, group, notes, False)
            for place, group, notes in record_vote_groups(board, language)
        ]
        for place, group, notes, first in raised + voted:
            place_lines = place_line(text, place, group, widths["place"])
            # A mind map reads as its tree, as in the Markdown minutes: children under their
            # parent, indented (to a limit: a deep outline must leave room for the words).
            for note, depth in nested(board, notes):
                indent = min(depth, MAX_DEPTH) * INDENT_PT
                kind = KIND_BY_ID.get(note.kind)
                kind_label = text.clean(kind.zh if language == "zh" else kind.en) if kind else ""
                kind_lines = tuple(text.wrap(kind_label, widths["kind"] - 2 * PAD - 12, BODY_PT))
                words = note.text.strip() + (mark if note.id in fixes else "")
                body = wrap(words, widths["text"] - indent)
                author = wrap(note.author or "—", widths["author"], 4)
                count = max(len(place_lines), len(body), len(author), len(kind_lines), 1)
                rows.append(
                    RecordRow(
                        place_lines,
                        body,
                        kind,
                        kind_lines,
                        author,
                        note_time(note.created, day) or "—",
                        count * line + 2 * PAD,
                        place,
                        indent,
                    )
                )
            if list_corrections and first:
                for note, sentence in correction_lines(fixes, notes, day, language):
                    fix_rows.append(_fix_row(text, widths, wrap, board, note, sentence, line))
        add_block(name, summary, rows)
    if room_line:
        add_block(LABELS[language]["room"], text.clean(room_line), [])
    if list_corrections:
        labels = LABELS[language]
        add_block(
            labels["corrections"],
            labels["corrections_summary"].format(len(fix_rows)),
            fix_rows,
            True,
        )
    return pages


def _fix_row(
    text: FontText,
    widths: dict[str, float],
    wrap: Callable[..., tuple[str, ...]],
    board: Board,
    note: Note,
    sentence: str,
    line: float,
) -> RecordRow:
    """One correction as a row: the board in the place column, the note's words now and
    the correction beneath them in the text column."""
    place = wrap(board.name, widths["place"], 1)
    body = wrap(note.text.strip(), widths["text"]) + wrap(sentence, widths["text"])
    count = max(len(place), len(body), 1)
    return RecordRow(place, body, None, (), (), "", count * line + 2 * PAD, board.id)


def split_row(row: RecordRow, first: float, full: float, line: float) -> list[RecordRow]:
    """A row taller than a page in parts: the first no taller than ``first``, the others than
    ``full``; the place, kind, author and time stay with the first part."""
    body = max(len(row.place), len(row.author), len(row.kind_lines), 1)
    out: list[RecordRow] = []
    lines = list(row.text)
    room = first
    while lines:
        head = not out
        take = max(body if head else 1, int((room - 2 * PAD + 1e-6) // line))
        part, lines = lines[:take], lines[take:]
        out.append(
            RecordRow(
                row.place if head else (),
                tuple(part),
                row.kind if head else None,
                row.kind_lines if head else (),
                row.author if head else (),
                row.time if head else "",
                max(len(part), body if head else 1) * line + 2 * PAD,
                row.group,
                row.indent,
            )
        )
        room = full
    return out


def draw_record_page(
    c: Canvas, furniture: PageFurniture, page: RecordPage, text: FontText, language: str
) -> None:
    """One page of the record under the usual header (the caller draws the footer)."""
    labels = LABELS[language]
    furniture.header(labels["record"])
    fix_labels = {
        **labels,
        "place": labels["board"],
        "text": labels["correction"],
        "kind": "",
        "author": "",
        "time": "",
    }
    widths = column_widths(furniture.width)
    y = furniture.height - MARGIN - HEADER_H
    line = BODY_PT * LEADING
    for block in page.blocks:
        title = block.name + (labels["continued"] if block.continued else "")
        c.setFillColor(HexColor("#111111"))
        c.setFont(text.name, 12)
        c.drawString(MARGIN, y - 14, text.shorten(title, furniture.width - 2 * MARGIN, 12))
        c.setFont(text.name, BODY_PT)
        c.setFillColor(HexColor("#555555"))
        c.drawString(MARGIN, y - 28, block.summary)
        y -= HEADING_H
        if not block.rows:
            continue
        _table_head(c, text, widths, y, fix_labels if block.corrections else labels)
        y -= TABLE_HEAD_H
        previous = None
        for row in block.rows:
            new_group = row.group != previous
            c.setStrokeColor(GROUP_LINE if new_group else LINE)
            c.setLineWidth(0.8 if new_group else 0.4)
            c.line(MARGIN, y, furniture.width - MARGIN, y)
            columns = {
                "place": row.place if new_group else (),
                "text": row.text,
                "author": row.author,
                "time": (row.time,),
            }
            x = MARGIN
            t = c.beginText()
            t.setFont(text.name, BODY_PT, line)
            t.setFillColor(HexColor("#111111"))
            for name, _ in COLUMNS:
                if name == "kind":
                    if row.kind is not None:
                        c.setFillColor(HexColor(row.kind.color))
                        c.setStrokeColor(HexColor("#6C757D"))
                        c.setLineWidth(0.4)
                        c.rect(x + PAD, y - PAD - 8.5, 8, 8, stroke=1, fill=1)
                    for i, s in enumerate(row.kind_lines):
                        t.setTextOrigin(x + PAD + 12, y - PAD - BODY_PT - i * line + 1.5)
                        t.textOut(s)
                else:
                    shift = row.indent if name == "text" else 0.0
                    for i, s in enumerate(columns[name]):
                        t.setTextOrigin(x + PAD + shift, y - PAD - BODY_PT - i * line + 1.5)
                        t.textOut(s)
                x += widths[name]
            c.drawText(t)
            y -= row.height
            previous = row.group
        c.setStrokeColor(GROUP_LINE)
        c.setLineWidth(0.8)
        c.line(MARGIN, y, furniture.width - MARGIN, y)
        y -= 10


def _table_head(
    c: Canvas, text: FontText, widths: dict[str, float], y: float, labels: dict[str, str]
) -> None:
    c.setFillColor(HEAD_FILL)
    c.setStrokeColor(GROUP_LINE)
    c.setLineWidth(0.8)
    c.rect(MARGIN, y - TABLE_HEAD_H, sum(widths.values()), TABLE_HEAD_H, stroke=1, fill=1)
    c.setFillColor(HexColor("#111111"))
    c.setFont(text.name, BODY_PT)
    x = MARGIN
    for name, _ in COLUMNS:
        c.drawString(x + PAD, y - PAD - BODY_PT + 1.5, labels[name])
        x += widths[name]
