"""Reading notes from CSV, plain text and Markdown files. All or nothing: one bad row, no notes.

Each reader returns :class:`~pofacil.board.ops.NoteSpec` objects and mind-map links, which
:func:`import_change` turns into one undoable step.
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ImportFormatError, ModelError
from .kinds import kind_from_label
from .model import Board, Workshop
from .ops import Change, NoteSpec, add_notes, new_id

MAX_TEXT = 2000  # characters: far beyond a sticky note, short of a pasted document
CSV_COLUMNS = ("text", "kind", "cell", "cluster", "author", "x", "y", "votes")
# Optional: which board a row goes to, so one file (the CSV minutes) can hold several boards.
BOARD_COLUMN = "board"
_BULLET = re.compile(r"^(?P<indent>[ \t]*)(?:[-*+]|\d+[.)])[ \t]+(?P<text>.*)$")
_HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)[ \t#]*$")


@dataclass
class Parsed:
    """Notes read from a source, with mind-map child links and clusters to create by name."""

    notes: list[NoteSpec] = field(default_factory=list)
    links: list[tuple[str, str, str]] = field(default_factory=list)
    clusters: dict[str, str] = field(default_factory=dict)  # new cluster id -> name
    problems: list[tuple[int, str]] = field(default_factory=list)
    # Note and new-cluster ids bound for a board other than the one imported into.
    boards: dict[str, str] = field(default_factory=dict)


def read_text(path: Path) -> str:
    """The file as UTF-8 text (a BOM is fine); any other encoding is refused, not guessed."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ModelError("{path} cannot be read: {reason}.", path=str(path),
                         reason=exc.strerror or str(exc)) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ModelError("{path} is UTF-16 text; save it as UTF-8 and import it again.",
                         path=str(path))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ModelError(
            "{path} is not UTF-8 text (line {line}); save it as UTF-8 (in Excel: "
            "CSV UTF-8) and import it again.", path=str(path), line=line) from None
    if "\x00" in text:
        raise ModelError("{path} is not a text file.", path=str(path))
    return text


def _check_text(text: str, problems: list[tuple[int, str]], line: int) -> str | None:
    text = text.strip()
    if not text:
        problems.append((line, "empty text"))
        return None
    if len(text) > MAX_TEXT:
        problems.append((line, f"text is {len(text)} characters, more than {MAX_TEXT}"))
        return None
    return text


def parse_csv(text: str, board: Board, author: str = "", workshop: Workshop | None = None
              ) -> Parsed:
    """Rows of a CSV with a header. With a ``board`` column each row goes to the live board of
    that name in ``workshop`` (an empty cell: to ``board``); without one, every row to ``board``.
    """
    out = Parsed()
    reader = csv.reader(io.StringIO(text, newline=""))
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
            known=", ".join(known), found=", ".join(names) or "an empty file")
    unknown = [n for n in names if n not in known]
    if unknown or len(set(names)) != len(names):
        raise ModelError("Unknown or repeated column(s) {cols}; the known columns are {known}.",
                         cols=", ".join(unknown or names), known=", ".join(known))
    by_name = {b.name: b for b in (workshop.ordered_boards() if workshop else [board])}
    # Cluster names are per board: the same name on two boards is two clusters.
    clusters: dict[str, dict[str, str]] = {}
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            why = str(exc)
            if "field larger than field limit" in why:
                why = f"a field is longer than {csv.field_size_limit()} characters"
            out.problems.append((line, why))
            break
        start, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue  # blank lines between rows are harmless
        if len(row) != len(names):
            out.problems.append((start, f"{len(row)} fields, the header has {len(names)}"))
            continue
        values = dict(zip(names, row))
        target = board
        board_name = values.get(BOARD_COLUMN, "").strip()
        if board_name:
            if board_name not in by_name:
                out.problems.append((start, f"unknown board {board_name!r}"))
                continue
            target = by_name[board_name]
        names_here = clusters.setdefault(
            target.id, {c.name: c.id for c in target.clusters.values()})
        known_clusters = len(out.clusters)
        spec = _csv_spec(values, target, author, names_here, out, start)
        if spec is not None:
            out.notes.append(spec)
            if target.id != board.id:
                out.boards[spec.id] = target.id
                if len(out.clusters) > known_clusters:  # a row names at most one new cluster
                    out.boards[next(reversed(out.clusters))] = target.id
    return out


def _csv_spec(values: dict[str, str], board: Board, author: str, clusters: dict[str, str],
              out: Parsed, line: int) -> NoteSpec | None:
    before = len(out.problems)
    text = _check_text(values["text"], out.problems, line)
    kind = None
    if values.get("kind", "").strip():
        found = kind_from_label(values["kind"])
        if found is None:
            out.problems.append((line, f"unknown kind {values['kind'].strip()!r}"))
        else:
            kind = found.id
    cell = None
    if values.get("cell", "").strip():
        found_cell = board.find_cell(values["cell"])
        if found_cell is None:
            cell_text = values["cell"].strip()
            out.problems.append((line, f"unknown cell {cell_text!r} on board {board.name}"))
        else:
            cell = found_cell.id
    numbers: dict[str, float] = {}
    for column in ("x", "y", "votes"):
        raw = values.get(column, "").strip()
        if not raw:
            continue
        try:
            value = float(raw)
            if not math.isfinite(value) or (column == "votes" and (value < 0 or value % 1)):
                raise ValueError
            numbers[column] = value
        except ValueError:
            out.problems.append((line, f"bad number in {column}: {raw!r}"))
    if len(out.problems) > before or text is None:
        return None
    cluster = None
    name = values.get("cluster", "").strip()
    if name:
        if name not in clusters:
            clusters[name] = new_id()
            out.clusters[clusters[name]] = name
        cluster = clusters[name]
    return NoteSpec(
        text=text, kind=kind, cell=cell, cluster=cluster,
        author=values.get("author", "").strip() or author,
        x=numbers.get("x"), y=numbers.get("y"), votes=int(numbers.get("votes", 0)),
    )


def parse_txt(text: str, author: str = "") -> Parsed:
    out = Parsed()
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            checked = _check_text(line, out.problems, number)
            if checked is not None:
                out.notes.append(NoteSpec(checked, author=author))
    return out


def parse_markdown(text: str, author: str = "") -> Parsed:
    """Bullets become notes and nesting becomes mind-map child links; headings are notes too,
    parents of the bullets below them."""
    out = Parsed()
    stack: list[tuple[int, str]] = []  # (depth, note id) of the open branch
    in_fence = False
    for number, line in enumerate(text.splitlines(), start=1):
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
            out.problems.append((number, "not a bullet or a heading (start it with '- ')"))
            continue
        checked = _check_text(body, out.problems, number)
        if checked is None:
            continue
        spec = NoteSpec(checked, author=author)
        while stack and stack[-1][0] >= depth:
            stack.pop()
        if stack:
            out.links.append((stack[-1][1], spec.id, "child"))
        stack.append((depth, spec.id))
        out.notes.append(spec)
    return out


def import_change(ws: Workshop, board_id: str, source: Path, author: str = "",
                  origin: tuple[float, float] | None = None) -> Change:
    """One undoable step adding every note of ``source``, or an error naming the bad lines.

    Notes without a position start at ``origin`` (where a file was dropped), by default
    below the board's notes."""
    board = ws.board(board_id)
    suffix = source.suffix.lower()
    if suffix not in (".csv", ".txt", ".md", ".markdown"):
        raise ModelError("{path}: pofacil imports .csv, .txt and .md files.", path=str(source))
    text = read_text(source)
    if suffix == ".csv":
        parsed = parse_csv(text, board, author, ws)
    elif suffix == ".txt":
        parsed = parse_txt(text, author)
    else:
        parsed = parse_markdown(text, author)
    if parsed.problems:
        raise ImportFormatError(str(source), parsed.problems)
    if not parsed.notes:
        raise ModelError("{path} has no notes to import.", path=str(source))
    if not parsed.boards:
        return add_notes(ws, board.id, parsed.notes, parsed.links, parsed.clusters,
                         label="import", origin=origin)
    return _import_to_boards(ws, board.id, parsed, origin)


def _import_to_boards(ws: Workshop, board_id: str, parsed: Parsed,
                      origin: tuple[float, float] | None) -> Change:
    """Rows bound for several boards, still one undo step (history files it under the board
    imported into). A drop point means something only on the board it was dropped on."""
    order = list(dict.fromkeys([board_id, *parsed.boards.values()]))
    patches = []
    for target in order:
        specs = [s for s in parsed.notes if parsed.boards.get(s.id, board_id) == target]
        clusters = {cid: name for cid, name in parsed.clusters.items()
                    if parsed.boards.get(cid, board_id) == target}
        if specs:
            patches += add_notes(ws, target, specs, (), clusters, label="import",
                                 origin=origin if target == board_id else None).patches
    return Change("import", patches, board_id, [s.id for s in parsed.notes])
