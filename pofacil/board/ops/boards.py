"""Operations on a board's structure and across boards: grid rows and labels, copies with
provenance, needs from hopes and fears, and mind-map branches; breakouts are in
:mod:`.breakout`.

Each returns one :class:`~pofacil.board.ops.Change`, one undo step, like those in ``ops``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from pofacil.board.model import (
    NOTE_W,
    Board,
    Cell,
    CellRef,
    Change,
    Link,
    Note,
    Patch,
    Workshop,
    new_id,
    now,
    to_row,
)
from pofacil.board.model.errors import ModelError
from pofacil.board.model.kinds import KIND_BY_ID
from pofacil.board.model.limits import clamp_position, flow
from pofacil.board.model.templates import can_add_rows, get_template

from .breakout import copy_patches
from .breakout import send_to_breakout as send_to_breakout  # where callers know it
from .growth import grown_side_layout
from .layout import mindmap_layout, side_layout
from .notes import make_change, note_text, selected_notes, update_patch


def _with_cells(board: Board, cells: Iterable[Cell]) -> Patch:
    before = to_row(board)
    after = to_row(dataclasses.replace(board, cells=tuple(cells)))
    return Patch("board", board.id, before, after)


def add_row(ws: Workshop, board_id: str) -> Change:
    """A new row at the bottom of a grid whose template lets users add rows (concept sheet)."""
    board = ws.board(board_id)
    if not can_add_rows(board):
        raise ModelError("Rows cannot be added to board {name}.", name=board.name)
    pattern = get_template(board.template).user_rows
    assert pattern is not None  # can_add_rows says so
    row_ids = board.row_ids()
    number = len(row_ids) + 1
    while f"r{number}" in row_ids:
        number += 1
    first = {c.ref.column: c for c in board.cells}
    new = [
        Cell(
            CellRef(f"r{number}", col).id,
            pattern["zh"].format(n=number),
            first[col].column,
            pattern["en"].format(n=number),
            first[col].column_en,
            kind=first[col].kind,
        )
        for col in board.column_ids()
    ]
    return make_change("add row", board.id, [_with_cells(board, list(board.cells) + new)])


def relabel(
    ws: Workshop, board_id: str, axis: str, key: str, zh: str, en: str | None = None
) -> Change:
    """Rename a row (by row id), a column (by column id) or a row group (by its Chinese label).

    Other workshops reuse a table for other topics, so labels belong to the board.
    """
    board = ws.board(board_id)
    zh = note_text(zh)
    cells = []
    found = False
    for cell in board.cells:
        if axis == "row" and cell.ref.row == key:
            cell = dataclasses.replace(cell, row=zh, row_en=en if en is not None else cell.row_en)
        elif axis == "column" and cell.ref.column == key:
            cell = dataclasses.replace(
                cell, column=zh, column_en=en if en is not None else cell.column_en
            )
        elif axis == "group" and cell.group == key:
            cell = dataclasses.replace(
                cell, group=zh, group_en=en if en is not None else cell.group_en
            )
        else:
            cells.append(cell)
            continue
        found = True
        cells.append(cell)
    if not found:
        raise ModelError("Board {name} has no such row or column.", name=board.name)
    return make_change("rename label", board.id, [_with_cells(board, cells)])


def copy_notes(
    ws: Workshop, note_ids: Iterable[str], board_id: str, cell: str | None = None
) -> Change:
    """Sort notes onto another board (a mind map's notes into the table): copies with provenance."""
    notes = selected_notes(ws, note_ids)
    board = ws.board(board_id)
    if cell is not None and board.cell(cell) is None:
        raise ModelError("Board {board} has no cell {cell}.", board=board.name, cell=cell)
    bottom = max((n.y + n.h for n in board.live_notes() if n.cell is None), default=0.0)
    spots = flow((40.0, bottom + 40), len(notes), columns=6)
    change = make_change("copy to board", board.id, copy_patches(notes, board, cell, spots))
    change.subjects = [p.id for p in change.patches]
    return change


def turn_into_need(ws: Workshop, note_ids: Iterable[str]) -> Change:
    """For each hope or fear, a need note in the needs column (its own row's when there is
    one), linked to the note it was rewritten from; all of them one step."""
    notes = selected_notes(ws, note_ids)
    board = ws.board(notes[0].board)
    needs = [c for c in board.cells if c.kind == "need"]
    stamp = now()
    patches: list[Patch] = []
    subjects = []
    for seq, note in enumerate(notes, start=board.next_seq()):
        same_row = [c for c in needs if note.cell and c.ref.row == CellRef.parse(note.cell).row]
        target = (same_row or needs or [None])[0]  # type: ignore[list-item]
        x, y = clamp_position(note.x + note.w + 40, note.y)
        need = dataclasses.replace(
            note,
            id=new_id(),
            kind="need",
            cell=target.id if target else None,
            cluster=None,
            x=x,
            y=y,
            created=stamp,
            updated=stamp,
            origin=note.id,
            collapsed=False,
            deleted=False,
            seq=seq,
        )
        link = Link(new_id(), board.id, note.id, need.id, "link")
        patches += [
            Patch("note", need.id, None, to_row(need)),
            Patch("link", link.id, None, to_row(link)),
        ]
        subjects.append(need.id)
    change = make_change("turn into need", board.id, patches)
    change.subjects = subjects
    return change


def set_collapsed(ws: Workshop, note_ids: Iterable[str], collapsed: bool) -> Change:
    """Fold (or unfold) the branches under the notes, as one step."""
    notes = selected_notes(ws, note_ids)
    return make_change(
        "collapse" if collapsed else "expand",
        notes[0].board,
        [update_patch(n, collapsed=collapsed) for n in notes],
    )


def add_branch(
    ws: Workshop, note_id: str, text: str, sibling: bool = False, child_id: str | None = None
) -> Change:
    """A mind-map child of ``note_id`` (Tab), or a sibling of it (Enter) under the same parent.

    The new note starts where the layout keeps it: a child below its last sibling, a sibling
    just after ``note_id``, on the side of the parent its branch is on. ``child_id`` names
    it, so the layout step that follows (:func:`lay_out_side`) can find it."""
    note = ws.note(note_id)
    board = ws.board(note.board)
    parent = note
    if sibling:
        parents = [
            lk.source for lk in board.links.values() if lk.kind == "child" and lk.target == note_id
        ]
        if not parents:
            raise ModelError("The central topic has no siblings; add a child instead.")
        parent = board.notes[parents[0]]
    stamp = now()
    beside = note if sibling else parent
    if sibling:
        # Just after the note in on-screen order: siblings lie a note's height apart.
        x, y = note.x, note.y + 1
    else:
        kids = [board.notes[k] for k in board.children(parent.id) if not board.notes[k].deleted]
        y = max((k.y + 1 for k in kids), default=parent.y)
        leftward = bool(kids) and kids[0].x < parent.x
        x = parent.x - 60 - NOTE_W if leftward else parent.x + parent.w + 60
    x, y = clamp_position(x, y)
    child = Note(
        child_id or new_id(),
        board.id,
        note_text(text),
        beside.kind if sibling else "idea",
        x,
        y,
        author="",
        created=stamp,
        updated=stamp,
        seq=board.next_seq(),
    )
    if child.kind not in KIND_BY_ID:
        child.kind = "idea"
    link = Link(new_id(), board.id, parent.id, child.id, "child")
    patches = [
        Patch("note", child.id, None, to_row(child)),
        Patch("link", link.id, None, to_row(link)),
    ]
    if parent.collapsed:
        patches.append(update_patch(parent, collapsed=False))  # type: ignore[arg-type]
    change = make_change("add branch", board.id, patches)
    change.subjects = [child.id]
    return change


def layout_mindmap(ws: Workshop, board_id: str, keep_sides: bool = True) -> Change | None:
    """Tidy the board's mind-map trees; None when everything is already in place.

    ``keep_sides``: a branch stays on the side of its root it is on (one the user dragged
    across stays there); without it (after an import) the sides are balanced afresh."""
    board = ws.board(board_id)
    folded = [n.id for n in board.live_notes() if n.collapsed]
    return _moved(board, mindmap_layout(board, folded, keep_sides=keep_sides))


def lay_out_side(ws: Workshop, board_id: str, note_id: str) -> Change | None:
    """Lay out only the side of its root that ``note_id`` is on (after a fold): nothing on
    the other side moves, no branch changes side, and the folded branch's gap closes."""
    board = ws.board(board_id)
    folded = [n.id for n in board.live_notes() if n.collapsed]
    return _moved(board, side_layout(board, note_id, folded))


def lay_out_growth(ws: Workshop, board_id: str, note_id: str, fresh: bool = False) -> Change | None:
    """Make room for the branch that grew at ``note_id`` (just added by Tab or Enter, or
    unfolded), moving as little as it can: the branch takes its new shape and the other
    branches stay, unless it needs more room than they leave (see ops.growth). With ``fresh``
    (Tab) a note that is a new branch straight off the root goes to the lighter side;
    otherwise its place says its side (Enter puts a sibling beside its sibling)."""
    board = ws.board(board_id)
    folded = [n.id for n in board.live_notes() if n.collapsed]
    return _moved(board, grown_side_layout(board, note_id, folded, fresh))


NO_MOVE = 1e-6  # board units: a layout's move smaller than this leaves the note where it is


def _moved(board: Board, positions: dict[str, tuple[float, float]]) -> Change | None:
    patches = []
    for nid, (x, y) in sorted(positions.items()):
        # A tree shifted down past the board's edge is packed against it rather than refused.
        x, y = clamp_position(x, y)
        note = board.notes[nid]
        # Most of a side stays put: skip building its rows. A layout that keeps the board's
        # stretch reads it back from the notes, so "put" is to within rounding.
        if abs(note.x - x) > NO_MOVE or abs(note.y - y) > NO_MOVE:
            patches.append(update_patch(note, x=x, y=y))
    kept = [p for p in patches if p is not None]
    return Change("lay out", kept, board.id) if kept else None
