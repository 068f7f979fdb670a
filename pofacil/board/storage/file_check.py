"""``pofacil check``: every problem in a workshop file, read with sqlite3 alone.

A file whose boards, groups, notes and links SQLite finds sound (:func:`.summary.read_sound`)
is not read again row by row: only the small tables those queries do not judge (the details,
the boards, the vote rounds and votes, the room's points) are, as ``load`` reads them. The
history is always read line by line, as undo would read each one.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from typing import TYPE_CHECKING

from pofacil.board.model.errors import DamagedHistoryError

from .history_patches import line_patches
from .rows import details, lenient_text, snapshot, sound_rows
from .summary import read_sound
from .table_checks import schema_problems

if TYPE_CHECKING:
    from pofacil.board.model import Row

    from .rows import DamagedRow

# What a sound file's queries leave to be read row by row.
_NOT_ASKED = ("workshop", "board", "vote_round", "vote", "point")


def check_file(conn: sqlite3.Connection) -> list[str]:
    """Every problem found in the file; an empty list means it is sound.

    Damage is what it reports, so it never raises for it: a file SQLite cannot read at all
    gives one problem saying so.
    """
    try:
        # One line each: SQLite's own report puts line breaks inside a problem.
        problems = [
            " ".join(str(r[0]).split())
            for r in conn.execute("PRAGMA integrity_check").fetchall()
            if r[0] != "ok"
        ]
        problems += schema_problems(conn, columns=True)
        if problems:
            return problems
        problems += _row_problems(conn)
        unknown = conn.execute(
            "SELECT COUNT(*) FROM history "
            "WHERE state NOT IN ('done', 'undone', 'dropped', 'recorded')"
        ).fetchone()[0]
        if unknown:
            problems.append(f"{unknown} history lines in an unknown state")
        with lenient_text(conn):
            cursor = conn.execute("SELECT * FROM history ORDER BY id")
            names = [d[0] for d in cursor.description]
            lines = [dict(zip(names, values, strict=False)) for values in cursor]
        for row in lines:
            try:
                line_patches(row)
            except DamagedHistoryError as exc:
                problems.append(f"history line {row['id']} is unreadable ({exc.params['reason']})")
    except sqlite3.DatabaseError as exc:
        problems = [f"the file cannot be read ({exc})"]
    return problems


def counts(conn: sqlite3.Connection) -> tuple[int, int, int]:
    """(live boards, notes, history lines), counted by SQLite: nothing is decompressed."""
    boards, notes, lines = (
        conn.execute(sql).fetchone()[0]
        for sql in (
            "SELECT COUNT(*) FROM boards WHERE NOT deleted",
            "SELECT COUNT(*) FROM notes",
            "SELECT COUNT(*) FROM history",
        )
    )
    return boards, notes, lines


def _row_problems(conn: sqlite3.Connection) -> list[str]:
    """The rows as ``load`` judges them, without building the model from them."""
    conn.execute("BEGIN")
    try:
        sound = read_sound(conn)
    finally:
        conn.execute("COMMIT")
    in_cell: Counter[tuple[str, str | None]] = Counter()
    in_group: Counter[tuple[str, str | None]] = Counter()
    if sound is None:
        rows, typed = snapshot(conn)
    else:
        rows, typed = snapshot(conn, _NOT_ASKED)
        rows.update(cluster=[], note=[], link=[])  # sound, as SQLite found them
    damaged: list[DamagedRow] = []
    details(rows, damaged)
    kept = sound_rows(rows, typed, damaged)
    problems = [str(d) for d in damaged]
    if rows["point"]:
        from .inbox import inbox_problems  # the room's model, for a file the room wrote to

        problems += inbox_problems(rows["point"])
    groups: list[Row]
    if sound is None:
        groups = kept["cluster"]
        for note in kept["note"]:
            in_cell[note["board"], note["cell"]] += 1
            in_group[note["board"], note["cluster"]] += 1
    else:
        groups = sound[2]
        for board_id, _, cell, cluster, count in sound[3]:
            in_cell[board_id, cell] += count
            in_group[board_id, cluster] += count
    group_ids = {(g["board"], g["id"]) for g in groups}
    for board in kept["board"]:
        cells = {c["id"] for c in json.loads(board["cells"] or "[]")}
        for count, what in (
            (
                sum(
                    n
                    for (b, cell), n in in_cell.items()
                    if b == board["id"] and cell is not None and cell not in cells
                ),
                "notes in a missing cell",
            ),
            (
                sum(
                    n
                    for (b, group), n in in_group.items()
                    if b == board["id"] and group is not None and (b, group) not in group_ids
                ),
                "notes in a missing group",
            ),
        ):
            if count:
                problems.append(f"{count} {what} on board {board['name']}")
    return problems
