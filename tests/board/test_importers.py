"""Import is all or nothing, and every bad row is named by its line number."""

import random
from pathlib import Path

import pytest

from pofacil.board.formats.importers import import_change
from pofacil.board.model.errors import ImportFormatError, ModelError
from pofacil.board.session import Session

from .conftest import board_id

TABLE = "議題脈絡分析表"


def run_import(session: Session, path: Path, board: str = TABLE, author: str = "") -> list:
    change = session.do(import_change(session.workshop, board_id(session, board), path, author))
    return [session.workshop.note(i) for i in change.subjects]


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_csv_with_bom_all_columns_both_languages(session: Session, tmp_path: Path) -> None:
    src = write(
        tmp_path,
        "notes.csv",
        (
            "\ufefftext,kind,cell,cluster,author,x,y,votes\n"
            '"兼任，很忙",問題,PO制度/現在的認知,人力,王素琴,10,20.5,3\n'
            "多一點溝通,solution,Ministry needs/Future: expectation,人力,,,,\n"
            "全文,Need,policy/now,,,,,\n"
        ),
    )
    notes = run_import(session, src, author="匿名")
    assert [(n.text, n.kind, n.cell, n.author) for n in notes] == [
        ("兼任，很忙", "problem", "system/now", "王素琴"),
        ("多一點溝通", "solution", "ministry/future", "匿名"),
        ("全文", "need", "policy/now", "匿名"),
    ]
    assert (notes[0].x, notes[0].y, notes[0].votes) == (10.0, 20.5, 3)
    assert notes[0].cluster == notes[1].cluster is not None and notes[2].cluster is None
    board = session.workshop.find_board(TABLE)
    assert [c.name for c in board.clusters.values()] == ["人力"]
    assert session.undo_label() == "import"
    session.undo()
    assert board.live_notes() == [] and board.clusters == {}


def test_bad_rows_are_all_listed_and_nothing_is_imported(session: Session, tmp_path: Path) -> None:
    src = write(
        tmp_path,
        "bad.csv",
        (
            "text,kind,cell,x,votes\n"
            "好的,problem,,,\n"
            " ,problem,,,\n"
            "未知種類,rumour,,,\n"
            "未知格,problem,PO角色/明天,,\n"
            "座標,problem,,abc,\n"
            "票數,problem,,,-1\n"
            '"多行\n文字",problem,,nan,\n'
            "欄位太多,problem,,,,extra\n"
        ),
    )
    with pytest.raises(ImportFormatError) as info:
        run_import(session, src)
    assert [(p.line, str(p.reason)) for p in info.value.problems] == [
        (3, "A note needs some text."),
        (4, "unknown kind 'rumour'"),
        (5, "unknown cell 'PO角色/明天' on board 議題脈絡分析表"),
        (6, "bad number in x: 'abc'"),
        (7, "Votes must be a whole number from 0 to 10,000, not -1."),
        (8, "A position must be a number from -1,000,000 to 1,000,000, not nan."),
        (10, "6 fields, the header has 5"),
    ]
    assert "line 3: A note needs some text." in str(info.value)
    assert session.workshop.find_board(TABLE).notes == {}
    assert session.undo_label() is None


@pytest.mark.parametrize(
    "name,data,words",
    [
        ("big5.csv", "text\n業務單位很忙\n".encode("big5"), "not UTF-8"),
        ("utf16.csv", "text\n業務單位很忙\n".encode("utf-16"), "UTF-16"),
        ("noheader.csv", "業務單位很忙,problem\n", "header"),
        ("typo.csv", "text,knid\nx,problem\n", "Unknown or repeated"),
        ("empty.csv", "", "header"),
        ("binary.csv", b"text\n\x00\x01\x02", "not a text file"),
        ("random.csv", random.Random(7).randbytes(4000), "not UTF-8"),
        ("random.md", random.Random(8).randbytes(4000), "not UTF-8"),
        ("notes.docx", "text\nx\n", "imports .csv, .txt and .md"),
        ("blank.txt", "\n \n", "no notes"),
    ],
)
def test_unreadable_sources(
    session: Session, tmp_path: Path, name: str, data: str | bytes, words: str
) -> None:
    with pytest.raises(ModelError, match=words):
        run_import(session, write(tmp_path, name, data))
    assert session.workshop.find_board(TABLE).notes == {}


def test_huge_cell_is_refused(session: Session, tmp_path: Path) -> None:
    src = write(tmp_path, "huge.csv", "text\n短\n" + "長" * 1_000_000 + "\n")
    with pytest.raises(ImportFormatError, match="line 3: a field is longer than"):
        run_import(session, src)
    src = write(tmp_path, "long.csv", "text\n" + "長" * 5000 + "\n")
    with pytest.raises(
        ImportFormatError, match="line 2: A text can be at most 2,000 characters long"
    ):
        run_import(session, src)


def test_missing_source(session: Session, tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="cannot be read"):
        run_import(session, tmp_path / "nope.csv")


def test_txt_one_note_per_line(session: Session, tmp_path: Path) -> None:
    src = write(tmp_path, "notes.txt", "第一點\n\n  第二點  \r\n第三點")
    notes = run_import(session, src, board="全體", author="陳怡君")
    assert [(n.text, n.author) for n in notes] == [
        ("第一點", "陳怡君"),
        ("第二點", "陳怡君"),
        ("第三點", "陳怡君"),
    ]
    assert len({(n.x, n.y) for n in notes}) == 3, "notes do not land on each other"


def test_markdown_nesting_becomes_child_links(session: Session, tmp_path: Path) -> None:
    src = write(
        tmp_path,
        "map.md",
        (
            "# PO 的角色\n"
            "- PO 制度\n"
            "  - 兼任\n"
            "    * 很忙\n"
            "  - 考核\n"
            "- PO 角色\n"
            "\t1. 翻譯者\n"
            "```\n- not a note\n```\n"
        ),
    )
    notes = run_import(session, src, board="全體")
    ids = {n.text: n.id for n in notes}
    board = session.workshop.find_board("全體")

    def kids(text: str) -> list[str]:
        return sorted(board.notes[c].text for c in board.children(ids[text]))

    assert len(notes) == 7
    assert kids("PO 的角色") == ["PO 制度", "PO 角色"]
    assert kids("PO 制度") == ["兼任", "考核"]
    assert kids("兼任") == ["很忙"]
    assert kids("PO 角色") == ["翻譯者"]


def test_markdown_prose_is_an_error(session: Session, tmp_path: Path) -> None:
    src = write(tmp_path, "prose.md", "- 一\n這是一段文字\n- \n")
    with pytest.raises(ImportFormatError) as info:
        run_import(session, src, board="全體")
    assert [p.line for p in info.value.problems] == [2, 3]
