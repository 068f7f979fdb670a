"""A point sent from a participant's phone (pofacil/room), waiting in the workshop's inbox.

Not a model entity: points live in the file's ``inbox`` table, never on a board. A point the
table lead accepts becomes a note *with the point's id*, so whether a point is accepted is read
off the board (undoing the acceptance removes the note, and the point waits again) and needs
no write of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from .workshop import Row

ANONYMOUS = "匿名（現場）"  # the speaker of a point sent without a name, as the room calls it
WAITING = "waiting"
SET_ASIDE = "set aside"
STATES = (WAITING, SET_ASIDE)


@dataclass(frozen=True)
class Point:
    """What a phone sent: the text, the name given (may be empty) and when it arrived."""

    entity: ClassVar[str] = "point"
    id: str
    key: str  # the submission's idempotency key, as the server keeps it (see pofacil/room)
    board: str  # the board on screen when it arrived: where it goes by default
    text: str
    author: str
    received: str
    state: str = WAITING

    @property
    def speaker(self) -> str:
        return self.author or ANONYMOUS

    def row(self) -> Row:
        return {
            "id": self.id,
            "key": self.key,
            "board": self.board,
            "text": self.text,
            "author": self.author,
            "received": self.received,
            "state": self.state,
        }

    @classmethod
    def from_row(cls, row: Row) -> Point:
        return cls(
            **{k: row[k] for k in ("id", "key", "board", "text", "author", "received")},
            state=row["state"],
        )
