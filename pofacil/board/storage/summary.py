"""What ``pofacil info`` shows: the workshop's details and its notes counted per board, cell
and group, read with sqlite3 alone, without building the model.

A sound file (every check :func:`rows.row_problem` makes holds) is counted by SQLite in a few
queries: the checks themselves are SQL over whole tables. Only when one of them finds
something are the rows read one by one, so that the summary leaves out exactly the rows
``load`` leaves out, and names them.

The sound file's path imports no dataclass, no model and no sqlite-utils (see
tests/board/test_lean_info.py): on a 5,000-note file importing them took longer than the
counting.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pofacil.board.model.kinds import KIND_BY_ID, LINK_KINDS

from .connection import open_checked
from .header import read_header
from .migrations import TABLES
from .table_checks import SOUND_SQL, TABLE_OF, cells_problem, read_checked

if TYPE_CHECKING:
    from pofacil.board.model import Row

    from .rows import DamagedRow

    # A sound file's rows as SQLite gives them: its details; its boards and groups; and its
    # notes counted per (board, deleted, cell, group).
    SoundFile = tuple[
        dict[str, str], list[Row], list[Row], list[tuple[str, int, str | None, str | None, int]]
    ]


def _listed(values: Iterable[str]) -> str:
    """An SQL list of string literals."""
    return ", ".join("'" + v.replace("'", "''") + "'" for v in values)


_HEX = "[0-9A-Fa-f]"
# One query per check row_problem makes beyond the column types: a row any of them finds
# sends the summary down the row-by-row path.
_DAMAGE_SQL = [
    "SELECT 1 FROM notes WHERE board NOT IN (SELECT id FROM boards) "
    f"OR kind NOT IN ({_listed(KIND_BY_ID)}) LIMIT 1",
    "SELECT 1 FROM clusters WHERE board NOT IN (SELECT id FROM boards) "
    f"OR NOT (color GLOB '#{_HEX * 6}') LIMIT 1",
    f"SELECT 1 FROM links AS k WHERE kind NOT IN ({_listed(LINK_KINDS)}) "
    "OR board NOT IN (SELECT id FROM boards) "
    "OR NOT EXISTS (SELECT 1 FROM notes AS n WHERE n.id = k.source AND n.board = k.board) "
    "OR NOT EXISTS (SELECT 1 FROM notes AS n WHERE n.id = k.target AND n.board = k.board) "
    "LIMIT 1",
]


# Texts the queries above have already found equal to valid text (a board's id, a kind's),
# so decoding them again proves nothing: a fifth of the decoding of 5,000 notes.
_VOUCHED = {("notes", "board"), ("notes", "kind")}
_ALL_TEXT = {
    table: "SELECT group_concat({}, char(1)) FROM [{}]".format(
        " || char(1) || ".join(
            f"coalesce([{c}], '')"
            for c, kind in TABLES[table].items()
            if kind is str and (table, c) not in _VOUCHED
        ),
        table,
    )
    for table in ("notes", "clusters", "links")
}
# Every count in one pass of SQLite over the notes.
_COUNT_SQL = (
    "SELECT board, deleted, cell, cluster, count(*) FROM notes "
    "GROUP BY board, deleted, cell, cluster"
)


def read_summary(path: Path) -> tuple[dict[str, Any], list[DamagedRow]]:
    """The summary of the workshop file at ``path``, opened read-only (the checks and errors
    of :meth:`Store.open <pofacil.board.storage.store.Store.open>` and ``load``), and the rows
    it left out."""
    read_header(path)
    conn, _ = open_checked(path, read_only=True)
    try:
        return read_checked(conn, path, summarize)
    finally:
        conn.close()


def summarize(conn: sqlite3.Connection) -> tuple[dict[str, Any], list[DamagedRow]]:
    """The summary, and the rows it had to leave out (none, for a sound file)."""
    conn.execute("BEGIN")
    try:
        counted = _counted_by_sql(conn)
    finally:
        conn.execute("COMMIT")
    return (counted, []) if counted is not None else summarize_rows(conn)


def read_sound(conn: sqlite3.Connection) -> SoundFile | None:
    """What a file holds when every check :func:`rows.row_problem` makes of its boards, groups,
    notes and links holds (asked of SQLite), or None when some row needs a closer look.
    Call it in a read transaction."""
    try:
        for table in TABLE_OF.values():
            if conn.execute(SOUND_SQL[table]).fetchone() is not None:
                return None
        for query in _DAMAGE_SQL:
            if conn.execute(query).fetchone() is not None:
                return None
        # Every text decoded once, as loading would, so one that is not UTF-8 raises here:
        # per table one string of all its texts, each after an ASCII byte so that two broken
        # halves cannot join into a character.
        for table in ("notes", "clusters", "links"):
            conn.execute(_ALL_TEXT[table]).fetchone()
        workshop = conn.execute("SELECT title, date, venue, facilitator FROM workshop").fetchall()
        boards = [
            dict(zip(("id", "name", "template", "position", "cells", "deleted"), row, strict=True))
            for row in conn.execute(
                "SELECT id, name, template, position, cells, deleted FROM boards"
            )
        ]
        groups = conn.execute(_COUNT_SQL).fetchall()
        clusters = [
            {"id": cid, "board": board, "name": name}
            for cid, board, name in conn.execute("SELECT id, board, name FROM clusters")
        ]
    except sqlite3.OperationalError as exc:
        if "decode" in str(exc):
            return None
        raise
    if len(workshop) != 1 or any(
        b["cells"] is not None and cells_problem(b["cells"]) for b in boards
    ):
        return None
    if not all(v is None or isinstance(v, str) for v in workshop[0]):
        return None  # a detail that is not text: the row-by-row path names it
    title, date, venue, facilitator = (v or "" for v in workshop[0])
    info = {"title": title, "date": date, "venue": venue, "facilitator": facilitator}
    return info, boards, clusters, groups


def _counted_by_sql(conn: sqlite3.Connection) -> dict[str, Any] | None:
    """The summary of a sound file, or None when some row needs a closer look."""
    sound = read_sound(conn)
    if sound is None:
        return None
    info, boards, clusters, groups = sound
    notes: Counter[str] = Counter()
    deleted: Counter[str] = Counter()
    in_cell: Counter[tuple[str, str]] = Counter()
    in_cluster: Counter[tuple[str, str]] = Counter()
    for board, gone, cell, cluster, count in groups:
        if gone:
            deleted[board] += count
            continue
        notes[board] += count
        if cell is not None:
            in_cell[board, cell] += count
        if cluster is not None:
            in_cluster[board, cluster] += count
    return report(info, boards, clusters, notes, deleted, in_cell, in_cluster)


def summarize_rows(conn: sqlite3.Connection) -> tuple[dict[str, Any], list[DamagedRow]]:
    """The summary from the rows ``load`` would keep, read one by one; what it left out."""
    from .rows import details, snapshot, sound_rows  # a damaged file's path only

    rows, sound = snapshot(conn)
    damaged: list[DamagedRow] = []
    info = details(rows, damaged)
    kept = sound_rows(rows, sound, damaged)
    live = [n for n in kept["note"] if not n["deleted"]]
    return report(
        info,
        kept["board"],
        kept["cluster"],
        Counter(n["board"] for n in live),
        Counter(n["board"] for n in kept["note"] if n["deleted"]),
        Counter((n["board"], n["cell"]) for n in live),
        Counter((n["board"], n["cluster"]) for n in live),
    ), damaged


def report(
    info: dict[str, str],
    boards: list[Row],
    clusters: list[Row],
    notes: Counter[str],
    deleted: Counter[str],
    in_cell: Counter[tuple[str, str]],
    in_cluster: Counter[tuple[str, str]],
) -> dict[str, Any]:
    """The summary's shape, whichever way the counts were made."""
    by_board: dict[str, list[Row]] = {}
    for cluster in clusters:
        by_board.setdefault(cluster["board"], []).append(cluster)
    out = []
    for board in sorted(
        (b for b in boards if not b["deleted"]), key=lambda b: (b["position"], b["name"])
    ):
        cells = json.loads(board["cells"] or "[]")
        out.append(
            {
                "name": board["name"],
                "template": board["template"],
                "notes": notes[board["id"]],
                "deleted_notes": deleted[board["id"]],
                "cells": [
                    {
                        "id": c["id"],
                        "row": c["row"],
                        "column": c["column"],
                        "row_en": c.get("row_en", ""),
                        "column_en": c.get("column_en", ""),
                        "group": c.get("group", ""),
                        "notes": in_cell[board["id"], c["id"]],
                    }
                    for c in cells
                ],
                "clusters": [
                    {"name": c["name"], "notes": in_cluster[board["id"], c["id"]]}
                    for c in by_board.get(board["id"], [])
                ],
            }
        )
    return {**info, "boards": out}
