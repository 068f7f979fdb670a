"""The workshop file: what it refuses, what it leaves on disk, copies, locks and migrations."""

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from pofacil.board import ops
from pofacil.board.formats.sample import write_sample
from pofacil.board.model.errors import (
    FileInUseError,
    NewerFileError,
    NotAWorkshopFile,
    ReadOnlyError,
    StorageError,
)
from pofacil.board.session import Session
from pofacil.board.storage.migrations import APPLICATION_ID, MIGRATIONS, migrate
from pofacil.board.storage.store import Store

from .conftest import board_id


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def foreign_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('x')")
    conn.commit()
    conn.close()


def truncated(path: Path, sample: Path) -> None:
    data = sample.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def newer(path: Path, sample: Path) -> None:
    path.write_bytes(sample.read_bytes())
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 3}")
    conn.commit()
    conn.close()


BAD_FILES = {
    "random bytes": (
        lambda p, s: p.write_bytes(os.urandom(5000)),
        NotAWorkshopFile,
        "not a pofacil",
    ),
    "empty": (lambda p, s: p.write_bytes(b""), NotAWorkshopFile, "empty"),
    "short": (
        lambda p, s: p.write_bytes(b"SQLite format 3\x00abc"),
        NotAWorkshopFile,
        "not a pofacil",
    ),
    "truncated": (truncated, NotAWorkshopFile, "truncated"),
    "foreign sqlite": (lambda p, s: foreign_sqlite(p), NotAWorkshopFile, "another program"),
    "newer schema": (newer, NewerFileError, "newer pofacil"),
    "text file": (
        lambda p, s: p.write_text("title,notes\n", encoding="utf-8"),
        NotAWorkshopFile,
        "not a pofacil",
    ),
}


@pytest.mark.parametrize("name", BAD_FILES)
@pytest.mark.parametrize("read_only", [False, True])
def test_bad_files_are_refused_and_never_modified(
    tmp_path: Path, name: str, read_only: bool
) -> None:
    sample = write_sample(tmp_path / "sample.pofacil")
    make, error, words = BAD_FILES[name]
    path = tmp_path / "bad.pofacil"
    make(path, sample)
    before = digest(path)
    with pytest.raises(error, match=words) as info:
        Store.open(path, read_only=read_only)
    assert "\n" not in str(info.value)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.pofacil", "sample.pofacil"]


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(NotAWorkshopFile, match="no such file"):
        Store.open(tmp_path / "nope.pofacil")
    with pytest.raises(NotAWorkshopFile, match="folder"):
        Store.open(tmp_path)
    with pytest.raises(StorageError, match="Could not create"):
        Session.create(tmp_path / "no" / "such" / "folder.pofacil")


def test_closed_file_is_single_and_self_contained(session: Session, tmp_path: Path) -> None:
    session.do(ops.add_note(session.workshop, board_id(session), "一"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ws.pofacil"], "nothing beside it"
    session.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ws.pofacil"]
    # An ordinary rollback-journal database: readable anywhere without side files.
    assert (tmp_path / "ws.pofacil").read_bytes()[18:20] == b"\x01\x01"
    assert os.stat(tmp_path / "ws.pofacil").st_mode & 0o044, "not created private to its owner"


def test_create_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "x.pofacil"
    path.write_text("precious", encoding="utf-8")
    with pytest.raises(StorageError, match="already exists"):
        Session.create(path)
    assert path.read_text(encoding="utf-8") == "precious"
    assert [p.name for p in tmp_path.iterdir()] == ["x.pofacil"]


def test_second_writer_is_told_and_can_read(session: Session) -> None:
    nid = session.do(ops.add_note(session.workshop, board_id(session), "開著")).subjects[0]
    with pytest.raises(FileInUseError, match="open in another pofacil"):
        Session.open(session.path)
    reader = Session.open(session.path, read_only=True)
    try:
        assert reader.workshop.note(nid).text == "開著"
        with pytest.raises(ReadOnlyError):
            reader.do(ops.edit_text(reader.workshop, nid, "改"))
        assert not reader.can_undo()
    finally:
        reader.close()
    assert session.workshop.note(nid).text == "開著"


def test_lock_is_released_on_close(session: Session) -> None:
    path = session.path
    session.close()
    again = Session.open(path)
    again.close()


def test_save_copy_is_complete_and_standalone(session: Session, tmp_path: Path) -> None:
    nid = session.do(ops.add_note(session.workshop, board_id(session), "備份")).subjects[0]
    dest = tmp_path / "備份 copy.pofacil"
    session.save_copy(dest)
    copy = Session.open(dest)
    try:
        assert copy.workshop.rows() == session.workshop.rows()
        assert copy.undo_label() == "add note", "the copy carries the history"
        assert copy.store.check() == []
    finally:
        copy.close()
    with pytest.raises(StorageError, match="cannot replace"):
        session.save_copy(session.path)
    with pytest.raises(StorageError, match="Could not save"):
        session.save_copy(tmp_path / "missing" / "x.pofacil")
    assert session.workshop.note(nid).text == "備份"


def test_unwritable_file_keeps_edits_in_memory_and_copy_saves_them(
    session: Session, tmp_path: Path
) -> None:
    board = board_id(session)
    session.do(ops.add_note(session.workshop, board, "寫入前"))
    # Another connection holding a write lock makes every write fail, as a pulled stick would.
    blocker = sqlite3.connect(session.path, timeout=0)
    blocker.execute("BEGIN IMMEDIATE")
    session.store.db.conn.execute("PRAGMA busy_timeout = 0")
    try:
        with pytest.raises(StorageError, match="in use by another program"):
            session.do(ops.add_note(session.workshop, board, "寫入失敗"))
        assert [n.text for n in session.workshop.find_board("全體").live_notes()] == [
            "寫入前",
            "寫入失敗",
        ]
        with pytest.raises(StorageError):
            session.do(ops.add_note(session.workshop, board, "第三則"))
        assert len(session.unsaved) == 2
    finally:
        blocker.rollback()
        blocker.close()
    dest = tmp_path / "rescued.pofacil"
    session.save_copy(dest)
    rescued = Session.open(dest, read_only=True)
    try:
        texts = sorted(n.text for n in rescued.workshop.find_board("全體").live_notes())
        assert texts == ["寫入前", "寫入失敗", "第三則"]
    finally:
        rescued.close()


def test_history_per_board_and_note(session: Session) -> None:
    ws = session.workshop
    nid = session.do(ops.add_note(ws, board_id(session), "原文", author="王素琴")).subjects[0]
    session.do(ops.edit_text(ws, nid, "中性措辭"))
    other = session.do(ops.add_note(ws, board_id(session, "議題脈絡分析表"), "別桌")).subjects[0]
    session.undo()
    lines = session.history(entity=nid)
    assert [(e.label, e.actor, e.state) for e in lines] == [
        ("add note", "tester", "done"),
        ("edit text", "tester", "done"),
    ]
    assert lines[1].patches[0].before["text"] == "原文"
    assert lines[1].patches[0].after["text"] == "中性措辭"
    table = session.history(board=board_id(session, "議題脈絡分析表"))
    assert [(e.label, e.state, e.state_by) for e in table] == [("add note", "undone", "tester")]
    assert table[0].describe() == "add note: 別桌"
    session.do(ops.add_note(ws, board_id(session), "新的"))
    assert session.history(entity=other)[0].state == "dropped"


def test_undo_survives_reopening(session: Session) -> None:
    ws = session.workshop
    nid = session.do(ops.add_note(ws, board_id(session), "第一版")).subjects[0]
    session.do(ops.edit_text(ws, nid, "第二版"))
    path = session.path
    session.close()
    again = Session.open(path)
    try:
        assert again.undo_label() == "edit text"
        again.undo()
        assert again.workshop.note(nid).text == "第一版"
    finally:
        again.close()
    third = Session.open(path)
    try:
        assert third.redo_label() == "edit text"
        third.redo()
        assert third.workshop.note(nid).text == "第二版"
    finally:
        third.close()


def test_migrations_run_in_order_once(tmp_path: Path) -> None:
    db = sqlite_utils.Database(tmp_path / "m.db")
    calls = []

    def v2(d: sqlite_utils.Database) -> None:
        calls.append(2)
        d["notes"].add_column("colour_blind_hint", str)

    assert migrate(db) == len(MIGRATIONS)
    assert migrate(db, [*MIGRATIONS, v2]) == len(MIGRATIONS) + 1
    assert migrate(db, [*MIGRATIONS, v2]) == len(MIGRATIONS) + 1
    assert calls == [2]
    assert "colour_blind_hint" in db["notes"].columns_dict
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    db.close()


def test_check_finds_damage(tmp_path: Path) -> None:
    path = write_sample(tmp_path / "s.pofacil")
    conn = sqlite3.connect(path)
    conn.execute("UPDATE notes SET board = 'gone' WHERE rowid = 1")
    conn.execute("UPDATE notes SET cluster = 'nowhere' WHERE rowid = 2")
    conn.commit()
    conn.close()
    store = Store.open(path, read_only=True)
    try:
        problems = store.check()
    finally:
        store.close()
    # The note on a missing board is named, and so are the links it takes with it.
    assert any(
        p.startswith("note ") and p.endswith("its board gone is missing or damaged")
        for p in problems
    )
    assert any(p.startswith("1 notes in a missing group on board ") for p in problems)


def test_a_version_1_file_is_upgraded_in_place(tmp_path: Path) -> None:
    path = write_sample(tmp_path / "old.pofacil")
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE notes DROP COLUMN origin")
    conn.execute("ALTER TABLE notes DROP COLUMN collapsed")
    conn.execute("ALTER TABLE notes DROP COLUMN seq")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    created = dict(conn.execute("SELECT id, created FROM notes").fetchall())
    conn.close()
    with pytest.raises(ReadOnlyError, match="older file format"):
        Store.open(path, read_only=True)
    session = Session.open(path)
    try:
        assert session.store.check() == []
        notes = [n for b in session.workshop.boards.values() for n in b.notes.values()]
        assert len(notes) == 40 and all(n.origin is None and not n.collapsed for n in notes)
        # Version 3's display order is the order an older pofacil showed: creation order.
        for board in session.workshop.boards.values():
            shown = sorted(board.notes.values(), key=lambda n: n.seq)
            assert [n.id for n in shown] == sorted(board.notes, key=lambda i: (created[i], i))
        assert len({n.seq for n in notes}) == 40
        assert session.store.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    finally:
        session.close()


def test_a_crash_mid_checkpoint_is_recovered_not_refused(tmp_path: Path) -> None:
    # An older pofacil kept files in WAL mode; killed mid-checkpoint, the header can count
    # pages only the write-ahead log holds yet: SQLite recovers them, so that is no truncation.
    path = write_sample(tmp_path / "w.pofacil")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("UPDATE notes SET text = text || ?", ["字" * 2000])
    expected = {r[0] for r in conn.execute("SELECT text FROM notes")}
    conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
    data = path.read_bytes()
    wal = path.with_name(path.name + "-wal").read_bytes()
    conn.close()
    copy = tmp_path / "copy.pofacil"
    copy.write_bytes(data[: len(data) - 4096])  # the checkpoint had not extended the file yet
    copy.with_name(copy.name + "-wal").write_bytes(wal)
    again = Session.open(copy)
    try:
        assert {
            n.text for b in again.workshop.boards.values() for n in b.notes.values()
        } == expected
        assert again.store.check() == []
    finally:
        again.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.pofacil", "w.pofacil"]


# A migration killed while SQLite was writing its pages: the file's header already shows the
# new version, and the hot journal beside it holds the pages as they were before.
_HALF_MIGRATED = r"""
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA cache_size=2")
conn.execute("BEGIN")
conn.execute("ALTER TABLE notes ADD COLUMN seq INTEGER NOT NULL DEFAULT 0")
conn.execute("PRAGMA user_version = 3")
conn.execute("UPDATE notes SET text = text || ?", ["補" * 3000])
os._exit(0)  # killed: the journal stays, hot
"""


def test_a_migration_killed_mid_write_is_rolled_back_then_run_again(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = write_sample(tmp_path / "old.pofacil")
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE notes DROP COLUMN seq")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    migrated = tmp_path / "migrated.pofacil"
    migrated.write_bytes(path.read_bytes())
    Session.open(migrated).close()  # the same file, version 3, committed
    subprocess.run([sys.executable, "-c", _HALF_MIGRATED, str(path)], check=True)
    journal = path.with_name(path.name + "-journal")
    assert journal.exists(), "the kill left a hot journal"
    # What the disk holds when the kill came while the commit wrote its pages: page 1 (the
    # header, user_version 3) already written, the journal still there to undo it.
    page = int.from_bytes(path.read_bytes()[16:18], "big")
    with path.open("r+b") as f:
        f.write(migrated.read_bytes()[:page])
    # The header shows a migrated version, the journal the old one.
    assert int.from_bytes(path.read_bytes()[60:64], "big") > 2
    session = Session.open(path)
    try:
        assert session.store.check() == []
        notes = [n for b in session.workshop.boards.values() for n in b.live_notes()]
        assert len(notes) == 40 and len({n.seq for n in notes}) == 40, "migrated again"
    finally:
        session.close()
    assert not journal.exists()
