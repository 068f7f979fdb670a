"""The record counts the room's points and never shows a point's words: a point set aside,
or still waiting, is in no export (PDF record, Markdown minutes, CSV, JSON), and the record
says how many came, were accepted, wait and were set aside (through the real CLI)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from pofacil.board.formats.sample import write_sample
from pofacil.board.model.points import SET_ASIDE
from pofacil.board.session import Session
from pofacil.board.storage.inbox import read_points
from pofacil.cli import main
from pofacil.room.receive import Arrival, Placement, moderate_point, receive

ASIDE = "這點請不要公開（擱置）"
WAITING = "還在收件匣裡的意見"


def room_day(tmp_path: Path) -> Path:
    path = write_sample(tmp_path / "room.pofacil")
    s = Session.open(path, actor="lead")
    try:
        receive(
            s,
            [Arrival("a", ASIDE, "王素琴"), Arrival("b", WAITING, ""), Arrival("c", "第三點", "")],
            Placement(),
        )
        aside = next(p for p in read_points(s.store.conn) if p.text == ASIDE)
        moderate_point(s, aside, SET_ASIDE)
    finally:
        s.close()
    return path


def test_the_record_counts_the_room_and_shows_no_point(tmp_path: Path) -> None:
    path = room_day(tmp_path)
    outs = {fmt: tmp_path / f"out.{fmt}" for fmt in ("pdf", "md", "csv", "json")}
    for fmt, out in outs.items():
        assert main(["export", str(path), f"--{fmt}", str(out)]) == 0
    pdf = subprocess.run(
        ["pdftotext", str(outs["pdf"]), "-"], capture_output=True, text=True, check=True
    ).stdout
    md = outs["md"].read_text(encoding="utf-8")
    for text in (pdf, md):
        assert "現場手機意見" in text
        assert "收到3則，採用0則，待處理2則，擱置1則" in re.sub(r"\s", "", text)
    for text in (
        re.sub(r"\s", "", pdf),
        md,
        outs["csv"].read_text(encoding="utf-8"),
        outs["json"].read_text(encoding="utf-8"),
    ):
        assert ASIDE not in text and WAITING not in text
    assert json.loads(outs["json"].read_text(encoding="utf-8"))["room"]["set_aside"] == 1


def test_a_workshop_without_phones_has_no_room_section(tmp_path: Path) -> None:
    path = write_sample(tmp_path / "quiet.pofacil")
    out = tmp_path / "out.md"
    assert main(["export", str(path), "--md", str(out), "--lang", "en"]) == 0
    assert "Points from phones" not in out.read_text(encoding="utf-8")
