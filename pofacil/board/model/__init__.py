"""The workshop model: boards, notes, clusters and links, and the changes made to them.

The bottom layer: everything else in ``pofacil.board`` builds on it, and it imports nothing
of theirs. The entities and changes are re-exported here; errors, kinds, limits and
templates are imported from their own modules.

The re-exports are loaded on first use (PEP 562): importing ``model.errors`` or
``model.kinds`` must not build every dataclass of the model, which `pofacil info` and
`check` never use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the names of __all__, for type checkers
    from .change import LABEL_TEXTS, Change, label_text, new_id, now, split_label, with_detail
    from .kinds import LINK_KINDS
    from .workshop import (
        NOTE_H,
        NOTE_W,
        Board,
        Cell,
        CellRef,
        Cluster,
        Link,
        Note,
        Patch,
        Row,
        Touched,
        Workshop,
        WorkshopInfo,
        display_order,
        kind_in_cell,
        raised_order,
        to_row,
    )

__all__ = [
    "LABEL_TEXTS",
    "LINK_KINDS",
    "NOTE_H",
    "NOTE_W",
    "Board",
    "Cell",
    "CellRef",
    "Change",
    "Cluster",
    "Link",
    "Note",
    "Patch",
    "Row",
    "Touched",
    "Workshop",
    "WorkshopInfo",
    "display_order",
    "kind_in_cell",
    "label_text",
    "new_id",
    "now",
    "raised_order",
    "split_label",
    "to_row",
    "with_detail",
]
# Where each name of __all__ lives (tests/board/test_model_exports.py keeps the three lists
# equal).
_MODULE_OF = {
    name: module
    for module, names in (
        ("change", ("LABEL_TEXTS", "Change", "label_text", "new_id", "now", "split_label")),
        ("change", ("with_detail",)),
        ("kinds", ("LINK_KINDS",)),
        ("workshop", ("NOTE_H", "NOTE_W", "Board", "Cell", "CellRef", "Cluster", "Link")),
        ("workshop", ("Note", "Patch", "Row", "Touched", "Workshop", "WorkshopInfo")),
        ("workshop", ("display_order", "kind_in_cell", "raised_order", "to_row")),
    )
    for name in names
}


def __getattr__(name: str) -> object:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # looked up once
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
