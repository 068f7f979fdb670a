"""Quick capture: where a point typed during the discussion goes on the board.

The rule, in order: into the cell all the selected notes share (taking its column's kind);
into the selected group, after its last note; otherwise next to the previous capture, in rows
of :data:`CAPTURE_COLUMNS`; with nothing to follow, below everything on the board.
"""

from __future__ import annotations

from collections.abc import Iterable

from pofacil.board.model import Board, Change, Workshop, kind_in_cell
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


def capture_note(
    ws: Workshop,
    board_id: str,
    text: str,
    author: str = "",
    kind: str = DEFAULT_KIND,
    selected: Iterable[str] = (),
    cluster: str | None = None,
    previous: str | None = None,
) -> Change:
    """Add one captured note as one step, placed by the rule in this module's docstring.

    ``selected`` are the notes selected on the board, ``cluster`` the group chosen (a selected
    frame, or the one group of the selected notes), ``previous`` the note captured last.
    """
    board = ws.board(board_id)
    cells = {board.notes[i].cell for i in selected if i in board.notes}
    cell = cells.pop() if len(cells) == 1 else None
    x, y = capture_spot(board, previous, cluster)
    spec = NoteSpec(
        text,
        kind=kind_in_cell(board.cell(cell) if cell else None, kind),
        x=x,
        y=y,
        cell=cell,
        cluster=cluster,
        author=author,
    )
    return add_notes(ws, board_id, [spec])
