"""`pofacil info`'s summary: counted by SQLite for a sound file, row by row otherwise, and the
two agree."""

import sqlite3
from pathlib import Path

import pytest

from pofacil.board import ops
from pofacil.board.formats.sample import write_sample
from pofacil.board.session import Session
from pofacil.board.storage.summary import summarize, summarize_rows
from tests.camp import write_camp

DAMAGE = [
    "UPDATE notes SET kind = 'rumour' WHERE rowid = 3",
    "UPDATE notes SET board = 'gone' WHERE rowid = 4",
    "UPDATE notes SET votes = -2 WHERE rowid = 5",
    "UPDATE notes SET seq = 'first' WHERE rowid = 6",
    "UPDATE clusters SET color = 'red' WHERE rowid = 1",
    "UPDATE links SET target = 'nowhere' WHERE rowid = 1",
    "UPDATE links SET kind = 'rope' WHERE rowid = 1",
    "UPDATE boards SET cells = '[{\"id\": 1}]' WHERE rowid = 2",
    "UPDATE notes SET text = CAST(X'E4B8C328' AS TEXT) WHERE rowid = 7",
    # Numbers that are not finite, or not numbers at all.
    "UPDATE notes SET x = 9e999 WHERE rowid = 3",
    "UPDATE notes SET y = -9e999 WHERE rowid = 3",
    "UPDATE notes SET w = 'wide' WHERE rowid = 3",
    "UPDATE notes SET h = NULL WHERE rowid = 3",
    "UPDATE notes SET x = X'00' WHERE rowid = 3",
    "UPDATE notes SET deleted = 2 WHERE rowid = 3",
    "UPDATE notes SET deleted = NULL WHERE rowid = 3",
    # Text that is not UTF-8 in each kind of column, the ones compared with known text too.
    "UPDATE notes SET board = CAST(X'E4B8C328' AS TEXT) WHERE rowid = 3",
    "UPDATE notes SET kind = CAST(X'FF' AS TEXT) WHERE rowid = 3",
    "UPDATE notes SET author = CAST(X'C3' AS TEXT) WHERE rowid = 3",
    "UPDATE notes SET cell = CAST(X'80' AS TEXT) WHERE rowid = 3",
    "UPDATE notes SET created = CAST(X'E4B8' AS TEXT) WHERE rowid = 3",
    "UPDATE notes SET id = CAST(X'EDA080' AS TEXT) WHERE rowid = 3",
    "UPDATE boards SET id = CAST(X'E4B8C328' AS TEXT) WHERE rowid = 1",
]


def with_a_group(path: Path) -> Path:
    """The sample, with a group on its first board: it has none of its own."""
    session = Session.open(write_sample(path))
    try:
        board = session.workshop.ordered_boards()[0]
        notes = [n.id for n in board.live_notes()[:3]]
        session.do(ops.cluster_notes(session.workshop, notes, "人力"))
    finally:
        session.close()
    return path


def both(path: Path):
    conn = sqlite3.connect(path)
    try:
        return summarize(conn), summarize_rows(conn)
    finally:
        conn.close()


@pytest.mark.parametrize("make", [with_a_group, write_camp])
def test_a_sound_file_is_counted_the_same_both_ways(tmp_path: Path, make) -> None:
    fast, rows = both(make(tmp_path / "w.pofacil"))
    assert fast == rows and fast[1] == []
    assert sum(b["notes"] for b in fast[0]["boards"]) > 0


@pytest.mark.parametrize("sql", DAMAGE)
def test_a_damaged_row_is_left_out_and_named_either_way(tmp_path: Path, sql: str) -> None:
    path = with_a_group(tmp_path / "w.pofacil")
    conn = sqlite3.connect(path)
    conn.execute(sql)
    conn.commit()
    conn.close()
    fast, rows = both(path)
    assert fast == rows
    assert fast[1], "the damaged row is listed"
