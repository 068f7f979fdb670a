"""The checks SQLite makes over a whole table say what the per-row checks in Python say: a value
SOUND_SQL lets through is one ``fields_problem`` accepts, and the other way round, in a file
pofacil wrote (declared column types) and in a crafted one (no types at all)."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pofacil.board.model import Cell
from pofacil.board.storage.migrations import TABLES
from pofacil.board.storage.rows import fields_problem, lenient_text
from pofacil.board.storage.table_checks import CELL_FIELDS, OPTIONAL, SOUND_SQL

from .strategies import NUMBERS

SOUND_NOTE = {
    "id": "n1",
    "board": "b1",
    "text": "交通",
    "kind": "idea",
    "x": 1.5,
    "y": -2.0,
    "w": 160.0,
    "h": 100.0,
    "cell": None,
    "cluster": None,
    "author": "",
    "created": "2026-05-01T09:00:00",
    "updated": "2026-05-01T09:00:00",
    "deleted": 0,
    "votes": 0,
    "origin": None,
    "collapsed": 0,
    "seq": 0,
}
# Ranges are row_problem's (limits.py), not a column type's: test_summary covers them.
COLUMNS = [c for c in TABLES["notes"] if c not in ("votes", "seq")]
_SQL_TYPE = {str: "TEXT", float: "REAL", int: "INTEGER", bool: "INTEGER", bytes: "BLOB"}

VALUES = st.one_of(
    st.none(),
    NUMBERS,
    st.sampled_from([0, 1, 2, -1, True, False, 0.0, 1.0, 0.5]),
    st.text(max_size=8),
    st.sampled_from(["1", "1.5", " 2", "1e999", "-inf", "NaN", "0x10", "", "\x00"]),
    st.binary(max_size=6),
    st.sampled_from([b"", b"\xe4\xb8", b"\xff", b"1"]),
)


def test_the_cell_fields_are_the_cell_dataclass_fields() -> None:
    assert {f.name for f in dataclasses.fields(Cell)} == CELL_FIELDS


def test_every_note_column_and_only_those_is_checked() -> None:
    assert set(SOUND_NOTE) == set(TABLES["notes"])
    assert {c for t, c in OPTIONAL if t == "notes"} == {"cell", "cluster", "origin"}


def _notes_table(conn: sqlite3.Connection, typed: bool) -> None:
    columns = ", ".join(
        f"[{c}] {_SQL_TYPE[kind]}" if typed else f"[{c}]" for c, kind in TABLES["notes"].items()
    )
    conn.execute(f"CREATE TABLE notes ({columns})")


def _python_says(conn: sqlite3.Connection) -> str | None:
    with lenient_text(conn):
        cursor = conn.execute("SELECT * FROM notes")
        names = [d[0] for d in cursor.description]
        row = dict(zip(names, cursor.fetchone(), strict=True))
    return fields_problem("notes", row)


@pytest.mark.parametrize("typed", [True, False], ids=["as-written", "crafted"])
@settings(max_examples=400, deadline=None)
@given(column=st.sampled_from(COLUMNS), value=VALUES, as_text=st.booleans())
def test_sql_and_python_agree_on_every_value(
    typed: bool, column: str, value: object, as_text: bool
) -> None:
    conn = sqlite3.connect(":memory:")
    try:
        _notes_table(conn, typed)
        row = {**SOUND_NOTE, column: value}
        try:
            conn.execute(
                f"INSERT INTO notes ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                list(row.values()),
            )
        except OverflowError:  # an integer SQLite cannot hold never reaches a file
            return
        if as_text and isinstance(value, bytes):
            # Bytes that claim to be text: how a file gets text that is not UTF-8.
            conn.execute(f"UPDATE notes SET [{column}] = CAST([{column}] AS TEXT)")
        sql_sound = conn.execute(SOUND_SQL["notes"]).fetchone() is None
        problem = _python_says(conn)
        if problem is not None and "invalid UTF-8" in problem and TABLES["notes"][column] is str:
            # Text all the same to SQLite: whether it decodes is the summary's own check.
            assert sql_sound
            return
        assert sql_sound == (problem is None), (column, value, problem)
    finally:
        conn.close()


def test_the_sound_sample_is_sound(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "n.db")
    _notes_table(conn, typed=True)
    conn.execute(
        f"INSERT INTO notes ({', '.join(SOUND_NOTE)}) VALUES ({', '.join('?' * len(SOUND_NOTE))})",
        list(SOUND_NOTE.values()),
    )
    assert conn.execute(SOUND_SQL["notes"]).fetchone() is None
    assert _python_says(conn) is None
    conn.close()
