"""What SQLite is asked about a workshop file as a whole, without the model: that its structure
is sound (tables, columns, pages), which rows' values all have their columns' types, that a
board's cells have the shape of a cell, and the one-line error a damaged file gives.

The model-free half of reading a file: `pofacil info` and `check` stop here, and the rest of
:mod:`.rows` (judging rows one by one, building the workshop) builds on it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from pofacil.board.model.errors import DamagedRowsWarning, NotAWorkshopFile
from pofacil.board.model.kinds import KIND_BY_ID
from pofacil.board.model.limits import SEQ_MAX, VOTES_MAX

from .migrations import ADDED_LATER, TABLES

_T = TypeVar("_T")
_D = TypeVar("_D")

TABLE_OF = {
    "workshop": "workshop",
    "board": "boards",
    "note": "notes",
    "cluster": "clusters",
    "link": "links",
    "vote_round": "vote_rounds",
    "vote": "votes",
    "point": "inbox",  # not in the model: the room's points (storage/inbox.py)
}
# Columns a row may leave NULL; every other one must hold a value of its type.
OPTIONAL = {
    ("boards", "cells"),
    ("notes", "cell"),
    ("notes", "cluster"),
    ("notes", "origin"),
    ("history", "board"),
    ("history", "state_at"),
    ("history", "state_by"),
    ("history", "undone_at"),
    ("history", "undone_by"),
    ("workshop", "facilitator"),
}
# The fields of model.workshop.Cell, the keys a cell of a board's JSON may have: named here
# so that reading cells needs no dataclass (tests/board/test_table_checks.py keeps them equal).
CELL_FIELDS = frozenset(("id", "row", "column", "row_en", "column_en", "group", "group_en", "kind"))

# The column types of migrations.TABLES asked of SQLite for a whole table at once: a query
# finding a row whose value does not fit. Checking 85,000 values of 5,000 notes one by one in
# Python took most of the time `pofacil info` spent reading; the per-value check
# (rows.fields_problem) runs only when this finds one.
_SQL_FITS: dict[type, str] = {
    str: "typeof([{c}]) = 'text'",
    # A number between the largest finite doubles: text and binary data compare above every
    # number, NULL as NULL. A third of the time of typeof() and abs().
    float: "coalesce([{c}] BETWEEN -1.7976931348623157e308 AND 1.7976931348623157e308, 0)",
    int: "typeof([{c}]) = 'integer'",
    bool: "(typeof([{c}]) = 'integer' AND [{c}] IN (0, 1))",
    bytes: "typeof([{c}]) = 'blob'",
}
# Whole numbers with a range of their own (limits.py), checked by SQLite with the types.
_SQL_RANGES = {
    ("notes", "votes"): f"[votes] BETWEEN 0 AND {VOTES_MAX}",
    ("notes", "seq"): f"[seq] BETWEEN 0 AND {SEQ_MAX}",
}
SOUND_SQL = {
    table: "SELECT 1 FROM [{}] WHERE NOT ({}) LIMIT 1".format(
        table,
        " AND ".join(
            [
                f"({_SQL_FITS[kind].format(c=column)} OR [{column}] IS NULL)"
                if (table, column) in OPTIONAL
                else _SQL_FITS[kind].format(c=column)
                for column, kind in columns.items()
            ]
            + [sql for (t, _), sql in _SQL_RANGES.items() if t == table]
        ),
    )
    for table, columns in TABLES.items()
}


def quick_check(conn: sqlite3.Connection, path: Path) -> None:
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
        # Not the columns yet: an older file gets those from its migration after this check.
        problems = schema_problems(conn, columns=False)
    except sqlite3.DatabaseError as exc:
        raise NotAWorkshopFile(
            "{path} is damaged: {reason}.", path=str(path), reason=str(exc)
        ) from None
    if result != "ok":
        # One line: SQLite's report puts line breaks inside a problem.
        raise NotAWorkshopFile(
            "{path} is damaged: {reason}.", path=str(path), reason=" ".join(str(result).split())
        )
    if problems:
        raise NotAWorkshopFile("{path} is damaged: {reason}.", path=str(path), reason=problems[0])


def schema_problems(conn: sqlite3.Connection, columns: bool) -> list[str]:
    """Missing tables, views standing in for tables and, with ``columns``, missing columns.

    Read from sqlite_master directly: sqlite-utils raises for a view where a table should be.
    """
    kinds = {
        name.lower(): kind
        for name, kind in conn.execute(
            "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view')"
        )
    }
    problems = []
    for table, wanted in TABLES.items():
        kind = kinds.get(table)
        if kind is None and not columns and table in ADDED_LATER:
            continue  # the migration after this check adds it
        if kind is None:
            problems.append(f"table {table} is missing")
        elif kind != "table":
            problems.append(f"table {table} is a {kind}, not a table")
        elif columns:
            have = {row[1] for row in conn.execute(f"PRAGMA table_info([{table}])")}
            missing = set(wanted) - have
            if missing:
                problems.append(f"table {table} lacks columns {', '.join(sorted(missing))}")
    return problems


def read_checked(
    conn: sqlite3.Connection, path: Path, read: Callable[[sqlite3.Connection], tuple[_T, _D]]
) -> tuple[_T, _D]:
    """``read`` the rows of a file whose structure is sound: a missing table or column, or a
    read SQLite fails, refuses the file with one line saying so."""
    try:
        problems = schema_problems(conn, columns=True)
        if problems:
            raise NotAWorkshopFile(
                "{path} is damaged: {reason}.", path=str(path), reason=problems[0]
            )
        return read(conn)
    except sqlite3.Error as exc:
        raise damaged_error(path, exc) from None


def damaged_error(path: Path, exc: sqlite3.Error) -> NotAWorkshopFile:
    return NotAWorkshopFile(
        "{path} is damaged ({reason}); 'pofacil check' lists the problems.",
        path=str(path),
        reason=str(exc),
    )


def damage_warning(path: Path, damaged: Iterable[object]) -> DamagedRowsWarning | None:
    """The message to show once when reading left ``damaged`` rows out; None when it left none."""
    named = [str(d) for d in damaged]
    if not named:
        return None
    rows = "; ".join(named[:3])
    if len(named) > 3:
        rows += f"; +{len(named) - 3}"
    return DamagedRowsWarning(
        "{path}: {count} damaged row(s) could not be read and are left out ({rows}); the "
        "file keeps them unchanged and 'pofacil check' lists them.",
        path=str(path),
        count=len(named),
        rows=rows,
    )


def cells_problem(text: str) -> str | None:
    """Why a board's cells (JSON) are not a list of cells, or None when they are."""
    try:
        cells = json.loads(text or "[]")
    except (ValueError, RecursionError):  # RecursionError: brackets nested thousands deep
        return "cells is not valid JSON"
    if not isinstance(cells, list):
        return "cells is not a list"
    for cell in cells:
        if (
            not isinstance(cell, dict)
            or not {"id", "row", "column"} <= cell.keys() <= CELL_FIELDS
            or not all(isinstance(v, str) for k, v in cell.items() if k != "kind")
            or cell.get("kind") not in (None, *KIND_BY_ID)
        ):
            return f"cells holds a malformed cell {json.dumps(cell, ensure_ascii=False)[:60]}"
    return None
