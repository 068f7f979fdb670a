"""Importing an outline into a mind map hangs it under the central topic, in one undo step."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pofacil.board import ops
from pofacil.board.formats.importers import (
    import_change,
    looks_like_speakers,
    split_speaker,
    with_layout,
)
from pofacil.board.model import Board
from pofacil.board.model.errors import PofacilError
from pofacil.board.ops.central import central_topic
from pofacil.board.session import Session

OUTLINE = """# PO 共識營
- PO 角色
  - 王素琴: 業務單位很忙
  - 四要素：人、事、時、地
- PO 制度
  - 挑戰：人力不足
"""


@pytest.fixture
def mind(tmp_path: Path) -> Iterator[Session]:
    s = Session.create(tmp_path / "m.pofacil", boards=[("mindmap", "心智圖")])
    yield s
    s.close()


def board(s: Session) -> Board:
    return s.workshop.find_board("心智圖")


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def do_import(s: Session, path: Path, speakers: bool = False) -> None:
    bid = board(s).id
    s.do_all(
        "import", *with_layout(bid, lambda ws: import_change(ws, bid, path, speakers=speakers))
    )


def tree(b: Board, note_id: str) -> tuple[str, list]:
    """(text, subtrees) from ``note_id`` down, children in on-screen order."""
    kids = sorted(b.children(note_id), key=lambda k: (b.notes[k].seq, k))
    return b.notes[note_id].text, [tree(b, k) for k in kids]


def test_a_single_heading_names_the_untouched_central_topic(mind: Session, tmp_path: Path) -> None:
    centre = central_topic(board(mind))
    assert centre is not None and centre.text == "中心主題"
    do_import(mind, write(tmp_path, "o.md", OUTLINE))
    b = board(mind)
    assert len(b.live_notes()) == 6  # the heading became the topic: no second centre
    assert central_topic(b) == b.notes[centre.id]
    assert tree(b, centre.id) == (
        "PO 共識營",
        [
            ("PO 角色", [("王素琴: 業務單位很忙", []), ("四要素：人、事、時、地", [])]),
            ("PO 制度", [("挑戰：人力不足", [])]),
        ],
    )
    # Without --speakers every line is a point: outlines are full of "挑戰：…".
    assert all(n.author == "" for n in b.live_notes())
    # The import and the layout are one step: one undo puts the default topic back alone.
    assert mind.undo_label() == "import"
    mind.undo()
    b = board(mind)
    assert [n.text for n in b.live_notes()] == ["中心主題"]
    assert (b.notes[centre.id].x, b.notes[centre.id].y) == (centre.x, centre.y)


def test_several_top_level_items_become_branches(mind: Session, tmp_path: Path) -> None:
    centre = central_topic(board(mind))
    assert centre is not None
    do_import(mind, write(tmp_path, "o.md", "- 甲\n  - 甲一\n- 乙\n- 丙\n"))
    b = board(mind)
    assert tree(b, centre.id) == ("中心主題", [("甲", [("甲一", [])]), ("乙", []), ("丙", [])])


def test_an_edited_topic_keeps_its_text_and_takes_the_outline_as_a_branch(
    mind: Session, tmp_path: Path
) -> None:
    centre = central_topic(board(mind))
    assert centre is not None
    mind.do(ops.edit_text(mind.workshop, centre.id, "共識營早上"))
    do_import(mind, write(tmp_path, "o.md", "# 主題\n- 點\n"))
    assert tree(board(mind), centre.id) == ("共識營早上", [("主題", [("點", [])])])


def test_text_lines_hang_under_the_topic_with_speakers(mind: Session, tmp_path: Path) -> None:
    centre = central_topic(board(mind))
    assert centre is not None
    src = write(tmp_path, "o.txt", "王素琴: 業務單位很忙\n林志明：需要培訓\n10:30 開始分組\n")
    do_import(mind, src, speakers=True)
    b = board(mind)
    kids = [b.notes[k] for k in b.children(centre.id)]
    assert sorted((n.author, n.text) for n in kids) == [
        ("", "10:30 開始分組"),
        ("林志明", "需要培訓"),
        ("王素琴", "業務單位很忙"),
    ]
    assert b.notes[centre.id].text == "中心主題"  # three top-level lines: the topic stays


def test_a_speaker_on_the_single_heading_moves_onto_the_topic(
    mind: Session, tmp_path: Path
) -> None:
    do_import(mind, write(tmp_path, "o.md", "- 主持人: 開場\n  - 王: 點\n"), speakers=True)
    centre = central_topic(board(mind))
    assert centre is not None
    assert (centre.text, centre.author) == ("開場", "主持人")


def test_other_boards_are_not_touched(tmp_path: Path) -> None:
    s = Session.create(tmp_path / "b.pofacil", boards=[("blank", "全體")])
    try:
        bid = s.workshop.find_board("全體").id
        s.do(ops.add_note(s.workshop, bid, "已經在這裡"))
        change = s.do(import_change(s.workshop, bid, write(tmp_path, "o.txt", "甲\n乙\n")))
        assert len(change.subjects) == 2 and not s.workshop.board(bid).links
    finally:
        s.close()


def test_speaker_lines() -> None:
    assert split_speaker("王素琴: 業務單位很忙") == ("王素琴", "業務單位很忙")
    assert split_speaker("王素琴：業務單位很忙") == ("王素琴", "業務單位很忙")
    assert split_speaker("10:30 開始") is None  # an ASCII colon needs its space
    assert split_speaker("這是一個很長很長很長很長的句子: 不是人名") is None
    assert split_speaker("王素琴: ") is None
    assert looks_like_speakers("- 甲\n- 王: 乙\n")
    assert not looks_like_speakers("- 甲\n- 10:30 乙\n")


@st.composite
def outlines(draw: st.DrawFn) -> str:
    """Markdown lines of any characters (surrogates, controls, very long), nested at random."""
    lines = []
    for _ in range(draw(st.integers(1, 20))):
        depth = draw(st.integers(0, 6))
        text = draw(st.text(max_size=40))
        if draw(st.booleans()):
            text *= draw(st.integers(50, 200))  # very long lines, past the note limit too
        lines.append("  " * depth + draw(st.sampled_from(["- ", "* ", "1. ", "## ", ""])) + text)
    return "\n".join(lines)


@settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(outlines(), st.booleans())
def test_any_outline_is_imported_whole_or_refused_with_a_message(text: str, speakers: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "o.md"
        try:
            path.write_text(text, encoding="utf-8", errors="surrogatepass")
        except UnicodeEncodeError:
            return
        s = Session.create(Path(folder) / "m.pofacil", boards=[("mindmap", "心智圖")])
        try:
            check_import(s, path, speakers)
        finally:
            s.close()


def check_import(s: Session, path: Path, speakers: bool) -> None:
    before = len(board(s).notes)
    try:
        do_import(s, path, speakers)
    except PofacilError as exc:
        assert str(exc) and len(board(s).notes) == before  # nothing half-imported
        return
    b = board(s)
    centre = central_topic(b)
    assert centre is not None
    # Every note is in the one tree under the topic.
    reach = {centre.id}
    frontier = [centre.id]
    while frontier:
        kids = b.children(frontier.pop())
        reach.update(kids)
        frontier.extend(kids)
    assert reach == {n.id for n in b.live_notes()}
