"""Which note is a mind map's central topic, and whether it is still the template's default.

The file has no flag for it: the central topic is the note the template created, which is
the board's first live note with no mind-map parent. If the user deleted it, the next such
note takes its role, so an import always has one place to hang from.
"""

from __future__ import annotations

from typing import Any

from pofacil.board.model import Board, Note, raised_order
from pofacil.board.model.errors import ModelError
from pofacil.board.model.templates import get_template


def central_topic(board: Board) -> Note | None:
    """The board's first live note (creation order) that no live note has as a child."""
    notes = board.notes
    edges: Any = board.graph.edges(data="type")
    children = {
        v
        for u, v, kind in edges
        if kind == "child" and u != v and u in notes and not notes[u].deleted
    }
    roots = [n for n in board.live_notes() if n.id not in children]
    return min(roots, key=raised_order, default=None)


def is_default_topic(board: Board, note: Note) -> bool:
    """True for a central topic nobody has touched: the template's text, no speaker, no
    branches. Importing an outline then names the map instead of hanging under it."""
    try:
        defaults = set((get_template(board.template).center or {}).values())
    except ModelError:
        return False
    live_children = [c for c in board.children(note.id) if not board.notes[c].deleted]
    return note.text in defaults and not note.author and not live_children
