"""The whole workshop as JSON, with where everything is drawn, for scripts and checks.

Every ``rect`` is ``[x, y, w, h]`` in scene pixels (origin top left, y down) and comes from
:func:`board_geometry`, the geometry the screen's items and the PDF draw from, so a script can
check what a user sees: that a note lies inside its cell, that no two notes overlap. A note in
a grid cell has no stored position of its own; its ``rect`` is the slot it is drawn in. A note
folded away under a collapsed mind-map note is listed with ``"rect": null``. Deleted notes are
left out and only counted (``deleted_notes``).
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

from pofacil.board.geometry.grid import Rect
from pofacil.board.geometry.items import BoardGeometry, board_geometry
from pofacil.board.model import Board, Workshop, display_order
from pofacil.board.model.votes import VoteRound
from pofacil.board.storage.atomic import atomic_write

SCHEMA = 1


def _rect(rect: Rect | None) -> list[float] | None:
    return None if rect is None else [rect.x, rect.y, rect.w, rect.h]


def board_json(board: Board, geo: BoardGeometry | None = None) -> dict[str, Any]:
    """One board as the export writes it; ``geo`` when the caller has it already."""
    geo = geo or board_geometry(board)
    drawn = {box.note.id: box for box in geo.notes}
    grid = geo.grid
    cells = [
        {
            "id": cell.id,
            "row": cell.row,
            "column": cell.column,
            "row_en": cell.row_en,
            "column_en": cell.column_en,
            "group": cell.group,
            "group_en": cell.group_en,
            "kind": cell.kind,
            "notes": grid.counts.get(cell.id, 0) if grid else 0,
            "rect": _rect(grid.cells.get(cell.id) if grid else None),
        }
        for cell in board.cells
    ]
    # seq: a note's place in its cell's order from 1 (a cell flows its notes in this order),
    # or among the board's notes outside cells; the stored numbers are only relative.
    live = sorted(board.live_notes(), key=display_order)
    places: Counter[str | None] = Counter()
    notes = []
    for note in live:
        places[note.cell] += 1
        seq = places[note.cell]
        box = drawn.get(note.id)
        notes.append(
            {
                "id": note.id,
                "text": note.text,
                "kind": note.kind,
                "author": note.author,
                "created": note.created,
                "updated": note.updated,
                "cell": note.cell,
                "cluster": note.cluster,
                "votes": note.votes,
                "origin": note.origin,
                "collapsed": note.collapsed,
                "seq": seq,
                "folded": box.folded if box else 0,  # notes hidden under this one
                "rect": _rect(box.rect if box else None),
            }
        )
    frames = {frame.cluster.id: frame for frame in geo.clusters}
    clusters = [
        {
            "id": cluster.id,
            "name": cluster.name,
            "color": cluster.color,
            "notes": len(board.notes_in(cluster.id)),
            "rect": _rect(frames[cluster.id].rect if cluster.id in frames else None),
        }
        for cluster in board.clusters.values()
    ]
    segments = {seg.link.id: seg for seg in geo.links}
    links = []
    for link in board.links.values():
        seg = segments.get(link.id)
        links.append(
            {
                "id": link.id,
                "source": link.source,
                "target": link.target,
                "kind": link.kind,
                # From the border of the source note to the border of the target: null when an
                # end is not drawn (deleted, or folded away).
                "start": [seg.x1, seg.y1] if seg else None,
                "end": [seg.x2, seg.y2] if seg else None,
                # A leaf block's link is drawn as these polylines instead (the stem and the
                # bracket, on one link of the block; none on the others): null for a line.
                "drawn": (
                    [[list(p) for p in line] for line in seg.paths]
                    if seg and seg.paths is not None
                    else None
                ),
            }
        )
    return {
        "id": board.id,
        "name": board.name,
        "template": board.template,
        "bounds": _rect(geo.bounds),
        "cells": cells,
        "notes": notes,
        "clusters": clusters,
        "links": links,
        "vote_rounds": [_round_json(board, rnd) for rnd in board.rounds.values()],
        "deleted_notes": len(board.deleted_notes()),
    }


def _round_json(board: Board, rnd: VoteRound) -> dict[str, Any]:
    """A vote round with its votes per note (live notes only) and how many sources voted."""
    cast = [v for v in board.votes.values() if v.round == rnd.id]
    live = {n.id for n in board.live_notes()}
    return {
        "id": rnd.id,
        "scope": rnd.scope,
        "members": rnd.member_ids(),
        "per_person": rnd.per_person,
        "per_note": rnd.per_note,
        "hidden": rnd.hidden,
        "state": rnd.state,
        "opened": rnd.opened,
        "closed": rnd.closed or None,
        "votes": dict(Counter(v.note for v in cast if v.note in live).most_common()),
        "sources": len({v.source for v in cast}),
    }


def workshop_json(workshop: Workshop, boards: list[str] | None = None) -> dict[str, Any]:
    """The workshop (or the boards with ids in ``boards``), in board order."""
    info = workshop.info
    chosen = [b for b in workshop.ordered_boards() if boards is None or b.id in boards]
    return {
        "schema": SCHEMA,
        "workshop": {
            "title": info.title,
            "date": info.date,
            "venue": info.venue,
            "facilitator": info.facilitator,
        },
        "boards": [board_json(board) for board in chosen],
    }


def export_json(
    workshop: Workshop,
    out: str | os.PathLike[str],
    boards: list[str] | None = None,
    room: dict[str, int] | None = None,
) -> Path:
    """Write :func:`workshop_json` to ``out``, complete or not at all. ``room``: the inbox's
    counts (storage/inbox.py), as ``"room"``; the points themselves are never exported."""
    data = workshop_json(workshop, boards)
    if room is not None:
        data["room"] = room
    text = json.dumps(data, ensure_ascii=False, indent=1)

    def write(tmp: Path) -> None:
        tmp.write_text(text + "\n", encoding="utf-8")

    return atomic_write(out, write)
