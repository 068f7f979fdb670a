"""Phones spend and take back dot votes through the room: per-device budgets held by the core,
votes in the file before the phone is told, never an undo step of the lead."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from pofacil.board.ops import votes
from pofacil.board.session import Session
from pofacil.room.server import Room
from pofacil.room.sink import FileSink

from .phone import Phone


def open_vote(path: Path, per_person: int = 2) -> list[str]:
    """A vote on the table board, opened by the lead in the app beforehand; its notes' ids."""
    session = Session.open(path)
    try:
        board = next(b for b in session.workshop.ordered_boards() if b.cells)
        session.do(votes.open_round(session.workshop, board.id, per_person=per_person))
        rnd = votes.open_round_of(board)
        assert rnd is not None
        return [n.id for n in votes.scope_notes(board, rnd)]
    finally:
        session.close()


def vote(phone: Phone, state: dict, note: str, back: bool = False):
    body = {"round": state["round"], "note": note, "back": back}
    return phone.post(json.dumps(body).encode(), url=phone.url + "/votes")


def test_a_phone_spends_its_budget_and_takes_a_vote_back(workshop: Path) -> None:
    notes = open_vote(workshop, per_person=2)
    sink = FileSink(workshop)
    room = Room(sink, ["127.0.0.1"], on_workshop=sink.on_workshop)
    room.start()
    try:
        phone = Phone(room.url())
        phone.get()
        state = phone.get(room.url() + "/votes").json()
        assert state["open"] and state["left"] == 2
        assert [n["id"] for n in state["notes"]] == notes
        assert all(set(n) == {"id", "text", "mine"} for n in state["notes"])  # no speakers
        assert vote(phone, state, notes[0]).json()["left"] == 1
        after = vote(phone, state, notes[0]).json()
        assert after["left"] == 0 and after["notes"][0]["mine"] == 2
        refused = vote(phone, state, notes[1])
        assert refused.status == 409 and refused.json()["error"] == "refused"
        back = vote(phone, state, notes[0], back=True).json()
        assert back["left"] == 1 and back["notes"][0]["mine"] == 1
        other = Phone(room.url())  # another device has a budget of its own
        other.get()
        assert vote(other, state, notes[1]).json()["left"] == 1
        assert vote(phone, state, "not-a-note").status == 409
    finally:
        room.stop()
        sink.close()
    with sqlite3.connect(workshop) as conn:
        sources = conn.execute("SELECT source FROM votes").fetchall()
        states = {s for (s,) in conn.execute("SELECT state FROM history WHERE actor = 'room'")}
    assert len(sources) == 2 and all(s.startswith("device:") for (s,) in sources)
    assert states == {"recorded"}  # no undo step of the lead
    session = Session.open(workshop)
    try:
        assert session.undo_label() == "open vote"  # the lead's last step is still the open
    finally:
        session.close()


def test_no_vote_open_shows_nothing_and_refuses_votes(room: Room) -> None:
    phone = Phone(room.url())
    phone.get()
    assert phone.get(room.url() + "/votes").json() == {"open": False}
    assert vote(phone, {"round": "x"}, "y").status in (403, 409)
    assert Phone(room.url()).get(room.url() + "/votes").status == 403  # no device cookie
