"""`pofacil import --speakers` into a mind map and `pofacil layout`, through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pofacil.board import ops
from pofacil.board.geometry.grid import Rect
from pofacil.board.session import Session
from pofacil.cli import main

from .board.mindmap_checks import crossings, links_through_notes, overlaps, ratio


def outline(themes: int, points: int) -> str:
    lines = ["# 共識營早上"]
    for t in range(themes):
        lines.append(f"- 主題{t}")
        lines += [f"  - 發言者{p}: 第{t}-{p}點" for p in range(points)]
    return "\n".join(lines) + "\n"


def exported(tmp_path: Path, ws: Path) -> dict:
    out = tmp_path / "out.json"
    assert main(["export", str(ws), "--json", str(out)]) == 0
    data: dict = json.loads(out.read_text(encoding="utf-8"))["boards"][0]
    return data


def test_import_with_speakers_then_layout(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    ws = tmp_path / "m.pofacil"
    src = tmp_path / "o.md"
    src.write_text(outline(3, 2), encoding="utf-8")
    assert main(["new", str(ws), "--board", "mindmap:心智圖"]) == 0
    assert main(["import", str(ws), str(src), "--speakers"]) == 0
    assert "imported 9 note(s) into board 心智圖" in capsys.readouterr().out
    board = exported(tmp_path, ws)
    assert len(board["notes"]) == 10  # the heading named the central topic
    assert {n["author"] for n in board["notes"]} == {"", "發言者0", "發言者1"}
    assert len([link for link in board["links"] if link["kind"] == "child"]) == 9
    # The import laid the map out already: layout has nothing to move, and records no step.
    assert main(["layout", str(ws), "--board", "心智圖"]) == 0
    assert "0 note(s) moved" in capsys.readouterr().out
    s = Session.open(ws)
    try:
        assert s.undo_label() == "import"
        note = s.workshop.find_board("心智圖").live_notes()[3]
        s.do(ops.move_notes(s.workshop, {note.id: (note.x + 900, note.y + 700)}))
    finally:
        s.close()
    assert main(["layout", str(ws)]) == 0
    assert "1 note(s) moved" in capsys.readouterr().out
    s = Session.open(ws)
    try:
        assert s.undo_label() == "lay out"
    finally:
        s.close()


def test_layout_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    ws = tmp_path / "m.pofacil"
    assert main(["new", str(ws), "--board", "mindmap:心智圖"]) == 0
    capsys.readouterr()
    assert main(["layout", str(ws), "--board", "沒有這個"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("pofacil: ") and len(err.splitlines()) == 1
    assert main(["layout", str(tmp_path / "missing.pofacil")]) == 1


def test_a_75_point_morning_is_a_landscape_map(tmp_path: Path) -> None:
    """15 themes of 4 points (plus the topic): the issue's real morning, through the CLI."""
    ws = tmp_path / "m.pofacil"
    src = tmp_path / "上午.md"
    src.write_text(outline(15, 4), encoding="utf-8")
    assert main(["new", str(ws), "--board", "mindmap:心智圖"]) == 0
    assert main(["import", str(ws), str(src), "--speakers"]) == 0
    board = exported(tmp_path, ws)
    notes = {n["id"]: Rect(*n["rect"]) for n in board["notes"]}
    assert len(notes) == 76
    assert overlaps(notes) == []
    segs = [
        (link["source"], link["target"], (*link["start"], *link["end"]))
        for link in board["links"]
        if link["kind"] == "child"
    ]
    assert len(segs) == 75
    assert links_through_notes(notes, segs) == []
    assert crossings(segs) == []
    assert 4 / 3 <= ratio(notes) <= 16 / 9
