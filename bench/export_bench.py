"""PDF export benchmark: ``export_pdf`` beside a bare reportlab script drawing the same notes.

Run: .venv/bin/python bench/export_bench.py [--sizes 200 5000] [--repeat 3] [--profile]

For each size it builds, in memory, a blank board of realistic Traditional Chinese notes on a
180 x 120 grid (~5% of them in clusters of five, ~5% linked), and times, best of
``--repeat`` runs:

1. ``export_pdf(ws, out, mode="fit", record=False)``: one page;
2. ``export_pdf(ws, out, mode="auto", record=False)``: tiles once fitting makes text unreadable;
3. ``export_pdf(ws, out, mode="auto")`` with the meeting record, for information.

The baseline is a minimal reportlab script run in the same process right after each pofacil
run: the same font registered the same way, the same paper and stream compression, and on the same
pages (the page transforms pofacil reported) the same rounded rectangles in the kind colors
and every note's text wrapped greedily character by character at one fixed size with
``drawString``, plus the author. It skips what makes the export a board rather than a pile of
rectangles: text shrunk to fit and line-break rules, cluster frames, links, header, legend,
tile marks, the glyph check and the temporary-file rename. Ratio = pofacil / baseline.

Goals: 200 notes <= 0.5 s, 5,000 notes <= 5 s, and <= 1.5x the baseline. Nothing is asserted;
the script prints its figures, including output bytes per note.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import math
import platform
import pstats
import random
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from workshop_texts import AUTHORS, CLUSTER_NAMES, KINDS, make_text

from pofacil.board import ops
from pofacil.board.formats.fonts import register_reportlab
from pofacil.board.formats.pdf.export import PdfReport, export_pdf
from pofacil.board.model import Workshop, WorkshopInfo
from pofacil.board.model.kinds import KIND_BY_ID

GOALS_S = {200: 0.5, 5000: 5.0}
RATIO_GOAL = 1.5
STEP_X, STEP_Y = 180.0, 120.0

def build(n: int) -> Workshop:
    """The same board for the same n (seeded), in memory: the export reads only the model."""
    rng = random.Random(n)
    ws = Workshop(WorkshopInfo(title="匯出效能測試", date="2026-11-20", venue="行政院大禮堂"))
    change = ops.add_board(ws, "blank", "全體")
    for patch in change.patches:
        ws.load(patch)
    board_id = change.board or ""
    cols = math.ceil(math.sqrt(n * 1.6 * STEP_Y / STEP_X))
    specs = [ops.NoteSpec(make_text(rng), kind=rng.choice(KINDS), author=rng.choice(AUTHORS),
                          x=(i % cols) * STEP_X, y=(i // cols) * STEP_Y) for i in range(n)]
    for patch in ops.add_notes(ws, board_id, specs).patches:
        ws.load(patch)
    ids = [s.id for s in specs]
    steps: list[Callable[[], ops.Change]] = []
    for r in range(0, math.ceil(n / cols), 4):
        for c in range((r * 7) % 25, cols - 4, 25):
            members = [r * cols + c + k for k in range(5)]
            if members[-1] < n:
                name = CLUSTER_NAMES[len(steps) % len(CLUSTER_NAMES)]
                steps.append(lambda m=members, name=name: ops.cluster_notes(
                    ws, [ids[i] for i in m], name))
    for i in range(7, n - cols - 1, 20):
        if (i % cols) + 1 < cols:
            steps.append(lambda i=i: ops.link_notes(
                ws, ids[i], ids[i + cols + 1], "child" if i % 40 == 7 else "link"))
    for step in steps:
        for patch in step().patches:
            ws.load(patch)
    return ws


def baseline(ws: Workshop, out: Path, report: PdfReport) -> None:
    """The bare reportlab script: same pages, same rectangles, wrapped text, same font."""
    font = register_reportlab()
    notes = ws.ordered_boards()[0].live_notes()
    canvas = Canvas(str(out), pagesize=report.page_size, pageCompression=1,
                    initialFontName=font)
    widths: dict[str, float] = {}

    def char_width(ch: str) -> float:
        if ch not in widths:
            widths[ch] = stringWidth(ch, font, 1.0)
        return widths[ch]

    for page in report.page_info:
        tf = page.transform
        if tf is None:
            continue
        s = tf.scale
        x0, y0, w0, h0 = tf.area
        canvas.saveState()
        clip = canvas.beginPath()
        clip.rect(x0, y0, w0, h0)
        canvas.clipPath(clip, stroke=0, fill=0)
        size, author_size = 16 * s, 12 * s
        for note in notes:
            left, top = tf.to_page(note.x, note.y)
            if left > x0 + w0 or left + note.w * s < x0 or top < y0 or top - note.h * s > y0 + h0:
                continue
            canvas.setFillColor(HexColor(KIND_BY_ID[note.kind].color))
            canvas.roundRect(left, top - note.h * s, note.w * s, note.h * s, 4 * s,
                             stroke=1, fill=1)
            lines, line, used = [], "", 0.0
            for ch in note.text:
                if line and (used + char_width(ch)) * size > (note.w - 16) * s:
                    lines.append(line)
                    line, used = "", 0.0
                line += ch
                used += char_width(ch)
            lines.append(line)
            canvas.setFillColor(HexColor("#111111"))
            canvas.setFont(font, size)
            for i, text in enumerate(lines):
                canvas.drawString(left + 8 * s, top - 8 * s - size * (1.16 + 1.448 * i), text)
            if note.author:
                canvas.setFont(font, author_size)
                canvas.drawRightString(left + (note.w - 8) * s, top - (note.h - 4) * s,
                                       note.author)
        canvas.restoreState()
        canvas.showPage()
    # The same stream encoding as pofacil's (zlib, no ASCII85 layer): a fair comparison.
    saved, rl_config.useA85 = rl_config.useA85, 0
    try:
        canvas.save()
    finally:
        rl_config.useA85 = saved


def best_of(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def run_size(folder: Path, n: int, repeat: int, profile: bool) -> None:
    ws = build(n)
    goal = GOALS_S.get(n)
    for mode, record in (("fit", False), ("auto", False), ("auto", True)):
        out = folder / f"pofacil-{n}-{mode}-{int(record)}.pdf"
        base = folder / f"baseline-{n}-{mode}.pdf"
        ours = best_of(repeat, partial(export_pdf, ws, out, mode=mode, record=record))
        report = export_pdf(ws, out, mode=mode, record=record)  # untimed: for its pages
        theirs = best_of(repeat, partial(baseline, ws, base, report))
        b = report.boards[0]
        kb = out.stat().st_size / n
        label = f"{mode}{' +record' if record else ''}"
        verdict = "(baseline draws no record)" if record else ""
        if not record:
            ok = (goal is None or ours <= goal) and ours / theirs <= RATIO_GOAL
            verdict = "ok" if ok else "MISSED"
            verdict += f" (goal <= {goal:g} s, <= {RATIO_GOAL}x)" if goal else f" (<= {RATIO_GOAL}x)"
        print(f"{n:>6} {label:<13} {report.pages:>5} {b.mode:>5} {b.scale:>6.3f} "
              f"{ours:>8.3f} {theirs:>9.3f} {ours / theirs:>6.2f}x {kb:>8.0f}  "
              f"{out.stat().st_size / 1e6:>6.2f} MB  {verdict}")
        if profile and not record:
            prof = cProfile.Profile()
            prof.runcall(export_pdf, ws, out, mode=mode, record=record)
            pstats.Stats(prof).sort_stats("cumulative").print_stats(18)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 5000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    print(f"Python {platform.python_version()}, {platform.machine()}, "
          f"best of {args.repeat}; seconds; bytes per note of pofacil's file")
    print(f"{'notes':>6} {'run':<13} {'pages':>5} {'as':>5} {'scale':>6} "
          f"{'pofacil':>8} {'baseline':>9} {'ratio':>7} {'B/note':>8}  {'size':>9}")
    register_reportlab()  # once, outside the timings: both sides share the parsed font
    with tempfile.TemporaryDirectory(prefix="pofacil-export-bench-") as folder:
        for n in args.sizes:
            run_size(Path(folder), n, args.repeat, args.profile)


if __name__ == "__main__":
    main()
