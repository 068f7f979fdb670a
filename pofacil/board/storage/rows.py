"""Reading and judging the rows of a workshop file: a bad row is left out and named, never a
reason to refuse the rest."""

from __future__ import annotations

import re
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, NamedTuple

from pofacil.board.model.errors import ModelError, PofacilError
from pofacil.board.model.kinds import KIND_BY_ID, LINK_KINDS
from pofacil.board.model.limits import check_seq, check_votes

if TYPE_CHECKING:
    from pofacil.board.model import Row, Workshop

from .migrations import TABLES
from .table_checks import OPTIONAL, SOUND_SQL, TABLE_OF, cells_problem

# What a value of each column type of migrations.TABLES should be, for the message.
_WANTED = {
    str: "text",
    float: "a finite number",
    int: "a whole number",
    bool: "0 or 1",
    bytes: "binary data",
}
# The largest finite double: a whole number beyond it is no position either (JSON has them).
_FINITE = sys.float_info.max
_COLOR = re.compile(r"#[0-9A-Fa-f]{6}")


# A named tuple, not a dataclass, and its fields typed as values: `pofacil check` of a sound
# file builds no model, and the dataclasses module takes 20 ms to import.
class DamagedRow(NamedTuple("DamagedRow", [("entity", str), ("id", str), ("reason", str)])):
    """A row that could not be read and was left out of the workshop; the file keeps it.
    Its ``id`` is the row's id, or "row N" when the id itself is unreadable."""

    __slots__ = ()

    def __str__(self) -> str:
        return f"{self.entity} {self.id}: {self.reason}"


class BadText(bytes):
    """A TEXT value that is not valid UTF-8, kept as its bytes so it can be reported."""


def decode_text(data: bytes) -> str | bytes:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return BadText(data)


@contextmanager
def lenient_text(conn: sqlite3.Connection) -> Iterator[None]:
    """Read text that is not UTF-8 as :class:`BadText` instead of failing the whole query:
    one bad byte in one note must not make every other row unreadable."""
    saved = conn.text_factory
    conn.text_factory = decode_text
    try:
        yield
    finally:
        conn.text_factory = saved


def snapshot(
    conn: sqlite3.Connection, entities: Iterable[str] = TABLE_OF
) -> tuple[dict[str, list[Row]], set[str]]:
    """The rows of every table (or of those of ``entities``), read in one short read
    transaction.

    One transaction, so the rows are a consistent snapshot even while the app commits; short,
    because a commit waits for readers to finish: only the fetching happens inside it, not the
    building of dicts or of the model. A text that is not UTF-8 would fail the fast read of its
    whole table; that table alone is read again leniently.

    Also returns the entities whose every value SQLite vouches has its column's type (see
    :data:`SOUND_SQL`): their rows need no check value by value.
    """
    fetched: dict[str, tuple[list[str], list[tuple[object, ...]]]] = {}
    sound: set[str] = set()
    conn.execute("BEGIN")
    try:
        for entity in entities:
            table = TABLE_OF[entity]
            try:
                cursor = conn.execute(f"SELECT * FROM [{table}]")
                values = cursor.fetchall()
                if conn.execute(SOUND_SQL[table]).fetchone() is None:
                    sound.add(entity)
            except sqlite3.OperationalError as exc:
                if "decode" not in str(exc):
                    raise
                with lenient_text(conn):
                    cursor = conn.execute(f"SELECT * FROM [{table}]")
                    values = cursor.fetchall()
            fetched[entity] = ([d[0] for d in cursor.description], values)
    finally:
        conn.execute("COMMIT")
    rows = {
        entity: [dict(zip(names, v, strict=True)) for v in values]
        for entity, (names, values) in fetched.items()
    }
    return rows, sound


def read_workshop(conn: sqlite3.Connection) -> tuple[Workshop, list[DamagedRow]]:
    """The workshop from its rows, and the rows that had to be left out."""
    from pofacil.board.model import Patch, Workshop, WorkshopInfo

    rows, sound = snapshot(conn)
    damaged: list[DamagedRow] = []
    ws = Workshop(WorkshopInfo(**details(rows, damaged)))
    sound_rows(
        rows, sound, damaged, lambda entity, row: ws.load(Patch(entity, row["id"], None, row))
    )
    return ws, damaged


def details(rows: dict[str, list[Row]], damaged: list[DamagedRow]) -> dict[str, str]:
    """The workshop's title, date, venue and facilitator; a damaged one is empty (and listed)."""
    if not rows["workshop"]:  # every file is created with it
        damaged.append(DamagedRow("workshop", "workshop", "its row is missing"))
    details = rows["workshop"][0] if rows["workshop"] else {}
    info = {}
    for key in ("title", "date", "venue", "facilitator"):
        value = "" if details.get(key) is None else details[key]
        if not isinstance(value, str):
            damaged.append(DamagedRow("workshop", "workshop", f"{key} {not_a('text', value)}"))
            value = ""
        info[key] = value
    return info


def sound_rows(
    rows: dict[str, list[Row]],
    typed: set[str],
    damaged: list[DamagedRow],
    load: Callable[[str, Row], None] | None = None,
) -> dict[str, list[Row]]:
    """The rows of boards, groups, notes and links that can go into a workshop; the others are
    added to ``damaged``. ``typed`` are the entities whose values SQLite found of the right
    types. ``load`` puts each sound row into a model; a row it refuses is damaged too."""
    # Boards first, and notes before links: each row is judged against what loaded before it.
    notes_of: dict[str, set[str]] = {}  # board id -> the ids of its notes kept so far
    kept: dict[str, list[Row]] = {}
    for entity in ("board", "cluster", "note", "link", "vote_round", "vote"):
        kept[entity] = []
        for number, row in enumerate(rows[entity], start=1):
            reason = row_problem(entity, row, notes_of, entity in typed)
            if reason is None:
                try:
                    if load is not None:
                        load(entity, row)
                except (PofacilError, TypeError, ValueError, KeyError) as exc:
                    reason = str(exc)
                else:
                    kept[entity].append(row)
                    if entity == "board":
                        notes_of[row["id"]] = set()
                    elif entity == "note":
                        notes_of[row["board"]].add(row["id"])
                    continue
            ident = row["id"] if isinstance(row.get("id"), str) else f"row {number}"
            damaged.append(DamagedRow(entity, ident, reason))
    return kept


def describe_value(value: object) -> str:
    if value is None:
        return "missing (NULL)"
    if isinstance(value, BadText):
        return "invalid UTF-8"
    if isinstance(value, bytes):
        return "binary data"
    if isinstance(value, str):
        return f"the text {value[:20]!r}"
    return f"the number {value!r}"


def not_a(wanted: str, value: object) -> str:
    return f"is {describe_value(value)}, not {wanted}"


def fields_problem(table: str, row: Row) -> str | None:
    """The first column of ``row`` whose value does not have the column's type; a column
    ``row`` lacks is no problem (history keeps only the fields an update changed)."""
    # Exact types, so BadText does not pass for bytes; bool only for flags, which history's
    # JSON keeps as true and false where SQLite has 1 and 0. SQLite asks the same of a whole
    # table at once (table_checks.SOUND_SQL); this judges a row it found, and history's rows:
    # inline, as `check` judges every value of every history line (100,000 at 5,000 notes).
    kinds = TABLES[table]
    for column, value in row.items():
        kind = kinds.get(column)
        if kind is None:
            continue
        given = type(value)
        if kind is float:
            fits = (given is float or given is int) and -_FINITE <= value <= _FINITE
        elif kind is bool:
            fits = (given is int or given is bool) and value in (0, 1)
        else:
            fits = given is kind
        if not fits and not (value is None and (table, column) in OPTIONAL):
            return f"{column} {not_a(_WANTED[kind], value)}"
    if table == "boards" and row.get("cells") is not None:
        return cells_problem(row["cells"])
    return None


def row_problem(
    entity: str, row: Row, notes_of: Mapping[str, set[str]], typed: bool = False
) -> str | None:
    """Why a row of the file cannot go into a workshop whose boards and their notes are
    ``notes_of``, or None when it can. ``typed``: its values are known to have their
    columns' types and ranges (a board's cells are still checked)."""
    problem = None if typed and entity != "board" else fields_problem(TABLE_OF[entity], row)
    if problem is not None or entity == "board":
        return problem
    if row["board"] not in notes_of:
        return f"its board {row['board']} is missing or damaged"
    if entity == "note":
        if row["kind"] not in KIND_BY_ID:
            return f"unknown kind {row['kind']}"
        # In range, not only of their type: a later change to the note checks its whole row,
        # and must not be refused for a number the file came with. (A typed table had its
        # ranges checked by SQLite, see _SQL_RANGES.)
        for column, check in () if typed else (("votes", check_votes), ("seq", check_seq)):
            try:
                check(row[column])
            except ModelError:
                return f"{column} {not_a('a whole number in range', row[column])}"
    if entity == "cluster" and not _COLOR.fullmatch(row["color"]):
        return f"color {row['color'][:20]!r} is not a #RRGGBB color"
    if entity == "vote_round":
        from pofacil.board.model.votes import round_problem  # a file with votes only

        return round_problem(row)
    if entity == "vote":
        # Its round and note need not be there: an undone round keeps its votes for a redo.
        return None
    if entity == "link":
        if row["kind"] not in LINK_KINDS:
            return f"unknown link kind {row['kind'][:20]}"
        notes = notes_of[row["board"]]
        for end in ("source", "target"):
            if row[end] not in notes:
                return f"{end} {row[end]} is a missing or damaged note"
    return None
