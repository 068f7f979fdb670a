"""Quick capture: where a point typed during the discussion goes on the board.

The rule, in order: on a table, into the target cell (the first cell, top left, when there is
none: a table never gets a note on its headers), taking its column's kind; into the target
group, after its last note; otherwise next to the previous capture, in rows of
:data:`CAPTURE_COLUMNS`; with nothing to follow, below everything on the board.
"""

from __future__ import annotations

from pofacil.board.model import Board, Cell, CellRef, Change, Workshop, kind_in_cell
from pofacil.board.model.kinds import DEFAULT_KIND
from pofacil.board.model.limits import PLACE_MAX

from .notes import NoteSpec, add_notes, next_free_spot

CAPTURE_COLUMNS = 6  # notes per row: what a projector shows legibly across a board
GAP = 20.0
LEFT = 40.0


def capture_spot(
    board: Board, previous: str | None = None, cluster: str | None = None
) -> tuple[float, float]:
    """Where the next captured note sits: after ``previous`` (or the group's last note)."""
    last = board.notes.get(previous or "")
    if cluster is not None:
        members = board.notes_in(cluster)
        last = max(members, key=lambda n: (n.y, n.x)) if members else last
    if last is None or last.deleted:
        return next_free_spot(board)
    if last.x + 2 * (last.w + GAP) > LEFT + CAPTURE_COLUMNS * (last.w + GAP):
        spot = (LEFT if cluster is None else last.x, last.y + last.h + GAP)
    else:
        spot = (last.x + last.w + GAP, last.y)
    # Rows of captures that reach the bottom of the board's range go where the core puts new
    # notes, which wraps before the edge.
    return spot if max(map(abs, spot)) <= PLACE_MAX else next_free_spot(board)


def capture_cell(board: Board, target: str | None) -> Cell | None:
    """The cell a capture goes into: the target when it is one of the board's cells, else the
    first cell of a table, else none (a board without a grid)."""
    cell = board.cell(target) if target else None
    if cell is None and board.cells:
        return board.cell(CellRef(board.row_ids()[0], board.column_ids()[0]).id)
    return cell


def capture_cluster(board: Board, target: str | None) -> str | None:
    """The group a capture joins: the target when it is a group of the board (and the board
    has no grid: a table's notes go into cells)."""
    return target if target in board.clusters and not board.cells else None


def step_cell(board: Board, target: str | None, columns: int, rows: int) -> str | None:
    """The cell ``columns`` across and ``rows`` down from the capture's cell, in the grid's
    order: across wraps into the next or previous row, down stops at the last row."""
    cell = capture_cell(board, target)
    if cell is None:
        return None
    row_ids, column_ids = board.row_ids(), board.column_ids()
    width = len(column_ids)
    ref = cell.ref
    index = row_ids.index(ref.row) * width + column_ids.index(ref.column) + columns
    index = max(0, min(index, len(row_ids) * width - 1))
    row = max(0, min(index // width + rows, len(row_ids) - 1))
    stepped = board.cell(CellRef(row_ids[row], column_ids[index % width]).id)
    return stepped.id if stepped is not None else cell.id


def capture_note(
    ws: Workshop,
    board_id: str,
    text: str,
    author: str = "",
    kind: str = DEFAULT_KIND,
    target: str | None = None,
    previous: str | None = None,
) -> Change:
    """Add one captured note as one step, placed by the rule in this module's docstring.

    ``target`` is the cell or group the scribe chose (a cell id or a group id; anything else,
    a cell or group since removed included, counts as none), ``previous`` the note captured
    last.
    """
    board = ws.board(board_id)
    cell = capture_cell(board, target)
    cluster = capture_cluster(board, target)
    x, y = capture_spot(board, previous, cluster)
    spec = NoteSpec(
        text,
        kind=kind_in_cell(cell, kind),
        x=x,
        y=y,
        cell=cell.id if cell else None,
        cluster=cluster,
        author=author,
    )
    return add_notes(ws, board_id, [spec])
