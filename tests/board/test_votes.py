"""Dot voting in the core: a round at camp size on a real file, budgets per source, undo, and
phone votes that are never the lead's undo steps."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pofacil.board.model.errors import ModelError
from pofacil.board.model.votes import LEAD
from pofacil.board.ops import votes
from pofacil.board.session import Session
from tests.camp import TABLE, write_camp


@pytest.fixture
def camp(tmp_path: Path) -> Session:
    session = Session.open(write_camp(tmp_path / "camp.pofacil"), actor="桌長")
    yield session
    session.close()


def _board(session: Session):  # type: ignore[no-untyped-def]
    return session.workshop.find_board(TABLE)


def test_a_round_end_to_end_at_camp_size(camp: Session, tmp_path: Path) -> None:
    board = _board(camp)
    cell = "role/now"
    notes = sorted(board.notes_in(cell), key=lambda n: n.seq)
    assert len(notes) >= 17
    opened = camp.do(votes.open_round(camp.workshop, board.id, "cells", [cell], per_person=3))
    rnd = board.rounds[opened.patches[0].id]
    assert rnd.hidden and rnd.is_open
    # The last note of the cell gets 3 votes, the third 2: the sort must bring them first.
    for note, times in ((notes[-1], 3), (notes[2], 2), (notes[0], 1)):
        for _ in range(times):
            camp.do(votes.add_vote(camp.workshop, rnd.id, note.id))
    assert votes.counts(board, rnd)[notes[-1].id] == 3
    # A note outside the round takes no vote.
    outside = board.notes_in("system/now")[0]
    with pytest.raises(ModelError, match="not part of the vote"):
        votes.add_vote(camp.workshop, rnd.id, outside.id)
    camp.do(votes.take_back(camp.workshop, rnd.id, notes[0].id))
    with pytest.raises(ModelError, match="no vote to take back"):
        votes.take_back(camp.workshop, rnd.id, notes[0].id)
    camp.do(votes.reveal(camp.workshop, rnd.id))
    assert not board.rounds[rnd.id].hidden
    with pytest.raises(ModelError, match="Close the vote"):
        votes.sort_by_votes(camp.workshop, rnd.id)
    camp.do(votes.close_round(camp.workshop, rnd.id))
    with pytest.raises(ModelError, match="closed"):
        votes.add_vote(camp.workshop, rnd.id, notes[1].id)
    assert board.notes[notes[-1].id].votes == 3 and board.notes[notes[2].id].votes == 2
    camp.do(votes.sort_by_votes(camp.workshop, rnd.id))
    order = [n.id for n in sorted(board.notes_in(cell), key=lambda n: n.seq)]
    assert order[:2] == [notes[-1].id, notes[2].id]
    assert order[2:] == [n.id for n in notes if n.id not in order[:2]], "ties keep their order"
    assert {n.seq for n in board.notes_in(cell)} == {n.seq for n in notes}, "same seq values"
    # One undo step puts the order back; the file holds it all after reopening.
    assert camp.undo_label() == "sort by votes"
    camp.undo()
    assert [n.id for n in sorted(board.notes_in(cell), key=lambda n: n.seq)] == [
        n.id for n in notes
    ]
    camp.redo()
    path = camp.path
    camp.close()
    again = Session.open(path)
    try:
        board2 = again.workshop.find_board(TABLE)
        assert board2.rounds[rnd.id].state == "closed"
        assert len(board2.votes) == 5
        assert [n.id for n in sorted(board2.notes_in(cell), key=lambda n: n.seq)] == order
        assert again.store.check() == []
        actors = {
            h.label: h.actor
            for h in again.history()
            if h.label in ("open vote", "reveal votes", "close vote")
        }
        assert actors == {"open vote": "桌長", "reveal votes": "桌長", "close vote": "桌長"}
    finally:
        again.close()


def test_each_lead_vote_is_one_undo_step(camp: Session) -> None:
    board = _board(camp)
    note = board.live_notes()[0]
    rnd_id = camp.do(votes.open_round(camp.workshop, board.id)).patches[0].id
    for _ in range(5):  # the lead records for the room: no budget
        camp.do(votes.add_vote(camp.workshop, rnd_id, note.id))
    rnd = board.rounds[rnd_id]
    assert votes.budget_left(board, rnd, LEAD) is None
    camp.undo()
    camp.undo()
    assert votes.counts(board, rnd)[note.id] == 3
    camp.redo()
    assert votes.counts(board, rnd)[note.id] == 4


def test_a_device_has_a_budget_and_its_votes_leave_the_leads_undo_and_redo(camp: Session) -> None:
    board = _board(camp)
    a, b = board.live_notes()[:2]
    rnd_id = camp.do(votes.open_round(camp.workshop, board.id, per_person=2)).patches[0].id
    camp.do(votes.add_vote(camp.workshop, rnd_id, a.id))
    camp.do(votes.add_vote(camp.workshop, rnd_id, b.id))
    camp.undo()  # the lead's vote for b, waiting to be redone
    phone = "device:7f3a"
    camp.record(votes.add_vote(camp.workshop, rnd_id, a.id, phone), phone)
    camp.record(votes.add_vote(camp.workshop, rnd_id, a.id, phone), phone)  # two on one note
    with pytest.raises(ModelError, match="All 2 votes are spent"):
        votes.add_vote(camp.workshop, rnd_id, b.id, phone)
    rnd = board.rounds[rnd_id]
    assert votes.budget_left(board, rnd, phone) == 0
    assert votes.budget_left(board, rnd, "device:other") == 2
    # The lead's redo is still there, and undo reaches the lead's own vote, not the phone's.
    assert camp.redo_label() == "vote"
    camp.redo()
    camp.undo()
    camp.undo()
    assert votes.counts(board, rnd) == {a.id: 2}
    assert {v.source for v in board.votes.values()} == {phone}
    # A device takes back its own vote only.
    camp.record(votes.take_back(camp.workshop, rnd_id, a.id, phone), phone)
    with pytest.raises(ModelError, match="no vote to take back"):
        votes.take_back(camp.workshop, rnd_id, a.id, "device:other")
    lines = [h for h in camp.history() if h.actor == phone]
    assert len(lines) == 3 and {h.state for h in lines} == {"recorded"}
    assert camp.store.check() == []


def test_undoing_the_open_keeps_the_phones_votes_for_a_redo(camp: Session) -> None:
    board = _board(camp)
    note = board.live_notes()[0]
    rnd_id = camp.do(votes.open_round(camp.workshop, board.id)).patches[0].id
    camp.record(votes.add_vote(camp.workshop, rnd_id, note.id, "device:1"), "device:1")
    camp.undo()
    assert rnd_id not in board.rounds and len(board.votes) == 1
    assert votes.open_round_of(board) is None
    assert camp.store.check() == []
    camp.redo()
    assert votes.counts(board, board.rounds[rnd_id]) == {note.id: 1}


@pytest.mark.parametrize("source", ["", "device:", "device:  ", "phone:1", "Lead", "leader"])
def test_a_vote_names_its_source(camp: Session, source: str) -> None:
    board = _board(camp)
    rnd_id = camp.do(votes.open_round(camp.workshop, board.id)).patches[0].id
    note = board.live_notes()[0].id
    with pytest.raises(ModelError, match="device:ID"):
        votes.add_vote(camp.workshop, rnd_id, note, source)
    with pytest.raises(ModelError, match="device:ID"):
        votes.take_back(camp.workshop, rnd_id, note, source)


def test_rules_of_opening(camp: Session) -> None:
    board = _board(camp)
    ws = camp.workshop
    for per_person in (0, 100, -1):
        with pytest.raises(ModelError, match="from 1 to 99"):
            votes.open_round(ws, board.id, per_person=per_person)
    with pytest.raises(ModelError, match="cells"):
        votes.open_round(ws, board.id, "cells", ["no/such"])
    with pytest.raises(ModelError, match="notes"):
        votes.open_round(ws, board.id, "notes", [])
    with pytest.raises(ModelError, match="scope"):
        votes.open_round(ws, board.id, "room")
    picked = [n.id for n in board.live_notes()[:4]]
    rnd_id = camp.do(votes.open_round(ws, board.id, "notes", picked)).patches[0].id
    with pytest.raises(ModelError, match="already open"):
        votes.open_round(ws, board.id)
    rnd = board.rounds[rnd_id]
    assert [n.id for n in votes.scope_notes(board, rnd)] == sorted(
        picked, key=lambda i: board.notes[i].seq
    )
    camp.do(votes.close_round(ws, rnd_id))
    with pytest.raises(ModelError, match="already in order"):
        votes.sort_by_votes(ws, rnd_id)


def test_a_tampered_round_is_left_out_and_named(camp: Session) -> None:
    board = _board(camp)
    rnd_id = camp.do(votes.open_round(camp.workshop, board.id)).patches[0].id
    path = camp.path
    camp.close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE vote_rounds SET per_person = 1000, state = 'maybe'")
    conn.commit()
    conn.close()
    again = Session.open(path)
    try:
        assert rnd_id not in again.workshop.find_board(TABLE).rounds
        assert any("vote_round" in p and "state" in p for p in again.store.check())
    finally:
        again.close()


def test_an_older_file_gets_the_vote_tables(tmp_path: Path) -> None:
    path = write_camp(tmp_path / "old.pofacil", total=20)
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE votes")
    conn.execute("DROP TABLE vote_rounds")
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()
    session = Session.open(path)
    try:
        board = _board(session)
        session.do(votes.open_round(session.workshop, board.id))
        assert session.store.check() == []
    finally:
        session.close()


def _closed_round(session: Session, cell: str = "role/now") -> tuple[str, dict[str, int]]:
    """A closed round on a cell of the camp table: note id -> votes given."""
    board = _board(session)
    ws = session.workshop
    notes = sorted(board.notes_in(cell), key=lambda n: n.seq)
    rnd = session.do(votes.open_round(ws, board.id, "cells", [cell])).patches[0].id
    given = {notes[0].id: 2, notes[4].id: 5, notes[7].id: 1}
    for note_id, times in given.items():
        for _ in range(times):
            session.do(votes.add_vote(ws, rnd, note_id))
    session.record(votes.add_vote(ws, rnd, notes[7].id, "device:x"), "device:x")
    given[notes[7].id] += 1
    session.do(votes.close_round(ws, rnd))
    return rnd, given


def test_a_merge_brings_the_rounds_and_their_votes(camp: Session, tmp_path: Path) -> None:
    from pofacil.board.ops.merge import merge_boards
    from pofacil.board.storage.other_file import read_other

    rnd, given = _closed_round(camp)
    path = camp.path
    camp.close()
    main = Session.create(tmp_path / "main.pofacil", boards=[("issue-context", TABLE)])
    try:
        other = read_other(path, main.path).workshop
        main.do(merge_boards(main.workshop, other, path.name).change)
        copy = main.workshop.find_board(f"{TABLE} (2)")
        [new_round] = copy.rounds.values()
        assert new_round.id != rnd and new_round.state == "closed"
        by_origin = {copy.notes[n].origin: c for n, c in votes.counts(copy, new_round).items()}
        assert by_origin == given
        assert {copy.notes[n].origin: copy.notes[n].votes for n in copy.notes} == {
            n: given.get(n, 0) for n in other.find_board(TABLE).notes
        }
        assert main.store.check() == []
    finally:
        main.close()


def test_json_export_and_the_csv_round_trip_hold_the_totals(camp: Session, tmp_path: Path) -> None:
    import csv
    import io
    import json

    from pofacil.board.formats.importers import parse_csv
    from pofacil.board.formats.json_export import export_json
    from pofacil.board.formats.minutes import csv_text

    rnd, given = _closed_round(camp)
    data = json.loads(export_json(camp.workshop, tmp_path / "w.json").read_text("utf-8"))
    [board_json] = data["boards"]
    [round_json] = board_json["vote_rounds"]
    assert round_json["id"] == rnd and round_json["state"] == "closed"
    assert round_json["votes"] == given and round_json["sources"] == 2
    assert round_json["members"] == ["role/now"] and round_json["per_person"] == 3
    assert {n["id"]: n["votes"] for n in board_json["notes"] if n["votes"]} == given
    text = csv_text(camp.workshop)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["text"]: int(r["votes"]) for r in rows if r["votes"] != "0"} == {
        _board(camp).notes[n].text: c for n, c in given.items()
    }
    fresh = Session.create(tmp_path / "again.pofacil", boards=[("issue-context", TABLE)])
    try:
        parsed = parse_csv(text, fresh.workshop.find_board(TABLE), workshop=fresh.workshop)
        assert sorted(n.votes for n in parsed.notes if n.votes) == sorted(given.values())
    finally:
        fresh.close()
