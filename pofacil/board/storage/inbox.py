"""Reading the room's inbox (the ``inbox`` table, see model/points.py) from a workshop file.

Points are written like any row, through :meth:`Store.commit` with a history line in state
``room`` (pofacil/room/receive.py); this module only reads them back.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from pofacil.board.model.points import SET_ASIDE, WAITING, Point

from .rows import fields_problem

_COLUMNS = "id, key, board, text, author, received, state"


@dataclass(frozen=True)
class InboxCounts:
    """How many points are waiting, were accepted (are notes) and were set aside."""

    waiting: int = 0
    accepted: int = 0
    set_aside: int = 0

    @property
    def total(self) -> int:
        return self.waiting + self.accepted + self.set_aside


def read_points(conn: sqlite3.Connection, state: str | None = WAITING) -> list[Point]:
    """The points in ``state`` not yet on a board (all not on a board with None), oldest first.

    A row that is not a sound point (a tampered file) is skipped: the inbox never shows what
    it cannot read, and ``pofacil check`` names it.
    """
    sql = f"SELECT {_COLUMNS} FROM inbox WHERE id NOT IN (SELECT id FROM notes)"
    params: list[object] = []
    if state is not None:
        sql += " AND state = ?"
        params.append(state)
    try:
        cursor = conn.execute(sql + " ORDER BY received, rowid", params)
        rows = [dict(zip(_COLUMNS.split(", "), values, strict=True)) for values in cursor]
    except (sqlite3.OperationalError, UnicodeDecodeError):
        return []
    return [
        Point.from_row(row)
        for row in rows
        if fields_problem("inbox", row) is None and row["state"] in (WAITING, SET_ASIDE)
    ]


def known_keys(conn: sqlite3.Connection, keys: Iterable[str]) -> dict[str, str]:
    """Of ``keys``, those the inbox holds already, with their point's id: a retry's answer."""
    keys = list(keys)
    found: dict[str, str] = {}
    for start in range(0, len(keys), 500):  # SQLite's limit on bound parameters
        chunk = keys[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        found.update(conn.execute(f"SELECT key, id FROM inbox WHERE key IN ({marks})", chunk))
    return found


def inbox_counts(conn: sqlite3.Connection) -> InboxCounts:
    """Counted by SQLite; a file from before the inbox counts nothing."""
    try:
        accepted, set_aside, waiting = conn.execute(
            "SELECT COALESCE(SUM(id IN (SELECT id FROM notes)), 0),"
            f" COALESCE(SUM(id NOT IN (SELECT id FROM notes) AND state = '{SET_ASIDE}'), 0),"
            f" COALESCE(SUM(id NOT IN (SELECT id FROM notes) AND state = '{WAITING}'), 0)"
            " FROM inbox"
        ).fetchone()
    except sqlite3.OperationalError:
        return InboxCounts()
    return InboxCounts(int(waiting), int(accepted), int(set_aside))


def inbox_problems(rows: list[dict[str, object]]) -> list[str]:
    """What ``pofacil check`` says of the inbox's rows: a value of the wrong type, an
    unknown state."""
    problems = []
    for number, row in enumerate(rows, start=1):
        ident = row["id"] if isinstance(row.get("id"), str) else f"row {number}"
        problem = fields_problem("inbox", row)
        if problem is None and row.get("state") not in (WAITING, SET_ASIDE):
            problem = f"unknown state {str(row.get('state'))[:20]!r}"
        if problem is not None:
            problems.append(f"point {ident}: {problem}")
    return problems
