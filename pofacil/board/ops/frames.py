"""Group frames keep clear of the notes outside the group.

A frame is its members' box plus a margin and a title band (geometry.items.cluster_frame),
so making a group of notes that sit close to others, or letting one grow, can run the frame
over notes that are not in it. :func:`clear_frame` is the tidy-up step that moves those notes
just outside, each to the nearest free spot, as part of the same undo step.
"""

from __future__ import annotations

from pofacil.board.geometry.grid import Rect
from pofacil.board.geometry.items import board_geometry, cluster_frame, folded_away, union
from pofacil.board.model import Board, Change, Note, Workshop
from pofacil.board.model.limits import clamp_position

from .notes import make_change, update_patch

GAP = 20.0  # between a moved note and the frame, or the note it would touch


def clear_frame(ws: Workshop, cluster_id: str | None) -> Change | None:
    """Move every shown note outside group ``cluster_id`` out of its frame; None when no
    note is in the way. Notes in grid cells are left alone: their cell places them.

    It runs on every drop into a frame, so it looks at the notes as numbers and makes a
    rectangle only for those near the frame: the whole board's geometry costs 0.1 s at
    20,000 notes."""
    board = next((b for b in ws.boards.values() if cluster_id in b.clusters), None)
    if board is None:
        return None
    notes, frames = _drawn(board)
    frame = frames.get(cluster_id or "")
    if frame is None:
        return None
    intruders = [
        (n, _rect(n, slots))
        for n, slots in notes
        if n.cluster != cluster_id and n.cell is None and _meets(n, slots, frame)
    ]
    if not intruders:
        return None
    moving = {n.id for n, _ in intruders}
    # Every way out runs along an intruder's rows or columns, all inside the band the
    # intruders span: the board is read once for what lies in it, however many must move.
    band = union([r for _, r in intruders])
    near = [
        _rect(n, slots)
        for n, slots in notes
        if n.id not in moving and _meets(n, slots, band, lanes=True)
    ]
    near += list(frames.values())
    patches = []
    placed: list[Rect] = []
    for note, rect in sorted(intruders, key=lambda nr: (nr[1].y, nr[1].x, nr[0].id)):
        # What a spot on the way out through any side could meet: what lies in the rows or
        # columns that way, and the spots given so far.
        taken = [r for r in near if _crosses(r.x, r.y, r.w, r.h, rect, True)] + placed
        spot = _nearest_free(rect, frame, taken)
        placed.append(spot)
        x, y = clamp_position(spot.x, spot.y)
        patches.append(update_patch(note, x=x, y=y))
    return make_change("group", board.id, patches)


Slots = dict[str, Rect] | None  # where a grid's cell notes are drawn; None: at their own x, y


def _drawn(board: Board) -> tuple[list[tuple[Note, Slots]], dict[str, Rect]]:
    """The shown notes (each with where to find its rectangle) and each group's frame."""
    if board.cells:  # cell notes sit in their slots: only the whole geometry knows them
        geo = board_geometry(board)
        slots = {b.note.id: b.rect for b in geo.notes}
        return [(b.note, slots) for b in geo.notes], {f.cluster.id: f.rect for f in geo.clusters}
    folds = folded_away(board)
    hidden = set().union(*folds.values()) if folds else set()
    frames = {}
    for cid in board.clusters:
        members = [_rect(n, None) for n in board.notes_in(cid) if n.id not in hidden]
        if members:
            frames[cid] = cluster_frame(members)
    return [(n, None) for n in board.live_notes() if n.id not in hidden], frames


def _rect(note: Note, slots: Slots) -> Rect:
    return slots[note.id] if slots is not None else Rect(note.x, note.y, note.w, note.h)


def _meets(note: Note, slots: Slots, r: Rect, lanes: bool = False) -> bool:
    """Whether the note overlaps ``r``, read from the note's own numbers where it has no
    slot (no rectangle per note); with ``lanes``, see :func:`_crosses`."""
    box = slots[note.id] if slots is not None else note
    return _crosses(box.x, box.y, box.w, box.h, r, lanes)


def _crosses(x: float, y: float, w: float, h: float, r: Rect, lanes: bool = False) -> bool:
    """Whether the box overlaps ``r``; with ``lanes``, whether it crosses the rows or the
    columns of ``r``: the band a note leaving a frame moves along (sideways or up/down)."""
    rows = y < r.y + r.h and r.y < y + h
    columns = x < r.x + r.w and r.x < x + w
    return (rows or columns) if lanes else (rows and columns)


def _nearest_free(r: Rect, frame: Rect, taken: list[Rect]) -> Rect:
    """The nearest spot for ``r`` outside ``frame``: straight out through one of its four
    sides, then on that way past whatever is in the way, until nothing is."""
    # Sideways only what crosses r's rows can be in the way, up or down what crosses its
    # columns; each way is one sweep along the blockers sorted by where they start.
    rows = [(t.x, t.x + t.w) for t in taken if t.y < r.y + r.h and r.y < t.y + t.h]
    columns = [(t.y, t.y + t.h) for t in taken if t.x < r.x + r.w and r.x < t.x + t.w]
    right = _slide(frame.x + frame.w + GAP, r.w, rows, forward=True)
    left = _slide(frame.x - GAP - r.w, r.w, rows, forward=False)
    down = _slide(frame.y + frame.h + GAP, r.h, columns, forward=True)
    up = _slide(frame.y - GAP - r.h, r.h, columns, forward=False)
    spots = [Rect(right, r.y, r.w, r.h), Rect(r.x, down, r.w, r.h)]
    spots += [Rect(left, r.y, r.w, r.h), Rect(r.x, up, r.w, r.h)]
    return min(spots, key=lambda s: abs(s.x - r.x) + abs(s.y - r.y))


def _slide(start: float, size: float, blockers: list[tuple[float, float]], forward: bool) -> float:
    """Where a span of ``size`` starting at ``start`` comes to rest moving one way along an
    axis (up the axis when ``forward``) past the ``blockers`` (start, end) it meets."""
    at = start
    if forward:
        for low, high in sorted(blockers):
            if low >= at + size:
                break  # every later one starts further on
            if high > at:
                at = high + GAP
    else:
        for low, high in sorted(blockers, key=lambda b: -b[1]):
            if high <= at:
                break
            if low < at + size:
                at = low - GAP - size
    return at
