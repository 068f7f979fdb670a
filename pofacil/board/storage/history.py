"""History lines: compact patches kept as compressed JSON, and reading them back safely."""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pofacil.board.model import Patch
from pofacil.board.model.errors import (
    DamagedHistoryError,
)

from .rows import BadText, describe_value, fields_problem
from .table_checks import TABLE_OF

if TYPE_CHECKING:
    # Imported where a store is opened for real: the read-only summary of `pofacil info`
    # and `check` reads the file with sqlite3 alone, and sqlite-utils costs 0.1 s to import.
    pass


# A history line past this size when inflated is not one pofacil wrote (an import of 20,000
# notes is a few MB): refusing it keeps a crafted file from filling the memory.
_MAX_HISTORY_BYTES = 256 * 1024 * 1024


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


def pack_patches(patches: list[Patch]) -> bytes:
    """History keeps compact patches as compressed JSON: an import of a thousand notes
    would otherwise store every note twice."""
    data = json.dumps([p.to_json() for p in patches], ensure_ascii=False)
    return zlib.compress(data.encode("utf-8"), 6)


def unpack_patches(blob: object) -> list[Patch]:
    """The patches of a history line; :class:`DamagedHistoryError` when they cannot be read."""
    try:
        if not isinstance(blob, bytes) or isinstance(blob, BadText):
            raise ValueError(f"its patches are {describe_value(blob)}, not compressed data")
        inflate = zlib.decompressobj()
        data = inflate.decompress(blob, _MAX_HISTORY_BYTES)
        if inflate.unconsumed_tail:
            raise ValueError("its patches are implausibly large")
        if not inflate.eof:
            raise ValueError("its compressed patches are cut short")
        items = json.loads(data.decode("utf-8"))
        if not isinstance(items, list):
            raise ValueError("its patches are not a list")
        return [patch_of(item) for item in items]
    except zlib.error:
        reason = "its compressed patches are corrupt"
    except UnicodeDecodeError:
        reason = "its patches are not valid UTF-8"
    except RecursionError:
        reason = "its patches are nested too deeply"
    except ValueError as exc:  # JSONDecodeError included
        reason = str(exc)
    raise DamagedHistoryError("A history line is damaged ({reason}).", reason=reason)


def patch_of(item: object) -> Patch:
    """One patch of a history line, its rows checked like the rows of the file."""
    if (
        not isinstance(item, dict)
        or item.get("entity") not in TABLE_OF
        or not isinstance(item.get("id"), str)
    ):
        raise ValueError("a patch names no known entity")
    rows = [item.get("before"), item.get("after")]
    if rows == [None, None] or not all(r is None or isinstance(r, dict) for r in rows):
        raise ValueError(f"the patch of {item['entity']} {item['id']} has no rows")
    for row in rows:
        problem = row and fields_problem(TABLE_OF[item["entity"]], row)
        if problem:
            raise ValueError(f"{item['entity']} {item['id']}: {problem}")
    return Patch.from_json(item)


def history_entry(row: dict[str, Any], path: Path) -> HistoryEntry:
    try:
        problem = fields_problem("history", row)
        if problem is not None:
            raise DamagedHistoryError("A history line is damaged ({reason}).", reason=problem)
        patches = unpack_patches(row["patches"])
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
