"""A dot-vote round and the votes cast in it: rows of their own, beside a board's notes.

A vote is a row, not a counter on its note, so two sources of votes (the lead's keyboard and
participants' phones) never write the same row: undoing the lead's vote removes that vote's
row and cannot take a phone's vote with it. The note's ``votes`` field holds the total of its
last closed round (written when the round closes); an open round's counts are read from its
vote rows. The rules (budgets, what a round takes) are in :mod:`pofacil.board.ops.votes`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import ClassVar

# What a round covers: a whole board, some cells, or chosen notes.
SCOPES = ("board", "cells", "notes")
ROUND_STATES = ("open", "closed")
PER_PERSON_MAX = 99
# The source of the votes recorded at the pofacil window itself; a phone's is "device:<id>".
LEAD = "lead"


@dataclass
class VoteRound:
    """One dot vote on a board: what it covers, each source's budget, and where it stands."""

    entity: ClassVar[str] = "vote_round"
    id: str
    board: str
    scope: str = "board"  # one of SCOPES
    members: str = "[]"  # JSON list: the cells' ids, or the notes' ids, of the scope
    per_person: int = 3
    hidden: bool = True  # totals not shown until revealed
    state: str = "open"  # one of ROUND_STATES
    opened: str = ""
    closed: str = ""

    def member_ids(self) -> list[str]:
        """The ids the scope lists (none for a whole board); a malformed list is empty."""
        try:
            ids = json.loads(self.members or "[]")
        except (ValueError, RecursionError):
            return []
        return [i for i in ids if isinstance(i, str)] if isinstance(ids, list) else []

    @property
    def is_open(self) -> bool:
        return self.state == "open"


@dataclass
class Vote:
    """One dot put on a note in a round, by a source (the lead, or a device)."""

    entity: ClassVar[str] = "vote"
    id: str
    board: str
    round: str
    note: str
    source: str = LEAD
    cast: str = ""


def round_problem(row: dict[str, object]) -> str | None:
    """Why a round's row (or the fields of one a change carries) breaks the rules, or None.

    The model refuses such a change, and a file's row like it is left out as damaged.
    """
    if "scope" in row and row["scope"] not in SCOPES:
        return f"scope {str(row['scope'])[:20]!r} is not one of {', '.join(SCOPES)}"
    if "state" in row and row["state"] not in ROUND_STATES:
        return f"state {str(row['state'])[:20]!r} is not one of {', '.join(ROUND_STATES)}"
    per_person = row.get("per_person", 1)
    if type(per_person) is not int or not 1 <= per_person <= PER_PERSON_MAX:
        return f"per_person is not a whole number from 1 to {PER_PERSON_MAX}"
    if "members" in row:
        try:
            ids = json.loads(str(row["members"]) or "[]")
        except (ValueError, RecursionError):
            ids = None
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            return "members is not a list of ids"
    return None
