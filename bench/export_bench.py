"""PDF export benchmark: a whole ``pofacil export --pdf --fit`` process beside a bare reportlab
process drawing the same notes the same way.

Run: .venv/bin/python bench/export_bench.py [--sizes 3000] [--runs 7]

For each size it writes a workshop file with one blank board of realistic Traditional Chinese
notes on a 180 x 120 grid (~5% of them in clusters of five, ~5% linked) and times, as new
processes from exec to exit (imports, font registration, reading the file and writing the PDF
included):

- ``pofacil export FILE --pdf OUT --fit --no-record``: the board on one page, no appendix;
- the baseline, ``python -c BASELINE``: reads the same notes from the file with sqlite3,
  registers the same bundled TrueType font with reportlab, and on the same landscape A4 page,
  scaled to fit the same way, draws every note as a rounded rectangle in its kind's color
  with its text wrapped greedily character by character at one size, through the text-object
  idiom pofacil uses (one text object per note, one text matrix, ``textLine`` per line, the
  author with ``textOut``), with the same stream compression.

The baseline skips what makes the export a board rather than a pile of rectangles: text
shrunk to fit and line-break rules, cluster frames, links, header and legend, the glyph check
and the temporary-file rename. Runs are interleaved (pofacil, baseline, ...) after one
untimed warm-up each; the figures are medians and 95th percentiles, the ratio compares the
medians of one run. Goal: <= 1.5x the baseline. The first line says whether reportlab's
accelerator (rl-accel) is installed, which changes both sides alike.

The warm-up also leaves Python's bytecode behind, as a user's first command does (and as an
installed wheel ships it): an environment with PYTHONDONTWRITEBYTECODE set would otherwise have
pofacil compile its own sources on every timed run, 0.15-0.3 s here, while the baseline's
modules all come compiled. The bench unsets it for the processes it times, and says so.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from cli_bench import interleaved, p95, pofacil_script
from workshop_texts import AUTHORS, CLUSTER_NAMES, KINDS, make_text

from pofacil.board import ops
from pofacil.board.formats.fonts import font_path
from pofacil.board.model import Workshop, WorkshopInfo
from pofacil.board.model.kinds import KIND_BY_ID
from pofacil.board.storage.store import Store

RATIO_GOAL = 1.5
STEP_X, STEP_Y = 180.0, 120.0

BASELINE = r"""
import json, sqlite3, sys
from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

path, out, font_file, colors = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
notes = conn.execute("SELECT x, y, w, h, kind, text, author FROM notes WHERE NOT deleted "
                     "ORDER BY rowid").fetchall()
pdfmetrics.registerFont(TTFont("Baseline", font_file))
font = "Baseline"
width, height = landscape(A4)
margin = 28.0
left = min(n[0] for n in notes); top = min(n[1] for n in notes)
right = max(n[0] + n[2] for n in notes); bottom = max(n[1] + n[3] for n in notes)
s = min((width - 2 * margin) / (right - left), (height - 2 * margin - 40) / (bottom - top))
canvas = Canvas(out, pagesize=(width, height), pageCompression=1, initialFontName=font)
# The board's y grows downwards, as in pofacil's drawing: flip the page once.
canvas.translate(margin, height - margin - 40)
canvas.scale(s, -s)
canvas.translate(-left, -top)
widths = {}
size, author_size, pad = 16.0, 12.0, 8.0
for x, y, w, h, kind, text, author in notes:
    canvas.setFillColor(HexColor(colors.get(kind, "#E0E0E0")))
    canvas.roundRect(x, y, w, h, 4, stroke=1, fill=1)
    lines, line, used = [], "", 0.0
    for ch in text:
        cw = widths.get(ch)
        if cw is None:
            cw = widths[ch] = stringWidth(ch, font, 1.0)
        if line and (used + cw) * size > w - 2 * pad:
            lines.append(line)
            line, used = "", 0.0
        line += ch
        used += cw
    lines.append(line)
    t = canvas.beginText()
    t.setFillGray(0.07)
    t.setTextTransform(1, 0, 0, -1, x + pad, y + pad + 0.88 * size)
    t.setFont(font, size, 1.45 * size)
    for text_line in lines:
        t.textLine(text_line)
    if author:
        t.setTextTransform(1, 0, 0, -1, x + w - pad - stringWidth(author, font, author_size),
                           y + h - 6)
        t.setFont(font, author_size, 1.45 * author_size)
        t.textOut(author)
    canvas.drawText(t)
canvas.showPage()
rl_config.useA85 = 0  # the same stream encoding as pofacil's (zlib, no ASCII85 layer)
canvas.save()
"""


def build(n: int) -> Workshop:
    """The same board for the same n (seeded)."""
    rng = random.Random(n)
    ws = Workshop(WorkshopInfo(title="匯出效能測試", date="2026-11-20", venue="行政院大禮堂"))
    change = ops.add_board(ws, "blank", "全體")
    for patch in change.patches:
        ws.load(patch)
    board_id = change.board or ""
    cols = math.ceil(math.sqrt(n * 1.6 * STEP_Y / STEP_X))
    specs = [
        ops.NoteSpec(
            make_text(rng),
            kind=rng.choice(KINDS),
            author=rng.choice(AUTHORS),
            x=(i % cols) * STEP_X,
            y=(i // cols) * STEP_Y,
        )
        for i in range(n)
    ]
    for patch in ops.add_notes(ws, board_id, specs).patches:
        ws.load(patch)
    ids = [s.id for s in specs]
    steps: list[Callable[[], ops.Change]] = []
    for r in range(0, math.ceil(n / cols), 4):
        for c in range((r * 7) % 25, cols - 4, 25):
            members = [r * cols + c + k for k in range(5)]
            if members[-1] < n:
                name = CLUSTER_NAMES[len(steps) % len(CLUSTER_NAMES)]
                steps.append(
                    lambda m=members, name=name: ops.cluster_notes(ws, [ids[i] for i in m], name)
                )
    for i in range(7, n - cols - 1, 20):
        if (i % cols) + 1 < cols:
            steps.append(
                lambda i=i: ops.link_notes(
                    ws, ids[i], ids[i + cols + 1], "child" if i % 40 == 7 else "link"
                )
            )
    for step in steps:
        for patch in step().patches:
            ws.load(patch)
    return ws


def accelerated() -> bool:
    found = subprocess.run([sys.executable, "-c", "import _rl_accel"], capture_output=True)
    return found.returncode == 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[3000])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print(
        f"Python {platform.python_version()}, {platform.machine()}, rl-accel "
        f"{'installed' if accelerated() else 'not installed'}; whole processes, "
        f"{args.runs} interleaved runs each after one warm-up"
    )
    if os.environ.pop("PYTHONDONTWRITEBYTECODE", None) is not None:
        print("PYTHONDONTWRITEBYTECODE unset for the timed processes (see the docstring)")
    colors = json.dumps({k: v.color for k, v in KIND_BY_ID.items()})
    with tempfile.TemporaryDirectory(prefix="pofacil-export-bench-") as name:
        folder = Path(name)
        for n in args.sizes:
            path = folder / f"board-{n}.pofacil"
            Store.create(path, build(n)).close()
            ours, theirs = folder / f"pofacil-{n}.pdf", folder / f"baseline-{n}.pdf"
            times = interleaved(
                {
                    "pofacil": [
                        pofacil_script(),
                        "export",
                        str(path),
                        "--pdf",
                        str(ours),
                        "--fit",
                        "--no-record",
                    ],
                    "baseline": [
                        sys.executable,
                        "-c",
                        BASELINE,
                        str(path),
                        str(theirs),
                        str(font_path()),
                        colors,
                    ],
                },
                args.runs,
            )
            mine, base = times["pofacil"], times["baseline"]
            ratio = statistics.median(mine) / statistics.median(base)
            verdict = "ok" if ratio <= RATIO_GOAL else "MISSED"
            print(
                f"{n:>6} notes  pofacil export  median {statistics.median(mine):6.2f} s  "
                f"p95 {p95(mine):6.2f} s  {ours.stat().st_size / 1e6:5.2f} MB"
            )
            print(
                f"{'':>12} bare reportlab  median {statistics.median(base):6.2f} s  "
                f"p95 {p95(base):6.2f} s  {theirs.stat().st_size / 1e6:5.2f} MB  "
                f"ratio {ratio:4.2f}x  {verdict} (<= {RATIO_GOAL}x)"
            )


if __name__ == "__main__":
    main()
