"""The workshop model: boards, notes, clusters and links, and the changes made to them.

The bottom layer: everything else in ``pofacil.board`` builds on it, and it imports nothing
of theirs. The entities and changes are re-exported here; errors, kinds, limits and
templates are imported from their own modules.
"""

from .change import LABEL_TEXTS, Change, label_text, new_id, now, split_label, with_detail
from .workshop import (
    LINK_KINDS,
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
