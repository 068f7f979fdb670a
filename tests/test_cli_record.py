"""The accountability record as a user gets it from the command line: who changed what, the
record's corrections, times that survive import, copy and export, removed notes kept out."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from pofacil.board import ops
from pofacil.board.ops.boards import copy_notes
from pofacil.board.session import Session
from tests.test_cli_export import pofacil as run


def pofacil(*args: str | Path, actor: str | None = None) -> subprocess.CompletedProcess[str]:
    """A real process, with ``POFACIL_ACTOR`` as given (unset for None)."""
    env = {k: v for k, v in os.environ.items() if k != "POFACIL_ACTOR"}
    if actor is not None:
        env["POFACIL_ACTOR"] = actor
    return run(*args, env=env)


def ok(*args: str | Path, actor: str | None = None) -> str:
    done = pofacil(*args, actor=actor)
    assert done.returncode == 0, done.stderr
    return done.stdout


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, check=True)
    return "".join(out.stdout.decode("utf-8").split())


WITHDRAWN = "請刪除這句斷章取義的話"


@pytest.fixture
def camp(tmp_path: Path) -> Path:
    """A morning's table: an import with times, a correction, a withdrawn point, an undo."""
    path = tmp_path / "camp.pofacil"
    ok("new", path, "--title", "共識營", "--date", "2026-11-20", "--board", "issue-context")
    ok("set", path, "--venue", "行政院", "--facilitator", "王小明", "--actor", "王小明")
    csv = tmp_path / "morning.csv"
    csv.write_text(
        "text,author,created,cell\n"
        "開放資料,李小華,09:05,PO制度 / 現在的認知\n"
        f"{WITHDRAWN},陳大文,09:07,PO制度 / 現在的認知\n"
        "跨部會合作難,林書記,2026-11-20T09:12:00,PO角色 / 現在的認知\n",
        encoding="utf-8",
    )
    ok("import", path, csv, actor="林書記")
    s = Session.open(path, actor="王小明")
    try:
        notes = {n.text: n.id for n in s.workshop.ordered_boards()[0].notes.values()}
        s.do(ops.edit_text(s.workshop, notes["開放資料"], "開放資料要好用"))
        s.do(ops.set_author(s.workshop, notes["開放資料"], "李小華（經濟部）"))
        # Reworded, then withdrawn at the speaker's request: neither text may reappear.
        s.do(ops.edit_text(s.workshop, notes[WITHDRAWN], WITHDRAWN + "（改）"))
        s.do(ops.delete_notes(s.workshop, [notes[WITHDRAWN]]))
        s.do(ops.move_notes(s.workshop, {notes["跨部會合作難"]: (900.0, 900.0)}))
        s.undo()
    finally:
        s.close()
    return path


def test_history_reads_as_sentences_naming_the_facilitator(camp: Path) -> None:
    zh = ok("history", camp).splitlines()
    assert zh[0].startswith("王小明 於 ") and "主持人：（無） → 「王小明」" in zh[0]
    text = "\n".join(zh)
    assert "林書記 於 " in text and "新增 3 張便利貼" in text
    assert "修改文字：「開放資料」 → 「開放資料要好用」" in text
    assert "發言者：「李小華」 → 「李小華（經濟部）」" in text
    assert "刪除便利貼" in text
    assert "王小明 於 " in zh[-1] and "復原了：移動便利貼「跨部會合作難」" in zh[-1]
    assert "dropped" not in text and "(+" not in text
    en = ok("history", camp, "--lang", "en")
    assert "edited the text: “開放資料” → “開放資料要好用”" in en
    assert "undid: moved the note “跨部會合作難”" in en


def test_the_record_marks_corrections_and_lists_them_on_request(camp: Path) -> None:
    plain, full = camp.with_name("plain.pdf"), camp.with_name("full.pdf")
    ok("export", camp, plain, "--pdf")
    ok("export", camp, full, "--pdf", "--corrections")
    text = pdf_text(plain)
    assert "開放資料要好用（已修正）" in text
    assert "修正紀錄" not in text
    assert "主持人：王小明" in text
    assert "09:05" in text and "09:12" in text  # HH:MM on the workshop's day
    listed = pdf_text(full)
    assert "修正紀錄" in listed
    assert "文字：「開放資料」→「開放資料要好用」（王小明" in listed
    assert "發言者：「李小華」→「李小華（經濟部）」" in listed
    md = camp.with_name("m.md")
    ok("export", camp, md, "--md", "--corrections", "--lang", "en")
    minutes = md.read_text(encoding="utf-8")
    assert "開放資料要好用 (corrected)" in minutes
    assert "## Corrections" in minutes and "“開放資料” → “開放資料要好用”" in minutes


def test_a_removed_note_is_in_no_export(camp: Path) -> None:
    for flag, suffix in (("--pdf", "pdf"), ("--md", "md"), ("--csv", "csv"), ("--json", "json")):
        for extra in ((), ("--corrections",)) if flag in ("--pdf", "--md") else ((),):
            out = camp.with_name(f"out{''.join(extra)}.{suffix}")
            ok("export", camp, out, flag, *extra)
            text = pdf_text(out) if suffix == "pdf" else out.read_text(encoding="utf-8-sig")
            assert "請刪除" not in text, (flag, extra)
            if suffix == "pdf":
                assert "已刪除1則" in text  # counted, never listed
    # The history is the facilitator's tool: it may tell of it.
    assert WITHDRAWN in ok("history", camp)


FIELDS = ("text", "kind", "author", "created", "cell", "votes")


def _notes(path: Path) -> list[dict[str, object]]:
    out = path.with_suffix(".json")
    ok("export", path, out, "--json")
    data = json.loads(out.read_text(encoding="utf-8"))
    rows = []
    for board in data["boards"]:
        groups = {c["id"]: c["name"] for c in board["clusters"]}
        parents = {lk["target"]: lk["source"] for lk in board["links"] if lk["kind"] == "child"}
        texts = {n["id"]: n["text"] for n in board["notes"]}
        for n in board["notes"]:
            row: dict[str, object] = {k: n[k] for k in FIELDS}
            row["group"] = groups.get(n["cluster"])
            row["parent"] = texts.get(parents.get(n["id"], ""))
            row["order"] = n["seq"]
            row["board"] = board["name"]
            rows.append(row)
    return rows


def test_csv_round_trip_keeps_every_listed_field(camp: Path, tmp_path: Path) -> None:
    s = Session.open(camp, actor="王小明")
    try:
        table = s.workshop.ordered_boards()[0]
        live = sorted(table.live_notes(), key=lambda n: n.created)
        s.do(ops.cluster_notes(s.workshop, [live[0].id], "資料組"))
        s.do(ops.Change("vote", [ops_votes(live[1], 4)], table.id))
        s.do(ops.add_board(s.workshop, "mindmap", "心智圖"))
        mind = s.workshop.find_board("心智圖")
        from pofacil.board.ops.boards import add_branch

        centre = next(iter(mind.notes.values()))
        s.do(add_branch(s.workshop, centre.id, "分支一"))
    finally:
        s.close()
    csv = tmp_path / "all.csv"
    ok("export", camp, csv, "--csv")
    assert "2026-11-20T09:05:00" in csv.read_text(encoding="utf-8-sig")
    again = tmp_path / "again.pofacil"
    ok(
        "new",
        again,
        "--date",
        "2026-11-20",
        "--board",
        "issue-context",
        "--board",
        "mindmap:心智圖",
    )
    # The new mind map's own centre is replaced by the file's tree.
    s = Session.open(again)
    try:
        mind = s.workshop.find_board("心智圖")
        s.do(ops.delete_notes(s.workshop, list(mind.notes)))
    finally:
        s.close()
    ok("import", again, csv)
    first, second = _notes(camp), _notes(again)
    key = lambda r: (str(r["board"]), str(r["created"]), str(r["text"]))  # noqa: E731
    assert sorted(first, key=key) == sorted(second, key=key)


def ops_votes(note: object, votes: int) -> ops.Patch:  # type: ignore[name-defined]
    from pofacil.board.ops.notes import update_patch

    patch = update_patch(note, votes=votes)  # type: ignore[arg-type]
    assert patch is not None
    return patch


def test_copies_keep_the_original_time_and_speaker(camp: Path) -> None:
    ok("new", camp.with_name("x.pofacil"))
    s = Session.open(camp)
    try:
        s.do(ops.add_board(s.workshop, "blank", "整理"))
        table = s.workshop.ordered_boards()[0]
        original = min(table.live_notes(), key=lambda n: n.created)
        target = s.workshop.find_board("整理")
        change = s.do(copy_notes(s.workshop, [original.id], target.id))
        copy = s.workshop.note(change.subjects[0])
        assert (copy.created, copy.author, copy.origin) == (
            original.created,
            original.author,
            original.id,
        )
    finally:
        s.close()


def test_a_bad_time_is_refused_by_line_and_nothing_imported(camp: Path) -> None:
    bad = camp.with_name("bad.csv")
    bad.write_text("text,created\n好的,10:00\n壞的,十點\n", encoding="utf-8")
    done = pofacil("import", camp, bad)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "line 3" in done.stderr and "十點" in done.stderr and "10:42" in done.stderr
    assert "好的" not in ok("export", camp, camp.with_name("x.md"), "--md") + camp.with_name(
        "x.md"
    ).read_text(encoding="utf-8")


def test_set_is_one_step_each_and_refuses_a_bad_date(camp: Path) -> None:
    ok("set", camp, "--title", "第二次共識營", actor="林書記")
    bad = pofacil("set", camp, "--date", "11/20/2026")
    assert bad.returncode == 1 and "YYYY-MM-DD" in bad.stderr and "Traceback" not in bad.stderr
    none = pofacil("set", camp)
    assert none.returncode == 2 and "--title" in none.stderr
    s = Session.open(camp)
    try:
        assert s.workshop.info.title == "第二次共識營"
        assert s.history()[-1].actor == "林書記"
        s.undo()
        assert s.workshop.info.title == "共識營" and s.workshop.info.facilitator == "王小明"
    finally:
        s.close()
    md = camp.with_name("h.md")
    ok("export", camp, md, "--md")
    assert "主持人：王小明" in md.read_text(encoding="utf-8")
