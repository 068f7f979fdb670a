"""Mind-map layout: a left/right tidy tree around each root, computed from the board's graph.

networkx does the graph work (which notes form trees, cycle-safe spanning trees, traversal
orders); the geometry is a small tidy-tree pass of our own: subtree extents bottom-up, then
positions top-down. The result is a pure function of the board, so re-running the layout on
its own output changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable
from itertools import pairwise
from typing import Any

import networkx as nx

from pofacil.board.model import Board, Note

Box = tuple[float, float, float, float]  # left, top, right, bottom

# A node outside the note-id space: hanging every start node under it turns a multi-source
# search into networkx's single-source one.
_START: Hashable = object()


def mindmap_layout(
    board: Board, collapsed: Collection[str] = (), h_gap: float = 60.0, v_gap: float = 24.0
) -> dict[str, tuple[float, float]]:
    """New top-left (x, y) positions for the notes of the board's mind-map trees.

    A note is in a tree when it has a "child" link to or from another live note. Deleted
    notes and everything below them are treated as absent, so are notes below a note in
    ``collapsed`` (the collapsed note itself is placed). Free notes are not in the result.

    Each root keeps its position; its children are split between a right and a left side,
    balanced by subtree height (biggest branch first onto the lighter side, so a branch's
    side never depends on where it was dragged); levels grow outwards by ``h_gap`` from the
    parent's edge,
    sibling subtrees are stacked ``v_gap`` apart, and each parent is vertically centred on
    the span of its children's boxes. Siblings keep their on-screen order (y, then x, then
    id). A tree whose bounding box would overlap an earlier tree's (roots in reading order)
    is shifted down until it does not.

    Bad data is tolerated: with cycles or several parents each note is placed once, under
    the first parent met in a depth-first search in creation order.
    """
    notes = board.notes
    hidden = set(collapsed)

    def screen(n: str) -> tuple[float, float, str]:
        # Sibling order follows what the user sees, so re-running keeps it.
        return (notes[n].y, notes[n].x, n)

    def made(n: str) -> tuple[str, str]:
        # Structural choices (which parent wins, where a cycle starts, which side a branch
        # goes) must not depend on positions, or applying a layout could change the next one.
        return (notes[n].created, n)

    forest, roots = _forest(board, made)
    if not roots:
        return {}
    size = {n: (notes[n].w, notes[n].h) for n in forest}

    # Bottom-up: each subtree's extent above and below its node's centre line, and each
    # child's centre offset from its parent's centre.
    up: dict[str, float] = {}
    down: dict[str, float] = {}
    offset: dict[str, float] = {}

    def stack(node: str, kids: list[str]) -> tuple[float, float]:
        """Stack ``kids`` under ``node``, centre ``node`` on them; its (up, down) extent."""
        half = size[node][1] / 2
        if not kids:
            return half, half
        centres = [0.0]
        for prev, kid in pairwise(kids):
            centres.append(centres[-1] + down[prev] + v_gap + up[kid])
        mid = (-size[kids[0]][1] / 2 + centres[-1] + size[kids[-1]][1] / 2) / 2
        for kid, c in zip(kids, centres, strict=False):
            offset[kid] = c - mid
        return max(half, mid + up[kids[0]]), max(half, centres[-1] + down[kids[-1]] - mid)

    sides: dict[str, tuple[list[str], list[str]]] = {}
    for root in roots:
        for n in nx.dfs_postorder_nodes(forest, root):
            kids = [] if n in hidden else sorted(forest.successors(n), key=screen)
            if n != root:
                up[n], down[n] = stack(n, kids)
                continue
            # Greedy split, biggest branch first, onto the lighter side (ties go right).
            right: list[str] = []
            left: list[str] = []
            load = [0.0, 0.0]
            for kid in sorted(kids, key=lambda k: (-(up[k] + down[k]), *made(k))):
                side = 0 if load[0] <= load[1] else 1
                (right, left)[side].append(kid)
                load[side] += up[kid] + down[kid] + v_gap
            right.sort(key=screen)
            left.sort(key=screen)
            stack(root, right)
            stack(root, left)
            sides[root] = (right, left)

    def place(root: str, y: float) -> dict[str, tuple[float, float]]:
        """Top-down positions of one tree with its root's top at ``y``."""
        x0 = notes[root].x
        pos = {root: (x0, y)}
        centre = {root: y + size[root][1] / 2}
        rightward = {root: True}
        for kid in sides[root][1]:
            rightward[kid] = False
        for parent, kid in nx.dfs_edges(forest, root):
            if parent not in pos or parent in hidden:
                continue  # below a collapsed note
            w, h = size[kid]
            px, _ = pos[parent]
            right = rightward.setdefault(kid, rightward[parent])
            kx = px + size[parent][0] + h_gap if right else px - h_gap - w
            centre[kid] = centre[parent] + offset[kid]
            pos[kid] = (kx, centre[kid] - h / 2)
        return pos

    result: dict[str, tuple[float, float]] = {}
    boxes: list[Box] = []
    tree_gap = max(v_gap, 1.0)  # a positive step, so the shifting loop always progresses
    for root in sorted(roots, key=screen):
        y = notes[root].y
        while True:
            pos = place(root, y)
            box = _bounds(pos, size)
            hits = [b for b in boxes if _overlap(b, box)]
            if not hits:
                break
            # Re-place from the shifted root rather than adding an offset to every note:
            # the next run starts from exactly that root, so it repeats the same arithmetic.
            y += max(b[3] for b in hits) + tree_gap - box[1]
        boxes.append(box)
        result.update(pos)
    return result


def _forest(board: Board, made: Callable[[str], tuple[str, str]]) -> tuple[Any, list[str]]:
    """The spanning forest of the live child links, and its roots in creation order."""
    notes: dict[str, Note] = board.notes
    graph: Any = nx.DiGraph()  # networkx's stubs cannot follow the _START sentinel node
    edges: Any = board.graph.edges(data="type")
    graph.add_edges_from(
        (u, v) for u, v, kind in edges if kind == "child" and u != v and u in notes and v in notes
    )
    # A deleted note takes its subtree with it.
    dead = [n for n in graph if notes[n].deleted]
    if dead:
        graph.add_edges_from((_START, n) for n in dead)
        graph.remove_nodes_from(nx.descendants(graph, _START) | {_START})
    if not graph:
        return graph, []
    # One root per source component of the condensation: a note without a parent, or for
    # a cycle nobody points into, its earliest note.
    dag = nx.condensation(graph)
    roots = sorted(
        (min(dag.nodes[c]["members"], key=made) for c in dag if dag.in_degree(c) == 0),
        key=made,
    )
    graph.add_edges_from((_START, r) for r in roots)
    forest = nx.dfs_tree(graph, _START, sort_neighbors=lambda ns: sorted(ns, key=made))
    forest.remove_node(_START)
    return forest, roots


def _bounds(pos: dict[str, tuple[float, float]], size: dict[str, tuple[float, float]]) -> Box:
    return (
        min(x for x, _ in pos.values()),
        min(y for _, y in pos.values()),
        max(x + size[n][0] for n, (x, _) in pos.items()),
        max(y + size[n][1] for n, (_, y) in pos.items()),
    )


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
