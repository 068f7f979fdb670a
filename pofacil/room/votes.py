"""Dot votes from phones: what the page shows of the open round, and a device spending or
taking back a vote (the votes API of pofacil/board/ops/votes.py, source ``device:<id>``).

A device sees the notes being voted on (their text only, never who said them, nor others'
votes) and its own votes; the budget per device is the round's and is enforced by the core.
A vote is written with ``Session.record``: in the file with its history line before the
phone is told, and never an undo step of the lead.
"""

from __future__ import annotations

import hashlib
from typing import Any

from pofacil.board.model import Board
from pofacil.board.model.errors import ModelError, StorageError, UnstorableChange
from pofacil.board.model.votes import VoteRound
from pofacil.board.ops import votes
from pofacil.board.session import Session

CLOSED = {"open": False}


def source_of(device: str) -> str:
    """The vote source of a device cookie: a digest, so the file never holds the cookie."""
    return votes.DEVICE + hashlib.sha256(device.encode()).hexdigest()[:16]


def _open_round(session: Session) -> tuple[Board, VoteRound] | None:
    for board in session.workshop.ordered_boards():
        rnd = votes.open_round_of(board)
        if rnd is not None:
            return board, rnd
    return None


def vote_state(session: Session, device: str) -> dict[str, Any]:
    """What the page shows: the open round's notes with this device's votes on each, and
    the votes it has left; ``{"open": False}`` while no vote is open."""
    found = _open_round(session)
    if found is None:
        return CLOSED
    board, rnd = found
    source = source_of(device)
    mine: dict[str, int] = {}
    for vote in board.votes.values():
        if vote.round == rnd.id and vote.source == source:
            mine[vote.note] = mine.get(vote.note, 0) + 1
    return {
        "open": True,
        "round": rnd.id,
        "per_person": rnd.per_person,
        "left": votes.budget_left(board, rnd, source),
        "notes": [
            {"id": n.id, "text": n.text, "mine": mine.get(n.id, 0)}
            for n in votes.scope_notes(board, rnd)
        ],
    }


def cast(session: Session, device: str, round_id: str, note: str, back: bool) -> dict[str, Any]:
    """Spend a vote on ``note`` (or take one back); the page's new state, or ``error``
    ("closed" when the round is no longer open, "refused" for the budget or a note outside
    the vote, "unavailable" when the file cannot take it)."""
    found = _open_round(session)
    if found is None or found[1].id != round_id:
        return {"error": "closed"}
    build = votes.take_back if back else votes.add_vote
    try:
        change = build(session.workshop, round_id, note, source_of(device))
        session.record(change, "room")
    except (StorageError, UnstorableChange):
        return {"error": "unavailable"}
    except ModelError:
        return {"error": "refused", **vote_state(session, device)}
    return vote_state(session, device)
