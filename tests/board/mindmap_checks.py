"""What a laid-out mind map must satisfy, measured on the rectangles and link lines the
screen and the PDF draw (geometry.items.link_ends, and a leaf block's stem and bracket from
geometry.connectors): overlaps, links through notes, links crossing, the bounding box's
proportion."""

from __future__ import annotations

import itertools
from pathlib import Path

from pofacil.board.formats.importers import import_change, with_layout
from pofacil.board.geometry.connectors import leaf_blocks
from pofacil.board.geometry.grid import Rect
from pofacil.board.geometry.items import link_ends, segment_enters
from pofacil.board.model import Board
from pofacil.board.session import Session

Positions = dict[str, tuple[float, float]]
# The notes a drawn line joins (a bracket joins its parent and the whole block), and its ends.
Segment = tuple[frozenset[str], tuple[float, float, float, float]]


def rects(board: Board, pos: Positions) -> dict[str, Rect]:
    return {n: Rect(x, y, board.notes[n].w, board.notes[n].h) for n, (x, y) in pos.items()}


def overlaps(boxes: dict[str, Rect]) -> list[tuple[str, str]]:
    bad = []
    for (a, r), (b, s) in itertools.combinations(sorted(boxes.items()), 2):
        if r.x < s.x + s.w and s.x < r.x + r.w and r.y < s.y + s.h and s.y < r.y + r.h:
            bad.append((a, b))
    return bad


def segments(board: Board, boxes: dict[str, Rect]) -> list[Segment]:
    """The drawn lines of every child link whose two notes are placed, a leaf block's stem
    and bracket cut into their straight pieces."""
    drawn = [
        link
        for link in board.links.values()
        if link.kind == "child" and link.source in boxes and link.target in boxes
    ]
    blocks = leaf_blocks(drawn, boxes)
    family: dict[str, set[str]] = {}
    for link in drawn:
        if link.id in blocks:
            family.setdefault(link.source, {link.source}).add(link.target)
    out: list[Segment] = []
    for link in drawn:
        if link.id not in blocks:
            ends = link_ends(boxes[link.source], boxes[link.target])
            out.append((frozenset((link.source, link.target)), ends))
            continue
        joined = frozenset(family[link.source])
        for line in blocks[link.id]:
            for (x1, y1), (x2, y2) in itertools.pairwise(line):
                out.append((joined, (x1, y1, x2, y2)))
    return out


def links_through_notes(boxes: dict[str, Rect], segs: list[Segment]) -> list[tuple[str, str]]:
    """(a note the line joins, note) for every line that passes through a note it does not
    join."""
    bad = []
    for joined, ends in segs:
        for n, r in boxes.items():
            if n not in joined and segment_enters(ends, r):
                bad.append((min(joined), n))
    return bad


def _side(ax: float, ay: float, bx: float, by: float, cx: float, cy: float) -> float:
    return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)


def crossings(segs: list[Segment]) -> list[tuple[str, str]]:
    """Pairs of lines that cross (lines meeting at a shared note do not count)."""
    bad = []
    for (j1, a), (j2, b) in itertools.combinations(segs, 2):
        if j1 & j2:
            continue
        d1 = _side(*b[:2], *b[2:], *a[:2])
        d2 = _side(*b[:2], *b[2:], *a[2:])
        d3 = _side(*a[:2], *a[2:], *b[:2])
        d4 = _side(*a[:2], *a[2:], *b[2:])
        if d1 * d2 < 0 and d3 * d4 < 0:
            bad.append((min(j1), min(j2)))
    return bad


def ratio(boxes: dict[str, Rect]) -> float:
    left = min(r.x for r in boxes.values())
    right = max(r.x + r.w for r in boxes.values())
    top = min(r.y for r in boxes.values())
    bottom = max(r.y + r.h for r in boxes.values())
    return (right - left) / (bottom - top)


def morning_session(tmp_path: Path, themes: int = 15, points: int = 4) -> Session:
    """A mind map of 15 themes of 4 points under the topic, imported and laid out."""
    lines = ["# 共識營早上"]
    for t in range(themes):
        lines.append(f"- 主題{t}")
        lines += [f"  - 第{t}-{p}點" for p in range(points)]
    src = tmp_path / "上午.md"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    s = Session.create(tmp_path / "m.pofacil", boards=[("mindmap", "心智圖")])
    bid = s.workshop.ordered_boards()[0].id
    s.do_all("import", *with_layout(bid, lambda ws: import_change(ws, bid, src)))
    return s
