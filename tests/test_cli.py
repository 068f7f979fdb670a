"""The command line: exit codes, one-line errors without tracebacks, and what each command
prints."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pofacil.board.formats.sample import write_sample
from pofacil.cli import main


def pofacil(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pofacil", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


def test_new_info_import_history_check(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    ws = tmp_path / "共識營 2026.pofacil"
    assert (
        main(
            [
                "new",
                str(ws),
                "--title",
                "共識營",
                "--board",
                "issue-context",
                "--board",
                "blank:全體",
            ]
        )
        == 0
    )
    csv = tmp_path / "notes.csv"
    csv.write_text(
        "text,kind,cell,author\n兼任很忙,problem,PO角色/現在的認知,王素琴\n"
        "希望考核,need,部會需求/未來的期待,\n",
        encoding="utf-8",
    )
    assert main(["import", str(ws), str(csv), "--board", "議題脈絡分析表"]) == 0
    capsys.readouterr()
    assert main(["info", str(ws), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["title"] == "共識營"
    table, blank = info["boards"]
    assert (table["name"], table["template"], table["notes"]) == (
        "議題脈絡分析表",
        "issue-context",
        2,
    )
    counts = {(c["row"], c["column"]): c["notes"] for c in table["cells"]}
    assert len(counts) == 10
    assert counts[("PO角色", "現在的認知")] == 1 and counts[("部會需求", "未來的期待")] == 1
    assert counts[("PO制度", "現在的認知")] == 0
    assert (blank["name"], blank["notes"], blank["cells"], blank["clusters"]) == ("全體", 0, [], [])
    assert main(["history", str(ws)]) == 0
    assert "新增 2 張便利貼" in capsys.readouterr().out
    assert main(["check", str(ws)]) == 0
    assert capsys.readouterr().out.startswith("ok: ")


def test_info_counts_clusters_and_hides_deleted(tmp_path: Path, capsys) -> None:
    ws = tmp_path / "w.pofacil"
    main(["new", str(ws)])
    csv = tmp_path / "c.csv"
    csv.write_text("text,cluster\n一,人力\n二,人力\n三,\n", encoding="utf-8")
    main(["import", str(ws), str(csv)])
    capsys.readouterr()
    main(["info", str(ws), "--json"])
    board = json.loads(capsys.readouterr().out)["boards"][0]
    assert board["notes"] == 3 and board["clusters"] == [{"name": "人力", "notes": 2}]


def test_templates_lists_ids_and_names(capsys) -> None:
    assert main(["templates"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "blank\t空白白板\tBlank board" in lines
    assert any(line.startswith("issue-context\t議題脈絡分析表") for line in lines)


@pytest.mark.parametrize(
    "args,words",
    [
        (["new", "{tmp}/sample.pofacil"], "already exists"),
        (["new", "{tmp}/x.pofacil", "--board", "kanban"], "Unknown template kanban"),
        (["new", "{tmp}/x.pofacil", "--board", "blank:A", "--board", "blank:A"], "already a board"),
        (["info", "{tmp}/missing.pofacil"], "no such file"),
        (["info", "{tmp}/junk.pofacil"], "not a pofacil workshop"),
        (["import", "{tmp}/sample.pofacil", "{tmp}/junk.pofacil"], "imports .csv, .txt and .md"),
        (["import", "{tmp}/sample.pofacil", "{tmp}/bad.csv"], "line 2: unknown kind"),
        (
            ["import", "{tmp}/sample.pofacil", "{tmp}/bad.csv", "--board", "第九組"],
            "no board named",
        ),
        (["history", "{tmp}/sample.pofacil", "--note", "nope"], "no note"),
    ],
)
def test_user_errors_exit_1_with_one_line(tmp_path: Path, args: list[str], words: str) -> None:
    write_sample(tmp_path / "sample.pofacil")
    (tmp_path / "junk.pofacil").write_bytes(b"\x00\x01not sqlite" * 20)
    (tmp_path / "bad.csv").write_text("text,kind\n一,rumour\n", encoding="utf-8")
    before = (tmp_path / "sample.pofacil").read_bytes()
    result = pofacil(*(a.replace("{tmp}", str(tmp_path)) for a in args))
    assert result.returncode == 1, result.stderr
    assert words in result.stderr
    assert result.stderr.startswith("pofacil: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert (tmp_path / "sample.pofacil").read_bytes() == before
    assert not (tmp_path / "x.pofacil").exists()


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    for args in (["info"], ["new"], ["import", "a.pofacil"], ["info", "x", "--bogus"]):
        result = pofacil(*args)
        assert result.returncode == 2 and "usage:" in result.stderr
        assert "Traceback" not in result.stderr


def test_check_reports_damage(tmp_path: Path) -> None:
    import sqlite3

    path = write_sample(tmp_path / "s.pofacil")
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM boards")
    conn.commit()
    conn.close()
    result = pofacil("check", path)
    assert result.returncode == 1
    assert "is missing or damaged" in result.stderr and "more" in result.stderr
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr


def test_new_with_every_template_and_cells_by_label(tmp_path: Path, capsys) -> None:
    ws = tmp_path / "camp.pofacil"
    assert (
        main(
            [
                "new",
                str(ws),
                "--board",
                "issue-context",
                "--board",
                "mindmap:全體",
                "--board",
                "concept-sheet:第一組",
                "--board",
                "hopes-fears",
            ]
        )
        == 0
    )
    csv = tmp_path / "sheet.csv"
    csv.write_text(
        "text,cell\n兼任太忙,r1/problem\n納入考核,第1列/解法\n人事規定,Row 2/Risk or obstacle\n",
        encoding="utf-8",
    )
    assert main(["import", str(ws), str(csv), "--board", "第一組"]) == 0
    bad = tmp_path / "bad.csv"
    bad.write_text("text,cell\n一,第1列/問題\n二,第9列/問題\n", encoding="utf-8")
    assert main(["import", str(ws), str(bad), "--board", "第一組"]) == 1
    assert "line 3: unknown cell '第9列/問題'" in capsys.readouterr().err
    main(["info", str(ws), "--json"])
    boards = json.loads(capsys.readouterr().out)["boards"]
    assert [(b["name"], b["template"]) for b in boards] == [
        ("議題脈絡分析表", "issue-context"),
        ("全體", "mindmap"),
        ("第一組", "concept-sheet"),
        ("期待與擔憂 → 需求", "hopes-fears"),
    ]
    assert boards[1]["notes"] == 1, "a mind map starts with its central topic"
    sheet = {(c["row"], c["column"]): c["notes"] for c in boards[2]["cells"]}
    assert sheet[("第1列", "問題")] == 1 and sheet[("第1列", "解法")] == 1
    assert sheet[("第2列", "風險與障礙")] == 1 and sum(sheet.values()) == 3
