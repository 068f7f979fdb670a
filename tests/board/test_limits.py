"""Every number and text entering the model is valid: a bad one is refused whole, never
stored, and automatic placement never reaches the edge of the board's range."""

import math
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from pofacil.board import ops
from pofacil.board.formats.importers import import_change
from pofacil.board.model import Patch, Workshop, to_row
from pofacil.board.model.errors import ImportFormatError, ModelError
from pofacil.board.model.limits import COORD_MAX, SIZE_MAX, SIZE_MIN, VOTES_MAX
from pofacil.board.ops import boards as board_ops
from pofacil.board.session import Session

from .conftest import board_id
from .strategies import ANY_TEXT, COORDINATES, NUMBERS, VALID_TEXT, VOTES, mostly


def in_range(ws: Workshop) -> bool:
    """The whole model within the board's limits (what the store may be asked to write)."""
    return all(
        abs(n.x) <= COORD_MAX
        and abs(n.y) <= COORD_MAX
        and SIZE_MIN <= n.w <= SIZE_MAX
        and SIZE_MIN <= n.h <= SIZE_MAX
        and 0 <= n.votes <= VOTES_MAX
        for b in ws.boards.values()
        for n in b.notes.values()
    )


def reopened(session: Session) -> Session:
    session.close()
    return Session.open(session.path)


@pytest.mark.parametrize(
    "field,value",
    [
        ("x", float("nan")),
        ("x", float("inf")),
        ("y", -float("inf")),
        ("x", 1e308),
        ("y", COORD_MAX + 1),
        ("w", 0.0),
        ("h", 1e9),
        ("w", float("nan")),
        ("votes", 10**20),
        ("votes", -1),
        ("votes", 2.5),
        ("text", "\ud800"),
        ("text", "a\x00b"),
        ("text", "長" * 2001),
        ("author", "\udfff"),
    ],
)
def test_apply_refuses_a_row_out_of_range(session: Session, field: str, value: object) -> None:
    ws = session.workshop
    change = ops.add_note(ws, board_id(session), "兼任")
    row = {**change.patches[0].after, field: value}
    before = ws.rows()
    with pytest.raises(ModelError):
        ws.apply(Patch("note", row["id"], None, row))
    assert ws.rows() == before


def test_a_change_with_one_bad_patch_changes_nothing(session: Session) -> None:
    """Session.do checks the whole change first: the good notes before the bad one stay out."""
    ws = session.workshop
    change = ops.add_notes(ws, board_id(session), [ops.NoteSpec("好"), ops.NoteSpec("也好")])
    bad = change.patches[1]
    change.patches[1] = Patch("note", bad.id, None, {**bad.after, "x": float("nan")})
    before = ws.rows()
    with pytest.raises(ModelError, match="position"):
        session.do(change)
    assert ws.rows() == before
    again = reopened(session)
    try:
        assert again.workshop.rows() == before and again.undo_label() is None
    finally:
        again.close()


def test_do_all_rolls_back_a_bad_step(session: Session) -> None:
    ws = session.workshop
    nid = session.do(ops.add_note(ws, board_id(session), "根")).subjects[0]
    before = ws.rows()
    note = ws.note(nid)
    bad = Patch("note", nid, to_row(note), {**to_row(note), "y": float("inf")})
    with pytest.raises(ModelError):
        session.do_all(
            "two steps",
            lambda w: ops.edit_text(w, nid, "改"),
            lambda w: ops.Change("bad", [bad], note.board),
        )
    assert ws.rows() == before


@pytest.mark.parametrize("text", ["\ud800", "開\ud83d放", "a\x00b", "長" * 2001])
def test_text_is_refused_at_the_door(session: Session, text: str) -> None:
    """A lone surrogate used to raise UnicodeEncodeError inside the commit: shown, not saved."""
    ws = session.workshop
    nid = session.do(ops.add_note(ws, board_id(session), "原文")).subjects[0]
    cluster = session.do(ops.cluster_notes(ws, [nid], "群組")).subjects[0]
    for build in (
        lambda: ops.add_note(ws, board_id(session), text),
        lambda: ops.edit_text(ws, nid, text),
        lambda: ops.set_author(ws, nid, text),
        lambda: ops.add_note(ws, board_id(session), "好", author=text),
        lambda: ops.rename_cluster(ws, cluster, text),
        lambda: ops.rename_board(ws, board_id(session), text),
        lambda: ops.add_board(ws, "blank", text),
    ):
        with pytest.raises(ModelError):
            session.do(build())
    again = reopened(session)
    try:
        assert [n.text for n in again.workshop.find_board("全體").live_notes()] == ["原文"]
    finally:
        again.close()


def test_twenty_thousand_notes_one_by_one_stay_in_range() -> None:
    """Each note goes to the next free spot; that spot used to grow 120 px a note, off the
    board's range after 8,300 notes."""
    ws = Workshop()
    for patch in ops.add_board(ws, "blank", "全體").patches:
        ws.load(patch)
    board = ws.ordered_boards()[0]
    for i in range(20_000):
        for patch in ops.add_note(ws, board.id, f"第 {i} 點").patches:
            ws.apply(patch)
    notes = board.live_notes()
    assert len(notes) == 20_000 and in_range(ws)
    assert all(n.x + n.w <= COORD_MAX and n.y + n.h <= COORD_MAX for n in notes)
    assert len({(n.x, n.y) for n in notes}) == 20_000, "no note lands on another"


def test_one_big_batch_wraps_before_the_edge(session: Session) -> None:
    ws = session.workshop
    bid = board_id(session)
    session.do(ops.add_note(ws, bid, "最下面", x=40.0, y=COORD_MAX - 200))
    change = session.do(ops.add_notes(ws, bid, [ops.NoteSpec(f"{i}") for i in range(500)]))
    assert in_range(ws)
    spots = {(ws.note(i).x, ws.note(i).y) for i in change.subjects}
    assert len(spots) == 500


def test_copies_branches_needs_and_layout_near_the_edge(session: Session) -> None:
    ws = session.workshop
    bid = board_id(session)
    edge = COORD_MAX - 100
    root = session.do(ops.add_note(ws, bid, "中心", x=edge, y=edge)).subjects[0]
    child = session.do(board_ops.add_branch(ws, root, "分支")).subjects[0]
    session.do(board_ops.add_branch(ws, child, "同層", sibling=True))
    session.do(board_ops.turn_into_need(ws, [child]))
    session.do(board_ops.copy_notes(ws, [root, child], bid))
    layout = board_ops.layout_mindmap(ws, bid)
    if layout is not None:
        session.do(layout)
    assert in_range(ws)
    again = reopened(session)
    try:
        assert again.workshop.rows() == ws.rows()
    finally:
        again.close()


@pytest.mark.parametrize(
    "w,h", [(100, 39), (2001, 100), (float("nan"), 100), (float("inf"), float("inf"))]
)
def test_resize_out_of_range_is_refused(session: Session, w: float, h: float) -> None:
    nid = session.do(ops.add_note(session.workshop, board_id(session), "便利貼")).subjects[0]
    with pytest.raises(ModelError, match="smaller"):
        ops.resize_note(session.workshop, nid, w, h)


def test_huge_votes_in_a_dropped_csv_never_look_saved(session: Session, tmp_path: Path) -> None:
    """votes=10**20 used to pass the import and raise OverflowError inside the commit: the
    notes appeared, the status said Saved, and they were gone after reopening."""
    limits = tmp_path / "limits.csv"
    limits.write_text("text,x,y,votes\n少,-1000000,1000000,0\n多,0,0,10000.0\n", encoding="utf-8")
    change = session.do(import_change(session.workshop, board_id(session), limits))
    notes = [session.workshop.note(i) for i in change.subjects]
    assert [(n.x, n.y, n.votes) for n in notes] == [(-1e6, 1e6, 0), (0.0, 0.0, 10_000)]
    session.undo()
    src = tmp_path / "votes.csv"
    src.write_text("text,votes\n好,3\n投票,100000000000000000000\n", encoding="utf-8")
    with pytest.raises(ImportFormatError, match="line 3: Votes must be a whole number"):
        session.do(import_change(session.workshop, board_id(session), src))
    again = reopened(session)
    try:
        assert again.workshop.find_board("全體").live_notes() == []
        assert again.undo_label() is None
    finally:
        again.close()


def test_a_note_at_1e308_cannot_enter(session: Session, tmp_path: Path) -> None:
    """x=1e308 used to be imported; duplicating it twice gave inf, then NaN, stored as NULL,
    and the file no longer opened."""
    src = tmp_path / "far.csv"
    src.write_text("text,x,y\n遠,1e308,0\n近,0,-1e308\n", encoding="utf-8")
    with pytest.raises(ImportFormatError) as info:
        session.do(import_change(session.workshop, board_id(session), src))
    assert "line 2: A position" in str(info.value) and "line 3: A position" in str(info.value)
    with pytest.raises(ModelError):
        session.do(ops.add_note(session.workshop, board_id(session), "遠", x=1e308, y=0))
    assert session.workshop.find_board("全體").notes == {}


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    x=mostly(COORDINATES, NUMBERS),
    y=mostly(COORDINATES, NUMBERS),
    votes=mostly(VOTES, NUMBERS),
    text=mostly(VALID_TEXT, ANY_TEXT),
    author=mostly(VALID_TEXT, ANY_TEXT),
)
def test_whatever_arrives_is_refused_or_stored_exactly(
    x: object, y: object, votes: object, text: str, author: str
) -> None:
    """A note spec of any numbers and texts: a ModelError and nothing changed, or a note that
    reads back the same from the reopened file. Never another exception."""
    with tempfile.TemporaryDirectory() as folder:
        session = Session.create(Path(folder) / "door.pofacil", actor="tester")
        try:
            ws = session.workshop
            bid = ws.ordered_boards()[0].id
            before = ws.rows()
            try:
                session.do(ops.add_note(ws, bid, text, x=x, y=y, votes=votes, author=author))
            except ModelError:
                event("refused")
                assert ws.rows() == before
            else:
                event("stored")
                assert in_range(ws)
                assert all(
                    math.isfinite(v) for n in ws.boards[bid].notes.values() for v in (n.x, n.y)
                )
            rows = ws.rows()
        finally:
            session.close()
        again = Session.open(Path(folder) / "door.pofacil")
        try:
            assert again.workshop.rows() == rows
        finally:
            again.close()


def test_undo_into_an_old_out_of_range_row_is_refused_whole(session: Session) -> None:
    """A file written before the limits may hold x=1e308. Moving that note in is fine; undoing
    the move would put it back out of range, so the undo is refused, not half done."""
    ws = session.workshop
    nid = session.do(ops.add_note(ws, board_id(session), "遠", x=0.0, y=0.0)).subjects[0]
    path = session.path
    session.close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE notes SET x = 1e308")
    db.close()
    session = Session.open(path)
    try:
        session.do(ops.move_notes(session.workshop, {nid: (40.0, 40.0)}))
        before = session.workshop.rows()
        with pytest.raises(ModelError, match="position"):
            session.undo()
        assert session.workshop.rows() == before and session.undo_label() == "move"
    finally:
        session.close()
    again = Session.open(path)
    try:
        assert again.workshop.rows() == before
    finally:
        again.close()


@settings(max_examples=60, deadline=None)
@given(
    existing=st.lists(st.tuples(COORDINATES, COORDINATES), max_size=20),
    count=st.integers(1, 60),
    origin=st.none() | st.tuples(COORDINATES, COORDINATES),
)
def test_automatic_placement_stays_in_range_from_anywhere(
    existing: list[tuple[float, float]], count: int, origin: tuple[float, float] | None
) -> None:
    """Wherever the board's notes are (at its very edges too) and wherever a paste or drop
    starts, the notes placed for it are inside the range."""
    ws = Workshop()
    for patch in ops.add_board(ws, "blank", "全體").patches:
        ws.load(patch)
    board = ws.ordered_boards()[0]
    for patch in ops.add_notes(
        ws, board.id, [ops.NoteSpec("舊", x=x, y=y) for x, y in existing] or [ops.NoteSpec("舊")]
    ).patches:
        ws.apply(patch)
    change = ops.add_notes(
        ws, board.id, [ops.NoteSpec(f"新{i}") for i in range(count)], origin=origin
    )
    for patch in change.patches:
        ws.apply(patch)
    assert in_range(ws)
    assert all(abs(ws.note(i).x) + ws.note(i).w <= COORD_MAX for i in change.subjects)
