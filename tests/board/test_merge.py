"""Boards come back from the breakout tables: another workshop's boards merged into this one,
every note field kept, as one undo step, the other file only ever read."""

from __future__ import annotations

import hashlib
import sqlite3
import time
from pathlib import Path

import pytest

from pofacil.board.formats.history_text import Names, describe
from pofacil.board.model import display_order, label_text
from pofacil.board.model.errors import FileInUseError, ModelError, NotAWorkshopFile
from pofacil.board.ops.merge import Merge, free_name, merge_boards
from pofacil.board.session import Session
from pofacil.board.storage.other_file import read_other
from tests.breakout import MINDMAP, SHEET, export_json, kept, write_breakout
from tests.camp import TABLE, write_camp


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main_workshop(path: Path) -> Session:
    """The plenary's file: the issue-context table, and a sheet named as the tables name
    theirs, so every merged sheet clashes."""
    return Session.create(path, boards=[("issue-context", TABLE), ("concept-sheet", SHEET)])


def merge_file(session: Session, other: Path, *names: str) -> Merge:
    read = read_other(other, session.path)
    merge = merge_boards(session.workshop, read.workshop, other.name, names)
    session.do(merge.change)
    return merge


def test_two_breakouts_merge_into_boards_equal_to_the_originals(tmp_path: Path) -> None:
    a = write_breakout(tmp_path / "table1.pofacil", 1)
    b = write_breakout(tmp_path / "table2.pofacil", 2)
    sums = {a: sha256(a), b: sha256(b)}
    session = main_workshop(tmp_path / "main.pofacil")
    first = merge_file(session, a)
    second = merge_file(session, b)
    session.close()

    assert [(m.source, m.name) for m in first.boards + second.boards] == [
        (SHEET, f"{SHEET} (2)"),
        (MINDMAP, MINDMAP),
        (SHEET, f"{SHEET} (3)"),
        (MINDMAP, f"{MINDMAP} (2)"),
    ]
    assert first.left_out == second.left_out == 2  # one deleted note on each board
    merged = {
        bd["name"]: bd
        for bd in export_json(tmp_path / "main.pofacil", tmp_path / "m.json")["boards"]
    }
    assert list(merged) == [TABLE, SHEET, f"{SHEET} (2)", MINDMAP, f"{SHEET} (3)", f"{MINDMAP} (2)"]
    for source, names in ((a, (f"{SHEET} (2)", MINDMAP)), (b, (f"{SHEET} (3)", f"{MINDMAP} (2)"))):
        original = export_json(source, tmp_path / f"{source.stem}.json")["boards"]
        for board, name in zip(original, names, strict=True):
            copy = merged[name]
            want = kept(board)
            assert kept(copy) == {**want, "deleted_notes": 0}
            # Real content: a full sheet with a group, a mind map with branches and a fold.
            assert len(copy["notes"]) > 50 and board["deleted_notes"] == 1
            if board["template"] == "mindmap":
                assert sum(kind == "child" for *_, kind in want["links"]) > 90
                assert any(note[-1] for note in want["notes"])  # folded
            else:
                assert any(note[5] != ("", "") for note in want["notes"])  # grouped
            # Provenance: each copy names the note it was copied from; nothing shares an id.
            texts = {n["id"]: n["text"] for n in board["notes"]}
            assert all(texts[n["origin"]] == n["text"] for n in copy["notes"])
            assert not {n["id"] for n in copy["notes"]} & set(texts)
            assert copy["id"] != board["id"]
    assert {p: sha256(p) for p in sums} == sums


def test_every_field_of_a_note_comes_across(tmp_path: Path) -> None:
    a = write_breakout(tmp_path / "table1.pofacil", 1, themes=4, points=2)
    source = read_other(a, tmp_path / "main.pofacil").workshop
    session = main_workshop(tmp_path / "main.pofacil")
    merge = merge_file(session, a)
    ws = session.workshop
    fields = ("text", "kind", "x", "y", "w", "h", "cell", "author", "created", "updated")
    fields += ("votes", "collapsed")
    for old_board, merged in zip(source.ordered_boards(), merge.boards, strict=True):
        new_board = ws.find_board(merged.name)
        assert new_board.cells == old_board.cells and new_board.template == old_board.template
        copies = {n.origin: n for n in new_board.notes.values()}
        assert set(copies) == {n.id for n in old_board.live_notes()}
        shown = [n.origin for n in sorted(new_board.notes.values(), key=display_order)]
        assert shown == [n.id for n in sorted(old_board.live_notes(), key=display_order)]
        for old in old_board.live_notes():
            new = copies[old.id]
            assert [getattr(new, f) for f in fields] == [getattr(old, f) for f in fields]
            if old.cluster:
                group, was = new_board.clusters[new.cluster], old_board.clusters[old.cluster]
                assert (group.name, group.color) == (was.name, was.color)
        links = {
            (new_board.notes[lk.source].origin, new_board.notes[lk.target].origin, lk.kind)
            for lk in new_board.links.values()
        }
        assert links == {
            (lk.source, lk.target, lk.kind)
            for lk in old_board.links.values()
            if not old_board.notes[lk.source].deleted and not old_board.notes[lk.target].deleted
        }
    session.close()


def test_one_undo_takes_the_whole_merge_back_and_redo_brings_it(tmp_path: Path) -> None:
    a = write_breakout(tmp_path / "table1.pofacil", 1)
    session = main_workshop(tmp_path / "main.pofacil")
    before = session.workshop.rows()
    merge = merge_file(session, a)
    after = session.workshop.rows()
    assert len(after["note"]) == len(before["note"]) + merge.notes
    assert session.undo_text() == ("merged {count} boards from {detail}", 2)
    line = session.history()[-1]
    assert (
        describe(line, Names.of(session.workshop), "en") == "merged 2 board(s) from table1.pofacil"
    )
    session.undo()
    assert session.workshop.rows() == before
    session.redo()
    assert session.workshop.rows() == after
    session.close()
    again = Session.open(tmp_path / "main.pofacil")  # the merge is in the file, in one line
    assert again.workshop.rows() == after
    again.undo()
    assert again.workshop.rows() == before
    again.close()


def test_chosen_boards_only_and_an_unknown_name_lists_the_boards(tmp_path: Path) -> None:
    a = write_breakout(tmp_path / "table1.pofacil", 1, themes=4, points=1)
    session = main_workshop(tmp_path / "main.pofacil")
    merge = merge_file(session, a, MINDMAP, MINDMAP)
    assert [b.name for b in merge.boards] == [MINDMAP] and merge.left_out == 1
    lines = len(session.history())
    with pytest.raises(
        ModelError,
        match=f"table1.pofacil has no board named 全體; its boards are: {SHEET}, {MINDMAP}.",
    ):
        merge_file(session, a, SHEET, "全體")
    assert len(session.history()) == lines
    session.close()


def test_a_name_taken_twice_gets_the_next_number() -> None:
    assert free_name("分組討論", {"議題"}) == "分組討論"
    assert free_name("分組討論", {"分組討論", "分組討論 (2)"}) == "分組討論 (3)"
    assert label_text("merge: a.pofacil", []) == ("merged {count} boards from {detail}", 0)


def test_files_that_cannot_be_merged_are_told_and_nothing_changes(tmp_path: Path) -> None:
    a = write_breakout(tmp_path / "table1.pofacil", 1, themes=4, points=1)
    main = tmp_path / "main.pofacil"
    session = main_workshop(main)
    text = tmp_path / "notes.pofacil"
    text.write_text("不是工作坊\n", encoding="utf-8")
    other_db = tmp_path / "other.pofacil"
    sqlite3.connect(other_db).execute("CREATE TABLE t (x)").connection.commit()
    cases = [
        (tmp_path / "gone.pofacil", NotAWorkshopFile, "no such file"),
        (text, NotAWorkshopFile, "is not a pofacil workshop file"),
        (other_db, NotAWorkshopFile, "a database of another program"),
        (main, NotAWorkshopFile, "is the workshop itself"),
    ]
    rows = session.workshop.rows()
    for path, error, words in cases:
        with pytest.raises(error, match=words):
            read_other(path, main)
    holder = Session.open(a)  # the table's laptop still has it open
    try:
        with pytest.raises(FileInUseError, match="open in another pofacil window"):
            read_other(a, main)
    finally:
        holder.close()
    assert session.workshop.rows() == rows and len(session.history()) == 0
    session.close()


def test_a_file_from_an_older_pofacil_is_merged_from_a_copy(tmp_path: Path) -> None:
    a = write_breakout(tmp_path / "table1.pofacil", 1, themes=4, points=2)
    texts = [
        sorted(n.text for n in b.live_notes())
        for b in read_other(a, tmp_path / "main.pofacil").workshop.ordered_boards()
    ]
    conn = sqlite3.connect(a)
    for column in ("origin", "collapsed", "seq"):
        conn.execute(f"ALTER TABLE notes DROP COLUMN {column}")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    a.chmod(0o444)
    digest = sha256(a)
    session = main_workshop(tmp_path / "main.pofacil")
    merge = merge_file(session, a)
    boards = [session.workshop.find_board(b.name) for b in merge.boards]
    assert [sorted(n.text for n in b.live_notes()) for b in boards] == texts
    session.close()
    assert sha256(a) == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == ["main.pofacil", "table1.pofacil"]


def test_a_table_file_on_a_write_protected_stick(read_only_stick: Path, tmp_path: Path) -> None:
    digest = sha256(read_only_stick)
    session = main_workshop(tmp_path / "main.pofacil")
    merge = merge_file(session, read_only_stick)
    assert merge.notes == 40 and len(merge.boards) == len(
        read_other(read_only_stick, session.path).workshop.ordered_boards()
    )
    session.close()
    assert sha256(read_only_stick) == digest


def test_a_5000_note_board_merges(tmp_path: Path) -> None:
    big = write_camp(tmp_path / "big.pofacil", total=5000, seed=5)
    session = main_workshop(tmp_path / "main.pofacil")
    start = time.perf_counter()
    merge = merge_file(session, big)
    seconds = time.perf_counter() - start
    print(f"merged 5,000 notes in {seconds:.2f} s")
    assert merge.notes == 5000 and merge.boards[0].name == f"{TABLE} (2)"
    session.close()
    again = Session.open(tmp_path / "main.pofacil")
    assert len(again.workshop.find_board(f"{TABLE} (2)").live_notes()) == 5000
    again.close()
