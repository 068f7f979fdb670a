"""``pofacil export`` as a user runs it: real processes, exit codes, files whole or absent."""

import csv
import io
import os
import re
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from pofacil.board.formats.sample import write_sample
from pofacil.board.session import Session

TABLE = "議題脈絡分析表"
SHEET = "第一組：PO制度"
BOARDS = ["全體分享心智圖", TABLE, SHEET]


def pofacil(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pofacil", *map(str, args)],
        check=False,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env=env,
    )


def no_display_env() -> dict[str, str]:
    """As on a server or over ssh: no display and no Qt platform chosen."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
    }
    return env


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    return write_sample(tmp_path / "共識營 範例.pofacil")


def ok(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def test_markdown_and_csv(sample: Path, tmp_path: Path) -> None:
    md = tmp_path / "會議 紀錄.md"
    out = ok(pofacil("export", sample, "--md", md))
    assert out == f"wrote {md} (3 board(s), 40 note(s))\n"
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# 開放政府聯絡人共識營（範例）") and "## " + SHEET in text

    en = tmp_path / "minutes en.md"
    ok(pofacil("export", sample, en, "--md", "--lang", "en", "--board", TABLE))
    assert "### PO system / Now: current understanding" in en.read_text(encoding="utf-8")

    table = tmp_path / "會議 紀錄.csv"
    out = ok(pofacil("export", sample, "--csv", table, "--board", SHEET, "--board", TABLE))
    assert out == f"wrote {table} (2 board(s), 27 note(s))\n"
    data = table.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert [r["board"] for r in rows] == [TABLE] * 15 + [SHEET] * 12, "in board order, as the PDF"


def test_csv_export_imports_back(sample: Path, tmp_path: Path) -> None:
    table = tmp_path / "notes.csv"
    ok(pofacil("export", sample, "--csv", table))
    fresh = tmp_path / "fresh.pofacil"
    ok(
        pofacil(
            "new",
            fresh,
            "--board",
            f"mindmap:{BOARDS[0]}",
            "--board",
            f"issue-context:{TABLE}",
            "--board",
            f"concept-sheet:{SHEET}",
        )
    )
    # 40 rows: the mind map's root becomes the fresh board's untouched central topic, so 39
    # notes are new and every board holds what the sample's does.
    assert ok(pofacil("import", fresh, table)) == f"imported 39 note(s) into board {BOARDS[0]}\n"
    counts = [line for line in ok(pofacil("info", fresh)).splitlines() if "notes" in line]
    assert counts == [line for line in ok(pofacil("info", sample)).splitlines() if "notes" in line]


def test_png_of_one_board_without_a_display(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "議題 脈絡.png"
    stdout = ok(
        pofacil(
            "export", sample, "--png", out, "--board", TABLE, "--scale", "1", env=no_display_env()
        )
    )
    width, height = png_size(out)
    assert stdout == f"wrote {out} ({width} x {height} px, scale 1)\n"
    # The sample's table at one pixel per board unit: landscape, as the table stays at any size.
    assert 1400 < width < 1800 and 1.2 < width / height < 1.9
    assert sorted(p.name for p in tmp_path.iterdir()) == ["共識營 範例.pofacil", out.name]


def test_png_of_every_board_is_one_file_each(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "會議 紀錄.png"
    stdout = ok(pofacil("export", sample, "--png", out))
    written = [tmp_path / f"會議 紀錄-{name}.png" for name in BOARDS]
    assert [line.split(" (")[0] for line in stdout.splitlines()] == [f"wrote {p}" for p in written]
    for path in written:
        assert png_size(path)[0] > 500
    assert not out.exists(), "several boards: no file under the bare name"


def test_pdf(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "會議 紀錄.pdf"
    stdout = ok(pofacil("export", sample, "--pdf", out))
    lines = stdout.splitlines()
    assert re.fullmatch(rf"wrote {re.escape(str(out))} \(\d+ page\(s\), A4 landscape\)", lines[0])
    assert [line.split(":")[0].strip() for line in lines[1:]] == [*BOARDS, "record"]
    assert out.read_bytes().startswith(b"%PDF")
    one = tmp_path / "one board.pdf"
    ok(
        pofacil(
            "export",
            sample,
            "--pdf",
            one,
            "--board",
            TABLE,
            "--paper",
            "a3",
            "--tile",
            "--no-record",
            "--lang",
            "en",
        )
    )
    assert one.read_bytes().startswith(b"%PDF")
    leftovers = [p.name for p in tmp_path.iterdir() if "partial" in p.name]
    assert leftovers == []


def test_export_while_the_app_has_the_file_open(sample: Path, tmp_path: Path) -> None:
    session = Session.open(sample)  # as the window holds it: open for writing
    try:
        ok(pofacil("export", sample, "--md", tmp_path / "during.md"))
    finally:
        session.close()


@pytest.mark.parametrize(
    "args,words",
    [
        (["--md", "{tmp}/沒有 資料夾/會議 紀錄.md"], "does not exist"),
        (["--png", "{tmp}/沒有 資料夾/x.png"], "does not exist"),
        (["--csv", "{tmp}/x.csv", "--board", "第九組"], "no board named 第九組; the boards are: "),
        (["--png", "{tmp}/x.png", "--board", TABLE, "--board", "第九組"], "no board named 第九組"),
        (["--md", "{tmp}"], "is a folder"),
        (["--md", "{tmp}/共識營 範例.pofacil"], "is the workshop itself"),
    ],
)
def test_user_errors_exit_1_and_write_nothing(
    sample: Path, tmp_path: Path, args: list[str], words: str
) -> None:
    before = sorted(p.name for p in tmp_path.iterdir())
    saved = sample.read_bytes()
    result = pofacil("export", sample, *(a.replace("{tmp}", str(tmp_path)) for a in args))
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("pofacil: ") and words in lines[0], lines
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert sample.read_bytes() == saved


def test_missing_workshop_exits_1(tmp_path: Path) -> None:
    result = pofacil("export", tmp_path / "nope.pofacil", "--md", tmp_path / "x.md")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert not (tmp_path / "x.md").exists()


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0,
    reason="needs POSIX permissions that bind (root writes anywhere)",
)
def test_read_only_folder_exits_1(sample: Path, tmp_path: Path) -> None:
    folder = tmp_path / "唯讀"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        result = pofacil("export", sample, "--md", folder / "x.md")
        assert result.returncode == 1 and "not writable" in result.stderr
    finally:
        folder.chmod(0o700)


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--md"],
        ["--md", "--csv", "{tmp}/x.md"],
        ["--pdf", "{tmp}/x.pdf", "--paper", "A5"],
        ["--pdf", "{tmp}/x.pdf", "--fit", "--tile"],
        ["--png", "{tmp}/x.png", "--scale", "abc"],
        ["--png", "{tmp}/x.png", "--scale", "-1"],
        ["--md", "{tmp}/x.md", "--lang", "fr"],
    ],
)
def test_bad_command_lines_exit_2(sample: Path, tmp_path: Path, args: list[str]) -> None:
    result = pofacil("export", sample, *(a.replace("{tmp}", str(tmp_path)) for a in args))
    assert result.returncode == 2, result.stderr
    assert "usage: pofacil export" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["共識營 範例.pofacil"]


def test_failed_export_keeps_the_old_file(sample: Path, tmp_path: Path) -> None:
    old = tmp_path / "紀錄.md"
    old.write_text("上次的紀錄", encoding="utf-8")
    assert pofacil("export", sample, "--md", old, "--board", "第九組").returncode == 1
    assert old.read_text(encoding="utf-8") == "上次的紀錄"
