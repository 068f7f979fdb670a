"""Breakout tables' workshop files at real size (DOMAIN.md: a breakout sheet has 3-6 rows, a
mind map 15-20 themes and 60-100 points), for the merge tests, and what of them a merge must
keep, read from `pofacil export --json`.

Each file holds a concept development sheet (notes in its cells in a given order, a group,
votes, a deleted note) and a mind map (branches, a free link, a folded branch), named as
every table names them, so merging two tables' files makes the names clash.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

from pofacil.board import ops
from pofacil.board.ops import NoteSpec
from pofacil.board.ops.boards import add_branch, add_row, layout_mindmap, set_collapsed
from pofacil.board.session import Session

SHEET = "分組討論"
MINDMAP = "心智圖"
SPEAKERS = ["王素琴", "陳怡君", "林志明", "張家豪", "匿名", ""]
COLUMNS = ["problem", "solution", "obstacle", "overcome", "owner", "vision"]


def write_breakout(path: Path, table: int, themes: int = 16, points: int = 5) -> Path:
    """Table ``table``'s file: a five-row concept sheet and a mind map of ``themes`` themes
    with ``points`` points each."""
    rng = random.Random(table)
    session = Session.create(
        path, title=f"第{table}桌", boards=[("concept-sheet", SHEET), ("mindmap", MINDMAP)]
    )
    ws = session.workshop
    try:
        sheet = ws.find_board(SHEET).id
        for _ in range(2):  # five rows, as a full breakout sheet has
            session.do(add_row(ws, sheet))
        specs = [
            NoteSpec(
                f"第{table}桌 第{row}列 {column} 第{n}張",
                cell=f"r{row}/{column}",
                author=rng.choice(SPEAKERS),
                votes=rng.randrange(4),
            )
            for row in range(1, 6)
            for column in COLUMNS
            for n in range(1, rng.randrange(3, 5))
        ]
        ids = session.do(ops.add_notes(ws, sheet, specs, label="import")).subjects
        # The order in a cell is the table's, not the order the notes were typed in.
        first_cell = [i for i, s in zip(ids, specs, strict=True) if s.cell == "r1/problem"]
        session.do(ops.place_in_cell(ws, [first_cell[-1]], "r1/problem", 0))
        session.do(ops.cluster_notes(ws, ids[3:7], f"第{table}桌的重點"))
        session.do(ops.delete_notes(ws, [ids[-1]]))

        mind = ws.find_board(MINDMAP)
        center = next(iter(mind.live_notes())).id
        theme_ids = []
        for t in range(themes):
            theme = session.do(add_branch(ws, center, f"主題{t + 1}")).subjects[0]
            theme_ids.append(theme)
            for p in range(points):
                session.do(add_branch(ws, theme, f"第{table}桌 主題{t + 1} 論點{p + 1}"))
        session.do(ops.link_notes(ws, theme_ids[0], theme_ids[1]))
        session.do(set_collapsed(ws, [theme_ids[2]], True))
        session.do(ops.delete_notes(ws, ws.board(mind.id).children(theme_ids[3])[:1]))
        tidy = layout_mindmap(ws, mind.id)
        if tidy is not None:
            session.do(tidy)
    finally:
        session.close()
    return path


def export_json(path: Path, out: Path) -> dict[str, Any]:
    """`pofacil export FILE --json OUT`, run as the user would, read back."""
    subprocess.run(
        [sys.executable, "-m", "pofacil", "export", str(path), "--json", str(out)],
        check=True,
        capture_output=True,
    )
    return json.loads(out.read_text(encoding="utf-8"))


def kept(board: dict[str, Any]) -> dict[str, Any]:
    """What a merge must keep of an exported board: each note's text, kind, speaker, time,
    cell, group (name and colour), place in its cell, votes and fold, and the links between
    notes, by text; not ids, names or provenance."""
    text = {n["id"]: n["text"] for n in board["notes"]}
    groups = {c["id"]: (c["name"], c["color"]) for c in board["clusters"]}
    return {
        "template": board["template"],
        "cells": [(c["id"], c["row"], c["column"], c["notes"]) for c in board["cells"]],
        "notes": sorted(
            (
                n["text"],
                n["kind"],
                n["author"],
                n["created"],
                n["cell"] or "",
                groups.get(n["cluster"], ("", "")),
                n["seq"],
                n["votes"],
                n["collapsed"],
            )
            for n in board["notes"]
        ),
        "links": sorted(
            (text[lk["source"]], text[lk["target"]], lk["kind"])
            for lk in board["links"]
            if lk["source"] in text and lk["target"] in text
        ),
        "deleted_notes": board["deleted_notes"],
    }
