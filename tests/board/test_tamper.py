"""Hostile files: bit flips, truncation and tampered rows never crash, hang or change the file.

Every case runs the real command line in-process (``pofacil.cli.main``) and opens the file
as the app does (``Session.open``); a few run as real processes. The promise checked each
time: exit 0 or 1, nothing on stderr but lines starting ``pofacil:`` (exactly one on a
failure), no traceback, no hang, the workshop byte-identical and no file left beside it.
The ``slow`` cases are more of the same, at more offsets.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from pofacil.board.model import Workshop
from pofacil.board.model.errors import DamagedHistoryError, NotAWorkshopFile, PofacilError
from pofacil.board.model.kinds import KIND_BY_ID
from pofacil.board.session import Session
from pofacil.cli import main

from .tamper_workshop import build_workshop

TIMEOUT_S = 20
FAST = ("check", "info", "history", "md", "csv")


class Hung(Exception):
    """A command ran past its deadline: for a FIFO or a decompression bomb, that is a hang."""


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    # SIGALRM interrupts even a blocking open() of a FIFO, which a thread timeout cannot.
    def hang(signum: int, frame: object) -> None:
        raise Hung(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, hang)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One real-size workshop (~300 notes, ~50 history lines), built once per module."""
    return build_workshop(tmp_path_factory.mktemp("original") / "camp.pofacil")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def command(name: str, path: Path, out: Path) -> list[str]:
    return {
        "check": ["check", str(path)],
        "info": ["info", str(path), "--json"],
        "history": ["history", str(path)],
        "md": ["export", str(path), "--md", str(out / "minutes.md")],
        "csv": ["export", str(path), "--csv", str(out / "notes.csv")],
        "pdf": ["export", str(path), "--pdf", str(out / "board.pdf")],
    }[name]


def assert_sane(ws: Workshop) -> None:
    """What the window relies on: every text a str, every number finite, every kind known."""
    for board in ws.boards.values():
        assert isinstance(board.name, str) and isinstance(board.template, str)
        for note in board.notes.values():
            for name in ("id", "board", "text", "kind", "author", "created", "updated"):
                assert isinstance(getattr(note, name), str), (name, getattr(note, name))
            assert all(
                isinstance(v, float) and math.isfinite(v) for v in (note.x, note.y, note.w, note.h)
            )
            assert note.kind in KIND_BY_ID and isinstance(note.votes, int)


def run_all(
    path: Path,
    capsys: pytest.CaptureFixture,
    commands: tuple[str, ...] = FAST,
    write_open: bool = False,
) -> dict[str, tuple[int, str, str]]:
    """Every command on ``path``, and the app's open; returns each command's (code, out, err)."""
    out = path.parent / "out"
    out.mkdir(exist_ok=True)
    before, listing = digest(path), sorted(os.listdir(path.parent))
    results = {}
    capsys.readouterr()
    for name in commands:
        with deadline(TIMEOUT_S):
            code = main(command(name, path, out))
        stdout, stderr = capsys.readouterr()
        results[name] = (code, stdout, stderr)
        assert code in (0, 1), (name, code, stderr)
        lines = stderr.splitlines()
        assert "Traceback" not in stderr and all(line.startswith("pofacil:") for line in lines), (
            name,
            stderr,
        )
        # Besides warnings (rows left out, a glyph the font lacks), one error line on failure.
        errors = [line for line in lines if not line.startswith("pofacil: warning: ")]
        assert len(errors) == code, (name, stderr)
        if code == 0 and name == "info":
            json.loads(stdout)  # a warning never lands inside the JSON
        assert not [f for f in os.listdir(out) if "partial" in f], name
    for read_only in (True, False) if write_open else (True,):
        try:
            with deadline(TIMEOUT_S):
                session = Session.open(path, read_only=read_only)
        except PofacilError as exc:
            assert str(exc)  # a message box's text; the command line keeps it to one line
        else:
            try:
                assert_sane(session.workshop)
            finally:
                session.close()
        if read_only:
            assert digest(path) == before
    assert digest(path) == before, "the workshop file changed"
    assert sorted(os.listdir(path.parent)) == listing, "files were left beside the workshop"
    return results


def copy_of(original: Path, tmp_path: Path) -> Path:
    path = tmp_path / "ws" / "camp.pofacil"
    path.parent.mkdir()
    shutil.copy(original, path)
    return path


# -- bit flips and truncation ------------------------------------------------------------------


def flips(count: int, seed: int) -> list[tuple[int, int]]:
    """(offset as a fraction of the file in millionths, bit), spread over the whole file;
    the header's 100 bytes always among them."""
    rng = random.Random(seed)
    header = [(rng.randrange(100), rng.randrange(8)) for _ in range(count // 10)]
    return header + [
        (-rng.randrange(1_000_000), rng.randrange(8)) for _ in range(count - len(header))
    ]


def flip(path: Path, where: int, bit: int) -> None:
    data = bytearray(path.read_bytes())
    offset = where if where >= 0 else -where * len(data) // 1_000_000
    data[offset] ^= 1 << bit
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("where,bit", flips(100, seed=8))
def test_bit_flip(original: Path, tmp_path: Path, capsys, where: int, bit: int) -> None:
    path = copy_of(original, tmp_path)
    flip(path, where, bit)
    # The CSV reads the model as the Markdown does, and the PDF takes half a second: every
    # tenth flip is enough for them.
    more = ("csv", "pdf") if (where + bit) % 10 == 0 else ()
    run_all(path, capsys, ("check", "info", "history", "md", *more))


@pytest.mark.slow
@pytest.mark.parametrize("where,bit", flips(150, seed=88))
def test_bit_flip_more(original: Path, tmp_path: Path, capsys, where: int, bit: int) -> None:
    path = copy_of(original, tmp_path)
    flip(path, where, bit)
    run_all(path, capsys, ("check", "info", "history"))


def truncations(count: int) -> list[int]:
    """Lengths in millionths of the file, plus the edges of the header (as negatives)."""
    return [0, -1, -99, -100, -101, -4096, -4097] + [
        round(1_000_000 * (i + 0.5) / count) for i in range(count)
    ]


@pytest.mark.parametrize("length", truncations(33))
def test_truncated(original: Path, tmp_path: Path, capsys, length: int) -> None:
    path = copy_of(original, tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: -length if length < 0 else len(data) * length // 1_000_000])
    results = run_all(path, capsys, ("check", "info", "history", "md"))
    assert all(code == 1 for code, _, _ in results.values())


@pytest.mark.slow
@pytest.mark.parametrize("page", range(0, 49))
def test_truncated_at_every_page(original: Path, tmp_path: Path, capsys, page: int) -> None:
    path = copy_of(original, tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: page * 4096 + 17])
    run_all(path, capsys, ("check", "info"))


# -- tampered rows -----------------------------------------------------------------------------

FIRST_NOTE = "(SELECT min(rowid) FROM notes)"
MINDMAP_NOTE = "(SELECT source FROM links LIMIT 1)"
FIRST_BOARD = "(SELECT min(rowid) FROM boards)"
# A note the board draws where its x says: on a board without cells, not deleted.
FREE_NOTE = (
    "(SELECT min(n.rowid) FROM notes n JOIN boards b ON n.board = b.id "
    "WHERE b.cells = '[]' AND n.deleted = 0)"
)
LAST_LINE = "(SELECT max(id) FROM history WHERE state = 'done')"  # what undo reverts


def compressed(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"))


# (what, SQL, parameters): each one is damage `check` must report.
TAMPERS: list[tuple[str, str, tuple]] = [
    ("note text blob", f"UPDATE notes SET text = X'00FFFE' WHERE rowid = {FIRST_NOTE}", ()),
    ("note text NULL", f"UPDATE notes SET text = NULL WHERE rowid = {FIRST_NOTE}", ()),
    (
        "note text bad UTF-8",
        f"UPDATE notes SET text = CAST(X'E4B8C328' AS TEXT) WHERE rowid = {FIRST_NOTE}",
        (),
    ),
    ("note author blob", f"UPDATE notes SET author = X'01' WHERE rowid = {FIRST_NOTE}", ()),
    ("note created NULL", f"UPDATE notes SET created = NULL WHERE rowid = {FIRST_NOTE}", ()),
    ("note x NULL (a NaN)", f"UPDATE notes SET x = NULL WHERE rowid = {FIRST_NOTE}", ()),
    ("note x text", f"UPDATE notes SET x = 'left' WHERE rowid = {FIRST_NOTE}", ()),
    ("note x blob", f"UPDATE notes SET x = X'00' WHERE rowid = {FIRST_NOTE}", ()),
    ("note y infinite", f"UPDATE notes SET y = 9e999 WHERE rowid = {FIRST_NOTE}", ()),
    ("note w NULL", f"UPDATE notes SET w = NULL WHERE rowid = {FIRST_NOTE}", ()),
    ("note votes text", f"UPDATE notes SET votes = 'many' WHERE rowid = {FIRST_NOTE}", ()),
    ("note votes fraction", f"UPDATE notes SET votes = 1.5 WHERE rowid = {FIRST_NOTE}", ()),
    ("note seq text", f"UPDATE notes SET seq = 'first' WHERE rowid = {FIRST_NOTE}", ()),
    ("note seq negative", f"UPDATE notes SET seq = -1 WHERE rowid = {FIRST_NOTE}", ()),
    ("note seq huge", f"UPDATE notes SET seq = 9223372036854775807 WHERE rowid = {FIRST_NOTE}", ()),
    ("note deleted 7", f"UPDATE notes SET deleted = 7 WHERE rowid = {FIRST_NOTE}", ()),
    ("note collapsed NULL", f"UPDATE notes SET collapsed = NULL WHERE rowid = {FIRST_NOTE}", ()),
    ("note unknown kind", f"UPDATE notes SET kind = 'rumour' WHERE rowid = {FIRST_NOTE}", ()),
    ("note on a missing board", f"UPDATE notes SET board = 'gone' WHERE rowid = {FIRST_NOTE}", ()),
    ("note id blob", f"UPDATE notes SET id = X'0102' WHERE rowid = {FIRST_NOTE}", ()),
    ("mind-map note damaged", f"UPDATE notes SET x = NULL WHERE id = {MINDMAP_NOTE}", ()),
    (
        "note in a missing cell",
        "UPDATE notes SET cell = 'nowhere' WHERE rowid = (SELECT min(rowid) FROM notes "
        "WHERE cell IS NOT NULL)",
        (),
    ),
    (
        "note in a missing group",
        f"UPDATE notes SET cluster = 'gone' WHERE rowid = {FIRST_NOTE}",
        (),
    ),
    ("every position NULL", "UPDATE notes SET x = NULL, y = NULL", ()),
    ("board cells bad JSON", f"UPDATE boards SET cells = '[{{' WHERE rowid = {FIRST_BOARD}", ()),
    (
        "board cells nested deep",
        f"UPDATE boards SET cells = ? WHERE rowid = {FIRST_BOARD}",
        ("[" * 100_000,),
    ),
    (
        "board cells an object",
        "UPDATE boards SET cells = '{}' WHERE rowid = (SELECT rowid FROM boards "
        "WHERE cells != '[]' LIMIT 1)",
        (),
    ),
    (
        "board cell without fields",
        'UPDATE boards SET cells = \'[{"id": "a"}]\' WHERE rowid = (SELECT rowid FROM boards '
        "WHERE cells != '[]' LIMIT 1)",
        (),
    ),
    ("board cells blob", f"UPDATE boards SET cells = X'5B' WHERE rowid = {FIRST_BOARD}", ()),
    ("board name NULL", f"UPDATE boards SET name = NULL WHERE rowid = {FIRST_BOARD}", ()),
    (
        "board position text",
        f"UPDATE boards SET position = 'first' WHERE rowid = {FIRST_BOARD}",
        (),
    ),
    ("every board gone", "DELETE FROM boards", ()),
    ("group color not a color", "UPDATE clusters SET color = 'zz'", ()),
    ("group name blob", "UPDATE clusters SET name = X'00'", ()),
    ("link to a missing note", "UPDATE links SET target = 'gone'", ()),
    ("link of unknown kind", "UPDATE links SET kind = 'weird'", ()),
    ("vote round per person huge", "UPDATE vote_rounds SET per_person = 1000", ()),
    ("vote round state unknown", "UPDATE vote_rounds SET state = 'paused'", ()),
    ("vote round scope unknown", "UPDATE vote_rounds SET scope = 'room'", ()),
    ("vote round members bad JSON", "UPDATE vote_rounds SET members = '[{'", ()),
    ("vote round hidden 5", "UPDATE vote_rounds SET hidden = 5", ()),
    ("vote round per note negative", "UPDATE vote_rounds SET per_note = -1", ()),
    ("vote round on a missing board", "UPDATE vote_rounds SET board = 'gone'", ()),
    ("vote note blob", "UPDATE votes SET note = X'00'", ()),
    ("vote source NULL", "UPDATE votes SET source = NULL", ()),
    ("votes dropped", "DROP TABLE votes", ()),
    ("workshop title blob", "UPDATE workshop SET title = X'FF'", ()),
    ("workshop facilitator blob", "UPDATE workshop SET facilitator = X'FF'", ()),
    ("workshop facilitator column gone", "ALTER TABLE workshop DROP COLUMN facilitator", ()),
    ("workshop row gone", "DELETE FROM workshop", ()),
    ("history patches garbage", f"UPDATE history SET patches = X'00' WHERE id = {LAST_LINE}", ()),
    ("history undone_by blob", f"UPDATE history SET undone_by = X'FF' WHERE id = {LAST_LINE}", ()),
    (
        "history patches cut short",
        f"UPDATE history SET patches = substr(patches, 1, 20) WHERE id = {LAST_LINE}",
        (),
    ),
    ("history patches NULL", f"UPDATE history SET patches = NULL WHERE id = {LAST_LINE}", ()),
    ("history patches text", f"UPDATE history SET patches = 'abc' WHERE id = {LAST_LINE}", ()),
    (
        "history patches not JSON",
        f"UPDATE history SET patches = ? WHERE id = {LAST_LINE}",
        (compressed("not json"),),
    ),
    (
        "history patches nested deep",
        f"UPDATE history SET patches = ? WHERE id = {LAST_LINE}",
        (compressed("[" * 100_000),),
    ),
    (
        "history patches a bomb",
        f"UPDATE history SET patches = ? WHERE id = {LAST_LINE}",
        (zlib.compress(b" " * (300 * 1024 * 1024), 9),),
    ),
    (
        "history patch of nothing",
        f"UPDATE history SET patches = ? WHERE id = {LAST_LINE}",
        (compressed('[{"entity": "x"}]'),),
    ),
    (
        "history patch with a bad value",
        f"UPDATE history SET patches = ? WHERE id = {LAST_LINE}",
        (compressed('[{"entity": "note", "id": "a", "before": {"x": 1}, "after": {"x": "far"}}]'),),
    ),
    (
        # A patch without its "before": Patch.from_json raised KeyError where check passed it.
        "history patch missing a side",
        f"UPDATE history SET patches = ? WHERE id = {LAST_LINE}",
        (compressed('[{"entity": "note", "id": "a", "after": {"x": 1}}]'),),
    ),
    (
        # JSON holds whole numbers of any size: one no double can hold is not a position.
        "history patch with a huge number",
        f"UPDATE history SET patches = ? WHERE id = {LAST_LINE}",
        (
            compressed(
                '[{"entity": "note", "id": "a", "before": {"x": 1}, "after": {"x": 1%s}}]'
                % ("0" * 400)
            ),
        ),
    ),
    (
        "history patch with an infinite number",
        f"UPDATE history SET patches = ? WHERE id = {LAST_LINE}",
        (compressed('[{"entity": "note", "id": "a", "before": {"x": 1}, "after": {"x": 1e400}}]'),),
    ),
    ("history label blob", f"UPDATE history SET label = X'00' WHERE id = {LAST_LINE}", ()),
    ("history state unknown", f"UPDATE history SET state = 'weird' WHERE id = {LAST_LINE}", ()),
    (
        "notes a view",
        "ALTER TABLE notes RENAME TO notes_t; CREATE VIEW notes AS SELECT * FROM notes_t",
        (),
    ),
    (
        "history a view",
        "ALTER TABLE history RENAME TO history_t; CREATE VIEW history AS SELECT * FROM history_t",
        (),
    ),
    ("links dropped", "DROP TABLE links", ()),
    ("history dropped", "DROP TABLE history", ()),
    (
        "a column dropped",
        "DROP INDEX IF EXISTS idx_notes_board; ALTER TABLE notes DROP COLUMN votes",
        (),
    ),
    ("user_version 0", "PRAGMA user_version = 0", ()),
    ("user_version -1", "PRAGMA user_version = -1", ()),
    ("user_version 99", "PRAGMA user_version = 99", ()),
    ("application_id 0", "PRAGMA application_id = 0", ()),
    ("an extra table", "CREATE TABLE extra (x); INSERT INTO extra VALUES (1)", ()),
]


def tamper(path: Path, sql: str, params: tuple) -> None:
    conn = sqlite3.connect(path)
    try:
        if params:
            conn.execute(sql, params)
        else:
            conn.executescript(sql)
        conn.commit()
    finally:
        conn.close()


@pytest.mark.parametrize("what,sql,params", TAMPERS, ids=[t[0] for t in TAMPERS])
def test_tampered(
    original: Path, tmp_path: Path, capsys, what: str, sql: str, params: tuple
) -> None:
    path = copy_of(original, tmp_path)
    tamper(path, sql, params)
    # The PDF for the rows it draws; history and structure are covered by the others.
    pdf = () if what.startswith(("history", "user_version", "application_id")) else ("pdf",)
    results = run_all(path, capsys, FAST + pdf, write_open=True)
    if what not in ("an extra table",):
        assert results["check"][0] == 1, results["check"]


# -- the cases the issue names, each failing on the code before it ---------------------------


def tampered(original: Path, tmp_path: Path, sql: str, *params: object) -> Path:
    path = copy_of(original, tmp_path)
    tamper(path, sql, params)
    return path


def test_a_bad_row_opens_the_rest_and_says_which(original: Path, tmp_path: Path, capsys) -> None:
    unlinked = (
        "(SELECT min(rowid) FROM notes WHERE id NOT IN (SELECT source FROM links) "
        "AND id NOT IN (SELECT target FROM links))"
    )  # so it takes no link with it
    path = tampered(
        original, tmp_path, f"UPDATE notes SET text = X'00FF', x = NULL WHERE rowid = {unlinked}"
    )
    damaged_id = (
        sqlite3.connect(path)
        .execute(f"SELECT id FROM notes WHERE rowid = {unlinked}")
        .fetchone()[0]
    )
    session = Session.open(path, read_only=True)
    try:
        notes = sum(len(b.notes) for b in session.workshop.boards.values())
        assert notes == 299  # all but the damaged one, and that one reaches no window
        assert [d.id for d in session.store.damaged] == [damaged_id]
        assert "text is binary data" in session.store.damaged[0].reason
        assert_sane(session.workshop)
    finally:
        session.close()
    results = run_all(path, capsys, ("info", "check"))
    code, out, err = results["info"]
    assert code == 0 and json.loads(out)["boards"]
    assert err.startswith("pofacil: warning: ") and f"note {damaged_id}" in err
    code, _, err = results["check"]
    assert code == 1 and f"note {damaged_id}: text is binary data, not text" in err


def test_check_names_bad_cells_json(original: Path, tmp_path: Path, capsys) -> None:
    path = tampered(
        original, tmp_path, f"UPDATE boards SET cells = '[{{' WHERE rowid = {FIRST_BOARD}"
    )
    code, _, err = run_all(path, capsys, ("check",))["check"]
    assert code == 1 and "cells is not valid JSON" in err


def test_a_garbled_history_line_is_a_clear_error(original: Path, tmp_path: Path, capsys) -> None:
    path = tampered(
        original, tmp_path, f"UPDATE history SET patches = X'789C0001' WHERE id = {LAST_LINE}"
    )
    line = sqlite3.connect(path).execute(f"SELECT {LAST_LINE}").fetchone()[0]
    results = run_all(path, capsys, ("history", "check", "info"))
    code, _, err = results["history"]
    assert code == 1 and f"History line {line} of {path} is damaged" in err
    assert results["check"][0] == 1 and f"history line {line} is unreadable" in results["check"][2]
    assert results["info"][0] == 0  # the notes themselves are fine
    session = Session.open(path)
    try:
        assert session.store.last("done") == line
        before = session.workshop.rows()
        with pytest.raises(DamagedHistoryError, match=f"History line {line} .* cannot be"):
            session.undo()  # what Ctrl+Z does in the window
        assert session.workshop.rows() == before
    finally:
        session.close()


@pytest.mark.parametrize(
    "sql,words",
    [
        ("PRAGMA user_version = 0", "its file format version is 0"),
        (
            "ALTER TABLE notes RENAME TO notes_t; CREATE VIEW notes AS SELECT * FROM notes_t",
            "table notes is a view, not a table",
        ),
    ],
)
def test_structural_damage_is_one_line_for_every_open(
    original: Path, tmp_path: Path, capsys, sql: str, words: str
) -> None:
    path = tampered(original, tmp_path, sql)
    for code, _, err in run_all(path, capsys, FAST, write_open=True).values():
        assert code == 1 and words in err
    with pytest.raises(NotAWorkshopFile, match=words):
        Session.open(path)  # the app's open, for writing


def test_a_fifo_is_refused_without_opening_it(tmp_path: Path, capsys) -> None:
    path = tmp_path / "x.pofacil"
    os.mkfifo(path)  # no run_all: reading a FIFO for its digest is the very hang
    for name in FAST:
        with deadline(5):
            assert main(command(name, path, tmp_path)) == 1
        assert "not a regular file" in capsys.readouterr().err
    with deadline(5), pytest.raises(NotAWorkshopFile, match="not a regular file"):
        Session.open(path)


def test_a_deep_mind_map_exports_as_markdown(tmp_path: Path, capsys) -> None:
    path = tmp_path / "ws" / "deep.pofacil"
    path.parent.mkdir()
    source = tmp_path / "deep.md"
    source.write_text("".join("  " * i + f"- 第 {i} 層\n" for i in range(1000)), encoding="utf-8")
    assert main(["new", str(path), "--board", "mindmap"]) == 0
    assert main(["import", str(path), str(source)]) == 0
    for name in ("md", "pdf", "info", "check"):
        code, _, err = run_all(path, capsys, (name,))[name]
        assert code == 0, err
    minutes = (path.parent / "out" / "minutes.md").read_text(encoding="utf-8")
    assert "  " * 999 + "- 第 999 層" in minutes


def test_a_tiled_pdf_of_far_apart_notes_is_refused_before_drawing(
    original: Path, tmp_path: Path, capsys
) -> None:
    path = tampered(original, tmp_path, f"UPDATE notes SET x = 1000000 WHERE rowid = {FREE_NOTE}")
    code, _, err = run_all(path, capsys, ("pdf",))["pdf"]
    assert code == 1 and "more than 200 pages when tiled" in err
    assert os.listdir(path.parent / "out") == []
    assert main([*command("pdf", path, path.parent / "out"), "--fit"]) == 0


def test_an_infinitely_wide_board_is_refused_too(original: Path, tmp_path: Path, capsys) -> None:
    path = tampered(
        original,
        tmp_path,
        f"UPDATE notes SET x = 1e308 WHERE rowid = {FREE_NOTE}; "
        "UPDATE notes SET x = -1e308 WHERE rowid = (SELECT max(n.rowid) FROM "
        "notes n JOIN boards b ON n.board = b.id WHERE b.cells = '[]' AND "
        "n.deleted = 0)",
    )
    code, _, err = run_all(path, capsys, ("pdf",))["pdf"]
    assert code == 1 and "pages when tiled" in err


# -- real processes ------------------------------------------------------------------------


def pofacil(*args: str | Path, **kwargs: object) -> subprocess.CompletedProcess:
    kwargs.setdefault("timeout", 60)
    return subprocess.run(
        [sys.executable, "-m", "pofacil", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        **kwargs,
    )


@pytest.mark.parametrize("name", ["history", "info"])
def test_a_broken_pipe_exits_quietly(original: Path, name: str) -> None:
    # Closing the reading end before the command writes makes every write fail with EPIPE.
    proc = subprocess.Popen(
        [sys.executable, "-m", "pofacil", name, str(original)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8")
    assert proc.wait(timeout=60) in (0, 141) and err == ""


def test_a_broken_pipe_in_a_shell_pipeline(original: Path) -> None:
    result = subprocess.run(
        f"{sys.executable} -m pofacil history '{original}' | head -1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.count("\n") == 1 and result.stderr == ""


@pytest.mark.parametrize(
    "sql,args",
    [
        (f"UPDATE notes SET text = X'00FF' WHERE rowid = {FIRST_NOTE}", ("info",)),
        (f"UPDATE history SET patches = X'00' WHERE id = {LAST_LINE}", ("history",)),
        (f"UPDATE boards SET cells = '[{{' WHERE rowid = {FIRST_BOARD}", ("check",)),
    ],
)
def test_as_a_real_process(original: Path, tmp_path: Path, sql: str, args: tuple[str, ...]) -> None:
    path = tampered(original, tmp_path, sql)
    before = digest(path)
    result = pofacil(*args, path)
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("pofacil:")
    assert digest(path) == before


def test_a_fifo_does_not_hang_a_real_process(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "x.pofacil")
    result = pofacil("info", tmp_path / "x.pofacil", timeout=20)
    assert result.returncode == 1 and "not a regular file" in result.stderr
