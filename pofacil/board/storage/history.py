"""History lines: who did what and when, read back from the file (their patches are packed and
checked in :mod:`.history_patches`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pofacil.board.model import Patch
from pofacil.board.model.errors import (
    DamagedHistoryError,
)

from .history_patches import line_patches


@dataclass(frozen=True)
class HistoryEntry:
    """One line of the workshop's history: who did what, when, and whether it was undone."""

    id: int
    at: str
    actor: str
    board: str | None
    label: str
    # "done", "undone" (can be redone), "dropped" (undone, then superseded) or "recorded"
    # (never an undo step: a participant's vote from a phone)
    state: str
    state_at: str | None
    state_by: str | None
    patches: list[Patch]
    # Who undid the step last and when, kept when it is redone (state_at is then the redo's).
    undone_at: str | None = None
    undone_by: str | None = None


def history_entry(row: dict[str, Any], path: Path) -> HistoryEntry:
    try:
        patches = [Patch.from_json(item) for item in line_patches(row)]
    except DamagedHistoryError as exc:
        raise DamagedHistoryError(
            "History line {id} of {path} is damaged ({reason}); it cannot be listed, undone "
            "or redone.",
            id=row.get("id"),
            path=str(path),
            reason=exc.params["reason"],
        ) from None
    return HistoryEntry(
        id=row["id"],
        at=row["at"],
        actor=row["actor"],
        board=row["board"],
        label=row["label"],
        state=row["state"],
        state_at=row["state_at"],
        state_by=row["state_by"],
        patches=patches,
        undone_at=row.get("undone_at"),
        undone_by=row.get("undone_by"),
    )
