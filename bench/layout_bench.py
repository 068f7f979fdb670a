"""Mind-map layout benchmark: pofacil's layout beside networkx's own tree layout.

Run: .venv/bin/python bench/layout_bench.py [--sizes 100 500 2000] [--rounds 15]

For each size it builds, in memory (no file), a blank board holding one mind map shaped like
an imported outline: a central topic, 15 themes, the rest hung at random under notes with
room left (depth <= 6, at most 40 children), scattered at random positions, one note in
twenty resized. It then times, in interleaved rounds (ours, then theirs, then the next
round), so that load from other programs on a shared machine falls on both alike:

1. ``full``: ``mindmap_layout(board)``, everything from the board's MultiDiGraph to the
   positions (child-edge subgraph, spanning tree, bands, fans, stretch);
2. ``nx.bfs_layout(tree, root)`` on the already extracted child-edge ``DiGraph``: networkx's
   layered layout, which neither sizes nor separates anything, as a yardstick for "graph
   work only". It needs numpy, which pofacil does not depend on; without it the script
   times ``nx.bfs_layers`` (the pure-Python half of ``bfs_layout``) and says so;
3. at 500 notes, ``tab``, ``enter`` and ``tab on topic``: one Tab press on the newest point,
   one Enter there, and one Tab on the central topic (a new theme, tried at both ends of its
   side), as the app does them minus the disk: build the branch (``add_branch``), apply it,
   and make room for it (``lay_out_growth``).

It prints the median and the 95th percentile of each. Goals: full layout <= 100 ms at 500
notes, a Tab or an Enter <= 20 ms at 500. Nothing is asserted; the script prints the figures.
"""

from __future__ import annotations

import argparse
import gc
import platform
import random
import statistics
import time
from collections.abc import Callable

import networkx as nx

from pofacil.board import ops
from pofacil.board.model import Board, Workshop
from pofacil.board.ops import boards as board_ops
from pofacil.board.ops.layout import mindmap_layout

GOALS_MS = {
    ("full", 500): 100.0,
    ("tab", 500): 20.0,
    ("enter", 500): 20.0,
    ("tab on topic", 500): 20.0,
}


def build(size: int, seed: int = 1) -> tuple[Workshop, Board, str]:
    """A blank board with one ``size``-note mind map, laid out; the board and its root."""
    rng = random.Random(seed)
    ws = Workshop()
    for patch in ops.add_board(ws, "blank", "心智圖").patches:
        ws.apply(patch)
    board = ws.ordered_boards()[0]
    specs = [ops.NoteSpec("中心議題", x=2000.0, y=1500.0)]
    depth, kids = [0], [0]
    links = []
    for i in range(1, size):
        roomy = [j for j in range(1, i) if depth[j] < 6 and kids[j] < 40]
        p = 0 if i <= 15 or not roomy else rng.choice(roomy)
        depth.append(depth[p] + 1)
        kids.append(0)
        kids[p] += 1
        specs.append(ops.NoteSpec(f"第{i}點", x=rng.uniform(0, 4000), y=rng.uniform(0, 3000)))
        links.append((specs[p].id, specs[i].id, "child"))
    for patch in ops.add_notes(ws, board.id, specs, links=links).patches:
        ws.apply(patch)
    for spec in rng.sample(specs, size // 20):
        for patch in ops.resize_note(ws, spec.id, rng.choice((200, 260)), 140).patches:
            ws.apply(patch)
    layout = board_ops.layout_mindmap(ws, board.id, keep_sides=False)
    if layout is not None:
        ws.apply_all(layout.patches)
    return ws, board, specs[0].id


def press(ws: Workshop, board: Board, note: str, sibling: bool) -> Callable[[], object]:
    """One Tab (or Enter, ``sibling``) on ``note`` and making room for the new note; undone
    afterwards so every round starts from the same board."""

    def step() -> None:
        branch = board_ops.add_branch(ws, note, "新想法", sibling, child_id="bench-new")
        ws.apply_all(branch.patches)
        board_ops.lay_out_growth(ws, board.id, "bench-new", fresh=not sibling)
        ws.apply_all(branch.inverse().patches)

    return step


def timed(fn: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def summary(times: list[float]) -> str:
    p95 = statistics.quantiles(times, n=20, method="inclusive")[-1]
    return f"{statistics.median(times):>8.1f} {p95:>8.1f}"


def networkx_layout() -> tuple[str, Callable[[nx.DiGraph, str], object]]:
    """networkx's layout to compare with, and its name: bfs_layout when numpy is there."""
    try:
        import numpy  # noqa: F401
    except ImportError:
        return "nx.bfs_layers", lambda tree, root: list(nx.bfs_layers(tree, root))
    return "nx.bfs_layout", nx.bfs_layout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 500, 2000])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    name, nx_layout = networkx_layout()
    print(
        f"Python {platform.python_version()}, networkx {nx.__version__}, "
        f"{platform.machine()}, {args.rounds} interleaved rounds, milliseconds"
    )
    if name != "nx.bfs_layout":
        print(
            "numpy is not installed, so networkx's layouts cannot run: comparing with "
            "nx.bfs_layers (BFS layering only, no coordinates)."
        )
    print(f"{'notes':>6} {'what':<14} {'median':>8} {'p95':>8} {'goal':>9}  verdict")
    for size in args.sizes:
        ws, board, root = build(size)
        tree = nx.DiGraph(
            (u, v) for u, v, kind in board.graph.edges(data="type") if kind == "child"
        )
        assert len(mindmap_layout(board)) == size
        leaf = max((n for n in tree if not tree.out_degree(n)), key=lambda n: board.notes[n].seq)
        runs: dict[str, Callable[[], object]] = {
            "full": lambda b=board: mindmap_layout(b),
            name: lambda t=tree, r=root: nx_layout(t, r),
        }
        if size == 500:
            runs["tab"] = press(ws, board, leaf, sibling=False)
            runs["enter"] = press(ws, board, leaf, sibling=True)
            runs["tab on topic"] = press(ws, board, root, sibling=False)
        times: dict[str, list[float]] = {what: [] for what in runs}
        for _ in range(args.rounds):
            for what, fn in runs.items():
                times[what].append(timed(fn))
        for what, got in times.items():
            goal = GOALS_MS.get((what, size))
            verdict = "-"
            if goal is not None:
                verdict = "meets goal" if statistics.median(got) <= goal else "MISSES goal"
            goal_text = f"<= {goal:.0f}" if goal is not None else "-"
            print(f"{size:>6} {what:<14} {summary(got)} {goal_text:>9}  {verdict}")


if __name__ == "__main__":
    main()
