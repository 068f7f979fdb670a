"""`pofacil merge FILE OTHER [--board NAME]...` run as a real process: the boards of a
breakout table's file join the main workshop, and every file that cannot be merged is told
in one line, exit 1, with FILE and OTHER left exactly as they were."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.breakout import MINDMAP, SHEET, export_json, kept, write_breakout
from tests.camp import TABLE


def pofacil(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pofacil", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def new_main(path: Path) -> Path:
    assert (
        pofacil(
            "new", path, "--board", "issue-context", "--board", f"concept-sheet:{SHEET}"
        ).returncode
        == 0
    )
    return path


@contextmanager
def open_elsewhere(path: Path) -> Iterator[None]:
    """Another pofacil process with the workshop open for writing, as on a table's laptop."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pofacil.board.session import Session; "
            "s = Session.open(sys.argv[1]); print('open', flush=True); sys.stdin.read(); s.close()",
            str(path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        yield
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=60)


def test_merge_two_tables_then_history_and_export(tmp_path: Path) -> None:
    main = new_main(tmp_path / "main.pofacil")
    a = write_breakout(tmp_path / "table1.pofacil", 1)
    b = write_breakout(tmp_path / "table2.pofacil", 2)
    first = pofacil("merge", main, a)
    assert first.returncode == 0, first.stderr
    assert first.stderr == ""
    lines = first.stdout.splitlines()
    assert lines[0].startswith("merged 2 board(s) with ")
    assert lines[0].endswith(f"from {a} into {main}: {SHEET} as {SHEET} (2), {MINDMAP}")
    assert lines[1:] == ["2 deleted note(s) left out"]
    second = pofacil("merge", main, b, "--board", MINDMAP)
    assert second.returncode == 0, second.stderr
    assert second.stdout.splitlines()[0].endswith(f": {MINDMAP} as {MINDMAP} (2)")
    assert second.stdout.splitlines()[1:] == ["1 deleted note(s) left out"]

    history = pofacil("history", main).stdout.splitlines()
    assert history[-2].startswith(f"［{SHEET} (2)］ ")
    assert history[-2].endswith("從 table1.pofacil 合併 2 個白板")
    assert history[-1].startswith(f"［{MINDMAP} (2)］ ")
    assert history[-1].endswith("從 table2.pofacil 合併 1 個白板")

    merged = {bd["name"]: kept(bd) for bd in export_json(main, tmp_path / "m.json")["boards"]}
    assert list(merged) == [TABLE, SHEET, f"{SHEET} (2)", MINDMAP, f"{MINDMAP} (2)"]
    table1 = [kept(bd) for bd in export_json(a, tmp_path / "a.json")["boards"]]
    table2 = [kept(bd) for bd in export_json(b, tmp_path / "b.json")["boards"]]
    for copy, original in (
        (merged[f"{SHEET} (2)"], table1[0]),
        (merged[MINDMAP], table1[1]),
        (merged[f"{MINDMAP} (2)"], table2[1]),
    ):
        assert copy == {**original, "deleted_notes": 0}
    assert pofacil("check", main).returncode == 0


def test_what_cannot_be_merged_is_told_in_one_line_and_nothing_changes(tmp_path: Path) -> None:
    main = new_main(tmp_path / "main.pofacil")
    a = write_breakout(tmp_path / "table1.pofacil", 1, themes=4, points=1)
    text = tmp_path / "notes.pofacil"
    text.write_text("不是工作坊\n", encoding="utf-8")
    truncated = tmp_path / "cut.pofacil"
    shutil.copy(a, truncated)
    os.truncate(truncated, truncated.stat().st_size // 2)
    garbled = tmp_path / "garbled.pofacil"
    data = bytearray(a.read_bytes())
    data[8192:16384] = bytes(range(256)) * 32
    garbled.write_bytes(bytes(data))
    foreign = tmp_path / "other.pofacil"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.commit()
    cases = [
        (
            (a, "--board", "全體"),
            f"table1.pofacil has no board named 全體; its boards are: {SHEET}, {MINDMAP}.",
        ),
        ((tmp_path / "gone.pofacil",), "gone.pofacil: no such file."),
        ((text,), "notes.pofacil is not a pofacil workshop file."),
        ((truncated,), "cut.pofacil is damaged: the file is truncated"),
        ((garbled,), "garbled.pofacil is damaged"),
        ((foreign,), "other.pofacil is a database of another program"),
        ((main,), "main.pofacil is the workshop itself; choose the file of another workshop"),
        ((tmp_path / "." / "main.pofacil",), "is the workshop itself"),
    ]
    files = [main, a, text, truncated, garbled, foreign]
    before = {p: sha256(p) for p in files}

    def refused(*args: str | Path) -> str:
        result = pofacil("merge", *args)
        assert result.returncode == 1 and result.stdout == "", result
        assert result.stderr.startswith("pofacil: ") and result.stderr.count("\n") == 1
        assert "Traceback" not in result.stderr
        return result.stderr

    for args, words in cases:
        assert words in refused(main, *args)
    with open_elsewhere(a):
        assert "table1.pofacil is open in another pofacil window; close it there first" in refused(
            main, a
        )
    with open_elsewhere(main):
        assert "main.pofacil is open in another pofacil window" in refused(main, a)
    assert {p: sha256(p) for p in files} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in files)
    usage = pofacil("merge", main)
    assert usage.returncode == 2 and "the following arguments are required: other" in usage.stderr


def test_a_table_file_on_a_write_protected_stick(read_only_stick: Path, tmp_path: Path) -> None:
    main = new_main(tmp_path / "main.pofacil")
    digest = sha256(read_only_stick)
    result = pofacil("merge", main, read_only_stick)
    assert result.returncode == 0, result.stderr
    assert " with 40 note(s) from " in result.stdout
    assert sha256(read_only_stick) == digest


def test_a_file_from_an_older_pofacil_is_merged_and_left_as_it_was(tmp_path: Path) -> None:
    main = new_main(tmp_path / "main.pofacil")
    a = write_breakout(tmp_path / "table1.pofacil", 1, themes=4, points=1)
    conn = sqlite3.connect(a)
    for column in ("origin", "collapsed", "seq"):
        conn.execute(f"ALTER TABLE notes DROP COLUMN {column}")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    digest = sha256(a)
    assert "older file format" in pofacil("export", a, "--json", tmp_path / "x.json").stderr
    result = pofacil("merge", main, a)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("merged 2 board(s) with ")
    assert sha256(a) == digest
    assert pofacil("check", main).returncode == 0
