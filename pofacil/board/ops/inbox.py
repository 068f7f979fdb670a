"""The table lead's steps on the room's inbox: accept a point onto the board, set it aside.

Accepting is the lead's own undoable step: the point becomes a note with the point's id (see
model/points.py), placed like a quick capture (ops/capture.py), carrying the given name or
"匿名（現場）" as speaker and the time it was received. Setting aside and putting back write
the point's row only; they are history lines of the room, not undo steps.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from pofacil.board.model import Change, Patch, Workshop, kind_in_cell, new_id
from pofacil.board.model.errors import ModelError
from pofacil.board.model.kinds import DEFAULT_KIND
from pofacil.board.model.points import SET_ASIDE, WAITING, Point

from .capture import capture_cell, capture_cluster, capture_spot
from .notes import NoteSpec, add_notes

ACCEPT_LABEL = "accept from the room"
ARRIVE_LABEL = "point from the room"
SET_ASIDE_LABEL = "set aside"
PUT_BACK_LABEL = "put back"
MERGE_LABEL = "points merged from another workshop"


def is_accepted(ws: Workshop, point: Point) -> bool:
    """True once the point is a note on some board (deleted since or not)."""
    board = ws.boards.get(point.board)
    if board is not None and point.id in board.notes:
        return True
    return any(point.id in b.notes for b in ws.boards.values())


def accept_point(
    ws: Workshop,
    point: Point,
    board_id: str | None = None,
    text: str | None = None,
    kind: str = DEFAULT_KIND,
    target: str | None = None,
    previous: str | None = None,
    label: str = ACCEPT_LABEL,
) -> Change:
    """The point as a note on ``board_id`` (its own board by default), with ``text`` when the
    lead reworded it, in the capture target (a cell, a group, or next to ``previous``)."""
    if is_accepted(ws, point):
        raise ModelError("This point is already on the board.")
    if point.state == SET_ASIDE:
        raise ModelError("This point was set aside; put it back first.")
    board = ws.board(board_id or point.board)
    if board.deleted:
        raise ModelError("Board {name} was deleted; choose another board.", name=board.name)
    cell = capture_cell(board, target)
    cluster = capture_cluster(board, target)
    x, y = capture_spot(board, previous, cluster)
    spec = NoteSpec(
        point.text if text is None else text,
        kind=kind_in_cell(cell, kind),
        x=x,
        y=y,
        cell=cell.id if cell else None,
        cluster=cluster,
        author=point.speaker,
        id=point.id,
    )
    change = add_notes(ws, board.id, [spec], label=label)
    # When it was said, not when the lead got to it: the record orders notes by this.
    change.patches = [
        replace(p, after={**p.after, "created": point.received})
        if p.entity == "note" and p.after is not None
        else p
        for p in change.patches
    ]
    return change


def moderate(point: Point, state: str) -> Change:
    """Set a point aside (kept in the file, never on the board or in exports) or put it back."""
    if state not in (WAITING, SET_ASIDE) or state == point.state:
        raise ModelError("Nothing to change.")
    label = SET_ASIDE_LABEL if state == SET_ASIDE else PUT_BACK_LABEL
    after = replace(point, state=state)
    return Change(
        label, [Patch("point", point.id, point.row(), after.row())], point.board, [point.id]
    )


def merged_points(points: Sequence[Point], boards: Mapping[str, str]) -> Change | None:
    """The other workshop's inbox points (waiting or set aside) of the boards a merge copied
    (``boards``: id there -> id here), as new points here in the same state; None when there
    are none. Each gets a new id and a key of its own, so neither meets one of this file's."""
    copies = [
        replace(point, id=new_id(), key=f"merged:{new_id()}", board=boards[point.board])
        for point in points
        if point.board in boards  # a point whose board stayed behind stays with it
    ]
    if not copies:
        return None
    patches = [Patch("point", p.id, None, p.row()) for p in copies]
    return Change(MERGE_LABEL, patches, copies[0].board, [p.id for p in copies])
