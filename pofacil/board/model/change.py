"""A change: one gesture, one undo step, as the list of row patches that makes it.

Its own module, below both the operations that build changes and the storage that writes
them, so neither has to import the other.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from .workshop import Patch


@dataclass
class Change:
    """One undoable step: a label for history, the board it touched, and its patches."""

    label: str
    patches: list[Patch]
    board: str | None = None
    subjects: list[str] = field(default_factory=list)

    def inverse(self) -> Change:
        return Change(self.label, [p.inverse() for p in reversed(self.patches)], self.board)


def new_id() -> str:
    return uuid.uuid4().hex[:16]


def now() -> str:
    """Local time with its offset, to the second: what a history line shows."""
    return datetime.now().astimezone().isoformat(timespec="seconds")
