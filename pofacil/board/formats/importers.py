"""Reading notes from CSV, plain text and Markdown files. All or nothing: one bad row, no notes.

Each reader returns :class:`~pofacil.board.ops.NoteSpec` objects and mind-map links, which
:func:`import_change` turns into one undoable step.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from pofacil.board.model import Board, Change, Patch, Workshop, new_id, now
from pofacil.board.model.errors import ImportFormatError, ImportProblem, ModelError
from pofacil.board.model.kinds import kind_from_label
from pofacil.board.model.limits import check_coordinate, check_text, check_votes
from pofacil.board.model.templates import layout_of
from pofacil.board.ops.boards import layout_mindmap
from pofacil.board.ops.central import central_topic, is_default_topic
from pofacil.board.ops.notes import NoteSpec, add_notes, note_text, update_patch

from .csv_columns import BOARD_COLUMN, CSV_COLUMNS, unescape_formula

_BULLET = re.compile(r"^(?P<indent>[ \t]*)(?:[-*+]|\d+[.)])[ \t]+(?P<text>.*)$")
_HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)[ \t#]*$")
# Only these end a line: str.splitlines() also splits on form feed, vertical tab, FS/GS/RS,
# NEL and U+2028, which shifts every line number after them. csv (through io) agrees.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# "王素琴: 業務單位很忙" or "王素琴：業務單位很忙": a short name, then an ASCII colon and a
# space or a full-width colon. The space keeps "10:30 開始" a point, not a speaker "10".
_SPEAKER = re.compile(r"^(?P<who>[^:：\n]{1,12}?)[ \t]*(?:: |：)[ \t]*(?P<text>\S.*)$", re.DOTALL)
_In = TypeVar("_In")
_Out = TypeVar("_Out")


@dataclass
class Parsed:
    """Notes read from a source, with mind-map child links and clusters to create by name."""

    notes: list[NoteSpec] = field(default_factory=list)
    links: list[tuple[str, str, str]] = field(default_factory=list)
    clusters: dict[str, str] = field(default_factory=dict)  # new cluster id -> name
    problems: list[ImportProblem] = field(default_factory=list)
    # Note and new-cluster ids bound for a board other than the one imported into.
    boards: dict[str, str] = field(default_factory=dict)
    # The source names each note's mind-map parent (a CSV with a parent column): a note with
    # neither parent nor children is a free note there, and stays one.
    tree: bool = False


def read_text(path: Path) -> str:
    """The file as UTF-8 text (a BOM is fine); any other encoding is refused, not guessed."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ModelError(
            "{path} cannot be read: {reason}.", path=str(path), reason=exc.strerror or str(exc)
        ) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ModelError(
            "{path} is UTF-16 text; save it as UTF-8 and import it again.", path=str(path)
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ModelError(
            "{path} is not UTF-8 text (line {line}); save it as UTF-8 (in Excel: "
            "CSV UTF-8) and import it again.",
            path=str(path),
            line=line,
        ) from None
    nul = text.find("\x00")
    if nul != -1:
        # No note may hold a NUL; in a text file it is damage (or the file is binary).
        raise ModelError(
            "{path} is not a text file: it holds a NUL character (line {line}).",
            path=str(path),
            line=len(_LINE_BREAK.findall(text, 0, nul)) + 1,
        )
    return text


def created_time(value: str, day: str) -> str:
    """When a note was said, as the file keeps it (ISO 8601 with the offset, to the second).

    ``value`` is ISO 8601 (``2026-11-20T10:42:00+08:00``); without an offset it is local time;
    a bare ``HH:MM`` (or ``HH:MM:SS``) is taken on the workshop's ``day`` (YYYY-MM-DD)."""
    value = typed = value.strip()
    if _CLOCK.fullmatch(value):
        if not day:
            raise ModelError(
                "the time '{value}' has no date and the workshop has none; set the workshop's "
                "date (pofacil set FILE --date YYYY-MM-DD) or write the date too",
                value=value,
            )
        value = f"{day}T{value}"
    try:
        when = datetime.fromisoformat(value)
        if when.tzinfo is None:
            when = when.astimezone()  # local time, as the room's clock showed it
    except (ValueError, OverflowError, OSError):  # not a time, or one no clock can show
        raise ModelError(
            "'{value}' in created is not a time; write 2026-11-20T10:42 or 10:42", value=typed
        ) from None
    return when.isoformat(timespec="seconds")


_CLOCK = re.compile(r"\d{1,2}:\d{2}(:\d{2})?")


def _checked(out: Parsed, line: int, check: Callable[[_In], _Out], value: _In) -> _Out | None:
    """``check(value)``, or None with the reason filed against ``line``."""
    try:
        return check(value)
    except ModelError as exc:
        out.problems.append(ImportProblem(line, exc))
        return None


def parse_csv(
    text: str, board: Board, author: str = "", workshop: Workshop | None = None
) -> Parsed:
    """Rows of a CSV with a header. With a ``board`` column each row goes to the live board of
    that name in ``workshop`` (an empty cell: to ``board``); without one, every row to ``board``.
    A ``created`` column gives each note its time (see :func:`created_time`).
    """
    day = workshop.info.date if workshop is not None else ""
    out = Parsed()
    # The lines as csv reads them, to find a quote left open (see _open_quote).
    lines = io.StringIO(text, newline="").readlines()
    reader = csv.reader(lines)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise ModelError("The header line cannot be read: {reason}.", reason=str(exc)) from None
    names = [h.strip().lower() for h in header or []]
    known = (*CSV_COLUMNS, BOARD_COLUMN)
    if "text" not in names:
        raise ModelError(
            "The first line must be a header naming the columns, with a 'text' column "
            "(known columns: {known}); found: {found}.",
            known=", ".join(known),
            found=", ".join(names) or "an empty file",
        )
    unknown = [n for n in names if n not in known]
    if unknown or len(set(names)) != len(names):
        raise ModelError(
            "Unknown or repeated column(s) {cols}; the known columns are {known}.",
            cols=", ".join(unknown or names),
            known=", ".join(known),
        )
    by_name = {b.name: b for b in (workshop.ordered_boards() if workshop else [board])}
    # Cluster names are per board: the same name on two boards is two clusters.
    clusters: dict[str, dict[str, str]] = {}
    file_ids: list[tuple[int, str, str, str]] = []  # (line, id, parent, new note id) per row
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):
                out.problems.append(
                    ImportProblem(
                        line,
                        ModelError(
                            "a field is longer than {limit} characters",
                            limit=csv.field_size_limit(),
                        ),
                    )
                )
            else:
                out.problems.append(
                    ImportProblem(
                        line, ModelError("the CSV cannot be read: {reason}", reason=str(exc))
                    )
                )
            break
        start, line = line, reader.line_num + 1
        if line > len(lines):
            opened = _open_quote("".join(lines[start - 1 :]))
            if opened is not None:
                out.problems.append(
                    ImportProblem(
                        start + opened,
                        ModelError(
                            'a quote (") opens here and is never closed, so the rest of the file '
                            "would be one note"
                        ),
                    )
                )
                break
        row = [unescape_formula(cell.strip()) for cell in row]
        if not any(row):
            continue  # blank lines between rows are harmless
        if len(row) != len(names):
            out.problems.append(
                ImportProblem(
                    start,
                    ModelError(
                        "{count} fields, the header has {header}", count=len(row), header=len(names)
                    ),
                )
            )
            continue
        values = dict(zip(names, row, strict=False))
        target = board
        board_name = values.get(BOARD_COLUMN, "")
        if board_name:
            if board_name not in by_name:
                out.problems.append(
                    ImportProblem(start, ModelError("unknown board '{board}'", board=board_name))
                )
                continue
            target = by_name[board_name]
        names_here = clusters.setdefault(
            target.id, {c.name: c.id for c in target.clusters.values()}
        )
        known_clusters = len(out.clusters)
        spec = _csv_spec(values, target, author, names_here, out, start, day)
        if spec is not None:
            out.notes.append(spec)
            if target.id != board.id:
                out.boards[spec.id] = target.id
                if len(out.clusters) > known_clusters:  # a row names at most one new cluster
                    out.boards[next(reversed(out.clusters))] = target.id
            file_ids.append((start, values.get("id", ""), values.get("parent", ""), spec.id))
    out.tree = "parent" in names
    _csv_tree(out, file_ids)
    return out


def _csv_tree(out: Parsed, rows: list[tuple[int, str, str, str]]) -> None:
    """Child links from the ``id`` and ``parent`` columns: ids are the file's own (an export
    writes the notes' ids), each mapped to the new note made from its row."""
    new_of: dict[str, str] = {}
    for line, file_id, _, spec_id in rows:
        if not file_id:
            continue
        if file_id in new_of:
            out.problems.append(
                ImportProblem(line, ModelError("the id '{id}' is used twice", id=file_id))
            )
        new_of[file_id] = spec_id
    for line, file_id, parent, spec_id in rows:
        if not parent:
            continue
        if parent == file_id:
            out.problems.append(ImportProblem(line, ModelError("a note cannot be its own parent")))
        elif parent not in new_of:
            out.problems.append(
                ImportProblem(
                    line, ModelError("the parent '{parent}' is no row's id", parent=parent)
                )
            )
        elif out.boards.get(new_of[parent]) != out.boards.get(spec_id):
            out.problems.append(
                ImportProblem(
                    line, ModelError("the parent '{parent}' is on another board", parent=parent)
                )
            )
        else:
            out.links.append((new_of[parent], spec_id, "child"))


def _open_quote(rest: str) -> int | None:
    """How many lines into ``rest`` (a record and all that follows it) a quoted field opens
    that is never closed; None when every quote closes. The same reading as csv's dialect:
    a quote opens a field only at its start, and ``""`` inside is a quote."""
    at_start, i = True, 0
    while i < len(rest):
        if rest[i] == '"' and at_start:
            close = i + 1
            while (close := rest.find('"', close)) != -1 and rest.startswith('""', close):
                close += 2
            if close == -1:
                return len(_LINE_BREAK.findall(rest, 0, i))
            i, at_start = close + 1, False
            continue
        at_start = rest[i] in ",\r\n"
        i += 1
    return None


def _csv_spec(
    values: dict[str, str],
    board: Board,
    author: str,
    clusters: dict[str, str],
    out: Parsed,
    line: int,
    day: str = "",
) -> NoteSpec | None:
    before = len(out.problems)
    created = ""
    if values.get("created"):
        created = _checked(out, line, lambda v: created_time(v, day), values["created"]) or ""
    text = _checked(out, line, note_text, values["text"])
    kind = None
    if values.get("kind"):
        found = kind_from_label(values["kind"])
        if found is None:
            out.problems.append(
                ImportProblem(line, ModelError("unknown kind '{kind}'", kind=values["kind"]))
            )
        else:
            kind = found.id
    cell = None
    if values.get("cell"):
        found_cell = board.find_cell(values["cell"])
        if found_cell is None:
            out.problems.append(
                ImportProblem(
                    line,
                    ModelError(
                        "unknown cell '{cell}' on board {board}",
                        cell=values["cell"],
                        board=board.name,
                    ),
                )
            )
        else:
            cell = found_cell.id
    numbers: dict[str, float | None] = {}
    for column, check in (("x", check_coordinate), ("y", check_coordinate), ("votes", check_votes)):
        raw = values.get(column, "")
        if not raw:
            continue
        try:
            # Digits stay an int, so the message shows the number as typed (float() turns
            # 400 digits into inf).
            number: float = int(raw) if raw.lstrip("+-").isdigit() else float(raw)
        except ValueError:
            out.problems.append(
                ImportProblem(
                    line, ModelError("bad number in {column}: '{value}'", column=column, value=raw)
                )
            )
            continue
        numbers[column] = _checked(out, line, check, number)
    name = values.get("cluster", "")
    row_author = _checked(out, line, check_text, values.get("author", "") or author)
    if name:
        _checked(out, line, check_text, name)
    if len(out.problems) > before:
        return None
    cluster = None
    if name:
        if name not in clusters:
            clusters[name] = new_id()
            out.clusters[clusters[name]] = name
        cluster = clusters[name]
    assert text is not None and row_author is not None  # else a problem was filed above
    return NoteSpec(
        text=text,
        kind=kind,
        cell=cell,
        cluster=cluster,
        author=row_author,
        x=numbers.get("x"),
        y=numbers.get("y"),
        votes=int(numbers.get("votes") or 0),
        created=created,
    )


def split_speaker(line: str) -> tuple[str, str] | None:
    """(speaker, point) of a ``王素琴: 業務單位很忙`` line; None when it does not look like one."""
    match = _SPEAKER.match(line.strip())
    if match is None or not match["who"].strip():
        return None
    return match["who"].strip(), match["text"].strip()


def looks_like_speakers(text: str) -> bool:
    """True when some line of ``text`` (a bullet's body too) reads as speaker and point: the
    cue to offer the speakers checkbox when lines are dropped or pasted."""
    for line in _LINE_BREAK.split(text):
        bullet = _BULLET.match(line)
        if split_speaker(bullet["text"] if bullet else line) is not None:
            return True
    return False


def outline_suffix(text: str) -> str:
    """How to read lines from elsewhere (a paste): ``.md`` when every line is a bullet or a
    heading, so the nesting comes along; ``.txt``, one note per line, otherwise."""
    lines = [line for line in _LINE_BREAK.split(text) if line.strip()]
    outline = lines and all(_BULLET.match(line) or _HEADING.match(line) for line in lines)
    return ".md" if outline else ".txt"


def _spec(out: Parsed, number: int, body: str, author: str, speakers: bool) -> NoteSpec | None:
    """A note for one line's ``body``, its speaker split off when asked; None if refused."""
    said = split_speaker(body) if speakers else None
    if said is not None:
        who = _checked(out, number, check_text, said[0])
        checked = _checked(out, number, note_text, said[1])
        return None if who is None or checked is None else NoteSpec(checked, author=who)
    checked = _checked(out, number, note_text, body)
    return None if checked is None else NoteSpec(checked, author=author)


def parse_txt(text: str, author: str = "", speakers: bool = False) -> Parsed:
    """One note per non-blank line; with ``speakers``, ``name: point`` lines name who said it."""
    out = Parsed()
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        if line.strip():
            spec = _spec(out, number, line, author, speakers)
            if spec is not None:
                out.notes.append(spec)
    return out


def parse_markdown(text: str, author: str = "", speakers: bool = False) -> Parsed:
    """Bullets become notes and nesting becomes mind-map child links; headings are notes too,
    parents of the bullets below them. ``speakers`` as for :func:`parse_txt`."""
    out = Parsed()
    stack: list[tuple[int, str]] = []  # (depth, note id) of the open branch
    in_fence = False
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if in_fence or not line.strip():
            continue
        heading, bullet = _HEADING.match(line), _BULLET.match(line)
        if heading:
            # Headings sit above every bullet: depth -6 for '#' up to -1 for '######'.
            depth, body = len(heading["hashes"]) - 7, heading["text"]
        elif bullet:
            depth, body = len(bullet["indent"].expandtabs(4)), bullet["text"]
        else:
            out.problems.append(
                ImportProblem(number, ModelError("not a bullet or a heading (start it with '- ')"))
            )
            continue
        spec = _spec(out, number, body, author, speakers)
        if spec is None:
            continue
        while stack and stack[-1][0] >= depth:
            stack.pop()
        if stack:
            out.links.append((stack[-1][1], spec.id, "child"))
        stack.append((depth, spec.id))
        out.notes.append(spec)
    return out


def import_change(
    ws: Workshop,
    board_id: str,
    source: Path,
    author: str = "",
    origin: tuple[float, float] | None = None,
    speakers: bool = False,
) -> Change:
    """One undoable step adding every note of ``source``, or an error naming the bad lines.

    Notes without a position start at ``origin`` (where a file was dropped), by default
    below the board's notes. On a mind map the outline hangs under the central topic (see
    :func:`_hang_under_centre`); :func:`with_layout` adds the layout to the same step."""
    suffix = source.suffix.lower()
    if suffix not in (".csv", ".txt", ".md", ".markdown"):
        raise ModelError("{path}: pofacil imports .csv, .txt and .md files.", path=str(source))
    return text_import_change(
        ws, board_id, read_text(source), suffix, str(source), author, origin, speakers
    )


def text_import_change(
    ws: Workshop,
    board_id: str,
    text: str,
    suffix: str,
    name: str,
    author: str = "",
    origin: tuple[float, float] | None = None,
    speakers: bool = False,
) -> Change:
    """:func:`import_change` for text already read (a paste): ``suffix`` says the format,
    ``name`` is what messages call the source."""
    board = ws.board(board_id)
    if suffix == ".csv":
        parsed = parse_csv(text, board, author, ws)
    elif suffix == ".txt":
        parsed = parse_txt(text, author, speakers)
    else:
        parsed = parse_markdown(text, author, speakers)
    if parsed.problems:
        raise ImportFormatError(name, parsed.problems)
    if not parsed.notes:
        raise ModelError("{path} has no notes to import.", path=name)
    if parsed.boards:
        return _import_to_boards(ws, board.id, parsed, origin)
    renamed = _hang_under_centre(board, parsed) if layout_of(board) == "mindmap" else None
    change = add_notes(
        ws, board.id, parsed.notes, parsed.links, parsed.clusters, label="import", origin=origin
    )
    if renamed is not None:
        change.patches.insert(0, renamed)
    return change


def _hang_under_centre(board: Board, parsed: Parsed) -> Patch | None:
    """Link the outline's top-level items under the board's central topic, in place.

    An untouched default topic and a single top-level item: that item becomes the topic (its
    text and speaker move onto it, its children hang from it), so the map is named by the
    outline and has one centre (a CSV exported from a mind map comes back with the one
    topic it had). From a source that names parents, only trees hang: a free note stays
    free. Returns that rename, if any."""
    centre = central_topic(board)
    if centre is None:
        return None
    has_parent = {target for _, target, kind in parsed.links if kind == "child"}
    has_child = {source for source, _, kind in parsed.links if kind == "child"}
    tops = [
        s for s in parsed.notes if s.id not in has_parent and (s.id in has_child or not parsed.tree)
    ]
    if len(tops) == 1 and is_default_topic(board, centre):
        top = tops[0]
        parsed.notes.remove(top)
        parsed.links = [
            (centre.id if source == top.id else source, target, kind)
            for source, target, kind in parsed.links
        ]
        return update_patch(
            centre, text=top.text, author=top.author or centre.author, updated=now()
        )
    parsed.links += [(centre.id, top.id, "child") for top in tops]
    return None


def with_layout(
    board_id: str, build: Callable[[Workshop], Change]
) -> tuple[Callable[[Workshop], Change], Callable[[Workshop], Change | None]]:
    """An import (``build``) and, on a mind map, the layout of what it brought: two steps for
    ``Session.do_all``, so the user undoes both at once."""

    def lay_out(ws: Workshop) -> Change | None:
        if layout_of(ws.board(board_id)) != "mindmap":
            return None
        # Notes arrive in rows wherever there was room: their sides mean nothing yet.
        return layout_mindmap(ws, board_id, keep_sides=False)

    return build, lay_out


def _import_to_boards(
    ws: Workshop, board_id: str, parsed: Parsed, origin: tuple[float, float] | None
) -> Change:
    """Rows bound for several boards, still one undo step (history files it under the board
    imported into). A drop point means something only on the board it was dropped on; each
    mind map's rows hang under its own central topic."""
    order = list(dict.fromkeys([board_id, *parsed.boards.values()]))
    patches: list[Patch] = []
    subjects: list[str] = []
    for target in order:
        specs = [s for s in parsed.notes if parsed.boards.get(s.id, board_id) == target]
        clusters = {
            cid: name
            for cid, name in parsed.clusters.items()
            if parsed.boards.get(cid, board_id) == target
        }
        ids = {s.id for s in specs}
        links = [link for link in parsed.links if link[1] in ids]  # both ends: see _csv_tree
        if not specs:
            continue
        part = Parsed(specs, links, clusters, tree=parsed.tree)
        board = ws.board(target)
        renamed = _hang_under_centre(board, part) if layout_of(board) == "mindmap" else None
        patches += [renamed] if renamed is not None else []
        patches += add_notes(
            ws,
            target,
            part.notes,
            part.links,
            clusters,
            label="import",
            origin=origin if target == board_id else None,
        ).patches
        subjects += [s.id for s in part.notes]
    return Change("import", patches, board_id, subjects)
