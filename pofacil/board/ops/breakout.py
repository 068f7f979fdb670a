"""Send cells to the afternoon's breakouts: a concept sheet per chosen cell, the cell's notes
waiting beside the sheet's empty rows, and copies that remember where they came from."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from pofacil.board.geometry.grid import Rect
from pofacil.board.geometry.items import board_geometry, cluster_frame
from pofacil.board.model import (
    NOTE_H,
    NOTE_W,
    Board,
    Cell,
    Change,
    Cluster,
    Note,
    Patch,
    Workshop,
    display_order,
    kind_in_cell,
    new_id,
    now,
    to_row,
)
from pofacil.board.model.errors import ModelError
from pofacil.board.model.limits import flow

from .notes import CLUSTER_COLORS, add_board, make_change

REFERENCE_COLUMNS = 6  # notes per row in a sheet's reference area: as wide as the sheet's six
REFERENCE_MARGIN = 80.0  # between the sheet's grid and the reference area's frame
_REFERENCE = {"zh": "參考：{name}", "en": "Reference: {name}"}


def copy_patches(
    notes: list[Note],
    board: Board,
    cell: str | None,
    spots: list[tuple[float, float]],
    cluster: str | None = None,
    size: tuple[float, float] | None = None,
) -> list[Patch]:
    """New notes on ``board`` at ``spots`` that remember which note they came from and keep
    its speaker and the time it was said (the record tells when a point was raised, not when
    it was sorted); ``size`` gives them all one size, so that notes resized on their old board
    still fit the spots."""
    stamp = now()
    target = board.cell(cell) if cell else None
    patches = []
    for seq, (note, (x, y)) in enumerate(zip(notes, spots, strict=True), start=board.next_seq()):
        w, h = size or (note.w, note.h)
        copy = dataclasses.replace(
            note,
            id=new_id(),
            board=board.id,
            cell=cell,
            cluster=cluster,
            deleted=False,
            kind=kind_in_cell(target, note.kind),
            x=x,
            y=y,
            w=w,
            h=h,
            updated=stamp,
            collapsed=False,
            origin=note.origin or note.id,
            seq=seq,
        )
        patches.append(Patch("note", copy.id, None, to_row(copy)))
    return patches


def cell_name(cell: Cell, language: str = "zh") -> str:
    """A cell as a board name: "PO制度／現在的認知", or "PO system / Current understanding"."""
    if language == "zh":
        return f"{cell.row}／{cell.column}"
    return f"{cell.row_en or cell.row} / {cell.column_en or cell.column}"


def free_name(ws: Workshop, name: str) -> str:
    """``name``, or with the next free number after it when a board already has it."""
    taken = {b.name for b in ws.ordered_boards()}
    number = 2
    found = name
    while found in taken:
        found = f"{name} ({number})"
        number += 1
    return found


def reference_spots(sheet: Board, count: int) -> list[tuple[float, float]]:
    """Spots for ``count`` notes in rows to the right of the sheet's grid, the frame around
    them starting at the grid's top. Rows added to the sheet grow it downwards, so they never
    reach the notes; the grid's width is read from the geometry the screen draws."""
    geo = board_geometry(sheet)
    grid = geo.grid.bounds if geo.grid is not None else Rect(0, 0, 0, 0)
    probe = cluster_frame([Rect(0.0, 0.0, NOTE_W, NOTE_H)])
    origin = (grid.x + grid.w + REFERENCE_MARGIN - probe.x, grid.y - probe.y)
    return flow(origin, count, columns=REFERENCE_COLUMNS)


def _breakout_sheet(
    scratch: Workshop, table: Board, cell: Cell, language: str
) -> tuple[Board, list[Patch]]:
    """A concept sheet named after ``cell`` with the cell's notes, in its order and with their
    kinds, in one reference cluster beside the sheet's empty rows."""
    name = free_name(scratch, cell_name(cell, language))
    made = add_board(scratch, "concept-sheet", name, language)
    # The scratch workshop holds the sheet at once, so the next one sees its name taken.
    for patch in made.patches:
        scratch.load(patch)
    sheet = scratch.board(made.board or "")
    notes = sorted(table.notes_in(cell.id), key=display_order)
    if not notes:
        return sheet, made.patches
    reference = Cluster(
        new_id(),
        sheet.id,
        (_REFERENCE.get(language) or _REFERENCE["zh"]).format(name=cell_name(cell, language)),
        CLUSTER_COLORS[0],
    )
    spots = reference_spots(sheet, len(notes))
    copies = copy_patches(notes, sheet, None, spots, reference.id, (NOTE_W, NOTE_H))
    return sheet, [*made.patches, Patch("cluster", reference.id, None, to_row(reference)), *copies]


def send_to_breakout(
    ws: Workshop, board_id: str, cell_ids: Iterable[str], language: str = "zh"
) -> Change:
    """One concept sheet per chosen cell, named after it ("…(2)" when the name is taken), all
    in one step; ``subjects`` are the sheets in the order the cells were given."""
    board = ws.board(board_id)
    cells = []
    for cell_id in cell_ids:
        cell = board.cell(cell_id)
        if cell is None:
            raise ModelError("Board {board} has no cell {cell}.", board=board.name, cell=cell_id)
        cells.append(cell)
    if not cells:
        raise ModelError("Choose at least one cell to send to a breakout.")
    # A scratch workshop sees the sheets made so far, so their names and positions differ.
    scratch = Workshop(ws.info)
    scratch.boards.update(ws.boards)
    patches: list[Patch] = []
    sheets: list[str] = []
    for cell in cells:
        sheet, made = _breakout_sheet(scratch, board, cell, language)
        patches += made
        sheets.append(sheet.id)
    result = make_change("send to breakout", sheets[0], patches)
    result.subjects = sheets
    return result
