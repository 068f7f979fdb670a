"""Dot voting: a round on a board, a cell or chosen notes, and the votes cast in it.

The API (every builder returns a :class:`~pofacil.board.model.Change`; none writes anything)::

    open_round(ws, board_id, scope="board", members=(), per_person=3, hidden=True)
        scope "board" (members unused), "cells" (members: cell ids) or "notes" (note ids).
        One open round per board. Label "open vote".
    add_vote(ws, round_id, note_id, source=LEAD)        one dot; label "vote"
    take_back(ws, round_id, note_id, source=LEAD)       the source's newest dot on the note;
                                                        label "take back vote"
    reveal(ws, round_id)                                totals shown; label "reveal votes"
    close_round(ws, round_id)                           no more votes; each note of the scope
                                                        gets its total in ``Note.votes``;
                                                        label "close vote"
    sort_by_votes(ws, round_id)                         a closed round's notes, most votes
                                                        first within each cell (their seq);
                                                        label "sort by votes"
    open_round_of(board) / latest_round(board) / round_of(ws, round_id)
    shown_votes(board) -> (note -> int)                 what the notes' dots show
    in_scope(board, rnd, note) / scope_notes(board, rnd)
    counts(board, rnd) -> Counter of note id -> votes;  spent(board, rnd, source) -> int
    budget_left(board, rnd, source) -> int | None       (None: no budget, the lead)

A vote records its ``source``: :data:`~pofacil.board.model.votes.LEAD` for the pofacil
window, or ``"device:<id>"`` (:data:`DEVICE` and a non-empty id) for a participant's phone;
any other source is refused. The budget is enforced here, per
source: a device may cast ``per_person`` votes in a round (and more than one on a note). The
lead records the votes the room calls out, for any number of people, so the lead source has
no budget.

Undo: the lead's changes go through ``Session.do``, so each vote (and each take-back) is one
undo step, and so are open, reveal, close and sort. A device's vote goes through
``Session.record``: written with its history line in the same transaction, but never an undo
step of the lead and never dropping the lead's redo. That works because each vote is a row
of its own: undoing the lead's vote removes that row only, and a phone's votes are other
rows. Undoing "open vote" takes the round away but keeps the votes cast in it (they are
ignored without their round, and come back with a redo). The history line of each change
says who opened, revealed and closed the round (its actor).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable

from pofacil.board.model import (
    Board,
    Change,
    Note,
    Patch,
    Workshop,
    display_order,
    new_id,
    now,
    to_row,
)
from pofacil.board.model.errors import ModelError
from pofacil.board.model.votes import LEAD, PER_PERSON_MAX, SCOPES, Vote, VoteRound

from .notes import make_change, update_patch

DEFAULT_PER_PERSON = 3
DEVICE = "device:"  # a participant's phone: "device:" and the id the room server gives it
__all__ = [
    "DEFAULT_PER_PERSON",
    "DEVICE",
    "LEAD",
    "add_vote",
    "budget_left",
    "close_round",
    "counts",
    "in_scope",
    "latest_round",
    "open_round",
    "open_round_of",
    "reveal",
    "round_of",
    "scope_notes",
    "shown_votes",
    "sort_by_votes",
    "spent",
    "take_back",
]


# -- reading ---------------------------------------------------------------------------------
def open_round_of(board: Board) -> VoteRound | None:
    """The board's open round, if a vote is going on."""
    return next((r for r in board.rounds.values() if r.is_open), None)


def latest_round(board: Board) -> VoteRound | None:
    """The open round, else the one closed last: what the board shows dots for."""
    current = open_round_of(board)
    if current is not None:
        return current
    closed = [r for r in board.rounds.values() if not r.is_open]
    return max(closed, key=lambda r: (r.closed, r.opened, r.id), default=None)


def round_of(ws: Workshop, round_id: str) -> tuple[Board, VoteRound]:
    for board in ws.boards.values():
        if round_id in board.rounds:
            return board, board.rounds[round_id]
    raise ModelError("There is no vote round with id {id}.", id=round_id)


def in_scope(board: Board, rnd: VoteRound, note: Note) -> bool:
    """Whether a live note of the board can take votes in the round."""
    if note.deleted or note.board != board.id:
        return False
    if rnd.scope == "cells":
        return note.cell in rnd.member_ids()
    if rnd.scope == "notes":
        return note.id in rnd.member_ids()
    return True


def scope_notes(board: Board, rnd: VoteRound) -> list[Note]:
    """The round's live notes, in the board's display order."""
    if rnd.scope == "notes":
        ids = rnd.member_ids()
        notes = [board.notes[i] for i in ids if i in board.notes]
    elif rnd.scope == "cells":
        notes = [n for cell in rnd.member_ids() for n in board.notes_in(cell)]
    else:
        notes = board.live_notes()
    return sorted((n for n in notes if not n.deleted), key=display_order)


def _votes_of(board: Board, rnd: VoteRound) -> list[Vote]:
    return [v for v in board.votes.values() if v.round == rnd.id]


def counts(board: Board, rnd: VoteRound) -> Counter[str]:
    """Votes per note id in the round (notes since deleted included)."""
    return Counter(v.note for v in _votes_of(board, rnd))


def shown_votes(board: Board) -> Callable[[Note], int]:
    """How many votes each note of the board shows (screen and PDF): an open round's count
    once revealed, none while its totals are hidden, otherwise the total its last closed round
    gave it. The counts are taken once, so a page of notes costs one pass over the votes."""
    rnd = open_round_of(board)
    if rnd is None:
        return lambda note: note.votes
    totals = Counter() if rnd.hidden else counts(board, rnd)
    members = set(rnd.member_ids())  # parsed once, not once per note

    def shown(note: Note) -> int:
        if rnd.scope == "cells":
            inside = note.cell in members
        else:
            inside = rnd.scope != "notes" or note.id in members
        return totals[note.id] if inside else note.votes

    return shown


def spent(board: Board, rnd: VoteRound, source: str) -> int:
    return sum(v.source == source for v in _votes_of(board, rnd))


def budget_left(board: Board, rnd: VoteRound, source: str) -> int | None:
    """Votes the source may still cast; None for the lead, who has no budget."""
    if source == LEAD:
        return None
    return max(0, rnd.per_person - spent(board, rnd, source))


# -- changing --------------------------------------------------------------------------------
def open_round(
    ws: Workshop,
    board_id: str,
    scope: str = "board",
    members: Iterable[str] = (),
    per_person: int = DEFAULT_PER_PERSON,
    hidden: bool = True,
) -> Change:
    """Start a vote on a whole board, some of its cells or chosen notes."""
    board = ws.board(board_id)
    if open_round_of(board) is not None:
        raise ModelError("A vote is already open on board {name}; close it first.", name=board.name)
    if scope not in SCOPES:
        raise ModelError("Unknown vote scope {scope}.", scope=scope)
    if type(per_person) is not int or not 1 <= per_person <= PER_PERSON_MAX:
        raise ModelError(
            "Votes per person must be a whole number from 1 to {max}.", max=PER_PERSON_MAX
        )
    ids = list(dict.fromkeys(members)) if scope != "board" else []
    if scope == "cells":
        known = {c.id for c in board.cells}
        if not ids or any(i not in known for i in ids):
            raise ModelError(
                "Choose one or more cells of board {name} to vote on.", name=board.name
            )
    if scope == "notes":
        live = {n.id for n in board.live_notes()}
        if not ids or any(i not in live for i in ids):
            raise ModelError("Choose notes of board {name} to vote on.", name=board.name)
    rnd = VoteRound(
        new_id(),
        board.id,
        scope=scope,
        members=json.dumps(ids),
        per_person=per_person,
        hidden=hidden,
        opened=now(),
    )
    if not scope_notes(board, rnd):
        raise ModelError("There are no notes to vote on here.")
    return Change("open vote", [Patch("vote_round", rnd.id, None, to_row(rnd))], board.id)


def _open(ws: Workshop, round_id: str) -> tuple[Board, VoteRound]:
    board, rnd = round_of(ws, round_id)
    if not rnd.is_open:
        raise ModelError("This vote is closed; open a new one to vote again.")
    return board, rnd


def _check_source(source: str) -> None:
    device = source.removeprefix(DEVICE)
    if source != LEAD and (device == source or not device.strip()):
        raise ModelError(
            "A vote comes from the lead or from a device (device:ID), not {source}.",
            source=source[:40],
        )


def add_vote(ws: Workshop, round_id: str, note_id: str, source: str = LEAD) -> Change:
    """One vote for a note, refused past the source's budget or outside the round."""
    _check_source(source)
    board, rnd = _open(ws, round_id)
    note = board.notes.get(note_id)
    if note is None or not in_scope(board, rnd, note):
        raise ModelError("This note is not part of the vote.")
    if budget_left(board, rnd, source) == 0:
        raise ModelError(
            "All {count} votes are spent; take one back to vote again.", count=rnd.per_person
        )
    vote = Vote(new_id(), board.id, rnd.id, note.id, source, now())
    change = Change("vote", [Patch("vote", vote.id, None, to_row(vote))], board.id)
    change.subjects = [note.id]
    return change


def take_back(ws: Workshop, round_id: str, note_id: str, source: str = LEAD) -> Change:
    """Remove the source's newest vote on the note."""
    _check_source(source)
    board, rnd = _open(ws, round_id)
    mine = [v for v in _votes_of(board, rnd) if v.note == note_id and v.source == source]
    if not mine:
        raise ModelError("This note has no vote to take back.")
    vote = max(mine, key=lambda v: (v.cast, v.id))
    change = Change("take back vote", [Patch("vote", vote.id, to_row(vote), None)], board.id)
    change.subjects = [note_id]
    return change


def reveal(ws: Workshop, round_id: str) -> Change:
    """Show the totals of a round whose totals were hidden."""
    board, rnd = round_of(ws, round_id)
    if not rnd.hidden:
        raise ModelError("The votes are already shown.")
    return make_change("reveal votes", board.id, [update_patch(rnd, hidden=False)])


def close_round(ws: Workshop, round_id: str) -> Change:
    """End the vote: totals become shown and each note of the scope keeps its total."""
    board, rnd = _open(ws, round_id)
    totals = counts(board, rnd)
    patches = [update_patch(rnd, state="closed", hidden=False, closed=now())]
    patches += [update_patch(n, votes=totals.get(n.id, 0)) for n in scope_notes(board, rnd)]
    return make_change("close vote", board.id, patches)


def sort_by_votes(ws: Workshop, round_id: str) -> Change:
    """Order each cell the closed round covers by its notes' votes, most first.

    Notes with equal votes keep their order; the cell's seq values are handed out again, so
    only the notes whose place changed are written.
    """
    board, rnd = round_of(ws, round_id)
    if rnd.is_open:
        raise ModelError("Close the vote before sorting by votes.")
    cells = sorted({n.cell for n in scope_notes(board, rnd) if n.cell is not None})
    if not cells:
        raise ModelError("Sorting by votes orders the notes within cells; these notes are in none.")
    patches: list[Patch | None] = []
    for cell in cells:
        shown = sorted(board.notes_in(cell), key=display_order)
        values = sorted(n.seq for n in shown)
        if len(set(values)) < len(values):  # seq shared (notes from an older file): fresh ones
            start = board.next_seq()
            values = list(range(start, start + len(shown)))
        ranked = sorted(shown, key=lambda n: -n.votes)  # stable: ties keep their order
        patches += [update_patch(n, seq=v) for n, v in zip(ranked, values, strict=True)]
    kept = [p for p in patches if p is not None]
    if not kept:
        raise ModelError("The notes are already in order of votes.")
    return make_change("sort by votes", board.id, kept)
