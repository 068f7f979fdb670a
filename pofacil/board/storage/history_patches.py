"""The patches of a history line, kept as compressed JSON: packing them, and reading them back
with the checks the rows of the file get, as plain JSON, without building the model: `check`
judges every line this way, and :mod:`.history` builds its entries from what passes."""

from __future__ import annotations

import json
import zlib
from typing import TYPE_CHECKING, Any

from pofacil.board.model.errors import DamagedHistoryError

from .rows import BadText, describe_value, fields_problem
from .table_checks import TABLE_OF

if TYPE_CHECKING:
    from pofacil.board.model import Patch

# A history line past this size when inflated is not one pofacil wrote (an import of 20,000
# notes is a few MB): refusing it keeps a crafted file from filling the memory.
_MAX_HISTORY_BYTES = 256 * 1024 * 1024


def pack_patches(patches: list[Patch]) -> bytes:
    """History keeps compact patches as compressed JSON: an import of a thousand notes
    would otherwise store every note twice."""
    data = json.dumps([p.to_json() for p in patches], ensure_ascii=False)
    return zlib.compress(data.encode("utf-8"), 6)


def line_patches(row: dict[str, Any]) -> list[dict[str, Any]]:
    """The patches of a history line (``Patch.to_json`` form), each checked;
    :class:`DamagedHistoryError` saying why when the line cannot be read back."""
    problem = fields_problem("history", row)
    if problem is not None:
        raise DamagedHistoryError("A history line is damaged ({reason}).", reason=problem)
    return unpacked(row["patches"])


def unpacked(blob: object) -> list[dict[str, Any]]:
    """The checked patches of a history line's ``patches``; :class:`DamagedHistoryError` when
    they cannot be read."""
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
        return [_checked(item) for item in items]
    except zlib.error:
        reason = "its compressed patches are corrupt"
    except UnicodeDecodeError:
        reason = "its patches are not valid UTF-8"
    except RecursionError:
        reason = "its patches are nested too deeply"
    except ValueError as exc:  # JSONDecodeError included
        reason = str(exc)
    raise DamagedHistoryError("A history line is damaged ({reason}).", reason=reason)


def _checked(item: object) -> dict[str, Any]:
    """One patch of a history line, its rows checked like the rows of the file."""
    if (
        not isinstance(item, dict)
        or item.get("entity") not in TABLE_OF
        or not isinstance(item.get("id"), str)
    ):
        raise ValueError("a patch names no known entity")
    # Both keys, as Patch.to_json writes them: a patch without one is not pofacil's.
    rows = [item.get("before"), item.get("after")]
    if (
        not {"before", "after"} <= item.keys()
        or rows == [None, None]
        or not all(r is None or isinstance(r, dict) for r in rows)
    ):
        raise ValueError(f"the patch of {item['entity']} {item['id']} has no rows")
    for row in rows:
        problem = row and fields_problem(TABLE_OF[item["entity"]], row)
        if problem:
            raise ValueError(f"{item['entity']} {item['id']}: {problem}")
    return item
