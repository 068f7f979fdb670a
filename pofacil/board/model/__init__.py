"""The workshop model: boards, notes, clusters and links, and the changes made to them.

The bottom layer: everything else in ``pofacil.board`` builds on it, and it imports nothing
of theirs. The entities and changes are re-exported here; errors, kinds, limits and
templates are imported from their own modules.
"""

from .change import Change, new_id, now
from .workshop import (
    LINK_KINDS,
    NOTE_H,
    NOTE_W,
    Board,
    Cell,
    Cluster,
    Link,
    Note,
    Patch,
    Row,
    Touched,
    Workshop,
    WorkshopInfo,
    to_row,
)

__all__ = ["LINK_KINDS", "NOTE_H", "NOTE_W", "Board", "Cell", "Change", "Cluster", "Link",
           "Note", "Patch", "Row", "Touched", "Workshop", "WorkshopInfo", "new_id", "now",
           "to_row"]
