"""Group frames keep clear of the notes outside the group.

A frame is its members' box plus a margin and a title band (geometry.items.cluster_frame),
so making a group of notes that sit close to others, or letting one grow, can run the frame
over notes that are not in it. :func:`clear_frame` is the tidy-up step that moves those notes
just outside, each to the nearest free spot, as part of the same undo step.
"""

from __future__ import annotations

from pofacil.board.geometry.grid import Rect
from pofacil.board.geometry.items import board_geometry
from pofacil.board.model import Change, Workshop
from pofacil.board.model.limits import clamp_position

from .notes import make_change, update_patch

GAP = 20.0  # between a moved note and the frame, or the note it would touch


def clear_frame(ws: Workshop, cluster_id: str | None) -> Change | None:
    """Move every shown note outside group ``cluster_id`` out of its frame; None when no
    note is in the way. Notes in grid cells are left alone: their cell places them."""
    board = next((b for b in ws.boards.values() if cluster_id in b.clusters), None)
    if board is None:
        return None
    geo = board_geometry(board)
    frame = next((f.rect for f in geo.clusters if f.cluster.id == cluster_id), None)
    if frame is None:
        return None
    intruders = [
        box
        for box in geo.notes
        if box.note.cluster != cluster_id and box.note.cell is None and _hits(box.rect, frame)
    ]
    if not intruders:
        return None
    moving = {box.note.id for box in intruders}
    taken = [box.rect for box in geo.notes if box.note.id not in moving]
    taken += [f.rect for f in geo.clusters]
    patches = []
    for box in sorted(intruders, key=lambda b: (b.rect.y, b.rect.x, b.note.id)):
        spot = _nearest_free(box.rect, frame, taken)
        taken.append(spot)
        x, y = clamp_position(spot.x, spot.y)
        patches.append(update_patch(box.note, x=x, y=y))
    return make_change("group", board.id, patches)


def _hits(a: Rect, b: Rect) -> bool:
    return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h


def _nearest_free(r: Rect, frame: Rect, taken: list[Rect]) -> Rect:
    """The nearest spot for ``r`` outside ``frame``: straight out through one of its four
    sides, then on that way past whatever is in the way, until nothing is."""
    best: tuple[float, Rect] | None = None
    for side in ("right", "down", "left", "up"):
        x = frame.x + frame.w + GAP if side == "right" else r.x
        x = frame.x - GAP - r.w if side == "left" else x
        y = frame.y + frame.h + GAP if side == "down" else r.y
        y = frame.y - GAP - r.h if side == "up" else y
        # Each jump clears every note in the way for good, so there are at most that many.
        for _ in range(len(taken) + 1):
            spot = Rect(x, y, r.w, r.h)
            blocking = [t for t in taken if _hits(spot, t)]
            if not blocking:
                distance = abs(x - r.x) + abs(y - r.y)
                if best is None or distance < best[0]:
                    best = (distance, spot)
                break
            if side == "right":
                x = max(t.x + t.w for t in blocking) + GAP
            elif side == "left":
                x = min(t.x for t in blocking) - GAP - r.w
            elif side == "down":
                y = max(t.y + t.h for t in blocking) + GAP
            else:
                y = min(t.y for t in blocking) - GAP - r.h
    assert best is not None  # past every note there is room
    return best[1]
