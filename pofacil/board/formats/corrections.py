"""Corrections: notes whose words or speaker changed after they were raised.

The record marks such a note ("（已修正）") and, when asked, lists each correction: what
was first written, what stands now, who changed it and when. Read from the history's steps
still in force (an undone edit was never made); only live notes are named, so a note removed
at a speaker's request does not come back through its corrections.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pofacil.board.model import Workshop
from pofacil.board.model.errors import DamagedHistoryError
from pofacil.board.session import Session
from pofacil.board.storage.history import HistoryEntry

FIELDS = ("text", "author")

MARK = {"zh": "（已修正）", "en": " (corrected)"}


@dataclass(frozen=True)
class Correction:
    """One field of one note changed since it was raised: the first and the standing value."""

    note: str
    field: str  # "text" or "author"
    original: str
    final: str
    by: tuple[str, ...]  # who changed it, in the order they did
    at: str  # when it was last changed (the history's time, with its offset)


Corrections = Mapping[str, list[Correction]]


def find_corrections(
    entries: Iterable[HistoryEntry], workshop: Workshop
) -> dict[str, list[Correction]]:
    """Per live note, its corrections; a field changed and then put back is none."""
    first: dict[tuple[str, str], str] = {}
    by: dict[tuple[str, str], list[str]] = {}
    last: dict[tuple[str, str], str] = {}
    for entry in entries:
        if entry.state != "done":
            continue
        for patch in entry.patches:
            if patch.entity != "note" or patch.before is None or patch.after is None:
                continue
            for name in FIELDS:
                if name in patch.after and patch.before.get(name) != patch.after[name]:
                    key = (patch.id, name)
                    first.setdefault(key, str(patch.before.get(name) or ""))
                    names = by.setdefault(key, [])
                    if entry.actor not in names:
                        names.append(entry.actor)
                    last[key] = entry.at
    live = {n.id: n for b in workshop.ordered_boards() for n in b.live_notes()}
    out: dict[str, list[Correction]] = {}
    for (note_id, name), original in first.items():
        note = live.get(note_id)
        if note is None:
            continue
        final = getattr(note, name)
        if final == original:
            continue
        out.setdefault(note_id, []).append(
            Correction(
                note_id, name, original, final, tuple(by[(note_id, name)]), last[(note_id, name)]
            )
        )
    return out


def session_corrections(session: Session) -> Corrections | None:
    """The corrections of an open workshop, for its exports; None when its history is
    damaged: the record is then written without marks rather than not at all."""
    try:
        return find_corrections(session.history(), session.workshop)
    except DamagedHistoryError:
        return None
