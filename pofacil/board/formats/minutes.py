"""The meeting record as Markdown and CSV: what was said on each board, by whom, and when.

The Markdown is for reading and publishing; the CSV is the import format plus a ``board``
column, so a record can be edited in a spreadsheet and imported again (see importers.py).
Both list live notes only and say how many were removed: accountability without publishing
what a participant asked to withdraw.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Container, Iterable, Sequence
from datetime import datetime
from pathlib import Path

from pofacil.board.model import Board, CellRef, Note, Workshop, display_order, raised_order
from pofacil.board.model.errors import ModelError
from pofacil.board.model.kinds import KIND_BY_ID
from pofacil.board.model.templates import can_add_rows
from pofacil.board.storage.atomic import atomic_write

from .corrections import MARK, Corrections
from .csv_columns import BOARD_COLUMN, CSV_COLUMNS, escape_formula
from .tree_order import nested
from .vote_results import markdown_vote_sections

LANGUAGES = ("zh", "en")
CSV_HEADER = (BOARD_COLUMN, *CSV_COLUMNS)

_LABELS = {
    "zh": {
        "untitled": "未命名工作坊",
        "date": "日期：{}",
        "venue": "地點：{}",
        "notes": "{} 則便利貼。",
        "removed": "另有 {} 則已移除，未列入。",
        "none": "（無）",
        "outside": "不在格子內",
        "ungrouped": "未分組",
        "votes": "{} 票",
        "open": "（",
        "close": "）",
        "sep": "，",
        "list": "、",
        "facilitator": "主持人：{}",
        "corrections": "修正紀錄",
        "room": "現場手機意見",
        "field_text": "文字",
        "field_author": "發言者",
        "correction": "{field}：{original} → {final}（{by}，{at}）",
        "empty": "（空白）",
    },
    "en": {
        "untitled": "Untitled workshop",
        "date": "Date: {}",
        "venue": "Venue: {}",
        "notes": "{} note(s).",
        "removed": "{} removed, not listed.",
        "none": "(none)",
        "outside": "Not in a cell",
        "ungrouped": "Ungrouped",
        "votes": "{} vote(s)",
        "open": " (",
        "close": ")",
        "sep": ", ",
        "list": ", ",
        "facilitator": "Facilitator: {}",
        "corrections": "Corrections",
        "room": "Points from phones",
        "field_text": "Text",
        "field_author": "Speaker",
        "correction": "{field}: {original} → {final} ({by}, {at})",
        "empty": "(blank)",
    },
}


def selected_boards(workshop: Workshop, boards: Sequence[str] | None = None) -> list[Board]:
    """The live boards asked for (by id or name), in the workshop's board order; all for None.

    Board order, not the order asked: every format (and the PDF) then agrees. An unknown or
    deleted board is an error naming the boards there are, so a typo in a batch job is never
    a silently shorter record.
    """
    live = workshop.ordered_boards()
    if boards is None:
        return live
    wanted = {workshop.find_board(b).id for b in boards}
    return [b for b in live if b.id in wanted]


# -- Markdown --------------------------------------------------------------------------------

# & too: without it a note saying "&lt;" comes out as "<".
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#&])")
# What would turn the start of a line into a list, quote or rule, or an underlined heading.
_BLOCK_START = re.compile(r"^([-+=>])")
_ORDERED = re.compile(r"^(\d+)([.)])")


def _escape(text: str, inline: bool = False) -> str:
    """Plain text that stays plain in Markdown: a note saying ``*重要*`` shows its stars.

    A note's own line breaks become hard breaks (a trailing backslash); ``inline`` text, for
    headings, has them as spaces instead.
    """
    lines = []
    for line in text.split("\n"):
        line = _SPECIAL.sub(r"\\\1", line.strip())
        line = _BLOCK_START.sub(r"\\\1", line)
        lines.append(_ORDERED.sub(r"\1\\\2", line))
    return (" " if inline else "\\\n").join(lines)


def note_time(stamp: str, day: str) -> str:
    """``HH:MM`` on the workshop's own day, the date too otherwise; the raw text if unparsable."""
    if not stamp:
        return ""
    try:
        when = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if when.date().isoformat() == day:
        return when.strftime("%H:%M")
    return when.strftime("%Y-%m-%d %H:%M")


def _item(
    note: Note,
    depth: int,
    day: str,
    language: str,
    implied_kind: str | None = None,
    corrected: Container[str] = (),
) -> str:
    """One bullet: text, speaker, then kind (unless the column already says it), votes, time;
    a note corrected since it was raised says so after its words."""
    labels = _LABELS[language]
    kind = KIND_BY_ID.get(note.kind)
    details = [getattr(kind, language)] if kind is not None and note.kind != implied_kind else []
    if note.votes:
        details.append(labels["votes"].format(note.votes))
    when = note_time(note.created, day)
    if when:
        details.append(when)
    indent = "  " * depth
    text = _escape(note.text).replace("\n", "\n" + indent + "  ")
    if note.id in corrected:
        text += MARK[language]
    line = f"{indent}- {text}"
    if note.author:
        line += f" — {_escape(note.author, True)}"
    if details:
        line += labels["open"] + labels["sep"].join(details) + labels["close"]
    return line


def _tree_lines(
    board: Board,
    notes: list[Note],
    day: str,
    language: str,
    implied_kind: str | None = None,
    corrected: Container[str] = (),
) -> list[str]:
    """Bullets for a section; a mind-map child in the same section nests under its parent."""
    return [
        _item(note, depth, day, language, implied_kind, corrected)
        for note, depth in nested(board, notes)
    ]


def _ordered(notes: Iterable[Note]) -> list[Note]:
    """Creation order; ties keep the board's own order (the order notes were added)."""
    return sorted(notes, key=raised_order)


def _board_markdown(
    board: Board, day: str, language: str, corrected: Container[str] = ()
) -> list[str]:
    labels = _LABELS[language]
    live = _ordered(board.live_notes())
    removed = len(board.deleted_notes())
    summary = labels["notes"].format(len(live))
    if removed:
        summary += (" " if language == "en" else "") + labels["removed"].format(removed)
    out = [f"## {_escape(board.name, True)}", "", summary, ""]

    def section(heading: str, notes: list[Note], implied_kind: str | None = None) -> None:
        out.extend([heading, ""])
        lines = _tree_lines(board, notes, day, language, implied_kind, corrected)
        out.extend(lines or [labels["none"]])
        out.append("")

    cell_ids = {c.id for c in board.cells}
    used_rows = {CellRef.parse(n.cell).row for n in live if n.cell in cell_ids}
    # Rows a template adds on demand (a concept sheet's) are slots, not topics: an empty one
    # says nothing. A fixed row left empty does: nobody raised that topic.
    skip_empty_rows = can_add_rows(board)
    group = None
    for cell in board.cells:
        if skip_empty_rows and cell.ref.row not in used_rows:
            continue
        # The order they were raised in: minutes tell what was said when (the board, by seq).
        in_cell = sorted((n for n in live if n.cell == cell.id), key=raised_order)
        row = cell.row_en or cell.row if language == "en" else cell.row
        column = cell.column_en or cell.column if language == "en" else cell.column
        label = cell.group_en or cell.group if language == "en" else cell.group
        level = "###"
        if cell.group:
            level = "####"
            if cell.group != group:
                out.extend([f"### {_escape(label, True)}", ""])
        group = cell.group
        section(f"{level} {_escape(row, True)} / {_escape(column, True)}", in_cell, cell.kind)
    rest = [n for n in live if n.cell not in cell_ids]
    for cluster in board.clusters.values():
        in_cluster = [n for n in rest if n.cluster == cluster.id]
        if in_cluster:
            section(f"### {_escape(cluster.name, True)}", in_cluster)
    loose = [n for n in rest if n.cluster not in board.clusters]
    if loose:
        heading = labels["outside"] if board.cells else labels["ungrouped"]
        if board.cells or board.clusters:
            section(f"### {heading}", loose)
        else:  # a board with no cells and no clusters: the heading would say nothing
            out.extend(_tree_lines(board, loose, day, language, corrected=corrected))
            out.append("")
    out.extend(markdown_vote_sections(board, language, _escape))
    return out


def correction_lines(
    corrections: Corrections, notes: Iterable[Note], day: str, language: str
) -> list[tuple[Note, str]]:
    """Each correction of ``notes`` (live ones: the caller's), in their order, as a plain
    sentence: field, original -> final, who and when."""
    labels = _LABELS[language]
    out = []
    for note in notes:
        for fix in corrections.get(note.id, []):
            out.append(
                (
                    note,
                    labels["correction"].format(
                        field=labels[f"field_{fix.field}"],
                        original=_quoted(fix.original, language) or labels["empty"],
                        final=_quoted(fix.final, language) or labels["empty"],
                        by=labels["list"].join(fix.by),
                        at=note_time(fix.at, day),
                    ),
                )
            )
    return out


def _quoted(text: str, language: str) -> str:
    text = " ".join(text.split())
    if not text:
        return ""
    return f"「{text}」" if language == "zh" else f"“{text}”"


def markdown_text(
    workshop: Workshop,
    boards: Sequence[str] | None = None,
    language: str = "zh",
    corrections: Corrections | None = None,
    list_corrections: bool = False,
    room: str | None = None,
) -> str:
    """The record as Markdown: title, date, venue and facilitator, then each board's cells or
    clusters. With ``corrections`` (see :func:`~.corrections.find_corrections`) a corrected
    note is marked; ``list_corrections`` adds a section listing each correction; ``room`` (the
    inbox's counts as a line, never the points' words) a section of its own."""
    if language not in LANGUAGES:
        raise ModelError("Unknown language {language}; use zh or en.", language=language)
    labels = _LABELS[language]
    chosen = selected_boards(workshop, boards)
    info = workshop.info
    out = [f"# {_escape(info.title, True) or labels['untitled']}", ""]
    details = [
        labels[key].format(_escape(value, True))
        for key, value in (
            ("date", info.date),
            ("venue", info.venue),
            ("facilitator", info.facilitator),
        )
        if value
    ]
    if details:
        out.extend(["\\\n".join(details), ""])
    fixes = corrections or {}
    for board in chosen:
        out.extend(_board_markdown(board, info.date, language, fixes))
    if room:
        out.extend([f"## {labels['room']}", "", _escape(room, True), ""])
    if list_corrections:
        out.extend([f"## {labels['corrections']}", ""])
        listed = [
            f"- {_escape(board.name, True)}：{_escape(note.text, True)} — {_escape(line, True)}"
            if language == "zh"
            else f"- {_escape(board.name, True)}: {_escape(note.text, True)} — "
            f"{_escape(line, True)}"
            for board in chosen
            for note, line in correction_lines(
                fixes, _ordered(board.live_notes()), info.date, language
            )
        ]
        out.extend(listed or [labels["none"]])
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def export_markdown(
    workshop: Workshop,
    out: str | os.PathLike[str],
    boards: Sequence[str] | None = None,
    language: str = "zh",
    corrections: Corrections | None = None,
    list_corrections: bool = False,
    room: str | None = None,
) -> Path:
    """Write the Markdown record to ``out`` (UTF-8) in one piece; returns the path."""
    text = markdown_text(workshop, boards, language, corrections, list_corrections, room)

    def write(tmp: Path) -> None:
        tmp.write_text(text, encoding="utf-8", newline="\n")

    return atomic_write(Path(out), write)


# -- CSV -------------------------------------------------------------------------------------


def _number(value: float) -> str:
    """Shortest text that reads back as the same float: ``40`` rather than ``40.0``."""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def _csv_order(board: Board) -> tuple[list[Note], dict[str, str]]:
    """The board's live notes in display order, each mind-map tree depth-first from its
    root (a parent before its children, siblings in display order), and each note's parent.

    A note with several parents keeps the first in that order; a cycle is cut where it is
    first met, so every note comes once."""
    live = sorted(board.live_notes(), key=display_order)
    ids = {n.id for n in live}
    parent: dict[str, str] = {}
    for note in live:
        for child in board.children(note.id):
            if child in ids and child != note.id:
                parent.setdefault(child, note.id)
    kids: dict[str, list[Note]] = {}
    for note in live:
        if note.id in parent:
            kids.setdefault(parent[note.id], []).append(note)
    order: list[Note] = []
    seen: set[str] = set()
    for start in [n for n in live if n.id not in parent] + live:
        stack = [start]  # a stack, not recursion: an outline may nest very deep
        while stack:
            note = stack.pop()
            if note.id in seen:
                continue
            seen.add(note.id)
            order.append(note)
            stack.extend(reversed(kids.get(note.id, [])))
    # Whatever a cycle kept from its root is listed from where it was first met: its
    # parent there is the one to keep.
    kept = {n.id: parent[n.id] for n in order if n.id in parent}
    position = {n.id: i for i, n in enumerate(order)}
    for child, source in list(kept.items()):
        if position[source] > position[child]:
            del kept[child]
    return order, kept


def csv_rows(workshop: Workshop, boards: Sequence[str] | None = None) -> list[list[str]]:
    """The header and one row per live note, in the import format plus ``board``. ``id`` and
    ``parent`` carry the mind-map tree, listed depth-first, so an import rebuilds it."""
    rows = [list(CSV_HEADER)]
    for board in selected_boards(workshop, boards):
        order, parent_of = _csv_order(board)
        for note in order:
            cluster = board.clusters.get(note.cluster or "")
            # Every text is escaped, the numbers need not: a leading "-" there is a sign.
            values = {
                "id": note.id,
                "parent": parent_of.get(note.id, ""),
                BOARD_COLUMN: escape_formula(board.name),
                "text": escape_formula(note.text),
                "kind": escape_formula(note.kind),
                "cell": escape_formula(note.cell or ""),
                "cluster": escape_formula(cluster.name) if cluster else "",
                "author": escape_formula(note.author),
                "created": note.created,
                "x": _number(note.x),
                "y": _number(note.y),
                "votes": str(note.votes),
            }
            rows.append([values[c] for c in CSV_HEADER])
    return rows


def csv_text(workshop: Workshop, boards: Sequence[str] | None = None) -> str:
    buffer = io.StringIO(newline="")
    # Quote everything: a spreadsheet then keeps "001" and "1/2" as text, not a number or date.
    csv.writer(buffer, quoting=csv.QUOTE_ALL).writerows(csv_rows(workshop, boards))
    return buffer.getvalue()


def export_csv(
    workshop: Workshop, out: str | os.PathLike[str], boards: Sequence[str] | None = None
) -> Path:
    """Write the CSV record to ``out`` in one piece; returns the path.

    UTF-8 with a byte-order mark: without it Excel on Windows reads the file in the local
    code page and every Chinese character comes out garbled.
    """
    text = csv_text(workshop, boards)

    def write(tmp: Path) -> None:
        tmp.write_text(text, encoding="utf-8-sig", newline="")  # the rows end in \r\n already

    return atomic_write(Path(out), write)
