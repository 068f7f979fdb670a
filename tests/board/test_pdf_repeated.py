"""Kind words and speakers drawn from the formatted-once cache print exactly as reportlab's
own ``textOut`` prints them: the whole PDF is compared byte for byte."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from reportlab import rl_config
from reportlab.pdfgen.textobject import PDFTextObject

from pofacil.board import ops
from pofacil.board.formats.pdf.export import export_pdf
from pofacil.board.formats.pdf.repeated import RepeatedText
from pofacil.board.session import Session
from tests.camp import statements


def _plain_show(
    self: RepeatedText, t: PDFTextObject, text: str, font: str, size: float, leading: float
) -> None:
    t.setFont(font, size, leading)
    t.textOut(text)


def _camp_on_a_free_board(path: Path) -> Session:
    """The camp's 300 statements (nine speakers, five kinds) on a free board, in English
    labels too, so that kind words and speakers repeat and mix Latin and Han text."""
    session = Session.create(path, title="共識營", boards=[("blank", "全體")], actor="tester")
    board = session.workshop.find_board("全體")
    specs = [
        ops.NoteSpec(s.text, kind=s.kind, author=s.author, x=(i % 20) * 180.0, y=(i // 20) * 120)
        for i, s in enumerate(statements(300))
    ]
    session.do(ops.add_notes(session.workshop, board.id, specs))
    return session


@pytest.mark.parametrize("language", ["zh", "en"])
def test_cached_kind_words_and_speakers_print_as_textout_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    monkeypatch.setattr(rl_config, "invariant", 1)  # no dates or random ids in the file
    session = _camp_on_a_free_board(tmp_path / "camp.pofacil")
    try:
        ws = session.workshop
        cached = export_pdf(ws, tmp_path / "cached.pdf", mode="fit", language=language)
        with monkeypatch.context() as m:
            m.setattr(RepeatedText, "show", _plain_show)
            plain = export_pdf(ws, tmp_path / "plain.pdf", mode="fit", language=language)
    finally:
        session.close()
    assert cached.path.read_bytes() == plain.path.read_bytes()
    words = subprocess.run(
        ["pdftotext", "-raw", str(cached.path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert ("問題" if language == "zh" else "Problem") in words
    assert "王素琴" in words
