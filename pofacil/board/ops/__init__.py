"""The operations a user can do, each building one :class:`~pofacil.board.model.Change`.

Above the model, beside storage (neither imports the other). Note and group operations are
re-exported here (``ops.add_note``); board-level ones live in :mod:`.boards`, the mind-map
layout in :mod:`.layout`.
"""

from pofacil.board.model import Change

from .capture import (
    CAPTURE_COLUMNS,
    capture_cell,
    capture_cluster,
    capture_note,
    capture_spot,
    step_cell,
)
from .notes import (
    CLUSTER_COLORS,
    NoteSpec,
    add_board,
    add_note,
    add_notes,
    assign_cell,
    cluster_notes,
    delete_board,
    delete_notes,
    edit_text,
    join_cluster,
    link_notes,
    move_notes,
    next_free_spot,
    place_in_cell,
    rename_board,
    rename_cluster,
    reorder_boards,
    resize_note,
    restore_notes,
    set_author,
    set_info,
    set_kind,
    ungroup,
    unlink,
)

__all__ = [
    "CAPTURE_COLUMNS",
    "CLUSTER_COLORS",
    "Change",
    "NoteSpec",
    "add_board",
    "add_note",
    "add_notes",
    "assign_cell",
    "capture_cell",
    "capture_cluster",
    "capture_note",
    "capture_spot",
    "cluster_notes",
    "delete_board",
    "delete_notes",
    "edit_text",
    "join_cluster",
    "link_notes",
    "move_notes",
    "next_free_spot",
    "place_in_cell",
    "rename_board",
    "rename_cluster",
    "reorder_boards",
    "resize_note",
    "restore_notes",
    "set_author",
    "set_info",
    "set_kind",
    "step_cell",
    "ungroup",
    "unlink",
]
