"""A change: one gesture, one undo step, as the list of row patches that makes it.

Its own module, below both the operations that build changes and the storage that writes
them, so neither has to import the other.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
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


# What the Undo and Redo menu items call a change, by its label (the short English word
# history keeps on disk, so files written before these texts read the same). A pair is
# (one, many), filled with the number of notes the change touched; the UI translates the
# chosen text in the context "changes" (packaging/i18n/update_translations.py extracts them).
LABEL_TEXTS: dict[str, str | tuple[str, str]] = {
    "add note": ("add {count} note", "add {count} notes"),
    "add notes": ("add {count} note", "add {count} notes"),
    "import": ("import {count} note", "import {count} notes"),
    "edit text": "edit a note's text",
    "set author": "set the speaker",
    "move": ("move {count} note", "move {count} notes"),
    "resize": "resize a note",
    "change kind": ("change the kind of {count} note", "change the kind of {count} notes"),
    "move to cell": ("move {count} note to a cell", "move {count} notes to a cell"),
    "reorder": ("reorder {count} note in its cell", "reorder {count} notes in their cell"),
    "group": ("group {count} note", "group {count} notes"),
    "ungroup": ("ungroup {count} note", "ungroup {count} notes"),
    "rename group": "rename a group",
    "link": "link two notes",
    "unlink": "remove a link",
    "delete": ("delete {count} note", "delete {count} notes"),
    "restore": ("restore {count} note", "restore {count} notes"),
    "copy to board": ("copy {count} note to a board", "copy {count} notes to a board"),
    "turn into need": ("turn {count} note into a need", "turn {count} notes into needs"),
    "collapse": ("fold {count} branch", "fold {count} branches"),
    "expand": ("unfold {count} branch", "unfold {count} branches"),
    "add branch": "add a branch",
    "lay out": "lay out the mind map",
    "add row": "add a row",
    "rename label": "rename a row or column",
    "send to breakout": "send cells to breakouts",
    "add board": "add a board",
    "rename board": "rename a board",
    "reorder boards": "reorder the boards",
    "delete board": "delete a board",
    "workshop details": "change the workshop details",
    "open vote": "open a vote",
    "vote": "vote for a note",
    "take back vote": "take back a vote",
    "reveal votes": "reveal the votes",
    "close vote": "close the vote",
    "sort by votes": ("sort {count} note by votes", "sort {count} notes by votes"),
    # Counts boards, not notes (see LABEL_COUNTS); the detail is the other file's name.
    "merge": ("merged {count} board from {detail}", "merged {count} boards from {detail}"),
    # The room (issue 15): points from phones, and the lead's steps on them.
    "accept from the room": (
        "accept {count} point from the room",
        "accept {count} points from the room",
    ),
    "point from the room": ("{count} point from the room", "{count} points from the room"),
    "set aside": "set a point aside",
    "put back": "put a point back in the inbox",
    "points merged from another workshop": (
        "{count} point of the room merged from another workshop",
        "{count} points of the room merged from another workshop",
    ),
}

# A label whose count is of another entity than notes.
LABEL_COUNTS = {
    "merge": "board",
    "point from the room": "point",
    "points merged from another workshop": "point",
}


def with_detail(label: str, detail: str) -> str:
    """A label that carries what it was done with (a merge's source file): ``KEY: DETAIL``.

    The key picks the text, the detail fills its ``{detail}``; history keeps both in its one
    label column, so a line reads the same in a file written before.
    """
    return f"{label}: {detail}"


def split_label(label: str) -> tuple[str, str]:
    """(key, detail) of a label; a label without a known key has no detail."""
    key, sep, detail = label.partition(": ")
    return (key, detail) if sep and key in LABEL_TEXTS else (label, "")


def label_text(label: str, patches: Sequence[Patch]) -> tuple[str, int]:
    """The English text for a change (a template with ``{count}``) and the count to fill in.

    The count is the notes the change touched, new or changed (or the entity LABEL_COUNTS
    names). A label this version does not know (a newer pofacil's) is shown as it is; a
    label's detail is left for the caller to fill in (see :func:`split_label`).
    """
    key, _ = split_label(label)
    text = LABEL_TEXTS.get(key, label)
    entity = LABEL_COUNTS.get(key, "note")
    count = len({p.id for p in patches if p.entity == entity})
    if isinstance(text, tuple):
        return text[0 if count == 1 else 1], count
    return text, count
