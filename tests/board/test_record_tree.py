"""The PDF record lists a mind map as its tree: depth-first, children indented."""

import re
import subprocess
from pathlib import Path

from pofacil.board import ops
from pofacil.board.formats.pdf.export import export_pdf
from pofacil.board.formats.pdf.record import INDENT_PT
from pofacil.board.ops import boards as board_ops
from pofacil.board.session import Session


def test_the_record_reads_a_mind_map_as_its_tree(tmp_path: Path) -> None:
    session = Session.create(tmp_path / "m.pofacil", title="共識營", boards=[("mindmap", "心智圖")])
    try:
        ws = session.workshop
        board = ws.find_board("心智圖")
        center = board.live_notes()[0].id

        def add(parent: str, text: str) -> str:
            return session.do(board_ops.add_branch(ws, parent, text)).subjects[0]

        # Raised in an order that is not the tree's: a scribe jumps between themes.
        a = add(center, "甲主題")
        b = add(center, "乙主題")
        add(a, "甲之一")
        add(b, "乙之一")
        add(a, "甲之二")
        session.do(ops.edit_text(ws, center, "中心"))
        out = tmp_path / "m.pdf"
        report = export_pdf(ws, out)
    finally:
        session.close()
    record = report.record_pages
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(record[0]), "-l", str(record[-1]), str(out), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    # pdftotext groups words into blocks by where they start; the page's order is top down.
    found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]+)</word>', html)
    texts = {"中心", "甲主題", "乙主題", "甲之一", "乙之一", "甲之二"}
    words = [(w, float(x)) for x, _, w in sorted(found, key=lambda f: float(f[1])) if w in texts]
    assert [w for w, _ in words] == ["中心", "甲主題", "甲之一", "甲之二", "乙主題", "乙之一"]
    x = dict(words)
    assert abs(x["甲主題"] - x["中心"] - INDENT_PT) < 0.5
    assert abs(x["甲之一"] - x["甲主題"] - INDENT_PT) < 0.5
    assert x["甲之二"] == x["甲之一"] and x["乙主題"] == x["甲主題"]
