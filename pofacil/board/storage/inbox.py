"""Reading the room's inbox (the ``inbox`` table, see model/points.py) from a workshop file.

Points are written like any row, through :meth:`Store.commit` with a history line in state
``room`` (pofacil/room/receive.py); this module only reads them back.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from pofacil.board.model.points import SET_ASIDE, WAITING, Point

from .connection import damaged
from .rows import fields_problem

_COLUMNS = "id, key, board, text, author, received, state"
# Through the notes' primary key, point by point: ``NOT IN (SELECT id FROM notes)`` would
# list every note of the workshop for each count (60 ms on a busy day, on the GUI thread).
_NOT_A_NOTE = "NOT EXISTS (SELECT 1 FROM notes WHERE notes.id = inbox.id)"


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
    return points_since(conn, 0, state)[0]


def points_since(
    conn: sqlite3.Connection, rowid: int, state: str | None = WAITING
) -> tuple[list[Point], int]:
    """:func:`read_points` of the rows after ``rowid`` only, and the last rowid read: what
    arrived since the inbox was last listed, without reading the day's points again."""
    sql = f"SELECT rowid, {_COLUMNS} FROM inbox WHERE rowid > ? AND {_NOT_A_NOTE}"
    params: list[object] = [rowid]
    if state is not None:
        sql += " AND state = ?"
        params.append(state)
    names = _COLUMNS.split(", ")
    try:
        rows = conn.execute(sql + " ORDER BY received, rowid", params).fetchall()
    except (sqlite3.OperationalError, UnicodeDecodeError):
        return [], rowid
    last = max((r[0] for r in rows), default=rowid)
    points = []
    for values in rows:
        row = dict(zip(names, values[1:], strict=True))
        if fields_problem("inbox", row) is None and row["state"] in (WAITING, SET_ASIDE):
            points.append(Point.from_row(row))
    return points, last


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
            f"SELECT COALESCE(SUM(NOT ({_NOT_A_NOTE})), 0),"
            f" COALESCE(SUM({_NOT_A_NOTE} AND state = '{SET_ASIDE}'), 0),"
            f" COALESCE(SUM({_NOT_A_NOTE} AND state = '{WAITING}'), 0)"
            " FROM inbox"
        ).fetchone()
    except sqlite3.OperationalError:
        return InboxCounts()
    except sqlite3.DatabaseError as exc:  # a page SQLite's quick check at the open let by
        raise damaged(conn, exc) from None
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


def room_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """The inbox's counts as ``export --json`` and the record give them: numbers only (points
    set aside are never on the board or in an export, but they are counted)."""
    counts = inbox_counts(conn)
    return {
        "received": counts.total,
        "accepted": counts.accepted,
        "waiting": counts.waiting,
        "set_aside": counts.set_aside,
    }


# The meeting record's line about the room, by language ({received}, {accepted}, {waiting},
# {set_aside} from :func:`room_counts`); the record adds it with
# ``room_record_line(conn, language)`` when points came from phones.
ROOM_RECORD = {
    "zh": "現場手機意見：收到 {received} 則，採用 {accepted} 則，"
    "待處理 {waiting} 則，擱置 {set_aside} 則。",
    "en": "Points from phones in the room: {received} received, {accepted} accepted, "
    "{waiting} waiting, {set_aside} set aside.",
}


def room_record_line(conn: sqlite3.Connection, language: str = "zh") -> str | None:
    """The record's line about the room's points; None when no phone sent any."""
    counts = room_counts(conn)
    if not counts["received"]:
        return None
    return ROOM_RECORD.get(language, ROOM_RECORD["en"]).format(**counts)
