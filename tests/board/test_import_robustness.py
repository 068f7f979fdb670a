"""Imports that used to go silently wrong: unclosed quotes, odd line separators, formulas."""

import csv
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pofacil.board import ops
from pofacil.board.formats.importers import import_change, parse_csv
from pofacil.board.formats.minutes import csv_rows, csv_text, export_csv
from pofacil.board.model import Workshop, WorkshopInfo
from pofacil.board.model.errors import ImportFormatError, ModelError
from pofacil.board.session import Session

from .conftest import board_id
from .strategies import VALID_TEXT

FORMULA = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet runs
# Separators str.splitlines() also breaks on, none of them a line break in a file.
NOT_LINE_BREAKS = ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def import_error(session: Session, path: Path) -> str:
    with pytest.raises(ImportFormatError) as info:
        session.do(import_change(session.workshop, board_id(session), path))
    assert session.workshop.find_board("全體").live_notes() == []
    return str(info.value)


@pytest.mark.parametrize(
    "text,line",
    [
        ('text,author\n好,王\n"沒有結束,李\n第二點,陳\n第三點,林\n', 3),
        ('text,author\n"跨行\n的文字",王\n"又一個,陳\n下一行\n', 4),
        ('text,author\n好,"王\n\n\n', 2),
        ('text,author\n"兩行\n都在引號裡","作者\n沒有結束\n', 3),
        ('text,author\r\n好,王\r\n"沒有結束,李\r\n第二點,陳\r\n', 3),
    ],
)
def test_an_unclosed_quote_is_refused_at_its_line(
    session: Session, tmp_path: Path, text: str, line: int
) -> None:
    """The quote used to swallow the rest of the file into one note, silently."""
    good = write(tmp_path, "ok.csv", 'text,author\n"說 ""好""",王\n5"高,李\n"兩\n行",陳\n')
    change = session.do(import_change(session.workshop, board_id(session), good))
    assert [session.workshop.note(i).text for i in change.subjects] == ['說 "好"', '5"高', "兩\n行"]
    session.undo()
    message = import_error(session, write(tmp_path, "quote.csv", text))
    assert f"line {line}: a quote" in message and "never closed" in message


@pytest.mark.parametrize("separator", NOT_LINE_BREAKS)
def test_only_cr_and_lf_end_a_line_in_text(
    session: Session, tmp_path: Path, separator: str
) -> None:
    src = write(tmp_path, "notes.txt", f"第一{separator}點\n第二點\r\n第三點\r第四點\n")
    change = session.do(import_change(session.workshop, board_id(session), src))
    texts = [session.workshop.note(i).text for i in change.subjects]
    assert texts == [f"第一{separator}點", "第二點", "第三點", "第四點"]


@pytest.mark.parametrize("separator", NOT_LINE_BREAKS)
def test_markdown_line_numbers_count_real_lines(
    session: Session, tmp_path: Path, separator: str
) -> None:
    src = write(tmp_path, "map.md", f"- 一{separator}二\n- 三\n這是一段文字\n")
    assert "line 3: not a bullet" in import_error(session, src)


@pytest.mark.parametrize(
    "row,reason",
    [
        ("遠,1e308,0,", "A position"),
        ("遠,0,-1000001,", "A position"),
        ("遠,inf,0,", "A position"),
        ("遠,0,NaN,", "A position"),
        ("票,0,0,100000000000000000000", "Votes"),
        ("票,0,0,1e20", "Votes"),
        ("票,0,0,2.5", "Votes"),
        ("票,0,0,10001", "Votes"),
        ("長" * 2001 + ",0,0,", "A text can be at most 2,000 characters long"),
    ],
)
def test_numbers_and_text_out_of_range_are_named_by_line(
    session: Session, tmp_path: Path, row: str, reason: str
) -> None:
    src = write(tmp_path, "range.csv", f"text,x,y,votes\n好,1,2,3\n{row}\n")
    assert f"line 3: {reason}" in import_error(session, src)


def one_note_workshop(text: str, author: str, cluster: str) -> Workshop:
    ws = Workshop(WorkshopInfo(title="公式"))
    for patch in ops.add_board(ws, "blank", "全體").patches:
        ws.load(patch)
    board = ws.ordered_boards()[0]
    change = ops.add_notes(
        ws, board.id, [ops.NoteSpec(text, author=author, cluster="c")], new_clusters={"c": cluster}
    )
    for patch in change.patches:
        ws.load(patch)
    return ws


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://example.com","點我")',
        "=cmd|' /C calc'!A0",
        "+886 2 1234",
        "-減少",
        "@SUM(A1:A9)",
    ],
)
def test_formulas_are_written_as_text(text: str) -> None:
    header, row = csv_rows(one_note_workshop(text, text, text))
    fields = dict(zip(header, row, strict=False))
    assert [fields[c] for c in ("text", "cluster", "author")] == ["'" + text] * 3


@settings(max_examples=300, deadline=None)
@given(text=VALID_TEXT, author=st.just("") | VALID_TEXT, cluster=VALID_TEXT)
def test_every_text_survives_the_csv_round_trip(text: str, author: str, cluster: str) -> None:
    """Export escapes, import unescapes: control characters, leading quotes and formula
    characters come back exactly, and no exported text field starts a formula."""
    ws = one_note_workshop(text, author, cluster)
    rows = csv_rows(ws)
    header = rows[0]
    numbers = {header.index(c) for c in ("x", "y", "votes")}
    for row in rows[1:]:
        for i, field in enumerate(row):
            if i not in numbers:
                assert not field.startswith(FORMULA), field
            else:
                float(field)  # a number, read as one by a spreadsheet
    target = Workshop(WorkshopInfo())
    for patch in ops.add_board(target, "blank", "全體").patches:
        target.load(patch)
    parsed = parse_csv(csv_text(ws), target.ordered_boards()[0], workshop=target)
    assert parsed.problems == []
    [spec] = parsed.notes
    assert (spec.text, spec.author, list(parsed.clusters.values())) == (text, author, [cluster])


def test_round_trip_through_files(session: Session, tmp_path: Path) -> None:
    texts = ["=1+1", "'=1+1", "'", "''", "'a", "+", "-", "@", "a\tb", "'\tx", "普通的話"]
    ws = session.workshop
    session.do(ops.add_notes(ws, board_id(session), [ops.NoteSpec(t) for t in texts]))
    path = export_csv(ws, tmp_path / "minutes.csv", ["全體"])
    with path.open(encoding="utf-8-sig", newline="") as fh:
        exported = [row[1] for row in csv.reader(fh)][1:]
    assert exported == [t if t[0] not in "=+-@'\t" else "'" + t for t in texts]
    twin = Session.create(tmp_path / "twin.pofacil", boards=[("blank", "全體")])
    try:
        change = twin.do(import_change(twin.workshop, board_id(twin), path))
        assert [twin.workshop.note(i).text for i in change.subjects] == texts
    finally:
        twin.close()


@pytest.mark.parametrize("name", ["nul.csv", "nul.txt", "nul.md"])
def test_a_nul_is_refused_with_its_line(session: Session, tmp_path: Path, name: str) -> None:
    src = tmp_path / name
    src.write_bytes("text\n- 好\n- 壞\x00的\n".encode())
    with pytest.raises(ModelError, match=r"NUL character \(line 3\)"):
        session.do(import_change(session.workshop, board_id(session), src))
