"""Points in the workshop file: what a batch commits, retries, direct notes, accepting,
setting aside, and the lead's undo and redo left alone (no Qt, no server: the core)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pofacil.board import ops
from pofacil.board.formats.sample import write_sample
from pofacil.board.model.points import ANONYMOUS, SET_ASIDE, WAITING
from pofacil.board.ops.inbox import accept_point
from pofacil.board.session import Session
from pofacil.board.storage.inbox import inbox_counts, read_points
from pofacil.board.storage.migrations import SCHEMA_VERSION
from pofacil.room.receive import (
    RECEIVED,
    REFUSED,
    UNAVAILABLE,
    Arrival,
    Placement,
    moderate_point,
    receive,
)


@pytest.fixture
def session(tmp_path: Path):
    s = Session.open(write_sample(tmp_path / "w.pofacil"), actor="lead")
    yield s
    s.close()


def table_board(session: Session) -> str:
    return next(b.id for b in session.workshop.ordered_boards() if b.cells)


def test_a_point_is_in_the_file_with_its_history_line_once_received(session: Session) -> None:
    [receipt] = receive(session, [Arrival("k1", "兼任 PO 很忙", "")], Placement())
    assert receipt.status == RECEIVED
    # The file alone has it: a second connection reads it back.
    with sqlite3.connect(session.path) as other:
        points = read_points(other)
        lines = other.execute("SELECT state, actor, label FROM history").fetchall()
    assert [(p.text, p.author, p.id) for p in points] == [("兼任 PO 很忙", "", receipt.point)]
    assert lines[-1] == ("recorded", "room", "point from the room")


def test_a_retry_with_the_same_key_makes_no_second_point(session: Session) -> None:
    first = receive(session, [Arrival("same", "一個點", "")], Placement())
    again = receive(
        session, [Arrival("same", "一個點", ""), Arrival("same", "一個點", "")], Placement()
    )
    assert {r.point for r in first + again} == {first[0].point}
    assert len(read_points(session.store.conn)) == 1


def test_an_empty_or_too_long_point_is_refused_and_the_rest_received(session: Session) -> None:
    receipts = receive(
        session,
        [Arrival("a", "   ", ""), Arrival("b", "好" * 2001, ""), Arrival("c", "好", "")],
        Placement(),
    )
    assert [r.status for r in receipts] == [REFUSED, REFUSED, RECEIVED]


def test_points_are_no_undo_step_and_keep_the_leads_redo(session: Session) -> None:
    ws = session.workshop
    board = table_board(session)
    note = session.do(ops.add_note(ws, board, "主持人的便利貼")).subjects[0]
    session.undo()
    assert session.can_redo()
    receive(session, [Arrival("k", "手機送來的", "")], Placement(board, direct=True))
    assert session.can_redo()  # the lead's redo survives a phone's point
    session.redo()
    assert note in ws.board(board).notes
    session.undo()  # undoes the lead's note, not the phone's
    assert note not in ws.board(board).notes
    assert [n.text for n in ws.board(board).live_notes()].count("手機送來的") == 1


def test_direct_points_go_into_the_target_cell_with_the_anonymous_speaker(session: Session) -> None:
    board = session.workshop.board(table_board(session))
    target = board.cells[3].id
    receipts = receive(
        session,
        [Arrival("1", "<b>不是粗體</b>", ""), Arrival("2", "第二點", "林小姐")],
        Placement(board.id, direct=True, target=target),
    )
    notes = [board.notes[r.point] for r in receipts if r.point]
    assert [(n.cell, n.author, n.text) for n in notes] == [
        (target, ANONYMOUS, "<b>不是粗體</b>"),
        (target, "林小姐", "第二點"),
    ]
    assert inbox_counts(session.store.conn).accepted == 2


def test_accepting_is_the_leads_undo_step_and_undo_puts_the_point_back(session: Session) -> None:
    ws = session.workshop
    board = ws.board(table_board(session))
    [receipt] = receive(session, [Arrival("k", "資料開放", "")], Placement(board.id))
    [point] = read_points(session.store.conn)
    cell = board.cells[5].id
    session.do(accept_point(ws, point, board.id, "資料開放（改寫）", target=cell))
    note = board.notes[point.id]
    assert (note.cell, note.text, note.author, note.created) == (
        cell,
        "資料開放（改寫）",
        ANONYMOUS,
        point.received,
    )
    assert read_points(session.store.conn) == []
    assert session.undo_label() == "accept from the room"
    session.undo()
    assert [p.id for p in read_points(session.store.conn)] == [receipt.point]
    session.redo()
    assert point.id in board.notes and read_points(session.store.conn) == []


def test_set_aside_points_are_kept_counted_and_off_the_board(session: Session) -> None:
    receive(session, [Arrival("a", "離題的", ""), Arrival("b", "好的", "")], Placement())
    first, _ = read_points(session.store.conn)
    before = session.undo_label()
    moderate_point(session, first, SET_ASIDE)
    assert session.undo_label() == before  # no undo step
    assert [p.text for p in read_points(session.store.conn, SET_ASIDE)] == ["離題的"]
    assert inbox_counts(session.store.conn).set_aside == 1
    with pytest.raises(Exception, match="set aside"):
        accept_point(session.workshop, read_points(session.store.conn, SET_ASIDE)[0])
    moderate_point(session, read_points(session.store.conn, SET_ASIDE)[0], WAITING)
    assert inbox_counts(session.store.conn).waiting == 2


def test_a_file_that_cannot_take_writes_receives_nothing(session: Session) -> None:
    session.path.unlink()  # the stick pulled: the store refuses to write a moved file
    receipts = receive(session, [Arrival("k", "會不見嗎", "")], Placement(direct=True))
    assert [r.status for r in receipts] == [UNAVAILABLE]
    assert all(
        n.text != "會不見嗎" for b in session.workshop.boards.values() for n in b.notes.values()
    )


def test_an_older_file_gets_the_inbox_and_check_finds_it_sound(tmp_path: Path) -> None:
    path = write_sample(tmp_path / "old.pofacil")
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE inbox")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    session = Session.open(path)
    try:
        receive(session, [Arrival("k", "遷移後", "")], Placement())
        assert session.store.check() == []
    finally:
        session.close()


def test_check_names_a_tampered_point(session: Session) -> None:
    receive(session, [Arrival("k", "好", "")], Placement())
    session.store.conn.execute("UPDATE inbox SET state = 'bogus', text = x'ff00'")
    session.store.conn.commit()
    assert any("inbox" in p or "point" in p for p in session.store.check())
    assert read_points(session.store.conn) == []  # the inbox never shows what it cannot read
