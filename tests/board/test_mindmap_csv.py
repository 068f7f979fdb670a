"""The CSV round trip keeps a mind map's tree: ``id`` and ``parent`` columns, rows
depth-first, and an import that rebuilds the tree under one central topic."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from pofacil.board import ops
from pofacil.board.formats.importers import import_change, with_layout
from pofacil.board.formats.minutes import export_csv
from pofacil.board.model import Board
from pofacil.board.model.errors import ImportFormatError
from pofacil.board.ops import boards as board_ops
from pofacil.board.ops.central import central_topic
from pofacil.board.session import Session

from .mindmap_checks import crossings, links_through_notes, overlaps, rects, segments


def morning_outline(tmp_path: Path) -> Path:
    lines = ["# 共識營早上"]
    for t in range(15):
        lines.append(f"- 主題{t}")
        lines += [f"  - 發言者{p}: 第{t}-{p}點" for p in range(4)]
    src = tmp_path / "上午.md"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return src


def new_map(path: Path) -> Session:
    return Session.create(path, boards=[("mindmap", "心智圖")])


def do_import(s: Session, src: Path, speakers: bool = False) -> None:
    bid = s.workshop.ordered_boards()[0].id
    s.do_all(
        "import", *with_layout(bid, lambda ws: import_change(ws, bid, src, "", None, speakers))
    )


def shape(b: Board, note_id: str) -> tuple:
    """The tree from ``note_id`` down as (text, speaker, kind, sorted subtrees)."""
    n = b.notes[note_id]
    kids = sorted(shape(b, k) for k in b.children(note_id) if not b.notes[k].deleted)
    return (n.text, n.author, n.kind, tuple(kids))


@pytest.fixture
def grown(tmp_path: Path) -> Iterator[Session]:
    """The 75-point morning, grown by Tab and Enter, one point deleted, one free note."""
    s = new_map(tmp_path / "m.pofacil")
    do_import(s, morning_outline(tmp_path), speakers=True)
    b = s.workshop.ordered_boards()[0]
    root = central_topic(b)
    assert root is not None
    theme = sorted(b.children(root.id), key=lambda k: b.notes[k].seq)[3]
    point = s.do(board_ops.add_branch(s.workshop, theme, "追加的點")).subjects[0]
    s.do(board_ops.add_branch(s.workshop, point, "更深一層"))
    s.do(board_ops.add_branch(s.workshop, point, "同一層", sibling=True))
    s.do(ops.delete_notes(s.workshop, [b.children(theme)[0]]))
    s.do(ops.add_note(s.workshop, b.id, "沒有連線的便利貼", x=-3000.0, y=-3000.0))
    yield s
    s.close()


def test_export_then_import_gives_the_same_tree_under_one_topic(
    grown: Session, tmp_path: Path
) -> None:
    b = grown.workshop.ordered_boards()[0]
    root = central_topic(b)
    assert root is not None
    out = export_csv(grown.workshop, tmp_path / "紀錄.csv")

    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    assert len(rows) == len(b.live_notes()) == 76 + 3 - 1 + 1
    # Depth-first: every parent's row comes before its children's.
    seen: set[str] = set()
    for row in rows:
        assert row["parent"] == "" or row["parent"] in seen
        seen.add(row["id"])
    assert rows[0]["id"] == root.id and rows[0]["text"] == "共識營早上"

    back = new_map(tmp_path / "back.pofacil")
    try:
        do_import(back, out)
        nb = back.workshop.ordered_boards()[0]
        again = central_topic(nb)
        assert again is not None
        assert len(nb.live_notes()) == len(rows)  # the default topic was replaced, not kept
        assert shape(nb, again.id) == shape(b, root.id)
        assert {n.id for n in nb.live_notes()}.isdisjoint(r["id"] for r in rows)  # remapped
        free = next(n for n in nb.live_notes() if n.text == "沒有連線的便利貼")
        assert not nb.children(free.id) and free.id not in {lk.target for lk in nb.links.values()}
        # Laid out in the same step, cleanly.
        tree = {n.id: (n.x, n.y) for n in nb.live_notes() if n.id != free.id}
        boxes = rects(nb, tree)
        segs = segments(nb, boxes)
        assert overlaps(boxes) == [] and links_through_notes(boxes, segs) == []
        assert crossings(segs) == []
        assert back.undo_label() == "import"
    finally:
        back.close()


def test_a_second_round_trip_changes_nothing(grown: Session, tmp_path: Path) -> None:
    first = export_csv(grown.workshop, tmp_path / "1.csv")
    back = new_map(tmp_path / "back.pofacil")
    try:
        do_import(back, first)
        second = export_csv(back.workshop, tmp_path / "2.csv")
    finally:
        back.close()

    def columns(path: Path) -> list[tuple[str, ...]]:
        rows = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline=""))
        return [(r["text"], r["author"], r["kind"]) for r in rows]

    assert columns(second) == columns(first)


def test_bad_ids_and_parents_are_named_by_line(tmp_path: Path) -> None:
    src = tmp_path / "bad.csv"
    src.write_text(
        "text,id,parent\n"
        "主題,a,\n"
        "點一,b,a\n"
        "點二,b,a\n"  # the id again
        "點三,c,zz\n"  # no such row
        "點四,d,d\n",  # its own parent
        encoding="utf-8",
    )
    s = new_map(tmp_path / "m.pofacil")
    try:
        with pytest.raises(ImportFormatError) as err:
            do_import(s, src)
        message = str(err.value)
        assert "line 4" in message and "line 5" in message and "line 6" in message
        assert "line 3" not in message
        assert len(s.workshop.ordered_boards()[0].live_notes()) == 1
    finally:
        s.close()


def test_a_whole_workshop_round_trip_keeps_one_topic_per_map(tmp_path: Path) -> None:
    """The CSV of several boards, imported into a new workshop with the same boards: the
    mind map's rows go to its board and its root replaces that board's default topic."""
    boards = [("issue-context", "議題脈絡分析表"), ("mindmap", "心智圖")]
    s = Session.create(tmp_path / "a.pofacil", boards=boards)
    try:
        mind = s.workshop.find_board("心智圖")
        bid = mind.id
        src = morning_outline(tmp_path)
        s.do_all("import", *with_layout(bid, lambda ws: import_change(ws, bid, src)))
        table = s.workshop.find_board("議題脈絡分析表")
        s.do(ops.add_note(s.workshop, table.id, "兼任很忙", cell="system/now"))
        out = export_csv(s.workshop, tmp_path / "全部.csv")
        root = central_topic(mind)
        assert root is not None
        original = shape(mind, root.id)
    finally:
        s.close()
    twin = Session.create(tmp_path / "b.pofacil", boards=boards)
    try:
        table_id = twin.workshop.find_board("議題脈絡分析表").id
        twin.do(import_change(twin.workshop, table_id, out))
        mind = twin.workshop.find_board("心智圖")
        centre = central_topic(mind)
        assert centre is not None and len(mind.live_notes()) == 76
        assert shape(mind, centre.id) == original
        assert [n.text for n in twin.workshop.find_board("議題脈絡分析表").live_notes()] == [
            "兼任很忙"
        ]
    finally:
        twin.close()
