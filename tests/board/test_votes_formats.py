"""A closed dot vote in what leaves the room: the PDF (dots and counts on the notes, read back
with pdftotext), the record's vote section and the Markdown minutes; a mind map too."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pofacil.board.formats.minutes import markdown_text
from pofacil.board.formats.pdf.export import export_pdf
from pofacil.board.formats.vote_results import record_vote_groups, results
from pofacil.board.model.errors import ModelError
from pofacil.board.ops import votes
from pofacil.board.session import Session
from tests.camp import TABLE, write_camp

pytestmark = pytest.mark.skipif(
    not all(shutil.which(t) for t in ("pdftotext", "pdffonts")), reason="needs poppler-utils"
)
CELL = "role/now"


def run(*args: object) -> str:
    return subprocess.run([str(a) for a in args], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def voted(tmp_path: Path) -> Session:
    """The 300-note camp with a closed round on one cell: 7, 4 and 1 votes on three notes."""
    session = Session.open(write_camp(tmp_path / "camp.pofacil"), actor="桌長")
    ws = session.workshop
    board = ws.find_board(TABLE)
    notes = sorted(board.notes_in(CELL), key=lambda n: n.seq)
    rnd = session.do(votes.open_round(ws, board.id, "cells", [CELL], per_person=3)).patches[0].id
    for note, times in ((notes[9], 7), (notes[1], 4), (notes[5], 1)):
        for _ in range(times):
            session.do(votes.add_vote(ws, rnd, note.id))
    yield session
    session.close()


def _close(session: Session) -> str:
    board = session.workshop.find_board(TABLE)
    rnd = votes.open_round_of(board)
    assert rnd is not None
    session.do(votes.close_round(session.workshop, rnd.id))
    return rnd.id


def tokens(text: str) -> list[str]:
    return re.findall(r"\S+", text)


def test_the_pdf_holds_the_counts_only_once_shown(voted: Session, tmp_path: Path) -> None:
    hidden = tmp_path / "hidden.pdf"
    export_pdf(voted.workshop, hidden, boards=[TABLE], record=False)
    before = tokens(run("pdftotext", "-raw", hidden, "-"))
    _close(voted)
    closed = tmp_path / "closed.pdf"
    export_pdf(voted.workshop, closed, boards=[TABLE], record=False)
    after = tokens(run("pdftotext", "-raw", closed, "-"))
    # Each count is printed once per page the note is on (the table's detail pages).
    for count in ("7", "4", "1"):
        assert after.count(count) > before.count(count), count
    fonts = run("pdffonts", closed).splitlines()[2:]
    assert fonts and all(" yes yes yes " in f for f in fonts), fonts


def test_the_record_lists_each_cells_notes_by_votes(voted: Session, tmp_path: Path) -> None:
    board = voted.workshop.find_board(TABLE)
    assert record_vote_groups(board, "zh") == [], "an open round is not a result yet"
    rnd_id = _close(voted)
    [(cell, ranked)] = results(board, board.rounds[rnd_id])
    assert cell is not None and cell.id == CELL
    assert [v for _, v in ranked] == [7, 4, 1]
    out = tmp_path / "record.pdf"
    report = export_pdf(voted.workshop, out, boards=[TABLE], record=True)
    record = run(
        "pdftotext",
        "-raw",
        "-f",
        report.record_pages[0],
        "-l",
        report.record_pages[-1],
        out,
        "-",
    )
    flat = re.sub(r"\s", "", record)  # the place column wraps anywhere
    assert "投票結果·PO角色／現在的認知·7票" in flat
    assert flat.index("7票") < flat.index("4票") < flat.index("1票")
    first = re.sub(r"\s", "", ranked[0][0].text)[:6]
    assert first in flat[flat.index("7票") :], "the 7-vote note is listed under its count"


def test_the_minutes_have_a_vote_section(voted: Session) -> None:
    board = voted.workshop.find_board(TABLE)
    assert "投票結果" not in markdown_text(voted.workshop, [TABLE])
    rnd_id = _close(voted)
    text = markdown_text(voted.workshop, [TABLE])
    section = text[text.index("### 投票結果") :]
    ranked = results(board, board.rounds[rnd_id])[0][1]
    lines = [line for line in section.splitlines() if line.startswith("- ")]
    assert [line.split("：")[0] for line in lines] == ["- 7 票", "- 4 票", "- 1 票"]
    assert lines[0].split("：", 1)[1].startswith(ranked[0][0].text.split("\n")[0][:4])
    english = markdown_text(voted.workshop, [TABLE], language="en")
    assert "### Vote results (3 vote(s) per person, closed " in english
    assert "- 7 vote(s): " in english


def test_a_mind_map_shows_an_open_rounds_counts_once_revealed(tmp_path: Path) -> None:
    from pofacil.board.formats.sample import write_sample

    session = Session.open(write_sample(tmp_path / "sample.pofacil"))
    try:
        ws = session.workshop
        board = next(b for b in ws.ordered_boards() if not b.cells and b.live_notes())
        note = sorted(board.live_notes(), key=lambda n: n.seq)[-1]
        rnd = session.do(votes.open_round(ws, board.id)).patches[0].id
        for _ in range(6):
            session.do(votes.add_vote(ws, rnd, note.id))
        pdfs = []
        for name in ("hidden", "revealed"):
            if name == "revealed":
                session.do(votes.reveal(ws, rnd))
            out = tmp_path / f"{name}.pdf"
            export_pdf(ws, out, boards=[board.id], record=False, mode="fit")
            pdfs.append(tokens(run("pdftotext", "-raw", out, "-")))
        assert pdfs[1].count("6") == pdfs[0].count("6") + 1
        with pytest.raises(ModelError, match="cells"):
            session.do(votes.close_round(ws, rnd))
            votes.sort_by_votes(ws, rnd)
    finally:
        session.close()
