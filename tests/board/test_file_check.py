"""`pofacil check` asks SQLite about a sound file's big tables and reads the rest row by row;
a damaged row sends it down the row-by-row path for everything. Either way it finds the same
problems."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pofacil.board.storage.store import Store
from tests.camp import write_camp

# Not damage to a row (load keeps the notes), but what check reports of a board.
ASTRAY = [
    "UPDATE notes SET cell = 'nowhere/none' WHERE rowid IN "
    "(SELECT rowid FROM notes ORDER BY rowid LIMIT 3)",
    "UPDATE notes SET cluster = 'gone' WHERE rowid IN "
    "(SELECT rowid FROM notes ORDER BY rowid DESC LIMIT 2)",
    "UPDATE notes SET deleted = 1, cluster = 'gone too' WHERE rowid = "
    "(SELECT rowid FROM notes ORDER BY rowid DESC LIMIT 1 OFFSET 2)",
]
# A row load leaves out, none of those above: SQLite's queries find it, so every row is judged
# in Python.
DAMAGED = (
    "UPDATE notes SET kind = 'rumour' WHERE rowid = "
    "(SELECT rowid FROM notes ORDER BY rowid LIMIT 1 OFFSET 10)"
)


def problems(path: Path, *sql: str) -> list[str]:
    conn = sqlite3.connect(path)
    for statement in sql:
        conn.execute(statement)
    conn.commit()
    conn.close()
    store = Store.open(path, read_only=True)
    try:
        return store.check()
    finally:
        store.close()


@pytest.fixture(scope="module")
def camp(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return write_camp(tmp_path_factory.mktemp("camp") / "camp.pofacil").read_bytes()


def copy(camp: bytes, path: Path) -> Path:
    path.write_bytes(camp)
    return path


def test_a_sound_camp_has_no_problem(camp: bytes, tmp_path: Path) -> None:
    assert problems(copy(camp, tmp_path / "w.pofacil")) == []


def test_both_paths_count_notes_astray_alike(camp: bytes, tmp_path: Path) -> None:
    by_sql = problems(copy(camp, tmp_path / "a.pofacil"), *ASTRAY)
    by_rows = problems(copy(camp, tmp_path / "b.pofacil"), *ASTRAY, DAMAGED)
    assert len(by_rows) == len(by_sql) + 1
    assert by_rows[0].endswith("unknown kind rumour")
    assert by_rows[1:] == by_sql
    assert any(p.startswith("3 notes in a missing cell on board ") for p in by_sql)
    # A deleted note in a missing group counts too, as load keeps it for an undo.
    assert any(p.startswith("3 notes in a missing group on board ") for p in by_sql)
