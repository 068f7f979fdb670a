"""Mind-map layout benchmark: pofacil's ``mindmap_layout`` beside networkx's own tree layout.

Run: .venv/bin/python bench/layout_bench.py [--sizes 500 2000] [--repeat 5]

For each size it builds, in memory (no file), a blank board holding one mind map: a central
topic, eight branches, and the rest of the notes hung at random under notes less than four
levels deep (so depth 1-4 and an uneven fan-out), scattered at random positions, one note in
twenty resized. It then times, best of ``--repeat`` runs each:

1. ``mindmap_layout(board)``: everything from the board's MultiDiGraph to the positions
   (child-edge subgraph, spanning tree, tidy-tree geometry);
2. ``nx.bfs_layout(tree, root)`` on the already extracted child-edge ``DiGraph``: networkx's
   layered layout (BFS layers, then ``multipartite_layout``), which neither sizes nor
   centres anything, as a yardstick for "graph work only". networkx's layouts need numpy,
   which pofacil does not depend on; without it the script times ``nx.bfs_layers`` (the
   pure-Python half of ``bfs_layout``) instead and says so. For the real comparison:
   ``pip install numpy`` (or put one on PYTHONPATH) before running.

Goals: <= 100 ms for 500 notes and <= 500 ms for 2,000 on the 2-core machine. Nothing is
asserted; the script prints the figures.
"""

from __future__ import annotations

import argparse
import gc
import platform
import random
import time
from collections.abc import Callable

import networkx as nx

from pofacil.board import ops
from pofacil.board.model import Board, Workshop
from pofacil.board.ops.layout import mindmap_layout

GOALS_MS = {500: 100.0, 2000: 500.0}


def build(size: int, seed: int = 1) -> tuple[Board, str]:
    """A blank board with one ``size``-note mind map; the board and its root's id."""
    rng = random.Random(seed)
    ws = Workshop()
    for patch in ops.add_board(ws, "blank", "心智圖").patches:
        ws.apply(patch)
    board = ws.ordered_boards()[0]
    specs = [ops.NoteSpec("中心議題", x=2000.0, y=1500.0)]
    depth = [0]
    parents: list[int] = []
    for i in range(1, size):
        open_ = [0] if i <= 8 else [j for j in range(1, i) if depth[j] < 4]
        p = rng.choice(open_)
        parents.append(p)
        depth.append(depth[p] + 1)
        specs.append(ops.NoteSpec(f"第{i}點", x=rng.uniform(0, 4000), y=rng.uniform(0, 3000)))
    links = [(specs[p].id, specs[i + 1].id, "child") for i, p in enumerate(parents)]
    for patch in ops.add_notes(ws, board.id, specs, links=links).patches:
        ws.apply(patch)
    for spec in rng.sample(specs, size // 20):
        for patch in ops.resize_note(ws, spec.id, rng.choice((200, 260)), 140).patches:
            ws.apply(patch)
    return board, specs[0].id


def best_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return min(times)


def networkx_layout() -> tuple[str, Callable[[nx.DiGraph, str], object]]:
    """networkx's layout to compare with, and its name: bfs_layout when numpy is there."""
    try:
        import numpy  # noqa: F401
    except ImportError:
        return "nx.bfs_layers", lambda tree, root: list(nx.bfs_layers(tree, root))
    return "nx.bfs_layout", nx.bfs_layout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    name, nx_layout = networkx_layout()
    print(
        f"Python {platform.python_version()}, networkx {nx.__version__}, "
        f"{platform.machine()}, best of {args.repeat}"
    )
    if name != "nx.bfs_layout":
        print(
            "numpy is not installed, so networkx's layouts cannot run: comparing with "
            "nx.bfs_layers (BFS layering only, no coordinates)."
        )
    print(f"{'notes':>6} {'mindmap_layout':>15} {name:>14} {'ratio':>6} {'goal':>8}  verdict")
    for size in args.sizes:
        board, root = build(size)
        tree = nx.DiGraph(
            (u, v) for u, v, kind in board.graph.edges(data="type") if kind == "child"
        )
        placed = mindmap_layout(board)
        assert len(placed) == size, (len(placed), size)
        ours = best_ms(lambda b=board: mindmap_layout(b), args.repeat)
        theirs = best_ms(lambda t=tree, r=root: nx_layout(t, r), args.repeat)
        goal = GOALS_MS.get(size)
        verdict = "-" if goal is None else ("meets goal" if ours <= goal else "MISSES goal")
        goal_text = f"<= {goal:.0f} ms" if goal is not None else "-"
        print(
            f"{size:>6} {ours:>12.1f} ms {theirs:>11.1f} ms {ours / theirs:>5.2f}x "
            f"{goal_text:>8}  {verdict}"
        )


if __name__ == "__main__":
    main()
